import { notFound } from "next/navigation";
import { ReviewClaimView } from "@/components/review/ReviewClaimView";
import { PoeSummary } from "@/components/poe/PoeSummary";
import { requireReviewer } from "@/lib/auth/session";
import { allowedTransitions, dueAt } from "@/lib/claims/vocabulary";
import { summaryOfClaim } from "@/lib/claims/summary";
import { proofOfClaim } from "@/lib/poe/queries";
import { competitorsOf, findReviewClaim, referenceChecks } from "@/lib/review/claim";
import { isReviewerTimed } from "@/lib/review/queue";
import { eventView } from "@/lib/claims/events";
import { parseId } from "@/lib/text";

export default async function ReviewClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireReviewer();
  const id = parseId((await params).id);
  if (!id) notFound();
  const claim = await findReviewClaim(id);
  if (!claim) notFound();
  const now = new Date();
  const [summary, proof, competitors, checks] = await Promise.all([summaryOfClaim(claim), proofOfClaim(claim.id), competitorsOf(claim.id), referenceChecks(claim, now)]);
  const due = dueAt(claim.status, claim.statusChangedAt);
  return (
    <ReviewClaimView
      claim={{ ...summary, id: claim.id }}
      status={claim.status}
      organizationName={claim.organization.name}
      submittedAt={claim.submittedAt?.toISOString() ?? null}
      statusChangedAt={claim.statusChangedAt?.toISOString() ?? null}
      due={due ? { at: due.toISOString(), overdue: now.getTime() > due.getTime(), reviewers: isReviewerTimed(claim.status) } : null}
      statusReason={{ code: claim.statusReasonCode, text: claim.statusReasonText }}
      customer={{ response: claim.customerResponse, respondedAt: claim.customerRespondedAt?.toISOString() ?? null }}
      assignee={claim.assignedTo ? { id: claim.assignedTo.id, name: claim.assignedTo.name ?? claim.assignedTo.email } : null}
      viewerId={viewer.id}
      actions={allowedTransitions(claim.status, "reviewer").map((rule) => rule.action)}
      checks={checks}
      competitors={competitors.map((c) => ({
        ...c,
        submittedAt: c.submittedAt?.toISOString() ?? null,
        statusChangedAt: c.statusChangedAt?.toISOString() ?? null,
        associatedSince: c.associatedSince?.toISOString() ?? null,
      }))}
      events={claim.events.map((e) => eventView(e, "reviewer"))}
    >
      <PoeSummary claimId={claim.id} proof={proof} workloads={summary.workloads.map((w) => ({ id: w.id, name: w.name }))} />
    </ReviewClaimView>
  );
}
