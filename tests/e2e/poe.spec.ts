// From a Draft to Submitted as an incentive admin: the proof's details, a PDF dropped on the drop
// zone, the template downloaded, the acknowledgements, Submit claim, and the read-only claim page;
// and Submit claim while a file is still uploading; a file over 10 MB stored whole.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, expectAccessible, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { samplePdf } from "../support/poe-samples";
import { acknowledgeAll, createDraft, dropFile, ready, saveProofDetails, unique } from "./claims";

test("a Draft gets its proof of execution and is submitted", async ({ page }) => {
  const name = `PoE ${unique()}`;
  await signIn(page, DEMO.users.contosoAdmin);
  await createDraft(page, name);

  await page.getByRole("link", { name: "Upload PoE" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Upload PoE: ${name}` })).toBeVisible();
  await ready(page);
  await expectAccessible(page);

  // Submitting too early says what is missing.
  await page.getByRole("button", { name: "Submit claim" }).click();
  await expect(page.getByText("Confirm this statement to submit the claim.").first()).toBeVisible();

  // The details: a date older than 12 months is refused with the reason.
  await page.getByRole("radio", { name: /Microsoft's PoE template/ }).check();
  await page.getByLabel("Activities performed").fill("Deployed Teams and Intune for 1,200 users; ran adoption workshops.");
  await page.getByRole("checkbox", { name: "Deployment or configuration: Microsoft Teams" }).check();
  await page.getByRole("checkbox", { name: "Training: Microsoft Intune" }).check();
  const old = new Date();
  old.setUTCFullYear(old.getUTCFullYear() - 2);
  await page.getByLabel("Date of the customer's acknowledgement").fill(old.toISOString().slice(0, 10));
  await page.getByLabel("Acknowledged by (name)").fill("Nancy Davolio");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("The customer's acknowledgement must be dated within the last 12 months.")).toBeVisible();
  const recent = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Date of the customer's acknowledgement").fill(recent);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // The template, prefilled, in English.
  const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download template (English)" }).click()]);
  expect(template.suggestedFilename()).toMatch(/^PoE-template-.*\.docx$/);
  expect(readFileSync((await template.path())!).subarray(0, 2).toString()).toBe("PK");

  // A renamed executable is refused; a PDF dropped on the zone is uploaded.
  await dropFile(page, "invoice.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2000, 1)]), "application/pdf");
  await expect(page.getByText("invoice.pdf: this type of file is not accepted.", { exact: false })).toBeVisible();
  // The refused file is listed as failed, not as a file of the claim.
  const refused = page.getByRole("listitem").filter({ hasText: "invoice.pdf" });
  await expect(refused.getByText("Upload failed")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download invoice.pdf" })).toHaveCount(0);
  await dropFile(page, "signed-poe.pdf", Buffer.from(samplePdf(40_000)), "application/pdf");
  await expect(page.getByRole("link", { name: "Download signed-poe.pdf" })).toBeVisible();
  await expect(page.getByText(/PDF · 39 KB/)).toBeVisible();
  await page.getByRole("button", { name: "Dismiss invoice.pdf" }).click();
  await expect(refused).toHaveCount(0);

  await page.getByLabel("Comments for Microsoft (optional)").fill("The signed template is attached.");
  await page.getByRole("button", { name: "Save comments" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." }).last()).toBeVisible();

  for (const checkbox of await page.getByRole("form", { name: "Acknowledgements" }).getByRole("checkbox").all()) await checkbox.check();
  await screenshot(page, "poe-en");
  await page.getByRole("button", { name: "Submit claim" }).dblclick();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("claim-status")).toHaveText("Submitted");
  await expect(page.getByText("Claim submitted")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Download signed-poe.pdf" })).toBeVisible();
  await expect(page.getByText("The signed template is attached.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Upload PoE" })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "poe-submitted");

  // The PoE page of a submitted claim leads back to the read-only claim.
  await page.goto(`${page.url()}/poe`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("Submit claim waits for a file that is still uploading, and never says no file was uploaded", async ({ page }) => {
  const name = `PoE ${unique()}`;
  await signIn(page, DEMO.users.contosoAdmin);
  await createDraft(page, name);
  await page.getByRole("link", { name: "Upload PoE" }).click();
  await ready(page);
  await saveProofDetails(page);
  await acknowledgeAll(page);

  // The upload request is held (as a slow first compile of the route holds it) until the test lets it through.
  let letThrough!: () => void;
  const held = new Promise<void>((resolve) => (letThrough = resolve));
  let uploadsSeen = 0;
  await page.route("**/api/claims/*/poe/files", async (route) => {
    uploadsSeen += 1;
    await held;
    await route.continue();
  });

  // Chosen with the drop zone's button this time (the first test drops its files).
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("poe-dropzone").getByRole("button", { name: "Browse files" }).click();
  await (await chooser).setFiles({ name: "slow-poe.pdf", mimeType: "application/pdf", buffer: Buffer.from(samplePdf(30_000)) });
  const row = page.getByRole("listitem").filter({ hasText: "slow-poe.pdf" });
  await expect(row).toContainText("Uploading");
  await expect.poll(() => uploadsSeen).toBe(1);

  // A click now (forced past any disabled state, as an impatient person would click) submits nothing.
  const submit = page.getByRole("button", { name: "Submit claim" });
  await submit.click({ force: true });
  await page.waitForTimeout(1_500);
  await expect(page.getByText("Upload at least one PoE file")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: `Upload PoE: ${name}` })).toBeVisible();
  await expect(row.getByText("Uploading…")).toBeVisible();
  await expect(submit).toBeDisabled();
  await expect(page.getByText("Wait for uploads to finish")).toBeVisible();
  await screenshot(page, "poe-uploading");

  letThrough();
  await expect(page.getByRole("link", { name: "Download slow-poe.pdf" })).toBeVisible();
  await expect(page.getByText("Uploading…")).toHaveCount(0);
  await expect(page.getByText("Wait for uploads to finish")).toHaveCount(0);
  await expect(submit).toBeEnabled();
  await submit.click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("claim-status")).toHaveText("Submitted");
  await expect(page.getByRole("link", { name: "Download slow-poe.pdf" })).toBeVisible();
  await expect(page.getByText("Upload at least one PoE file")).toHaveCount(0);
});

test("a 20 MB file is stored whole: its download has every byte that was chosen", async ({ page }) => {
  const name = `PoE ${unique()}`;
  await signIn(page, DEMO.users.contosoAdmin);
  await createDraft(page, name);
  await page.getByRole("link", { name: "Upload PoE" }).click();
  await ready(page);

  const file = Buffer.from(samplePdf(20 * 1024 * 1024));
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("poe-dropzone").getByRole("button", { name: "Browse files" }).click();
  await (await chooser).setFiles({ name: "large-poe.pdf", mimeType: "application/pdf", buffer: file });
  const link = page.getByRole("link", { name: "Download large-poe.pdf" });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/PDF · 20,480 KB/)).toBeVisible();

  const download = await page.request.get(new URL((await link.getAttribute("href"))!, page.url()).toString());
  expect(download.status()).toBe(200);
  const body = await download.body();
  expect(body.length).toBe(file.length);
  expect(createHash("sha256").update(body).digest("hex")).toBe(createHash("sha256").update(file).digest("hex"));
});
