import { afterAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health";
import { db } from "@/lib/db";

afterAll(() => db.$disconnect());

describe("health", () => {
  it("reports the database, blob storage and SMTP as up when they are", async () => {
    const report = await checkHealth();
    expect(report.status).toBe("ok");
    expect(Object.keys(report.checks).sort()).toEqual(["blobStorage", "database", "smtp"]);
    for (const check of Object.values(report.checks)) expect(check.status).toBe("up");
  });
});
