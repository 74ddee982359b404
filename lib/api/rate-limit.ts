// The API's request limit per token: a fixed one-minute window counted in PostgreSQL (lib/rate-limit.ts,
// the table the sign-in limits use), so it holds across instances.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { countInWindows } from "../rate-limit";

export const API_WINDOW_MS = 60_000;

export type ApiAllowance = { ok: boolean; limit: number; remaining: number; resetAt: Date };

/** Counts one request of the token and says whether it may go ahead, with what the RateLimit headers report. */
export async function consumeApiAllowance(tokenId: string, now = new Date()): Promise<ApiAllowance> {
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  const [row] = await countInWindows(db, { keys: [`api:token:${tokenId}`], windowMs: API_WINDOW_MS, now });
  return { ok: row.count <= limit, limit, remaining: Math.max(0, limit - row.count), resetAt: row.resetAt };
}

/** The RateLimit headers (IETF httpapi draft) and, when refused, Retry-After: seconds until the window ends. */
export function rateLimitHeaders(allowance: ApiAllowance, now = new Date()): Record<string, string> {
  const reset = String(Math.max(1, Math.ceil((allowance.resetAt.getTime() - now.getTime()) / 1000)));
  const headers: Record<string, string> = {
    "RateLimit-Policy": `${allowance.limit};w=${API_WINDOW_MS / 1000}`,
    "RateLimit-Limit": String(allowance.limit),
    "RateLimit-Remaining": String(allowance.remaining),
    "RateLimit-Reset": reset,
  };
  if (!allowance.ok) headers["Retry-After"] = reset;
  return headers;
}
