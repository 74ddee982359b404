// Claims by status, as the database keeps them: a trigger on Claim (the review_queue_dashboard
// migration) appends a change row (-1 for the old status, +1 for the new) whenever a submitted, not
// deleted claim is inserted, changes status, is soft-deleted or restored, or is deleted, in the same
// transaction as the change. The sum per status is therefore exact at any moment, for every
// transaction's own view, without reading Claim. `compactStatusCounts` folds the rows into one per
// status (the dashboard-figures job), so the sum stays a read of a few rows.
import { Prisma } from "../generated/prisma/client";
import type { ClaimStatus } from "../generated/prisma/enums";
import { sqlList, type Tx } from "../db-client";

/** Submitted, not deleted claims per status (statuses without claims are absent). */
export async function statusCounts(client: Tx): Promise<Map<ClaimStatus, number>> {
  const rows = await client.$queryRaw<{ status: ClaimStatus; count: number }[]>`
    SELECT status, sum(delta)::int AS count FROM "ClaimStatusCount" GROUP BY status`;
  return new Map(rows.map((r) => [r.status, r.count]));
}

/** Submitted, not deleted claims in any of `statuses`. */
export async function countByStatuses(client: Tx, statuses: readonly ClaimStatus[]): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number }[]>(
    Prisma.sql`SELECT coalesce(sum(delta), 0)::int AS n FROM "ClaimStatusCount" WHERE status IN (${sqlList(statuses)})`,
  );
  return row.n;
}

/**
 * Folds the change rows into one per status, in one statement: the rows it deletes are those its
 * snapshot sees, and their sums go back in the same statement, so changes committed meanwhile (and
 * a compaction running at the same time) are neither lost nor counted twice. Returns the rows folded.
 */
export async function compactStatusCounts(client: Tx): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number }[]>`
    WITH gone AS (DELETE FROM "ClaimStatusCount" RETURNING status, delta),
    kept AS (INSERT INTO "ClaimStatusCount" (status, delta) SELECT status, sum(delta)::int FROM gone GROUP BY status HAVING sum(delta) <> 0 RETURNING 1)
    SELECT (SELECT count(*) FROM gone)::int AS n`;
  return row.n;
}
