// The links to a customer contact's requests page that /c emails: `${APP_URL}/c/open/<token>`.
//
// A token is `<nonce>.<exp>.<signature>`:
//   nonce      16 random bytes
//   exp        expiry, seconds since the epoch in base 36 (ACCESS_TOKEN_MINUTES after the ask)
//   signature  HMAC-SHA256(key, nonce + "." + exp), key = HMAC-SHA256(AUTH_SECRET, "cpor/customer-access/v1")
// The database keeps only SHA-256(token) in CustomerAccessToken.tokenHash, with the address it opens.
// Opening the link (GET) changes nothing; the page's button (POST) uses the token up, once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db-client";
import { db } from "../db";
import { env } from "../env";
import { signer } from "../security/signing";

/** How long an emailed link may be used to open the requests page. */
export const ACCESS_TOKEN_MINUTES = 60;

const TOKEN = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;

const { sign, verify } = signer("cpor/customer-access/v1");
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type AccessTokenProblem = "tampered" | "expired" | "used" | "unknown";
export type CheckedAccessToken = { ok: true; email: string; expiresAt: Date } | { ok: false; reason: AccessTokenProblem };

/** The requests page link for a token, in the language the contact asked in. */
export const accessTokenUrl = (token: string, locale: string) => `${env().APP_URL}/c/open/${token}?lang=${encodeURIComponent(locale)}`;

/**
 * Records a new token for `email` (already normalised) in the caller's transaction and returns it: the
 * only time the token itself exists outside the email.
 */
export async function issueAccessToken(tx: Tx, { email, now = new Date() }: { email: string; now?: Date }) {
  const expiresAt = new Date(Math.floor((now.getTime() + ACCESS_TOKEN_MINUTES * 60_000) / 1000) * 1000);
  const body = `${randomBytes(16).toString("base64url")}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
  const token = `${body}.${sign(body)}`;
  const row = await tx.customerAccessToken.create({ data: { tokenHash: hashToken(token), email, expiresAt, createdAt: now }, select: { id: true } });
  return { id: row.id, token, expiresAt };
}

/** The signature and expiry a token carries, before any database read. */
function parseToken(token: string, now: Date): AccessTokenProblem | null {
  const parts = typeof token === "string" ? TOKEN.exec(token) : null;
  if (!parts) return "tampered";
  const [, nonce, exp, signature] = parts;
  if (!verify(`${nonce}.${exp}`, signature)) return "tampered";
  if (parseInt(exp, 36) * 1000 <= now.getTime()) return "expired";
  return null;
}

/** Whether a token can still open a session, and for which address. Reads only: the GET of the link. */
export async function checkAccessToken(token: string, now: Date = new Date()): Promise<CheckedAccessToken> {
  const problem = parseToken(token, now);
  if (problem) return { ok: false, reason: problem };
  const row = await db.customerAccessToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, expiresAt: true, usedAt: true } });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, email: row.email, expiresAt: row.expiresAt };
}

/**
 * Uses the token up: one conditional update, so of two concurrent requests exactly one gets the address.
 * The others learn why it cannot be used.
 */
export async function consumeAccessToken(token: string, now: Date = new Date()): Promise<CheckedAccessToken> {
  const problem = parseToken(token, now);
  if (problem) return { ok: false, reason: problem };
  const tokenHash = hashToken(token);
  const used = await db.customerAccessToken.updateManyAndReturn({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { email: true, expiresAt: true },
  });
  if (used.length === 1) return { ok: true, email: used[0].email, expiresAt: used[0].expiresAt };
  const checked = await checkAccessToken(token, now);
  return checked.ok ? { ok: false, reason: "used" } : checked;
}

/** Deletes the tokens past their expiry, used or not (a periodic job); returns how many. */
export async function sweepCustomerAccessTokens(client: Tx, now: Date = new Date()) {
  const { count } = await client.customerAccessToken.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
