// Browser-test helpers: sign in like a person (magic link from the mail catcher), axe checks, screenshots.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Cookie, type Page } from "@playwright/test";
import { firstLink, waitForMail } from "../support/mailbox";

// Sessions already made in this run, by email: signing in again reuses one while it lasts, so the
// tests stay within the sign-in limit per address (5 links in 15 minutes) and wait for fewer emails.
const sessions = new Map<string, Cookie[]>();

export async function signIn(page: Page, email: string) {
  const saved = sessions.get(email);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/");
    if (new URL(page.url()).pathname !== "/signin") return;
    sessions.delete(email); // signed out since: sign in again
    await page.context().clearCookies();
  }
  const since = new Date();
  await page.goto("/signin");
  await page.getByLabel(/Work email|職場のメール アドレス/).fill(email);
  await page.getByRole("button", { name: /Email me a sign-in link|サインイン リンクをメールで送信/ }).click();
  await expect(page.getByRole("heading", { name: /Check your email|メールを確認してください/ })).toBeVisible();
  const mail = await waitForMail({ to: email, since, subject: /sign-in link|サインイン リンク/ });
  await page.goto(firstLink(mail, /\/api\/auth\/callback\/nodemailer/));
  sessions.set(email, (await page.context().cookies()).filter((cookie) => cookie.name.endsWith("session-token")));
}

/** Fails on serious or critical accessibility violations of the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `tests/artifacts/screenshots/${name}.png`, fullPage: true });
}
