// "Send the request again" from the claim page: queues a customer-resend message in the caller's
// transaction, at most one per 10 minutes and 5 per 24 hours per claim.
import { messageKinds } from "./messages";
import { lockClaim } from "../claims/lifecycle";
import type { Tx } from "../db-client";
import { enqueueMessage } from "./outbox";
import { done, refused, type Done, type Refused } from "../result";

export const RESEND_MIN_INTERVAL_MS = 10 * 60 * 1000;
export const RESEND_WINDOW_MS = 24 * 60 * 60 * 1000;
export const RESEND_MAX_PER_WINDOW = 5;

/** Whether the partner may send the customer's email again: submitted, unanswered, not closed for good. */
export const canResend = (claim: { status: string; customerResponse: string }) =>
  claim.status !== "DRAFT" && claim.status !== "REJECTED_FINAL" && claim.customerResponse === "NONE";

/** Queued, or refused until `retryAfter` (the limits). */
export type ResendResult = Done<{ outboxId: string }> | (Refused<"retryLater", { retryAfter: Date }> & { details: { retryAfter: Date } });

/**
 * Queues a re-send of the approval request to the claim's current customer contact, in their language.
 * Serialised per claim (the claim row is locked), so concurrent requests respect the limits. Throws if
 * the claim does not exist; whether the viewer may ask (own claim, status) is the caller's check.
 */
export async function requestResend(tx: Tx, { claimId, now = new Date() }: { claimId: string; now?: Date }): Promise<ResendResult> {
  if (!(await lockClaim(tx, claimId))) throw new Error(`requestResend: no claim ${claimId}`);
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { customerContactEmail: true, customerLocale: true } });

  const recent = await tx.outboxMessage.findMany({
    where: { claimId, kind: messageKinds.customerResend, createdAt: { gt: new Date(now.getTime() - RESEND_WINDOW_MS) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const last = recent.at(-1);
  const waits: number[] = [];
  if (last && now.getTime() - last.createdAt.getTime() < RESEND_MIN_INTERVAL_MS) waits.push(last.createdAt.getTime() + RESEND_MIN_INTERVAL_MS);
  if (recent.length >= RESEND_MAX_PER_WINDOW) waits.push(recent[recent.length - RESEND_MAX_PER_WINDOW].createdAt.getTime() + RESEND_WINDOW_MS);
  if (waits.length > 0) return { ...refused("retryLater"), details: { retryAfter: new Date(Math.max(...waits)) } };

  const outboxId = await enqueueMessage(tx, {
    kind: messageKinds.customerResend,
    dedupeKey: `${messageKinds.customerResend}:${claimId}:${now.toISOString()}`,
    claimId,
    payload: { claimId, to: claim.customerContactEmail, locale: claim.customerLocale },
    now,
  });
  return done({ outboxId });
}
