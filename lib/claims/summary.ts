// Builds the read-only view of a claim (review step, claim page) from wizard entries or a saved claim.
import "server-only";
import type { PurchaseChannel } from "../generated/prisma/enums";
import { tenantWithSubscriptions, workloadCatalog } from "../reference/queries";
import type { ClaimDetail } from "./queries";
import type { WizardData } from "./wizard";

export type ClaimSummaryView = {
  solutionArea: string;
  partnerRole: string;
  name: string;
  partnerId: string;
  partnerCity: string | null;
  tenantId: string;
  tenantName: string | null;
  incentiveOptOut: boolean;
  revenue: { dynamicsSellerName: string; customerName: string; isvSolutionName: string } | null;
  workloads: { id: string; name: string; subscriptions: { id: string; channel: PurchaseChannel; endsAt: string }[] }[];
  customerContact: { name: string; title: string | null; address: string; email: string; locale: string };
  partnerContact: { name: string; email: string };
};

type Source = {
  solutionArea: string;
  partnerRole: string;
  name: string;
  partnerId: string;
  tenantId: string;
  incentiveOptOut: boolean;
  dynamicsSellerName?: string | null;
  customerName?: string | null;
  isvSolutionName?: string | null;
  workloadIds: string[];
  subscriptionIds: string[];
  customerContactName: string;
  customerContactTitle?: string | null;
  customerContactAddress: string;
  customerContactEmail: string;
  customerLocale: string;
  partnerContactName: string;
  partnerContactEmail: string;
};

async function build(source: Source, locations: { partnerId: string; city: string | null }[]): Promise<ClaimSummaryView> {
  const [catalog, tenant] = await Promise.all([workloadCatalog(), tenantWithSubscriptions(source.tenantId)]);
  const subscriptions = tenant?.subscriptions.filter((s) => source.subscriptionIds.includes(s.id)) ?? [];
  return {
    solutionArea: source.solutionArea,
    partnerRole: source.partnerRole,
    name: source.name,
    partnerId: source.partnerId,
    partnerCity: locations.find((l) => l.partnerId === source.partnerId)?.city ?? null,
    tenantId: source.tenantId,
    tenantName: tenant?.name ?? null,
    incentiveOptOut: source.incentiveOptOut,
    revenue: source.dynamicsSellerName
      ? { dynamicsSellerName: source.dynamicsSellerName, customerName: source.customerName ?? "", isvSolutionName: source.isvSolutionName ?? "" }
      : null,
    workloads: catalog
      .filter((w) => source.workloadIds.includes(w.id))
      .map((w) => ({
        id: w.id,
        name: w.name,
        subscriptions: subscriptions.filter((s) => s.workloadId === w.id).map((s) => ({ id: s.id, channel: s.channel, endsAt: s.endsAt.toISOString() })),
      })),
    customerContact: {
      name: source.customerContactName,
      title: source.customerContactTitle ?? null,
      address: source.customerContactAddress,
      email: source.customerContactEmail,
      locale: source.customerLocale,
    },
    partnerContact: { name: source.partnerContactName, email: source.partnerContactEmail },
  };
}

/** The summary of complete wizard entries (the review step). */
export function summaryOfWizard(data: WizardData, locations: { partnerId: string; city: string | null }[]) {
  return build(
    {
      ...(data as Required<WizardData>),
      incentiveOptOut: data.incentiveOptOut ?? false,
      workloadIds: data.workloadIds ?? [],
      subscriptionIds: data.subscriptionIds ?? [],
      customerLocale: data.customerLocale ?? "en",
    },
    locations,
  );
}

/** The summary of a saved claim (the claim page). */
export function summaryOfClaim(claim: ClaimDetail) {
  return build(
    { ...claim, workloadIds: claim.workloads.map((w) => w.workload.id), subscriptionIds: claim.subscriptions.map((s) => s.subscription.id) },
    [claim.location],
  );
}
