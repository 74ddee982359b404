// One partner per workload (Modern Work and Security) and per subscription and engagement (Business
// Applications: a partner role, so two partners may hold different engagements on one subscription):
// finds other organisations' claims and associations on the same tenant workload, or subscription in
// the same engagement.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { ClaimStatus, PartnerRole, SolutionArea } from "../generated/prisma/enums";
import { db } from "../db";
import { pendingStatuses } from "./vocabulary";

/** Claims that hold (Approved) or compete for (in review) a workload or subscription. */
const holding: readonly ClaimStatus[] = ["APPROVED"];
const pending: readonly ClaimStatus[] = pendingStatuses;

export type Collision = "associated" | "claimed";
export type Collisions = Record<string, Collision>;

/**
 * Per workload id (Modern Work and Security) or subscription id (Business Applications, in the
 * engagement `partnerRole`): whether another partner already holds it or has claimed it. Never says
 * which partner.
 */
export async function findCollisions(
  input: { organizationId: string; tenantId: string; solutionArea: SolutionArea; partnerRole: PartnerRole; excludeClaimId?: string; sameOrganization?: boolean },
  client: Prisma.TransactionClient = db,
): Promise<Collisions> {
  const others = {
    organizationId: input.sameOrganization ? input.organizationId : { not: input.organizationId },
    deletedAt: null,
    status: { in: [...holding, ...pending] },
    tenantId: input.tenantId,
    solutionArea: input.solutionArea,
    ...(input.solutionArea === "BUSINESS_APPLICATIONS" ? { partnerRole: input.partnerRole } : {}),
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
 * The items a claim shares with every other submitted claim (not a draft, not deleted) on its tenant,
 * as rows ("claimId" of the other claim, item, "workloadId", "subscriptionId"): the same workload
 * for Modern Work and Security, the same subscription in the same engagement (partner role) for
 * Business Applications (whose workloads are only the subscriptions' products). The one definition
 * of "competing for the same item", for the conflict flag here and the reviewer's competing claims
 * (lib/review/claim.ts). A plain SELECT, to use as a CTE.
 */
export const sharedItemsSql = (claimId: string) => Prisma.sql`
  SELECT c.id AS "claimId", w.name AS item, cw."workloadId", NULL::uuid AS "subscriptionId"
  FROM "Claim" me
  JOIN "Claim" c ON c."tenantId" = me."tenantId" AND c.id <> me.id AND c."deletedAt" IS NULL AND c.status <> 'DRAFT'
  JOIN "ClaimWorkload" cw ON cw."claimId" = c.id
  JOIN "ClaimWorkload" mine ON mine."claimId" = me.id AND mine."workloadId" = cw."workloadId"
  JOIN "Workload" w ON w.id = cw."workloadId"
  WHERE me.id = ${claimId} AND me."solutionArea" = 'MODERN_WORK_SECURITY'
  UNION ALL
  SELECT c.id, cs."subscriptionId"::text, NULL, cs."subscriptionId"
  FROM "Claim" me
  JOIN "ClaimSubscription" mine ON mine."claimId" = me.id
  JOIN "ClaimSubscription" cs ON cs."subscriptionId" = mine."subscriptionId" AND cs."claimId" <> me.id
  JOIN "Claim" c ON c.id = cs."claimId" AND c."tenantId" = me."tenantId" AND c."partnerRole" = me."partnerRole" AND c."deletedAt" IS NULL AND c.status <> 'DRAFT'
  WHERE me.id = ${claimId}`;

/**
 * At submission, in one statement inside the caller's transaction: whether the claim's organisation
 * already claims one of its items in another active claim (`ownDuplicate`; then nothing is flagged,
 * the caller refuses), else flags the claim and every other organisation's active claim sharing one
 * of its items (`sharedItemsSql`) as `hasConflict`, so the reviewer's queue finds both sides
 * (`hasConflict`: whether there was any). A flag is never cleared here: the reviewer decides the conflict.
 *
 * `andThen`: the submission's own rows, written by the same statement (data-modifying CTEs, which may
 * read `EXISTS (SELECT 1 FROM flagged)` and should be conditional on `NO_OWN_DUPLICATE`).
 */
export async function flagConflicts(tx: Prisma.TransactionClient, claimId: string, andThen: Prisma.Sql[] = []): Promise<{ ownDuplicate: boolean; hasConflict: boolean }> {
  const writes = andThen.map((sql, i) => Prisma.sql`, ${Prisma.raw(`write${i}`)} AS (${sql})`);
  const [row] = await tx.$queryRaw<{ ownDuplicate: boolean; hasConflict: boolean }[]>`
    WITH shared AS (${sharedItemsSql(claimId)}),
    active AS (
      SELECT DISTINCT o.id, o."organizationId" = (SELECT "organizationId" FROM "Claim" WHERE id = ${claimId}) AS own
      FROM shared JOIN "Claim" o ON o.id = shared."claimId"
      WHERE o.status::text = ANY(${[...activeStatuses]}::text[])
    ),
    flagged AS (
      UPDATE "Claim" SET "hasConflict" = true
      WHERE NOT EXISTS (SELECT 1 FROM active WHERE own)
        AND id IN (SELECT id FROM active WHERE NOT own UNION ALL SELECT ${claimId} WHERE EXISTS (SELECT 1 FROM active WHERE NOT own))
      RETURNING id
    ) ${writes.length > 0 ? Prisma.join(writes, " ") : Prisma.empty}
    SELECT EXISTS (SELECT 1 FROM active WHERE own) AS "ownDuplicate", EXISTS (SELECT 1 FROM flagged) AS "hasConflict"`;
  return row;
}

/** The SQL condition "the organisation does not already claim an item", for `flagConflicts`'s writes. */
export const NO_OWN_DUPLICATE = Prisma.sql`NOT EXISTS (SELECT 1 FROM active WHERE own)`;
