import { defineConfig } from "@playwright/test";

// The test command (scripts/test.ts) starts the services and the portal, then runs this.
// Against `next dev` (PORTAL_MODE=dev), a page's first use compiles it: the expectations wait longer,
// and a test that failed is run once more (the report then lists it as flaky, not as passed).
const dev = process.env.PORTAL_MODE === "dev";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/artifacts/results",
  timeout: 180_000,
  expect: { timeout: dev ? 30_000 : 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: dev ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: process.env.APP_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
