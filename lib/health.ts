// Health of the services the portal depends on, each checked with a time limit, and who may see
// more than whether the portal is up.
import "server-only";
import type { Viewer } from "./auth/session";
import { db } from "./db";
import { env } from "./env";
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

export type HealthReport = Awaited<ReturnType<typeof checkHealth>>;
export type HealthAnswer = HealthReport | { status: HealthReport["status"]; checks?: undefined };

/**
 * What /api/health answers: the overall status for anyone (load balancers, uptime probes); each
 * dependency's status, latency and error only for a signed-in reviewer, or for anyone when
 * HEALTH_DETAIL=on. Latencies and error messages say too much about the inside to show the world.
 */
export async function healthFor(viewer: Viewer | null, { detailForAnyone = env().HEALTH_DETAIL === "on" } = {}): Promise<HealthAnswer> {
  const report = await checkHealth();
  if (detailForAnyone || viewer?.role === "REVIEWER") return report;
  return { status: report.status };
}
