// The reviewers' dashboard: claims by status, how many claims are past their status timer now, and
// the median time from submission to the first decision.
//
// At a million claims it reads no more than a few rows per figure: the counts by status are the sums
// of the change rows a trigger keeps (lib/review/status-counts.ts), exact; the overdue counts are a
// status's count minus its claims not yet due (those entered the status since the cutoff, a short
// index range); the median reads every decision event, so the dashboard-figures job computes it every
// ten minutes (lib/jobs/queue.ts) and the dashboard shows it with the moment it was computed.
import { Prisma } from "../generated/prisma/client";
import type { ClaimStatus } from "../generated/prisma/enums";
import { sqlList, type Tx } from "../db-client";
import { awaitingStatuses, overdueCutoff, reviewStatuses } from "../claims/vocabulary";
import { isReviewerTimed } from "./queue";
import { compactStatusCounts, statusCounts } from "./status-counts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The decisions that end a review: the first one after submission counts. */
const decisions: ClaimStatus[] = ["APPROVED", "REJECTED", "PARTNER_ACTION_REQUIRED"];
/** The median's window: the decisions of the last 90 days. */
export const DECISION_WINDOW_DAYS = 90;
const MEDIAN_FIGURE = "median-days-to-decision";

export type Dashboard = {
  byStatus: { status: ClaimStatus; count: number }[];
  overdue: { status: ClaimStatus; count: number }[];
  /** Over the decisions of the last `windowDays` days; null when there were none. */
  medianDaysToDecision: number | null;
  decided: number;
  windowDays: number;
  /** When the median was computed (the counts are exact now). */
  medianAsOf: Date;
};

/**
 * The median time to a first decision over the window ending `now`, written to DashboardFigure (the
 * dashboard-figures job, every ten minutes). Also folds the status counts' change rows. Returns the
 * number of decisions it covered.
 */
export async function computeDashboardFigures(client: Tx, now: Date = new Date(), windowDays = DECISION_WINDOW_DAYS): Promise<number> {
  const since = new Date(now.getTime() - windowDays * DAY_MS);
  // Each claim's first reviewer decision ever, counted when it fell within the window.
  const [median] = await client.$queryRaw<{ days: number | null; decided: number }[]>`
    SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first.at - c."submittedAt")) / 86400)::float8 AS days, count(*)::int AS decided
    FROM (
      SELECT e."claimId", min(e.at) AS at FROM "ClaimEvent" e JOIN "User" u ON u.id = e."actorUserId" AND u.role = 'REVIEWER'
      WHERE e."fromStatus" = 'UNDER_REVIEW' AND e."toStatus"::text = ANY(${decisions}::text[])
      GROUP BY e."claimId"
    ) first JOIN "Claim" c ON c.id = first."claimId" AND c."submittedAt" IS NOT NULL
    WHERE first.at >= ${since}::timestamp AND first.at <= ${now}::timestamp`;
  const figure = { computedAt: now, windowDays, medianDays: median?.days ?? null, decided: median?.decided ?? 0 };
  await client.dashboardFigure.upsert({ where: { id: MEDIAN_FIGURE }, create: { id: MEDIAN_FIGURE, ...figure }, update: figure });
  await compactStatusCounts(client);
  return figure.decided;
}

/**
 * Claims per timed status whose timer ran out before `now`: the status's count minus the claims not yet
 * due (entered since the status's cutoff: one short range of the awaiting partial index), in one
 * statement so both read the same moment.
 */
async function overdueCounts(client: Tx, now: Date) {
  const timed = reviewStatuses.filter(isReviewerTimed);
  const [row] = await client.$queryRaw<Record<string, number>[]>(
    Prisma.sql`SELECT ${Prisma.join(
      timed.map(
        (s) => {
          const inStatus = Prisma.sql`FROM "Claim" WHERE status = ${Prisma.raw(`'${s}'`)} AND status IN (${sqlList(awaitingStatuses)}) AND "deletedAt" IS NULL`;
          // Two ranges (an OR would read the whole status): since the cutoff, and without a moment (never overdue).
          return Prisma.sql`((SELECT coalesce(sum(delta), 0) FROM "ClaimStatusCount" WHERE status = ${Prisma.raw(`'${s}'`)})
            - (SELECT count(*) ${inStatus} AND "statusChangedAt" >= ${overdueCutoff(s, now)!}::timestamp)
            - (SELECT count(*) ${inStatus} AND "statusChangedAt" IS NULL))::int AS ${Prisma.raw(`"${s}"`)}`;
        },
      ),
      ", ",
    )}`,
  );
  return timed.map((status) => ({ status, count: row[status] }));
}

/** The dashboard as of `now` (the benchmark reads it through its own client; the page through lib/review/dashboard-page.ts). */
export async function readDashboard(client: Tx, now: Date = new Date()): Promise<Dashboard> {
  const [counts, overdue, figure] = await Promise.all([statusCounts(client), overdueCounts(client, now), client.dashboardFigure.findUnique({ where: { id: MEDIAN_FIGURE } })]);
  // Before the job's first run (a new database), the figure is computed once here.
  const median = figure ?? (await computeDashboardFigures(client, now), await client.dashboardFigure.findUniqueOrThrow({ where: { id: MEDIAN_FIGURE } }));
  return {
    byStatus: reviewStatuses.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    overdue,
    medianDaysToDecision: median.medianDays,
    decided: median.decided,
    windowDays: median.windowDays,
    medianAsOf: median.computedAt,
  };
}
