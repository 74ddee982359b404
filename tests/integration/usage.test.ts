// Usage data on the real database: the import (a good file twice gives the same rows, a bad file lists its
// errors by row and writes nothing, the command line), the seed's demo figures, and who sees which months
// at every boundary of an association: before approval, while it stands, after the customer's decline,
// after another partner's claim displaces it, after its subscription ends; another organisation never.
// Associations are approved the real way, then dated back ("approved in June, declined in September"):
// the months in between are what the rule is about.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);
vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);

import type { PartnerViewer, ReviewerViewer } from "@/lib/auth/session";
import { claimPageView } from "@/lib/claims/claim-page";
import { endExpiredAssociations } from "@/lib/claims/associations";
import { recordCustomerResponse, runTransition } from "@/lib/claims/lifecycle";
import type { Actor } from "@/lib/claims/vocabulary";
import { db } from "@/lib/db";
import type { PartnerRole } from "@/lib/generated/prisma/enums";
import { DEMO } from "@/lib/reference/demo-data";
import { reviewPageView } from "@/lib/review/review-page";
import { demoUsageFigures } from "@/lib/usage/demo-data";
import { importUsageFile, saveUsageFigures } from "@/lib/usage/import";
import { addMonths, monthKey, startOfMonth } from "@/lib/usage/months";
import { visibleUsage } from "@/lib/usage/visibility";
import { claimFactory } from "../support/factories";
import { loadPartnerViewer, loadViewerByEmail } from "../support/viewers";

const NOW = new Date();
const DAY = 86_400_000;
const REQUEST = { ip: "203.0.113.7", userAgent: "Vitest usage/1.0" };
const HEADER = "tenant_id,workload_id,subscription_id,month,active_users,licensed_seats";

/** The first day of the month `ago` months before this one, and a moment inside it. */
const month = (ago: number) => addMonths(startOfMonth(NOW), -ago);
const during = (ago: number) => new Date(month(ago).getTime() + 9 * DAY + 3_600_000);
/** "YYYY-MM" of the months from `from` to `to` months ago, oldest first. */
const monthsAgo = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => monthKey(month(from - i)));

/**
 * Whether the database takes more than one connection (the embedded PGlite server takes one, this file's
 * client holds it: the command line's own connection is then tested only on the machine's PostgreSQL).
 */
const concurrentSessions = Number(process.env.DATABASE_POOL_MAX ?? 10) > 1;

/**
 * A statement the database refuses, naming the constraint. The embedded server ends the session after a
 * failed statement: one query afterwards meets the closed connection, and the pool opens a new one.
 */
async function expectRefused(statement: Promise<unknown>, constraint: RegExp) {
  await expect(statement).rejects.toThrow(constraint);
  await db.$queryRaw`SELECT 1`.catch(() => undefined);
}

let contoso: PartnerViewer;
let fabrikam: PartnerViewer;
let reviewer: ReviewerViewer;
let reviewerActor: Actor;
const claims = claimFactory(db, { prefix: "Usage" });
/** A tenant of this file's own, with a subscription that stands and one that ended two months ago. */
const tenant = { id: randomUUID(), standing: randomUUID(), ended: randomUUID() };
/** The Modern Work and Security tenants this file imported figures for. */
const tenants: string[] = [];

beforeAll(async () => {
  contoso = await loadPartnerViewer(db, DEMO.users.contosoAdmin);
  fabrikam = await loadPartnerViewer(db, DEMO.users.fabrikamAdmin);
  reviewer = (await loadViewerByEmail(db, DEMO.users.reviewer)) as ReviewerViewer;
  reviewerActor = { kind: "reviewer", userId: reviewer.id };
  await db.tenant.create({
    data: {
      id: tenant.id,
      name: "Usage test tenant",
      subscriptions: {
        create: [
          { id: tenant.standing, workloadId: "ba-dynamics-365-sales", channel: "VOLUME_LICENSING", endsAt: new Date(NOW.getTime() + 300 * DAY) },
          { id: tenant.ended, workloadId: "ba-dynamics-365-business-central", channel: "WEB_DIRECT", endsAt: new Date(during(2).getTime() + 5 * DAY) },
        ],
      },
    },
  });
});

// Leave the database as the seed made it: the claims (their associations by cascade), then the tenant
// (its subscriptions and their figures by cascade), and every figure of this file's tenants.
afterAll(async () => {
  await claims.cleanup();
  await db.usageFigure.deleteMany({ where: { tenantId: { in: [...tenants, tenant.id] } } });
  await db.tenant.delete({ where: { id: tenant.id } });
  await db.$disconnect();
});

/** A new Modern Work and Security tenant with figures for Teams and Intune for the last 12 months (Teams: 1000 + months since the first). */
async function tenantWithUsage() {
  const id = randomUUID();
  tenants.push(id);
  const rows = monthsAgo(11, 0).flatMap((m, i) => [`${id},mws-microsoft-teams,,${m},${1000 + i},`, `${id},mws-microsoft-intune,,${m},${500 + i},`]);
  expect(await importUsageFile(db, [HEADER, ...rows].join("\n"))).toMatchObject({ ok: true, counts: { added: 24 } });
  return id;
}

const org = (viewer: PartnerViewer) => ({ organizationId: viewer.organization.id, partnerId: viewer.organization.locations[0].partnerId, createdById: viewer.id });

async function approvedClaim(viewer: PartnerViewer, spec: { tenantId: string; workloadIds?: string[]; subscriptionIds?: string[]; partnerRole?: PartnerRole; poeAcknowledgedOn?: Date; since: Date }) {
  const { since, ...rest } = spec;
  const claimId = await claims.makeClaim({ ...org(viewer), ...rest, status: "UNDER_REVIEW" });
  expect(await runTransition(db, { claimId, from: "UNDER_REVIEW", to: "APPROVED", actor: reviewerActor, ...REQUEST })).toEqual({ ok: true, from: "UNDER_REVIEW" });
  await dateAssociations(claimId, { startedAt: since });
  return claimId;
}

/** Dates a claim's associations back, as if what happened to them had happened then. */
const dateAssociations = (claimId: string, dates: { startedAt?: Date; endedAt?: Date }) => db.association.updateMany({ where: { claimId }, data: dates });

/** What `viewer` sees on the claim: per workload or subscription, the months with a figure. */
async function seen(viewer: PartnerViewer | ReviewerViewer, claimId: string) {
  const usage = await visibleUsage(db, viewer, claimId, NOW);
  return Object.fromEntries(usage.items.map(({ item, figures }) => [item.workloadId ?? item.subscriptionId, figures.map((f) => monthKey(f.month))]));
}

describe("the import", () => {
  const figureRows = (tenantId: string) => db.usageFigure.findMany({ where: { tenantId }, orderBy: [{ workloadId: "asc" }, { subscriptionId: "asc" }, { month: "asc" }] });

  it("a good file imported twice gives the same rows; a changed figure is updated, the rest left alone", async () => {
    const tenantId = randomUUID();
    tenants.push(tenantId);
    const file = (teams: number) =>
      [HEADER, `${tenantId},mws-microsoft-teams,,${monthKey(month(1))},${teams},`, `${tenantId},mws-onedrive,,${monthKey(month(1))},880,`, `${tenantId},mws-onedrive,,${monthKey(month(0))},905,`].join("\r\n");

    const importedAt = new Date();
    expect(await importUsageFile(db, file(1200), { now: importedAt })).toEqual({ ok: true, counts: { added: 3, updated: 0, unchanged: 0 } });
    const first = await figureRows(tenantId);
    expect(first.map((f) => [f.workloadId, monthKey(f.month), f.activeUsers, f.licensedSeats])).toEqual([
      ["mws-microsoft-teams", monthKey(month(1)), 1200, null],
      ["mws-onedrive", monthKey(month(1)), 880, null],
      ["mws-onedrive", monthKey(month(0)), 905, null],
    ]);

    expect(await importUsageFile(db, file(1200))).toEqual({ ok: true, counts: { added: 0, updated: 0, unchanged: 3 } });
    expect(await figureRows(tenantId)).toEqual(first);

    expect(await importUsageFile(db, file(1210), { now: new Date(importedAt.getTime() + 60_000) })).toEqual({ ok: true, counts: { added: 0, updated: 1, unchanged: 2 } });
    const third = await figureRows(tenantId);
    expect(third[0]).toMatchObject({ id: first[0].id, activeUsers: 1210 });
    expect(third[0].importedAt.getTime() - first[0].importedAt.getTime()).toBe(60_000);
    expect(third.slice(1)).toEqual(first.slice(1));
  });

  it("subscription figures carry licensed seats and upsert by subscription and month", async () => {
    const file = [HEADER, `${tenant.id},,${tenant.standing},${monthKey(month(0))},95,120`].join("\n");
    expect(await importUsageFile(db, file)).toEqual({ ok: true, counts: { added: 1, updated: 0, unchanged: 0 } });
    expect(await importUsageFile(db, file)).toEqual({ ok: true, counts: { added: 0, updated: 0, unchanged: 1 } });
    expect(await db.usageFigure.findMany({ where: { subscriptionId: tenant.standing } })).toEqual([
      expect.objectContaining({ tenantId: tenant.id, workloadId: null, month: month(0), activeUsers: 95, licensedSeats: 120 }),
    ]);
  });

  it("a bad file writes nothing and lists every error by row, column and message", async () => {
    const tenantId = randomUUID();
    const before = await db.usageFigure.count();
    const good = `${tenantId},mws-microsoft-teams,,${monthKey(month(1))},1200,`;

    // The fields: the good rows are not written either.
    const fields = await importUsageFile(db, [HEADER, good, `${tenantId},mws-onedrive,,last month,12,`, good.replace("1200", "1300")].join("\n"));
    expect(fields).toEqual({
      ok: false,
      errors: [
        { row: 3, field: "month", message: "must be a month written YYYY-MM" },
        { row: 4, field: "month", message: "repeats the figure of row 2 (same tenant, workload and month)" },
      ],
    });

    // What the reference data does not know, found only once every field is right.
    const references = await importUsageFile(
      db,
      [
        HEADER,
        good,
        `${tenantId},mws-unknown,,${monthKey(month(1))},12,`,
        `${tenantId},ba-power-apps,,${monthKey(month(1))},12,`,
        `${tenantId},,${randomUUID()},${monthKey(month(1))},12,20`,
        `${tenantId},,${DEMO.subscriptions.northwindSales},${monthKey(month(1))},12,20`,
      ].join("\n"),
    );
    expect(references).toEqual({
      ok: false,
      errors: [
        { row: 3, field: "workload_id", message: "is not a workload of the catalog" },
        { row: 4, field: "workload_id", message: "is a Business Applications product: its usage is per subscription (subscription_id)" },
        { row: 5, field: "subscription_id", message: "is not a known subscription" },
        { row: 6, field: "tenant_id", message: `is not the subscription's tenant (${DEMO.tenants.northwind})` },
      ],
    });
    expect(await db.usageFigure.count()).toBe(before);
    expect(await db.usageFigure.count({ where: { tenantId } })).toBe(0);
  });

  it("the database holds the rules too: one item per figure, one figure per natural key, months on their first day", async () => {
    const tenantId = randomUUID();
    tenants.push(tenantId);
    const figure = { tenantId, month: month(1), activeUsers: 1 };
    await expectRefused(db.usageFigure.create({ data: { ...figure } }), /UsageFigure_item_check/);
    await expectRefused(db.usageFigure.create({ data: { ...figure, workloadId: "mws-onedrive", subscriptionId: tenant.standing } }), /UsageFigure_item_check/);
    await expectRefused(db.usageFigure.create({ data: { ...figure, workloadId: "mws-onedrive", month: new Date(month(1).getTime() + 2 * DAY) } }), /UsageFigure_month_check/);
    await db.usageFigure.create({ data: { ...figure, workloadId: "mws-onedrive" } });
    await expectRefused(db.usageFigure.create({ data: { ...figure, workloadId: "mws-onedrive", activeUsers: 2 } }), /UsageFigure_workload_month_key/);
    const seats = { ...figure, tenantId: tenant.id, subscriptionId: tenant.standing, month: month(3), licensedSeats: 3 };
    await db.usageFigure.create({ data: seats });
    await expectRefused(db.usageFigure.create({ data: { ...seats, licensedSeats: 4 } }), /UsageFigure_subscription_month_key/);
  });

  it.skipIf(!concurrentSessions)("the command prints the errors by row and exits 1 on a bad file, and the counts on a good one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "usage-import-"));
    const tenantId = randomUUID();
    tenants.push(tenantId);
    try {
      const bad = path.join(dir, "bad.csv");
      const good = path.join(dir, "good.csv");
      await writeFile(bad, [HEADER, `${tenantId},mws-onedrive,,${monthKey(month(0))},-1,`].join("\n"));
      await writeFile(good, [HEADER, `${tenantId},mws-onedrive,,${monthKey(month(0))},42,`].join("\n"));
      const command = (file: string) => promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["scripts/usage-import.ts", file], { env: process.env });

      const failed = await command(bad).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed).toMatchObject({ code: 1 });
      expect(failed!.stderr).toContain("nothing imported, 1 error:");
      expect(failed!.stderr).toContain("row 2, active_users: must be a whole number, 0 or more");
      expect(await db.usageFigure.count({ where: { tenantId } })).toBe(0);

      const { stdout } = await command(good);
      expect(stdout).toContain("1 figures: 1 added, 0 updated, 0 unchanged.");
      expect(await db.usageFigure.findMany({ where: { tenantId }, select: { activeUsers: true } })).toEqual([{ activeUsers: 42 }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the demo usage of the seed", () => {
  it("has Northwind's workloads for the last 12 months and its subscriptions, and seeding again changes nothing", async () => {
    const northwind = await db.usageFigure.findMany({ where: { tenantId: DEMO.tenants.northwind, workloadId: { not: null } }, select: { month: true } });
    expect(northwind).toHaveLength(11 * 12);
    expect(new Set(northwind.map((f) => monthKey(f.month)))).toEqual(new Set(monthsAgo(11, 0)));
    expect(await db.usageFigure.count({ where: { subscriptionId: DEMO.subscriptions.northwindSales } })).toBe(12);
    const tailspin = await db.usageFigure.findMany({ where: { subscriptionId: DEMO.subscriptions.tailspinBusinessCentralExpired }, orderBy: { month: "desc" }, take: 1 });
    expect(monthKey(tailspin[0].month)).toBe(monthsAgo(2, 2)[0]);

    const counts = await db.$transaction((tx) => saveUsageFigures(tx, demoUsageFigures()));
    expect(counts).toMatchObject({ added: 0, updated: 0 });
  });
});

describe("who sees which months", () => {
  it("before approval: nothing; the partner's page says usage comes with the approval, a Draft's says nothing", async () => {
    const tenantId = await tenantWithUsage();
    const pending = await claims.makeClaim({ ...org(contoso), tenantId, status: "UNDER_REVIEW" });
    expect(await visibleUsage(db, contoso, pending, NOW)).toEqual({ associated: false, items: [] });
    expect((await claimPageView(contoso, pending))!.usage).toEqual({ associated: false, awaitingApproval: true, items: [] });
    expect((await reviewPageView(reviewer, pending))!.usage).toEqual({ associated: false, awaitingApproval: false, items: [] });

    const draft = await claims.makeClaim({ ...org(contoso), tenantId, status: "DRAFT" });
    expect((await claimPageView(contoso, draft))!.usage).toEqual({ associated: false, awaitingApproval: false, items: [] });
  });

  it("while it stands: the months since it started, to the holder and the reviewer; another organisation sees nothing", async () => {
    const tenantId = await tenantWithUsage();
    const claimId = await approvedClaim(contoso, { tenantId, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"], since: during(4) });

    const expected = { "mws-microsoft-teams": monthsAgo(4, 0), "mws-microsoft-intune": monthsAgo(4, 0) };
    expect(await seen(contoso, claimId)).toEqual(expected);
    expect(await seen(reviewer, claimId)).toEqual(expected);
    expect(await seen(fabrikam, claimId)).toEqual({});
    expect(await visibleUsage(db, fabrikam, claimId, NOW)).toEqual({ associated: false, items: [] });
    expect(await claimPageView(fabrikam, claimId)).toBeNull();

    // The pages: in the claim's order, every visible month with its figures (Teams: 1000 + months since the file's first).
    const page = (await claimPageView(contoso, claimId))!.usage;
    expect(page).toMatchObject({ associated: true, awaitingApproval: false });
    expect(page.items.map((i) => i.name)).toEqual(["Microsoft Teams", "Microsoft Intune"]);
    expect(page.items[0].months).toEqual(monthsAgo(4, 0).map((m, i) => ({ month: m, activeUsers: 1007 + i, licensedSeats: null })));
    expect((await reviewPageView(reviewer, claimId))!.usage).toEqual(page);
  });

  it("a month without a figure is listed as not reported", async () => {
    const tenantId = await tenantWithUsage();
    await db.usageFigure.deleteMany({ where: { tenantId, workloadId: "mws-microsoft-teams", month: month(1) } });
    const claimId = await approvedClaim(contoso, { tenantId, workloadIds: ["mws-microsoft-teams"], since: during(2) });
    expect((await claimPageView(contoso, claimId))!.usage.items[0].months).toEqual([
      { month: monthKey(month(2)), activeUsers: 1009, licensedSeats: null },
      { month: monthKey(month(1)), activeUsers: null, licensedSeats: null },
      { month: monthKey(month(0)), activeUsers: 1011, licensedSeats: null },
    ]);
  });

  it("after the customer declines: only the months the association stood", async () => {
    const tenantId = await tenantWithUsage();
    const claimId = await approvedClaim(contoso, { tenantId, workloadIds: ["mws-microsoft-teams"], since: during(6) });
    const declined = await db.$transaction((tx) => recordCustomerResponse(tx, { claimId, response: "DECLINED", email: "nancy@northwind.example", ...REQUEST }));
    expect(declined).toEqual({ ok: true, status: "REJECTED" });
    expect(await seen(contoso, claimId)).toEqual({ "mws-microsoft-teams": monthsAgo(6, 0) });

    await dateAssociations(claimId, { endedAt: during(2) });
    expect(await seen(contoso, claimId)).toEqual({ "mws-microsoft-teams": monthsAgo(6, 2) });
    expect(await seen(reviewer, claimId)).toEqual({ "mws-microsoft-teams": monthsAgo(6, 2) });
    expect((await claimPageView(contoso, claimId))!.usage).toMatchObject({ associated: true, awaitingApproval: false });
  });

  it("after another partner's claim displaces it: the old holder up to the end, the new holder from its start, neither the other's", async () => {
    const tenantId = await tenantWithUsage();
    const holder = await approvedClaim(contoso, { tenantId, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"], poeAcknowledgedOn: new Date(NOW.getTime() - 60 * DAY), since: during(8) });
    const newer = await approvedClaim(fabrikam, { tenantId, workloadIds: ["mws-microsoft-teams"], poeAcknowledgedOn: new Date(NOW.getTime() - 5 * DAY), since: during(3) });
    expect(await db.claim.findUniqueOrThrow({ where: { id: holder } })).toMatchObject({ status: "REJECTED", statusReasonCode: "CONFLICT_WON_BY_OTHER_PARTNER" });
    await dateAssociations(holder, { endedAt: during(3) });

    expect(await seen(contoso, holder)).toEqual({ "mws-microsoft-teams": monthsAgo(8, 3), "mws-microsoft-intune": monthsAgo(8, 3) });
    expect(await seen(fabrikam, newer)).toEqual({ "mws-microsoft-teams": monthsAgo(3, 0) });
    expect(await seen(fabrikam, holder)).toEqual({});
    expect(await seen(contoso, newer)).toEqual({});
    expect(await claimPageView(contoso, newer)).toBeNull();
  });

  it("a subscription's association: until the subscription ended, before and after the job records it", async () => {
    const rows = monthsAgo(11, 0).map((m, i) => `${tenant.id},,${tenant.ended},${m},${20 + (i % 3)},25`);
    expect(await importUsageFile(db, [HEADER, ...rows].join("\n"))).toMatchObject({ ok: true });
    const claimId = await approvedClaim(contoso, { tenantId: tenant.id, subscriptionIds: [tenant.ended], partnerRole: "USAGE_RECOGNITION", since: during(7) });

    expect(await seen(contoso, claimId)).toEqual({ [tenant.ended]: monthsAgo(7, 2) });
    await endExpiredAssociations(db, { now: NOW });
    expect(await db.association.findFirstOrThrow({ where: { claimId } })).toMatchObject({ endReason: "SUBSCRIPTION_ENDED" });
    expect(await seen(contoso, claimId)).toEqual({ [tenant.ended]: monthsAgo(7, 2) });
    expect(await seen(reviewer, claimId)).toEqual({ [tenant.ended]: monthsAgo(7, 2) });
    expect(await seen(fabrikam, claimId)).toEqual({});

    const page = (await claimPageView(contoso, claimId))!.usage;
    expect(page.items).toEqual([{ name: "Dynamics 365 Business Central", subscriptionId: tenant.ended, months: monthsAgo(7, 2).map((m) => ({ month: m, activeUsers: expect.any(Number), licensedSeats: 25 })) }]);
  });
});
