// The Usage section of the claim pages (the partner's and the reviewer's): per associated workload or
// subscription, named as the claim names it, every month its holder may see (lib/usage/visibility.ts) with
// the figures imported for it, or none yet.
import "server-only";
import type { Viewer } from "../auth/session";
import type { ClaimSummaryView } from "../claims/summary";
import { db } from "../db";
import { monthKey } from "./months";
import { visibleUsage, type VisibleUsage } from "./visibility";

export type UsageMonthView = { month: string; activeUsers: number | null; licensedSeats: number | null };
export type UsageItemView = {
  /** The workload's or the subscription's product's name. */
  name: string;
  subscriptionId: string | null;
  months: UsageMonthView[];
};
export type UsageView = {
  /** Whether the claim holds or held an association (usage is shown through associations only). */
  associated: boolean;
  /** No association yet, but the claim is on its way to a decision: usage will come with the approval. */
  awaitingApproval: boolean;
  items: UsageItemView[];
};

type ClaimItems = ClaimSummaryView["workloads"];

/** The items in the claim's own order (the catalog's), each named from the claim's summary. */
function inClaimOrder(usage: VisibleUsage, workloads: ClaimItems): UsageItemView[] {
  const order = workloads.flatMap((w): { name: string; workloadId: string; subscriptionId: string | null }[] =>
    w.subscriptions.length > 0 ? w.subscriptions.map((s) => ({ name: w.name, workloadId: w.id, subscriptionId: s.id })) : [{ name: w.name, workloadId: w.id, subscriptionId: null }],
  );
  const position = (item: VisibleUsage["items"][number]["item"]) => order.findIndex((o) => (item.subscriptionId ? o.subscriptionId === item.subscriptionId : o.workloadId === item.workloadId));
  return [...usage.items]
    .sort((a, b) => position(a.item) - position(b.item))
    .map(({ item, months, figures }) => ({
      name: order[position(item)]?.name ?? item.workloadId ?? item.subscriptionId ?? "",
      subscriptionId: item.subscriptionId,
      months: months.map((month) => {
        const figure = figures.find((f) => f.month.getTime() === month.getTime());
        return { month: monthKey(month), activeUsers: figure?.activeUsers ?? null, licensedSeats: figure?.licensedSeats ?? null };
      }),
    }));
}

/**
 * The Usage section of claim `claimId` for `viewer`, whose page already loaded the claim through its own
 * scope; `awaitingApproval` says whether to tell a partner that usage comes with the approval.
 */
export async function usageView(viewer: Viewer, claim: { id: string; workloads: ClaimItems }, { awaitingApproval = false, now = new Date() }: { awaitingApproval?: boolean; now?: Date } = {}): Promise<UsageView> {
  const usage = await visibleUsage(db, viewer, claim.id, now);
  return { associated: usage.associated, awaitingApproval: !usage.associated && awaitingApproval, items: inClaimOrder(usage, claim.workloads) };
}
