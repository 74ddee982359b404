// Customer and partner emails through the outbox, on the real database and a real SMTP server running in
// this process (tests/support/smtp.ts): what the customer email says and links to, in English and
// Japanese; the link tokens; delivery while the relay is down, after a worker crash between send and
// commit, with two workers at once, and up to FAILED; reminders; the re-send rate limit.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PartnerRole, SolutionArea } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { messageKinds } from "@/lib/notify/messages";
import { claimDueMessages, LOCK_MS, MAX_ATTEMPTS, MAX_REMINDERS } from "@/lib/notify/outbox";
import { scheduleReminders } from "@/lib/notify/reminders";
import { requestResend } from "@/lib/notify/resend";
import { customerLinkToken, hashToken, issueCustomerLink, markApproved, verifyCustomerLink } from "@/lib/notify/tokens";
import { drainOutbox, renderAndSend } from "@/lib/notify/worker";
import { DEMO } from "@/lib/reference/demo-data";
import { startTestSmtp, type CapturedMail, type TestSmtp } from "../support/smtp";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let smtp: TestSmtp;
const previousSmtpUrl = process.env.SMTP_URL;
let contosoAdmin: { id: string; organizationId: string | null; locale: string };
const createdClaimIds: string[] = [];
let setAside: { id: string; availableAt: Date; lockedUntil: Date | null }[] = [];

beforeAll(async () => {
  // Before anything reads the configuration: lib/env.ts and the mailer read it once, on first use.
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url;
  contosoAdmin = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin }, select: { id: true, organizationId: true, locale: true } });
  // Nothing queued outside these tests may be delivered (to our server) by them: set it aside until the end.
  setAside = await db.outboxMessage.findMany({ where: { status: { in: ["PENDING", "SENDING"] } }, select: { id: true, availableAt: true, lockedUntil: true } });
  const farAway = new Date(Date.now() + 10 * 365 * DAY);
  await db.outboxMessage.updateMany({ where: { id: { in: setAside.map((r) => r.id) } }, data: { availableAt: farAway, lockedUntil: farAway } });
});

beforeEach(() => {
  smtp.setDown(false);
  smtp.clear();
});

// Every test leaves nothing queued behind: its claims go (and with them their outbox rows and links).
afterEach(async () => {
  await db.claim.deleteMany({ where: { id: { in: createdClaimIds } } });
  createdClaimIds.length = 0;
});

afterAll(async () => {
  await db.user.update({ where: { id: contosoAdmin.id }, data: { locale: contosoAdmin.locale } });
  for (const { id, availableAt, lockedUntil } of setAside) await db.outboxMessage.updateMany({ where: { id }, data: { availableAt, lockedUntil } });
  await smtp.close();
  process.env.SMTP_URL = previousSmtpUrl;
  await db.$disconnect();
});

type ClaimOptions = {
  locale?: "en" | "ja";
  area?: SolutionArea;
  role?: PartnerRole;
  partnerId?: string;
  publicSector?: boolean;
  status?: "SUBMITTED" | "DRAFT" | "REJECTED" | "UNDER_REVIEW";
  customerResponse?: "NONE" | "APPROVED";
};

/** A submitted Contoso claim written directly: Modern Work and Security (Teams, Intune) or Business Applications (Northwind Sales). */
async function createClaim({ locale = "en", area = "MODERN_WORK_SECURITY", role, partnerId = "4412345", publicSector = false, status = "SUBMITTED", customerResponse = "NONE" }: ClaimOptions = {}) {
  const mws = area === "MODERN_WORK_SECURITY";
  const suffix = randomUUID().slice(0, 8);
  const claim = await db.claim.create({
    data: {
      organizationId: contosoAdmin.organizationId!,
      partnerId,
      solutionArea: area,
      partnerRole: role ?? (mws ? "USE_OR_CONSUME" : "BUILD_INTENT_ADVISOR"),
      name: `Notify ${suffix}`,
      tenantId: mws ? randomUUID() : DEMO.tenants.northwind,
      customerContactName: "Nancy Davolio",
      customerContactAddress: "1 Main Street\nSeattle, WA 98052",
      customerContactEmail: `nancy.${suffix}@northwind.example`,
      customerLocale: locale,
      partnerContactName: "Pat Partner",
      partnerContactEmail: `pat.${suffix}@contoso.example`,
      status,
      customerResponse,
      submittedAt: status === "DRAFT" ? null : new Date(),
      creationKey: `notify-${suffix}`,
      createdById: contosoAdmin.id,
      workloads: { create: (mws ? ["mws-microsoft-teams", "mws-microsoft-intune"] : ["ba-dynamics-365-sales"]).map((workloadId) => ({ workloadId })) },
      subscriptions: mws ? undefined : { create: [{ subscriptionId: DEMO.subscriptions.northwindSales }] },
      proof: {
        create: {
          documentType: "SIGNED_STATEMENT_OF_WORK",
          activitiesDescription: "Deployed and adopted the workloads.",
          activityWorkloads: [],
          customerAcknowledgedOn: new Date(Date.now() - 7 * DAY),
          acknowledgedByName: "Nancy Davolio",
          publicSector,
          updatedById: contosoAdmin.id,
        },
      },
    },
  });
  createdClaimIds.push(claim.id);
  return claim;
}

/** The approval request as the submission writes it. */
async function queueApprovalRequest(claim: { id: string; customerContactEmail: string; customerLocale: string }) {
  return db.outboxMessage.create({
    data: {
      kind: messageKinds.customerApprovalRequest,
      dedupeKey: `${messageKinds.customerApprovalRequest}:${claim.id}`,
      claimId: claim.id,
      payload: { claimId: claim.id, to: claim.customerContactEmail, locale: claim.customerLocale },
    },
  });
}

const linksIn = (mail: CapturedMail) => [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])];
const tokenOf = (url: string) => /\/c\/([^?\s]+)/.exec(url)?.[1];
const row = (id: string) => db.outboxMessage.findUniqueOrThrow({ where: { id } });

describe("the customer email", () => {
  it("names the partner, PartnerID, workloads and role, explains both answers, and links to the approval page (English)", async () => {
    const claim = await createClaim();
    const message = await queueApprovalRequest(claim);

    const result = await drainOutbox({ workerId: "test", limit: 10 });
    expect(result).toMatchObject({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);

    expect(mail.to).toEqual([claim.customerContactEmail]);
    expect(mail.subject).toBe("Please confirm: Contoso as partner of record for your Microsoft products");
    for (const part of ["Dear Nancy Davolio,", "Contoso (PartnerID 4412345)", "Seattle", "Microsoft Teams", "Microsoft Intune", "Use or consume", claim.tenantId, "Pat Partner"]) {
      expect(mail.text).toContain(part);
    }
    expect(mail.text).toContain("Contoso is recorded by Microsoft as the partner of record for these products.");
    expect(mail.text).toContain("Contoso can then see your organisation's usage data of these products.");
    expect(mail.text).toContain("It costs you nothing");
    expect(mail.text).toContain("You can also decline later, at any time");
    expect(mail.text).not.toContain("Public Sector Disclosure");
    expect(mail.html).toContain('lang="en"');

    // One token per email: the page, and the same page with a preselected choice; then where to get new links at any time.
    const links = linksIn(mail);
    const token = tokenOf(links[0])!;
    expect(links).toEqual([`${process.env.APP_URL}/c/${token}`, `${process.env.APP_URL}/c/${token}?choice=approve`, `${process.env.APP_URL}/c/${token}?choice=decline`, `${process.env.APP_URL}/c`]);
    for (const url of links) expect(mail.html).toContain(`href="${url}"`);

    const verified = await verifyCustomerLink(token);
    expect(verified).toMatchObject({ ok: true, link: { claimId: claim.id, email: claim.customerContactEmail, approvedAt: null } });
    // Only the hash is stored.
    const stored = await db.customerLink.findMany({ where: { claimId: claim.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const sent = await row(message.id);
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, lastError: null, lockedUntil: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.messageId).toMatch(/^<[0-9a-f-]{36}@cpor\.test>$/);
    expect(mail.messageId).toBe(sent.messageId);
  });

  it("is written in Japanese for a Japanese customer, with subscriptions and the Public Sector Disclosure when the proof says public sector", async () => {
    const claim = await createClaim({ locale: "ja", area: "BUSINESS_APPLICATIONS", partnerId: "4412346", publicSector: true });
    await queueApprovalRequest(claim);
    await drainOutbox({ workerId: "test", limit: 10 });
    const [mail] = await smtp.waitFor(1);

    expect(mail.subject).toContain("パートナー オブ レコード");
    expect(mail.html).toContain('lang="ja"');
    expect(mail.headers.get("content-language")).toBe("ja");
    for (const part of ["Nancy Davolio 様", "Contoso (PartnerID 4412346)", "Tokyo", "Dynamics 365 Sales", DEMO.subscriptions.northwindSales, "Northwind Traders", "ビルド意図 - Advisor", "承認する", "拒否する", "公共機関向けの開示"]) {
      expect(mail.text).toContain(part);
    }
    const token = tokenOf(linksIn(mail)[0])!;
    expect(await verifyCustomerLink(token)).toMatchObject({ ok: true, link: { claimId: claim.id } });
  });

  it("tells the partner's contact about the customer's answer and about a decision, in the claim creator's language", async () => {
    const claim = await createClaim();
    await db.outboxMessage.create({
      data: { kind: messageKinds.partnerCustomerResponded, dedupeKey: `t:responded:${claim.id}`, claimId: claim.id, payload: { claimId: claim.id, response: "DECLINED", reason: "We work with another partner." } },
    });
    await drainOutbox({ workerId: "test", limit: 10 });
    const [responded] = await smtp.waitFor(1);
    expect(responded.to).toEqual([claim.partnerContactEmail]);
    expect(responded.subject).toBe(`The customer declined the association: ${claim.name}`);
    expect(responded.text).toContain("We work with another partner.");
    expect(responded.text).toContain(`${process.env.APP_URL}/claims/${claim.id}`);

    await db.user.update({ where: { id: contosoAdmin.id }, data: { locale: "ja" } });
    try {
      await db.outboxMessage.create({
        data: {
          kind: messageKinds.partnerDecision,
          dedupeKey: `t:decision:${claim.id}`,
          claimId: claim.id,
          payload: { claimId: claim.id, status: "REJECTED", reasonCode: "INSUFFICIENT_POE", reasonText: "署名がありません。" },
        },
      });
      await drainOutbox({ workerId: "test", limit: 10 });
    } finally {
      await db.user.update({ where: { id: contosoAdmin.id }, data: { locale: contosoAdmin.locale } });
    }
    const [, decision] = await smtp.waitFor(2);
    expect(decision.to).toEqual([claim.partnerContactEmail]);
    expect(decision.subject).toContain("拒否");
    expect(decision.text).toContain("実行証明書が不十分");
    expect(decision.text).toContain("署名がありません。");
  });
});

describe("customer link tokens", () => {
  it("are issued idempotently per outbox message, expire, and refuse tampering and unknown tokens", async () => {
    const claim = await createClaim();
    const issuedAt = new Date();
    const input = { claimId: claim.id, email: claim.customerContactEmail, outboxId: "outbox-1", now: issuedAt };
    const first = await issueCustomerLink(db, input);
    const again = await issueCustomerLink(db, input);
    expect(again).toEqual(first);
    expect(await db.customerLink.count({ where: { claimId: claim.id } })).toBe(1);
    expect(first.expiresAt.getTime()).toBe(Math.floor((issuedAt.getTime() + 30 * DAY) / 1000) * 1000);

    expect(await verifyCustomerLink(first.token)).toMatchObject({ ok: true, link: { id: first.linkId } });
    expect(await verifyCustomerLink(first.token, new Date(first.expiresAt.getTime() + 1000))).toEqual({ ok: false, reason: "expired" });
    const sig = first.token.slice(-1) === "A" ? "B" : "A";
    expect(await verifyCustomerLink(first.token.slice(0, -1) + sig)).toEqual({ ok: false, reason: "tampered" });
    expect(await verifyCustomerLink(first.token.replace(claim.id, `${claim.id.slice(0, -1)}x`))).toEqual({ ok: false, reason: "tampered" });
    expect(await verifyCustomerLink("not-a-token")).toEqual({ ok: false, reason: "tampered" });
    // Signed correctly, but never issued (or its claim was deleted): unknown.
    const never = customerLinkToken({ claimId: claim.id, email: claim.customerContactEmail, outboxId: "never-sent", expiresAt: first.expiresAt });
    expect(await verifyCustomerLink(never)).toEqual({ ok: false, reason: "unknown" });

    // Approving is single-use, even when two requests race.
    const results = await Promise.all([markApproved(db, first.linkId), markApproved(db, first.linkId)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await verifyCustomerLink(first.token)).toMatchObject({ ok: true, link: { approvedAt: expect.any(Date) } });

    await db.claim.delete({ where: { id: claim.id } });
    expect(await verifyCustomerLink(first.token)).toEqual({ ok: false, reason: "unknown" });
  });
});

describe("delivery", () => {
  it("loses nothing and doubles nothing while the SMTP relay is down for a while", async () => {
    const claims = await Promise.all([createClaim(), createClaim(), createClaim()]);
    const rows = await Promise.all(claims.map(queueApprovalRequest));
    const t0 = new Date();

    smtp.setDown(true);
    expect(await drainOutbox({ workerId: "test", limit: 10, now: t0 })).toMatchObject({ claimed: 3, sent: 0, retried: 3 });
    const afterFirst = await Promise.all(rows.map((r) => row(r.id)));
    for (const r of afterFirst) {
      expect(r).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
      expect(r.lastError).toMatch(/421|not available/i);
      expect(r.availableAt.getTime()).toBe(t0.getTime() + 30_000);
    }
    // Not due again before the backoff.
    expect(await drainOutbox({ workerId: "test", limit: 10, now: new Date(t0.getTime() + 29_000) })).toMatchObject({ claimed: 0 });
    const t1 = new Date(t0.getTime() + 31_000);
    expect(await drainOutbox({ workerId: "test", limit: 10, now: t1 })).toMatchObject({ claimed: 3, retried: 3 });
    for (const r of await Promise.all(rows.map((x) => row(x.id)))) {
      expect(r).toMatchObject({ status: "PENDING", attempts: 2 });
      expect(r.availableAt.getTime()).toBe(t1.getTime() + 60_000);
    }
    expect(smtp.messages).toHaveLength(0);
    expect(smtp.refused).toBeGreaterThanOrEqual(6);

    smtp.setDown(false);
    expect(await drainOutbox({ workerId: "test", limit: 10, now: new Date(t1.getTime() + 61_000) })).toMatchObject({ claimed: 3, sent: 3 });
    expect(await drainOutbox({ workerId: "test", limit: 10, now: new Date(t1.getTime() + DAY) })).toMatchObject({ claimed: 0 });
    const mails = await smtp.waitFor(3);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(claims.map((c) => c.customerContactEmail).sort());
    const finals = await Promise.all(rows.map((r) => row(r.id)));
    expect(finals.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
    expect(new Set(mails.map((m) => m.messageId))).toEqual(new Set(finals.map((r) => r.messageId)));
  });

  it("re-sends with the same Message-ID and the same links after a worker died between send and commit", async () => {
    const claim = await createClaim();
    const message = await queueApprovalRequest(claim);
    const t0 = new Date();

    // A worker claims the message, the relay accepts it... and the worker dies before recording SENT.
    const [claimed] = await claimDueMessages({ limit: 10, now: t0 });
    expect(claimed).toMatchObject({ id: message.id, attempts: 1 });
    await renderAndSend(claimed);
    const [first] = await smtp.waitFor(1);
    expect(await row(message.id)).toMatchObject({ status: "SENDING", attempts: 1, sentAt: null });

    // Still locked: nobody touches it.
    expect(await drainOutbox({ workerId: "other", limit: 10, now: new Date(t0.getTime() + LOCK_MS - 1000) })).toMatchObject({ claimed: 0 });
    // The lock expired: another worker delivers it again, identically.
    expect(await drainOutbox({ workerId: "other", limit: 10, now: new Date(t0.getTime() + LOCK_MS + 1000) })).toMatchObject({ claimed: 1, sent: 1 });
    const [, second] = await smtp.waitFor(2);
    expect(second.messageId).toBe(first.messageId);
    expect(second.messageId).toBe(claimed.messageId);
    expect(linksIn(second)).toEqual(linksIn(first));
    expect(second.text).toBe(first.text);
    expect(second.html).toBe(first.html);
    expect(await row(message.id)).toMatchObject({ status: "SENT", attempts: 2, messageId: claimed.messageId });
    expect(await db.customerLink.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("sends each message once when two workers drain at the same time", async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => createClaim()));
    const rows = await Promise.all(claims.map(queueApprovalRequest));

    const results = await Promise.all([
      drainOutbox({ workerId: "a", limit: 5 }),
      drainOutbox({ workerId: "b", limit: 5 }),
      drainOutbox({ workerId: "c", limit: 5 }),
    ]);
    const more = await drainOutbox({ workerId: "a", limit: 10 });
    expect(results.reduce((n, r) => n + r.sent, 0) + more.sent).toBe(8);

    const mails = await smtp.waitFor(8);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages).toHaveLength(8);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(8);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(claims.map((c) => c.customerContactEmail).sort());
    const finals = await Promise.all(rows.map((r) => row(r.id)));
    expect(finals.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, and at once on a message that can never be sent`, async () => {
    const claim = await createClaim();
    const message = await queueApprovalRequest(claim);
    smtp.setDown(true);
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await drainOutbox({ workerId: "test", limit: 10, now });
      expect(result).toMatchObject(attempt < MAX_ATTEMPTS ? { claimed: 1, retried: 1 } : { claimed: 1, failed: 1 });
      const current = await row(message.id);
      expect(current.attempts).toBe(attempt);
      now = new Date(current.availableAt.getTime() + 1);
    }
    const failed = await row(message.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lockedUntil: null });
    expect(failed.lastError).toBeTruthy();
    smtp.setDown(false);
    expect(await drainOutbox({ workerId: "test", limit: 10, now: new Date(now.getTime() + DAY) })).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(0);

    const broken = await db.outboxMessage.create({ data: { kind: messageKinds.customerApprovalRequest, dedupeKey: `t:broken:${claim.id}`, claimId: claim.id, payload: { claimId: claim.id } } });
    expect(await drainOutbox({ workerId: "test", limit: 10 })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await row(broken.id)).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringMatching(/malformed/) });
  });
});

describe("reminders", () => {
  const reminderRows = (claimId: string) => db.outboxMessage.findMany({ where: { claimId, kind: messageKinds.customerReminder }, orderBy: { createdAt: "asc" } });

  it(`go out after REMINDER_DAYS without an answer, at most ${MAX_REMINDERS} times, and only while unanswered`, async () => {
    const t0 = new Date();
    const sentLongAgo = new Date(t0.getTime() - 8 * DAY);
    const waiting = await createClaim({ locale: "ja" });
    const answered = await createClaim({ customerResponse: "APPROVED" });
    const rejected = await createClaim({ status: "REJECTED" });
    const draft = await createClaim({ status: "DRAFT" });
    const recent = await createClaim();
    for (const claim of [waiting, answered, rejected, draft]) {
      const request = await queueApprovalRequest(claim);
      await db.outboxMessage.update({ where: { id: request.id }, data: { status: "SENT", sentAt: sentLongAgo, attempts: 1 } });
    }
    const recentRequest = await queueApprovalRequest(recent);
    await db.outboxMessage.update({ where: { id: recentRequest.id }, data: { status: "SENT", sentAt: new Date(t0.getTime() - 2 * DAY), attempts: 1 } });

    await scheduleReminders(t0);
    await scheduleReminders(t0); // idempotent
    expect(await reminderRows(waiting.id)).toMatchObject([{ dedupeKey: `customer-reminder:${waiting.id}:1`, payload: { reminder: 1, to: waiting.customerContactEmail, locale: "ja" } }]);
    for (const claim of [answered, rejected, draft, recent]) expect(await reminderRows(claim.id)).toEqual([]);

    await drainOutbox({ workerId: "test", limit: 10, now: t0 });
    const [first] = await smtp.waitFor(1);
    expect(first.subject).toContain("リマインダー (1/2)");
    expect(first.to).toEqual([waiting.customerContactEmail]);

    // The reminder itself was just sent: the next one waits REMINDER_DAYS again.
    await scheduleReminders(new Date(t0.getTime() + 6 * DAY));
    expect(await reminderRows(waiting.id)).toHaveLength(1);
    const t8 = new Date(t0.getTime() + 8 * DAY);
    await scheduleReminders(t8);
    expect((await reminderRows(waiting.id)).map((r) => r.dedupeKey)).toEqual([`customer-reminder:${waiting.id}:1`, `customer-reminder:${waiting.id}:2`]);
    // By then the claim whose request went out 2 days before t0 is due for its first reminder too.
    expect(await reminderRows(recent.id)).toMatchObject([{ dedupeKey: `customer-reminder:${recent.id}:1` }]);
    await drainOutbox({ workerId: "test", limit: 10, now: t8 });
    const mails = await smtp.waitFor(3);
    const second = mails.slice(1).find((m) => m.to[0] === waiting.customerContactEmail)!;
    expect(second.subject).toContain("リマインダー (2/2)");
    expect(mails.slice(1).find((m) => m.to[0] === recent.customerContactEmail)?.subject).toMatch(/^Reminder 1 of 2: /);
    expect(tokenOf(linksIn(second)[0])).not.toBe(tokenOf(linksIn(first)[0]));

    await scheduleReminders(new Date(t0.getTime() + 30 * DAY));
    expect(await reminderRows(waiting.id)).toHaveLength(MAX_REMINDERS);
    for (const claim of [answered, rejected, draft]) expect(await reminderRows(claim.id)).toEqual([]);
    expect(smtp.messages).toHaveLength(3);
    // Every email's link stays usable: the customer may answer through any of them.
    expect(await verifyCustomerLink(tokenOf(linksIn(first)[0])!)).toMatchObject({ ok: true });
  });
});

describe("re-sending the request", () => {
  it("is limited to one per 10 minutes and 5 per 24 hours", async () => {
    const claim = await createClaim();
    const t0 = new Date();
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const resend = (now: Date) => db.$transaction((tx) => requestResend(tx, { claimId: claim.id, now }));

    const first = await resend(at(0));
    expect(first).toMatchObject({ ok: true, data: { outboxId: expect.any(String) } });
    expect(await resend(at(5))).toEqual({ ok: false, fieldErrors: {}, problem: "retryLater", details: { retryAfter: at(10) } });
    for (const minutes of [10, 20, 30, 40]) expect(await resend(at(minutes))).toMatchObject({ ok: true });
    expect(await resend(at(50))).toEqual({ ok: false, fieldErrors: {}, problem: "retryLater", details: { retryAfter: new Date(t0.getTime() + DAY) } });
    expect(await resend(new Date(t0.getTime() + DAY))).toMatchObject({ ok: true });

    // Concurrent requests respect the limit too.
    const racing = await Promise.all([resend(new Date(t0.getTime() + 2 * DAY)), resend(new Date(t0.getTime() + 2 * DAY))]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);

    const rows = await db.outboxMessage.findMany({ where: { claimId: claim.id, kind: messageKinds.customerResend } });
    expect(rows).toHaveLength(7);
    expect(rows[0].payload).toEqual({ claimId: claim.id, to: claim.customerContactEmail, locale: "en" });

    await drainOutbox({ workerId: "test", limit: 10, now: at(0) });
    const [mail] = await smtp.waitFor(1);
    expect(mail.text).toContain("Contoso asked us to send you this request again.");
  });
});
