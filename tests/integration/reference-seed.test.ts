import { afterAll, describe, expect, it } from "vitest";
import { DEMO, demoReferenceData } from "@/lib/reference/demo-data";
import { importReferenceData } from "@/lib/reference/import";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

const counts = async () => ({
  organizations: await db.organization.count(),
  locations: await db.partnerLocation.count(),
  entraTenants: await db.entraTenant.count(),
  users: await db.user.count(),
  workloads: await db.workload.count(),
  tenants: await db.tenant.count(),
  subscriptions: await db.subscription.count(),
});

describe("demo reference data", () => {
  it("is seeded exactly as the domain describes it", async () => {
    const contoso = await db.organization.findUniqueOrThrow({ where: { name: "Contoso" }, include: { locations: { orderBy: { partnerId: "asc" } }, users: true, entraTenants: true } });
    expect(contoso.locations.map((l) => [l.partnerId, l.city])).toEqual([["4412345", "Seattle"], ["4412346", "Tokyo"]]);
    expect(contoso.users.map((u) => [u.email, u.role])).toEqual([["admin@contoso.example", "INCENTIVE_ADMIN"]]);
    expect(contoso.entraTenants.map((t) => t.tenantId)).toEqual([DEMO.entraTenants.contoso]);
    const fabrikam = await db.organization.findUniqueOrThrow({ where: { name: "Fabrikam" }, include: { locations: true, entraTenants: true } });
    expect(fabrikam.locations.map((l) => l.partnerId)).toEqual(["5523456"]);
    expect(fabrikam.entraTenants.map((t) => t.tenantId)).toEqual([DEMO.entraTenants.fabrikam]);
    expect(await db.user.findUniqueOrThrow({ where: { email: DEMO.users.reviewer } })).toMatchObject({ role: "REVIEWER", organizationId: null });

    expect(await db.workload.count({ where: { solutionArea: "MODERN_WORK_SECURITY" } })).toBe(11);
    expect(await db.workload.count({ where: { solutionArea: "BUSINESS_APPLICATIONS" } })).toBe(9);

    const subscriptions = await db.subscription.findMany({ where: { tenantId: DEMO.tenants.northwind }, include: { workload: true }, orderBy: { id: "asc" } });
    expect(subscriptions.map((s) => [s.id, s.workload.name, s.channel])).toEqual([
      ["1e5b7a9c-4f6d-4eb0-9c2b-5d7f9b1e3a64", "Dynamics 365 Field Service", "VOLUME_LICENSING"],
      ["6a1d3c5e-0b2f-4a7c-9e8d-1f3b5d7a9c20", "Dynamics 365 Sales", "VOLUME_LICENSING"],
      ["7b2e4d6f-1c3a-4b8d-8f9e-2a4c6e8b0d31", "Power Apps", "WEB_DIRECT"],
      ["8c3f5e7a-2d4b-4c9e-9a0f-3b5d7f9c1e42", "Dynamics 365 Customer Service", "CSP"],
    ]);
    const expired = await db.subscription.findUniqueOrThrow({ where: { id: DEMO.subscriptions.tailspinBusinessCentralExpired } });
    expect(expired.tenantId).toBe(DEMO.tenants.tailspin);
    expect(expired.endsAt.getTime()).toBeLessThan(Date.now());
  });

  it("importing it again changes nothing", async () => {
    const before = await counts();
    await importReferenceData(db, demoReferenceData());
    expect(await counts()).toEqual(before);
  });
});
