// What the reviewer's page of one claim shows (app/(review)/review/claims/[id]/page.tsx composes it): the
// claim, its timer, the customer's answer, who has it, the decisions its status allows, the reference
// checks, the competing claims, the usage data of its associations, its history and its proof.
import "server-only";
import type { ReviewerViewer } from "../auth/session";
import { associationsView } from "../claims/associations";
import { eventView } from "../claims/events";
import { db } from "../db";
import { summaryOfClaim } from "../claims/summary";
import { allowedTransitions, dueAt } from "../claims/vocabulary";
import { proofOfClaim } from "../poe/queries";
import { usageView } from "../usage/view";
import { approveOutcome, competitorsOf, findReviewClaim, referenceChecks } from "./claim";
import { isReviewerTimed } from "./queue";

/** The review page of claim `id`, or null when there is no such submitted claim. */
export async function reviewPageView(viewer: ReviewerViewer, id: string, now = new Date()) {
  const claim = await findReviewClaim(id);
  if (!claim) return null;
  const [summary, proof, competitors, checks] = await Promise.all([summaryOfClaim(claim), proofOfClaim(claim.id), competitorsOf(claim.id), referenceChecks(claim, now)]);
  const [associations, usage] = await Promise.all([associationsView(db, claim.id, summary.workloads), usageView(viewer, { id: claim.id, workloads: summary.workloads }, { now })]);
  const due = dueAt(claim.status, claim.statusChangedAt);

  return {
    claim: { ...summary, id: claim.id },
    status: claim.status,
    organizationName: claim.organization.name,
    submittedAt: claim.submittedAt?.toISOString() ?? null,
    statusChangedAt: claim.statusChangedAt?.toISOString() ?? null,
    due: due ? { at: due.toISOString(), overdue: now.getTime() > due.getTime(), reviewers: isReviewerTimed(claim.status) } : null,
    statusReason: { code: claim.statusReasonCode, text: claim.statusReasonText },
    associations,
    usage,
    customer: { response: claim.customerResponse, respondedAt: claim.customerRespondedAt?.toISOString() ?? null },
    assignee: claim.assignedTo ? { id: claim.assignedTo.id, name: claim.assignedTo.name ?? claim.assignedTo.email } : null,
    viewerId: viewer.id,
    actions: allowedTransitions(claim.status, "reviewer").map((rule) => rule.action),
    checks,
    competitors: competitors.map((c) => ({
      ...c,
      submittedAt: c.submittedAt?.toISOString() ?? null,
      statusChangedAt: c.statusChangedAt?.toISOString() ?? null,
      associatedSince: c.associatedSince?.toISOString() ?? null,
      acknowledgedOn: c.acknowledgedOn?.toISOString().slice(0, 10) ?? null,
    })),
    // What Approve would do to the claims holding its items (the most recent valid PoE wins).
    approveOutcome: approveOutcome(claim.status, competitors, proof.details?.customerAcknowledgedOn ?? null),
    events: claim.events.map((e) => eventView(e, "reviewer")),
    proof,
  };
}
