// Sign-in, the shell, languages, sign-out and role separation, as a person would use them.
import { chooseLanguage, expect, expectAccessible, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { firstLink, mailIds, waitForMail } from "../support/mailbox";

test("the sign-in page is accessible and refuses a malformed email at the field", async ({ page }) => {
  await page.goto("/claims");
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a work email address, for example name@contoso.com.")).toBeVisible();
  await screenshot(page, "signin-invalid-email");
});

test("an incentive admin signs in, sees the shell, switches to Japanese and back, and signs out", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByRole("heading", { level: 1, name: "Customer claims" })).toBeVisible();
  await expect(page.getByTestId("shell-organization")).toHaveText("Contoso");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Customer claims" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Add customer" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "claims-en");

  await chooseLanguage(page, "日本語");
  await expect(page.getByRole("heading", { level: 1, name: "顧客の要求" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expectAccessible(page);
  await screenshot(page, "claims-ja");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "顧客の要求" })).toBeVisible();

  await chooseLanguage(page, "English");
  await expect(page.getByRole("heading", { level: 1, name: "Customer claims" })).toBeVisible();

  await page.getByRole("button", { name: "Contoso incentive admin" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/claims");
  await expect(page).toHaveURL(/\/signin/);
});

test("an incentive admin cannot open reviewer pages: the server answers 404", async ({ page }) => {
  await signIn(page, DEMO.users.fabrikamAdmin);
  await expect(page.getByTestId("shell-organization")).toHaveText("Fabrikam");
  await expect(page.getByRole("link", { name: "Validation queue" })).toHaveCount(0);
  const response = await page.request.get("/review");
  expect(response.status()).toBe(404);
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the reviewer signs in to the validation queue and cannot open partner pages", async ({ page }) => {
  await signIn(page, DEMO.users.reviewer);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("heading", { level: 1, name: "Validation queue" })).toBeVisible();
  await expect(page.getByTestId("shell-organization")).toHaveText("Microsoft reviewer");
  await expectAccessible(page);
  await screenshot(page, "review-queue");
  expect((await page.request.get("/claims")).status()).toBe(404);
});

test("an unknown address gets the same answer and no email", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Work email").fill("someone@unknown.example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await fetch(`${process.env.MAIL_INBOX_URL}/api/email`).then((r) => r.json());
  expect(mail.filter((m: { to: { address: string }[] }) => m.to.some((t) => t.address === "someone@unknown.example"))).toEqual([]);
});

test("a session cookie whose session is gone is forgotten, and a new sign-in link still signs in", async ({ page, context }) => {
  test.slow(); // two sign-ins and a sign-out
  const email = DEMO.users.contosoAdmin;
  await signIn(page, email);
  await expect(page).toHaveURL(/\/claims$/);
  const sessionCookie = async () => (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  const stale = (await sessionCookie())!;
  expect(stale).toBeTruthy();

  // Signing out deletes the session's row; the browser then gets the old cookie back.
  await page.getByRole("button", { name: "Contoso incentive admin" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await context.addCookies([stale]);

  // The sign-in page forgets a cookie that names no session.
  await page.goto("/claims");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByLabel("Work email")).toBeVisible();
  expect(await sessionCookie()).toBeUndefined();

  // A fresh link opened while the stale cookie is still there signs in (it used to end at error=Configuration).
  const since = new Date();
  const ignore = await mailIds();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const link = firstLink(await waitForMail({ to: email, since, subject: /sign-in link|サインイン リンク/, ignore }), /\/api\/auth\/callback\/nodemailer/);
  await context.addCookies([stale]);
  await page.goto(link);
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByRole("heading", { level: 1, name: "Customer claims" })).toBeVisible();
  expect((await sessionCookie())?.value).not.toBe(stale.value);
});
