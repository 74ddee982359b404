// The reviewers' dashboard: claims by status, the median time from submission to the first decision,
// and how many claims are past their status timer now.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { ClaimStatus } from "../generated/prisma/enums";
import { db } from "../db";
import { overdueCutoff } from "../claims/vocabulary";
import { reviewStatuses } from "../claims/vocabulary";
import { isReviewerTimed } from "./queue";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The decisions that end a review: the first one after submission counts. */
const decisions: ClaimStatus[] = ["APPROVED", "REJECTED", "PARTNER_ACTION_REQUIRED"];

export type Dashboard = {
  byStatus: { status: ClaimStatus; count: number }[];
  overdue: { status: ClaimStatus; count: number }[];
  /** Over the decisions of the last `windowDays` days; null when there were none. */
  medianDaysToDecision: number | null;
  decided: number;
  windowDays: number;
};

export async function loadDashboard(now: Date = new Date(), windowDays = 90): Promise<Dashboard> {
  const timed = reviewStatuses.filter(isReviewerTimed);
  const since = new Date(now.getTime() - windowDays * DAY_MS);
  const [byStatus, overdue, [median]] = await Promise.all([
    db.$queryRaw<{ status: ClaimStatus; count: number }[]>`
      SELECT status, count(*)::int AS count FROM "Claim" WHERE "deletedAt" IS NULL AND status <> 'DRAFT' GROUP BY status`,
    // One index range per timed status: (status, statusChangedAt) before the status's cutoff.
    db.$queryRaw<{ status: ClaimStatus; count: number }[]>(
      Prisma.sql`${Prisma.join(
        timed.map(
          (s) => Prisma.sql`SELECT ${s}::text AS status, count(*)::int AS count FROM "Claim"
            WHERE status = ${Prisma.raw(`'${s}'`)} AND "deletedAt" IS NULL AND "statusChangedAt" < ${overdueCutoff(s, now)!}::timestamp`,
        ),
        " UNION ALL ",
      )}`,
    ),
    // Each claim's first reviewer decision ever, counted when it fell within the window.
    db.$queryRaw<{ days: number | null; decided: number }[]>`
      SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first.at - c."submittedAt")) / 86400)::float8 AS days, count(*)::int AS decided
      FROM (
        SELECT e."claimId", min(e.at) AS at FROM "ClaimEvent" e JOIN "User" u ON u.id = e."actorUserId" AND u.role = 'REVIEWER'
        WHERE e."fromStatus" = 'UNDER_REVIEW' AND e."toStatus"::text = ANY(${decisions}::text[])
        GROUP BY e."claimId"
      ) first JOIN "Claim" c ON c.id = first."claimId" AND c."submittedAt" IS NOT NULL
      WHERE first.at >= ${since}::timestamp`,
  ]);
  const countOf = (rows: { status: ClaimStatus; count: number }[], status: ClaimStatus) => rows.find((r) => r.status === status)?.count ?? 0;
  return {
    byStatus: reviewStatuses.map((status) => ({ status, count: countOf(byStatus, status) })),
    overdue: timed.map((status) => ({ status, count: countOf(overdue, status) })),
    medianDaysToDecision: median?.days ?? null,
    decided: median?.decided ?? 0,
    windowDays,
  };
}
