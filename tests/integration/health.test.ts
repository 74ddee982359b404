import { afterAll, describe, expect, it } from "vitest";
import { checkHealth, healthFor } from "@/lib/health";
import { db } from "@/lib/db";
import { DEMO } from "@/lib/reference/demo-data";
import { loadViewerByEmail } from "../support/viewers";

// One client, the portal's own (checkHealth uses it): the embedded database serves one connection.
afterAll(async () => {
  await db.$disconnect();
});

describe("health", () => {
  it("reports the database, blob storage and SMTP as up when they are", async () => {
    const report = await checkHealth();
    expect(report.status).toBe("ok");
    expect(Object.keys(report.checks).sort()).toEqual(["blobStorage", "database", "smtp"]);
    for (const check of Object.values(report.checks)) expect(check.status).toBe("up");
  });

  it("tells anyone, a partner admin included, only whether the portal is up", async () => {
    expect(await healthFor(null, { detailForAnyone: false })).toEqual({ status: "ok" });
    const partner = await loadViewerByEmail(db, DEMO.users.contosoAdmin);
    expect(await healthFor(partner, { detailForAnyone: false })).toEqual({ status: "ok" });
  });

  it("shows each dependency's status and latency to a reviewer, or to anyone with HEALTH_DETAIL=on", async () => {
    const reviewer = await loadViewerByEmail(db, DEMO.users.reviewer);
    for (const report of [await healthFor(reviewer, { detailForAnyone: false }), await healthFor(null, { detailForAnyone: true })]) {
      expect(report.status).toBe("ok");
      expect(Object.keys(report.checks ?? {}).sort()).toEqual(["blobStorage", "database", "smtp"]);
      for (const check of Object.values(report.checks ?? {})) expect(check.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });
});
