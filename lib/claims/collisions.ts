// One partner per workload (Modern Work and Security) and per subscription (Business Applications):
// finds other organisations' claims and associations on the same tenant workload or subscription.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { ClaimStatus, SolutionArea } from "../generated/prisma/enums";
import { db } from "../db";

/** Claims that hold (Approved) or compete for (in review) a workload or subscription. */
const holding: ClaimStatus[] = ["APPROVED"];
const pending: ClaimStatus[] = ["SUBMITTED", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "DISPUTE"];

export type Collision = "associated" | "claimed";
export type Collisions = Record<string, Collision>;

/**
 * Per workload id (Modern Work and Security) or subscription id (Business Applications): whether
 * another partner already holds it or has claimed it. Never says which partner.
 */
export async function findCollisions(
  input: { organizationId: string; tenantId: string; solutionArea: SolutionArea; excludeClaimId?: string; sameOrganization?: boolean },
  client: Prisma.TransactionClient = db,
): Promise<Collisions> {
  const others = {
    organizationId: input.sameOrganization ? input.organizationId : { not: input.organizationId },
    deletedAt: null,
    status: { in: [...holding, ...pending] },
    tenantId: input.tenantId,
    solutionArea: input.solutionArea,
    ...(input.excludeClaimId ? { id: { not: input.excludeClaimId } } : {}),
  };
  const result: Collisions = {};
  const mark = (key: string, status: ClaimStatus) => {
    const kind: Collision = holding.includes(status) ? "associated" : "claimed";
    if (result[key] !== "associated") result[key] = kind;
  };
  if (input.solutionArea === "MODERN_WORK_SECURITY") {
    const rows = await client.claimWorkload.findMany({ where: { claim: others }, select: { workloadId: true, claim: { select: { status: true } } } });
    for (const row of rows) mark(row.workloadId, row.claim.status);
  } else {
    const rows = await client.claimSubscription.findMany({ where: { claim: others }, select: { subscriptionId: true, claim: { select: { status: true } } } });
    for (const row of rows) mark(row.subscriptionId, row.claim.status);
  }
  return result;
}

/** The statuses in which a claim competes for or holds its items. */
export const activeStatuses: readonly ClaimStatus[] = [...holding, ...pending];

/**
 * Flags the claim and every other organisation's active claim on one of its items (same tenant and
 * workload for Modern Work and Security, same subscription for Business Applications, whose workloads
 * are only the subscriptions' products) as `hasConflict`, inside the caller's transaction, so the
 * reviewer's queue finds both sides. Returns whether there was any. A flag is never cleared here:
 * the reviewer decides the conflict.
 */
export async function flagConflicts(tx: Prisma.TransactionClient, claimId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH me AS (SELECT id, "organizationId", "tenantId", "solutionArea" FROM "Claim" WHERE id = ${claimId}),
    others AS (
      SELECT o.id FROM "Claim" o, me
      WHERE o."tenantId" = me."tenantId" AND o."organizationId" <> me."organizationId" AND o.id <> me.id
        AND o."deletedAt" IS NULL AND o.status::text = ANY(${[...activeStatuses]}::text[])
        AND ((me."solutionArea" = 'MODERN_WORK_SECURITY'
              AND EXISTS (SELECT 1 FROM "ClaimWorkload" a JOIN "ClaimWorkload" b ON b."workloadId" = a."workloadId" WHERE a."claimId" = me.id AND b."claimId" = o.id))
          OR EXISTS (SELECT 1 FROM "ClaimSubscription" a JOIN "ClaimSubscription" b ON b."subscriptionId" = a."subscriptionId" WHERE a."claimId" = me.id AND b."claimId" = o.id))
    )
    UPDATE "Claim" SET "hasConflict" = true WHERE id IN (SELECT id FROM others UNION ALL SELECT ${claimId} WHERE EXISTS (SELECT 1 FROM others)) RETURNING id`;
  return rows.length > 0;
}
