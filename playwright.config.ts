import { defineConfig } from "@playwright/test";

// The test command (scripts/test.ts) starts the services and the portal, then runs this: the project
// "portal" against the portal as configured, then "email-link-off" against it restarted with
// AUTH_EMAIL_LINK=off. Chromium trusts the Entra ID stand-in's self-signed certificate by its key only.
// Against `next dev` (PORTAL_MODE=dev), a page's first use compiles it: the expectations wait longer,
// and a test that failed is run once more (the report then lists it as flaky, not as passed).
const dev = process.env.PORTAL_MODE === "dev";
const trustEntraStandIn = process.env.ENTRA_TEST_SPKI ? [`--ignore-certificate-errors-spki-list=${process.env.ENTRA_TEST_SPKI}`] : [];

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
    // Menus and dialogs appear without their fade, so an axe check never measures a colour mid-fade.
    reducedMotion: "reduce",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...trustEntraStandIn],
    },
  },
  projects: [
    { name: "portal", testIgnore: "email-link-off/**" },
    // Its own output folder: the second run would otherwise clear the first one's failure traces.
    { name: "email-link-off", testMatch: "email-link-off/**/*.spec.ts", outputDir: "tests/artifacts/results-email-link-off" },
  ],
});
