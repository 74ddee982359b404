// Browser flows shared by the claim tests: a Draft through the wizard, a file dropped on the drop
// zone, and a Draft submitted with its proof of execution.
import { expect, type Browser, type Page } from "@playwright/test";
import { samplePdf } from "../support/poe-samples";
import { chooseLanguage, signIn } from "./support";

export const unique = () => Math.random().toString(36).slice(2, 8);
export const ready = (page: Page) => expect(page.locator("[data-ready]").first()).toBeVisible();

/** The wizard's first step for a new claim (an unfinished one left by an earlier test is cancelled); the page's response. */
export async function openNewClaim(page: Page) {
  const response = await page.goto("/claims/new");
  await ready(page);
  if (!(await page.getByText("Step 1 of 4").isVisible())) {
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("link", { name: "Add customer" }).click();
    await ready(page);
  }
  return response;
}

/** A Draft made through the wizard (Modern Work and Security, two workloads; Contoso's Seattle PartnerID and a new tenant unless given). */
export async function createDraft(
  page: Page,
  name: string,
  customerEmail = "nancy@northwind.example",
  { partnerId = "4412345", tenantId = crypto.randomUUID(), product }: { partnerId?: string; tenantId?: string; product?: BusinessApplicationsProduct } = {},
) {
  await openNewClaim(page);
  await page.getByRole("radio", { name: product ? "Business Applications" : "Modern Work and Security" }).check();
  if (product) await page.getByRole("radio", { name: new RegExp(`^${product.role}`) }).check();
  await page.getByLabel("Claim name").fill(name);
  await page.getByRole("combobox", { name: "PartnerID" }).selectOption(partnerId);
  await page.getByLabel("Customer tenant ID").fill(tenantId);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 2 of 4")).toBeVisible();
  await ready(page);
  if (product) {
    await chooseProduct(page, product);
  } else {
    await page.getByRole("checkbox", { name: "Microsoft Teams", exact: true }).check();
    await page.getByRole("checkbox", { name: "Microsoft Intune", exact: true }).check();
  }
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 3 of 4")).toBeVisible();
  await ready(page);
  const customer = page.getByRole("group", { name: "Customer contact" });
  await customer.getByLabel("Name").fill("Nancy Davolio");
  await customer.getByLabel("Address").fill("1 Main Street, Seattle");
  await customer.getByRole("textbox", { name: /^Email/ }).fill(customerEmail);
  await page.getByRole("group", { name: "Your company's contact" }).getByLabel("Name").fill("Pat Partner");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 4 of 4")).toBeVisible();
  await ready(page);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await ready(page);
}

/** A Business Applications claim's product, its subscription and the partner role. */
export type BusinessApplicationsProduct = { role: string; workload: string; subscriptionId: string };

/** On the wizard's second step: a Business Applications product and one of its subscriptions. */
export async function chooseProduct(page: Page, product: BusinessApplicationsProduct) {
  await page.getByRole("checkbox", { name: product.workload, exact: true }).check();
  await page.getByRole("checkbox", { name: new RegExp(product.subscriptionId) }).check();
}

/** Drops files on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
export async function dropFile(page: Page, name: string, content: Buffer, type: string) {
  const transfer = await page.evaluateHandle(
    ({ name, bytes, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type }));
      return data;
    },
    { name, bytes: [...content], type },
  );
  const zone = page.getByTestId("poe-dropzone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}

/** The proof's acknowledgement date (days ago) and the workload it names. */
type ProofOptions = { acknowledgedDaysAgo?: number; workload?: string };

/** On the Upload PoE page: valid details of the proof (acknowledged by the customer five days ago unless told), saved. */
export async function saveProofDetails(page: Page, { acknowledgedDaysAgo = 5, workload = "Microsoft Teams" }: ProofOptions = {}) {
  await page.getByRole("radio", { name: /Microsoft's PoE template/ }).check();
  await page.getByLabel("Activities performed").fill(`Deployed ${workload} for 1,200 users.`);
  await page.getByRole("checkbox", { name: `Deployment or configuration: ${workload}` }).check();
  await page.getByLabel("Date of the customer's acknowledgement").fill(new Date(Date.now() - acknowledgedDaysAgo * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Acknowledged by (name)").fill("Nancy Davolio");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
}

/** On the Upload PoE page: every acknowledgement checked. */
export async function acknowledgeAll(page: Page) {
  for (const checkbox of await page.getByRole("form", { name: "Acknowledgements" }).getByRole("checkbox").all()) await checkbox.check();
}

/** From a Draft's page: the proof's details, one PDF, the acknowledgements, and Submit claim. */
export async function submitWithProof(page: Page, name: string, proof: ProofOptions = {}) {
  await page.getByRole("link", { name: "Upload PoE" }).click();
  await ready(page);
  await saveProofDetails(page, proof);
  await dropFile(page, "signed-poe.pdf", Buffer.from(samplePdf(20_000)), "application/pdf");
  await expect(page.getByRole("link", { name: "Download signed-poe.pdf" })).toBeVisible();
  await acknowledgeAll(page);
  await page.getByRole("button", { name: "Submit claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("claim-status")).toHaveText("Submitted");
}

/** Another person signed in, in a browser context of their own. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** From the reviewer's queue: the claim found by its name, opened. */
export async function openFromQueue(reviewer: Page, name: string) {
  await reviewer.goto("/review");
  await ready(reviewer);
  await reviewer.getByRole("searchbox", { name: "Search" }).fill(name);
  await reviewer.getByRole("button", { name: "Apply" }).click();
  await expect(reviewer.getByTestId("queue-row")).toHaveCount(1);
  await reviewer.getByRole("link", { name }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name })).toBeVisible();
  await ready(reviewer);
}

/** Switches the portal's language from the user menu and waits for the page in it. */
export async function inLanguage(page: Page, language: "日本語" | "English") {
  await chooseLanguage(page, language);
  await ready(page);
}
