// API tokens in the browser: an incentive admin creates a token (the secret shown once, then only the
// listing), the test uses it against /api/v1/claims, the admin revokes it (the API then answers 401),
// and the page reads the same in Japanese. The reference page it links to is public.
import { expect, screenshot, signIn, test } from "./support";
import { DEMO } from "../../lib/reference/demo-data";
import { inLanguage, ready, unique } from "./claims";

const APP = process.env.APP_URL!;

const listClaims = (secret: string, language = "en") => fetch(`${APP}/api/v1/claims?limit=5`, { headers: { authorization: `Bearer ${secret}`, "accept-language": language } });

test("an incentive admin creates an API token, uses it, revokes it, and reads the page in Japanese", async ({ page }) => {
  await signIn(page, DEMO.users.contosoAdmin);
  await page.goto("/claims");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await ready(page);

  // A token needs a name: the error sits at the field.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();

  const name = `CRM sync ${unique()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Expires in").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const created = page.getByTestId("token-created");
  await expect(created.getByText("Copy your new token now")).toBeVisible();
  const secret = (await page.getByTestId("token-secret").textContent())!.trim();
  expect(secret).toMatch(/^cpor_pat_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  await screenshot(page, "api-tokens-created");

  // The token works against the API, with the organisation's claims.
  const answer = await listClaims(secret);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("ratelimit-limit")).toBeTruthy();
  const page1 = (await answer.json()) as { data: { id: string }[]; nextCursor: string | null };
  expect(Array.isArray(page1.data)).toBe(true);

  // Once dismissed, the secret is nowhere on the page again: only the listing, now with a last use.
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await page.reload();
  await ready(page);
  expect(await page.content()).not.toContain(secret);
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");
  await expect(row).toContainText(`cpor_pat_${secret.slice(9, 13)}`);

  // Revoke it (confirmed in a dialog): the API refuses it from then on.
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(name);
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText(`The token ${name} was revoked.`)).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  const refused = await listClaims(secret);
  expect(refused.status).toBe(401);
  expect(refused.headers.get("content-type")).toBe("application/problem+json");
  expect(((await refused.json()) as { title: string }).title).toBe("Authentication required");
  await screenshot(page, "api-tokens-revoked");

  // The same page in Japanese.
  await inLanguage(page, "日本語");
  await expect(page.getByRole("heading", { level: 1, name: "API トークン" })).toBeVisible();
  // The reference reads in Japanese too (the operations' own descriptions are the OpenAPI document's).
  await page.getByRole("link", { name: "API リファレンス" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "認証" })).toBeVisible();
  await expect(page.getByText("各トークンは 1 分間に")).toBeVisible();
  await expect(page.locator("#problem-validation")).toContainText("検証");
  await expect(page.getByRole("heading", { name: "GET /claims", exact: true })).toBeVisible();
  await screenshot(page, "api-reference-ja");
  await page.goBack();
  await ready(page);
  await expect(page.getByRole("navigation", { name: /./ }).getByRole("link", { name: "API トークン" })).toBeVisible();
  await expect(row).toContainText("取り消し済み");
  await page.getByRole("button", { name: "トークンを作成" }).click();
  await expect(page.getByText("このフィールドは必須です。")).toBeVisible();
  await screenshot(page, "api-tokens-ja");
  expect(((await (await listClaims(secret, "ja")).json()) as { title: string }).title).toBe("認証が必要です");
  await inLanguage(page, "English");

  // The reference page, linked from the tokens page.
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CPOR claims portal API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "GET /claims", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Authentication" })).toBeVisible();
  await expect(page.locator("#problem-validation")).toContainText("Validation failed");
  await screenshot(page, "api-reference");
});
