// A reviewer's work on a claim: taking it (assignment, so two reviewers do not work the same claim)
// and deciding it. Every decision is a transition of the lifecycle (lib/claims/lifecycle.ts), in one
// transaction with the assignment check, so it is audited and emails the partner from there.
import "server-only";
import type { ReviewerViewer } from "../auth/session";
import { db } from "../db";
import { recordEvent } from "../claims/history";
import { transitions } from "../claims/vocabulary";
import { transition, type TransitionProblem, lockClaim } from "../claims/lifecycle";
import { isRefusal } from "../refusal";
import { fieldErrorsOf } from "../claims/schemas";
import { done, refused, type ActionResult } from "../result";
import { competitorsOf, holdersAmong, type Competitor } from "./claim";
import { decisionSchema } from "./schemas";

export { decisionSchema, type ReviewerAction, type DecisionInput } from "./schemas";

/** What a reviewer may do, by the lifecycle's action names: each is one reviewer transition. */
const reviewerRules = transitions.filter((rule) => rule.by.includes("reviewer") && !rule.consequence);

export type DecisionProblem = TransitionProblem | "notFound" | "assignedToOther" | "invalid";
/** A refusal names who has the claim (assignedToOther) or the claims holding the association (associationConflict). */
export type DecisionDetails = { assignee?: string; holders?: Competitor[] };
export type DecisionResult = ActionResult<undefined, DecisionProblem, DecisionDetails>;

type Meta = { ip?: string; userAgent?: string; now?: Date };

const nameOf = (user: { name: string | null; email: string } | null) => (user ? (user.name ?? user.email) : undefined);

/**
 * Decides a claim. The claim row is locked, then: another reviewer's assignment refuses it; starting
 * the review assigns the claim to this reviewer; the lifecycle's transition does the rest. An approval
 * refused because another claim holds the association answers with that claim.
 */
export async function decide(viewer: ReviewerViewer, claimId: string, values: unknown, meta: Meta = {}): Promise<DecisionResult> {
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return refused("invalid", { fieldErrors: fieldErrorsOf(parsed.error) });
  const input = parsed.data;
  const rule = reviewerRules.find((r) => r.action === input.action);
  if (!rule) return refused("notAllowed");
  const now = meta.now ?? new Date();
  try {
    const result = await db.$transaction(async (tx): Promise<DecisionResult> => {
      await lockClaim(tx, claimId);
      const claim = await tx.claim.findFirst({
        where: { id: claimId, deletedAt: null, status: { not: "DRAFT" } },
        select: { status: true, assignedToId: true, assignedTo: { select: { name: true, email: true } } },
      });
      if (!claim) return refused("notFound");
      if (claim.assignedToId && claim.assignedToId !== viewer.id) return refused("assignedToOther", { details: { assignee: nameOf(claim.assignedTo) } });
      const moved = await transition(tx, {
        claimId,
        from: rule.from,
        to: rule.to,
        actor: { kind: "reviewer", userId: viewer.id },
        reasonCode: "reasonCode" in input ? input.reasonCode : undefined,
        reasonText: input.reasonText,
        ip: meta.ip,
        userAgent: meta.userAgent,
        now,
      });
      if (!moved.ok) return refused(moved.problem);
      if (!claim.assignedToId) {
        await tx.claim.update({ where: { id: claimId }, data: { assignedToId: viewer.id, assignedAt: now } });
        await recordEvent(tx, { claimId, action: "assigned", actorUserId: viewer.id, ip: meta.ip, userAgent: meta.userAgent });
      }
      return done();
    });
    if (!result.ok && result.problem === "associationConflict") return refused("associationConflict", { details: { holders: await holdersOf(claimId) } });
    return result;
  } catch (error) {
    if (isRefusal(error, "associationConflict")) return refused("associationConflict", { details: { holders: await holdersOf(claimId) } });
    throw error;
  }
}

const holdersOf = async (claimId: string) => holdersAmong(await competitorsOf(claimId));

export type AssignResult = ActionResult<undefined, "notFound" | "assignedToOther" | "notAssignedToYou", { assignee?: string }>;

/**
 * "Assign to me" (or "Take over" with `takeOver`, when another reviewer has it) and "Unassign" (only
 * the claim's own reviewer). Conditional updates, so two reviewers clicking at once get one winner.
 */
export async function assign(viewer: ReviewerViewer, claimId: string, { takeOver = false, meta = {} }: { takeOver?: boolean; meta?: Meta } = {}): Promise<AssignResult> {
  return db.$transaction(async (tx): Promise<AssignResult> => {
    const claim = await tx.claim.findFirst({
      where: { id: claimId, deletedAt: null, status: { not: "DRAFT" } },
      select: { assignedToId: true, assignedTo: { select: { name: true, email: true } } },
    });
    if (!claim) return refused("notFound");
    if (claim.assignedToId === viewer.id) return done();
    if (claim.assignedToId && !takeOver) return refused("assignedToOther", { details: { assignee: nameOf(claim.assignedTo) } });
    const moved = await tx.claim.updateMany({ where: { id: claimId, assignedToId: claim.assignedToId }, data: { assignedToId: viewer.id, assignedAt: meta.now ?? new Date() } });
    if (moved.count !== 1) {
      const now = await tx.claim.findUnique({ where: { id: claimId }, select: { assignedTo: { select: { name: true, email: true } } } });
      return refused("assignedToOther", { details: { assignee: nameOf(now?.assignedTo ?? null) } });
    }
    await recordEvent(tx, { claimId, action: "assigned", actorUserId: viewer.id, note: claim.assignedToId ? `${nameOf(claim.assignedTo)}` : undefined, ip: meta.ip, userAgent: meta.userAgent });
    return done();
  });
}

export async function unassign(viewer: ReviewerViewer, claimId: string, meta: Meta = {}): Promise<AssignResult> {
  return db.$transaction(async (tx): Promise<AssignResult> => {
    const moved = await tx.claim.updateMany({ where: { id: claimId, deletedAt: null, assignedToId: viewer.id }, data: { assignedToId: null, assignedAt: null } });
    if (moved.count !== 1) {
      const exists = await tx.claim.count({ where: { id: claimId, deletedAt: null, status: { not: "DRAFT" } } });
      return refused(exists ? "notAssignedToYou" : "notFound");
    }
    await recordEvent(tx, { claimId, action: "unassigned", actorUserId: viewer.id, ip: meta.ip, userAgent: meta.userAgent });
    return done();
  });
}
