// Reads of the reference data: the workload/product catalog and customer tenants with their subscriptions.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SolutionArea } from "../generated/prisma/enums";
import { db } from "../db";

/** The database, or the caller's transaction (a check made while it holds its locks). */
export type ReferenceReader = Pick<Prisma.TransactionClient, "workload" | "tenant">;

export function workloadCatalog(solutionArea?: SolutionArea, client: ReferenceReader = db) {
  return client.workload.findMany({ where: solutionArea ? { solutionArea } : undefined, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, solutionArea: true } });
}

export type CatalogWorkload = Awaited<ReturnType<typeof workloadCatalog>>[number];

/** A known tenant and its subscriptions (product, purchase channel, end date), or null. */
export function tenantWithSubscriptions(tenantId: string, client: ReferenceReader = db) {
  return client.tenant.findUnique({
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
