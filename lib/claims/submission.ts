// "Submit claim": re-validates the whole claim and its proof of execution, then moves it from Draft
// to Submitted with the acknowledgements, the audit row and the customer's notification in one
// transaction. A repeated submission (double click, second tab, retry) finds the first one.
// The checks are shared with the resubmission after "Partner action required" (partner-loop.ts).
import { isRefusal, Refusal } from "../refusal";
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { poeDetailsSchema, submissionSchema, acknowledgementKeys } from "../poe/schemas";
import { detailsForForm } from "../poe/details";
import { flagConflicts, NO_OWN_DUPLICATE } from "./collisions";
import { transition } from "./lifecycle";
import { claimScope } from "./queries";
import { checkDetailsRules, checkWorkloadRules } from "./rules";
import { claimSchema, fieldErrorsOf, type FieldErrors } from "./schemas";
import { done, invalidInput, refused, type ActionResult, type Refused } from "../result";
import { messageKinds } from "../notify/messages";
import { outboxInsert } from "../notify/outbox";
import type { ReferenceReader } from "../reference/queries";

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
export const submissionInclude = { workloads: true, subscriptions: true, proof: true, submission: { select: { claimId: true } }, _count: { select: { poeFiles: true } } } satisfies Prisma.ClaimInclude;
export type ClaimForSubmission = Prisma.ClaimGetPayload<{ include: typeof submissionInclude }>;

/**
 * Whether the claim, as saved, may go to Microsoft: the whole claim again against today's reference
 * data (a subscription may have ended), valid proof details and at least one PoE file. Null when it may.
 * Made inside the (re)submission's transaction, on the claim as read under its lock (`lockForSubmission`):
 * what is checked is what goes to Microsoft.
 */
export async function checkSubmittable(tx: ReferenceReader, viewer: PartnerViewer, claim: ClaimForSubmission): Promise<SubmitFailure | null> {
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
  const ruleErrors = { ...(await checkDetailsRules(viewer, input.data, tx)), ...(await checkWorkloadRules(input.data, new Date(), tx)) };
  if (Object.keys(ruleErrors).length > 0) return failure("claimIncomplete", ruleErrors);
  if (!claim.proof) return failure("poeDetailsMissing");
  const proof = poeDetailsSchema.safeParse(detailsForForm(claim.proof));
  if (!proof.success) return failure("poeDetailsMissing", fieldErrorsOf(proof.error));
  if (claim._count.poeFiles === 0) return failure("poeFileRequired");
  return null;
}

/**
 * Opens the (re)submission, inside its transaction: queues behind other submissions for the same tenant
 * (so the duplicate and conflict checks see each other), locks the claim and reads it. Null when it is
 * not a claim of the viewer's organisation; "claimChanged" when its tenant changed while it waited.
 */
export async function lockForSubmission(tx: Prisma.TransactionClient, viewer: PartnerViewer, claimId: string): Promise<ClaimForSubmission | null | SubmitFailure> {
  // One statement, the two locks in the order every writer takes them: the tenant's (evaluated as the
  // row is read), then the claim's row lock (lifecycle.ts lockClaim). A row changed while this waited is
  // read again, and its tenant's lock taken too.
  const [tenant] = await tx.$queryRaw<{ tenantId: string }[]>`
    SELECT "tenantId"::text AS "tenantId", pg_advisory_xact_lock(hashtext("tenantId"::text))::text AS locked FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
  if (!tenant) return null;
  const claim = await tx.claim.findFirst({ where: { ...claimScope(viewer), id: claimId }, include: submissionInclude });
  if (claim && claim.tenantId !== tenant.tenantId) return failure("claimChanged");
  return claim;
}

export const isFailure = (value: ClaimForSubmission | SubmitFailure): value is SubmitFailure => "ok" in value;

/**
 * After the status moved: refuses (by throwing a Refusal "duplicateOwnClaim", which rolls the
 * transaction back) an item the organisation already claims in another active claim, and flags
 * conflicts with other partners' claims, writing `andThen`'s rows in the same statement
 * (lib/claims/collisions.ts flagConflicts). Returns whether there are conflicts.
 */
export async function checkCollisionsAfterMove(tx: Prisma.TransactionClient, claimId: string, andThen: Prisma.Sql[] = []): Promise<boolean> {
  const { ownDuplicate, hasConflict } = await flagConflicts(tx, claimId, andThen);
  if (ownDuplicate) throw new Refusal("duplicateOwnClaim");
  return hasConflict;
}

export async function submitClaim(viewer: PartnerViewer, claimId: string, values: unknown, request: RequestMeta = {}): Promise<SubmitResult> {
  try {
    return await db.$transaction(async (tx): Promise<SubmitResult> => {
      const claim = await lockForSubmission(tx, viewer, claimId);
      if (!claim) return failure("notFound");
      if (isFailure(claim)) return claim;
      // Only a Draft is submitted here (a claim in Partner action required is resubmitted: partner-loop.ts).
      if (claim.status !== "DRAFT") {
        const repeated = claim.submission && claim.status !== "PARTNER_ACTION_REQUIRED";
        return repeated ? done({ alreadySubmitted: true }) : failure("notEditable");
      }
      const acknowledged = submissionSchema.safeParse(values);
      if (!acknowledged.success) return invalidInput(acknowledged.error);
      const unsubmittable = await checkSubmittable(tx, viewer, claim);
      if (unsubmittable) return unsubmittable;
      // The status change and its audit row ("submitted"), conditional on the claim still being a Draft of this organisation.
      const moved = await transition(tx, {
        claimId,
        from: "DRAFT",
        to: "SUBMITTED",
        ...asPartner(viewer, request),
        action: "submitted",
        locked: claim,
      });
      if (!moved.ok) return failure("notEditable");
      // The submission's record and the customer's approval request, in the statement that checks the collisions.
      const kind = messageKinds.customerApprovalRequest;
      await checkCollisionsAfterMove(tx, claimId, [
        Prisma.sql`
          INSERT INTO "ClaimSubmission" ("claimId", "submittedById", "submittedAt", acknowledgements, "hasConflict")
          SELECT ${claimId}, ${viewer.id}, ${new Date().toISOString()}::timestamp, ${[...acknowledgementKeys]}::text[], EXISTS (SELECT 1 FROM flagged)
          WHERE ${NO_OWN_DUPLICATE}`,
        outboxInsert({ kind, dedupeKey: `${kind}:${claimId}`, claimId, payload: { claimId, to: claim.customerContactEmail, locale: claim.customerLocale } }, NO_OWN_DUPLICATE),
      ]);
      return done({ alreadySubmitted: false });
    });
  } catch (error) {
    if (isRefusal(error, "duplicateOwnClaim")) return failure("duplicateOwnClaim");
    throw error;
  }
}
