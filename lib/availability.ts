// When a service the portal depends on cannot be reached or cannot keep up (the database restarting,
// down, or too busy to run a transaction in time; blob storage down): how to recognise it, and the
// answers that say "try again shortly" instead of a server error, a sign-in page or "not found": 503
// from route handlers, "unavailable" from server actions.
import "server-only";

export type Service = "database" | "blobStorage";

/** Thrown where the cause would otherwise be lost or misread (a session that could not be looked up). */
export class ServiceUnavailable extends Error {
  constructor(
    readonly service: Service,
    options?: { cause?: unknown },
  ) {
    super(`${service} unavailable`, options);
    this.name = "ServiceUnavailable";
  }
}

/** Prisma's codes for a database that cannot be reached, closed the connection, timed out or has no connection to give. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** adapter-pg's kinds for the same. */
const DRIVER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * PostgreSQL's: connection exceptions (class 08), too many connections, and the server shutting down,
 * starting up or ending sessions (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
 */
const POSTGRES_CODE = /^(08...|53300|57P0[123])$/;
/**
 * node-pg's words (passed on as they are) when the server goes away mid-query, when a pooled connection
 * the server already ended is used, and when its pool's connection timeout passes.
 */
const DRIVER_MESSAGE = /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect)$/;
/** Network failures of the blob service client (@azure/storage-blob's RestError codes), and its answers "busy" or "unavailable". */
const STORAGE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EAI_AGAIN", "REQUEST_SEND_ERROR"]);

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; statusCode?: unknown; request?: unknown };

/**
 * Prisma's P2028 when the database is too busy: no connection for the transaction within its wait
 * ("Unable to start a transaction in the given time"), or the transaction outlasted its timeout and was
 * rolled back (meta.timeTaken over meta.timeout). Its other P2028s (a transaction used after it ended)
 * are mistakes of ours and stay errors.
 */
function transactionStarved(error: ErrorLike & { meta?: { timeout?: unknown; timeTaken?: unknown } }) {
  if (error.code !== "P2028") return false;
  const { timeout, timeTaken } = error.meta ?? {};
  return (typeof timeout === "number" && typeof timeTaken === "number" && timeTaken > timeout) || (typeof error.message === "string" && error.message.includes("Unable to start a transaction in the given time"));
}

function databaseCause(error: ErrorLike): boolean {
  if (typeof (error as { clientVersion?: unknown }).clientVersion === "string" && ((typeof error.code === "string" && PRISMA_CODES.has(error.code)) || transactionStarved(error))) return true;
  const driver = (error.name === "DriverAdapterError" ? error : error.meta?.driverAdapterError) as ErrorLike | undefined;
  const cause = driver?.cause as { kind?: string; code?: string; originalCode?: string } | undefined;
  if (cause?.kind && DRIVER_KINDS.has(cause.kind)) return true;
  if (cause?.kind === "postgres" && POSTGRES_CODE.test(cause.originalCode ?? cause.code ?? "")) return true;
  return typeof error.message === "string" && DRIVER_MESSAGE.test(error.message);
}

function storageCause(error: ErrorLike): boolean {
  if (error.name !== "RestError") return false;
  return (typeof error.code === "string" && STORAGE_CODES.has(error.code)) || error.statusCode === 503;
}

/** Which service an error says is unreachable (following its causes), or null for any other error. */
export function unavailableService(error: unknown): Service | null {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; current = (current as ErrorLike).cause, depth++) {
    if (current instanceof ServiceUnavailable) return current.service;
    if (databaseCause(current as ErrorLike)) return "database";
    if (storageCause(current as ErrorLike)) return "blobStorage";
  }
  return null;
}

function logUnavailable(service: Service, error: unknown) {
  const cause = error instanceof ServiceUnavailable ? error.cause : error;
  console.error(`${service === "database" ? "Database" : "Blob storage"} unavailable, answered "try again": ${cause instanceof Error ? cause.message.trim().split("\n").pop() : String(cause)}`);
}

const RETRY_AFTER_SECONDS = "30";

const unavailableHeaders = { "retry-after": RETRY_AFTER_SECONDS, "cache-control": "no-store" };

/**
 * A route handler that answers 503 with Retry-After when a service it needs cannot be reached: the body
 * is `{ error: "unavailable" }`, or what `page` makes of the request (the customer's HTML page); every
 * other error goes on as before.
 */
export function answerUnavailable<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>, page?: (request: Request) => Promise<{ body: string; contentType: string }>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const service = unavailableService(error);
      if (!service) throw error;
      logUnavailable(service, error);
      if (!page) return Response.json({ error: "unavailable" }, { status: 503, headers: unavailableHeaders });
      const { body, contentType } = await page(args[0]);
      return new Response(body, { status: 503, headers: { ...unavailableHeaders, "content-type": contentType } });
    }
  };
}

/**
 * Runs a server action's work; when a service it needs cannot be reached, returns `unavailable` (the
 * form's own message, the entries kept) instead of throwing, which would replace the page with an error.
 */
export async function unlessUnavailable<T, U>(work: () => Promise<T>, unavailable: U): Promise<T | U> {
  try {
    return await work();
  } catch (error) {
    const service = unavailableService(error);
    if (!service) throw error;
    logUnavailable(service, error);
    return unavailable;
  }
}
