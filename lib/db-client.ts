// Builds a Prisma client on adapter-pg; shared by the app (lib/db.ts), the seed and the tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { databaseEnv } from "./env";

export function createPrismaClient(options: { url?: string; poolMax?: number } = {}) {
  const configured = options.url ? undefined : databaseEnv();
  const adapter = new PrismaPg({
    connectionString: options.url ?? configured!.DATABASE_URL,
    max: options.poolMax ?? configured?.DATABASE_POOL_MAX ?? 1,
  });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
