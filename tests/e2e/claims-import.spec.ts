// Import from CSV in the browser, in English and in Japanese: a file with good and bad rows uploaded from
// the claims list's action, the preview naming each error's row and column in the user's language,
// Confirm with its progress, the result file with its status column, and the new Drafts in the list;
// then the list's Export CSV with the same search.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { CSV_BOM, csvRecord } from "../../lib/csv";
import { importColumns } from "../../lib/claims/import-file";
import { inLanguage, ready, unique } from "./claims";

type Language = "en" | "ja";

/** Two good rows and two bad ones (a tenant that is not a GUID, another organisation's PartnerID), headers in `language`. */
function importFile(tag: string, language: Language) {
  const headers = importColumns.map((c) => c[language]);
  const row = (cells: Record<string, string>) => csvRecord(importColumns.map((c) => cells[c.en] ?? c.example));
  return (
    CSV_BOM +
    csvRecord(headers) +
    row({ claim_name: `${tag} good one`, tenant_id: randomUUID() }) +
    row({ claim_name: `${tag} bad tenant`, tenant_id: "northwind" }) +
    row({ claim_name: `${tag} good two`, tenant_id: randomUUID(), workload_ids: "mws-microsoft-intune" }) +
    row({ claim_name: `${tag} bad partner`, tenant_id: randomUUID(), partner_id: "5523456" })
  );
}

const texts = {
  en: {
    action: "Import from CSV",
    heading: "Import claims from CSV",
    file: "CSV file",
    tenantError: "tenant_id: Enter the tenant ID as a GUID",
    partnerError: "partner_id: Choose one of your organization's PartnerIDs.",
    summary: "2 rows are ready; 2 rows have errors and will not be imported.",
    confirm: "Create 2 Drafts",
    result: "2 Drafts were created; 2 rows were not imported.",
    download: "Download the result (CSV)",
    open: "Open customer claims",
    export: "Export for Excel",
    draft: "Draft",
  },
  ja: {
    action: "CSV からインポート",
    heading: "CSV から要求をインポート",
    file: "CSV ファイル",
    tenantError: "顧客のテナント ID：テナント ID を GUID 形式",
    partnerError: "パートナー ID：組織のパートナー ID のいずれかを選択してください。",
    summary: "準備ができた行: 2 行。エラーのある行: 2 行 (インポートされません)。",
    confirm: "2 件の下書きを作成",
    result: "2 件の下書きを作成しました。インポートされなかった行: 2 行。",
    download: "結果をダウンロード (CSV)",
    open: "顧客の要求を開く",
    export: "Excel 用にエクスポート",
    draft: "下書き",
  },
} as const;

async function importAndCheck(page: Page, language: Language) {
  const t = texts[language];
  const tag = `Imported ${language} ${unique()}`;
  await page.goto("/claims");
  await page.getByRole("link", { name: t.action }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.heading })).toBeVisible();
  await ready(page);
  await expectAccessible(page);

  await page.getByLabel(t.file).setInputFiles({ name: `claims-${language}.csv`, mimeType: "text/csv", buffer: Buffer.from(importFile(tag, language), "utf8") });
  await expect(page.getByRole("status").filter({ hasText: t.summary })).toBeVisible();
  const row = (line: number) => page.locator(`[data-row="${line}"]`);
  await expect(row(3)).toContainText(t.tenantError);
  await expect(row(5)).toContainText(t.partnerError);
  await expect(row(2).getByText(t.tenantError)).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, `claims-import-preview-${language}`);

  await page.getByRole("button", { name: t.confirm }).click();
  await expect(page.getByRole("status").filter({ hasText: t.result })).toBeVisible();
  await screenshot(page, `claims-import-result-${language}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: t.download }).click()]);
  const result = await readFile(await download.path(), "utf8");
  expect(result.startsWith(CSV_BOM)).toBe(true);
  const lines = result.slice(1).trim().split("\r\n");
  expect(lines[0].startsWith("row,status,claim_id,error,")).toBe(true);
  expect(lines[1]).toMatch(/^2,created,[a-z0-9]+,,/);
  expect(lines[2].startsWith("3,failed,,")).toBe(true);
  expect(lines[2]).toContain(t.tenantError);
  expect(lines[3]).toMatch(/^4,created,[a-z0-9]+,,/);
  expect(lines[4].startsWith("5,failed,,")).toBe(true);
  expect(lines[4]).toContain(t.partnerError);

  await page.getByRole("link", { name: t.open }).click();
  await expect(page).toHaveURL(/\/claims$/);
  await page.goto(`/claims?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("link", { name: `${tag} good one` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${tag} good two` })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`${tag} bad`) })).toHaveCount(0);
  await expect(page.getByRole("table").getByText(t.draft, { exact: true })).toHaveCount(2);
  await screenshot(page, `claims-import-list-${language}`);

  // The list's export for Excel (UTF-8 with a BOM) takes its search: exactly the two new Drafts.
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.export }).click()]);
  const csv = await readFile(await exported.path(), "utf8");
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const records = csv.slice(1).trim().split("\r\n");
  expect(records).toHaveLength(3);
  expect(records.slice(1).every((r) => r.includes(tag) && r.includes("DRAFT"))).toBe(true);
}

test("import from CSV: the preview's errors by row and column, then the Drafts in the list, in English", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  await importAndCheck(page, "en");
});

test("import from CSV with Japanese headers, in Japanese", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  // The language is switched on a page that says when it is ready (the import page).
  await page.goto("/claims/import");
  await inLanguage(page, "日本語");
  await importAndCheck(page, "ja");
  await page.goto("/claims/import");
  await inLanguage(page, "English");
});
