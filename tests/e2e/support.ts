// Browser-test helpers: sign in like a person (magic link from the mail catcher, or Microsoft Entra ID
// through its stand-in), axe checks on every page a test visits, screenshots.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { firstLink, mailIds, waitForMail } from "../support/mailbox";

export { expect };

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// axe runs once at a time in a page: the audit of a page's load and a test's own check take turns.
const axeTurns = new WeakMap<Page, Promise<unknown>>();

async function axeViolations(page: Page) {
  const previous = axeTurns.get(page) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(() => analyze(page));
  axeTurns.set(page, turn);
  return turn;
}

/**
 * Tabster's focus sentinels (Fluent UI's focus management around dialogs, toolbars and lists) are
 * aria-hidden and focusable by design: one that receives focus hands it on at once, and a screen
 * reader would otherwise announce it. axe's aria-hidden-focus rule flags them; Microsoft's own
 * Accessibility Insights suppresses exactly that rule on exactly those elements, and so does this.
 * Every other rule still checks them, and aria-hidden-focus still checks everything else.
 */
const isTabsterSentinel = (ruleId: string, html: string) => ruleId === "aria-hidden-focus" && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);

async function analyze(page: Page) {
  // A menu or dialog fading in is checked as it will be seen: after its animation (contrast mid-fade is not).
  await page
    .evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))))
    .catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterSentinel(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 120)}`).join(", ")})`);
}

/** The page a URL shows, whatever its ids: /claims/<id>/poe and /claims/<other id>/poe are one page. */
const pageKind = (url: string) => new URL(url).pathname.replace(/\/[0-9a-f-]{20,}|\/c[a-z0-9]{20,}|\/c\/[^/]+/gi, "/:id");

/**
 * Runs axe (WCAG 2.1 A and AA) on every page each page of `context` loads, once per kind of page and
 * language, and returns a check that fails with every serious or critical violation found. Pages that navigate away while
 * being checked are checked at their next load.
 */
export function auditAccessibility(context: BrowserContext) {
  const seen = new Set<string>();
  const found: string[] = [];
  const pending = new Set<Promise<void>>();
  const watch = (page: Page) =>
    page.on("load", () => {
      const audit = (async () => {
        const lang = await page.evaluate(() => document.documentElement.lang).catch(() => undefined);
        if (lang === undefined) return;
        const key = `${lang} ${pageKind(page.url())}`;
        if (seen.has(key)) return;
        seen.add(key);
        try {
          found.push(...(await axeViolations(page)).map((v) => `${key}: ${v}`));
        } catch {
          seen.delete(key); // navigated away mid-check
        }
      })();
      // A page closed mid-check (its context closed by the test) has nothing left to check.
      const settled = Promise.race([audit, new Promise<void>((resolve) => page.once("close", () => resolve()))]);
      pending.add(settled);
      void settled.finally(() => pending.delete(settled));
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  return async () => {
    while (pending.size > 0) await Promise.all(pending);
    expect(found, `accessibility violations on pages visited (${[...seen].join(", ")})`).toEqual([]);
  };
}

/** Playwright's test, with every page the test visits, in any of its browser contexts, checked by axe. */
export const test = base.extend<{ accessibilityAudit: void }>({
  accessibilityAudit: [
    async ({ context, browser }, run) => {
      const checks = [auditAccessibility(context)];
      const { newContext, newPage } = browser;
      browser.newContext = async (...args) => {
        const created = await newContext.apply(browser, args);
        checks.push(auditAccessibility(created));
        return created;
      };
      browser.newPage = async (...args) => {
        const created = await newPage.apply(browser, args);
        checks.push(auditAccessibility(created.context()));
        return created;
      };
      try {
        await run();
      } finally {
        Object.assign(browser, { newContext, newPage });
      }
      for (const check of checks) await check();
    },
    { auto: true },
  ],
});

// Sessions already made in this run, by email: signing in again reuses one while it lasts, so the
// tests stay within the sign-in limit per address (scripts/stack.ts) and wait for fewer emails.
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
  const ignore = await mailIds();
  await page.goto("/signin");
  await page.getByLabel(/Work email|職場のメール アドレス/).fill(email);
  await page.getByRole("button", { name: /Email me a sign-in link|サインイン リンクをメールで送信/ }).click();
  await expect(page.getByRole("heading", { name: /Check your email|メールを確認してください/ })).toBeVisible();
  const mail = await waitForMail({ to: email, since, subject: /sign-in link|サインイン リンク/, ignore });
  await page.goto(firstLink(mail, /\/api\/auth\/callback\/nodemailer/));
  sessions.set(email, (await page.context().cookies()).filter((cookie) => cookie.name.endsWith("session-token")));
}

/**
 * Signs in with the sign-in page's Microsoft button, as `person` at the Entra ID stand-in
 * (tests/support/entra.ts), and waits for the portal's page the sign-in ends on (home or a refusal).
 */
export async function signInWithMicrosoft(page: Page, person: { username: string }) {
  await page.goto("/signin");
  await page.getByRole("button", { name: /^(Sign in with Microsoft|Microsoft でサインイン)$/ }).click();
  await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(process.env.ENTRA_TEST_URL);
  await page.getByLabel("Email or username").fill(person.username);
  await page.getByRole("button", { name: "Next" }).click();
  const portal = new URL(process.env.APP_URL!).origin;
  await page.waitForURL((url) => url.origin === portal && !url.pathname.startsWith("/api/auth/") && url.pathname !== "/");
}

/** Fails on any serious or critical WCAG 2.1 A/AA violation of the current page in its current state (a dialog open, say). */
export async function expectAccessible(page: Page) {
  // Next.js streams a page's metadata after its body: wait for the <title> (its absence fails here too).
  await expect(page).toHaveTitle(/\S/);
  expect(await axeViolations(page)).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `tests/artifacts/screenshots/${name}.png`, fullPage: true });
}

/**
 * Switches the portal's language with the header's menu. A click that lands before the page is
 * hydrated (right after a load) opens nothing, so the menu is opened again until it shows.
 */
export async function chooseLanguage(page: Page, language: "日本語" | "English") {
  const button = page.getByRole("button", { name: language === "日本語" ? /Language: English/ : /言語: 日本語/ });
  const item = page.getByRole("menuitemradio", { name: language });
  await expect(async () => {
    if (!(await item.isVisible())) await button.click();
    await expect(item).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await item.click();
  await expect(page.getByRole("button", { name: language === "日本語" ? /言語: 日本語/ : /Language: English/ })).toBeVisible();
}
