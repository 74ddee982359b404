// The load-and-faults run: LOAD_USERS simulated incentive admins (default 50) use the production build
// for LOAD_MINUTES (default 10): the claims list, the wizard's four steps with its server actions (a new
// Draft each time), a PoE upload and a submission. Mid-run the database is restarted and blob storage
// stopped for a minute. It runs on a stack of its own, on a PostgreSQL cluster of its own (so the restart
// touches no one else), and prints what each kind of request got, what each fault produced and how long
// until requests succeeded again, the server's memory, and the integrity of the data afterwards.
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { createPrismaClient } from "../lib/db-client";
import { DEMO } from "../lib/reference/demo-data";
import { samplePdf } from "../tests/support/poe-samples";
import { startStack, type Stack, type StackPorts } from "../scripts/stack";
import { draftsWithoutFiles, incentiveAdmins, sessionFor } from "./fixtures";
import { checkIntegrity, printIntegrity } from "./load-integrity";
import { PortalClient, serverActionIds, type RequestRecord } from "./load-requests";
import { printFaults, printRequests, printMemory, type Fault } from "./load-report";
import { startPgCluster, type PgCluster } from "./pg-cluster";
import { treeRss } from "./poe";

export type LoadSettings = { users: number; minutes: number; thinkMs: number; timeoutMs: number; storageOutageMs: number };

const PORTS: StackPorts = { postgres: 54350, blob: 10021, smtp: 1046, inbox: 1101, app: 3201 };
const PG_PORT = 54351;
const SESSION_MS = 8 * 60 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The settings from LOAD_USERS, LOAD_MINUTES, LOAD_THINK_MS and LOAD_TIMEOUT_S, with the defaults. */
export function loadSettings(env: Record<string, string | undefined> = process.env): LoadSettings {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
    return value;
  };
  const minutes = number("LOAD_MINUTES", 10);
  // One minute, or a quarter of a shorter run, so the run also sees the storage come back.
  return { users: Math.round(number("LOAD_USERS", 50)), minutes, thinkMs: number("LOAD_THINK_MS", 1000), timeoutMs: number("LOAD_TIMEOUT_S", 30) * 1000, storageOutageMs: Math.min(60_000, minutes * 15_000) };
}

type Simulation = {
  baseUrl: string;
  deadline: number;
  settings: LoadSettings;
  actions: Map<string, string>;
  drafts: string[];
  files: Uint8Array<ArrayBuffer>[];
};

const details = () => ({ solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", name: `Load ${randomUUID().slice(0, 8)}`, partnerId: "4412345", tenantId: randomUUID(), incentiveOptOut: false });
const contacts = (email: string) => ({
  customerContactName: "Nancy Davolio",
  customerContactTitle: "IT Director",
  customerContactAddress: "1 Main Street\nSeattle, WA 98052",
  customerContactEmail: "nancy@northwind.example",
  customerLocale: "en",
  partnerContactName: "Bench Admin",
  partnerContactEmail: email,
});
const acknowledgements = { accurate: true, customerConsent: true, roleAffectsEligibility: true, poeAuthentic: true, onePartner: true };

/**
 * One pass of an admin's work: the list, the wizard to a new Draft, then a PoE file for a prepared
 * Draft and its submission. Like a person, the admin gives up the pass at the first failure and starts
 * again after a pause.
 */
async function onePass(client: PortalClient, email: string, sim: Simulation) {
  const think = () => sleep(sim.settings.thinkMs * (0.5 + Math.random()));
  const save = sim.actions.get("saveWizardStep")!;
  const steps: (() => Promise<boolean>)[] = [
    () => client.page("claims list", "/claims"),
    () => client.page("wizard step 1", "/claims/new?step=1"),
    async () => (await client.action("wizard save (action)", "/claims/new?step=1", save, ["new", 1, details(), 2])) !== null,
    () => client.page("wizard step 2", "/claims/new?step=2"),
    async () => (await client.action("wizard save (action)", "/claims/new?step=2", save, ["new", 2, { workloadIds: ["mws-microsoft-teams"] }, 3])) !== null,
    () => client.page("wizard step 3", "/claims/new?step=3"),
    async () => (await client.action("wizard save (action)", "/claims/new?step=3", save, ["new", 3, contacts(email), 4])) !== null,
    () => client.page("wizard step 4", "/claims/new?step=4"),
    async () => (await client.action("add customer (action)", "/claims/new?step=4", sim.actions.get("finishClaimWizard")!, ["new", randomUUID()])) !== null,
  ];
  for (const step of steps) {
    if (performance.now() >= sim.deadline) return;
    const ok = await step();
    await think();
    if (!ok) return;
  }
  const claimId = sim.drafts.shift();
  if (!claimId || performance.now() >= sim.deadline) return;
  const file = sim.files[Math.floor(Math.random() * sim.files.length)];
  const uploaded = await client.route(
    "PoE upload",
    `/api/claims/${claimId}/poe/files`,
    { body: file, headers: { "x-file-name": "proof-of-execution.pdf", "content-type": "application/octet-stream" } },
    201,
  );
  await think();
  if (!uploaded || performance.now() >= sim.deadline) {
    sim.drafts.push(claimId);
    return;
  }
  const submitted = await client.route("submit", `/api/claims/${claimId}/submit`, { body: JSON.stringify({ acknowledgements }), headers: { "content-type": "application/json" } }, 200);
  if (!submitted) sim.drafts.push(claimId);
  await think();
}

async function simulateUser(client: PortalClient, email: string, sim: Simulation) {
  while (performance.now() < sim.deadline) await onePass(client, email, sim);
}

/** Runs the faults at their moments of the run: the database restart at 30%, blob storage down from 55%. */
async function runFaults(stack: Stack, cluster: PgCluster, sim: Simulation, origin: number): Promise<Fault[]> {
  const duration = sim.deadline - origin;
  const now = () => performance.now() - origin;
  const faults: Fault[] = [];
  await sleep(duration * 0.3 - now());
  const dbStart = now();
  console.log(`[load] ${(dbStart / 1000).toFixed(0)} s: restarting the database (pg_ctl restart -m fast)`);
  await cluster.restart();
  faults.push({ name: "database restart (pg_ctl restart -m fast, open transactions rolled back)", startedAt: dbStart, backAt: now() });
  console.log(`[load] ${(now() / 1000).toFixed(0)} s: the database accepts connections again`);

  await sleep(duration * 0.55 - now());
  const blobStart = now();
  console.log(`[load] ${(blobStart / 1000).toFixed(0)} s: stopping blob storage (Azurite) for ${sim.settings.storageOutageMs / 1000} s`);
  await stack.blobStorage.stop();
  const stopped = now();
  await sleep(blobStart + sim.settings.storageOutageMs - now());
  const restarting = now();
  await stack.blobStorage.start();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  faults.push({
    name: `blob storage (Azurite) stopped (in ${s(stopped - blobStart)}) and started again ${s(restarting - blobStart)} later on the same port and data (listening after ${s(now() - restarting)})`,
    startedAt: blobStart,
    backAt: now(),
  });
  console.log(`[load] ${(now() / 1000).toFixed(0)} s: blob storage is back`);
  return faults;
}

let running: { cluster?: PgCluster; stack?: Stack } = {};

/** Stops the load run's stack and removes its PostgreSQL cluster (after an error or Ctrl-C). */
export async function stopLoadBenchmark() {
  const { stack, cluster } = running;
  running = {};
  await stack?.stop();
  await cluster?.remove();
}

export async function loadBenchmark(settings: LoadSettings) {
  try {
    const cluster = (running.cluster = await startPgCluster(PG_PORT));
    const stack = (running.stack = await startStack("load", PORTS, { databaseServer: cluster.url }));
    const db = createPrismaClient({ url: stack.env.DATABASE_URL, poolMax: 4 });
    const contoso = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin } });
    const emails = await incentiveAdmins(db, contoso.organizationId!, settings.users);
    const sessions = await Promise.all(emails.map((email) => sessionFor(db, email, { ttlMs: SESSION_MS })));
    // More Drafts than the users can get through: a pass takes at least eleven think times.
    const drafts = await draftsWithoutFiles(db, contoso.id, contoso.organizationId!, Math.ceil((settings.users * settings.minutes * 60_000) / (settings.thinkMs * 8)) + settings.users);
    const serverPid = await stack.startPortal("start");
    const baseUrl = stack.env.APP_URL!;
    const actions = serverActionIds(["saveWizardStep", "finishClaimWizard"]);
    const files = [256 * 1024, 1024 * 1024, 4 * 1024 * 1024].map((size) => samplePdf(size) as Uint8Array<ArrayBuffer>);

    // One pass before the clock starts, so the first minute measures a warm server.
    const warmUp: Simulation = { baseUrl, deadline: Infinity, settings: { ...settings, thinkMs: 1 }, actions, drafts, files };
    const warmUpClient = new PortalClient({ baseUrl, sessionToken: sessions[0].sessionToken, timeoutMs: 120_000, origin: performance.now() });
    await onePass(warmUpClient, emails[0], warmUp);
    const failedWarmUp = warmUpClient.records.filter((r) => r.outcome !== "ok");
    if (failedWarmUp.length > 0) throw new Error(`The warm-up pass failed: ${JSON.stringify(failedWarmUp)}`);

    console.log(`\n[load] ${settings.users} users for ${settings.minutes} min against ${baseUrl} (next start, pid ${serverPid})`);
    const machineLoad = [loadavg()[0]];
    const origin = performance.now();
    const sim: Simulation = { baseUrl, deadline: origin + settings.minutes * 60_000, settings, actions, drafts, files };
    const rss: { at: number; bytes: number }[] = [];
    const sample = () => rss.push({ at: performance.now() - origin, bytes: treeRss(serverPid) });
    sample();
    const sampler = setInterval(sample, 10_000);
    const clients = sessions.map((s) => new PortalClient({ baseUrl, sessionToken: s.sessionToken, timeoutMs: settings.timeoutMs, origin }));
    const users = clients.map(async (client, i) => {
      await sleep((i / settings.users) * 5_000); // ramp up over five seconds
      await simulateUser(client, emails[i], sim);
    });
    const [faults] = await Promise.all([runFaults(stack, cluster, sim, origin), ...users]);
    const elapsed = performance.now() - origin;
    clearInterval(sampler);
    sample();
    machineLoad.push(loadavg()[0]);

    const records: RequestRecord[] = clients.flatMap((c) => c.records);
    printRequests(records, { ...settings, elapsedMs: elapsed, machineLoad });
    printMemory(rss);
    printFaults(records, faults);
    printIntegrity(await checkIntegrity({ db, env: stack.env }));
    await db.$disconnect();
  } finally {
    await stopLoadBenchmark();
  }
}
