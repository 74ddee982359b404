// "Submit claim": re-validates the whole claim and its proof of execution, then moves it from Draft
// to Submitted with the acknowledgements, the audit row and the customer's notification in one
// transaction. A repeated submission (double click, second tab, retry) finds the first one.
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import { poeDetailsSchema, submissionSchema, acknowledgementKeys } from "../poe/schemas";
import { detailsForForm } from "../poe/details";
import { findCollisions, flagConflicts } from "./collisions";
import { transition } from "./lifecycle";
import { claimScope } from "./queries";
import { checkDetailsRules, checkWorkloadRules } from "./rules";
import { claimSchema, fieldErrorsOf, type FieldErrors } from "./schemas";
import { messageKinds } from "../notify/messages";
import { enqueueMessage } from "../notify/outbox";

export type SubmitProblem = "notFound" | "notEditable" | "claimIncomplete" | "poeDetailsMissing" | "poeFileRequired" | "duplicateOwnClaim" | "claimChanged";
export type SubmitResult = { ok: true; alreadySubmitted: boolean } | { ok: false; problem?: SubmitProblem; fieldErrors: FieldErrors };


class DuplicateOwnClaim extends Error {}

/** The claimed items: workloads for Modern Work and Security, subscriptions for Business Applications. */
const claimedItems = (claim: { solutionArea: string; workloads: { workloadId: string }[]; subscriptions: { subscriptionId: string }[] }) =>
  claim.solutionArea === "MODERN_WORK_SECURITY" ? claim.workloads.map((w) => w.workloadId) : claim.subscriptions.map((s) => s.subscriptionId);

export async function submitClaim(viewer: PartnerViewer, claimId: string, values: unknown, request: { ip?: string; userAgent?: string } = {}): Promise<SubmitResult> {
  const claim = await db.claim.findFirst({
    where: { ...claimScope(viewer), id: claimId },
    include: { workloads: true, subscriptions: true, proof: true, submission: { select: { claimId: true } }, _count: { select: { poeFiles: true } } },
  });
  if (!claim) return { ok: false, problem: "notFound", fieldErrors: {} };
  // Only a Draft is submitted here (resubmission after "Partner action required" is the reviewer loop's).
  if (claim.status !== "DRAFT") {
    const repeated = claim.submission && claim.status !== "PARTNER_ACTION_REQUIRED";
    return repeated ? { ok: true, alreadySubmitted: true } : { ok: false, problem: "notEditable", fieldErrors: {} };
  }

  const acknowledged = submissionSchema.safeParse(values);
  if (!acknowledged.success) return { ok: false, fieldErrors: fieldErrorsOf(acknowledged.error) };

  // The whole claim again, as the wizard saved it: the reference data may have changed since.
  const input = claimSchema.safeParse({
    ...claim,
    dynamicsSellerName: claim.dynamicsSellerName ?? undefined,
    customerName: claim.customerName ?? undefined,
    isvSolutionName: claim.isvSolutionName ?? undefined,
    customerContactTitle: claim.customerContactTitle ?? undefined,
    workloadIds: claim.workloads.map((w) => w.workloadId),
    subscriptionIds: claim.subscriptions.map((s) => s.subscriptionId),
  });
  if (!input.success) return { ok: false, problem: "claimIncomplete", fieldErrors: fieldErrorsOf(input.error) };
  const ruleErrors = { ...(await checkDetailsRules(viewer, input.data)), ...(await checkWorkloadRules(input.data)) };
  if (Object.keys(ruleErrors).length > 0) return { ok: false, problem: "claimIncomplete", fieldErrors: ruleErrors };
  if (!claim.proof) return { ok: false, problem: "poeDetailsMissing", fieldErrors: {} };
  const proof = poeDetailsSchema.safeParse(detailsForForm(claim.proof));
  if (!proof.success) return { ok: false, problem: "poeDetailsMissing", fieldErrors: fieldErrorsOf(proof.error) };
  if (claim._count.poeFiles === 0) return { ok: false, problem: "poeFileRequired", fieldErrors: {} };

  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  try {
    return await db.$transaction(async (tx): Promise<SubmitResult> => {
      // Submissions for one tenant queue up here, so the duplicate and conflict checks see each other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${claim.tenantId}))`;
      // What was validated above must still be what is submitted: lock the claim and read it again.
      await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
      const fresh = await tx.claim.findFirst({
        where: { ...claimScope(viewer), id: claimId },
        include: { workloads: true, subscriptions: true, proof: true, _count: { select: { poeFiles: true } } },
      });
      if (!fresh) return { ok: false, problem: "notFound", fieldErrors: {} };
      if (fresh.status !== "DRAFT") {
        return (await tx.claimSubmission.findUnique({ where: { claimId } })) ? { ok: true, alreadySubmitted: true } : { ok: false, problem: "notEditable", fieldErrors: {} };
      }
      if (fresh._count.poeFiles === 0) return { ok: false, problem: "poeFileRequired", fieldErrors: {} };
      if (!fresh.proof || !poeDetailsSchema.safeParse(detailsForForm(fresh.proof)).success) return { ok: false, problem: "poeDetailsMissing", fieldErrors: {} };
      const items = claimedItems(fresh);
      if (fresh.tenantId !== claim.tenantId || fresh.solutionArea !== claim.solutionArea || !sameSet(items, claimedItems(claim))) {
        return { ok: false, problem: "claimChanged", fieldErrors: {} };
      }
      // The status change and its audit row ("submitted"), conditional on the claim still being a Draft of this organisation.
      const moved = await transition(tx, {
        claimId,
        from: "DRAFT",
        to: "SUBMITTED",
        actor: { kind: "partner", userId: viewer.id },
        organizationId: viewer.organization.id,
        action: "submitted",
        ip: request.ip,
        userAgent: request.userAgent,
      });
      if (!moved.ok) {
        const now = await tx.claimSubmission.findUnique({ where: { claimId } });
        return now ? { ok: true, alreadySubmitted: true } : { ok: false, problem: "notEditable", fieldErrors: {} };
      }
      const scope = { organizationId: viewer.organization.id, tenantId: claim.tenantId, solutionArea: claim.solutionArea, excludeClaimId: claimId };
      const own = await findCollisions({ ...scope, sameOrganization: true }, tx);
      if (items.some((id) => own[id])) throw new DuplicateOwnClaim();
      const hasConflict = await flagConflicts(tx, claimId);
      await tx.claimSubmission.create({ data: { claimId, submittedById: viewer.id, acknowledgements: [...acknowledgementKeys], hasConflict } });
      const kind = messageKinds.customerApprovalRequest;
      await enqueueMessage(tx, { kind, dedupeKey: `${kind}:${claimId}`, claimId, payload: { claimId, to: claim.customerContactEmail, locale: claim.customerLocale } });
      return { ok: true, alreadySubmitted: false };
    });
  } catch (error) {
    if (error instanceof DuplicateOwnClaim) return { ok: false, problem: "duplicateOwnClaim", fieldErrors: {} };
    throw error;
  }
}
