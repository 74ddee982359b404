// What the reviewer's comparison page shows (app/(review)/review/claims/[id]/compare/page.tsx composes
// it): the claim beside up to three competing claims, holders first, then those still competing (oldest
// submission first within each), then the closed ones; each with its items, the items it shares with the
// claim, and its proof.
import "server-only";
import type { ReviewerViewer } from "../auth/session";
import { activeStatuses } from "../claims/collisions";
import { summaryOfClaim } from "../claims/summary";
import { proofOfClaim } from "../poe/queries";
import { approveOutcome, competitorsOf, findReviewClaim, type ReviewClaim } from "./claim";

/** How many competing claims are shown beside the claim. */
const MAX_COMPETITORS = 3;

export type CompareColumn = Awaited<ReturnType<typeof column>>;

async function column(claim: ReviewClaim, shared: string[] | null, associatedSince: Date | null) {
  const [summary, proof] = await Promise.all([summaryOfClaim(claim), proofOfClaim(claim.id)]);
  return {
    id: claim.id,
    name: claim.name,
    organizationName: claim.organization.name,
    partnerId: claim.partnerId,
    partnerRole: claim.partnerRole as string,
    status: claim.status as string,
    submittedAt: claim.submittedAt?.toISOString() ?? null,
    statusChangedAt: claim.statusChangedAt?.toISOString() ?? null,
    customerResponse: claim.customerResponse as string,
    items: summary.workloads.flatMap((w) => (w.subscriptions.length > 0 ? w.subscriptions.map((s) => `${w.name} · ${s.id}`) : [w.name])),
    /** For a competing claim: the items it shares with the claim under review. */
    shared,
    associatedSince: associatedSince?.toISOString() ?? null,
    proof,
    workloads: summary.workloads.map((w) => ({ id: w.id, name: w.name })),
  };
}

/** The comparison of claim `id`, or null when there is no such submitted claim. */
export async function compareView(_viewer: ReviewerViewer, id: string) {
  const claim = await findReviewClaim(id);
  if (!claim) return null;
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
  const mine = await column(claim, null, null);
  return { claim: mine, others: others.filter((o) => o !== null), approveOutcome: approveOutcome(claim.status, all, mine.proof.details?.customerAcknowledgedOn ?? null) };
}
