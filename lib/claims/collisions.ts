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
