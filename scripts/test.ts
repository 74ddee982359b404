// The test command: starts a fresh stack (a new database, Azurite, MailDev and a Microsoft Entra ID
// stand-in on test ports), runs the Vitest suites, then the portal and the Playwright browser tests
// against it, and cleans up. The browser tests under tests/e2e/email-link-off/ run last, against the
// portal restarted with AUTH_EMAIL_LINK=off.
//   npm test                      everything
//   npm test -- vitest [files…]   only Vitest (optionally some files)
//   npm test -- e2e [specs…]      only the browser tests (optionally some specs)
// TEST_PORT_BASE (default 3100) moves every test port, so two checkouts can test at once.
import { existsSync } from "node:fs";
import { run } from "./services";
import { bin, hasProductionBuild, portalSignInLimits, startStack, type Stack } from "./stack";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const [part, ...rest] = process.argv.slice(2);
const only = part === "vitest" || part === "e2e" ? part : undefined;
const args = only ? rest : process.argv.slice(2);

if (only !== "vitest" && !existsSync(chromium)) {
  console.error(
    `Browser tests need Chromium at ${chromium}, and it is not there.\n` +
      "Install Debian's Chromium (as root):  apt-get update && apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at an existing Chromium or Chrome binary. (`npx playwright install` cannot download browsers here.)",
  );
  process.exit(1);
}

const base = Number(process.env.TEST_PORT_BASE ?? 3100);
const ports = { app: base, postgres: base + 51239, blob: base + 6910, smtp: base - 2065, inbox: base - 2010, entra: base + 4343 };
const emailLinkOffPart = "email-link-off";

/**
 * `next dev` compiles each page on its first request, which on a busy two-core machine can take
 * longer than a browser test's own time limit: ask for every page once first (signed out: the
 * pages redirect, but their code is compiled), so the tests' time limits measure the portal.
 */
async function compileEveryPage(appUrl: string) {
  const started = Date.now();
  const paths = ["/signin", "/signin/check-email", "/signin/refused", "/", "/claims", "/claims/new", "/claims/x", "/claims/x/edit", "/claims/x/poe",
    "/review", "/review/dashboard", "/review/jobs", "/review/claims/x", "/review/claims/x/compare", "/c/x", "/c", "/c/open/x", "/c/requests", "/api/health", "/api/auth/session",
    "/settings/tokens", "/settings/webhooks", "/developers", "/api/v1/claims", "/api/v1/openapi.json"];
  for (const path of paths) {
    await fetch(new URL(path, appUrl), { redirect: "manual", signal: AbortSignal.timeout(300_000) })
      .then((response) => response.arrayBuffer())
      .catch((error: unknown) => console.warn(`compiling ${path}: ${error instanceof Error ? error.message : error}`));
  }
  console.log(`next dev compiled ${paths.length} pages in ${Math.round((Date.now() - started) / 1000)} s`);
}

let stack: Stack | undefined;
let failed = false;
try {
  stack = await startStack("test", ports);
  const env = { ...stack.env, CHROMIUM_PATH: chromium };
  if (only !== "e2e") await run(bin("vitest"), ["run", ...(only ? args : [])], env);
  if (only !== "vitest") {
    const mode = hasProductionBuild() && process.env.E2E_SERVER === "start" ? "start" : "dev";
    const browserEnv = { ...env, ...portalSignInLimits(env), PORTAL_MODE: mode };
    const startPortal = async (overrides?: Record<string, string>) => {
      await stack!.startPortal(mode, overrides);
      if (mode === "dev") await compileEveryPage(stack!.env.APP_URL!);
    };
    // Specs named on the command line run in whichever part they belong to.
    const specs = args.filter((arg) => !arg.startsWith("-"));
    const offNamed = specs.some((spec) => spec.includes(emailLinkOffPart));
    // Both parts run even when the first fails, so one run reports every failure.
    let portalFailure: unknown;
    if (specs.length === 0 || specs.some((spec) => !spec.includes(emailLinkOffPart))) {
      await startPortal();
      await run(bin("playwright"), ["test", "--project=portal", "--pass-with-no-tests", ...args], browserEnv).catch((error) => (portalFailure = error));
      await stack.stopPortal();
    }
    if (specs.length === 0 || offNamed) {
      await startPortal({ AUTH_EMAIL_LINK: "off" });
      await run(bin("playwright"), ["test", `--project=${emailLinkOffPart}`, "--pass-with-no-tests", ...args], { ...browserEnv, AUTH_EMAIL_LINK: "off" });
    }
    if (portalFailure) throw portalFailure;
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stack?.stop();
}
process.exit(failed ? 1 : 0);
