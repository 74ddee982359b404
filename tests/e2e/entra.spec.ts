// Signing in with Microsoft Entra ID, end to end in the browser: the sign-in page's Microsoft button,
// the Entra ID stand-in's sign-in page (tests/support/entra.ts), and back to the portal as the right
// person in the right organisation, or to a page that says why not.
import { expect, screenshot, signInWithMicrosoft, test } from "./support";
import { ENTRA_TEST_PEOPLE, setEntraRoles } from "../support/entra";

const people = ENTRA_TEST_PEOPLE;

test("the sign-in page offers Microsoft first and the email link, in English and Japanese", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in with Microsoft" })).toBeVisible();
  await expect(page.getByLabel("Work email")).toBeVisible();
  await screenshot(page, "signin-methods-en");
  await page.getByRole("button", { name: /Language: English/ }).click();
  await page.getByRole("menuitemradio", { name: "日本語" }).click();
  await expect(page.getByRole("button", { name: "Microsoft でサインイン" })).toBeVisible();
  await expect(page.getByLabel("職場のメール アドレス")).toBeVisible();
  await screenshot(page, "signin-methods-ja");
});

test("a Contoso incentive admin signs in with Microsoft and lands on Contoso's claims", async ({ page }) => {
  await signInWithMicrosoft(page, people.contosoAdmin);
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByTestId("shell-organization")).toHaveText("Contoso");
  await expect(page.getByRole("button", { name: "Megan Bowen" })).toBeVisible();
  await screenshot(page, "entra-contoso-claims");
});

test("a Fabrikam incentive admin signs in with Microsoft and lands on Fabrikam's claims", async ({ page }) => {
  await signInWithMicrosoft(page, people.fabrikamAdmin);
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByTestId("shell-organization")).toHaveText("Fabrikam");
});

test("a Microsoft reviewer signs in with Microsoft to the validation queue", async ({ page }) => {
  await signInWithMicrosoft(page, people.reviewer);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("heading", { level: 1, name: "Validation queue" })).toBeVisible();
});

const refusals = [
  { who: "someone from a tenant no organisation signs in from", person: people.unknownTenant, reason: "unknown-tenant", text: "no partner organization in the portal signs in from" },
  { who: "someone without an app role", person: people.noRole, reason: "no-role", text: "Your work account has no role in the portal." },
  { who: "a partner's account with the Reviewer role", person: people.partnerReviewer, reason: "reviewer-tenant", text: "The Reviewer role counts only for accounts in Microsoft's own tenant" },
  { who: "an account whose email an email-link user has", person: people.sameEmail, reason: "not-linked", text: "that account is not linked to this Microsoft account" },
] as const;

for (const { who, person, reason, text } of refusals) {
  test(`${who} is refused with a page that says why, and is not signed in`, async ({ page }) => {
    await signInWithMicrosoft(page, person);
    await expect(page).toHaveURL(new RegExp(`/signin/refused\\?reason=${reason}$`));
    await expect(page.getByRole("heading", { level: 1, name: "You can't sign in to the portal" })).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();
    await screenshot(page, `signin-refused-${reason}`);
    await page.goto("/claims");
    await expect(page).toHaveURL(/\/signin$/);
  });
}

test("the refusal page is in Japanese too", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: /Language: English/ }).click();
  await page.getByRole("menuitemradio", { name: "日本語" }).click();
  await expect(page.getByRole("button", { name: "Microsoft でサインイン" })).toBeVisible();
  await signInWithMicrosoft(page, people.noRole);
  await expect(page.getByRole("heading", { level: 1, name: "ポータルにサインインできません" })).toBeVisible();
  await expect(page.getByText("お使いの職場アカウントには、ポータルでのロールがありません。")).toBeVisible();
  await screenshot(page, "signin-refused-no-role-ja");
});

test("a role removed in Entra ID between two sign-ins: the next sign-in is refused and the earlier session ends; assigned again, the person is back", async ({ page, browser }) => {
  const person = people.roleChanges;
  await signInWithMicrosoft(page, person);
  await expect(page).toHaveURL(/\/claims$/);
  try {
    await setEntraRoles(person.username, []);
    const other = await (await browser.newContext()).newPage();
    await signInWithMicrosoft(other, person);
    await expect(other).toHaveURL(/\/signin\/refused\?reason=role-removed$/);
    await expect(other.getByText("Your role in the portal was removed in Microsoft Entra ID, so you have been signed out.")).toBeVisible();
    await screenshot(other, "signin-refused-role-removed");
    // The first browser's session ended with the refusal: its next request finds no one signed in.
    await page.reload();
    await expect(page).toHaveURL(/\/signin$/);

    await setEntraRoles(person.username, ["IncentiveAdmin"]);
    await signInWithMicrosoft(other, person);
    await expect(other).toHaveURL(/\/claims$/);
    await expect(other.getByTestId("shell-organization")).toHaveText("Contoso");
  } finally {
    await setEntraRoles(person.username, ["IncentiveAdmin"]);
  }
});

test("without JavaScript, the Microsoft button's form still reaches Entra ID (the CSP's form-action allows its origin)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto("/signin");
  const formAction = response!.headers()["content-security-policy"].split("; ").find((d) => d.startsWith("form-action "));
  expect(formAction).toBe(`form-action 'self' ${process.env.ENTRA_TEST_URL}`);
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(process.env.ENTRA_TEST_URL);
  await context.close();
});
