// A customer contact gets new links at any time (/c), on the real database: one email per request that
// names the address and can still be answered, the same answer for an address that names none, the
// rate limit and its message, and a new link that declines an association approved earlier.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as accessGet, POST as accessPost } from "@/app/c/route";
import { GET as linkGet, POST as linkPost } from "@/app/c/[token]/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { messageKinds } from "@/lib/notify/messages";
import { renderOutboxMessage } from "@/lib/notify/render";
import { clientAddressHeader } from "@/lib/request-meta";
import { DEMO } from "@/lib/reference/demo-data";
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
  return accessPost(new Request(`${APP}/c`, { method: "POST", body, headers: { origin, "content-type": "application/x-www-form-urlencoded", [clientAddressHeader]: from } }));
}

/** The new-link emails queued for the claims naming `email` (in any case). */
const accessMessages = (email: string) =>
  db.outboxMessage.findMany({ where: { kind: messageKinds.customerAccess, claim: { customerContactEmail: { equals: email, mode: "insensitive" } } }, orderBy: { createdAt: "asc" } });

describe("new links for a customer contact (/c)", () => {
  it("shows the form in the customer's language, with no script", async () => {
    const page = await (await accessGet(new Request(`${APP}/c?lang=ja`))).text();
    expect(page).toContain('lang="ja"');
    expect(page).toContain('<form class="access" method="post" action="/c">');
    expect(page).toContain("メール アドレス");
    expect(page).not.toContain("<script");
  });

  it("emails one new link per request naming the address that can still be answered, and the same page for an address with none", async () => {
    const email = `access-${randomUUID().slice(0, 8)}@northwind.example`;
    const approved = await claims.makeClaim({ ...spec, status: "APPROVED", customerEmail: email, customerResponse: "APPROVED" });
    const submitted = await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email.toUpperCase() });
    await claims.makeClaim({ ...spec, status: "REJECTED", customerEmail: email, customerResponse: "DECLINED" });
    await claims.makeClaim({ ...spec, status: "DRAFT", customerEmail: email });
    await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email, deletedAt: new Date() });

    const answer = await ask(`  ${email.toUpperCase()} `);
    expect(answer.status).toBe(200);
    const page = await answer.text();
    expect(page).toContain("Check your email");
    const queued = await accessMessages(email);
    expect(queued.map((m) => m.claimId).sort()).toEqual([approved, submitted].sort());
    // Each goes to the address the claim names (as the partner typed it), never to what was typed here.
    expect(queued.map((m) => (m.payload as { to: string }).to).sort()).toEqual([email, email.toUpperCase()].sort());

    const nobody = `nobody-${randomUUID().slice(0, 8)}@northwind.example`;
    const other = await ask(nobody);
    expect(other.status).toBe(200);
    // Word for word the same page, but for the address it repeats.
    expect((await other.text()).replace(nobody, "ADDRESS")).toBe(page.replace(email.toUpperCase(), "ADDRESS"));
    expect(await accessMessages(nobody)).toEqual([]);
  });

  it("declines an association approved earlier through the new link", async () => {
    const email = `decline-${randomUUID().slice(0, 8)}@northwind.example`;
    const claimId = await claims.makeClaim({ ...spec, status: "APPROVED", customerEmail: email, customerResponse: "APPROVED" });
    expect((await ask(email)).status).toBe(200);
    const [message] = await accessMessages(email);
    const mail = await renderOutboxMessage(message);
    expect(mail.text).toContain("You asked for a new link to this request.");
    const link = mail.text.match(/\/c\/([A-Za-z0-9._-]+)/)![1];

    const opened = await linkGet(new Request(`${APP}/c/${link}?choice=decline`), { params: Promise.resolve({ token: link }) });
    expect(opened.status).toBe(200);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe("APPROVED");
    const form = new URLSearchParams({ choice: "decline", reason: "We work with another partner now." });
    const declined = await linkPost(new Request(`${APP}/c/${link}`, { method: "POST", body: form, headers: { origin: APP, "content-type": "application/x-www-form-urlencoded" } }), { params: Promise.resolve({ token: link }) });
    expect(declined.status).toBe(303);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ status: "REJECTED", statusReasonCode: "CUSTOMER_DECLINED", customerResponse: "DECLINED" });
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
    expect(await accessMessages(email)).toHaveLength(limit);
  });

  it("refuses a malformed address at the field, and a form posted from another site", async () => {
    const bad = await ask("not-an-address");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('aria-invalid="true"');
    const email = `csrf-${randomUUID().slice(0, 8)}@northwind.example`;
    await claims.makeClaim({ ...spec, status: "SUBMITTED", customerEmail: email });
    expect((await ask(email, { origin: "https://evil.example" })).status).toBe(403);
    expect(await accessMessages(email)).toEqual([]);
  });
});
