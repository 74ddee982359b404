// Prisma CLI configuration: adapter-pg against DATABASE_URL for everything, except authoring
// new migrations (`npm run db:migrate:new`), which needs the in-process PGlite adapter offline.
import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";

const authoring = process.env.PRISMA_AUTHORING === "1";
// The CLI needs a postgresql:// URL whenever it runs (even for `generate`), or it falls back to
// native engines it cannot download. Commands that connect fail loudly on this placeholder.
process.env.DATABASE_URL ??= "postgresql://DATABASE_URL-is-not-set@127.0.0.1:1/unset";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    if (authoring) {
      const { PGlite } = await import("@electric-sql/pglite");
      const { PrismaPGlite } = await import("pglite-prisma-adapter");
      const { mkdirSync } = await import("node:fs");
      const dir = path.join(".data", "migrate");
      mkdirSync(dir, { recursive: true });
      // The adapter is built on an older driver-adapter-utils; the interface is the same at run time.
      return new PrismaPGlite(new PGlite(dir)) as unknown as InstanceType<typeof import("@prisma/adapter-pg").PrismaPg>;
    }
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
