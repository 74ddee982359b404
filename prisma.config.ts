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
      // The extensions the migrations create (the embedded server loads the same: scripts/services.ts).
      const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
      const extensions = { pg_trgm };
      const { PrismaPGlite } = await import("pglite-prisma-adapter");
      const { mkdirSync } = await import("node:fs");
      const dir = path.join(".data", "migrate");
      mkdirSync(dir, { recursive: true });
      // pglite-prisma-adapter 0.6 runs migration scripts without awaiting them, which breaks the
      // shadow database replay of multi-statement migrations: run them to completion instead.
      type Query = { sql: string; args: unknown[] };
      type Adapter = {
        client: { exec(sql: string): Promise<unknown> };
        executeScript(sql: string): Promise<void>;
        executeRaw(query: Query): Promise<number>;
      };
      const awaitingScripts = async (pending: Promise<unknown>) => {
        const adapter = (await pending) as Adapter;
        const executeRaw = adapter.executeRaw.bind(adapter);
        adapter.executeScript = async (sql) => void (await adapter.client.exec(sql));
        // A whole migration arrives as one parameterless statement list: run it as a script.
        adapter.executeRaw = async (query) =>
          query.args.length === 0 && query.sql.includes(";") ? (await adapter.client.exec(query.sql), 0) : executeRaw(query);
        return adapter;
      };
      const factory = new PrismaPGlite(new PGlite(dir, { extensions }));
      const connect = factory.connect.bind(factory);
      Object.assign(factory, {
        connect: () => awaitingScripts(connect()),
        connectToShadowDb: () => awaitingScripts(new PrismaPGlite(new PGlite({ extensions })).connect()),
      });
      // Built on an older driver-adapter-utils; the interface is the same at run time.
      return factory as unknown as InstanceType<typeof import("@prisma/adapter-pg").PrismaPg>;
    }
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
