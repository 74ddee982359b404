// The benchmark command: builds the portal for production if needed, starts a fresh stack on its own
// ports (on a PostgreSQL server when one is reachable, so 50 clients can run at once), and prints
// each benchmark's figures against its target. Figures, not assertions. The load part comes last, on
// a stack and a PostgreSQL cluster of its own (bench/load.ts).
import { availableParallelism } from "node:os";
import pg from "pg";
import { createPrismaClient } from "../lib/db-client";
import { DEMO } from "../lib/reference/demo-data";
import { run } from "../scripts/services";
import { bin, hasProductionBuild, startStack, type Stack } from "../scripts/stack";
import { issueCustomerLink } from "../lib/notify/tokens";
import { readyDrafts, sessionFor } from "./fixtures";
import { loadBenchmark, loadSettings, stopLoadBenchmark } from "./load";
import { measurePageWeights } from "./page-weight";
import { localPostgresPid, submissionBenchmark, uploadBenchmark } from "./poe";
import { IMPORT_TARGET_S, importBenchmark } from "./import";
import { DASHBOARD_TARGET_MS, QUEUE_TARGET_MS, queueBenchmark } from "./queue";
import { record, writeResults } from "./results";

const cores = availableParallelism();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const PAGE_TARGET = 250 * 1024;
// `npm run bench -- pages` (or customer, uploads, submissions, import, queue, load) runs one part only.
const parts = ["pages", "customer", "uploads", "submissions", "import", "queue", "load"] as const;
const only = process.argv[2];
if (only && !parts.includes(only as (typeof parts)[number])) {
  console.error(`Unknown part "${only}": one of ${parts.join(", ")}.`);
  process.exit(1);
}
const wanted = (part: (typeof parts)[number]) => !only || only === part;

async function reachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

let stack: Stack | undefined;
let failed = false;
const stopEverything = () => Promise.allSettled([stack?.stop(), stopLoadBenchmark()]);
process.on("uncaughtException", (error) => {
  console.error(error);
  void stopEverything().finally(() => process.exit(1));
});
// The load part's PostgreSQL cluster runs detached from the terminal: Ctrl-C stops it too.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopEverything().finally(() => process.exit(130)));
try {
  if (!hasProductionBuild()) await run(bin("next"), ["build"]);
  if (only !== "load") await sharedStackParts();
  // Last, on its own stack: it restarts its database and stops its blob storage mid-run.
  if (wanted("load")) await loadBenchmark(loadSettings());
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await stack?.stop();
  console.log(`\nResults as data: ${writeResults()}`);
}
process.exit(failed ? 1 : 0);

/** A client of its own for one step, disconnected after it. */
async function withDb<T>(work: (db: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const db = createPrismaClient();
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** Every part but the load: one stack, on the machine's PostgreSQL when it is reachable. */
async function sharedStackParts() {
  const candidate = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const server = (await reachable(candidate)) ? candidate : undefined;
  const shared = await startStack("bench", { postgres: 54349, blob: 10020, smtp: 1045, inbox: 1100, app: 3200 }, { databaseServer: server });
  stack = shared;
  // This process talks to the same services as the portal (the database, and links signed with its secret).
  for (const [key, value] of Object.entries(shared.env)) if (value !== undefined && key !== "NODE_ENV") process.env[key] = value;
  const serverPid = await shared.startPortal("start");
  const baseUrl = shared.env.APP_URL!;

  if (wanted("pages")) {
    // A Draft with its proof complete: its page shows the proof and Submit, its PoE page every control.
    const admin = await withDb((db) => db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin } }));
    const [draft] = await withDb((db) => readyDrafts(db, admin.id, admin.organizationId!, 1));
    const weights = await measurePageWeights(baseUrl, [
      { page: "Customer claims (list)", path: "/claims" },
      { page: "Add customer, step 1", path: "/claims/new?step=1" },
      { page: "Add customer, step 2", path: "/claims/new?step=2" },
      { page: "Add customer, step 3", path: "/claims/new?step=3" },
      { page: "Add customer, step 4", path: "/claims/new?step=4" },
      { page: "Claim (Draft with proof)", path: `/claims/${draft}` },
      { page: "Proof of execution", path: `/claims/${draft}/poe` },
    ]);
    for (const w of weights) record(`JavaScript: ${w.page}`, w.jsBytes / 1024, "KB", "<= 250 KB", w.jsBytes <= PAGE_TARGET);
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
  }

  const db = createPrismaClient();
  const { sessionToken, user } = await sessionFor(db, DEMO.users.contosoAdmin);
  if (wanted("customer")) {
    const [claimId] = await readyDrafts(db, user.id, user.organizationId!, 1);
    const link = await db.$transaction(async (tx) => {
      await tx.claim.update({ where: { id: claimId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
      return issueCustomerLink(tx, { claimId, email: "nancy@northwind.example", outboxId: `bench-${claimId}`, now: new Date() });
    });
    const [customerPage] = await measurePageWeights(baseUrl, [{ page: "Customer approve/decline page", path: new URL(link.urls.page).pathname }], { signedIn: false });
    record(`JavaScript: ${customerPage.page}`, customerPage.jsBytes / 1024, "KB", "<= 30 KB", customerPage.jsBytes <= 30 * 1024);
    console.log("\nThe customer's page (from the email link), compressed as transferred; target: JavaScript <= 30 KB, works without JavaScript");
    console.table([{ page: customerPage.page, scripts: customerPage.scripts, "JS transferred": kb(customerPage.jsBytes), "all transferred": kb(customerPage.totalBytes) }]);
  }

  if (wanted("uploads")) {
    const uploadClaims = await readyDrafts(db, user.id, user.organizationId!, 4);
    const upload = await uploadBenchmark({ baseUrl, sessionToken, claimIds: uploadClaims, serverPid, connectionString: shared.env.AZURE_STORAGE_CONNECTION_STRING!, container: shared.env.AZURE_STORAGE_CONTAINER! });
    record("25 MB PoE upload: time through the portal / direct", upload.ratio, "ratio", "<= 1.5", upload.ratio <= 1.5);
    record("25 MB PoE upload: server peak RSS growth", upload.rssGrowth / 1024 / 1024, "MB", "<= 64 MB", upload.rssGrowth <= 64 * 1024 * 1024);
    console.log("\n25 MB PoE upload, median of 4 (after the first), same Azurite; targets: ratio <= 1.5, RSS growth <= 64 MB");
    console.table([
      {
        "direct @azure/storage-blob": `${upload.directMs.toFixed(0)} ms`,
        "through the portal": `${upload.portalMs.toFixed(0)} ms`,
        ratio: upload.ratio.toFixed(2),
        "server peak RSS growth": mb(upload.rssGrowth),
      },
    ]);
  }

  if (wanted("submissions") && server) {
    const one = [{ baseUrl, pid: serverPid }];
    const databasePid = await localPostgresPid(shared.env.DATABASE_URL!);
    const single = await submissionBenchmark({ instances: one, sessionToken, claimIds: await readyDrafts(db, user.id, user.organizationId!, 2000), databaseUrl: shared.env.DATABASE_URL!, workDir: shared.workDir, databasePid });
    // A second instance on the same services (the portal keeps no state in a process).
    const secondPort = new URL(baseUrl).port ? Number(new URL(baseUrl).port) + 1 : 3201;
    const secondPid = await shared.startPortal("start", {}, { port: secondPort });
    const two = [...one, { baseUrl: `${new URL(baseUrl).protocol}//${new URL(baseUrl).hostname}:${secondPort}`, pid: secondPid }];
    const pair = await submissionBenchmark({ instances: two, sessionToken, claimIds: await readyDrafts(db, user.id, user.organizationId!, 2000), databaseUrl: shared.env.DATABASE_URL!, workDir: shared.workDir, pgbenchTps: single.pgbenchTps, databasePid });
    await shared.stopPortal();
    for (const submission of [single, pair]) {
      const on = `claim submission, 50 clients, ${submission.instances} instance(s)`;
      record(`${on}: ratio to pgbench`, submission.ratio, "ratio", ">= 0.1", submission.ratio >= 0.1);
      record(`${on}: p95 latency`, submission.p95, "ms", "<= 300 ms", submission.p95 <= 300);
      record(`${on}: submissions per second`, submission.perSecond, "per s", "figure (no target)", true);
      record(`${on}: portal CPU per submission`, submission.cpuMsPerSubmission, "ms", "figure (no target)", true);
      record(`${on}: machine CPU busy`, submission.machineBusy * 100, "%", "figure (no target)", true);
      if (submission.databaseCpuMsPerSubmission !== undefined) record(`${on}: PostgreSQL CPU per submission`, submission.databaseCpuMsPerSubmission, "ms", "figure (no target)", true);
    }
    console.log(`\nClaim submission, 50 concurrent clients, each submitting its own draft, on one and on two instances (${cores} cores); targets: ratio to pgbench >= 0.1, p95 <= 300 ms`);
    console.table(
      [single, pair].map((submission) => ({
        instances: submission.instances,
        submitted: submission.submitted,
        statuses: JSON.stringify(submission.statuses),
        "submissions/s": submission.perSecond.toFixed(1),
        "p50 latency": `${submission.p50.toFixed(0)} ms`,
        "p95 latency": `${submission.p95.toFixed(0)} ms`,
        "portal CPU per submission": `${submission.cpuMsPerSubmission.toFixed(1)} ms`,
        "PostgreSQL CPU per submission": submission.databaseCpuMsPerSubmission === undefined ? "(server elsewhere)" : `${submission.databaseCpuMsPerSubmission.toFixed(1)} ms`,
        "portal / machine CPU busy": `${(submission.portalCpuShare * 100).toFixed(0)}% / ${(submission.machineBusy * 100).toFixed(0)}%`,
        "pgbench TPS (same transaction shape)": submission.pgbenchTps.toFixed(1),
        ratio: submission.ratio.toFixed(3),
      })),
    );
  } else if (wanted("submissions")) {
    console.log("\nClaim submission throughput: skipped, it needs a PostgreSQL server (set BENCH_DATABASE_URL); the embedded one takes one connection.");
  }

  if (wanted("import")) {
    const result = await importBenchmark({ baseUrl, sessionToken });
    console.log(`\nClaims import from CSV, ${result.rows} rows through the portal (preview, then the import's streamed outcomes); target: both together <= ${IMPORT_TARGET_S} s`);
    console.table([
      {
        rows: result.rows,
        "valid in preview": result.valid,
        "Drafts created": result.created,
        finished: result.finished ? "yes" : "no",
        preview: `${(result.previewMs / 1000).toFixed(2)} s`,
        import: `${(result.importMs / 1000).toFixed(2)} s`,
        total: `${((result.previewMs + result.importMs) / 1000).toFixed(2)} s`,
        "of target": `${(((result.previewMs + result.importMs) / 1000 / IMPORT_TARGET_S) * 100).toFixed(0)}%`,
      },
    ]);
    const seconds = (result.previewMs + result.importMs) / 1000;
    record(`Claims import, ${result.rows} rows: preview and import`, seconds, "s", `<= ${IMPORT_TARGET_S} s`, result.finished && seconds <= IMPORT_TARGET_S);
  }

  // Last: it adds a million claims to the benchmark's database.
  if (wanted("queue") && server) {
    const reviewer = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.reviewer } });
    const queue = await queueBenchmark({ db, databaseUrl: shared.env.DATABASE_URL!, reviewerId: reviewer.id });
    console.log(`\nReviewer queue: ${queue.claims.toLocaleString("en")} claims, seeded in ${queue.seedSeconds.toFixed(1)} s (set-based, then VACUUM ANALYZE); ${cores} cores, shared`);
    console.log(`Page of 50 through listQueue (the search's lookup included) and the count through countQueue, 30 runs after warm-up each, beside EXPLAIN ANALYZE of the same SQL (page and lookup); target: p95 <= ${QUEUE_TARGET_MS} ms; no sequential scan on Claim`);
    console.table(queue.rows);
    console.log(`\nReviewer dashboard (counts by status and overdue exact, the median as of the dashboard-figures job's last run), 30 loads after warm-up; target: p95 <= ${DASHBOARD_TARGET_MS} ms`);
    console.table([
      { "p50": `${queue.dashboard.p50.toFixed(2)} ms`, "p95": `${queue.dashboard.p95.toFixed(2)} ms`, "dashboard-figures job (once)": `${queue.dashboard.jobMs.toFixed(0)} ms`, target: queue.dashboard.met ? "met" : "MISSED" },
    ]);
  } else if (wanted("queue")) {
    console.log("\nReviewer queue at a million claims: skipped, seeding it needs a PostgreSQL server (set BENCH_DATABASE_URL).");
  }
  await db.$disconnect();
  await shared.stop();
  stack = undefined;
}
