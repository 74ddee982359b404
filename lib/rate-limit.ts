// Fixed-window request counts kept in PostgreSQL (the RateLimit table), so every instance shares them:
// the sign-in links' limits (lib/auth/sign-in-limit.ts) and the API's per-token limit (lib/api/rate-limit.ts).
import type { Tx } from "./db-client";

export type WindowCount = { key: string; count: number; resetAt: Date };

const ts = (date: Date) => date.toISOString();

/**
 * Counts one request against each key's window of `windowMs` and returns each key's count and when
 * its window ends. One statement, atomic under concurrency: a window that has ended starts again at 1.
 */
export function countInWindows(client: Tx, { keys, windowMs, now = new Date() }: { keys: string[]; windowMs: number; now?: Date }): Promise<WindowCount[]> {
  return client.$queryRaw<WindowCount[]>`
    INSERT INTO "RateLimit" (key, count, "resetAt")
    SELECT key, 1, ${ts(new Date(now.getTime() + windowMs))}::timestamp FROM unnest(${keys}::text[]) AS key
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."resetAt" <= ${ts(now)}::timestamp THEN 1 ELSE "RateLimit".count + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${ts(now)}::timestamp THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING key, count, "resetAt"`;
}

/** Deletes the counts of windows that have ended (run every few minutes by the outbox workers). */
export async function sweepRateLimits(client: Tx, now = new Date()) {
  return client.$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" < ${ts(now)}::timestamp`;
}
