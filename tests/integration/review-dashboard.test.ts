// The dashboard's claims-by-status counts, kept by a trigger on Claim, against a plain count of the
// claims on the real database: after inserts (Drafts and submitted claims), status changes,
// soft-deletes and restores, deletes, a rolled-back transaction, concurrent transactions and a
// compaction running among them; and the dashboard's figures (overdue, the median as of its job's run).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { isOverdue, reviewStatuses } from "@/lib/claims/vocabulary";
import { DEMO } from "@/lib/reference/demo-data";
import { computeDashboardFigures } from "@/lib/review/dashboard";
import { loadDashboard } from "@/lib/review/dashboard-page";
import { isReviewerTimed } from "@/lib/review/queue";
import { compactStatusCounts, countByStatuses, statusCounts } from "@/lib/review/status-counts";
import { claimFactory } from "../support/factories";

/** Whether the database runs transactions at once (the embedded server has one connection: they queue there). */
const concurrentSessions = Number(process.env.DATABASE_POOL_MAX ?? 10) > 1;

const claims = claimFactory(db, { prefix: "Dashboard" });
let spec: { organizationId: string; partnerId: string; createdById: string };

beforeAll(async () => {
  const contoso = await db.organization.findUniqueOrThrow({ where: { name: "Contoso" }, include: { locations: { orderBy: { partnerId: "asc" } } } });
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin } });
  spec = { organizationId: contoso.id, partnerId: contoso.locations[0].partnerId, createdById: admin.id };
});

afterAll(async () => {
  await claims.cleanup();
  await db.$disconnect();
});

/** Submitted, not deleted claims per status, counted plainly from Claim. */
async function plainCounts() {
  const rows = await db.$queryRaw<{ status: ClaimStatus; n: number }[]>`
    SELECT status, count(*)::int AS n FROM "Claim" WHERE "deletedAt" IS NULL AND status <> 'DRAFT' GROUP BY status`;
  return Object.fromEntries(reviewStatuses.map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0]));
}
async function keptCounts() {
  const kept = await statusCounts(db);
  return Object.fromEntries(reviewStatuses.map((s) => [s, kept.get(s) ?? 0]));
}
const expectExact = async () => expect(await keptCounts()).toEqual(await plainCounts());

describe("claims by status, kept by the trigger", () => {
  it("match a plain count after inserts, status changes, soft-deletes, restores and deletes", async () => {
    await expectExact();
    const before = await plainCounts();
    const draft = await claims.makeClaim({ ...spec, status: "DRAFT" });
    const submitted = await claims.makeClaim({ ...spec, status: "SUBMITTED" });
    const approved = await claims.makeClaim({ ...spec, status: "APPROVED" });
    await expectExact();
    expect((await keptCounts()).SUBMITTED).toBe(before.SUBMITTED + 1);

    // A Draft submitted, a claim taken into review, then decided.
    await db.claim.update({ where: { id: draft }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    await db.claim.update({ where: { id: submitted }, data: { status: "UNDER_REVIEW" } });
    await expectExact();
    await db.claim.update({ where: { id: submitted }, data: { status: "REJECTED" } });
    // An update that leaves the status as it was changes nothing.
    await db.claim.update({ where: { id: approved }, data: { status: "APPROVED", name: "Dashboard renamed" } });
    await expectExact();

    // Soft-deleted, restored, deleted; many at once too.
    await db.claim.update({ where: { id: approved }, data: { deletedAt: new Date() } });
    await expectExact();
    await db.claim.update({ where: { id: approved }, data: { deletedAt: null } });
    await expectExact();
    await db.claim.updateMany({ where: { id: { in: [draft, submitted, approved] } }, data: { status: "APPROVED" } });
    await expectExact();
    await db.claim.deleteMany({ where: { id: { in: [draft, submitted] } } });
    await expectExact();
    expect(await keptCounts()).toEqual({ ...before, APPROVED: before.APPROVED + 1 });
  });

  it("are unchanged by a transaction that rolls back", async () => {
    const id = await claims.makeClaim({ ...spec, status: "SUBMITTED" });
    const before = await keptCounts();
    await expect(
      db.$transaction(async (tx) => {
        await tx.claim.update({ where: { id }, data: { status: "UNDER_REVIEW" } });
        await tx.claim.update({ where: { id }, data: { deletedAt: new Date() } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await expectExact();
    expect((await keptCounts()).UNDER_REVIEW).toBe(before.UNDER_REVIEW);
  });

  it("a transaction sees its own changes in the counts, others see them at its commit", async () => {
    const id = await claims.makeClaim({ ...spec, status: "SUBMITTED" });
    const before = await countByStatuses(db, ["UNDER_REVIEW"]);
    await db.$transaction(async (tx) => {
      await tx.claim.update({ where: { id }, data: { status: "UNDER_REVIEW" } });
      expect(await countByStatuses(tx, ["UNDER_REVIEW"])).toBe(before + 1);
    });
    expect(await countByStatuses(db, ["UNDER_REVIEW"])).toBe(before + 1);
    await expectExact();
  });

  it("stay exact under concurrent transactions on the same and on different claims, with a compaction among them", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => claims.makeClaim({ ...spec, status: "SUBMITTED" })));
    const path: ClaimStatus[] = ["UNDER_REVIEW", "DISPUTE", "APPROVED", "REJECTED"];
    await Promise.all([
      // Each claim moved along by its own transactions; two of them race on each claim.
      ...ids.flatMap((id, i) =>
        [0, 1].map((k) =>
          db.$transaction(async (tx) => {
            // updateMany: the last claim may be deleted meanwhile.
            await tx.claim.updateMany({ where: { id }, data: { status: path[(i + k) % path.length] } });
            if (k === 1 && i % 3 === 0) await tx.claim.updateMany({ where: { id }, data: { deletedAt: new Date() } });
          }),
        ),
      ),
      compactStatusCounts(db),
      db.claim.deleteMany({ where: { id: ids[ids.length - 1] } }),
    ]);
    await expectExact();
    await compactStatusCounts(db);
    await expectExact();
    // Folded: one row per status at most.
    const [{ rows }] = await db.$queryRaw<{ rows: number }[]>`SELECT count(*)::int AS rows FROM "ClaimStatusCount"`;
    expect(rows).toBeLessThanOrEqual(reviewStatuses.length);
    if (!concurrentSessions) console.info("review-dashboard: one connection (embedded server): the transactions ran one after another");
  });
});

describe("the dashboard", () => {
  it("shows the exact counts, the overdue claims as a plain count finds them, and the median as of its last computation", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 60 * 24 * 60 * 60 * 1000);
    await claims.makeClaim({ ...spec, status: "SUBMITTED", statusChangedAt: old, submittedAt: old });
    await claims.makeClaim({ ...spec, status: "UNDER_REVIEW", statusChangedAt: old, submittedAt: old });
    await claims.makeClaim({ ...spec, status: "SUBMITTED", statusChangedAt: now, submittedAt: now, deletedAt: now });
    const computedAt = new Date(now.getTime() - 5 * 60 * 1000);
    await computeDashboardFigures(db, computedAt);

    const dashboard = await loadDashboard(now);
    const plain = await plainCounts();
    expect(dashboard.byStatus).toEqual(reviewStatuses.map((status) => ({ status, count: plain[status] })));
    const all = await db.claim.findMany({ where: { deletedAt: null, status: { in: reviewStatuses.filter(isReviewerTimed) } }, select: { status: true, statusChangedAt: true } });
    expect(dashboard.overdue).toEqual(
      reviewStatuses.filter(isReviewerTimed).map((status) => ({ status, count: all.filter((c) => c.status === status && c.statusChangedAt && isOverdue(status, c.statusChangedAt, now)).length })),
    );
    expect(dashboard.overdue.find((o) => o.status === "SUBMITTED")!.count).toBeGreaterThan(0);
    // The median is the job's: as of its run, not recomputed per view.
    expect(dashboard.medianAsOf).toEqual(computedAt);
    await computeDashboardFigures(db, now);
    expect((await loadDashboard(now)).medianAsOf).toEqual(now);
  });
});
