// What the partner's claim page shows (app/(portal)/claims/[id]/page.tsx composes it): the claim as the
// organisation's admin may see it, its status timeline, the customer's answer, its usage data, its proof of
// execution and, on a Rejected claim whose dispute window is open, the new proof uploaded since the rejection.
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import { canResend } from "../notify/resend";
import { proofOfClaim } from "../poe/queries";
import { usageView } from "../usage/view";
import { associationsView } from "./associations";
import { eventView } from "./events";
import { dueAt, pendingStatuses } from "./vocabulary";
import { disputeProofSince, disputeWindow } from "./lifecycle";
import { findClaim } from "./queries";
import { canRenew } from "./wizard";
import { summaryOfClaim } from "./summary";

/** The claim page's content, or null when the claim is not the viewer's organisation's. */
export async function claimPageView(viewer: PartnerViewer, id: string) {
  const claim = await findClaim(viewer, id);
  if (!claim) return null;
  const summary = await summaryOfClaim(claim);
  // Two reads of the associations on purpose: the usage goes through its own visibility rule.
  const [associations, usage] = await Promise.all([
    associationsView(db, claim.id, summary.workloads),
    usageView(viewer, { id: claim.id, workloads: summary.workloads }, { awaitingApproval: (pendingStatuses as readonly string[]).includes(claim.status) }),
  ]);
  const proof = claim.status === "DRAFT" ? null : await proofOfClaim(claim.id);
  const dispute = claim.status === "REJECTED" ? await disputeWindow(db, claim) : null;
  const newProofSince = disputeProofSince(claim).getTime();
  const due = dueAt(claim.status, claim.statusChangedAt);
  return {
    claim: { ...summary, id: claim.id },
    status: claim.status,
    statusReason: { code: claim.statusReasonCode, text: claim.statusReasonText },
    associations,
    usage,
    canRenew: canRenew(claim, associations),
    timeline: {
      status: claim.status,
      statusChangedAt: claim.statusChangedAt?.toISOString() ?? null,
      dueAt: due?.toISOString() ?? null,
      reason: { code: claim.statusReasonCode, text: claim.statusReasonText },
      dispute: dispute && { closesAt: dispute.closesAt?.toISOString() ?? null, open: dispute.open, alreadyDisputed: dispute.alreadyDisputed, customerDeclined: dispute.customerDeclined },
    },
    disputeFiles: dispute?.open && proof ? proof.files.filter((f) => new Date(f.uploadedAt).getTime() > newProofSince) : [],
    customer:
      claim.status === "DRAFT"
        ? undefined
        : { response: claim.customerResponse, respondedAt: claim.customerRespondedAt?.toISOString() ?? null, canResend: canResend(claim) },
    createdAt: claim.createdAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
    events: claim.events.map((e) => eventView(e, "partner")),
    proof,
  };
}
