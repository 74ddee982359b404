// Asking for a sign-in link, through the sign-in form's action and Auth.js on the real database (only
// next/headers is mocked): links on APP_URL whatever host the request names, one answer for known and
// unknown addresses, the email queued in the outbox (sealed) and rendered in the user's language, the
// limits per address and per client with their message and reset, and the client address of an
// audited action (a customer approval over a real socket) taken from the socket, not X-Forwarded-For.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: (await import("../support/next-request")).after }));
import { afterAnswer, incoming } from "../support/next-request";

import { NextRequest } from "next/server";
import { createTranslator } from "next-intl";
import { POST as customerRoute } from "@/app/c/[token]/route";
import { requestSignInLink, type SignInState } from "@/lib/auth/actions";
import { handlers } from "@/lib/auth/index";
import { consumeSignInAllowance, signInLimitKey, sweepRateLimits } from "@/lib/auth/sign-in-limit";
import { installClientAddressHook } from "@/lib/client-address-hook";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/locales";
import { messageKinds } from "@/lib/notify/messages";
import { PermanentMessageError, renderOutboxMessage } from "@/lib/notify/render";
import { unseal } from "@/lib/notify/seal";
import { issueCustomerLink } from "@/lib/notify/tokens";
import { DEMO } from "@/lib/reference/demo-data";
import { clientAddressHeader, stampClientAddress } from "@/lib/request-meta";

const MINUTE = 60_000;
const appOrigin = () => new URL(env().APP_URL).origin;
const known = DEMO.users.reviewer;
const unknown = () => `nobody.${randomUUID().slice(0, 8)}@unknown.example`;

/** The request as an attacker sends it: another host, a forged X-Forwarded-For; the socket was 127.0.0.1. */
const forgedRequest = (socket = "127.0.0.1", forwardedFor = "203.0.113.50") => ({
  origin: "https://evil.example",
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-for": forwardedFor,
  // What the request hook (lib/client-address-hook.ts) writes from the socket.
  [clientAddressHeader]: stampClientAddress(socket),
});

type Answer = { redirect: string } | { state: SignInState };

/**
 * Submits the sign-in form's action; a redirect (thrown by next/navigation) is returned as its URL.
 * Then runs what the action left for after its answer, unless `answerOnly`.
 */
async function ask(email: string, { answerOnly = false } = {}): Promise<Answer> {
  const form = new FormData();
  form.set("email", email);
  try {
    return { state: await requestSignInLink(undefined, form) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (!digest?.startsWith("NEXT_REDIRECT;")) throw error;
    return { redirect: digest.split(";")[2] };
  } finally {
    if (!answerOnly) await afterAnswer.run();
  }
}

const signInRows = (to: string) =>
  db.outboxMessage.findMany({ where: { kind: messageKinds.signInLink, payload: { path: ["to"], equals: to } }, orderBy: { createdAt: "asc" } });

const cleanUp = async () => {
  await db.rateLimit.deleteMany({});
  await db.outboxMessage.deleteMany({ where: { kind: messageKinds.signInLink } });
};

beforeEach(async () => {
  afterAnswer.tasks.length = 0;
  await cleanUp();
  incoming.headers = forgedRequest();
  incoming.cookies.clear();
});

afterAll(async () => {
  await cleanUp();
  await db.verificationToken.deleteMany({ where: { identifier: known } });
  await db.$disconnect();
});

describe("a sign-in link request", () => {
  it("with a forged host queues a link on APP_URL, sealed in the outbox row", async () => {
    expect(await ask(known)).toEqual({ redirect: "/signin/check-email" });
    const [row] = await signInRows(known);
    expect(row).toBeDefined();
    const payload = row.payload as { to: string; link: string; expiresAt: string };
    const link = new URL(unseal(payload.link)!);
    expect(link.origin).toBe(appOrigin());
    expect(link.pathname).toBe("/api/auth/callback/nodemailer");
    expect(new URL(link.searchParams.get("callbackUrl")!).origin).toBe(appOrigin());
    // The database holds no working link: only the token's hash (Auth.js) and the sealed link.
    expect(JSON.stringify(row.payload)).not.toContain(link.searchParams.get("token"));
    expect(await db.verificationToken.count({ where: { identifier: known, token: link.searchParams.get("token")! } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: known } })).toBeGreaterThan(0);
  });

  it("gives a known and an unknown address the same answer and cookies; only the known one gets an email", async () => {
    const stranger = unknown();
    const knownAnswer = await ask(known);
    const knownCookies = [...incoming.cookies.keys()].sort();
    incoming.cookies.clear();
    const unknownAnswer = await ask(stranger);
    expect(unknownAnswer).toEqual(knownAnswer);
    expect([...incoming.cookies.keys()].sort()).toEqual(knownCookies);
    expect(await signInRows(known)).toHaveLength(1);
    expect(await signInRows(stranger)).toHaveLength(0);
    expect(await db.user.count({ where: { email: stranger } })).toBe(0);
  });

  it("is answered before the link is made, so the answer's time does not depend on the address", async () => {
    const answers = [await ask(known, { answerOnly: true }), await ask(unknown(), { answerOnly: true })];
    expect(answers).toEqual([{ redirect: "/signin/check-email" }, { redirect: "/signin/check-email" }]);
    // Both answers were given with no link made: no Auth.js token, no outbox row.
    expect(await signInRows(known)).toHaveLength(0);
    expect(afterAnswer.tasks).toHaveLength(2);
    await afterAnswer.run();
    expect(await signInRows(known)).toHaveLength(1);
  });

  it("cannot be started at the Auth.js route, which would skip the limits", async () => {
    const response = await handlers.POST(
      new NextRequest(`${appOrigin()}/api/auth/signin/nodemailer`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email: known, csrfToken: "x" }) }),
    );
    expect(response.status).toBe(404);
    expect(await signInRows(known)).toHaveLength(0);
  });
});

describe("the sign-in email", () => {
  it("is rendered from the outbox row in the user's language, with the link and its lifetime", async () => {
    await ask(known);
    const [row] = await signInRows(known);
    const link = unseal((row.payload as { link: string }).link)!;
    const english = await renderOutboxMessage(row);
    expect(english).toMatchObject({ to: known, locale: "en", subject: "Your sign-in link for the CPOR claims portal" });
    expect(english.text).toContain(link);
    expect(english.text).toContain("expires in 15 minutes");
    expect(english.html).toContain(link.replaceAll("&", "&#38;"));

    const user = await db.user.findUniqueOrThrow({ where: { email: known }, select: { locale: true } });
    await db.user.update({ where: { email: known }, data: { locale: "ja" } });
    try {
      const japanese = await renderOutboxMessage(row);
      expect(japanese).toMatchObject({ locale: "ja", subject: "CPOR 要求ポータルのサインイン リンク" });
      expect(japanese.text).toContain("15 分で期限切れになります");
      expect(japanese.html).toContain('<html lang="ja">');
    } finally {
      await db.user.update({ where: { email: known }, data: { locale: user.locale } });
    }
  });

  it("is not sent once its link has expired", async () => {
    await ask(known);
    const [row] = await signInRows(known);
    const payload = row.payload as { to: string; link: string; expiresAt: string };
    const stale = { ...row, payload: { ...payload, expiresAt: new Date(Date.now() - MINUTE).toISOString() } };
    await expect(renderOutboxMessage(stale)).rejects.toBeInstanceOf(PermanentMessageError);
  });
});

describe("the sign-in limits", () => {
  const tooMany = async (locale: "en" | "ja", minutes: number) =>
    createTranslator({ locale, messages: await loadMessages(locale), namespace: "SignIn" })("tooManyRequests", { minutes });

  it("allow a few requests per address, then answer the same for known and unknown addresses, with no email", async () => {
    const stranger = unknown();
    const limit = env().SIGN_IN_LIMIT_PER_EMAIL;
    for (let i = 0; i < limit; i++) {
      expect(await ask(known)).toEqual({ redirect: "/signin/check-email" });
      expect(await ask(stranger)).toEqual({ redirect: "/signin/check-email" });
    }
    const limitedKnown = await ask(known);
    const limitedUnknown = await ask(stranger);
    expect(limitedKnown).toEqual({ state: { ok: false, fieldErrors: {}, problem: "tooManyRequests", details: { retryInMinutes: 15 } } });
    expect(limitedUnknown).toEqual(limitedKnown);
    expect(await signInRows(known)).toHaveLength(limit);
    expect(await tooMany("en", 15)).toBe("Too many sign-in requests. Try again in 15 minutes.");
    expect(await tooMany("en", 1)).toBe("Too many sign-in requests. Try again in 1 minute.");
    expect(await tooMany("ja", 15)).toBe("サインインの要求が多すぎます。15 分後にもう一度お試しください。");
  });

  it("count spellings of one address together, and say how long is left of the window", async () => {
    const limit = env().SIGN_IN_LIMIT_PER_EMAIL;
    for (let i = 0; i < limit; i++) expect(await ask(i % 2 ? known.toUpperCase() : known)).toEqual({ redirect: "/signin/check-email" });
    await db.rateLimit.update({ where: { key: signInLimitKey("email", known) }, data: { resetAt: new Date(Date.now() + 4 * MINUTE + 10_000) } });
    expect(await ask(known)).toEqual({ state: { ok: false, fieldErrors: {}, problem: "tooManyRequests", details: { retryInMinutes: 5 } } });
  });

  it("start again when the window has ended", async () => {
    const limit = env().SIGN_IN_LIMIT_PER_EMAIL;
    for (let i = 0; i < limit; i++) await ask(known);
    expect(await ask(known)).toMatchObject({ state: { ok: false } });
    // Time passes: the stored window ends.
    await db.rateLimit.update({ where: { key: signInLimitKey("email", known) }, data: { resetAt: new Date(Date.now() - 1000) } });
    expect(await ask(known)).toEqual({ redirect: "/signin/check-email" });
    expect(await db.rateLimit.findUniqueOrThrow({ where: { key: signInLimitKey("email", known) } })).toMatchObject({ count: 1 });
    expect(await signInRows(known)).toHaveLength(limit + 1);
  });

  it("allow a client a number of requests for any addresses, whatever X-Forwarded-For it sends", async () => {
    const limit = env().SIGN_IN_LIMIT_PER_CLIENT;
    for (let i = 0; i < limit; i++) {
      incoming.headers = forgedRequest("198.51.100.9", `203.0.113.${i}`);
      expect(await ask(unknown())).toEqual({ redirect: "/signin/check-email" });
    }
    incoming.headers = forgedRequest("198.51.100.9", "203.0.113.250");
    expect(await ask(known)).toEqual({ state: { ok: false, fieldErrors: {}, problem: "tooManyRequests", details: { retryInMinutes: 15 } } });
    expect(await signInRows(known)).toHaveLength(0);
    // Another client is not held back.
    incoming.headers = forgedRequest("198.51.100.10");
    expect(await ask(known)).toEqual({ redirect: "/signin/check-email" });
  });

  it("hold under concurrent requests: exactly the limit goes through", async () => {
    const email = unknown();
    const limit = env().SIGN_IN_LIMIT_PER_EMAIL;
    const results = await Promise.all(Array.from({ length: limit + 5 }, () => consumeSignInAllowance(db, { email })));
    expect(results.filter((r) => r.ok)).toHaveLength(limit);
  });

  it("forget ended windows when swept", async () => {
    await consumeSignInAllowance(db, { email: "a@unknown.example" });
    await consumeSignInAllowance(db, { email: "b@unknown.example" });
    await db.rateLimit.update({ where: { key: signInLimitKey("email", "a@unknown.example") }, data: { resetAt: new Date(Date.now() - 1000) } });
    expect(await sweepRateLimits(db)).toBe(1);
    expect(await db.rateLimit.count({ where: { key: signInLimitKey("email", "b@unknown.example") } })).toBe(1);
  });
});

describe("the audited client address", () => {
  it("of a customer approval sent with a forged X-Forwarded-For is the socket's", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin }, select: { id: true, organizationId: true } });
    const suffix = randomUUID().slice(0, 8);
    const claim = await db.claim.create({
      data: {
        organizationId: admin.organizationId!,
        partnerId: "4412345",
        solutionArea: "MODERN_WORK_SECURITY",
        partnerRole: "USE_OR_CONSUME",
        name: `Sign-in audit ${suffix}`,
        tenantId: randomUUID(),
        customerContactName: "Nancy Davolio",
        customerContactAddress: "1 Main Street",
        customerContactEmail: `nancy.${suffix}@northwind.example`,
        partnerContactName: "Pat Partner",
        partnerContactEmail: `pat.${suffix}@contoso.example`,
        status: "SUBMITTED",
        submittedAt: new Date(),
        creationKey: `signin-${suffix}`,
        createdById: admin.id,
        workloads: { create: [{ workloadId: "mws-microsoft-teams" }] },
      },
    });
    installClientAddressHook();
    // The route handler behind a real HTTP server, as Next serves it.
    const server = http.createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const headers = new Headers(Object.entries(request.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      const token = decodeURIComponent(request.url!.split("/").pop()!);
      const answer = await customerRoute(new Request(`http://localhost${request.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }), { params: Promise.resolve({ token }) });
      response.writeHead(answer.status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const link = await issueCustomerLink(db, { claimId: claim.id, email: claim.customerContactEmail, outboxId: randomUUID(), now: new Date() });
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/c/${encodeURIComponent(link.token)}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.77", "x-real-ip": "203.0.113.78", [clientAddressHeader]: "forged 203.0.113.79", "user-agent": "Vitest customer/1.0" },
        body: "choice=approve",
      });
      expect(response.status).toBe(303);
      const events = await db.claimEvent.findMany({ where: { claimId: claim.id }, select: { ip: true, userAgent: true } });
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(["127.0.0.1", "::1", "::ffff:127.0.0.1"]).toContain(event.ip);
        expect(event.userAgent).toBe("Vitest customer/1.0");
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.claim.delete({ where: { id: claim.id } });
    }
  });
});
