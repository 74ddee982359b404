import { notFound } from "next/navigation";
import { CompareClaims, type CompareColumn } from "@/components/review/CompareClaims";
import { requireReviewer } from "@/lib/auth/session";
import { summaryOfClaim } from "@/lib/claims/summary";
import { proofOfClaim } from "@/lib/poe/queries";
import { activeStatuses } from "@/lib/claims/collisions";
import { competitorsOf, findReviewClaim, type ReviewClaim } from "@/lib/review/claim";
import { parseId } from "@/lib/text";

/** How many competing claims are shown beside the claim. */
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
  const id = parseId((await params).id);
  if (!id) notFound();
  const claim = await findReviewClaim(id);
  if (!claim) notFound();
  // The holders and the claims still competing first (oldest submission first within each), then the closed ones.
  const all = await competitorsOf(claim.id);
  const rank = (c: (typeof all)[number]) => (c.associatedSince ? 0 : activeStatuses.includes(c.status) ? 1 : 2);
  const competitors = all
    .map((c, index) => ({ c, index }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.index - b.index)
    .map(({ c }) => c)
    .slice(0, MAX_COMPETITORS);
  const others = await Promise.all(
    competitors.map(async (c) => {
      const other = await findReviewClaim(c.claimId);
      return other ? column(other, c.items, c.associatedSince) : null;
    }),
  );
  return <CompareClaims claim={await column(claim, null, null)} others={others.filter((o) => o !== null)} />;
}
