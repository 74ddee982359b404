// The background worker as its own process: `npm run worker`. Delivers queued emails (the outbox) and
// runs the periodic jobs (reminders, expiry, upkeep: lib/jobs/queue.ts), like each portal instance
// does unless WORKER=off. Any number of workers and portal instances may run at once: they coordinate
// through the database.
//
// Configuration comes from the environment and .env, as for the portal (lib/env.ts). For development
// against a running `npm run dev` with its stand-ins, the same defaults as scripts/run.ts apply: MailDev
// on 1025, the persisted .data/auth-secret (links must be signed with the portal's secret), and so on.
// The embedded PGlite database takes a single connection, which the portal holds: with it, the portal
// delivers the outbox itself (WORKER=on, the default), and this command needs a DATABASE_URL.
import "dotenv/config";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";

const e = process.env;
const secretFile = path.resolve(".data", "auth-secret");

if (!e.DATABASE_URL) {
  console.error(
    "DATABASE_URL is not set. The embedded database of `npm run dev` serves only the portal, which then runs the email worker itself (WORKER=on).\n" +
      "Set DATABASE_URL (and the other variables of .env.example) to run the worker as its own process.",
  );
  process.exit(1);
}
if (!e.SMTP_URL || !e.AUTH_SECRET || !e.APP_URL || !e.MAIL_FROM) {
  // Development defaults, as scripts/run.ts sets them for the portal it starts.
  e.SMTP_URL ??= "smtp://127.0.0.1:1025";
  e.MAIL_FROM ??= "CPOR claims portal <no-reply@cpor.localhost>";
  e.APP_URL ??= `http://localhost:${e.PORT ?? 3000}`;
  if (!e.AUTH_SECRET && existsSync(secretFile)) e.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  // Not used by the worker, but part of the validated configuration.
  e.AZURE_STORAGE_CONNECTION_STRING ??= "UseDevelopmentStorage=true";
  e.AZURE_STORAGE_CONTAINER ??= "poe";
}

try {
  parseEnv(e);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}

const { startOutboxWorker } = await import("../lib/notify/worker");
const { startJobs, stopJobs } = await import("../lib/jobs/queue");
const { db } = await import("../lib/db");
const worker = startOutboxWorker();
await startJobs();
// The worker's timers are unref'd (they must not hold a portal process open): keep this one alive.
const keepAlive = setInterval(() => {}, 60 * 60 * 1000);
console.log(`Worker ${worker.workerId} running: email outbox and periodic jobs (SMTP ${new URL(e.SMTP_URL!).host}). Ctrl-C stops it.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    await Promise.all([worker.stop(), stopJobs()]);
    await db.$disconnect();
    process.exit(0);
  });
}
