// Health of the services the portal depends on, each checked with a time limit.
import "server-only";
import { db } from "./db";
import { pingSmtp } from "./notify/mailer";
import { pingBlobStorage } from "./poe/storage";

type Check = { status: "up" | "down"; latencyMs: number; error?: string };

async function timed(check: () => Promise<unknown>, timeoutMs = 5_000): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: "down", latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  }
}

export async function checkHealth() {
  const [database, blobStorage, smtp] = await Promise.all([timed(() => db.$queryRaw`SELECT 1`), timed(pingBlobStorage), timed(pingSmtp)]);
  const checks = { database, blobStorage, smtp };
  const status = Object.values(checks).every((c) => c.status === "up") ? "ok" : "degraded";
  return { status, checks, time: new Date().toISOString() };
}
