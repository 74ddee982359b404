// The customer's approve/decline links: `${APP_URL}/c/<token>`.
//
// A token is `<claimId>.<exp>.<nonce>.<emailTag>.<signature>`:
//   exp       expiry, seconds since the epoch in base 36 (CUSTOMER_LINK_TTL_DAYS, default 30 days)
//   nonce     16 bytes, derived from the outbox row: HMAC(key, "link:" + outboxId), so rendering the same
//             outbox message again (after a crash) yields the same token, links and email
//   emailTag  12 bytes of HMAC(key, "email:" + contact email): binds the token to the address it was
//             sent to without putting the address into the URL
//   signature HMAC-SHA256(key, all of the above)
// where key = HMAC-SHA256(AUTH_SECRET, "cpor/customer-link/v1"). The database keeps only SHA-256(token)
// in CustomerLink.tokenHash: a database leak gives no working links.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { db } from "../db";
import type { Tx } from "../db-client";

const DAY = 24 * 60 * 60 * 1000;
const TOKEN = /^([A-Za-z0-9_-]{1,64})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

const key = () => createHmac("sha256", env().AUTH_SECRET).update("cpor/customer-link/v1").digest();
const mac = (value: string) => createHmac("sha256", key()).update(value).digest();
const normalEmail = (email: string) => email.trim().toLowerCase();
const emailTag = (email: string) => mac(`email:${normalEmail(email)}`).subarray(0, 12).toString("base64url");

/** SHA-256 of a token, hex: the only form in which a token is stored. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** When a link issued at `now` expires (whole seconds, as the token carries it). */
export function linkExpiry(now: Date, ttlDays = env().CUSTOMER_LINK_TTL_DAYS) {
  return new Date(Math.floor((now.getTime() + ttlDays * DAY) / 1000) * 1000);
}

/** The token for one outbox message's links: a pure function of its inputs (and AUTH_SECRET). */
export function customerLinkToken({ claimId, email, outboxId, expiresAt }: { claimId: string; email: string; outboxId: string; expiresAt: Date }) {
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  const nonce = mac(`link:${outboxId}`).subarray(0, 16).toString("base64url");
  const body = `${claimId}.${exp}.${nonce}.${emailTag(email)}`;
  const token = `${body}.${mac(body).toString("base64url")}`;
  if (!TOKEN.test(token)) throw new Error("customerLinkToken: the claim id must be 1-64 URL-safe characters");
  return token;
}

/** The approval page of a token, optionally with a preselected choice (GET never changes anything). */
export function customerLinkUrl(token: string, choice?: "approve" | "decline") {
  return `${env().APP_URL}/c/${token}${choice ? `?choice=${choice}` : ""}`;
}

/** Where a customer contact asks for fresh links to every request naming them (app/c/route.ts). */
export const customerAccessUrl = () => `${env().APP_URL}/c`;

export type IssuedCustomerLink = {
  linkId: string;
  token: string;
  expiresAt: Date;
  urls: { page: string; approve: string; decline: string; access: string };
};

/**
 * Records the link of one outbox message and returns its token and URLs. Idempotent: the same
 * outbox message (same outboxId, and `now` = the row's createdAt) gives the same token, and the row is
 * upserted by its hash. `now` is when the link's lifetime starts counting.
 */
export async function issueCustomerLink(tx: Tx, { claimId, email, outboxId, now }: { claimId: string; email: string; outboxId: string; now: Date }): Promise<IssuedCustomerLink> {
  const expiresAt = linkExpiry(now);
  const token = customerLinkToken({ claimId, email, outboxId, expiresAt });
  const tokenHash = hashToken(token);
  const link = await tx.customerLink.upsert({
    where: { tokenHash },
    create: { claimId, email: normalEmail(email), tokenHash, expiresAt },
    update: {},
    select: { id: true },
  });
  return {
    linkId: link.id,
    token,
    expiresAt,
    urls: { page: customerLinkUrl(token), approve: customerLinkUrl(token, "approve"), decline: customerLinkUrl(token, "decline"), access: customerAccessUrl() },
  };
}

export type CustomerLinkRecord = { id: string; claimId: string; email: string; expiresAt: Date; approvedAt: Date | null };
export type VerifiedCustomerLink = { ok: true; link: CustomerLinkRecord } | { ok: false; reason: "tampered" | "expired" | "unknown" };

/**
 * Checks a token from a URL. "tampered": not a token of ours (format or signature); "expired": genuine
 * but past its expiry; "unknown": genuine but no longer (or never) recorded, e.g. the claim was deleted.
 */
export async function verifyCustomerLink(token: string, now: Date = new Date()): Promise<VerifiedCustomerLink> {
  const parts = typeof token === "string" ? TOKEN.exec(token) : null;
  if (!parts) return { ok: false, reason: "tampered" };
  const [, claimId, exp, , tag, signature] = parts;
  // Compared as text: base64url has several spellings of the last byte, and only ours is the token.
  const expected = Buffer.from(mac(token.slice(0, token.lastIndexOf("."))).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "tampered" };
  if (parseInt(exp, 36) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };

  const link = await db.customerLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, claimId: true, email: true, expiresAt: true, approvedAt: true },
  });
  if (!link) return { ok: false, reason: "unknown" };
  // Signed by us, so these hold unless the row was altered: then it is not the link we sent.
  if (link.claimId !== claimId || emailTag(link.email) !== tag) return { ok: false, reason: "unknown" };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, link };
}

/** Approving is single-use: true for the one call that set approvedAt, false if it was already set (or no such link). */
export async function markApproved(tx: Tx, linkId: string, now: Date = new Date()) {
  const updated = await tx.customerLink.updateMany({ where: { id: linkId, approvedAt: null }, data: { approvedAt: now } });
  return updated.count === 1;
}
