// The reviewer's console and the partner's side of the decision loop, in two browsers at once: the
// reviewer filters the queue, opens a claim, opens its PoE, asks the partner for action; the partner
// updates the proof and resubmits; the reviewer approves and the partner sees Approved. A second claim
// is rejected, disputed with new proof, and rejected for good.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { samplePdf } from "../support/poe-samples";
import { createDraft, dropFile, inLanguage, openFromQueue, ready, signedIn, submitWithProof, unique, type BusinessApplicationsProduct } from "./claims";

async function decideWithReason(reviewer: Page, button: string, reason: string, words: string, confirm: string) {
  await reviewer.getByRole("button", { name: button, exact: true }).click();
  const dialog = reviewer.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "Reason" }).selectOption({ label: reason });
  await dialog.getByRole("textbox").fill(words);
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test("partner action required, resubmission and approval", async ({ page: partner, browser }) => {
  const name = `Review loop ${unique()}`;
  await signIn(partner, DEMO.users.contosoAdmin);
  await createDraft(partner, name);
  await submitWithProof(partner, name);
  const claimUrl = partner.url();

  const reviewer = await signedIn(browser, DEMO.users.reviewer);
  // The queue, filtered like a reviewer would: Modern Work and Security, unassigned, searched by name.
  await reviewer.goto("/review");
  await ready(reviewer);
  await reviewer.getByRole("combobox", { name: "Solution area" }).selectOption({ label: "Modern Work and Security" });
  await reviewer.getByRole("combobox", { name: "Assigned to" }).selectOption({ label: "Nobody" });
  await reviewer.getByRole("searchbox", { name: "Search" }).fill(name);
  await reviewer.getByRole("button", { name: "Apply" }).click();
  await expect(reviewer).toHaveURL(/area=MODERN_WORK_SECURITY/);
  const row = reviewer.getByTestId("queue-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Contoso");
  await expect(row).toContainText("Submitted");
  await expect(row).toContainText("0 of 5");
  await screenshot(reviewer, "review-queue");
  await expectAccessible(reviewer);

  await row.getByRole("link", { name }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name })).toBeVisible();
  await ready(reviewer);
  const reviewUrl = reviewer.url();
  await expect(reviewer.getByTestId("check-tenantExists")).toHaveAttribute("data-ok", "false");
  await expect(reviewer.getByTestId("check-partnerIdOfOrganization")).toHaveAttribute("data-ok", "true");
  // The PoE opens in the browser (inline), not only as a download.
  const open = reviewer.getByRole("link", { name: "Open signed-poe.pdf" });
  await expect(open).toHaveAttribute("href", /inline=1/);
  const file = await reviewer.request.get((await open.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["content-disposition"]).toMatch(/^inline/);
  // The download keeps its own policy (the browser's PDF viewer must run); framing stays denied.
  expect(file.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
  expect(file.headers()["x-frame-options"]).toBe("DENY");

  await reviewer.getByRole("button", { name: "Start review" }).click();
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Under review");
  await expect(reviewer.getByTestId("claim-assignee")).toHaveText("Assigned to you");

  // A question without its reason and words is refused at the fields.
  await reviewer.getByRole("button", { name: "Partner action required" }).click();
  const dialog = reviewer.getByRole("dialog");
  await dialog.getByRole("button", { name: "Send to the partner" }).click();
  await expect(dialog.getByText("This field is required.")).toHaveCount(2);
  await screenshot(reviewer, "review-partner-action-dialog");
  await dialog.getByRole("combobox", { name: "Reason" }).selectOption({ label: "Dates missing or older than 12 months" });
  await dialog.getByRole("textbox", { name: "Your question to the partner" }).fill("Please add the date the customer signed the proof.");
  await dialog.getByRole("button", { name: "Send to the partner" }).click();
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Partner action required");
  await screenshot(reviewer, "review-partner-action-required");

  // The partner sees the reason and the question, updates the proof and resubmits.
  await partner.goto(claimUrl);
  await ready(partner);
  await expect(partner.getByTestId("claim-status")).toHaveText("Partner action required");
  await expect(partner.getByText("Microsoft's question: Please add the date the customer signed the proof.")).toBeVisible();
  await screenshot(partner, "partner-action-required");
  await partner.getByRole("link", { name: "Update PoE" }).click();
  await ready(partner);
  await partner.getByLabel("Activities performed").fill("Deployed Teams for 1,200 users; signed by the customer on the date given.");
  await partner.getByRole("button", { name: "Save details" }).click();
  await expect(partner.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await partner.getByRole("button", { name: "Resubmit claim" }).click();
  await expect(partner.getByTestId("claim-status")).toHaveText("Under review");

  // The reviewer approves; the partner sees Approved.
  await reviewer.reload();
  await ready(reviewer);
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Under review");
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Approved");
  await screenshot(reviewer, "review-approved");

  await partner.goto(claimUrl);
  await ready(partner);
  await expect(partner.getByTestId("claim-status")).toHaveText("Approved");
  await expect(partner.getByTestId("associations")).toContainText("Microsoft Teams associated since");
  await screenshot(partner, "partner-approved");

  await reviewer.goto("/review/dashboard");
  await ready(reviewer);
  await expect(reviewer.getByTestId("status-count-APPROVED")).not.toContainText(/^Approved0$/);
  await screenshot(reviewer, "review-dashboard");

  // The background jobs, from the navigation: each periodic job with its schedule and recent runs.
  await reviewer.getByRole("link", { name: "Background jobs" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
  await ready(reviewer);
  for (const name of ["Reminders to customers", "Rejection of claims the partner left unanswered", "Clean-up of ended sign-in limits", "Clean-up of unfinished proof uploads"]) {
    await expect(reviewer.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(reviewer.getByTestId("job-customer-reminders")).toContainText("*/5 * * * *");
  await screenshot(reviewer, "review-jobs");

  // The console in Japanese, then back to English (the choice is saved on the reviewer's profile).
  await reviewer.goto(reviewUrl);
  await ready(reviewer);
  await reviewer.getByRole("button", { name: /Language: English/ }).click();
  await reviewer.getByRole("menuitemradio", { name: "日本語" }).click();
  await expect(reviewer.getByRole("heading", { level: 2, name: "判定" })).toBeVisible();
  await expect(reviewer.getByTestId("claim-status")).toHaveText("承認済み");
  await screenshot(reviewer, "review-claim-ja");
  await reviewer.goto("/review?view=APPROVED");
  await ready(reviewer);
  await expect(reviewer.getByRole("heading", { level: 1, name: "検証キュー" })).toBeVisible();
  await expectAccessible(reviewer);
  await screenshot(reviewer, "review-queue-ja");
  await reviewer.getByRole("button", { name: /言語: 日本語/ }).click();
  await reviewer.getByRole("menuitemradio", { name: "English" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Validation queue" })).toBeVisible();
  await reviewer.context().close();
});

test("rejection, dispute with new proof, and the final decision", async ({ page: partner, browser }) => {
  const name = `Dispute ${unique()}`;
  await signIn(partner, DEMO.users.contosoAdmin);
  await createDraft(partner, name);
  await submitWithProof(partner, name);
  const claimUrl = partner.url();

  const reviewer = await signedIn(browser, DEMO.users.reviewer);
  await openFromQueue(reviewer, name);
  await reviewer.getByRole("button", { name: "Start review" }).click();
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Under review");
  await decideWithReason(reviewer, "Reject", "Insufficient proof of execution", "The proof is not signed by the customer.", "Reject");
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Rejected");

  await partner.goto(claimUrl);
  await ready(partner);
  await expect(partner.getByTestId("claim-status")).toHaveText("Rejected");
  await expect(partner.getByText("Microsoft's note: The proof is not signed by the customer.")).toBeVisible();
  await partner.getByLabel("Explanation").fill("The signed proof is attached now.");
  await partner.getByRole("button", { name: "Submit dispute" }).click();
  await expect(partner.getByTestId("dispute-files-error")).toBeVisible();
  await dropFile(partner, "signed-by-customer.pdf", Buffer.from(samplePdf(12_000)), "application/pdf");
  await expect(partner.getByRole("region", { name: "Dispute this decision" }).getByRole("link", { name: "Download signed-by-customer.pdf" })).toBeVisible();
  await screenshot(partner, "partner-dispute");
  await partner.getByRole("button", { name: "Submit dispute" }).click();
  await expect(partner.getByTestId("claim-status")).toHaveText("Dispute");

  await reviewer.reload();
  await ready(reviewer);
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Dispute");
  await expect(reviewer.getByRole("link", { name: "Open signed-by-customer.pdf" })).toBeVisible();
  await decideWithReason(reviewer, "Reject (final)", "Customer consent missing on the proof of execution", "The new file is signed by the partner, not the customer.", "Reject (final)");
  await expect(reviewer.getByTestId("claim-status")).toHaveText("Rejected final");
  await screenshot(reviewer, "review-rejected-final");

  await partner.goto(claimUrl);
  await ready(partner);
  await expect(partner.getByTestId("claim-status")).toHaveText("Rejected final");
  await expect(partner.getByText("Microsoft's note: The new file is signed by the partner, not the customer.")).toBeVisible();
  await reviewer.context().close();
});

test("the most recent valid PoE wins: the review page says what Approve will do, and approving displaces the holder", async ({ page: contoso, browser }) => {
  const tenantId = crypto.randomUUID();
  const holderName = `Holder ${unique()}`;
  const newerName = `Newer ${unique()}`;
  await signIn(contoso, DEMO.users.contosoAdmin);
  await createDraft(contoso, holderName, "nancy@northwind.example", { tenantId });
  await submitWithProof(contoso, holderName, { acknowledgedDaysAgo: 40 });
  const holderUrl = contoso.url();
  const fabrikam = await signedIn(browser, DEMO.users.fabrikamAdmin);
  await createDraft(fabrikam, newerName, "nancy@northwind.example", { tenantId, partnerId: "5523456" });
  await submitWithProof(fabrikam, newerName, { acknowledgedDaysAgo: 3 });

  const reviewer = await signedIn(browser, DEMO.users.reviewer);
  // The claim's own status (the competing claims' rows carry theirs too).
  await openFromQueue(reviewer, holderName);
  await reviewer.getByRole("button", { name: "Start review" }).click();
  await expect(reviewer.getByTestId("claim-status").first()).toHaveText("Under review");
  await reviewer.getByRole("button", { name: "Approve", exact: true }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("claim-status").first()).toHaveText("Approved");

  await openFromQueue(reviewer, newerName);
  await reviewer.getByRole("button", { name: "Start review" }).click();
  await expect(reviewer.getByTestId("claim-status").first()).toHaveText("Under review");
  const outcome = reviewer.getByTestId("approve-outcome");
  await expect(outcome).toContainText("Approving displaces the current holder");
  await expect(outcome).toContainText(holderName);
  await expect(reviewer.getByTestId("competitor-acknowledged")).not.toHaveText("—");
  await screenshot(reviewer, "review-approve-displaces");
  await reviewer.getByRole("button", { name: "Approve", exact: true }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("claim-status").first()).toHaveText("Approved");

  await contoso.goto(holderUrl);
  await ready(contoso);
  await expect(contoso.getByTestId("claim-status")).toHaveText("Rejected");
  await expect(contoso.getByText("Conflicting claim won by another partner").first()).toBeVisible();
  await screenshot(contoso, "partner-displaced");
  // The winner's view: Approved, its association standing.
  await fabrikam.reload();
  await ready(fabrikam);
  await expect(fabrikam.getByTestId("claim-status")).toHaveText("Approved");
  await expect(fabrikam.getByText(/associated since/).first()).toBeVisible();

  // Both partners' views in Japanese (each admin's choice is saved on their profile, so it is set back).
  for (const [page, status] of [[contoso, "拒否"], [fabrikam, "承認済み"]] as const) {
    await inLanguage(page, "日本語");
    await expect(page.getByTestId("claim-status")).toHaveText(status);
  }
  await expect(contoso.getByText("競合する要求で別のパートナーが優先").first()).toBeVisible();
  await screenshot(contoso, "partner-displaced-ja");
  await screenshot(fabrikam, "partner-winner-ja");
  for (const page of [contoso, fabrikam]) await inLanguage(page, "English");
  await reviewer.context().close();
  await fabrikam.context().close();
});

test("a Dynamics association ending within 90 days offers Re-associate, which starts a new claim from this one", async ({ page: contoso, browser }) => {
  const name = `Field Service ${unique()}`;
  const product: BusinessApplicationsProduct = { role: "Usage recognition", workload: "Dynamics 365 Field Service", subscriptionId: DEMO.subscriptions.northwindFieldServiceEnding };
  await signIn(contoso, DEMO.users.contosoAdmin);
  await createDraft(contoso, name, "nancy@northwind.example", { tenantId: DEMO.tenants.northwind, product });
  await submitWithProof(contoso, name, { workload: product.workload });
  const claimUrl = contoso.url();

  const reviewer = await signedIn(browser, DEMO.users.reviewer);
  await openFromQueue(reviewer, name);
  await reviewer.getByRole("button", { name: "Start review" }).click();
  await reviewer.getByRole("button", { name: "Approve", exact: true }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("claim-status").first()).toHaveText("Approved");
  await reviewer.context().close();

  await contoso.goto(claimUrl);
  await ready(contoso);
  await expect(contoso.getByText(/ends with the subscription on/)).toBeVisible();
  const renewal = contoso.getByTestId("renewal");
  await expect(renewal).toContainText("re-associate");
  await screenshot(contoso, "renewal-offer");

  // In Japanese too.
  await inLanguage(contoso, "日本語");
  await expect(contoso.getByTestId("renewal")).toContainText("再関連付け");
  await screenshot(contoso, "renewal-offer-ja");
  await inLanguage(contoso, "English");

  // Re-associate: a new claim at the products step, with this claim's tenant, role, PartnerID and contacts.
  await contoso.getByTestId("renewal").getByRole("button", { name: "Re-associate" }).click();
  await expect(contoso.getByText("Step 2 of 4")).toBeVisible();
  await ready(contoso);
  await expect(contoso.getByRole("checkbox", { name: product.workload, exact: true })).not.toBeChecked();
  await contoso.getByRole("checkbox", { name: "Dynamics 365 Sales", exact: true }).check();
  await contoso.getByRole("checkbox", { name: new RegExp(DEMO.subscriptions.northwindSales) }).check();
  await contoso.getByRole("button", { name: "Next" }).click();
  await expect(contoso.getByText("Step 3 of 4")).toBeVisible();
  await ready(contoso);
  await expect(contoso.getByRole("group", { name: "Customer contact" }).getByLabel("Name")).toHaveValue("Nancy Davolio");
  await contoso.getByRole("button", { name: "Next" }).click();
  await expect(contoso.getByText("Step 4 of 4")).toBeVisible();
  await ready(contoso);
  for (const text of [`${name} (renewal)`, DEMO.tenants.northwind, "Usage recognition", DEMO.subscriptions.northwindSales]) await expect(contoso.getByText(text).first()).toBeVisible();
  await screenshot(contoso, "renewal-review");
  await contoso.getByRole("button", { name: "Cancel" }).click();
  await expect(contoso).toHaveURL(/\/claims$/);
});

test("an incentive admin gets 404 on every reviewer page and the export", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  for (const path of ["/review", "/review/dashboard", "/review/jobs", "/review/claims/anything", "/review/claims/anything/compare", "/review/export"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
  }
});
