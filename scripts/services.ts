// Starts the embedded stand-ins for production services (PGlite PostgreSQL, Azurite, MailDev) and
// prepares a database; used by the run command (scripts/run.ts) and the test command (scripts/test.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export type Service = { name: string; child: ChildProcess };

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

/** Resolves once something accepts TCP connections on host:port, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, { host = "127.0.0.1", timeoutMs = 60_000, child }: { host?: string; timeoutMs?: number; child?: ChildProcess } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before listening on ${port}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing listened on ${host}:${port} within ${timeoutMs / 1000}s`);
}

/** Fails early with a clear message when a port is already taken by something else. */
export async function assertPortFree(port: number, what: string) {
  const taken = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
  if (taken) throw new Error(`Port ${port} (${what}) is already in use. Is another copy of the portal running? Stop it, or set the variable for an external service.`);
}

function launch(name: string, command: string, args: string[], { quiet = true } = {}): Service {
  const child = spawn(command, args, { stdio: quiet ? ["ignore", "ignore", "pipe"] : "inherit", env: process.env });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  return { name, child };
}

export async function startPostgres({ dataDir, port }: { dataDir: string; port: number }) {
  await assertPortFree(port, "embedded PostgreSQL");
  mkdirSync(dataDir, { recursive: true });
  // pg_trgm: the reviewer queue's search (a trigram index on claim names; see the review_search migration).
  const service = launch("postgres", bin("pglite-server"), [`--db=${dataDir}`, `--port=${port}`, "--host=127.0.0.1", "--max-connections=1", "--extensions=pg_trgm"]);
  // PGlite compiles PostgreSQL's WebAssembly at start: seconds on an idle machine, minutes on a busy one.
  await waitForPort(port, { child: service.child, timeoutMs: 300_000 });
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  // The portal's database settings for it: one connection at a time, and no statement kept prepared,
  // since its one session outlives each connection (one prepared by the last would be there already).
  return { ...service, url, env: { DATABASE_URL: url, DATABASE_POOL_MAX: "1", DATABASE_STATEMENT_CACHE: "0" } };
}

export async function startBlobStorage({ dataDir, port }: { dataDir: string; port: number }) {
  await assertPortFree(port, "Azurite blob storage");
  mkdirSync(dataDir, { recursive: true });
  const service = launch("azurite", bin("azurite-blob"), [
    "--location", dataDir, "--blobHost", "127.0.0.1", "--blobPort", String(port), "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--loose",
  ]);
  await waitForPort(port, { child: service.child });
  const account = "devstoreaccount1";
  const key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
  return { ...service, connectionString: `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${key};BlobEndpoint=http://127.0.0.1:${port}/${account};` };
}

export async function startMailCatcher({ dataDir, smtpPort, webPort }: { dataDir?: string; smtpPort: number; webPort: number }) {
  await assertPortFree(smtpPort, "MailDev SMTP");
  await assertPortFree(webPort, "MailDev web inbox");
  const args = ["--smtp", String(smtpPort), "--web", String(webPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"];
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    args.push("--mail-directory", dataDir);
  }
  const service = launch("maildev", bin("maildev"), args);
  await waitForPort(smtpPort, { child: service.child });
  await waitForPort(webPort, { child: service.child });
  return { ...service, smtpUrl: `smtp://127.0.0.1:${smtpPort}`, inboxUrl: `http://127.0.0.1:${webPort}` };
}

/** Runs a command to completion with the given environment; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: Record<string, string | undefined> = process.env) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: env as NodeJS.ProcessEnv });
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Applies the migrations to DATABASE_URL and, when asked, seeds the demo data. */
export async function prepareDatabase(env: Record<string, string | undefined>, { seed }: { seed: boolean }) {
  await run(bin("prisma"), ["migrate", "deploy"], env);
  if (seed) await run(bin("tsx"), ["prisma/seed.ts"], env);
}

/** Stops services in reverse order and waits for each to exit (force after a grace period). */
export async function stopAll(services: Service[]) {
  for (const { child } of [...services].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
