// The one Prisma client of the portal (adapter-pg over DATABASE_URL).
import "server-only";
import { createPrismaClient } from "./db-client";

const globalForDb = globalThis as unknown as { cporDb?: ReturnType<typeof createPrismaClient> };

/** Reused across hot reloads in development so the pool is not re-created each time. */
export const db = (globalForDb.cporDb ??= createPrismaClient());
