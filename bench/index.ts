// The benchmark command: builds the portal for production if needed, starts a fresh stack on its own
// ports, and prints each benchmark's figures against its target. Figures, not assertions.
import { run } from "../scripts/services";
import { bin, hasProductionBuild, startStack, type Stack } from "../scripts/stack";
import { measurePageWeights } from "./page-weight";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const PAGE_TARGET = 250 * 1024;

let stack: Stack | undefined;
let failed = false;
try {
  if (!hasProductionBuild()) await run(bin("next"), ["build"]);
  stack = await startStack("bench", { postgres: 54349, blob: 10020, smtp: 1045, inbox: 1100, app: 3200 });
  process.env.DATABASE_URL = stack.env.DATABASE_URL;
  await stack.startPortal("start");

  const weights = await measurePageWeights(stack.env.APP_URL!, [
    { page: "Customer claims (list)", path: "/claims" },
    { page: "Add customer, step 1", path: "/claims/new?step=1" },
    { page: "Add customer, step 2", path: "/claims/new?step=2" },
    { page: "Add customer, step 3", path: "/claims/new?step=3" },
    { page: "Add customer, step 4", path: "/claims/new?step=4" },
  ]);
  console.log("\nJavaScript per page, compressed as transferred (cold cache, production build); target <= 250 KB");
  console.table(
    weights.map((w) => ({
      page: w.page,
      scripts: w.scripts,
      "JS transferred": kb(w.jsBytes),
      "of target": `${((w.jsBytes / PAGE_TARGET) * 100).toFixed(0)}%`,
      "all transferred": kb(w.totalBytes),
    })),
  );
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stack?.stop();
}
process.exit(failed ? 1 : 0);
