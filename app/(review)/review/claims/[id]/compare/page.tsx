import { notFound } from "next/navigation";
import { CompareClaims, type CompareColumn } from "@/components/review/CompareClaims";
import { requireReviewer } from "@/lib/auth/session";
import { summaryOfClaim } from "@/lib/claims/summary";
import { proofOfClaim } from "@/lib/poe/queries";
import { competitorsOf, findReviewClaim, type ReviewClaim } from "@/lib/review/claim";

/** How many competing claims are shown beside the claim (the oldest submissions first). */
const MAX_COMPETITORS = 3;

async function column(claim: ReviewClaim, shared: string[] | null, associatedSince: Date | null): Promise<CompareColumn> {
  const [summary, proof] = await Promise.all([summaryOfClaim(claim), proofOfClaim(claim.id)]);
  return {
    id: claim.id,
    name: claim.name,
    organizationName: claim.organization.name,
    partnerId: claim.partnerId,
    partnerRole: claim.partnerRole,
    status: claim.status,
    submittedAt: claim.submittedAt?.toISOString() ?? null,
    statusChangedAt: claim.statusChangedAt?.toISOString() ?? null,
    customerResponse: claim.customerResponse,
    items: summary.workloads.flatMap((w) => (w.subscriptions.length > 0 ? w.subscriptions.map((s) => `${w.name} · ${s.id}`) : [w.name])),
    shared,
    associatedSince: associatedSince?.toISOString() ?? null,
    proof,
    workloads: summary.workloads.map((w) => ({ id: w.id, name: w.name })),
  };
}

export default async function CompareClaimsPage({ params }: { params: Promise<{ id: string }> }) {
  await requireReviewer();
  const { id } = await params;
  const claim = await findReviewClaim(id);
  if (!claim) notFound();
  const competitors = (await competitorsOf(claim.id)).slice(0, MAX_COMPETITORS);
  const others = await Promise.all(
    competitors.map(async (c) => {
      const other = await findReviewClaim(c.claimId);
      return other ? column(other, c.items, c.associatedSince) : null;
    }),
  );
  return <CompareClaims claim={await column(claim, null, null)} others={others.filter((o) => o !== null)} />;
}
