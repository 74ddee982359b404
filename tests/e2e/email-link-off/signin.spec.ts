// The portal with AUTH_EMAIL_LINK=off (production's default): the sign-in page offers Microsoft Entra ID
// only. The test command restarts the portal with the setting for this folder (scripts/test.ts).
import { expect, screenshot, signInWithMicrosoft, test } from "../support";
import { ENTRA_TEST_PEOPLE } from "../../support/entra";

test("the sign-in page offers only Microsoft, in English and Japanese", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in with Microsoft" })).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toHaveCount(0);
  await screenshot(page, "signin-entra-only-en");
  await page.getByRole("button", { name: /Language: English/ }).click();
  await page.getByRole("menuitemradio", { name: "日本語" }).click();
  await expect(page.getByRole("button", { name: "Microsoft でサインイン" })).toBeVisible();
  await expect(page.getByLabel("職場のメール アドレス")).toHaveCount(0);
  await screenshot(page, "signin-entra-only-ja");
});

test("signing in with Microsoft works as before", async ({ page }) => {
  await signInWithMicrosoft(page, ENTRA_TEST_PEOPLE.fabrikamAdmin);
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByTestId("shell-organization")).toHaveText("Fabrikam");
});
