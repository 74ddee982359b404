// Proof-of-execution benchmarks: a 25 MB upload through the portal against a direct upload to the
// same blob storage (time and the server's memory growth), and claim submission throughput with
// 50 concurrent clients against pgbench's rate for an equivalent transaction.
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import autocannon from "autocannon";
import { BlobServiceClient } from "@azure/storage-blob";
import { samplePdf } from "../tests/support/poe-samples";

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(rootPid: number) {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {}
  }
  return total;
}

const chunks = (buffer: Uint8Array, size = 1024 * 1024) => Readable.from((function* () {
  for (let i = 0; i < buffer.length; i += size) yield Buffer.from(buffer.buffer, buffer.byteOffset + i, Math.min(size, buffer.length - i));
})());

export async function uploadBenchmark(options: { baseUrl: string; sessionToken: string; claimIds: string[]; serverPid: number; connectionString: string; container: string }) {
  const file = samplePdf(25 * 1024 * 1024);
  const container = BlobServiceClient.fromConnectionString(options.connectionString).getContainerClient(options.container);
  const direct: number[] = [];
  const portal: number[] = [];
  let peakGrowth = 0;
  for (const [round, claimId] of options.claimIds.entries()) {
    const started = performance.now();
    await container.getBlockBlobClient(`bench-direct/${round}`).uploadStream(chunks(file), 4 * 1024 * 1024, 4, { blobHTTPHeaders: { blobContentType: "application/pdf" } });
    direct.push(performance.now() - started);

    const baseline = treeRss(options.serverPid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(options.serverPid))), 25);
    const begun = performance.now();
    const response = await fetch(`${options.baseUrl}/api/claims/${claimId}/poe/files`, {
      method: "POST",
      body: Readable.toWeb(chunks(file)) as ReadableStream,
      duplex: "half",
      headers: { cookie: `authjs.session-token=${options.sessionToken}`, origin: options.baseUrl, "x-file-name": "bench.pdf", "content-length": String(file.length), "content-type": "application/octet-stream" },
    } as RequestInit);
    portal.push(performance.now() - begun);
    clearInterval(sampler);
    peak = Math.max(peak, treeRss(options.serverPid));
    if (response.status !== 201) throw new Error(`Upload through the portal answered ${response.status}: ${await response.text()}`);
    if (round > 0) peakGrowth = Math.max(peakGrowth, peak - baseline); // the first round warms the route up
  }
  return { directMs: median(direct), portalMs: median(portal), ratio: median(portal) / median(direct), rssGrowth: peakGrowth };
}

/** Processor time (user + system) a process and its descendants have used so far, in milliseconds (Linux /proc). */
export function treeCpuMs(rootPid: number) {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {}
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, { parent }] of stats) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let ticks = 0;
  for (const pid of tree) ticks += stats.get(pid)?.ticks ?? 0;
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The machine's processor time so far, busy and in all, in clock ticks (Linux /proc/stat). */
export function machineCpuTicks() {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = fields[3] + (fields[4] ?? 0); // idle and iowait
  return { busy: total - idle, total };
}

/**
 * The PostgreSQL server's main process, when it runs on this machine (the parent of this connection's
 * backend); undefined for a server elsewhere. Its process tree's processor time is the database's work.
 */
export async function localPostgresPid(databaseUrl: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const stat = readFileSync(`/proc/${rows[0].pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

/** A portal instance the benchmark's clients send requests to. */
export type Instance = { baseUrl: string; pid: number };

/**
 * 50 concurrent clients, each submitting its own draft through the API, spread evenly over the
 * instances; beside it the processor time the instances used per submission, and pgbench's rate for
 * the same shape of transaction.
 */
export async function submissionBenchmark(options: { instances: Instance[]; sessionToken: string; claimIds: string[]; databaseUrl: string; workDir: string; pgbenchTps?: number; databasePid?: number }) {
  const queue = [...options.claimIds];
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const connections = Math.floor(50 / options.instances.length);
  const cpuBefore = options.instances.map((instance) => treeCpuMs(instance.pid));
  const machineBefore = machineCpuTicks();
  const databaseBefore = options.databasePid ? treeCpuMs(options.databasePid) : undefined;
  const started = performance.now();
  await Promise.all(
    options.instances.map(
      (instance, index) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const share = Math.floor(queue.length / options.instances.length) + (index === 0 ? queue.length % options.instances.length : 0);
          const client = autocannon(
            {
              url: instance.baseUrl,
              connections,
              amount: share,
              timeout: 60,
              requests: [{ method: "POST", setupRequest: (request) => ({ ...request, path: `/api/claims/${queue.shift()}/submit` }) }],
              // Every instance behind one address, as behind a load balancer: the portal answers only its configured host.
              headers: { host: new URL(options.instances[0].baseUrl).host, cookie: `authjs.session-token=${options.sessionToken}`, origin: options.instances[0].baseUrl, "content-type": "application/json" },
              body: JSON.stringify({ acknowledgements: { accurate: true, customerConsent: true, roleAffectsEligibility: true, poeAuthentic: true, onePartner: true } }),
            },
            (error, finished) => (error ? reject(error) : resolve(finished)),
          );
          client.on("response", (_client, status, _bytes, time) => {
            latencies.push(time);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          });
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = options.instances.reduce((sum, instance, index) => sum + treeCpuMs(instance.pid) - cpuBefore[index], 0);
  const machineAfter = machineCpuTicks();
  const databaseMs = options.databasePid && databaseBefore !== undefined ? treeCpuMs(options.databasePid) - databaseBefore : undefined;
  // How busy the whole machine was (the portal, PostgreSQL, the clients): at 100% an instance more cannot add throughput.
  const machineBusy = (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total);
  const submitted = statuses.get(200) ?? 0;
  const pgbenchTps = options.pgbenchTps ?? pgbench(options.databaseUrl, options.workDir);
  return {
    instances: options.instances.length,
    submitted,
    statuses: Object.fromEntries(statuses),
    perSecond: submitted / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    cpuMsPerSubmission: cpuMs / Math.max(1, submitted),
    portalCpuShare: cpuMs / 1000 / seconds / availableParallelism(),
    /** PostgreSQL's processor time per submission (all its processes: the submissions, the session reads, the email worker's rows), when it runs here. */
    databaseCpuMsPerSubmission: databaseMs === undefined ? undefined : databaseMs / Math.max(1, submitted),
    machineBusy,
    pgbenchTps,
    ratio: submitted / seconds / pgbenchTps,
  };
}

/** pgbench: the same shape of write (lock, three inserts, commit) on scratch tables of the same database; its TPS. */
function pgbench(databaseUrl: string, workDir: string) {
  const psql = (sql: string) => execFileSync("psql", [databaseUrl, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], { stdio: "pipe" });
  psql(`CREATE TABLE IF NOT EXISTS bench_submission (claim_id bigint PRIMARY KEY, at timestamptz, acks text[]);
        CREATE TABLE IF NOT EXISTS bench_event (id bigserial PRIMARY KEY, claim_id bigint, at timestamptz, action text, ip text, user_agent text);
        CREATE TABLE IF NOT EXISTS bench_outbox (id bigserial PRIMARY KEY, dedupe_key text UNIQUE, payload jsonb);
        CREATE TABLE IF NOT EXISTS bench_claim (id bigint PRIMARY KEY, status text);
        INSERT INTO bench_claim SELECT g, 'DRAFT' FROM generate_series(1, 200000) g ON CONFLICT DO NOTHING;`);
  const script = path.join(workDir, "submit.sql");
  writeFileSync(
    script,
    `\\set id random(1, 200000)
BEGIN;
SELECT pg_advisory_xact_lock(:id);
UPDATE bench_claim SET status = 'SUBMITTED' WHERE id = :id;
INSERT INTO bench_submission VALUES (:id, now(), '{accurate,customerConsent}') ON CONFLICT DO NOTHING;
INSERT INTO bench_event (claim_id, at, action, ip, user_agent) VALUES (:id, now(), 'submitted', '127.0.0.1', 'bench');
INSERT INTO bench_outbox (dedupe_key, payload) VALUES ('submit:' || :id || ':' || random(), '{"to":"x"}');
COMMIT;
`,
  );
  const output = execFileSync("pgbench", ["-n", "-c", "50", "-j", "2", "-T", "10", "-f", script, databaseUrl], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return Number(/tps = ([\d.]+)/.exec(output)?.[1] ?? NaN);
}
