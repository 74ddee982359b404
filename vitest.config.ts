import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", setupFiles: ["tests/support/unit-env.ts"] } },
      {
        resolve: { alias },
        // One database connection may be all there is (embedded PGlite): run the files one by one.
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Auth.js's Next.js package is bundled like our code, so it resolves next/* and sees the tests' mocks of next/headers.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});
