// Sign-in requests as an attacker would send them: a forged host, known and unknown addresses, too
// many requests.
import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "../../lib/reference/demo-data";
import { firstLink, listMail, waitForMail } from "../support/mailbox";
import { screenshot } from "./support";

const appUrl = () => new URL(process.env.APP_URL!);
/** The form's message (Next's empty route announcer is an alert too). */
const alert = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

/**
 * Fills the sign-in form and submits it. `forge` sets headers on the server action's POST (sent from
 * the test runner, since the browser keeps its own Origin).
 */
async function requestLink(page: Page, email: string, forge?: Record<string, string>) {
  if (forge) {
    await page.route("**/signin", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      await route.fulfill({ response: await route.fetch({ headers: { ...route.request().headers(), ...forge } }) });
    });
  }
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(email);
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signin");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  return answer;
}

test("a sign-in request with a forged origin and host is refused; the next real one still links to the portal", async ({ page }) => {
  const since = new Date();
  const email = DEMO.users.reviewer;
  // The attack: Origin and X-Forwarded-Host agree on another host. Without a trusted proxy, the portal
  // ignores the forwarded host, so the forged Origin is a cross-site request and the action does not run.
  const forged = await requestLink(page, email, { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(forged.headers()["x-action-redirect"]).toBeUndefined();
  await page.unrouteAll();

  // A real request afterwards: its email is the only one since the forged request, and links to APP_URL.
  const answer = await requestLink(page, email);
  expect(answer.headers()["x-action-redirect"]).toMatch(/^\/signin\/check-email/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page).toHaveURL(`${appUrl().origin}/signin/check-email`);
  const mail = await waitForMail({ to: email, since, subject: /sign-in link/ });
  const sent = (await listMail()).filter((m) => m.to.some((t) => t.address === email) && new Date(m.time) >= new Date(since.getTime() - 2_000));
  expect(sent.map((m) => m.id)).toEqual([mail.id]);
  const link = new URL(firstLink(mail, /\/api\/auth\/callback\/nodemailer/));
  expect(link.origin).toBe(appUrl().origin);
  expect(new URL(link.searchParams.get("callbackUrl")!, appUrl()).origin).toBe(appUrl().origin);
  expect(`${mail.text}${mail.html}`).not.toContain("evil.example");
});

test("known and unknown addresses get the same redirect, cookies and page", async ({ page }) => {
  const answers = [];
  for (const email of [DEMO.users.fabrikamAdmin, `nobody.${Date.now()}@unknown.example`]) {
    await page.context().clearCookies();
    const answer = await requestLink(page, email);
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    const headers = await answer.allHeaders();
    answers.push({
      status: answer.status(),
      redirect: headers["x-action-redirect"],
      cookies: (await answer.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value.split("=")[0]).sort(),
      url: page.url(),
      page: await page.getByRole("main").innerText(),
    });
  }
  expect(answers[0].redirect).toMatch(/^\/signin\/check-email/);
  expect(answers[1]).toEqual(answers[0]);
  await screenshot(page, "signin-check-email");
});

test("too many requests for one address are refused at the form, in the page's language, with no email", async ({ page }) => {
  test.slow(); // as many requests as the limit allows
  const email = `limited.${Date.now()}@unknown.example`;
  // The portal under test allows this many links per address (scripts/stack.ts); production's default is 5.
  const limit = Number(process.env.SIGN_IN_LIMIT_PER_EMAIL);
  expect(limit).toBeGreaterThan(0);
  for (let i = 0; i < limit; i++) {
    await requestLink(page, email);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await requestLink(page, email);
  // The window started with the first request: 15 minutes, or a little less on a slow machine.
  await expect(alert(page)).toHaveText(/^Too many sign-in requests\. Try again in 1[0-5] minutes\.$/);
  await expect(page).toHaveURL(/\/signin$/);
  await screenshot(page, "signin-too-many");

  await page.getByRole("button", { name: /Language: English/ }).click();
  await page.getByRole("menuitemradio", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CPOR 要求ポータルにサインイン" })).toBeVisible();
  await page.reload();
  await page.getByLabel("職場のメール アドレス").fill(email);
  await page.getByRole("button", { name: "サインイン リンクをメールで送信" }).click();
  await expect(alert(page)).toHaveText(/^サインインの要求が多すぎます。1[0-5] 分後にもう一度お試しください。$/);
  expect((await listMail()).filter((m) => m.to.some((t) => t.address === email))).toEqual([]);
});
