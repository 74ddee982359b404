// The partner's side of the reviewer's decisions: resubmitting a claim in Partner action required,
// disputing a rejection (once, while the dispute window is open, with new proof), and ending an
// approved association (Disassociate customer). Every status change goes through the lifecycle.
import { isRefusal } from "../refusal";
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { type LifecycleTimers } from "./vocabulary";
import { disputeProblem, disputeProofSince, disputeWindow, transition, type TransitionProblem, lockClaim } from "./lifecycle";
import { claimScope } from "./queries";
import { customerRequestKinds } from "../notify/messages";
import { requestResend } from "../notify/resend";
import { disassociateSchema, disputeSchema } from "./schemas";
import { done, invalid, invalidInput, refused, type ActionResult } from "../result";
import { asPartner, checkCollisionsAfterMove, checkSubmittable, isFailure, lockForSubmission, type RequestMeta, type SubmitProblem } from "./submission";

export type TimerOptions = { now?: Date; timers?: LifecycleTimers };

// ---------- resubmit ----------

export type ResubmitResult = ActionResult<{ alreadyResubmitted: boolean }, SubmitProblem | "invalidRequest">;

/**
 * "Resubmit claim" on a claim in Partner action required: the same checks as "Submit claim", then
 * back to Under review in one transaction (tenant lock, the transition with its audit row, the own
 * duplicates refused, conflicts with other partners flagged: the items may have changed). A repeated
 * click finds the claim already resubmitted.
 */
export async function resubmitClaim(viewer: PartnerViewer, claimId: string, request: RequestMeta = {}): Promise<ResubmitResult> {
  // A repeat only when the claim's last status change is that resubmission (not an older round's, with a
  // rejection or another question since).
  const repeated = async (client: Pick<Prisma.TransactionClient, "claimEvent">): Promise<ResubmitResult> => {
    const last = await client.claimEvent.findFirst({ where: { claimId, toStatus: { not: null } }, orderBy: { at: "desc" }, select: { fromStatus: true, toStatus: true } });
    return last?.fromStatus === "PARTNER_ACTION_REQUIRED" && last.toStatus === "UNDER_REVIEW"
      ? done({ alreadyResubmitted: true })
      : refused("notEditable");
  };

  try {
    return await db.$transaction(async (tx): Promise<ResubmitResult> => {
      const claim = await lockForSubmission(tx, viewer, claimId);
      if (!claim) return refused("notFound");
      if (isFailure(claim)) return claim;
      if (claim.status !== "PARTNER_ACTION_REQUIRED") return repeated(tx);
      const unsubmittable = await checkSubmittable(tx, viewer, claim);
      if (unsubmittable) return unsubmittable;
      const moved = await transition(tx, {
        claimId,
        from: "PARTNER_ACTION_REQUIRED",
        to: "UNDER_REVIEW",
        ...asPartner(viewer, request),
        locked: claim,
      });
      if (!moved.ok) return repeated(tx);
      await checkCollisionsAfterMove(tx, claimId);
      // A customer contact changed in this round, who has not been asked yet, gets the approval request
      // (the links sent before are bound to the old address). An answer already given stands.
      if (claim.customerResponse === "NONE") {
        const asked = await tx.outboxMessage.count({
          where: { claimId, kind: { in: [...customerRequestKinds] }, payload: { path: ["to"], equals: claim.customerContactEmail } },
        });
        if (asked === 0) await requestResend(tx, { claimId });
      }
      return done({ alreadyResubmitted: false });
    });
  } catch (error) {
    if (isRefusal(error, "duplicateOwnClaim")) return refused("duplicateOwnClaim");
    throw error;
  }
}

// ---------- dispute and disassociate ----------

export type DecisionProblem = "notFound" | "notAllowed" | "disputeWindowClosed" | "alreadyDisputed";
export type DecisionResult = ActionResult<undefined, DecisionProblem | "invalidRequest">;

const problemOf = (problem: TransitionProblem): DecisionProblem =>
  problem === "disputeWindowClosed" || problem === "alreadyDisputed" ? problem : "notAllowed";

/**
 * "Dispute this decision" on a Rejected claim: the explanation is required, and so is at least one
 * PoE file uploaded after the rejection (the new proof). Rejected → Dispute, once, within the window.
 */
export async function disputeClaim(viewer: PartnerViewer, claimId: string, values: unknown, request: RequestMeta = {}, options: TimerOptions = {}): Promise<DecisionResult> {
  const parsed = disputeSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  return db.$transaction(async (tx): Promise<DecisionResult> => {
    await lockClaim(tx, claimId);
    const claim = await tx.claim.findFirst({ where: { ...claimScope(viewer), id: claimId }, select: { id: true, status: true, statusChangedAt: true, statusReasonCode: true } });
    if (!claim) return refused("notFound");
    if (claim.status !== "REJECTED") return refused("notAllowed");
    const closed = disputeProblem(await disputeWindow(tx, claim, options));
    if (closed) return refused(closed);
    const newProof = await tx.poeFile.count({ where: { claimId, uploadedAt: { gt: disputeProofSince(claim) } } });
    if (newProof === 0) return invalid({ poeFiles: "disputeProofRequired" });
    const moved = await transition(tx, {
      claimId,
      from: "REJECTED",
      to: "DISPUTE",
      ...asPartner(viewer, request),
      reasonText: parsed.data.explanation,
      ...options,
    });
    return moved.ok ? done() : refused(problemOf(moved.problem));
  });
}

/** "Disassociate customer" on an Approved claim: Approved → Rejected final (partner request), ending its associations. */
export async function disassociateClaim(viewer: PartnerViewer, claimId: string, values: unknown, request: RequestMeta = {}): Promise<DecisionResult> {
  const parsed = disassociateSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  return db.$transaction(async (tx): Promise<DecisionResult> => {
    const claim = await tx.claim.findFirst({ where: { ...claimScope(viewer), id: claimId }, select: { id: true } });
    if (!claim) return refused("notFound");
    const moved = await transition(tx, {
      claimId,
      from: "APPROVED",
      to: "REJECTED_FINAL",
      ...asPartner(viewer, request),
      reasonText: parsed.data.reason,
    });
    return moved.ok ? done() : refused(problemOf(moved.problem));
  });
}
