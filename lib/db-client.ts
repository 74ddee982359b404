// Builds a Prisma client on adapter-pg; shared by the app (lib/db.ts), the seed and the tests.
import { PrismaPg } from "@prisma/adapter-pg";
import type { ClientBase } from "pg";
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

export function createPrismaClient(options: { url?: string; poolMax?: number } = {}) {
  const configured = options.url ? undefined : databaseEnv();
  const adapter = new PrismaPg({
    connectionString: options.url ?? configured!.DATABASE_URL,
    max: options.poolMax ?? configured?.DATABASE_POOL_MAX ?? 1,
    onConnect: listenForErrors,
  });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;

/**
 * A fixed list of the code's own values (statuses, kinds; never user input) as SQL literals, for
 * `IN (...)`: the planner sees constants (a partial index's predicate can be proven), and an enum
 * column compares without casts.
 */
export const sqlList = (values: readonly string[]) => Prisma.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "));

/** A transaction client; the client itself fits too, for callers that are not in a transaction. */
export type Tx = Prisma.TransactionClient;
