// How many sign-in links may be asked for: per email address and per client address, in fixed
// 15-minute windows counted in PostgreSQL (the RateLimit table), so every instance shares the counts.
// Every request counts, whether or not the address has an account, so being limited tells nothing.
import type { Tx } from "../db-client";
import { createHmac } from "node:crypto";
import { isIPv6 } from "node:net";
import { env } from "../env";
import { countInWindows } from "../rate-limit";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type SignInAllowance = { ok: true } | { ok: false; retryAfter: Date };

// Keys are keyed hashes: the table never holds the addresses people typed.
const secret = () => createHmac("sha256", env().AUTH_SECRET).update("cpor/sign-in-limit/v1").digest();
export const signInLimitKey = (scope: "email" | "client", value: string) => `sign-in:${scope}:${createHmac("sha256", secret()).update(value).digest("base64url")}`;

/** The email as Auth.js identifies it (NFKC, lower case), so spellings of one address share a count. */
/** An address as the limits count it (and as a customer contact is looked up): NFKC, trimmed, lower case. */
export const normalEmail = (email: string) => email.normalize("NFKC").trim().toLowerCase();

/**
 * What one client is counted as: an IPv4 address, or an IPv6 address's /64 (one customer's network is
 * usually a whole /64, so counting single addresses would let it ask without end).
 */
export function clientBucket(address: string) {
  const plain = address.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1];
  if (!isIPv6(plain)) return plain;
  const [head, tail] = plain.split("::");
  const before = head ? head.split(":") : [];
  const after = tail ? tail.split(":") : [];
  const groups = tail === undefined ? before : [...before, ...Array(Math.max(0, 8 - before.length - after.length)).fill("0"), ...after];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}

/**
 * Counts one request for a link to `email` from `clientAddress` (when known) and says whether it may
 * go ahead; if not, when the earliest full window ends. One statement, atomic under concurrency: a
 * window that has ended starts again at 1.
 */
export async function consumeSignInAllowance(client: Tx, { email, clientAddress, now = new Date() }: { email: string; clientAddress?: string; now?: Date }): Promise<SignInAllowance> {
  const settings = env();
  const limits = new Map([[signInLimitKey("email", normalEmail(email)), settings.SIGN_IN_LIMIT_PER_EMAIL]]);
  if (clientAddress) limits.set(signInLimitKey("client", clientBucket(clientAddress)), settings.SIGN_IN_LIMIT_PER_CLIENT);
  const rows = await countInWindows(client, { keys: [...limits.keys()], windowMs: SIGN_IN_WINDOW_MS, now });
  const over = rows.filter((row) => row.count > limits.get(row.key)!);
  if (over.length === 0) return { ok: true };
  return { ok: false, retryAfter: new Date(Math.max(...over.map((row) => row.resetAt.getTime()))) };
}

export { sweepRateLimits } from "../rate-limit";
