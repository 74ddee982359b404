// The customer's side: the approval email arrives after submission, its link opens a page that works
// without JavaScript, Approve is recorded on the partner's claim, and a later Decline from the same
// email rejects the claim with the reason "Customer declined". (A customer who lost the email asks at
// /c: tests/e2e/customer-requests.spec.ts.)
import { expect, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { firstLink, waitForMail } from "../support/mailbox";
import { createDraft, ready, submitWithProof, unique } from "./claims";

test("the customer approves from the email, then declines later", async ({ page, browser }) => {
  const name = `Customer ${unique()}`;
  const customerEmail = `it-${unique()}@northwind.example`;
  await signIn(page, DEMO.users.contosoAdmin);
  await createDraft(page, name, customerEmail);
  const since = new Date();
  await submitWithProof(page, name);
  const claimUrl = page.url();

  const mail = await waitForMail({ to: customerEmail, since, timeoutMs: 60_000 });
  expect(mail.text).toContain("Contoso");
  expect(mail.text).toContain("4412345");
  expect(mail.text).toContain("Microsoft Teams");
  const link = firstLink(mail, /\/c\/[^?\s]+$/);

  // The customer: no sign-in, and no JavaScript needed.
  const customer = await browser.newContext({ javaScriptEnabled: false });
  const view = await customer.newPage();
  await view.goto(link);
  await expect(view.getByRole("heading", { level: 1, name: "Partner association request" })).toBeVisible();
  await expect(view.getByText("Microsoft Teams")).toBeVisible();
  await screenshot(view, "customer-request");
  await view.getByRole("button", { name: "Approve" }).click();
  await expect(view.getByText("Thank you: your approval is recorded.")).toBeVisible();
  await expect(view.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await screenshot(view, "customer-approved");

  await page.goto(claimUrl);
  await ready(page);
  await expect(page.getByTestId("customer-response")).toContainText("Approved on");
  await expect(page.getByText("The customer approved the association")).toBeVisible();

  // Later, from the same email: Decline, with a reason.
  await view.goto(link);
  await view.getByLabel("Reason for declining (optional)").fill("We work with another partner now.");
  await view.getByRole("button", { name: "Decline" }).click();
  await expect(view.getByText("Your decline is recorded.")).toBeVisible();
  await customer.close();

  await page.goto(claimUrl);
  await ready(page);
  await expect(page.getByTestId("claim-status")).toHaveText("Rejected");
  await expect(page.getByTestId("claim-reason")).toHaveText("Reason: Customer declined");
  await expect(page.getByTestId("customer-response")).toContainText("Declined on");
  await screenshot(page, "customer-declined-claim");
});

test("a changed or unknown link gets a clear page, not an error", async ({ page }) => {
  await page.goto("/c/not-a-real-token");
  await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("incomplete or has been changed");
});
