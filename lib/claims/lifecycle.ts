// The claim lifecycle: the only code that changes a claim's status, `transition` (and
// `recordCustomerResponse` for the customer's answer), following the table of allowed transitions and
// the timers of lib/claims/vocabulary.ts; the dispute window; the claim's row lock.
//
// Everything here runs inside the caller's transaction. `transition` is race-safe: the status moves
// only if it is still the one read (a conditional update), so of two concurrent transitions from the
// same status exactly one wins and the other reports "stale".
//
// Associations: entering Approved creates the claim's associations (one per workload for Modern Work
// and Security, one per subscription and engagement for Business Applications). Another partner's active
// association on the same tenant+workload, or subscription+engagement, is checked with a SELECT before
// anything is written. The most recent valid PoE wins: when the approved claim's customer acknowledgement
// is dated later than every holder's, each holder's claim moves Approved -> Rejected ("conflicting claim
// won by another partner", its associations end, its partner is emailed) in the same transaction;
// otherwise the transition returns "associationConflict" and writes nothing. Under concurrency both
// approvals may pass that check: the partial unique indexes on Association are the final guard, and a
// violation there throws a Refusal "associationConflict" (lib/refusal.ts). A failed statement aborts a PostgreSQL
// transaction, so the caller cannot go on: let the error leave the `$transaction` callback (which rolls
// everything back) and map it to "associationConflict" outside, or use `runTransition`, which does both.
import { emitWebhookEvent, webhookEventInsert, type WebhookEvent } from "../webhooks/events";
import { isRefusal, Refusal } from "../refusal";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { ClaimStatus } from "../generated/prisma/enums";
import { messageKinds } from "../notify/messages";
import { enqueueMessage } from "../notify/outbox";
import { eventInsert, recordEvent, type ClaimAction } from "./history";
import { partnerActionReasons, rejectionReasons } from "./reasons";
import { displacesHolders } from "./rules";
import { customerDeclinableStatuses, dueAt, findTransition, isDisputable, type Actor, type LifecycleTimers, type TransitionRule } from "./vocabulary";

// ---------- the dispute window ----------

export type DisputeWindow = { closesAt: Date | null; open: boolean; alreadyDisputed: boolean; customerDeclined: boolean };

/**
 * Whether a Rejected claim may be disputed at `now`: once per claim, not against the customer's
 * decline (it stands), and only while the Rejected timer runs. `transition` enforces it; the claim
 * page and the PoE uploads read it.
 */
export async function disputeWindow(
  client: Pick<Prisma.TransactionClient, "claimEvent">,
  claim: { id: string; status: ClaimStatus; statusChangedAt: Date | null; statusReasonCode: string | null },
  { now = new Date(), timers }: { now?: Date; timers?: LifecycleTimers } = {},
): Promise<DisputeWindow> {
  const alreadyDisputed = (await client.claimEvent.count({ where: { claimId: claim.id, toStatus: "DISPUTE" } })) > 0;
  const customerDeclined = !isDisputable(claim.statusReasonCode);
  const closesAt = claim.status === "REJECTED" && !customerDeclined ? dueAt("REJECTED", claim.statusChangedAt, timers) : null;
  return { closesAt, alreadyDisputed, customerDeclined, open: !alreadyDisputed && closesAt !== null && now.getTime() <= closesAt.getTime() };
}

/** A dispute's new proof: the PoE files uploaded after the rejection (the claim's last status change). */
export const disputeProofSince = (claim: { statusChangedAt: Date | null }) => claim.statusChangedAt ?? new Date(0);

/** Why a dispute is refused in this window, or null when it is open. */
export const disputeProblem = (window: DisputeWindow): "alreadyDisputed" | "notAllowed" | "disputeWindowClosed" | null =>
  window.open ? null : window.alreadyDisputed ? "alreadyDisputed" : window.customerDeclined ? "notAllowed" : "disputeWindowClosed";

// ---------- the transition ----------

export type TransitionProblem = "notAllowed" | "stale" | "reasonRequired" | "disputeWindowClosed" | "alreadyDisputed" | "associationConflict";
export type TransitionResult = { ok: true; from: ClaimStatus } | { ok: false; problem: TransitionProblem };

export type TransitionInput = {
  claimId: string;
  /** The status the caller saw (or any of several); another current status is "stale". */
  from: ClaimStatus | readonly ClaimStatus[];
  to: ClaimStatus;
  actor: Actor;
  reasonCode?: string;
  reasonText?: string;
  ip?: string;
  userAgent?: string;
  /** Required for partner actors: the claim must belong to this organisation. */
  organizationId?: string;
  /** The audit row's action; "statusChanged" unless the caller names its own (submission: "submitted"). */
  action?: ClaimAction;
  /** The moment of the change and of the timer checks (defaults to now). */
  now?: Date;
  timers?: LifecycleTimers;
  /**
   * The claim as the caller read it while holding its row lock (`lockClaim`), in this transaction:
   * then it is not read again. Its organisation and deletion are still checked here.
   */
  locked?: LockedClaim;
};

/** What `transition` reads of a claim. */
export type LockedClaim = { id: string; status: ClaimStatus; statusChangedAt: Date | null; statusReasonCode: string | null; organizationId: string; deletedAt: Date | null };

/**
 * Whether the unique indexes on Association refused the approval (another partner's association
 * committed concurrently): `transition` then throws a Refusal "associationConflict". The transaction
 * is aborted: let it roll back and treat it as { ok: false, problem: "associationConflict" } (see
 * `runTransition`).
 */
const isUniqueViolation = (error: unknown): boolean => {
  for (let e = error as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } } | undefined, depth = 0; e && depth < 5; depth += 1) {
    if (e.code === "P2002" || e.code === "23505" || (e as { originalCode?: unknown }).originalCode === "23505") return true;
    e = (e.cause ?? e.meta?.driverAdapterError) as typeof e;
  }
  return false;
};

const blankToUndefined = (text: string | undefined) => (text && text.trim() !== "" ? text.trim() : undefined);

/** The reason code and text the rule accepts, or null when they do not fit it. */
function checkReason(rule: TransitionRule, code: string | undefined, text: string | undefined): { code?: string; text?: string } | null {
  if (rule.reasonCode && code !== undefined && code !== rule.reasonCode) return null;
  switch (rule.reason) {
    case "none":
      return code === undefined ? { text } : null;
    case "rejection": {
      const chosen = code ?? rule.reasonCode;
      return chosen && (rejectionReasons as readonly string[]).includes(chosen) ? { code: chosen, text } : null;
    }
    case "partnerAction":
      return code && (partnerActionReasons as readonly string[]).includes(code) && text ? { code, text } : null;
    case "required-text":
      if (!text) return null;
      if (!rule.reasonCode && code !== undefined) return null;
      return { code: rule.reasonCode, text };
  }
}

/**
 * The items an Approved claim holds: tenant workloads (Modern Work and Security) or subscriptions in the
 * claim's engagement (Business Applications: the partner role), which end with their subscription.
 */
async function associationsFor(tx: Prisma.TransactionClient, claimId: string) {
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      tenantId: true,
      solutionArea: true,
      partnerRole: true,
      workloads: { select: { workloadId: true } },
      subscriptions: { select: { subscriptionId: true, subscription: { select: { endsAt: true } } } },
    },
  });
  return claim.solutionArea === "MODERN_WORK_SECURITY"
    ? claim.workloads.map((w) => ({ claimId, tenantId: claim.tenantId, workloadId: w.workloadId, subscriptionId: null, partnerRole: null, endsAt: null }))
    : claim.subscriptions.map((s) => ({ claimId, tenantId: claim.tenantId, workloadId: null, subscriptionId: s.subscriptionId, partnerRole: claim.partnerRole, endsAt: s.subscription.endsAt }));
}

/**
 * The claims an approval displaces: the other claims holding an active association on one of its
 * items, when its customer acknowledgement (the PoE's date) is later than each of theirs ([] when none
 * holds any). Null when a holder's proof is as recent or more recent: the holder keeps it.
 */
async function holdersToDisplace(tx: Prisma.TransactionClient, claimId: string, items: Awaited<ReturnType<typeof associationsFor>>): Promise<string[] | null> {
  const held = await tx.association.findMany({
    where: {
      endedAt: null,
      claimId: { not: claimId },
      OR: items.map((a) => (a.workloadId ? { tenantId: a.tenantId, workloadId: a.workloadId } : { subscriptionId: a.subscriptionId, partnerRole: a.partnerRole })),
    },
    select: { claimId: true },
    distinct: ["claimId"],
  });
  if (held.length === 0) return [];
  const dates = await tx.proofOfExecution.findMany({ where: { claimId: { in: [claimId, ...held.map((h) => h.claimId)] } }, select: { claimId: true, customerAcknowledgedOn: true } });
  const dateOf = (id: string) => dates.find((d) => d.claimId === id)?.customerAcknowledgedOn;
  return displacesHolders(dateOf(claimId), held.map((h) => dateOf(h.claimId))) ? held.map((h) => h.claimId) : null;
}

const ts = (date: Date) => date.toISOString();

/**
 * The move itself, in one statement: the claim's new status (only if it is still `current`, not
 * deleted, and of the organisation when one is given), its audit row and the webhook event's
 * deliveries. The audit row's id, or null when the claim was not moved (nothing is written then).
 */
async function moveClaim(
  tx: Prisma.TransactionClient,
  move: {
    claimId: string;
    current: ClaimStatus;
    to: ClaimStatus;
    now: Date;
    reason: { code?: string; text?: string };
    organizationId?: string;
    event: { action: ClaimAction; actorUserId?: string; ip?: string; userAgent?: string };
    webhook: WebhookEvent;
  },
): Promise<{ eventId: string } | null> {
  const { claimId, current, to, now, reason } = move;
  const audit = eventInsert({ ...move.event, fromStatus: current, toStatus: to, reasonCode: reason.code, note: reason.text }, Prisma.sql`moved`);
  const webhook = webhookEventInsert(move.webhook, Prisma.sql`EXISTS (SELECT 1 FROM moved)`);
  const [row] = await tx.$queryRaw<{ moved: number }[]>`
    WITH moved AS (
      UPDATE "Claim"
      SET status = ${to}::"ClaimStatus", "statusChangedAt" = ${ts(now)}::timestamp, "statusReasonCode" = ${reason.code ?? null}, "statusReasonText" = ${reason.text ?? null},
        "updatedAt" = ${ts(new Date())}::timestamp ${to === "SUBMITTED" ? Prisma.sql`, "submittedAt" = ${ts(now)}::timestamp` : Prisma.empty}
      WHERE id = ${claimId} AND status = ${current}::"ClaimStatus" AND "deletedAt" IS NULL
        ${move.organizationId ? Prisma.sql`AND "organizationId" = ${move.organizationId}` : Prisma.empty}
      RETURNING id
    ),
    audit AS (${audit.sql}),
    webhook AS (${webhook.sql})
    SELECT count(*)::int AS moved FROM moved`;
  return row.moved === 1 ? { eventId: audit.id } : null;
}

/**
 * Moves a claim from `from` to `to` for `actor`, inside the caller's transaction: checks the table,
 * the reason, the claim's current status (and organisation, for partners), the dispute rules and the
 * associations; then updates the claim conditionally, writes the audit event, creates or ends the
 * associations, and writes the partner's notification for reviewer and system decisions. A refused
 * transition writes nothing. May throw a Refusal "associationConflict" (see the top of this file).
 */
export async function transition(tx: Prisma.TransactionClient, input: TransitionInput): Promise<TransitionResult> {
  const { claimId, to, actor } = input;
  const fromList: readonly ClaimStatus[] = typeof input.from === "string" ? [input.from] : input.from;
  const now = input.now ?? new Date();
  const reasonCode = input.reasonCode === undefined || input.reasonCode.trim() === "" ? undefined : input.reasonCode.trim();
  const reasonText = blankToUndefined(input.reasonText);

  // The table first: what no current status could make possible is refused without reading anything.
  const candidates = fromList.map((from) => findTransition(from, to, actor.kind)).filter((rule) => rule !== undefined);
  if (candidates.length === 0) return { ok: false, problem: "notAllowed" };
  if (actor.kind === "partner" && !input.organizationId) return { ok: false, problem: "notAllowed" };
  if (candidates.every((rule) => checkReason(rule, reasonCode, reasonText) === null)) return { ok: false, problem: "reasonRequired" };

  const claim =
    input.locked?.id === claimId
      ? input.locked
      : await tx.claim.findFirst({ where: { id: claimId }, select: { id: true, status: true, statusChangedAt: true, statusReasonCode: true, organizationId: true, deletedAt: true } });
  if (!claim || claim.deletedAt !== null || (actor.kind === "partner" && claim.organizationId !== input.organizationId)) return { ok: false, problem: "notAllowed" };
  const current = claim.status;
  if (!fromList.includes(current)) return { ok: false, problem: "stale" };
  const rule = findTransition(current, to, actor.kind);
  if (!rule) return { ok: false, problem: "notAllowed" };
  const reason = checkReason(rule, reasonCode, reasonText);
  if (!reason) return { ok: false, problem: "reasonRequired" };

  if (to === "DISPUTE") {
    const problem = disputeProblem(await disputeWindow(tx, { ...claim, status: current }, { now, timers: input.timers }));
    if (problem) return { ok: false, problem };
  }

  const newAssociations = to === "APPROVED" ? await associationsFor(tx, claimId) : [];
  const displaced = newAssociations.length > 0 ? await holdersToDisplace(tx, claimId, newAssociations) : [];
  if (displaced === null) return { ok: false, problem: "associationConflict" };

  const moved = await moveClaim(tx, {
    claimId,
    current,
    to,
    now,
    reason,
    organizationId: actor.kind === "partner" ? input.organizationId : undefined,
    event: {
      action: input.action ?? "statusChanged",
      actorUserId: actor.kind === "partner" || actor.kind === "reviewer" ? actor.userId : undefined,
      ip: input.ip,
      userAgent: input.userAgent,
    },
    webhook: {
      type: input.action === "submitted" ? "claim.submitted" : "claim.status_changed",
      organizationId: claim.organizationId,
      claimId,
      data: { status: to, previousStatus: current, ...(reason.code ? { reasonCode: reason.code } : {}) },
      now,
    },
  });
  if (!moved) return { ok: false, problem: "stale" };

  if (current === "APPROVED") {
    const ended = await tx.association.updateMany({ where: { claimId, endedAt: null }, data: { endedAt: now, endReason: reason.code ?? rule.action } });
    if (ended.count > 0) {
      await emitWebhookEvent(tx, { type: "association.ended", organizationId: claim.organizationId, claimId, data: { status: to, reasonCode: reason.code ?? rule.action }, now });
    }
  }
  for (const holderId of displaced) {
    const moved = await transition(tx, { claimId: holderId, from: "APPROVED", to: "REJECTED", actor, reasonCode: "CONFLICT_WON_BY_OTHER_PARTNER", now, ip: input.ip, userAgent: input.userAgent });
    // Another approval displaced or ended it since it was read: this one must not go on (the
    // rollback undoes what was written above).
    if (!moved.ok) throw new Refusal("associationConflict");
  }
  if (newAssociations.length > 0) {
    try {
      await tx.association.createMany({ data: newAssociations.map((a) => ({ ...a, startedAt: now })) });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Refusal("associationConflict");
      throw error;
    }
  }

  if (rule.notifiesPartner) {
    await enqueueMessage(tx, {
      kind: messageKinds.partnerDecision,
      dedupeKey: `${messageKinds.partnerDecision}:${claimId}:${moved.eventId}`,
      claimId,
      payload: { claimId, status: to, ...(reason.code ? { reasonCode: reason.code } : {}), ...(reason.text ? { reasonText: reason.text } : {}) },
    });
  }
  return { ok: true, from: current };
}

type TransactionRunner = Pick<PrismaClient, "$transaction">;

/**
 * `transition` in its own transaction, with a Refusal "associationConflict" (the transaction rolled back)
 * reported as { ok: false, problem: "associationConflict" }.
 */
export async function runTransition(client: TransactionRunner, input: TransitionInput): Promise<TransitionResult> {
  try {
    return await client.$transaction((tx) => transition(tx, input));
  } catch (error) {
    if (isRefusal(error, "associationConflict")) return { ok: false, problem: "associationConflict" };
    throw error;
  }
}

// ---------- the customer's answer ----------

/** The statuses a customer's decline moves to Rejected. */

export type CustomerResponseInput = { claimId: string; response: "APPROVED" | "DECLINED"; email: string; reason?: string; ip?: string; userAgent?: string };
export type CustomerResponseResult = { ok: true; status: ClaimStatus } | { ok: false; problem: "notSubmitted" | "alreadyDeclined" };

/**
 * Locks the claim's row until the caller's transaction ends: every change to a claim (its status, its
 * proof, its emails) takes this first, so concurrent changes queue up. False when there is no such claim.
 */
export async function lockClaim(tx: Prisma.TransactionClient, claimId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
  return rows.length > 0;
}

/**
 * Records the customer's approval or decline of a submitted claim, inside the caller's transaction
 * (the claim row is locked first, so concurrent answers queue up). Approving again changes nothing;
 * a decline is final. A decline moves the claim to Rejected (CUSTOMER_DECLINED) from any status a
 * customer may decline, ending its association; a Rejected or Rejected final claim only records it.
 */
export async function recordCustomerResponse(tx: Prisma.TransactionClient, input: CustomerResponseInput): Promise<CustomerResponseResult> {
  const { claimId, response } = input;
  await lockClaim(tx, claimId);
  const claim = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: { status: true, customerResponse: true, organizationId: true } });
  if (!claim || claim.status === "DRAFT") return { ok: false, problem: "notSubmitted" };
  if (claim.customerResponse === "DECLINED") return { ok: false, problem: "alreadyDeclined" };
  if (claim.customerResponse === response) return { ok: true, status: claim.status };

  const now = new Date();
  const reason = blankToUndefined(input.reason);
  await tx.claim.update({ where: { id: claimId }, data: { customerResponse: response, customerRespondedAt: now } });
  await recordEvent(tx, { claimId, action: response === "APPROVED" ? "customerApproved" : "customerDeclined", note: reason, ip: input.ip, userAgent: input.userAgent });
  await emitWebhookEvent(tx, { type: "claim.customer_responded", organizationId: claim.organizationId, claimId, data: { response, status: claim.status }, now });

  let status = claim.status;
  if (response === "DECLINED" && customerDeclinableStatuses.includes(claim.status)) {
    const moved = await transition(tx, {
      claimId,
      from: claim.status,
      to: "REJECTED",
      actor: { kind: "customer", email: input.email },
      reasonCode: "CUSTOMER_DECLINED",
      reasonText: reason,
      ip: input.ip,
      userAgent: input.userAgent,
      now,
    });
    // The row is locked and the rule exists: anything else is a bug, and must not commit half of it.
    if (!moved.ok) throw new Error(`Customer decline of claim ${claimId} refused: ${moved.problem}`);
    status = "REJECTED";
  }

  const kind = messageKinds.partnerCustomerResponded;
  await enqueueMessage(tx, { kind, dedupeKey: `${kind}:${claimId}:${response}`, claimId, payload: { claimId, response, ...(reason ? { reason } : {}) } });
  return { ok: true, status };
}
