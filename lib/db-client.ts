// Builds a Prisma client on adapter-pg; shared by the app (lib/db.ts), the seed and the tests.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type ClientBase } from "pg";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { databaseEnv } from "./env";

/**
 * Every connection listens for its own errors. pg-pool hands a connection released while its reply was
 * being read straight to the next waiting transaction, which subscribes only a moment later; when the
 * server ends the session (a restart) its notice comes in that same read, and with no listener the
 * connection's "error" event was an uncaught exception. The error itself is not lost: the connection is
 * no longer queryable, so the transaction fails (and is answered "unavailable") and the pool drops it.
 */
const listenForErrors = (connection: ClientBase) => {
  connection.on("error", () => undefined);
};

const pools = new WeakMap<object, pg.Pool>();

/**
 * Names the first `limit` different statements this process sends, so that each connection parses and
 * plans them once (pg keeps a connection's named statements; the server keeps their plans, a generic
 * one after five runs when it costs no more than the custom ones). Planning was most of the server's
 * time for the submission's statements. Later statements run unnamed: a connection never holds more
 * than `limit`. The name is the text's hash, so the same text has the same name on every connection.
 */
export function statementNames(limit: number) {
  const names = new Map<string, string>();
  return (query: { sql: string }): string => {
    let name = names.get(query.sql);
    if (name === undefined && names.size < limit) {
      name = `cpor_${createHash("sha1").update(query.sql).digest("base64url")}`;
      names.set(query.sql, name);
    }
    // An empty name is PostgreSQL's unnamed statement: parsed and planned on each run.
    return name ?? "";
  };
}

export function createPrismaClient(options: { url?: string; poolMax?: number } = {}) {
  const configured = options.url ? undefined : databaseEnv();
  const pool = new pg.Pool({
    connectionString: options.url ?? configured!.DATABASE_URL,
    max: options.poolMax ?? configured?.DATABASE_POOL_MAX ?? 1,
    onConnect: listenForErrors,
    // A script that is done (and disconnected) exits without waiting for idle connections to time out.
    allowExitOnIdle: true,
  });
  // A client for an explicit URL (tests, benchmarks) prepares nothing; the portal's takes its setting.
  const statementCache = configured?.DATABASE_STATEMENT_CACHE ?? 0;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: statementCache > 0 ? statementNames(statementCache) : undefined });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  return client;
}

export type Db = ReturnType<typeof createPrismaClient>;

/**
 * The connection pool under a client, for the one other user of the same connections: the job queue
 * (lib/jobs), which sends its own SQL. The embedded database takes a single connection, so the queue
 * cannot open a pool of its own.
 */
export function poolOf(client: Db): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("Not a client made by createPrismaClient.");
  return pool;
}

/**
 * A fixed list of the code's own values (statuses, kinds; never user input) as SQL literals, for
 * `IN (...)`: the planner sees constants (a partial index's predicate can be proven), and an enum
 * column compares without casts.
 */
export const sqlList = (values: readonly string[]) => Prisma.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "));

/** A transaction client; the client itself fits too, for callers that are not in a transaction. */
export type Tx = Prisma.TransactionClient;
