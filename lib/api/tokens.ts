// Personal access tokens for the REST API: created and revoked by an incentive admin, for their
// organisation. The secret is shown once; only its SHA-256 is kept. A token works while it is neither
// expired nor revoked and the admin who created it is still an incentive admin of that organisation.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PartnerViewer } from "../auth/session";
import { viewerSelect } from "../auth/viewer-select";
import { db } from "../db";
import { done, invalidInput, type ActionResult } from "../result";
import { requiredText } from "../text";

/** The recognisable start of every secret (secret scanners can match it). */
export const TOKEN_PREFIX = "cpor_pat_";
/** The prefix and 32 random bytes in base64url (43 characters). */
export const TOKEN_PATTERN = /^cpor_pat_[A-Za-z0-9_-]{43}$/;
export const expiryDays = [30, 90, 180, 365] as const;
export const DEFAULT_EXPIRY_DAYS = 90;
/** The last-used time is written at most this often per token, not on every request. */
export const LAST_USED_PRECISION_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const hashToken = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** The token form's input: a name and one of the offered lifetimes. */
export const tokenInputSchema = z.object({
  name: requiredText(100),
  expiresInDays: z.coerce.number({ error: "invalidRequest" }).pipe(z.union(expiryDays.map((d) => z.literal(d)) as [z.ZodLiteral<30>, z.ZodLiteral<90>, z.ZodLiteral<180>, z.ZodLiteral<365>], { error: "invalidRequest" })).default(DEFAULT_EXPIRY_DAYS),
});

export type TokenStatus = "active" | "expired" | "revoked";
export type TokenRow = { id: string; name: string; hint: string; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; status: TokenStatus };

export const tokenStatus = (token: { expiresAt: Date; revokedAt: Date | null }, now = new Date()): TokenStatus =>
  token.revokedAt ? "revoked" : token.expiresAt.getTime() <= now.getTime() ? "expired" : "active";

/** Creates a token for the admin's organisation; the secret is in the answer and nowhere else. */
export async function createApiToken(viewer: PartnerViewer, values: unknown, now = new Date()): Promise<ActionResult<{ id: string; secret: string; expiresAt: string }, "invalidRequest">> {
  const parsed = tokenInputSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + parsed.data.expiresInDays * DAY_MS);
  const token = await db.apiToken.create({
    data: { name: parsed.data.name, tokenHash: hashToken(secret), hint: secret.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + 4), organizationId: viewer.organization.id, userId: viewer.id, createdAt: now, expiresAt },
    select: { id: true },
  });
  return done({ id: token.id, secret, expiresAt: expiresAt.toISOString() });
}

/** The organisation's tokens, newest first (any admin of the organisation sees and may revoke them). */
export async function listApiTokens(viewer: PartnerViewer, now = new Date()): Promise<TokenRow[]> {
  const rows = await db.apiToken.findMany({
    where: { organizationId: viewer.organization.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, hint: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((row) => ({ ...row, status: tokenStatus(row, now) }));
}

/** Revokes one of the organisation's tokens; false when there is no such active token. */
export async function revokeApiToken(viewer: PartnerViewer, tokenId: string, now = new Date()) {
  const revoked = await db.apiToken.updateMany({ where: { id: tokenId, organizationId: viewer.organization.id, revokedAt: null }, data: { revokedAt: now } });
  return revoked.count === 1;
}

/**
 * The viewer a secret stands for, as the pages load one (`viewerSelect`), or null: unknown, malformed,
 * expired or revoked, or its admin no longer an incentive admin of the token's organisation.
 * Records the use, at most once a minute.
 */
export async function authenticateToken(secret: string, now = new Date()): Promise<{ tokenId: string; viewer: PartnerViewer } | null> {
  if (!TOKEN_PATTERN.test(secret)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, organizationId: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: viewerSelect } },
  });
  if (!token || tokenStatus(token, now) !== "active") return null;
  const viewer = token.user;
  if (viewer.role !== "INCENTIVE_ADMIN" || viewer.organization?.id !== token.organizationId) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    await db.apiToken.updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] }, data: { lastUsedAt: now } });
  }
  return { tokenId: token.id, viewer: viewer as PartnerViewer };
}
