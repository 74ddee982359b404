// Who sees a customer's usage, and which months: the one place of the rule (docs/domain.md, Rules: once the
// association is official, usage "is visible ... for the months the association stands, to the partner
// holding it, and to nobody else").
// - Through a claim's associations only: per associated workload (Modern Work and Security, the tenant's
//   figures for it) or subscription (Business Applications). A claim never approved has none: no usage.
// - For the months each association stands, within the last 12: from the month it started to the month it
//   ended (displaced by another partner's claim, declined by the customer, disassociated, its subscription
//   ended), or to this month while it stands. A partner that lost an association keeps seeing the months it
//   held it, and nothing after; the new holder sees from its own start. The month of a change is shown to both.
// - To the holder's organisation (the claim's) and to Microsoft's reviewers, nobody else: the association
//   query itself is scoped to the viewer, so another organisation's claim simply finds none.
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/session";
import type { Tx } from "../db-client";
import { addMonths, monthsBetween, startOfMonth } from "./months";

/** How far back usage goes: this month and the 11 before it. */
export const USAGE_WINDOW_MONTHS = 12;

export type AssociationSpan = {
  tenantId: string;
  workloadId: string | null;
  subscriptionId: string | null;
  startedAt: Date;
  /** A subscription's end date: the association ends on it even before the association-end job records it. */
  endsAt: Date | null;
  endedAt: Date | null;
};

/** What a figure is of: a tenant's workload, or a subscription. */
export type UsageItem = { tenantId: string; workloadId: string; subscriptionId: null } | { tenantId: string; workloadId: null; subscriptionId: string };

export const itemKey = (item: Pick<UsageItem, "workloadId" | "subscriptionId">) => (item.subscriptionId ? `subscription:${item.subscriptionId}` : `workload:${item.workloadId}`);

/** The months (first days, UTC) an association lets its holder see as of `now`; none when it stood before the window. */
export function standingMonths(association: AssociationSpan, now: Date): Date[] {
  const windowStart = addMonths(startOfMonth(now), 1 - USAGE_WINDOW_MONTHS);
  const from = new Date(Math.max(startOfMonth(association.startedAt).getTime(), windowStart.getTime()));
  const end = Math.min(now.getTime(), association.endedAt?.getTime() ?? Infinity, association.endsAt?.getTime() ?? Infinity);
  return monthsBetween(from, startOfMonth(new Date(end)));
}

export type VisibleItem = { item: UsageItem; months: Date[] };

/**
 * Per workload or subscription a claim is or was associated with, the months its associations let the
 * holder see (a claim approved again after a rejection has two associations on the same item: their months
 * together), oldest first. Items whose associations stood only before the window are listed with no month.
 */
export function visibleItems(associations: AssociationSpan[], now: Date): VisibleItem[] {
  const byItem = new Map<string, { item: UsageItem; months: Map<number, Date> }>();
  for (const association of associations) {
    const item = (association.subscriptionId
      ? { tenantId: association.tenantId, workloadId: null, subscriptionId: association.subscriptionId }
      : { tenantId: association.tenantId, workloadId: association.workloadId!, subscriptionId: null }) satisfies UsageItem;
    const entry = byItem.get(itemKey(item)) ?? { item, months: new Map<number, Date>() };
    for (const month of standingMonths(association, now)) entry.months.set(month.getTime(), month);
    byItem.set(itemKey(item), entry);
  }
  return [...byItem.values()].map(({ item, months }) => ({ item, months: [...months.values()].sort((a, b) => a.getTime() - b.getTime()) }));
}

/**
 * The associations of claim `claimId` through which `viewer` may see usage: a partner's only on its own
 * organisation's claims, a reviewer's on any claim submitted for review; anyone else's none.
 */
export function associationsVisibleTo(viewer: Pick<Viewer, "role" | "organization">, claimId: string): Prisma.AssociationWhereInput {
  if (viewer.role === "REVIEWER") return { claimId, claim: { deletedAt: null, status: { not: "DRAFT" } } };
  if (viewer.role === "INCENTIVE_ADMIN" && viewer.organization) return { claimId, claim: { organizationId: viewer.organization.id, deletedAt: null } };
  return { id: { in: [] } };
}

export type VisibleFigure = { month: Date; activeUsers: number; licensedSeats: number | null };
export type VisibleUsage = { associated: boolean; items: (VisibleItem & { figures: VisibleFigure[] })[] };

/** The figures of `items`' visible months, in one query. */
function figuresOf(client: Tx, items: VisibleItem[]) {
  const where = items
    .filter(({ months }) => months.length > 0)
    .map(({ item, months }): Prisma.UsageFigureWhereInput => (item.subscriptionId ? { subscriptionId: item.subscriptionId, month: { in: months } } : { tenantId: item.tenantId, workloadId: item.workloadId, month: { in: months } }));
  if (where.length === 0) return Promise.resolve([]);
  return client.usageFigure.findMany({ where: { OR: where }, orderBy: { month: "asc" }, select: { tenantId: true, workloadId: true, subscriptionId: true, month: true, activeUsers: true, licensedSeats: true } });
}

/** The usage `viewer` may see on claim `claimId` as of `now`: whether it has associations, and per item its visible months and figures. */
export async function visibleUsage(client: Tx, viewer: Pick<Viewer, "role" | "organization">, claimId: string, now = new Date()): Promise<VisibleUsage> {
  const associations = await client.association.findMany({
    where: associationsVisibleTo(viewer, claimId),
    select: { tenantId: true, workloadId: true, subscriptionId: true, startedAt: true, endsAt: true, endedAt: true },
  });
  const items = visibleItems(associations, now);
  const figures = await figuresOf(client, items);
  return {
    associated: associations.length > 0,
    items: items.map((visible) => ({
      ...visible,
      figures: figures
        .filter((f) => itemKey(f) === itemKey(visible.item) && (f.subscriptionId !== null || f.tenantId === visible.item.tenantId))
        .map(({ month, activeUsers, licensedSeats }) => ({ month, activeUsers, licensedSeats })),
    })),
  };
}
