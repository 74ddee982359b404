// The database for lib/notify. The same client as lib/db.ts (one pool per process, shared through the
// same global), but without the "server-only" marker, so the standalone worker (scripts/worker.ts, run
// by tsx outside Next.js) can load these modules too.
import type { Prisma } from "../generated/prisma/client";
import { createPrismaClient, type Db } from "../db-client";

const globalForDb = globalThis as unknown as { cporDb?: Db };

export function notifyDb(): Db {
  return (globalForDb.cporDb ??= createPrismaClient());
}

/** A transaction client; the client itself fits too, for callers that are not in a transaction. */
export type Tx = Prisma.TransactionClient;
