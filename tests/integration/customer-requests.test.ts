// The customer contact's requests page, on the real database: the emailed link (GET changes nothing, its
// POST uses the single-use token up and opens the session), refused when used, expired or altered; the
// page listing only the requests naming the session's address, grouped by tenant; answers recorded as
// from the link page (the same audit rows and partner email); a claim of another address refused; the
// decline reason's error at its field; the sweep of expired tokens.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as accessPost } from "@/app/c/route";
import { GET as linkGet, POST as linkPost } from "@/app/c/[token]/route";
import { GET as openGet, POST as openPost } from "@/app/c/open/[token]/route";
import { GET as requestsGet, POST as requestsPost } from "@/app/c/requests/route";
import { issueAccessToken, sweepCustomerAccessTokens } from "@/lib/customer/access-token";
import { CUSTOMER_SESSION_COOKIE, openSessionCookie } from "@/lib/customer/session";
import { db } from "@/lib/db";
import { messageKinds } from "@/lib/notify/messages";
import { renderOutboxMessage } from "@/lib/notify/render";
import { issueCustomerLink } from "@/lib/notify/tokens";
import { DEMO } from "@/lib/reference/demo-data";
import { fromClient } from "../support/client-address";
import { claimFactory, type ClaimSpec } from "../support/factories";
import { loadPartnerViewer } from "../support/viewers";

const APP = process.env.APP_URL!;
const claims = claimFactory(db, { prefix: "Requests" });
let contoso: Pick<ClaimSpec, "organizationId" | "partnerId" | "createdById">;
let fabrikam: Pick<ClaimSpec, "organizationId" | "partnerId" | "createdById">;

beforeAll(async () => {
  const specOf = async (email: string) => {
    const viewer = await loadPartnerViewer(db, email);
    return { organizationId: viewer.organization.id, partnerId: viewer.organization.locations[0].partnerId, createdById: viewer.id };
  };
  contoso = await specOf(DEMO.users.contosoAdmin);
  fabrikam = await specOf(DEMO.users.fabrikamAdmin);
});

afterAll(async () => {
  await claims.cleanup();
  await db.$disconnect();
});

const newAddress = (label: string) => `${label}-${randomUUID().slice(0, 8)}@northwind.example`;
const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields), headers: { origin: APP, "content-type": "application/x-www-form-urlencoded" } });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

let client = 0;
/** Asks at /c and returns the one link of the one email queued (rendered as the worker would). */
async function askForLink(email: string, lang = "en") {
  const asked = new Date();
  const body = new URLSearchParams({ email, lang });
  const answer = await accessPost(new Request(`${APP}/c`, { method: "POST", body, headers: { origin: APP, "content-type": "application/x-www-form-urlencoded", ...fromClient(`192.0.2.${++client}`) } }));
  expect(answer.status).toBe(200);
  const queued = await db.outboxMessage.findMany({ where: { kind: messageKinds.customerSession, createdAt: { gte: new Date(asked.getTime() - 1000) } } });
  const messages = queued.filter((message) => (message.payload as { to: string }).to.toLowerCase() === email.toLowerCase());
  expect(messages).toHaveLength(1);
  const mail = await renderOutboxMessage(messages[0]);
  const url = mail.text.match(/https?:\/\/\S+\/c\/open\/\S+/)![0];
  return { url, token: url.match(/\/c\/open\/([^?]+)/)![1], mail };
}

const openLink = (token: string, lang = "en") => openGet(new Request(`${APP}/c/open/${token}?lang=${lang}`), params({ token }));
const postLink = (token: string, { lang = "en", origin = APP } = {}) =>
  openPost(new Request(`${APP}/c/open/${token}`, { ...form({ lang }), headers: { origin, "content-type": "application/x-www-form-urlencoded" } }), params({ token }));

/** The cookie header a browser would send back after the link's POST. */
async function sessionFor(email: string, lang = "en") {
  const { token } = await askForLink(email, lang);
  const opened = await postLink(token, { lang });
  expect(opened.status).toBe(303);
  return opened.headers.get("set-cookie")!.split(";")[0];
}

const listPage = (cookie: string | undefined, query = "lang=en") => requestsGet(new Request(`${APP}/c/requests?${query}`, { headers: cookie ? { cookie } : {} }));
const answer = (cookie: string | undefined, fields: Record<string, string>) => {
  const init = form({ lang: "en", ...fields });
  return requestsPost(new Request(`${APP}/c/requests`, { ...init, headers: { ...init.headers, ...(cookie ? { cookie } : {}), "user-agent": "requests-test" } }));
};

const claimRow = (id: string) => db.claim.findUniqueOrThrow({ where: { id } });
const eventsOf = (claimId: string) => db.claimEvent.findMany({ where: { claimId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
const partnerMessages = (claimId: string) => db.outboxMessage.findMany({ where: { claimId, kind: messageKinds.partnerCustomerResponded } });

describe("the emailed link", () => {
  it("opens nothing on GET; its button uses it up and opens the session; a second use is refused", async () => {
    const email = newAddress("open");
    await claims.makeClaim({ ...contoso, customerEmail: email });
    const { token } = await askForLink(email);

    for (let i = 0; i < 2; i++) {
      const shown = await openLink(token);
      expect(shown.status).toBe(200);
      expect(shown.headers.get("set-cookie")).toBeNull();
      const page = await shown.text();
      expect(page).toContain(`<form class="access" method="post" action="/c/open/${token}">`);
      expect(page).toContain("Open my requests");
      expect(page).not.toContain("<script");
    }
    expect(await db.customerAccessToken.findFirstOrThrow({ where: { email } })).toMatchObject({ usedAt: null });

    // A form posted from another site uses nothing up.
    expect((await postLink(token, { origin: "https://evil.example" })).status).toBe(403);

    const opened = await postLink(token);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`${APP}/c/requests?lang=en`);
    const cookie = opened.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^${CUSTOMER_SESSION_COOKIE}=[A-Za-z0-9_-]+\\.[0-9a-z]+\\.[A-Za-z0-9_-]{43}; Path=/c; Max-Age=3600; HttpOnly; SameSite=Lax$`));
    expect(await db.customerAccessToken.findFirstOrThrow({ where: { email } })).toMatchObject({ usedAt: expect.any(Date) });

    for (const again of [await postLink(token), await openLink(token)]) {
      expect(again.status).toBe(410);
      const page = await again.text();
      expect(page).toContain("This link has already been used.");
      expect(page).toContain('<a href="/c?lang=en">Ask for a new link</a>');
      expect(again.headers.get("set-cookie")).toBeNull();
    }
  });

  it("takes the button of its own page, which sends no referrer (Origin: null), and no other", async () => {
    const email = newAddress("null-origin");
    await claims.makeClaim({ ...contoso, customerEmail: email });
    const { token } = await askForLink(email);
    const post = (site: string) =>
      openPost(new Request(`${APP}/c/open/${token}`, { method: "POST", body: new URLSearchParams({ lang: "en" }), headers: { origin: "null", "sec-fetch-site": site, "content-type": "application/x-www-form-urlencoded" } }), params({ token }));
    expect((await post("cross-site")).status).toBe(403);
    expect(await db.customerAccessToken.findFirstOrThrow({ where: { email } })).toMatchObject({ usedAt: null });
    expect((await post("same-origin")).status).toBe(303);
  });

  it("refuses an expired or altered link with a page back to /c, in the contact's language", async () => {
    const email = newAddress("expired");
    const { token } = await db.$transaction((tx) => issueAccessToken(tx, { email, now: new Date(Date.now() - 2 * 60 * 60 * 1000) }));
    for (const response of [await openLink(token), await postLink(token)]) {
      expect(response.status).toBe(410);
      expect(await response.text()).toContain("This link has expired.");
    }
    const japanese = await openLink(token, "ja");
    expect(await japanese.text()).toContain("このリンクは期限切れです。");
    expect(await db.customerAccessToken.findFirstOrThrow({ where: { email } })).toMatchObject({ usedAt: null });

    const { token: live } = await db.$transaction((tx) => issueAccessToken(tx, { email }));
    const altered = `${live.slice(0, -2)}${live.endsWith("AA") ? "BB" : "AA"}`;
    const refused = await postLink(altered);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<a href="/c?lang=en">');
    expect((await openLink("not-a-token")).status).toBe(400);
  });

  it("is not sent once it has expired, and the sweep deletes expired tokens only", async () => {
    const email = newAddress("sweep");
    const old = await db.$transaction((tx) => issueAccessToken(tx, { email, now: new Date(Date.now() - 2 * 60 * 60 * 1000) }));
    const live = await db.$transaction((tx) => issueAccessToken(tx, { email }));
    expect(await sweepCustomerAccessTokens(db)).toBeGreaterThanOrEqual(1);
    const left = await db.customerAccessToken.findMany({ where: { email } });
    expect(left.map((row) => row.id)).toEqual([live.id]);
    expect(old.id).not.toBe(live.id);
  });
});

describe("the requests page", () => {
  it("lists only the requests naming the session's address, grouped by tenant, with the answers each can take", async () => {
    const email = newAddress("list");
    const tenant = randomUUID();
    const waiting = await claims.makeClaim({ ...contoso, tenantId: tenant, customerEmail: email, submittedAt: new Date(Date.now() - 60_000) });
    const approved = await claims.makeClaim({ ...fabrikam, tenantId: tenant, status: "APPROVED", customerEmail: email.toUpperCase(), customerResponse: "APPROVED" });
    await db.claim.update({ where: { id: approved }, data: { customerRespondedAt: new Date("2026-11-20T10:00:00Z") } });
    const northwind = await claims.makeClaim({ ...contoso, tenantId: DEMO.tenants.northwind, status: "UNDER_REVIEW", customerEmail: email, submittedAt: new Date(Date.now() - 120_000) });
    const declined = await claims.makeClaim({ ...contoso, tenantId: DEMO.tenants.northwind, status: "REJECTED", customerEmail: email, customerResponse: "DECLINED", submittedAt: new Date(Date.now() - 180_000) });
    const others = [
      await claims.makeClaim({ ...contoso, tenantId: tenant, customerEmail: newAddress("other") }),
      await claims.makeClaim({ ...contoso, tenantId: tenant, status: "DRAFT", customerEmail: email }),
      await claims.makeClaim({ ...contoso, tenantId: tenant, customerEmail: email, deletedAt: new Date() }),
    ];

    const cookie = await sessionFor(email);
    const response = await listPage(cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).not.toContain("<script");
    for (const id of others) expect(page).not.toContain(id);

    const sections = page.split("<section").slice(1);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain(`Tenant ${tenant}`);
    expect(sections[0].indexOf(`id="claim-${approved}"`)).toBeGreaterThan(-1);
    expect(sections[0].indexOf(`id="claim-${waiting}"`)).toBeGreaterThan(sections[0].indexOf(`id="claim-${approved}"`));
    expect(sections[1]).toContain("Northwind Traders");
    expect(sections[1]).toContain(`<code>${DEMO.tenants.northwind}</code>`);
    expect(sections[1]).toContain(`id="claim-${northwind}"`);
    expect(sections[1]).toContain(`id="claim-${declined}"`);

    const article = (id: string) => page.slice(page.indexOf(`<article class="request" id="claim-${id}"`)).split("</article>")[0];
    expect(article(approved)).toContain("Fabrikam");
    expect(article(approved)).toContain("Approved on November 20, 2026");
    expect(article(approved)).toContain("Validated by Microsoft");
    expect(article(approved)).not.toContain('value="approve"');
    expect(article(approved)).toContain('value="decline"');
    expect(article(waiting)).toContain("Contoso");
    expect(article(waiting)).toContain("None yet");
    expect(article(waiting)).toContain("Microsoft Teams");
    expect(article(waiting)).toContain('value="approve"');
    expect(article(waiting)).toContain('value="decline"');
    expect(article(declined)).toContain("Declined");
    expect(article(declined)).not.toContain("<form");
  });

  it("is closed without a session, with an altered one, or after its hour", async () => {
    const email = newAddress("closed");
    await claims.makeClaim({ ...contoso, customerEmail: email });
    const cookie = await sessionFor(email);
    const [name, value] = cookie.split("=");
    const otherAddress = `${name}=${Buffer.from(newAddress("forged")).toString("base64url")}.${value.split(".").slice(1).join(".")}`;
    const ended = openSessionCookie(email, new Date(Date.now() - 61 * 60 * 1000)).split(";")[0];
    for (const header of [undefined, otherAddress, ended]) {
      const response = await listPage(header);
      expect(response.status).toBe(403);
      const page = await response.text();
      expect(page).toContain("Your requests page is closed");
      expect(page).toContain('<a href="/c?lang=en">Ask for a new link</a>');
    }
    const japanese = await listPage(undefined, "lang=ja");
    expect(await japanese.text()).toContain("リクエストのページは閉じられました");
  });

  it.each([
    ["SUBMITTED", "NONE", ["approve", "decline"]],
    ["APPROVED", "APPROVED", ["decline"]],
    ["REJECTED", "NONE", []],
    ["REJECTED_FINAL", "APPROVED", []],
    ["REJECTED", "DECLINED", []],
  ] as const)("offers on the emailed link page the same answers as on the requests page (%s, answer %s)", async (status, customerResponse, offered) => {
    const email = newAddress("same");
    const claimId = await claims.makeClaim({ ...contoso, tenantId: randomUUID(), status, customerEmail: email, customerResponse });
    const link = await issueCustomerLink(db, { claimId, email, outboxId: randomUUID(), now: new Date() });
    const linkPage = await (await linkGet(new Request(`${APP}/c/${link.token}`), params({ token: link.token }))).text();
    const sessionPage = await (await listPage(await sessionFor(email))).text();
    const choices = (page: string) => [...page.matchAll(/name="choice" value="(\w+)"/g)].map((m) => m[1]);
    expect(choices(linkPage)).toEqual(offered);
    expect(choices(sessionPage.slice(sessionPage.indexOf(`id="claim-${claimId}"`)))).toEqual(offered);
    // A decided request says so rather than show an empty page.
    if (!offered.length && customerResponse !== "DECLINED") expect(linkPage).toContain("This request has been decided and no longer takes an answer here.");
  });

  it("declines an association approved earlier, with the same audit rows and partner email as the link page", async () => {
    const email = newAddress("decline");
    const reason = "We work with another partner now.";
    const tenantId = randomUUID();
    const [fromLink, fromPage] = await Promise.all(
      [0, 1].map(() => claims.makeClaim({ ...contoso, tenantId, status: "APPROVED", customerEmail: email, customerResponse: "APPROVED", name: "Same claim" })),
    );

    // The link page's way.
    const link = await issueCustomerLink(db, { claimId: fromLink, email, outboxId: randomUUID(), now: new Date() });
    const viaLink = await linkPost(
      new Request(`${APP}/c/${link.token}`, { ...form({ choice: "decline", reason }), headers: { ...form({}).headers, "user-agent": "requests-test" } }),
      params({ token: link.token }),
    );
    expect(viaLink.status).toBe(303);

    // The requests page's way.
    const cookie = await sessionFor(email);
    const viaPage = await answer(cookie, { claim: fromPage, choice: "decline", reason });
    expect(viaPage.status).toBe(303);
    const location = viaPage.headers.get("location")!;
    expect(location).toBe(`${APP}/c/requests?lang=en&done=declined&claim=${fromPage}#claim-${fromPage}`);

    const [a, b] = [await claimRow(fromLink), await claimRow(fromPage)];
    expect(b).toMatchObject({ status: "REJECTED", statusReasonCode: "CUSTOMER_DECLINED", statusReasonText: reason, customerResponse: "DECLINED" });
    const facts = (claim: typeof a) => ({ status: claim.status, statusReasonCode: claim.statusReasonCode, statusReasonText: claim.statusReasonText, customerResponse: claim.customerResponse });
    expect(facts(b)).toEqual(facts(a));
    const rows = async (claimId: string) => (await eventsOf(claimId)).map(({ action, actorUserId, fromStatus, toStatus, reasonCode, note, userAgent }) => ({ action, actorUserId, fromStatus, toStatus, reasonCode, note, userAgent }));
    expect(await rows(fromPage)).toEqual(await rows(fromLink));
    expect(await rows(fromPage)).toEqual(expect.arrayContaining([expect.objectContaining({ action: "customerDeclined" }), expect.objectContaining({ fromStatus: "APPROVED", toStatus: "REJECTED", reasonCode: "CUSTOMER_DECLINED" })]));

    const [mailA, mailB] = [(await partnerMessages(fromLink))[0], (await partnerMessages(fromPage))[0]];
    expect({ ...(mailB.payload as object), claimId: "" }).toEqual({ ...(mailA.payload as object), claimId: "" });
    const [renderedA, renderedB] = [await renderOutboxMessage(mailA), await renderOutboxMessage(mailB)];
    expect(renderedB.to).toBe(renderedA.to);
    expect(renderedB.subject).toBe(renderedA.subject);
    expect(renderedB.text.replaceAll(fromPage, "ID")).toBe(renderedA.text.replaceAll(fromLink, "ID"));

    // Back on the list: the confirmation, the answer, and no Decline left.
    const page = await (await listPage(cookie, `lang=en&done=declined&claim=${fromPage}`)).text();
    expect(page).toContain('<p class="note ok" role="status">Your decline of the request from Contoso is recorded.');
    const article = page.slice(page.indexOf(`id="claim-${fromPage}"`)).split("</article>")[0];
    expect(article).toContain("Declined on");
    expect(article).not.toContain("<form");
  });

  it("approves a request not answered yet, once", async () => {
    const email = newAddress("approve");
    const claimId = await claims.makeClaim({ ...contoso, status: "UNDER_REVIEW", customerEmail: email });
    const cookie = await sessionFor(email);
    const approved = await answer(cookie, { claim: claimId, choice: "approve" });
    expect(approved.status).toBe(303);
    expect(await claimRow(claimId)).toMatchObject({ status: "UNDER_REVIEW", customerResponse: "APPROVED" });
    expect((await eventsOf(claimId)).map((e) => e.action)).toEqual(["customerApproved"]);
    expect((await partnerMessages(claimId)).map((m) => (m.payload as { response: string }).response)).toEqual(["APPROVED"]);
    const page = await (await listPage(cookie, `lang=en&done=approved&claim=${claimId}`)).text();
    expect(page).toContain("Your approval of the request from Contoso is recorded.");

    // Already answered: refused, nothing more recorded.
    const again = await answer(cookie, { claim: claimId, choice: "approve" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("That request can no longer take this answer");
    expect(await eventsOf(claimId)).toHaveLength(1);
  });

  it("refuses a claim of another address, however its id was learned, and a form from another site or without a session", async () => {
    const email = newAddress("mine");
    await claims.makeClaim({ ...contoso, customerEmail: email });
    const theirs = await claims.makeClaim({ ...contoso, status: "APPROVED", customerEmail: newAddress("theirs"), customerResponse: "APPROVED" });
    const draft = await claims.makeClaim({ ...contoso, status: "DRAFT", customerEmail: email });
    const cookie = await sessionFor(email);

    for (const claim of [theirs, draft, "c00000000000000000000000"]) {
      for (const choice of ["decline", "approve"]) {
        const refused = await answer(cookie, { claim, choice, reason: "Not ours." });
        expect(refused.status).toBe(404);
        expect(await refused.text()).toContain("That request is not among the requests naming your address. Nothing was recorded.");
      }
    }
    const fromElsewhere = await requestsPost(new Request(`${APP}/c/requests`, { method: "POST", body: new URLSearchParams({ claim: theirs, choice: "decline" }), headers: { origin: "https://evil.example", cookie } }));
    expect(fromElsewhere.status).toBe(403);
    const noSession = await answer(undefined, { claim: theirs, choice: "decline" });
    expect(noSession.status).toBe(403);
    expect(await noSession.text()).toContain("Nothing was recorded.");

    expect(await claimRow(theirs)).toMatchObject({ status: "APPROVED", customerResponse: "APPROVED" });
    expect(await eventsOf(theirs)).toEqual([]);
    expect(await partnerMessages(theirs)).toEqual([]);
    expect(await claimRow(draft)).toMatchObject({ status: "DRAFT", customerResponse: "NONE" });
  });

  it("shows a decline reason that cannot be saved at its field, in the contact's language, and records nothing", async () => {
    const email = newAddress("reason");
    const claimId = await claims.makeClaim({ ...contoso, status: "APPROVED", customerEmail: email, customerResponse: "APPROVED" });
    const cookie = await sessionFor(email, "ja");
    const init = form({ lang: "ja", claim: claimId, choice: "decline", reason: "理由\u0007です" });
    const response = await requestsPost(new Request(`${APP}/c/requests`, { ...init, headers: { ...init.headers, cookie } }));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('lang="ja"');
    expect(page).toContain(`<textarea id="claim-${claimId}-reason" name="reason" maxlength="1000" aria-invalid="true" aria-describedby="claim-${claimId}-reason-error" autofocus>理由です</textarea>`);
    expect(page).toContain(`<p id="claim-${claimId}-reason-error" class="error" role="alert">理由に保存できない文字`);
    expect(await claimRow(claimId)).toMatchObject({ status: "APPROVED", customerResponse: "APPROVED" });
    expect(await eventsOf(claimId)).toEqual([]);
  });

  it("ends the session when asked", async () => {
    const email = newAddress("end");
    await claims.makeClaim({ ...contoso, customerEmail: email });
    const cookie = await sessionFor(email, "ja");
    const init = form({ lang: "ja", choice: "end" });
    const ended = await requestsPost(new Request(`${APP}/c/requests`, { ...init, headers: { ...init.headers, cookie } }));
    expect(ended.status).toBe(303);
    expect(ended.headers.get("location")).toBe(`${APP}/c?lang=ja`);
    expect(ended.headers.get("set-cookie")).toMatch(new RegExp(`^${CUSTOMER_SESSION_COOKIE}=; Path=/c; Max-Age=0; HttpOnly; SameSite=Lax`));
  });
});
