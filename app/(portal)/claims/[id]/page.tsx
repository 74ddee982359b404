import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { eventView } from "@/lib/claims/events";
import { ClaimView } from "@/components/claims/ClaimView";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { findClaim } from "@/lib/claims/queries";
import { summaryOfClaim } from "@/lib/claims/summary";
import { PoeSummary } from "@/components/poe/PoeSummary";
import { proofOfClaim } from "@/lib/poe/queries";
import { canResend } from "@/lib/notify/resend";
import { dueAt } from "@/lib/claims/lifecycle";
import { disputeWindow } from "@/lib/claims/lifecycle";
import { parseId } from "@/lib/text";

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePartnerAdmin();
  const id = parseId((await params).id);
  if (!id) notFound();
  const claim = await findClaim(viewer, id);
  if (!claim) notFound();
  const summary = await summaryOfClaim(claim);
  const proof = claim.status === "DRAFT" ? null : await proofOfClaim(claim.id);
  const dispute = claim.status === "REJECTED" ? await disputeWindow(db, claim) : null;
  const rejectedAt = claim.statusChangedAt?.getTime() ?? 0;
  const due = dueAt(claim.status, claim.statusChangedAt);
  return (
    <ClaimView
      claim={{ ...summary, id: claim.id }}
      status={claim.status}
      statusReason={{ code: claim.statusReasonCode, text: claim.statusReasonText }}
      timeline={{
        status: claim.status,
        statusChangedAt: claim.statusChangedAt?.toISOString() ?? null,
        dueAt: due?.toISOString() ?? null,
        reason: { code: claim.statusReasonCode, text: claim.statusReasonText },
        dispute: dispute && { closesAt: dispute.closesAt?.toISOString() ?? null, open: dispute.open, alreadyDisputed: dispute.alreadyDisputed, customerDeclined: dispute.customerDeclined },
      }}
      disputeFiles={dispute?.open && proof ? proof.files.filter((f) => new Date(f.uploadedAt).getTime() > rejectedAt) : []}
      customer={
        claim.status === "DRAFT"
          ? undefined
          : {
              response: claim.customerResponse,
              respondedAt: claim.customerRespondedAt?.toISOString() ?? null,
              canResend: canResend(claim),
            }
      }
      createdAt={claim.createdAt.toISOString()}
      updatedAt={claim.updatedAt.toISOString()}
      events={claim.events.map((e) => eventView(e, "partner"))}
    >
      {proof ? <PoeSummary claimId={claim.id} proof={proof} workloads={summary.workloads.map((w) => ({ id: w.id, name: w.name }))} /> : null}
    </ClaimView>
  );
}
