// The one Prisma client of the portal (adapter-pg over DATABASE_URL), created on first use so a
// build without configuration can still import it. The one way to the database for the portal and the
// standalone worker (scripts/worker.ts) alike; pages and components may not import it (eslint.config.mjs).
import { createPrismaClient, poolOf, type Db } from "./db-client";

const globalForDb = globalThis as unknown as { cporDb?: Db };

/** Reused across hot reloads in development so the pool is not re-created each time. */
const client = () => (globalForDb.cporDb ??= createPrismaClient());

export const db: Db = new Proxy({} as Db, {
  get(_, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

/** The portal's connection pool, shared with the job queue (lib/jobs/queue.ts). */
export const dbPool = () => poolOf(client());
