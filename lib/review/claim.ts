// What a reviewer reads about one claim: the claim of any organisation (never a draft), the other
// claims and active associations competing for its items, and the reference checks.
import "server-only";
import { db } from "../db";
import { claimDetail } from "../claims/queries";
import { sharedItemsSql } from "../claims/collisions";
import { boughtThroughCsp, displacesHolders, subscriptionEnded } from "../claims/rules";
import { allowedTransitions } from "../claims/vocabulary";
import type { ClaimStatus } from "../generated/prisma/enums";

/** A submitted claim of any organisation, with everything the partner entered; null for drafts and unknown ids. */
export function findReviewClaim(id: string) {
  return db.claim.findFirst({
    where: { id, deletedAt: null, status: { not: "DRAFT" } },
    include: {
      ...claimDetail,
      // All of the history, the reviewers' assignments too.
      events: { orderBy: { at: "asc" }, select: { id: true, at: true, action: true, fromStatus: true, toStatus: true, reasonCode: true, note: true, actor: { select: { name: true, email: true, role: true } } } },
      subscriptions: { select: { subscription: { select: { id: true, tenantId: true, workloadId: true, channel: true, endsAt: true } } } },
      location: { select: { partnerId: true, city: true, organizationId: true } },
      organization: { select: { id: true, name: true } },
      assignedTo: { select: { id: true, name: true, email: true } },
      submission: { select: { hasConflict: true, submittedAt: true } },
      associations: { select: { id: true, startedAt: true, endedAt: true, endReason: true } },
    },
  });
}

export type ReviewClaim = NonNullable<Awaited<ReturnType<typeof findReviewClaim>>>;

export type Competitor = {
  claimId: string;
  name: string;
  organizationName: string;
  partnerId: string;
  sameOrganization: boolean;
  status: ClaimStatus;
  submittedAt: Date | null;
  statusChangedAt: Date | null;
  /** The shared items: workload names (Modern Work and Security) or subscription ids. */
  items: string[];
  /** When the competing claim holds an active association on a shared item, since when. */
  associatedSince: Date | null;
  /** The date of the customer's acknowledgement on its PoE (what decides between competing claims). */
  acknowledgedOn: Date | null;
};

/**
 * Every other submitted claim, of any organisation, on the same tenant and one of the same workloads
 * or subscriptions, with its status and dates, and whether it holds an active association on a shared
 * item. The claim itself is not listed. Oldest submission first.
 */
export async function competitorsOf(claimId: string): Promise<Competitor[]> {
  const rows = await db.$queryRaw<(Omit<Competitor, "items" | "sameOrganization"> & { items: string[]; organizationId: string; mine: string })[]>`
    WITH me AS (SELECT id, "organizationId" FROM "Claim" WHERE id = ${claimId}),
    shared AS (${sharedItemsSql(claimId)})
    SELECT c.id AS "claimId", c.name, o.name AS "organizationName", c."organizationId", me."organizationId" AS mine, c."partnerId",
           c.status, c."submittedAt", c."statusChangedAt",
           array_agg(DISTINCT shared.item ORDER BY shared.item) AS items,
           (SELECT min(x."startedAt") FROM "Association" x
             WHERE x."claimId" = c.id AND x."endedAt" IS NULL
               AND (x."workloadId" IN (SELECT s."workloadId" FROM shared s WHERE s."claimId" = c.id)
                 OR x."subscriptionId" IN (SELECT s."subscriptionId" FROM shared s WHERE s."claimId" = c.id))) AS "associatedSince",
           p."customerAcknowledgedOn" AS "acknowledgedOn"
    FROM shared JOIN "Claim" c ON c.id = shared."claimId" CROSS JOIN me
    JOIN "Organization" o ON o.id = c."organizationId"
    LEFT JOIN "ProofOfExecution" p ON p."claimId" = c.id
    GROUP BY c.id, o.name, me."organizationId", p."customerAcknowledgedOn"
    ORDER BY c."submittedAt" ASC NULLS LAST, c.id`;
  return rows.map(({ organizationId, mine, ...row }) => ({ ...row, sameOrganization: organizationId === mine }));
}

/** The competing claims that hold an active association on a shared item. */
export const holdersAmong = (competitors: Competitor[]) => competitors.filter((c) => c.associatedSince !== null);

/**
 * What Approve would do to the claims that hold the claim's items, for the reviewer to read before
 * approving: null when nobody holds them (or the claim cannot be approved now); otherwise whether the
 * claim's proof is more recent than every holder's, so that approving displaces them, or not, so that
 * Approve is refused. `acknowledgedOn` is the claim's PoE date ("YYYY-MM-DD").
 */
export function approveOutcome(status: ClaimStatus, competitors: Competitor[], acknowledgedOn: string | null) {
  const holders = holdersAmong(competitors);
  if (holders.length === 0 || !allowedTransitions(status, "reviewer").some((rule) => rule.to === "APPROVED")) return null;
  const mine = acknowledgedOn ? new Date(`${acknowledgedOn}T00:00:00Z`) : null;
  return {
    displaces: displacesHolders(mine, holders.map((h) => h.acknowledgedOn)),
    acknowledgedOn,
    holders: holders.map((h) => ({ claimId: h.claimId, name: h.name, organizationName: h.organizationName, acknowledgedOn: h.acknowledgedOn?.toISOString().slice(0, 10) ?? null })),
  };
}

export type ApproveOutcome = NonNullable<ReturnType<typeof approveOutcome>>;

export type ReferenceCheck = { check: "tenantExists" | "partnerIdOfOrganization" | "subscriptionsOfTenant" | "subscriptionChannels" | "subscriptionsCurrent"; ok: boolean; detail?: string[] };

/**
 * The reference checks of a claim: the tenant exists; the PartnerID belongs to the claiming
 * organisation; for Business Applications, its subscriptions belong to the tenant, were bought
 * through Volume Licensing or Web Direct (not CSP), and have not ended.
 */
export async function referenceChecks(claim: ReviewClaim, now: Date = new Date()): Promise<ReferenceCheck[]> {
  const tenant = await db.tenant.findUnique({ where: { id: claim.tenantId }, select: { id: true } });
  const checks: ReferenceCheck[] = [
    { check: "tenantExists", ok: tenant !== null },
    { check: "partnerIdOfOrganization", ok: claim.location.organizationId === claim.organizationId, detail: [claim.partnerId] },
  ];
  if (claim.solutionArea === "BUSINESS_APPLICATIONS") {
    const subscriptions = claim.subscriptions.map((s) => s.subscription);
    const notOfTenant = subscriptions.filter((s) => s.tenantId !== claim.tenantId).map((s) => s.id);
    // The wizard's eligibility rule (lib/claims/rules.ts), read again at review time.
    const csp = subscriptions.filter((s) => boughtThroughCsp(s)).map((s) => s.id);
    const ended = subscriptions.filter((s) => subscriptionEnded(s, now)).map((s) => s.id);
    checks.push(
      { check: "subscriptionsOfTenant", ok: subscriptions.length > 0 && notOfTenant.length === 0, detail: notOfTenant },
      { check: "subscriptionChannels", ok: csp.length === 0, detail: csp },
      { check: "subscriptionsCurrent", ok: ended.length === 0, detail: ended },
    );
  }
  return checks;
}
