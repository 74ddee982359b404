// The test command: starts fresh services (a new database, Azurite, MailDev on test ports), runs the
// Vitest suites, then the portal and the Playwright browser tests against it, and cleans up.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import pg from "pg";
import { parseEnv } from "../lib/env";
import { prepareDatabase, run, startBlobStorage, startMailCatcher, startPostgres, stopAll, waitForPort, type Service } from "./services";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const appPort = 3100;
const bin = (name: string) => path.join("node_modules", ".bin", name);
const services: Service[] = [];
const cleanups: (() => Promise<void>)[] = [];

if (!existsSync(chromium)) {
  console.error(
    `Browser tests need Chromium at ${chromium}, and it is not there.\n` +
      "Install Debian's Chromium (as root):  apt-get update && apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at an existing Chromium or Chrome binary. (`npx playwright install` cannot download browsers here.)",
  );
  process.exit(1);
}

/** A fresh database: a new one on TEST_DATABASE_URL's server, or a new embedded PGlite server. */
async function freshDatabase(workDir: string) {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const pglite = await startPostgres({ dataDir: path.join(workDir, "pg"), port: 54339 });
    services.push(pglite);
    return { url: pglite.url, poolMax: "1" };
  }
  const name = `cpor_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), poolMax: "5" };
}

async function main() {
  const workDir = path.resolve(".data", `test-${Date.now()}`);
  mkdirSync(workDir, { recursive: true });
  cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }));

  const database = await freshDatabase(workDir);
  const blob = await startBlobStorage({ dataDir: path.join(workDir, "azurite"), port: 10010 });
  const mail = await startMailCatcher({ smtpPort: 1035, webPort: 1090 });
  services.push(blob, mail);

  // Each child picks its own NODE_ENV (Next sets it per mode; Vitest sets "test").
  const { NODE_ENV: _parentMode, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: database.poolMax,
    AZURE_STORAGE_CONNECTION_STRING: blob.connectionString,
    AZURE_STORAGE_CONTAINER: "poe-test",
    SMTP_URL: mail.smtpUrl,
    MAIL_FROM: "CPOR claims portal <no-reply@cpor.test>",
    MAIL_INBOX_URL: mail.inboxUrl,
    APP_URL: `http://localhost:${appPort}`,
    AUTH_SECRET: randomBytes(33).toString("base64"),
    CHROMIUM_PATH: chromium,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const settings = parseEnv(env);
  await prepareDatabase(env, { seed: true });
  await BlobServiceClient.fromConnectionString(settings.AZURE_STORAGE_CONNECTION_STRING).getContainerClient(settings.AZURE_STORAGE_CONTAINER).createIfNotExists();

  await run(bin("vitest"), ["run"], env);

  const mode = existsSync(path.join(".next", "BUILD_ID")) && process.env.E2E_SERVER === "start" ? "start" : "dev";
  const next = spawn(bin("next"), [mode, "--port", String(appPort)], { stdio: ["ignore", "ignore", "inherit"], env: { ...env, NODE_ENV: mode === "start" ? "production" : "development" } as NodeJS.ProcessEnv });
  services.push({ name: "next", child: next });
  await waitForPort(appPort, { child: next, timeoutMs: 120_000 });
  await run(bin("playwright"), ["test", ...process.argv.slice(2)], env);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stopAll(services);
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error("cleanup:", e));
}
process.exit(failed ? 1 : 0);
