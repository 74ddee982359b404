// The customer contact's requests page, in a browser without JavaScript, in English and in Japanese:
// they ask at /c (linked from the request email), read the one email, open its link, press Open, see
// their requests grouped by tenant, approve one, then decline it with a reason, and the partner's claim
// is rejected.
import type { Browser, Page } from "@playwright/test";
import { expect, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { firstLink, waitForMail } from "../support/mailbox";
import { createDraft, ready, submitWithProof, unique } from "./claims";

const texts = {
  en: {
    askTitle: "Your partner-of-record requests",
    email: "Email address",
    ask: "Email me a link",
    sent: "Check your email",
    subject: /^Your link to your partner-of-record requests$/,
    open: "Open my requests",
    listTitle: "Your partner-of-record requests",
    tenant: (id: string) => `Tenant ${id}`,
    approve: "Approve",
    decline: "Decline",
    reason: "Reason for declining (optional)",
    approved: "Your approval of the request from Contoso is recorded.",
    declined: "Your decline of the request from Contoso is recorded.",
    declinedOn: /^Declined on /,
    used: "This link has already been used.",
  },
  ja: {
    askTitle: "パートナー オブ レコードのリクエスト",
    email: "メール アドレス",
    ask: "リンクをメールで受け取る",
    sent: "メールをご確認ください",
    subject: /^パートナー オブ レコードのリクエストへのリンク$/,
    open: "リクエストを開く",
    listTitle: "パートナー オブ レコードのリクエスト",
    tenant: (id: string) => `テナント ${id}`,
    approve: "承認する",
    decline: "拒否する",
    reason: "拒否の理由 (省略可能)",
    approved: "Contoso からのリクエストの承認を記録しました。",
    declined: "Contoso からのリクエストの拒否を記録しました。",
    declinedOn: / に拒否$/,
    used: "このリンクは既に使用されています。",
  },
} as const;

/** Submitted claims of Contoso naming `customerEmail`, one per tenant; the claim pages' URLs. */
async function submittedClaims(page: Page, customerEmail: string, tenants: string[]) {
  await signIn(page, DEMO.users.contosoAdmin);
  const urls: string[] = [];
  for (const tenantId of tenants) {
    const name = `Requests ${unique()}`;
    await createDraft(page, name, customerEmail, { tenantId });
    await submitWithProof(page, name);
    urls.push(page.url());
  }
  return urls;
}

/** The customer, without JavaScript, in their language: asks at /c and opens the requests page from the one email. */
async function openRequests(browser: Browser, locale: "en" | "ja", customerEmail: string, newLinksPage: string) {
  const t = texts[locale];
  const customer = await browser.newContext({ javaScriptEnabled: false, locale: locale === "ja" ? "ja-JP" : "en-US", extraHTTPHeaders: { "accept-language": locale } });
  const view = await customer.newPage();
  await view.goto(newLinksPage);
  await expect(view.getByRole("heading", { level: 1, name: t.askTitle })).toBeVisible();
  await view.getByLabel(t.email).fill(customerEmail.toUpperCase());
  const asked = new Date();
  await view.getByRole("button", { name: t.ask }).click();
  await expect(view.getByRole("heading", { level: 1, name: t.sent })).toBeVisible();
  await screenshot(view, `customer-requests-asked-${locale}`);

  const mail = await waitForMail({ to: customerEmail, since: asked, subject: t.subject, timeoutMs: 60_000 });
  const link = firstLink(mail, /\/c\/open\//);
  await view.goto(link);
  await expect(view.getByRole("button", { name: t.open })).toBeVisible();
  await screenshot(view, `customer-requests-open-${locale}`);
  await view.getByRole("button", { name: t.open }).click();
  await expect(view).toHaveURL(/\/c\/requests\?lang=/);
  await expect(view.getByRole("heading", { level: 1, name: t.listTitle })).toBeVisible();
  return { customer, view, link };
}

for (const locale of ["en", "ja"] as const) {
  test(`the customer asks at /c, opens their requests by tenant, and declines an approved one (${locale})`, async ({ page, browser }) => {
    const t = texts[locale];
    const customerEmail = `requests-${locale}-${unique()}@northwind.example`;
    const tenants = locale === "en" ? [crypto.randomUUID(), crypto.randomUUID()] : [crypto.randomUUID()];
    const since = new Date();
    const claimUrls = await submittedClaims(page, customerEmail, tenants);
    const request = await waitForMail({ to: customerEmail, since, timeoutMs: 60_000 });
    const { customer, view, link } = await openRequests(browser, locale, customerEmail, firstLink(request, /\/c$/));

    // Grouped by tenant: one section per tenant, each with its request.
    await expect(view.getByRole("region")).toHaveCount(tenants.length);
    for (const tenantId of tenants) await expect(view.getByRole("region", { name: t.tenant(tenantId) }).getByRole("article", { name: "Contoso" })).toHaveCount(1);
    await screenshot(view, `customer-requests-list-${locale}`);

    // Approve the first, then decline it with a reason.
    const first = () => view.getByRole("region", { name: t.tenant(tenants[0]) }).getByRole("article", { name: "Contoso" });
    await first().getByRole("button", { name: t.approve }).click();
    await expect(view.getByRole("status").filter({ hasText: t.approved })).toBeVisible();
    await expect(first().getByRole("button", { name: t.approve })).toHaveCount(0);
    await first().getByLabel(t.reason).fill("We work with another partner now.");
    await first().getByRole("button", { name: t.decline }).click();
    await expect(view.getByRole("status").filter({ hasText: t.declined })).toBeVisible();
    await expect(first().locator('[data-field="answer"]')).toHaveText(t.declinedOn);
    await expect(first().getByRole("button")).toHaveCount(0);
    await screenshot(view, `customer-requests-declined-${locale}`);

    // The emailed link opened one session only.
    await view.goto(link);
    await expect(view.getByRole("alert")).toContainText(t.used);
    await customer.close();

    await page.goto(claimUrls[0]);
    await ready(page);
    await expect(page.getByTestId("claim-status")).toHaveText("Rejected");
    await expect(page.getByTestId("claim-reason")).toHaveText("Reason: Customer declined");
  });
}
