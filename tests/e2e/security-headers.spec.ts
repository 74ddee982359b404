// Security headers on every kind of response, the CSP nonce actually used by Next's scripts and
// Fluent's styles, the canonical host (APP_URL), and forwarded headers ignored without a trusted proxy.
import type { APIResponse, Page, Response } from "@playwright/test";
import { expect, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { firstLink, waitForMail } from "../support/mailbox";
import { openNewClaim } from "./claims";

const appUrl = new URL(process.env.APP_URL!);

/** Checks the headers every response carries and returns the CSP's nonce (if any). */
function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toMatch(/^(same-origin|no-referrer)$/);
  expect(headers["permissions-policy"]).toContain("camera=()");
  // APP_URL is http in tests: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const policies = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(policies).toHaveLength(1);
  const policy = policies[0].value;
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // `next dev` allows inline styles for Next's own overlay (lib/security/headers.ts); a build does not.
  if (!policy.includes("'unsafe-eval'")) expect(policy).not.toMatch(/style-src [^;]*'unsafe-inline'/);
  return { policy, nonce: policy.match(/'nonce-([^']+)'/)?.[1] };
}

/** The nonce of the policy a page was loaded with. */
const documentNonce = async (response: Response | null) => (await response?.headerValue("content-security-policy"))?.match(/'nonce-([^']+)'/)?.[1];

/**
 * Every <style> element of the document, those Griffel inserted in the browser included, carries
 * the nonce (except the fonts of Next's development overlay, present under `next dev` only).
 */
async function expectStylesCarryNonce(page: Page, nonce: string | undefined) {
  expect(nonce).toBeTruthy();
  const styles = await page.evaluate(() =>
    [...document.querySelectorAll("style")].filter((s) => !s.textContent?.includes("__nextjs-")).map((s) => ({ nonce: s.nonce, start: s.outerHTML.slice(0, 100) })),
  );
  expect(styles.length).toBeGreaterThan(0);
  expect(styles.filter((s) => s.nonce !== nonce)).toEqual([]);
}

/** Every <script> and <style> element of the HTML carries the response's nonce. */
async function expectNonceOnElements(response: APIResponse, nonce: string | undefined) {
  expect(nonce).toBeTruthy();
  const html = await response.text();
  const tags = html.match(/<(script|style)\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, tag).toContain(`nonce="${nonce}"`);
  return html;
}

/** Collects CSP violations: console messages and securitypolicyviolation events. */
async function watchViolations(page: Page) {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (load|execute|apply)/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const found: string[] = [];
    Object.assign(window, { cspViolations: found });
    document.addEventListener("securitypolicyviolation", (e) => found.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

test("the sign-in page, a 404, an API route and a customer link carry the headers; pages use the nonce", async ({ page }) => {
  const signin = await page.request.get("/signin");
  expect(signin.status()).toBe(200);
  const { policy, nonce } = expectSecurityHeaders(signin);
  expect(policy).toContain("'strict-dynamic'");
  expect(signin.headers()["referrer-policy"]).toBe("same-origin");
  const html = await expectNonceOnElements(signin, nonce);
  // Fluent's styles are rendered on the server, into nonce'd <style> elements.
  expect(html).toMatch(/<style[^>]*data-make-styles-bucket/);

  // A second request gets a different nonce.
  expect(expectSecurityHeaders(await page.request.get("/signin")).nonce).not.toBe(nonce);

  const missing = await page.request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  await expectNonceOnElements(missing, expectSecurityHeaders(missing).nonce);

  const api = await page.request.get("/api/health");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api);

  const customer = await page.request.get("/c/not-a-real-token");
  expect(customer.status()).toBeGreaterThanOrEqual(400);
  const customerHeaders = expectSecurityHeaders(customer);
  expect(customer.headers()["referrer-policy"]).toBe("no-referrer");
  expect(customerHeaders.policy).toContain("default-src 'none'");
  await expectNonceOnElements(customer, customerHeaders.nonce);

  // Static assets (outside the proxy) still are not sniffed.
  const script = html.match(/<script[^>]*src="(\/_next\/static\/[^"]+)"/)?.[1];
  expect(script).toBeTruthy();
  const asset = await page.request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the claims list and the review console carry the headers for signed-in users", async ({ page, browser }) => {
  test.slow(); // two sign-ins
  await signIn(page, DEMO.users.contosoAdmin);
  await expect(page).toHaveURL(/\/claims$/);
  const claims = await page.request.get("/claims");
  expect(claims.status()).toBe(200);
  await expectNonceOnElements(claims, expectSecurityHeaders(claims).nonce);

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signIn(reviewer, DEMO.users.reviewer);
  await expect(reviewer).toHaveURL(/\/review$/);
  const review = await reviewer.request.get("/review");
  expect(review.status()).toBe(200);
  await expectNonceOnElements(review, expectSecurityHeaders(review).nonce);
  await context.close();
});

test("the sign-in page and the claims wizard run and look right under the CSP", async ({ page }) => {
  test.slow(); // a sign-in and the wizard's first compile
  const violations = await watchViolations(page);
  const signin = await page.goto("/signin");
  // The primary button (Microsoft Entra ID is configured in the tests).
  const button = page.getByRole("button", { name: "Sign in with Microsoft" });
  await expect(button).toBeVisible();
  // Fluent's brand colour on the primary button: Griffel's styles were applied.
  await expect(button).toHaveCSS("background-color", "rgb(15, 108, 189)");
  await expectStylesCarryNonce(page, await documentNonce(signin));
  await screenshot(page, "csp-signin");

  await signIn(page, DEMO.users.contosoAdmin);
  const wizard = await openNewClaim(page);
  await page.getByRole("radio", { name: "Modern Work and Security" }).check();
  await page.getByLabel("Claim name").fill("CSP check");
  // A field left empty: the error styles are inserted at run time.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 1 of 4")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next" })).toHaveCSS("background-color", "rgb(15, 108, 189)");
  await page.getByRole("button", { name: "Cancel" }).hover();
  await expectStylesCarryNonce(page, await documentNonce(wizard));
  await screenshot(page, "csp-wizard");
  expect(await violations()).toEqual([]);
});

test("a request to another host is sent to APP_URL; a write there is refused; health answers on any host", async () => {
  const other = `http://127.0.0.1:${appUrl.port}`;
  const read = await fetch(`${other}/signin?from=bookmark`, { redirect: "manual" });
  expect([307, 308]).toContain(read.status);
  expect(read.headers.get("location")).toBe(`${appUrl.origin}/signin?from=bookmark`);
  expect(read.headers.get("x-frame-options")).toBe("DENY");

  // A forged X-Forwarded-Host does not make another host acceptable.
  const forged = await fetch(`${other}/claims`, { redirect: "manual", headers: { "x-forwarded-host": appUrl.host } });
  expect(forged.headers.get("location")).toBe(`${appUrl.origin}/claims`);

  const write = await fetch(`${other}/signin`, { method: "POST", redirect: "manual" });
  expect(write.status).toBe(421);

  const health = await fetch(`${other}/api/health`, { redirect: "manual" });
  expect(health.status).toBe(200);
});

test("a forged X-Forwarded-Host does not reach the sign-in link", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
  const page = await context.newPage();
  const since = new Date();
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(DEMO.users.fabrikamAdmin);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await waitForMail({ to: DEMO.users.fabrikamAdmin, since, subject: /sign-in link/ });
  const link = firstLink(mail, /\/api\/auth\/callback\/nodemailer/);
  expect(new URL(link).origin).toBe(appUrl.origin);
  await page.goto(link);
  await expect(page).toHaveURL(/\/claims$/);
  await context.close();
});
