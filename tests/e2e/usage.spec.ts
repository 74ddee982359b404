// Usage data once associated, in the browser: a Modern Work and Security claim on the demo tenant Northwind
// (whose usage the seed loads) says usage comes with the approval while it waits; once the reviewer approves
// it, the partner's claim page and the reviewer's page show each workload's chart (an image with a summary)
// and the same figures in a table, in English and in Japanese. The partner then disassociates: the month
// the association stood stays visible.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { demoUsageFigures } from "../../lib/usage/demo-data";
import { monthKey, startOfMonth } from "../../lib/usage/months";
import { createDraft, inLanguage, openFromQueue, ready, signedIn, submitWithProof, unique } from "./claims";

const WORKLOADS = [
  { id: "mws-microsoft-teams", name: "Microsoft Teams" },
  { id: "mws-microsoft-intune", name: "Microsoft Intune" },
];

/** The seed's figure for a Northwind workload this month (the association starts now: the one month it stands). */
function thisMonthsFigure(workloadId: string) {
  const month = startOfMonth(new Date());
  const figure = demoUsageFigures().find((f) => f.workloadId === workloadId && f.tenantId === DEMO.tenants.northwind && monthKey(f.month) === monthKey(month));
  if (!figure) throw new Error(`No demo figure for ${workloadId} this month`);
  return { month, activeUsers: figure.activeUsers };
}

const texts = {
  en: { chart: (name: string, month: string) => `${name}: monthly active users, ${month}.`, table: (name: string) => `${name}: usage per month`, heading: "Usage" },
  ja: { chart: (name: string, month: string) => `${name}: 月間アクティブ ユーザー数 (${month})。`, table: (name: string) => `${name}: 月ごとの使用状況`, heading: "使用状況" },
};

/** Each workload's chart and table on the page, with this month's figure as `locale` writes it. */
async function expectUsage(page: Page, locale: "en" | "ja") {
  const usage = page.getByTestId("usage");
  await expect(usage.getByRole("heading", { level: 2, name: texts[locale].heading })).toBeVisible();
  for (const workload of WORKLOADS) {
    const { month, activeUsers } = thisMonthsFigure(workload.id);
    const monthLabel = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(month);
    const figure = new Intl.NumberFormat(locale).format(activeUsers);
    const chart = usage.getByRole("img", { name: texts[locale].chart(workload.name, monthLabel), exact: false });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAccessibleName(new RegExp(`${figure}`));
    const rows = usage.getByRole("table", { name: texts[locale].table(workload.name) }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1).getByRole("cell")).toHaveText([monthLabel, figure]);
  }
}

test("usage is visible once associated: a chart and a table per workload, in English and Japanese", async ({ page: partner, browser }) => {
  const name = `Usage ${unique()}`;
  await signIn(partner, DEMO.users.contosoAdmin);
  await createDraft(partner, name, "nancy@northwind.example", { tenantId: DEMO.tenants.northwind });
  await submitWithProof(partner, name);
  const claimUrl = partner.url();
  await expect(partner.getByTestId("usage")).toContainText("Usage data appears here once the claim is approved");
  await expect(partner.getByTestId("usage").getByRole("img")).toHaveCount(0);

  // The reviewer approves; the review page shows the usage the association now opens.
  const reviewer = await signedIn(browser, DEMO.users.reviewer);
  await openFromQueue(reviewer, name);
  await expect(reviewer.getByTestId("usage")).toHaveCount(0);
  await reviewer.getByRole("button", { name: "Start review" }).click();
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Under review");
  await reviewer.getByRole("button", { name: "Approve", exact: true }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Approved");
  await expectUsage(reviewer, "en");
  await screenshot(reviewer, "usage-review-en");

  // The partner's claim page, in English then Japanese (the admin's choice is saved on their profile: set back).
  await partner.goto(claimUrl);
  await ready(partner);
  await expect(partner.getByTestId("claim-status")).toHaveText("Approved");
  await expectUsage(partner, "en");
  await expectAccessible(partner);
  await partner.getByTestId("usage").scrollIntoViewIfNeeded();
  await screenshot(partner, "usage-claim-en");

  await inLanguage(partner, "日本語");
  await expectUsage(partner, "ja");
  await expectAccessible(partner);
  await screenshot(partner, "usage-claim-ja");
  await inLanguage(partner, "English");

  // Disassociated, the claim keeps the month its association stood (and frees Northwind's workloads again).
  await partner.getByRole("button", { name: "Disassociate customer" }).click();
  const dialog = partner.getByRole("dialog");
  await dialog.getByRole("textbox", { name: /Reason/ }).fill("The engagement ended.");
  await dialog.getByRole("button", { name: "Disassociate", exact: true }).click();
  await expect(partner.getByTestId("claim-status")).toHaveText("Rejected final");
  await expectUsage(partner, "en");
  await reviewer.context().close();
});
