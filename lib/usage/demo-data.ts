// The demo tenants' usage, seeded with the reference data: Northwind's every Modern Work and Security
// workload and each of its subscriptions for the last 12 months, Tailspin's subscription for the 12 months
// up to its end. Each figure depends only on its item and calendar month (a gentle trend plus a small
// fixed wobble), so seeding again, even months later, rewrites the same numbers.
import { DEMO, demoReferenceData, type ReferenceData } from "../reference/demo-data";
import type { UsageFigureInput } from "./import";
import { addMonths, monthsBetween, startOfMonth } from "./months";
import { USAGE_WINDOW_MONTHS } from "./visibility";

/** Monthly active users of a workload: from `start` toward `ceiling`, closing 3% of the gap each month. */
type WorkloadProfile = { start: number; ceiling: number };
/** A subscription: seats bought in steps of `step` every four months, and the share of them in use growing toward `adoption`. */
type SubscriptionProfile = { seats: number; step: number; adoptionFrom: number; adoption: number };

/** Northwind Traders: about 1,200 people. */
const WORKLOADS: Record<string, WorkloadProfile> = {
  "mws-exchange-online": { start: 1080, ceiling: 1190 },
  "mws-sharepoint-online": { start: 820, ceiling: 1100 },
  "mws-onedrive": { start: 900, ceiling: 1150 },
  "mws-microsoft-teams": { start: 960, ceiling: 1180 },
  "mws-microsoft-intune": { start: 610, ceiling: 1050 },
  "mws-microsoft-entra-id-p1-p2": { start: 1100, ceiling: 1200 },
  "mws-microsoft-defender-for-endpoint": { start: 540, ceiling: 1000 },
  "mws-microsoft-defender-for-office-365": { start: 980, ceiling: 1180 },
  "mws-microsoft-purview": { start: 230, ceiling: 700 },
  "mws-microsoft-365-copilot": { start: 40, ceiling: 600 },
  "mws-windows-365": { start: 25, ceiling: 160 },
};
const DEFAULT_WORKLOAD: WorkloadProfile = { start: 300, ceiling: 800 };

const SUBSCRIPTIONS: Record<string, SubscriptionProfile> = {
  [DEMO.subscriptions.northwindSales]: { seats: 110, step: 10, adoptionFrom: 0.74, adoption: 0.92 },
  [DEMO.subscriptions.northwindPowerApps]: { seats: 250, step: 25, adoptionFrom: 0.55, adoption: 0.82 },
  [DEMO.subscriptions.northwindCustomerServiceCsp]: { seats: 60, step: 5, adoptionFrom: 0.8, adoption: 0.9 },
  [DEMO.subscriptions.tailspinBusinessCentralExpired]: { seats: 25, step: 0, adoptionFrom: 0.84, adoption: 0.88 },
};
const DEFAULT_SUBSCRIPTION: SubscriptionProfile = { seats: 50, step: 5, adoptionFrom: 0.7, adoption: 0.85 };

/** Months since January 2024: the trend's clock, the same whenever the seed runs. */
const age = (month: Date) => (month.getUTCFullYear() - 2024) * 12 + month.getUTCMonth();
/** The share of the way from start to ceiling after `months`. */
const progress = (months: number) => 1 - 0.97 ** Math.max(0, months);

/** A fixed wobble of at most ±`spread` for an item's month (FNV-1a of both: no randomness). */
function wobble(key: string, month: Date, spread: number): number {
  let hash = 0x811c9dc5;
  for (const ch of `${key}:${month.toISOString().slice(0, 7)}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return ((hash % 2001) / 1000 - 1) * spread;
}

function workloadFigure(tenantId: string, workloadId: string, month: Date): UsageFigureInput {
  const { start, ceiling } = WORKLOADS[workloadId] ?? DEFAULT_WORKLOAD;
  const trend = start + (ceiling - start) * progress(age(month));
  const activeUsers = Math.round(Math.min(ceiling, trend * (1 + wobble(workloadId, month, 0.02))));
  return { tenantId, workloadId, subscriptionId: null, month, activeUsers, licensedSeats: null };
}

function subscriptionFigure(tenantId: string, subscriptionId: string, month: Date): UsageFigureInput {
  const { seats, step, adoptionFrom, adoption } = SUBSCRIPTIONS[subscriptionId] ?? DEFAULT_SUBSCRIPTION;
  const licensedSeats = seats + step * Math.floor(age(month) / 4);
  const share = adoptionFrom + (adoption - adoptionFrom) * progress(age(month)) + wobble(subscriptionId, month, 0.03);
  return { tenantId, workloadId: null, subscriptionId, month, activeUsers: Math.min(licensedSeats, Math.round(licensedSeats * share)), licensedSeats };
}

/** The 12 months up to `last`'s. */
const yearTo = (last: Date) => monthsBetween(addMonths(startOfMonth(last), 1 - USAGE_WINDOW_MONTHS), last);

/** The demo usage as of `now`: a subscription's figures stop with the month it ends. */
export function demoUsageFigures(now = new Date(), reference: ReferenceData = demoReferenceData(now)): UsageFigureInput[] {
  const workloads = reference.workloads.filter((w) => w.solutionArea === "MODERN_WORK_SECURITY");
  const workloadFigures = workloads.flatMap((w) => yearTo(now).map((month) => workloadFigure(DEMO.tenants.northwind, w.id, month)));
  const subscriptionFigures = reference.tenants.flatMap((tenant) =>
    tenant.subscriptions.flatMap((s) => yearTo(new Date(Math.min(now.getTime(), s.endsAt.getTime()))).map((month) => subscriptionFigure(tenant.id, s.id, month))),
  );
  return [...workloadFigures, ...subscriptionFigures];
}
