// /api/health: a plain liveness answer for everyone; each dependency's status and latency only for reviewers.
import { expect, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";

test("anyone gets only the status; a partner admin too; a signed-in reviewer gets every dependency", async ({ page, browser }) => {
  test.slow(); // two sign-ins
  const anonymous = await page.request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  expect(anonymous.headers()["cache-control"]).toBe("no-store");
  expect(await anonymous.json()).toEqual({ status: "ok" });

  await signIn(page, DEMO.users.contosoAdmin);
  expect(await (await page.request.get("/api/health")).json()).toEqual({ status: "ok" });

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signIn(reviewer, DEMO.users.reviewer);
  const detail = await (await reviewer.request.get("/api/health")).json();
  expect(detail.status).toBe("ok");
  expect(Object.keys(detail.checks).sort()).toEqual(["blobStorage", "database", "smtp"]);
  for (const check of Object.values(detail.checks) as { status: string; latencyMs: number }[]) {
    expect(check.status).toBe("up");
    expect(typeof check.latencyMs).toBe("number");
  }
  await context.close();
});
