// "Submit claim": re-validates the whole claim and its proof of execution, then moves it from Draft
// to Submitted with the acknowledgements, the audit row and the customer's notification in one
// transaction. A repeated submission (double click, second tab, retry) finds the first one.
// The checks are shared with the resubmission after "Partner action required" (partner-loop.ts).
import { isRefusal, Refusal } from "../refusal";
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { poeDetailsSchema, submissionSchema, acknowledgementKeys } from "../poe/schemas";
import { detailsForForm } from "../poe/details";
import { flagConflicts } from "./collisions";
import { transition, lockClaim } from "./lifecycle";
import { claimScope } from "./queries";
import { checkDetailsRules, checkWorkloadRules } from "./rules";
import { claimSchema, fieldErrorsOf, type FieldErrors } from "./schemas";
import { done, invalidInput, refused, type ActionResult, type Refused } from "../result";
import { messageKinds } from "../notify/messages";
import { enqueueMessage } from "../notify/outbox";

export type SubmitProblem = "notFound" | "notEditable" | "claimIncomplete" | "poeDetailsMissing" | "poeFileRequired" | "duplicateOwnClaim" | "claimChanged";
export type SubmitFailure = Refused<SubmitProblem | "invalidRequest">;
export type SubmitResult = ActionResult<{ alreadySubmitted: boolean }, SubmitProblem | "invalidRequest">;
export type RequestMeta = { ip?: string; userAgent?: string };

/** The lifecycle's actor fields for an incentive admin acting on their organisation's claim, with the request's audit data. */
export const asPartner = (viewer: PartnerViewer, request: RequestMeta) => ({
  actor: { kind: "partner" as const, userId: viewer.id },
  organizationId: viewer.organization.id,
  ip: request.ip,
  userAgent: request.userAgent,
});

const failure = (problem: SubmitProblem, fieldErrors: FieldErrors = {}): SubmitFailure => refused(problem, { fieldErrors });

/** What (re)submission reads of a claim. */
export const submissionInclude = { workloads: true, subscriptions: true, proof: true, _count: { select: { poeFiles: true } } } satisfies Prisma.ClaimInclude;
export type ClaimForSubmission = Prisma.ClaimGetPayload<{ include: typeof submissionInclude }>;

/** The claimed items: workloads for Modern Work and Security, subscriptions for Business Applications. */
const claimedItems = (claim: { solutionArea: string; workloads: { workloadId: string }[]; subscriptions: { subscriptionId: string }[] }) =>
  claim.solutionArea === "MODERN_WORK_SECURITY" ? claim.workloads.map((w) => w.workloadId) : claim.subscriptions.map((s) => s.subscriptionId);

/**
 * Whether the claim, as saved, may go to Microsoft: the whole claim again against today's reference
 * data (a subscription may have ended), valid proof details and at least one PoE file. Null when it may.
 */
export async function checkSubmittable(viewer: PartnerViewer, claim: ClaimForSubmission): Promise<SubmitFailure | null> {
  const input = claimSchema.safeParse({
    ...claim,
    dynamicsSellerName: claim.dynamicsSellerName ?? undefined,
    customerName: claim.customerName ?? undefined,
    isvSolutionName: claim.isvSolutionName ?? undefined,
    customerContactTitle: claim.customerContactTitle ?? undefined,
    workloadIds: claim.workloads.map((w) => w.workloadId),
    subscriptionIds: claim.subscriptions.map((s) => s.subscriptionId),
  });
  if (!input.success) return failure("claimIncomplete", fieldErrorsOf(input.error));
  const ruleErrors = { ...(await checkDetailsRules(viewer, input.data)), ...(await checkWorkloadRules(input.data)) };
  if (Object.keys(ruleErrors).length > 0) return failure("claimIncomplete", ruleErrors);
  if (!claim.proof) return failure("poeDetailsMissing");
  const proof = poeDetailsSchema.safeParse(detailsForForm(claim.proof));
  if (!proof.success) return failure("poeDetailsMissing", fieldErrorsOf(proof.error));
  if (claim._count.poeFiles === 0) return failure("poeFileRequired");
  return null;
}

/**
 * Inside the (re)submission's transaction: queues behind other submissions for the same tenant (so
 * the duplicate and conflict checks see each other), locks the claim and reads it again.
 */
export async function lockForSubmission(tx: Prisma.TransactionClient, viewer: PartnerViewer, claim: { id: string; tenantId: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${claim.tenantId}))`;
  await lockClaim(tx, claim.id);
  return tx.claim.findFirst({ where: { ...claimScope(viewer), id: claim.id }, include: submissionInclude });
}

/** What was validated before the locks must still be what goes to Microsoft: files, proof and items. */
export function changedSinceCheck(fresh: ClaimForSubmission, checked: ClaimForSubmission): SubmitFailure | null {
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  if (fresh._count.poeFiles === 0) return failure("poeFileRequired");
  if (!fresh.proof || !poeDetailsSchema.safeParse(detailsForForm(fresh.proof)).success) return failure("poeDetailsMissing");
  if (fresh.tenantId !== checked.tenantId || fresh.solutionArea !== checked.solutionArea || !sameSet(claimedItems(fresh), claimedItems(checked))) return failure("claimChanged");
  return null;
}

/**
 * After the status moved: refuses (by throwing a Refusal "duplicateOwnClaim", which rolls the transaction back) an
 * item the organisation already claims in another active claim, and flags conflicts with other
 * partners' claims. Returns whether there are any.
 */
export async function checkCollisionsAfterMove(tx: Prisma.TransactionClient, claim: { id: string }): Promise<boolean> {
  const { ownDuplicate, hasConflict } = await flagConflicts(tx, claim.id);
  if (ownDuplicate) throw new Refusal("duplicateOwnClaim");
  return hasConflict;
}

export async function submitClaim(viewer: PartnerViewer, claimId: string, values: unknown, request: RequestMeta = {}): Promise<SubmitResult> {
  const claim = await db.claim.findFirst({
    where: { ...claimScope(viewer), id: claimId },
    include: { ...submissionInclude, submission: { select: { claimId: true } } },
  });
  if (!claim) return failure("notFound");
  // Only a Draft is submitted here (a claim in Partner action required is resubmitted: partner-loop.ts).
  if (claim.status !== "DRAFT") {
    const repeated = claim.submission && claim.status !== "PARTNER_ACTION_REQUIRED";
    return repeated ? done({ alreadySubmitted: true }) : failure("notEditable");
  }

  const acknowledged = submissionSchema.safeParse(values);
  if (!acknowledged.success) return invalidInput(acknowledged.error);
  const unsubmittable = await checkSubmittable(viewer, claim);
  if (unsubmittable) return unsubmittable;

  try {
    return await db.$transaction(async (tx): Promise<SubmitResult> => {
      const fresh = await lockForSubmission(tx, viewer, claim);
      if (!fresh) return failure("notFound");
      if (fresh.status !== "DRAFT") {
        return (await tx.claimSubmission.findUnique({ where: { claimId } })) ? done({ alreadySubmitted: true }) : failure("notEditable");
      }
      const changed = changedSinceCheck(fresh, claim);
      if (changed) return changed;
      // The status change and its audit row ("submitted"), conditional on the claim still being a Draft of this organisation.
      const moved = await transition(tx, {
        claimId,
        from: "DRAFT",
        to: "SUBMITTED",
        ...asPartner(viewer, request),
        action: "submitted",
        locked: fresh,
      });
      if (!moved.ok) {
        const now = await tx.claimSubmission.findUnique({ where: { claimId } });
        return now ? done({ alreadySubmitted: true }) : failure("notEditable");
      }
      const hasConflict = await checkCollisionsAfterMove(tx, fresh);
      await tx.claimSubmission.create({ data: { claimId, submittedById: viewer.id, acknowledgements: [...acknowledgementKeys], hasConflict } });
      const kind = messageKinds.customerApprovalRequest;
      await enqueueMessage(tx, { kind, dedupeKey: `${kind}:${claimId}`, claimId, payload: { claimId, to: claim.customerContactEmail, locale: claim.customerLocale } });
      return done({ alreadySubmitted: false });
    });
  } catch (error) {
    if (isRefusal(error, "duplicateOwnClaim")) return failure("duplicateOwnClaim");
    throw error;
  }
}
