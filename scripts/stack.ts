// A throwaway copy of the whole stack for the test and benchmark commands: a fresh database (a new
// one on TEST_DATABASE_URL's server, or a new embedded PGlite server), Azurite and MailDev on the
// given ports, migrated and seeded, optionally a Microsoft Entra ID stand-in (tests/support/entra.ts),
// and the environment the portal needs to use them.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import pg from "pg";
import { parseEnv } from "../lib/env";
import { assertPortFree, prepareDatabase, startBlobStorage, startMailCatcher, startPostgres, stopAll, waitForPort, type Service } from "./services";

/** `entra`: where to start the Microsoft Entra ID stand-in (none without it). */
export type StackPorts = { postgres: number; blob: number; smtp: number; inbox: number; app: number; entra?: number };
export type Stack = {
  env: Record<string, string | undefined>;
  workDir: string;
  /** Starts the portal; `overrides` change its environment (e.g. AUTH_EMAIL_LINK=off). */
  /** Starts a portal instance (on the stack's app port unless `port` names another: several instances share the services). */
  startPortal: (mode: "dev" | "start", overrides?: Record<string, string>, options?: { port?: number }) => Promise<number>;
  /** Stops the portal started last (its services keep running). */
  stopPortal: () => Promise<void>;
  /** Stops Azurite, or starts it again on the same port and data directory (the load benchmark's outage). */
  blobStorage: { stop: () => Promise<void>; start: () => Promise<void> };
  stop: () => Promise<void>;
};

export const bin = (name: string) => path.join("node_modules", ".bin", name);
export const hasProductionBuild = () => existsSync(path.join(".next", "BUILD_ID"));

/**
 * The sign-in limits of the portal the browser tests and benchmarks use: every browser asks for links
 * from the same loopback address, so the per-client limit is out of the way; the per-address limit
 * stays low enough for a browser test to reach it (tests/e2e/signin.spec.ts reads it from here).
 */
export const portalSignInLimits = (env: Record<string, string | undefined>) => ({
  SIGN_IN_LIMIT_PER_CLIENT: env.SIGN_IN_LIMIT_PER_CLIENT ?? "1000",
  SIGN_IN_LIMIT_PER_EMAIL: env.SIGN_IN_LIMIT_PER_EMAIL ?? "10",
});

export async function startStack(name: string, ports: StackPorts, { databaseServer = process.env.TEST_DATABASE_URL }: { databaseServer?: string } = {}): Promise<Stack> {
  const services: Service[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const workDir = path.resolve(".data", `${name}-${Date.now()}`);
  mkdirSync(workDir, { recursive: true });
  cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }));

  const stop = async () => {
    await stopAll(services);
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error("cleanup:", e));
  };

  try {
    const databaseSettings = await freshDatabase(name, workDir, ports.postgres, services, cleanups, databaseServer);
    const blobDir = path.join(workDir, "azurite");
    let blob = await startBlobStorage({ dataDir: blobDir, port: ports.blob });
    services.push(blob);
    const blobStorage = {
      stop: () => stopAll([blob]),
      start: async () => {
        const restarted = await startBlobStorage({ dataDir: blobDir, port: ports.blob });
        services[services.indexOf(blob)] = restarted;
        blob = restarted;
      },
    };
    const mail = await startMailCatcher({ smtpPort: ports.smtp, webPort: ports.inbox });
    services.push(mail);
    const appUrl = `http://localhost:${ports.app}`;
    const entra = ports.entra ? await startEntra(ports.entra, workDir, appUrl) : undefined;
    if (entra) cleanups.push(entra.stop);

    // Each child picks its own NODE_ENV (Next sets it per mode; Vitest sets "test").
    const { NODE_ENV: _parentMode, ...inherited } = process.env;
    const env: Record<string, string | undefined> = {
      ...inherited,
      ...databaseSettings,
      AZURE_STORAGE_CONNECTION_STRING: blob.connectionString,
      AZURE_STORAGE_CONTAINER: `poe-${name}`,
      SMTP_URL: mail.smtpUrl,
      MAIL_FROM: "CPOR claims portal <no-reply@cpor.test>",
      MAIL_INBOX_URL: mail.inboxUrl,
      APP_URL: appUrl,
      AUTH_SECRET: randomBytes(33).toString("base64"),
      // The test stack stands in for the embedded services, where the email link is on (even under next start).
      AUTH_EMAIL_LINK: "on",
      // Webhook endpoints on the tests' local receivers (http://127.0.0.1).
      WEBHOOK_ALLOW_PRIVATE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(entra
        ? {
            AUTH_MICROSOFT_ENTRA_ID_ID: entra.clientId,
            AUTH_MICROSOFT_ENTRA_ID_SECRET: entra.clientSecret,
            AUTH_MICROSOFT_ENTRA_ID_ISSUER: entra.issuer,
            AUTH_REVIEWER_TENANT_ID: entra.reviewerTenantId,
            // The stand-in's self-signed certificate: Node processes (portal, Vitest) trust it, Chromium by its key.
            NODE_EXTRA_CA_CERTS: entra.certificateFile,
            ENTRA_TEST_URL: entra.origin,
            ENTRA_TEST_SPKI: entra.spki,
          }
        : {}),
    };
    const settings = parseEnv(env);
    await prepareDatabase(env, { seed: true });
    await BlobServiceClient.fromConnectionString(settings.AZURE_STORAGE_CONNECTION_STRING).getContainerClient(settings.AZURE_STORAGE_CONTAINER).createIfNotExists();

    let portal: Service | undefined;
    const startPortal = async (mode: "dev" | "start", overrides: Record<string, string> = {}, { port = ports.app }: { port?: number } = {}) => {
      const next = spawn(bin("next"), [mode, "--port", String(port)], {
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...env,
          NODE_ENV: mode === "start" ? "production" : "development",
          ...portalSignInLimits(env),
          ...overrides,
        } as NodeJS.ProcessEnv,
      });
      portal = { name: "next", child: next };
      services.push(portal);
      await waitForPort(port, { child: next, timeoutMs: 120_000 });
      return next.pid!;
    };
    const stopPortal = async () => {
      if (!portal) return;
      await stopAll([portal]);
      services.splice(services.indexOf(portal), 1);
      portal = undefined;
    };
    return { env, workDir, startPortal, stopPortal, blobStorage, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The Microsoft Entra ID stand-in (a devDependency, so loaded only when asked for). */
async function startEntra(port: number, workDir: string, appUrl: string) {
  const { ENTRA_TEST_CLIENT, ENTRA_TEST_TENANTS, startEntraTestProvider } = await import("../tests/support/entra");
  await assertPortFree(port, "Microsoft Entra ID stand-in");
  const provider = await startEntraTestProvider({ port, dir: workDir, redirectUri: `${appUrl}/api/auth/callback/microsoft-entra-id` });
  return { ...provider, clientId: ENTRA_TEST_CLIENT.id, clientSecret: ENTRA_TEST_CLIENT.secret, reviewerTenantId: ENTRA_TEST_TENANTS.microsoft };
}

/** A new database for the stack; the portal's database settings for it (DATABASE_URL and its connection settings). */
async function freshDatabase(name: string, workDir: string, port: number, services: Service[], cleanups: (() => Promise<void>)[], server: string | undefined) {
  if (!server) {
    const pglite = await startPostgres({ dataDir: path.join(workDir, "pg"), port });
    services.push(pglite);
    return pglite.env;
  }
  const database = `cpor_${name}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(server);
  url.pathname = `/${database}`;
  // DATABASE_STATEMENT_CACHE as the environment sets it (lib/env.ts's default otherwise).
  return { DATABASE_URL: url.toString(), DATABASE_POOL_MAX: "20" };
}
