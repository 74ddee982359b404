// Webhooks in the browser: an incentive admin opens Webhooks from the navigation, registers an endpoint
// pointing at a receiver this test runs, sees the signing secret once, sends a test event and sees it
// delivered in the endpoint's log (the receiver verifies the signature with the secret), edits the
// endpoint's URL (the secret stays), in English and Japanese; bad input is refused at the field in
// Japanese too; the endpoint is deleted at the end.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expect, expectAccessible, screenshot, signIn, test } from "./support";
import { inLanguage, ready, unique } from "./claims";
import { DEMO } from "../../lib/reference/demo-data";

test("an admin registers an endpoint, sees its secret once, and sees test events delivered, in English and Japanese", async ({ page }) => {
  const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const first = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/${unique()}`;
  const url = `${first}-v2`;

  try {
    await signIn(page, DEMO.users.fabrikamAdmin);
    await page.getByRole("navigation").getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await ready(page);

    await page.getByLabel("Endpoint URL").fill(first);
    await page.getByLabel("Description").fill("CRM sync");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secretBox = page.getByTestId("webhook-secret");
    await expect(secretBox).toContainText("it is not shown again");
    const secret = await secretBox.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const registered = page.getByTestId("webhook-endpoint").filter({ hasText: first });
    await expect(registered).toContainText("Enabled");
    await screenshot(page, "webhooks-secret-en");

    // Edited: a bad URL is refused at the field; then a new URL and description, one event fewer, the same secret.
    await registered.getByRole("button", { name: "Edit" }).click();
    const edit = registered.getByRole("form", { name: `Edit ${first}` });
    await edit.getByLabel("Endpoint URL").fill("not a url");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit.getByText("Enter a full URL")).toBeVisible();
    await edit.getByLabel("Endpoint URL").fill(url);
    await edit.getByLabel("Description").fill("CRM sync, version 2");
    await edit.getByRole("checkbox", { name: /association\.ended/ }).uncheck();
    await edit.getByRole("button", { name: "Save" }).click();
    const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: url });
    await expect(endpoint.getByText("Saved. The signing secret is unchanged.")).toBeVisible();
    await expect(endpoint).toContainText("CRM sync, version 2");
    await expect(endpoint).toContainText("Events: claim.submitted, claim.status_changed, claim.customer_responded");
    await expect(endpoint.getByRole("form")).toHaveCount(0);
    await screenshot(page, "webhooks-edited-en");

    // Shown once: not after a reload.
    await page.reload();
    await ready(page);
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);

    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(async () => {
      await endpoint.getByRole("button", { name: "Refresh" }).click();
      await expect(endpoint.getByTestId("webhook-delivery").filter({ hasText: "webhook.test" }).filter({ hasText: "Delivered · HTTP 204" })).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    expect(received).toHaveLength(1);
    expect(received[0].path).toBe(new URL(url).pathname);
    expect(new Webhook(secret).verify(received[0].body, received[0].headers as Record<string, string>)).toMatchObject({ type: "webhook.test" });
    await expectAccessible(page);
    await screenshot(page, "webhooks-log-en");

    await inLanguage(page, "日本語");
    try {
      await expect(page.getByRole("heading", { level: 1, name: "Webhook" })).toBeVisible();
      await endpoint.getByRole("button", { name: "テスト イベントを送信" }).click();
      await expect(async () => {
        await endpoint.getByRole("button", { name: "最新の情報に更新" }).click();
        await expect(endpoint.getByTestId("webhook-delivery").filter({ hasText: "配信済み · HTTP 204" })).toHaveCount(2, { timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
      // Bad input, refused at the field.
      await page.getByLabel("エンドポイント URL").fill("ftp://example.com/hook");
      await page.getByRole("button", { name: "エンドポイントを追加" }).click();
      await expect(page.getByText("https://crm.example.com/hooks/cpor のような完全な URL を")).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, "webhooks-log-ja");
    } finally {
      await inLanguage(page, "English");
    }
    expect(received).toHaveLength(2);

    await endpoint.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("webhook-endpoint").filter({ hasText: url })).toHaveCount(0);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
