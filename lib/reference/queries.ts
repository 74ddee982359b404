// Reads of the reference data: the workload/product catalog and customer tenants with their subscriptions.
import "server-only";
import type { SolutionArea } from "../generated/prisma/enums";
import { db } from "../db";

export function workloadCatalog(solutionArea?: SolutionArea) {
  return db.workload.findMany({ where: solutionArea ? { solutionArea } : undefined, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, solutionArea: true } });
}

export type CatalogWorkload = Awaited<ReturnType<typeof workloadCatalog>>[number];

/** A known tenant and its subscriptions (product, purchase channel, end date), or null. */
export function tenantWithSubscriptions(tenantId: string) {
  return db.tenant.findUnique({
    where: { id: tenantId },
    select: {
      id: true,
      name: true,
      subscriptions: { select: { id: true, workloadId: true, channel: true, endsAt: true }, orderBy: { endsAt: "desc" } },
    },
  });
}

export type KnownTenant = NonNullable<Awaited<ReturnType<typeof tenantWithSubscriptions>>>;
export type TenantSubscription = KnownTenant["subscriptions"][number];
