// The claim rules that need reference data: the PartnerID is the organisation's, the workloads belong
// to the solution area, and Business Applications subscriptions belong to the tenant and are eligible.
import "server-only";
import type { PurchaseChannel, SolutionArea } from "../generated/prisma/enums";
import type { PartnerViewer } from "../auth/session";
import { tenantWithSubscriptions, workloadCatalog, type ReferenceReader } from "../reference/queries";
import type { FieldErrors } from "./schemas";

export type Eligibility = "eligible" | "csp" | "expired";

/**
 * The most recent valid PoE wins: a claim being approved displaces the holders of its items when its
 * customer acknowledgement is dated later than each of theirs (a holder without a dated proof counts as
 * older). Without a dated proof of its own it displaces nobody. The lifecycle applies it; the review
 * page shows its outcome before the reviewer approves.
 */
export const displacesHolders = (mine: Date | null | undefined, holders: readonly (Date | null | undefined)[]) =>
  mine != null && holders.every((held) => held == null || held.getTime() < mine.getTime());

/** Bought through a Cloud Solution Provider: never claimable here (CSP has its own partner of record). */
export const boughtThroughCsp = (subscription: { channel: PurchaseChannel }) => subscription.channel === "CSP";

/** Ended at `now`: nothing left to associate. */
export const subscriptionEnded = (subscription: { endsAt: Date }, now = new Date()) => subscription.endsAt.getTime() <= now.getTime();

/** Why a subscription can or cannot be claimed in a Business Applications role. */
export function subscriptionEligibility(subscription: { channel: PurchaseChannel; endsAt: Date }, now = new Date()): Eligibility {
  if (boughtThroughCsp(subscription)) return "csp";
  if (subscriptionEnded(subscription, now)) return "expired";
  return "eligible";
}

/** A subscription ending within this window is flagged "ends soon" in the wizard (a renewal may be due). */
export const ENDS_SOON_MS = 90 * 24 * 60 * 60 * 1000;

/** How the wizard shows a subscription of the tenant. */
export const subscriptionChoice = (s: { id: string; workloadId: string; channel: PurchaseChannel; endsAt: Date }, now = new Date()) => ({
  id: s.id,
  workloadId: s.workloadId,
  channel: s.channel,
  endsAt: s.endsAt.toISOString(),
  eligibility: subscriptionEligibility(s, now),
  endsSoon: s.endsAt.getTime() - now.getTime() < ENDS_SOON_MS,
});

type DetailsFacts = { solutionArea: SolutionArea; partnerId: string; tenantId: string };
type WorkloadFacts = DetailsFacts & { workloadIds: string[]; subscriptionIds: string[] };

/** Step 1 rules: the PartnerID is one of the viewer's organisation's; a Business Applications tenant is known. */
export async function checkDetailsRules(viewer: PartnerViewer, input: DetailsFacts, client?: ReferenceReader): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (!viewer.organization.locations.some((l) => l.partnerId === input.partnerId)) errors.partnerId = "partnerIdNotYours";
  if (input.solutionArea === "BUSINESS_APPLICATIONS" && !(await tenantWithSubscriptions(input.tenantId, client))) errors.tenantId = "tenantUnknown";
  return errors;
}

/** Step 2 rules: workloads of the area; for Business Applications, eligible subscriptions of the tenant for each product. */
export async function checkWorkloadRules(input: WorkloadFacts, now = new Date(), client?: ReferenceReader): Promise<FieldErrors> {
  const catalog = new Set((await workloadCatalog(input.solutionArea, client)).map((w) => w.id));
  if (input.workloadIds.some((id) => !catalog.has(id))) return { workloadIds: "workloadNotInArea" };
  if (input.solutionArea === "MODERN_WORK_SECURITY") {
    return input.subscriptionIds.length > 0 ? { subscriptionIds: "subscriptionsNotForArea" } : {};
  }
  const tenant = await tenantWithSubscriptions(input.tenantId, client);
  if (!tenant) return { workloadIds: "tenantUnknown" };
  const byId = new Map(tenant.subscriptions.map((s) => [s.id, s]));
  for (const id of input.subscriptionIds) {
    const subscription = byId.get(id);
    if (!subscription) return { subscriptionIds: "subscriptionNotInTenant" };
    const eligibility = subscriptionEligibility(subscription, now);
    if (eligibility === "csp") return { [`subscriptions.${subscription.workloadId}`]: "subscriptionCsp" };
    if (eligibility === "expired") return { [`subscriptions.${subscription.workloadId}`]: "subscriptionExpired" };
    if (!input.workloadIds.includes(subscription.workloadId)) return { subscriptionIds: "subscriptionProductNotSelected" };
  }
  const errors: FieldErrors = {};
  for (const workloadId of input.workloadIds) {
    if (!input.subscriptionIds.some((id) => byId.get(id)?.workloadId === workloadId)) errors[`subscriptions.${workloadId}`] = "subscriptionRequired";
  }
  return errors;
}
