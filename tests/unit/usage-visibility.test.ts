// The months an association lets its holder see (lib/usage/visibility.ts), at each boundary, and who may
// look at all; and the demo figures (lib/usage/demo-data.ts): deterministic, plausible, gently trending.
import { describe, expect, it } from "vitest";
import { DEMO, demoReferenceData } from "@/lib/reference/demo-data";
import { demoUsageFigures } from "@/lib/usage/demo-data";
import { monthKey } from "@/lib/usage/months";
import { associationsVisibleTo, standingMonths, visibleItems, type AssociationSpan } from "@/lib/usage/visibility";

const NOW = new Date(Date.UTC(2026, 10, 20, 9));
const at = (year: number, month: number, day = 10) => new Date(Date.UTC(year, month - 1, day, 12));
const span = (fields: Partial<AssociationSpan>): AssociationSpan => ({ tenantId: DEMO.tenants.northwind, workloadId: "mws-microsoft-teams", subscriptionId: null, startedAt: at(2026, 6), endsAt: null, endedAt: null, ...fields });
const keys = (months: Date[]) => months.map(monthKey);

describe("standingMonths", () => {
  it("while it stands: from the month it started to this month", () => {
    expect(keys(standingMonths(span({ startedAt: at(2026, 9, 30) }), NOW))).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(keys(standingMonths(span({ startedAt: NOW }), NOW))).toEqual(["2026-11"]);
  });

  it("no further back than the last 12 months", () => {
    expect(keys(standingMonths(span({ startedAt: at(2023, 1) }), NOW))).toEqual(["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
  });

  it("once ended (declined, displaced, disassociated): up to the month it ended, that month included", () => {
    expect(keys(standingMonths(span({ startedAt: at(2026, 6), endedAt: at(2026, 8, 1) }), NOW))).toEqual(["2026-06", "2026-07", "2026-08"]);
  });

  it("a subscription's association: up to its end date, even before the job records the end", () => {
    expect(keys(standingMonths(span({ workloadId: null, subscriptionId: DEMO.subscriptions.northwindSales, startedAt: at(2026, 7), endsAt: at(2026, 9, 3) }), NOW))).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(keys(standingMonths(span({ startedAt: at(2026, 10), endsAt: at(2027, 3) }), NOW))).toEqual(["2026-10", "2026-11"]);
  });

  it("none when it ended before the window", () => {
    expect(standingMonths(span({ startedAt: at(2024, 1), endedAt: at(2025, 2) }), NOW)).toEqual([]);
  });
});

describe("visibleItems", () => {
  it("joins the months of a claim's associations on the same item (approved again after a rejection)", () => {
    const items = visibleItems(
      [
        span({ startedAt: at(2026, 3), endedAt: at(2026, 4) }),
        span({ startedAt: at(2026, 9), endedAt: null }),
        span({ workloadId: "mws-onedrive", startedAt: at(2026, 10) }),
      ],
      NOW,
    );
    expect(items.map((i) => [i.item.workloadId, keys(i.months)])).toEqual([
      ["mws-microsoft-teams", ["2026-03", "2026-04", "2026-09", "2026-10", "2026-11"]],
      ["mws-onedrive", ["2026-10", "2026-11"]],
    ]);
  });
});

describe("associationsVisibleTo", () => {
  const organization = { id: "org-contoso", name: "Contoso", locations: [] };
  it("scopes a partner to its own organisation's claims, a reviewer to claims past Draft, anyone else to nothing", () => {
    expect(associationsVisibleTo({ role: "INCENTIVE_ADMIN", organization }, "c1")).toEqual({ claimId: "c1", claim: { organizationId: "org-contoso", deletedAt: null } });
    expect(associationsVisibleTo({ role: "REVIEWER", organization: null }, "c1")).toEqual({ claimId: "c1", claim: { deletedAt: null, status: { not: "DRAFT" } } });
    expect(associationsVisibleTo({ role: "INCENTIVE_ADMIN", organization: null }, "c1")).toEqual({ id: { in: [] } });
  });
});

describe("demo usage", () => {
  const figures = demoUsageFigures(NOW);
  const series = (key: { workloadId?: string; subscriptionId?: string }) =>
    figures.filter((f) => (key.workloadId ? f.workloadId === key.workloadId : f.subscriptionId === key.subscriptionId)).sort((a, b) => a.month.getTime() - b.month.getTime());

  it("covers Northwind's 11 workloads and each of its subscriptions for 12 months, and Tailspin's subscription up to its end", () => {
    expect(figures.filter((f) => f.workloadId)).toHaveLength(11 * 12);
    const lastYear = keys(standingMonths(span({ startedAt: at(2020, 1) }), NOW));
    const northwind = demoReferenceData(NOW).tenants.find((t) => t.id === DEMO.tenants.northwind)!;
    expect(northwind.subscriptions.length).toBeGreaterThanOrEqual(3);
    for (const { id } of northwind.subscriptions) expect(keys(series({ subscriptionId: id }).map((f) => f.month))).toEqual(lastYear);
    const tailspin = series({ subscriptionId: DEMO.subscriptions.tailspinBusinessCentralExpired });
    expect(tailspin).toHaveLength(12);
    expect(monthKey(tailspin.at(-1)!.month)).toBe("2026-09");
  });

  it("is the same for a calendar month whenever it is computed", () => {
    const later = demoUsageFigures(new Date(Date.UTC(2027, 2, 5)));
    const october = (list: typeof figures) => list.filter((f) => monthKey(f.month) === "2026-10" && f.workloadId);
    expect(october(later)).toEqual(october(figures));
  });

  it("is plausible: active users within seats, gently trending", () => {
    for (const f of figures) {
      expect(f.activeUsers).toBeGreaterThan(0);
      if (f.licensedSeats !== null) expect(f.activeUsers).toBeLessThanOrEqual(f.licensedSeats);
    }
    const teams = series({ workloadId: "mws-microsoft-teams" }).map((f) => f.activeUsers);
    expect(teams.at(-1)!).toBeGreaterThan(teams[0]);
    for (let i = 1; i < teams.length; i += 1) expect(Math.abs(teams[i] - teams[i - 1]) / teams[i - 1]).toBeLessThan(0.06);
  });
});
