// The customer association wizard, as an incentive admin uses it: one claim per partner role,
// the review page's Edit links, a double click on Add customer, and the draft's edit and delete.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";

const unique = () => Math.random().toString(36).slice(2, 8);

type Claim = {
  area: "Modern Work and Security" | "Business Applications";
  role: string;
  name: string;
  tenantId: string;
  partnerId?: string;
  revenue?: { seller: string; customer: string; isv: string };
  workloads: string[];
  subscriptions?: string[];
};

/** Waits until the wizard's form is hydrated, as a person would wait for the page to respond. */
const ready = (page: Page) => expect(page.locator("[data-ready]").first()).toBeVisible();

async function fillDetails(page: Page, claim: Claim, shots?: string) {
  await ready(page);
  await page.getByRole("radio", { name: claim.area }).check();
  await page.getByRole("radio", { name: new RegExp(`^${claim.role}`) }).check();
  await page.getByLabel("Claim name").fill(claim.name);
  await page.getByLabel("PartnerID").selectOption(claim.partnerId ?? "4412345");
  await page.getByLabel("Customer tenant ID").fill(claim.tenantId);
  if (claim.revenue) {
    await page.getByLabel("Dynamics solution seller name").fill(claim.revenue.seller);
    await page.getByLabel("Customer name").fill(claim.revenue.customer);
    await page.getByLabel("ISV product/solution name").fill(claim.revenue.isv);
  }
  if (shots) await screenshot(page, `${shots}-step1`);
  await page.getByRole("button", { name: "Next" }).click();
}

async function chooseWorkloads(page: Page, claim: Claim, shots?: string) {
  await expect(page.getByText("Step 2 of 4")).toBeVisible();
  await ready(page);
  for (const workload of claim.workloads) await page.getByRole("checkbox", { name: workload, exact: true }).check();
  for (const subscription of claim.subscriptions ?? []) await page.getByRole("checkbox", { name: new RegExp(subscription) }).check();
  if (shots) await screenshot(page, `${shots}-step2`);
  await page.getByRole("button", { name: "Next" }).click();
}

async function fillContacts(page: Page, shots?: string) {
  await expect(page.getByText("Step 3 of 4")).toBeVisible();
  await ready(page);
  const customer = page.getByRole("group", { name: "Customer contact" });
  await customer.getByLabel("Name").fill("Nancy Davolio");
  await customer.getByLabel("Title").fill("IT Director");
  await customer.getByLabel("Address").fill("1 Main Street\nSeattle, WA 98052");
  await customer.getByRole("textbox", { name: /^Email/ }).fill("nancy@northwind.example");
  const partner = page.getByRole("group", { name: "Your company's contact" });
  await expect(partner.getByRole("textbox", { name: /^Email/ })).toHaveValue(DEMO.users.contosoAdmin);
  await partner.getByLabel("Name").fill("Pat Partner");
  if (shots) await screenshot(page, `${shots}-step3`);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 4 of 4")).toBeVisible();
  await ready(page);
}

/** Opens Add customer on a fresh wizard (an earlier test's unfinished entries are resumed, so cancel them). */
async function startWizard(page: Page) {
  await page.goto("/claims");
  await page.getByRole("link", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add customer" })).toBeVisible();
  // Cancel answers once the form is hydrated (a click before that, on a slow first compile, is lost).
  await ready(page);
  if (!(await page.getByText("Step 1 of 4").isVisible())) {
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page).toHaveURL(/\/claims$/);
    await page.getByRole("link", { name: "Add customer" }).click();
  }
  await expect(page.getByText("Step 1 of 4")).toBeVisible();
  await ready(page);
}

const roles: Claim[] = [
  { area: "Modern Work and Security", role: "Use or consume", name: "", tenantId: "  9B8E7D6C-5A4F-4E3D-8C2B-1A0F9E8D7C6B ", workloads: ["Microsoft Teams", "Microsoft Intune"] },
  { area: "Business Applications", role: "Build intent - Advisor", name: "", tenantId: DEMO.tenants.northwind, workloads: ["Dynamics 365 Sales"], subscriptions: [DEMO.subscriptions.northwindSales] },
  { area: "Business Applications", role: "Usage recognition - Non-incentive", name: "", tenantId: DEMO.tenants.northwind, partnerId: "4412346", workloads: ["Power Apps"], subscriptions: [DEMO.subscriptions.northwindPowerApps] },
  {
    area: "Business Applications",
    role: "Influenced revenue recognition - Non-incentive",
    name: "",
    tenantId: DEMO.tenants.northwind,
    revenue: { seller: "Contoso Dynamics team", customer: "Northwind Traders", isv: "Contoso Field Pro" },
    workloads: ["Dynamics 365 Sales", "Power Apps"],
    subscriptions: [DEMO.subscriptions.northwindSales, DEMO.subscriptions.northwindPowerApps],
  },
];

for (const [index, template] of roles.entries()) {
  test(`creates a Draft as "${template.role}"`, async ({ page }) => {
    const claim = { ...template, name: `${template.role} ${unique()}` };
    const shots = index === 0 ? "wizard-en" : undefined;
    await signIn(page, DEMO.users.contosoAdmin);
    await startWizard(page);
    if (shots) await expectAccessible(page);
    await fillDetails(page, claim, shots);
    if (shots) await expectAccessible(page);
    await chooseWorkloads(page, claim, shots);
    await fillContacts(page, shots);
    await expect(page.getByText(claim.name).first()).toBeVisible();
    for (const workload of claim.workloads) await expect(page.getByText(workload, { exact: true })).toBeVisible();
    if (shots) {
      await expectAccessible(page);
      await screenshot(page, `${shots}-step4`);
    }
    await page.getByRole("button", { name: "Add customer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: claim.name })).toBeVisible();
    await expect(page.getByTestId("claim-status")).toHaveText("Draft");
    await expect(page.getByText("Created as Draft")).toBeVisible();
    if (shots) await screenshot(page, `${shots}-claim`);

    await page.goto("/claims");
    const row = page.getByRole("row", { name: new RegExp(claim.name) });
    await expect(row).toContainText("Draft");
    await expect(row).toContainText(template.role);
  });
}

test("bad input is refused at the field, and nothing is created", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  await startWizard(page);
  await page.getByRole("radio", { name: "Business Applications" }).check();
  await page.getByRole("radio", { name: /^Influenced revenue recognition/ }).check();
  await page.getByLabel("Customer tenant ID").fill("not-a-guid");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/Enter the tenant ID as a GUID/)).toBeVisible();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "How to find a tenant ID" })).toBeVisible();
  await screenshot(page, "wizard-errors");

  // A well-formed tenant that Microsoft does not know cannot hold Business Applications subscriptions.
  await page.getByLabel("Claim name").fill("Unknown tenant");
  await page.getByLabel("PartnerID").selectOption("4412345");
  await page.getByLabel("Customer tenant ID").fill("11111111-2222-4333-8444-555555555555");
  await page.getByLabel("Dynamics solution seller name").fill("x");
  await page.getByLabel("Customer name").fill("x");
  await page.getByLabel("ISV product/solution name").fill("x");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/This tenant is not known/)).toBeVisible();
  await expect(page.getByText("Step 1 of 4")).toBeVisible();
  await ready(page);
});

test("CSP and ended subscriptions cannot be chosen, and say why", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  await startWizard(page);
  await fillDetails(page, { ...roles[1], name: `CSP ${unique()}` });
  await page.getByRole("checkbox", { name: "Dynamics 365 Customer Service", exact: true }).check();
  await expect(page.getByRole("checkbox", { name: new RegExp(DEMO.subscriptions.northwindCustomerServiceCsp) })).toBeDisabled();
  await expect(page.getByText(/Bought through CSP: not eligible for CPOR/)).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Select at least one subscription ID for this product.")).toBeVisible();
  await screenshot(page, "wizard-csp");
});

test("the review page's Edit links return to each step with the entries kept; a double click creates one claim", async ({ page }) => {
  const claim = { ...roles[0], name: `Edit links ${unique()}` };
  await signIn(page, DEMO.users.contosoAdmin);
  await startWizard(page);
  await fillDetails(page, claim);
  await chooseWorkloads(page, claim);
  await fillContacts(page);

  await page.getByRole("link", { name: "Edit Role and details" }).click();
  await expect(page.getByText("Step 1 of 4")).toBeVisible();
  await ready(page);
  await expect(page.getByLabel("Claim name")).toHaveValue(claim.name);
  await expect(page.getByLabel("Customer tenant ID")).toHaveValue("9b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
  await page.goto("/claims/new?step=4");
  await ready(page);
  await page.getByRole("link", { name: "Edit Workloads" }).click();
  await ready(page);
  await expect(page.getByRole("checkbox", { name: "Microsoft Teams", exact: true })).toBeChecked();
  await page.getByRole("checkbox", { name: "OneDrive", exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 3 of 4")).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(page.getByRole("group", { name: "Customer contact" }).getByLabel("Name")).toHaveValue("Nancy Davolio");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("OneDrive", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Add customer" }).dblclick();
  await expect(page.getByRole("heading", { level: 1, name: claim.name })).toBeVisible();
  await page.goto(`/claims?q=${encodeURIComponent(claim.name)}`);
  await expect(page.getByRole("row", { name: new RegExp(claim.name) })).toHaveCount(1);
});

test("a draft is edited and deleted by its organization, and invisible to another", async ({ page, browser }) => {
  const claim = { ...roles[0], name: `Lifecycle ${unique()}` };
  await signIn(page, DEMO.users.contosoAdmin);
  await startWizard(page);
  await fillDetails(page, claim);
  await chooseWorkloads(page, claim);
  await fillContacts(page);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: claim.name })).toBeVisible();
  const claimUrl = page.url();
  await ready(page);

  const other = await browser.newPage();
  await signIn(other, DEMO.users.fabrikamAdmin);
  expect((await other.request.get(claimUrl)).status()).toBe(404);
  expect((await other.request.get(`${claimUrl}/edit`)).status()).toBe(404);
  await other.goto(`/claims?q=${encodeURIComponent(claim.name)}`);
  await expect(other.getByText("No claims match these filters.")).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: "Edit" }).click();
  await expect(page.getByText("Step 4 of 4")).toBeVisible();
  await page.getByRole("link", { name: "Edit Role and details" }).click();
  await ready(page);
  await page.getByLabel("Claim name").fill(`${claim.name} v2`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.goto(`${claimUrl}/edit?step=4`);
  await ready(page);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${claim.name} v2` })).toBeVisible();
  await expect(page.getByText("Draft edited")).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete draft" }).click();
  await expect(page).toHaveURL(/\/claims$/);
  expect((await page.request.get(claimUrl)).status()).toBe(404);
});

test("the whole wizard in Japanese, for an influenced-revenue claim", async ({ page }) => {
  const name = `影響を受けた収益 ${unique()}`;
  await signIn(page, DEMO.users.contosoAdmin);
  await page.goto("/claims");
  await page.getByRole("button", { name: /Language: English/ }).click();
  await page.getByRole("menuitemradio", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "顧客の要求" })).toBeVisible();
  try {
    await page.getByRole("link", { name: "顧客の追加" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "顧客の追加" })).toBeVisible();
    if (!(await page.getByText("手順 1/4").isVisible())) {
      await page.getByRole("button", { name: "キャンセル" }).click();
      await page.getByRole("link", { name: "顧客の追加" }).click();
    }
    await expect(page.getByText("手順 1/4")).toBeVisible();
    await ready(page);

    await page.getByRole("radio", { name: "ビジネス アプリケーション" }).check();
    await page.getByRole("radio", { name: /^影響を受けた収益認識 - インセンティブなし/ }).check();
    await page.getByLabel("顧客のテナント ID").fill("{not a guid}");
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(page.getByRole("link", { name: "テナント ID の検索方法" })).toBeVisible();
    await screenshot(page, "wizard-ja-errors");
    await page.getByLabel("要求名").fill(name);
    await page.getByRole("combobox", { name: "パートナー ID" }).selectOption("4412346");
    await page.getByLabel("顧客のテナント ID").fill(DEMO.tenants.northwind.toUpperCase());
    await page.getByLabel("Dynamics ソリューションの販売者名").fill("Contoso Dynamics チーム");
    await page.getByLabel("顧客名").fill("Northwind Traders");
    await page.getByLabel("ISV 製品/ソリューションの名前").fill("Contoso Field Pro");
    await expectAccessible(page);
    await screenshot(page, "wizard-ja-step1");
    await page.getByRole("button", { name: "次へ" }).click();

    await expect(page.getByText("手順 2/4")).toBeVisible();
    await ready(page);
    await page.getByRole("checkbox", { name: "Dynamics 365 Sales", exact: true }).check();
    await page.getByRole("checkbox", { name: new RegExp(DEMO.subscriptions.northwindSales) }).check();
    await page.getByRole("checkbox", { name: "Dynamics 365 Customer Service", exact: true }).check();
    await expect(page.getByText(/CSP を通じて購入: CPOR の対象外です/)).toBeVisible();
    await page.getByRole("button", { name: "次へ" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /サブスクリプション/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "wizard-ja-step2");
    await page.getByRole("checkbox", { name: "Dynamics 365 Customer Service", exact: true }).uncheck();
    await page.getByRole("button", { name: "次へ" }).click();

    await expect(page.getByText("手順 3/4")).toBeVisible();
    await ready(page);
    const customer = page.getByRole("group", { name: "顧客の連絡先" });
    await customer.getByLabel("名前").fill("山田 花子");
    await customer.getByLabel("住所").fill("東京都港区港南 2-16-3");
    await customer.getByRole("textbox", { name: /^メール アドレス/ }).fill("hanako@northwind.example");
    const partner = page.getByRole("group", { name: "自分の会社の連絡先" });
    await partner.getByLabel("名前").fill("鈴木 一郎");
    await expectAccessible(page);
    await screenshot(page, "wizard-ja-step3");
    await page.getByRole("button", { name: "次へ" }).click();

    await expect(page.getByText("手順 4/4")).toBeVisible();
    await ready(page);
    await expect(page.getByText(name).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "ロールと詳細 を編集" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "wizard-ja-step4");
    await page.getByRole("button", { name: "顧客の追加" }).click();

    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("claim-status")).toHaveText("下書き");
    await expect(page.getByText("下書きとして作成")).toBeVisible();
    await screenshot(page, "wizard-ja-claim");
  } finally {
    await page.getByRole("button", { name: /言語: 日本語/ }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
  }
});
