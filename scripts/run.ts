// The run command: starts embedded PostgreSQL, Azurite and MailDev for every service whose
// variable is unset, applies migrations (and demo data when the database is embedded), then
// runs the portal (`dev` or `start`). Ctrl-C stops everything; data stays under .data/.
import "dotenv/config";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { EnvError, parseEnv } from "../lib/env";
import { prepareDatabase, startBlobStorage, startMailCatcher, startPostgres, stopAll, type Service } from "./services";

const mode = process.argv[2] === "start" ? "start" : "dev";
const dataDir = path.resolve(".data");
const port = Number(process.env.PORT ?? 3000);
const services: Service[] = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await stopAll(services);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

function persistedSecret() {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const e = process.env;
  const embeddedDatabase = !e.DATABASE_URL;

  if (embeddedDatabase) {
    const pg = await startPostgres({ dataDir: path.join(dataDir, "pg"), port: 54329 });
    services.push(pg);
    Object.assign(e, pg.env);
    console.log(`Embedded PostgreSQL (PGlite) on ${pg.url}`);
  }
  if (!e.AZURE_STORAGE_CONNECTION_STRING) {
    const blob = await startBlobStorage({ dataDir: path.join(dataDir, "azurite"), port: 10000 });
    services.push(blob);
    e.AZURE_STORAGE_CONNECTION_STRING = blob.connectionString;
    console.log("Azurite blob storage on http://127.0.0.1:10000");
  }
  if (!e.SMTP_URL) {
    const mail = await startMailCatcher({ dataDir: path.join(dataDir, "mail"), smtpPort: 1025, webPort: 1080 });
    services.push(mail);
    e.SMTP_URL = mail.smtpUrl;
    e.MAIL_INBOX_URL = mail.inboxUrl;
    console.log(`Mail catcher: SMTP ${mail.smtpUrl}, inbox ${mail.inboxUrl}`);
  }
  if (services.length > 0) {
    // Development defaults for what an embedded run cannot know; production sets them all.
    e.AZURE_STORAGE_CONTAINER ??= "poe";
    e.MAIL_FROM ??= "CPOR claims portal <no-reply@cpor.localhost>";
    e.APP_URL ??= `http://localhost:${port}`;
    e.AUTH_SECRET ??= persistedSecret();
    // The demo accounts sign in by email link, with the mail catcher's inbox (production turns it off).
    e.AUTH_EMAIL_LINK ??= "on";
    // Webhook endpoints on this machine (a local receiver) for development.
    e.WEBHOOK_ALLOW_PRIVATE ??= "true";
  }

  e.NEXT_TELEMETRY_DISABLED ??= "1";
  const settings = parseEnv(e);
  if (mode === "dev" || embeddedDatabase) await prepareDatabase(e, { seed: embeddedDatabase });
  await BlobServiceClient.fromConnectionString(settings.AZURE_STORAGE_CONNECTION_STRING).getContainerClient(settings.AZURE_STORAGE_CONTAINER).createIfNotExists();

  const next = spawn(path.join("node_modules", ".bin", "next"), [mode, "--port", String(port)], { stdio: "inherit", env: e });
  services.push({ name: "next", child: next });
  console.log(`\nThe portal: ${settings.APP_URL}  (sign in as admin@contoso.example; read the email at ${e.MAIL_INBOX_URL ?? "your SMTP relay"})\n`);
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch(async (error) => {
  console.error(error instanceof EnvError ? error.message : error);
  await shutdown(1);
});
