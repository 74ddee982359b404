// Bad text against the running portal, as a security test sends it: NUL in searches, ids and queries,
// a huge page number, review cursors out of range. Every answer is a page, a 400 or a 404, never a
// server error; and a character that cannot be saved gets a message at the field in the wizard.
import type { APIRequestContext } from "@playwright/test";
import { DEMO } from "../../lib/reference/demo-data";
import { openNewClaim } from "./claims";
import { expect, screenshot, signIn, test } from "./support";

// Each test opens several pages and routes the dev server may compile for the first time. A first
// sign-in before the tests compiles the sign-in pages, Auth.js and the mail on a cold dev server: when it
// is too slow for sign-in's own waits, that is no failure of these tests, whose sign-ins are then warm.
test.describe.configure({ timeout: 360_000 });
test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await browser.newPage();
  await signIn(page, DEMO.users.reviewer).catch(() => undefined);
  await page.close();
});

const cursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString("base64url");

async function statusOf(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return response.status();
}

test("an incentive admin's pages answer bad text with a page or 404", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  const expected: [string, number[]][] = [
    ["/claims?q=%00", [200]],
    ["/claims?q=a%00b&page=2", [200]],
    ["/claims?page=99999999999999999999", [200]],
    ["/claims?q=%ED%A0%80", [200]],
    ["/claims/%00", [404]],
    ["/claims/x%00/poe", [404]],
    ["/claims/%00/edit", [404]],
  ];
  for (const [url, statuses] of expected) expect(statuses, url).toContain(await statusOf(page.request, url));
});

test("the PoE and submission routes answer 404 to an id with a NUL", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  for (const url of ["/api/claims/%00/poe/template", "/api/claims/%00/poe/files/%00", "/api/claims/x/poe/files/%00?inline=1"]) expect(await statusOf(page.request, url), url).toBe(404);

  const origin = new URL(page.url()).origin;
  const upload = await page.request.post("/api/claims/%00/poe/files", { data: Buffer.from("%PDF-1.4\n%%EOF\n"), headers: { origin, "x-file-name": "proof.pdf", "content-type": "application/octet-stream" } });
  expect(upload.status()).toBe(404);
  const submit = await page.request.post("/api/claims/%00/submit", { data: {}, headers: { origin } });
  expect(submit.status()).toBe(404);
});

test("the wizard says at the field that a control character cannot be saved", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  await openNewClaim(page);
  await page.getByRole("radio", { name: "Modern Work and Security" }).check();
  await page.getByLabel("Claim name").fill("Rollout \u0007 phase 2");
  await page.getByRole("combobox", { name: "PartnerID" }).selectOption("4412345");
  await page.getByLabel("Customer tenant ID").fill(crypto.randomUUID());
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("This contains characters that can't be saved, such as control characters or a broken emoji.")).toBeVisible();
  await expect(page.getByText("Step 1 of 4")).toBeVisible();
  await screenshot(page, "wizard-invalid-characters");
});

test("the reviewer's queue and export answer bad text with a page or a 400", async ({ page }) => {
  await signIn(page, DEMO.users.reviewer);
  const expected: [string, number[]][] = [
    ["/review?q=%00", [200]],
    [`/review?after=${cursor("+275760-09-13T00:00:00.000Z", "c1")}`, [200]],
    [`/review?before=${cursor("+275760-09-13T00:00:00.000Z", "c1")}&sort=age`, [200]],
    [`/review?after=${cursor("2024-01-01T00:00:00.000Z", "c\u0000")}`, [200]],
    ["/review?org=%00&partner=%00", [200]],
    ["/review/claims/%00", [404]],
    ["/review/claims/%00/compare", [404]],
  ];
  for (const [url, statuses] of expected) expect(statuses, url).toContain(await statusOf(page.request, url));

  const refused = await page.request.get("/review/export?q=%00");
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({ error: "invalidQuery" });
  const exported = await page.request.get("/review/export?q=no-such-claim");
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toMatch(/^\uFEFF?claimId,claimName,/);
});
