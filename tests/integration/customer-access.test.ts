// A customer contact asks for a link to their requests at any time (/c), on the real database: one email
// with one single-use link for an address that submitted requests name, the same answer and no email for
// any other address, the rate limits per address and per client address and their message, and forms
// that are malformed or posted from another site.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as accessGet, POST as accessPost } from "@/app/c/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { messageKinds } from "@/lib/notify/messages";
import { renderOutboxMessage } from "@/lib/notify/render";
import { DEMO } from "@/lib/reference/demo-data";
import { fromClient } from "../support/client-address";
import { claimFactory } from "../support/factories";
import { loadPartnerViewer } from "../support/viewers";

const APP = process.env.APP_URL!;
const claims = claimFactory(db, { prefix: "Access" });
let spec: { organizationId: string; partnerId: string; createdById: string };

beforeAll(async () => {
  const contoso = await loadPartnerViewer(db, DEMO.users.contosoAdmin);
  spec = { organizationId: contoso.organization.id, partnerId: contoso.organization.locations[0].partnerId, createdById: contoso.id };
});

afterAll(async () => {
  await claims.cleanup();
  await db.$disconnect();
});

let client = 0;
/** A POST of the /c form from the portal's own page, from a client address of its own (its own limit). */
function ask(email: string, { origin = APP, from = `198.51.100.${++client}`, lang = "en" } = {}) {
  const body = new URLSearchParams({ email, lang });
  return accessPost(new Request(`${APP}/c`, { method: "POST", body, headers: { origin, "content-type": "application/x-www-form-urlencoded", ...fromClient(from) } }));
}

/** The requests page emails queued to `email` (as a request names it). */
const sessionMessages = (email: string) =>
  db.outboxMessage.findMany({ where: { kind: messageKinds.customerSession, payload: { path: ["to"], equals: email } }, orderBy: { createdAt: "asc" } });

describe("a link to the requests of a customer contact (/c)", () => {
  it("shows the form in the customer's language, with no script", async () => {
    const page = await (await accessGet(new Request(`${APP}/c?lang=ja`))).text();
    expect(page).toContain('lang="ja"');
    expect(page).toContain('<form class="access" method="post" action="/c">');
    expect(page).toContain("メール アドレス");
    expect(page).not.toContain("<script");
  });

  it("emails one link, to the address as the newest request names it, and gives the same page for an address with no request", async () => {
    const email = `access-${randomUUID().slice(0, 8)}@northwind.example`;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await claims.makeClaim({ ...spec, status: "APPROVED", customerEmail: email, customerResponse: "APPROVED", submittedAt: daysAgo(3) });
    await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email.toUpperCase(), submittedAt: daysAgo(1) });
    await claims.makeClaim({ ...spec, status: "REJECTED", customerEmail: email, customerResponse: "DECLINED", submittedAt: daysAgo(2) });

    const answer = await ask(`  ${email.toUpperCase()} `);
    expect(answer.status).toBe(200);
    const page = await answer.text();
    expect(page).toContain("Check your email");
    expect(page).toContain("The link works once, within 60 minutes.");
    // One email in all (none per request), to the address as the newest request spells it.
    expect(await sessionMessages(email)).toEqual([]);
    const [message, ...more] = await sessionMessages(email.toUpperCase());
    expect(more).toEqual([]);
    expect(await db.outboxMessage.count({ where: { kind: messageKinds.customerAccess, claim: { customerContactEmail: { equals: email, mode: "insensitive" } } } })).toBe(0);
    const mail = await renderOutboxMessage(message);
    expect(mail.to).toBe(email.toUpperCase());
    expect(mail.subject).toBe("Your link to your partner-of-record requests");
    const links = mail.text.match(/https?:\/\/\S+\/c\/open\/\S+/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]!).toMatch(new RegExp(`^${APP}/c/open/[A-Za-z0-9._-]+\\?lang=en$`));
    expect(mail.text).toContain("The link works once, within 60 minutes.");
    // The database holds neither the link nor the token: the payload is sealed, the row keeps a hash.
    const token = links[0]!.match(/\/c\/open\/([^?]+)/)![1];
    expect(JSON.stringify(message.payload)).not.toContain(token);
    expect(await db.customerAccessToken.count({ where: { tokenHash: token } })).toBe(0);

    const nobody = `nobody-${randomUUID().slice(0, 8)}@northwind.example`;
    const other = await ask(nobody);
    expect(other.status).toBe(200);
    // Word for word the same page, but for the address it repeats.
    expect((await other.text()).replace(nobody, "ADDRESS")).toBe(page.replace(email.toUpperCase(), "ADDRESS"));
    expect(await sessionMessages(nobody)).toEqual([]);
    expect(await db.customerAccessToken.count({ where: { email: nobody } })).toBe(0);
  });

  it("sends nothing for an address that only a Draft or a deleted request names", async () => {
    const email = `draft-${randomUUID().slice(0, 8)}@northwind.example`;
    await claims.makeClaim({ ...spec, status: "DRAFT", customerEmail: email });
    await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email, deletedAt: new Date() });
    expect((await ask(email)).status).toBe(200);
    expect(await sessionMessages(email)).toEqual([]);
  });

  it("writes the email in the language the contact asked in", async () => {
    const email = `ja-${randomUUID().slice(0, 8)}@northwind.example`;
    await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email, customerLocale: "en" });
    const answer = await ask(email, { lang: "ja" });
    expect(await answer.text()).toContain("メールをご確認ください");
    const [message] = await sessionMessages(email);
    const mail = await renderOutboxMessage(message);
    expect(mail.subject).toBe("パートナー オブ レコードのリクエストへのリンク");
    expect(mail.text).toContain("リクエストを開く");
    expect(mail.text).toMatch(/\/c\/open\/[A-Za-z0-9._-]+\?lang=ja/);
  });

  it("limits asks per address, says when to try again, and sends nothing more", async () => {
    const email = `limit-${randomUUID().slice(0, 8)}@northwind.example`;
    await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email });
    const limit = env().SIGN_IN_LIMIT_PER_EMAIL;
    for (let i = 0; i < limit; i++) expect((await ask(email)).status).toBe(200);
    const refused = await ask(email);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/Too many requests for links\. Try again in \d+ minutes?\./);
    expect(await sessionMessages(email)).toHaveLength(limit);

    // In Japanese too.
    const japanese = await ask(email, { lang: "ja" });
    expect(japanese.status).toBe(429);
    expect(await japanese.text()).toMatch(/リンクのリクエストが多すぎます。\d+ 分後にもう一度お試しください。/);
  });

  it("limits asks per client address, whatever the addresses asked for", async () => {
    const from = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const email = `client-${randomUUID().slice(0, 8)}@northwind.example`;
    await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email });
    const limit = env().SIGN_IN_LIMIT_PER_CLIENT;
    for (let i = 0; i < limit; i++) expect((await ask(`client-${i}-${randomUUID().slice(0, 8)}@example.com`, { from })).status).toBe(200);
    const refused = await ask(email, { from });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/Too many requests for links\. Try again in \d+ minutes?\./);
    expect(await sessionMessages(email)).toEqual([]);
  });

  it("refuses a malformed address at the field, and a form posted from another site", async () => {
    const bad = await ask("not-an-address");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('aria-invalid="true"');
    const email = `csrf-${randomUUID().slice(0, 8)}@northwind.example`;
    await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email });
    expect((await ask(email, { origin: "https://evil.example" })).status).toBe(403);
    expect(await sessionMessages(email)).toEqual([]);
  });
});
