// The test command: starts a fresh stack (a new database, Azurite, MailDev on test ports), runs the
// Vitest suites, then the portal and the Playwright browser tests against it, and cleans up.
import { existsSync } from "node:fs";
import { run } from "./services";
import { bin, hasProductionBuild, startStack, type Stack } from "./stack";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
  console.error(
    `Browser tests need Chromium at ${chromium}, and it is not there.\n` +
      "Install Debian's Chromium (as root):  apt-get update && apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at an existing Chromium or Chrome binary. (`npx playwright install` cannot download browsers here.)",
  );
  process.exit(1);
}

let stack: Stack | undefined;
let failed = false;
try {
  stack = await startStack("test", { postgres: 54339, blob: 10010, smtp: 1035, inbox: 1090, app: 3100 });
  const env = { ...stack.env, CHROMIUM_PATH: chromium };
  await run(bin("vitest"), ["run"], env);
  await stack.startPortal(hasProductionBuild() && process.env.E2E_SERVER === "start" ? "start" : "dev");
  await run(bin("playwright"), ["test", ...process.argv.slice(2)], env);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stack?.stop();
}
process.exit(failed ? 1 : 0);
