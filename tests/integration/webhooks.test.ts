// Webhooks on the real database and a local HTTP receiver (node:http) that fails (500s, no answer) and
// recovers: events written with the change they announce, only to the organisation's endpoints that
// subscribed; signatures the Standard Webhooks verifier accepts; retries spaced by the backoff (the
// clock advanced through the job's `now`); nothing lost, nothing doubled, order per claim and endpoint
// kept; two delivery workers at once; the settings scoped to the organisation's incentive admins.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { DEMO } from "@/lib/reference/demo-data";
import { recordCustomerResponse, runTransition } from "@/lib/claims/lifecycle";
import { BACKOFF_MS, deliverWebhooks, drainWebhooks, LOG_RETENTION_DAYS, MAX_ATTEMPTS, sweepWebhookDeliveries } from "@/lib/webhooks/delivery";
import { emitWebhookEvent, webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/events";
import { createEndpoint, deleteEndpoint, rotateSecret, sendTestEvent, setEndpointEnabled, updateEndpoint, webhooksPageView } from "@/lib/webhooks/endpoints";
import type { PartnerViewer } from "@/lib/auth/session";
import { claimFactory } from "../support/factories";
import { loadPartnerViewer } from "../support/viewers";

const concurrentSessions = Number(process.env.DATABASE_POOL_MAX ?? 10) > 1;
const MINUTE = 60_000;

type Received = { path: string; headers: IncomingHttpHeaders; body: string; event: { id: string; type: string; timestamp: string; data: Record<string, unknown> }; answered: number | null };

/** A local receiver: answers 200, 500, or nothing at all, as told; records every request. */
function receiver() {
  let mode: "ok" | "fail" | "silent" = "ok";
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const answered = mode === "ok" ? 200 : mode === "fail" ? 500 : null;
      received.push({ path: request.url ?? "", headers: request.headers, body, event: JSON.parse(body), answered });
      if (answered !== null) response.writeHead(answered, { "content-type": "text/plain" }).end(answered === 200 ? "ok" : "broken");
    });
  });
  return {
    received,
    setMode: (next: typeof mode) => (mode = next),
    start: () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)),
    url: (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const hook = receiver();
const claims = claimFactory(db, { prefix: "Webhooks" });
let contoso: PartnerViewer;
let fabrikam: PartnerViewer;
let reviewerId: string;
let partnerIds: { contoso: string; fabrikam: string };
const endpointIds: string[] = [];

beforeAll(async () => {
  await hook.start();
  contoso = await loadPartnerViewer(db, DEMO.users.contosoAdmin);
  fabrikam = await loadPartnerViewer(db, DEMO.users.fabrikamAdmin);
  reviewerId = (await db.user.findUniqueOrThrow({ where: { email: DEMO.users.reviewer } })).id;
  partnerIds = {
    contoso: (await db.partnerLocation.findFirstOrThrow({ where: { organizationId: contoso.organization.id } })).partnerId,
    fabrikam: (await db.partnerLocation.findFirstOrThrow({ where: { organizationId: fabrikam.organization.id } })).partnerId,
  };
});

afterEach(async () => {
  hook.setMode("ok");
  hook.received.length = 0;
  await db.webhookEndpoint.deleteMany({ where: { id: { in: endpointIds.splice(0) } } });
  await claims.cleanup();
});

afterAll(async () => {
  await hook.close();
  await db.$disconnect();
});

async function register(viewer: PartnerViewer, path: string, events: readonly WebhookEventType[] = webhookEventTypes) {
  const result = await createEndpoint(viewer, { url: hook.url(path), description: `Receiver ${path}`, events: [...events] });
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result)}`);
  endpointIds.push(result.data.id);
  return result.data;
}

const claimOf = (viewer: PartnerViewer, status: "DRAFT" | "SUBMITTED" = "SUBMITTED") =>
  claims.makeClaim({ organizationId: viewer.organization.id, partnerId: viewer === contoso ? partnerIds.contoso : partnerIds.fabrikam, createdById: viewer.id, status });

/** Emits one event per label on `claimId`, in this order, at `now` (a change's own transaction each). */
async function emitEach(viewer: PartnerViewer, claimId: string, labels: string[], now: Date) {
  for (const label of labels) {
    await db.$transaction((tx) => emitWebhookEvent(tx, { type: "claim.status_changed", organizationId: viewer.organization.id, claimId, data: { label }, now }));
  }
}

const acceptedIds = (path: string) => hook.received.filter((r) => r.path === path && r.answered === 200).map((r) => r.event.id);
const labelsOf = (path: string, claimId: string) => hook.received.filter((r) => r.path === path && r.answered === 200 && r.event.data.claimId === claimId).map((r) => r.event.data.label);

describe("events from the claim's changes", () => {
  it("reach the organisation's subscribed endpoints, signed, in the transaction's order, and never another organisation's", async () => {
    const all = await register(contoso, "/contoso-all");
    await register(contoso, "/contoso-submitted", ["claim.submitted"]);
    await register(fabrikam, "/fabrikam-all");
    const claimId = await claimOf(contoso, "DRAFT");

    expect(await runTransition(db, { claimId, from: "DRAFT", to: "SUBMITTED", actor: { kind: "partner", userId: contoso.id }, organizationId: contoso.organization.id, action: "submitted" })).toMatchObject({ ok: true });
    expect(await runTransition(db, { claimId, from: "SUBMITTED", to: "UNDER_REVIEW", actor: { kind: "reviewer", userId: reviewerId } })).toMatchObject({ ok: true });
    await db.$transaction((tx) => recordCustomerResponse(tx, { claimId, response: "DECLINED", email: "nancy@northwind.example", reason: "Not our partner" }));
    // A refused change announces nothing.
    expect(await runTransition(db, { claimId, from: "UNDER_REVIEW", to: "APPROVED", actor: { kind: "reviewer", userId: reviewerId } })).toMatchObject({ ok: false, problem: "stale" });

    expect(await deliverWebhooks({ now: new Date() })).toBe(5);
    const toAll = hook.received.filter((r) => r.path === "/contoso-all");
    expect(toAll.map((r) => [r.event.type, r.event.data.status ?? null, r.event.data.previousStatus ?? null])).toEqual([
      ["claim.submitted", "SUBMITTED", "DRAFT"],
      ["claim.status_changed", "UNDER_REVIEW", "SUBMITTED"],
      ["claim.customer_responded", "UNDER_REVIEW", null],
      ["claim.status_changed", "REJECTED", "UNDER_REVIEW"],
    ]);
    expect(toAll[2].event.data).toMatchObject({ claimId, response: "DECLINED", organizationId: contoso.organization.id });
    expect(toAll[3].event.data).toMatchObject({ reasonCode: "CUSTOMER_DECLINED" });
    for (const request of toAll) {
      expect(new Webhook(all.secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ id: request.headers["webhook-id"], data: { claimId } });
      expect(request.headers["content-type"]).toBe("application/json");
    }
    expect(hook.received.filter((r) => r.path === "/contoso-submitted").map((r) => r.event.type)).toEqual(["claim.submitted"]);
    // The same event, with the same id, to both of Contoso's endpoints that wanted it.
    expect(hook.received.find((r) => r.path === "/contoso-submitted")!.event.id).toBe(toAll[0].event.id);
    expect(hook.received.filter((r) => r.path === "/fabrikam-all")).toEqual([]);
  });

  it("announce an association that ends (an approved claim disassociated, a subscription that ended)", async () => {
    await register(contoso, "/contoso-ended", ["association.ended"]);
    const claimId = await claimOf(contoso);
    await db.claim.update({ where: { id: claimId }, data: { status: "APPROVED" } });
    const workload = await db.claimWorkload.findFirstOrThrow({ where: { claimId } });
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    await db.association.create({ data: { claimId, tenantId: claim.tenantId, workloadId: workload.workloadId } });
    expect(await runTransition(db, { claimId, from: "APPROVED", to: "REJECTED_FINAL", actor: { kind: "partner", userId: contoso.id }, organizationId: contoso.organization.id, reasonCode: "PARTNER_REQUEST", reasonText: "The engagement ended." })).toMatchObject({ ok: true });
    await deliverWebhooks({ now: new Date() });
    expect(hook.received.map((r) => [r.event.type, r.event.data.claimId, r.event.data.status])).toEqual([["association.ended", claimId, "REJECTED_FINAL"]]);
  });
});

describe("delivery", () => {
  it("retries a failing endpoint with the backoff, loses nothing, doubles nothing and keeps each claim's order", async () => {
    await register(contoso, "/flaky");
    const [a, b] = [await claimOf(contoso), await claimOf(contoso)];
    const t0 = new Date(Date.now() + 60 * MINUTE);
    await emitEach(contoso, a, ["a1", "a2", "a3"], t0);
    await emitEach(contoso, b, ["b1", "b2"], t0);
    const rows = () => db.webhookDelivery.findMany({ where: { claimId: { in: [a, b] } }, orderBy: { seq: "asc" } });

    hook.setMode("fail");
    // Only each claim's first event is tried: the later ones wait for it.
    expect(await drainWebhooks({ now: t0 })).toMatchObject({ claimed: 2, retried: 2 });
    expect(hook.received.map((r) => r.event.data.label).sort()).toEqual(["a1", "b1"]);
    let state = await rows();
    expect(state.map((r) => [r.status, r.attempts, r.lastStatusCode])).toEqual([["PENDING", 1, 500], ["PENDING", 0, null], ["PENDING", 0, null], ["PENDING", 1, 500], ["PENDING", 0, null]]);
    expect(state[0].availableAt).toEqual(new Date(t0.getTime() + BACKOFF_MS[0]));

    // Not due before the backoff ends.
    expect(await drainWebhooks({ now: new Date(t0.getTime() + BACKOFF_MS[0] - 1000) })).toMatchObject({ claimed: 0 });
    const t1 = new Date(t0.getTime() + BACKOFF_MS[0]);
    expect(await drainWebhooks({ now: t1 })).toMatchObject({ claimed: 2, retried: 2 });
    state = await rows();
    expect(state[0]).toMatchObject({ attempts: 2, availableAt: new Date(t1.getTime() + BACKOFF_MS[1]) });

    // An endpoint that does not answer in time counts as a failure too.
    hook.setMode("silent");
    const t2 = new Date(t1.getTime() + BACKOFF_MS[1]);
    expect(await drainWebhooks({ now: t2, timeoutMs: 300 })).toMatchObject({ claimed: 2, retried: 2 });
    state = await rows();
    expect(state[0]).toMatchObject({ attempts: 3, lastStatusCode: null, lastError: expect.stringMatching(/no answer/), availableAt: new Date(t2.getTime() + BACKOFF_MS[2]) });

    // The log says so, with the next retry.
    const log = (await webhooksPageView(contoso)).find((e) => e.url.endsWith("/flaky"))!.log;
    expect(log.find((entry) => entry.id === state[0].id)).toMatchObject({ status: "PENDING", attempts: 3, nextRetryAt: new Date(t2.getTime() + BACKOFF_MS[2]).toISOString(), error: expect.stringMatching(/no answer/) });

    hook.setMode("ok");
    expect(await deliverWebhooks({ now: new Date(t2.getTime() + BACKOFF_MS[2]) })).toBe(5);
    const accepted = acceptedIds("/flaky");
    expect(accepted).toHaveLength(5);
    expect(new Set(accepted).size).toBe(5);
    expect(labelsOf("/flaky", a)).toEqual(["a1", "a2", "a3"]);
    expect(labelsOf("/flaky", b)).toEqual(["b1", "b2"]);
    // Every attempt of an event carried the same id.
    const firstId = hook.received.find((r) => r.event.data.label === "a1")!.event.id;
    expect(hook.received.filter((r) => r.event.data.label === "a1").map((r) => r.event.id)).toEqual([firstId, firstId, firstId, firstId]);
    expect((await rows()).map((r) => r.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"]);
    // Nothing more to send.
    expect(await drainWebhooks({ now: new Date(t2.getTime() + 48 * 60 * MINUTE) })).toMatchObject({ claimed: 0 });
  });

  it("gives up after about a day of attempts, and then the claim's next event goes", async () => {
    await register(contoso, "/down");
    const claimId = await claimOf(contoso);
    const t0 = new Date(Date.now() + 60 * MINUTE);
    await emitEach(contoso, claimId, ["first", "second"], t0);
    hook.setMode("fail");
    let now = t0;
    const attempts: Date[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      attempts.push(now);
      await drainWebhooks({ now });
      const first = await db.webhookDelivery.findFirstOrThrow({ where: { claimId }, orderBy: { seq: "asc" } });
      now = first.availableAt;
    }
    const [first, second] = await db.webhookDelivery.findMany({ where: { claimId }, orderBy: { seq: "asc" } });
    expect(first).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
    expect(second).toMatchObject({ status: "PENDING", attempts: 0 });
    const gaps = attempts.slice(1).map((at, i) => at.getTime() - attempts[i].getTime());
    expect(gaps).toEqual([...BACKOFF_MS]);
    const span = attempts[attempts.length - 1].getTime() - t0.getTime();
    expect(span).toBeGreaterThan(20 * 60 * MINUTE);
    expect(span).toBeLessThanOrEqual(24 * 60 * MINUTE);
    expect(hook.received.map((r) => r.event.data.label)).toEqual(Array(MAX_ATTEMPTS).fill("first"));

    hook.setMode("ok");
    await deliverWebhooks({ now });
    expect(labelsOf("/down", claimId)).toEqual(["second"]);
  });

  it(`delivers each event once with two workers at the same time${concurrentSessions ? "" : " (queued on the embedded server's one session)"}`, async () => {
    await register(contoso, "/busy");
    const claimIds = [await claimOf(contoso), await claimOf(contoso), await claimOf(contoso), await claimOf(contoso)];
    const now = new Date(Date.now() + 60 * MINUTE);
    for (const claimId of claimIds) await emitEach(contoso, claimId, ["1", "2", "3", "4", "5"], now);
    const [one, two] = await Promise.all([deliverWebhooks({ now, limit: 3 }), deliverWebhooks({ now, limit: 3 })]);
    expect(one + two).toBe(20);
    const accepted = acceptedIds("/busy");
    expect(accepted).toHaveLength(20);
    expect(new Set(accepted).size).toBe(20);
    for (const claimId of claimIds) expect(labelsOf("/busy", claimId)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("sends nothing to a disabled endpoint, and what waited goes once it is enabled again", async () => {
    const endpoint = await register(contoso, "/paused");
    const claimId = await claimOf(contoso);
    const now = new Date(Date.now() + 60 * MINUTE);
    await emitEach(contoso, claimId, ["before"], now);
    expect(await setEndpointEnabled(contoso, endpoint.id, false)).toMatchObject({ ok: true });
    await emitEach(contoso, claimId, ["while disabled"], now);
    expect(await drainWebhooks({ now })).toMatchObject({ claimed: 0 });
    await setEndpointEnabled(contoso, endpoint.id, true);
    await deliverWebhooks({ now });
    expect(labelsOf("/paused", claimId)).toEqual(["before"]);
  });
});

describe("settings", () => {
  it("sends a test event through the same path, signed with the current secret", async () => {
    const endpoint = await register(contoso, "/test");
    const rotated = await rotateSecret(contoso, endpoint.id);
    if (!rotated.ok) throw new Error("rotation refused");
    expect(rotated.data.secret).not.toBe(endpoint.secret);
    const sent = await sendTestEvent(contoso, endpoint.id);
    expect(sent).toMatchObject({ ok: true });
    await deliverWebhooks({ now: new Date() });
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(request.event).toMatchObject({ type: "webhook.test", data: { organizationId: contoso.organization.id } });
    expect(new Webhook(rotated.data.secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ type: "webhook.test" });
    expect(() => new Webhook(endpoint.secret).verify(request.body, request.headers as Record<string, string>)).toThrow();
    const log = (await webhooksPageView(contoso)).find((e) => e.id === endpoint.id)!.log;
    expect(log).toEqual([expect.objectContaining({ eventType: "webhook.test", status: "DELIVERED", statusCode: 200, attempts: 1, claimId: null })]);
  });

  it("edits an endpoint's URL, description and events: checked as at registration, the secret and the log kept, waiting deliveries sent to the new URL", async () => {
    const endpoint = await register(contoso, "/before");
    expect(await sendTestEvent(contoso, endpoint.id)).toMatchObject({ ok: true });
    await deliverWebhooks({ now: new Date() });
    const claim = await claimOf(contoso);
    await emitEach(contoso, claim, ["waiting"], new Date());

    expect(await updateEndpoint(contoso, endpoint.id, { url: "ftp://example.com/x", description: "", events: ["claim.submitted"] })).toMatchObject({ ok: false, fieldErrors: { url: "invalidUrl" } });
    expect(await updateEndpoint(contoso, endpoint.id, { url: hook.url("/after"), description: "", events: [] })).toMatchObject({ ok: false, fieldErrors: { events: "eventsRequired" } });
    expect(await updateEndpoint(contoso, endpoint.id, { url: hook.url("/after"), description: "Moved", events: ["claim.status_changed", "claim.status_changed"] })).toEqual({ ok: true, data: undefined });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ url: hook.url("/after"), description: "Moved", events: ["claim.status_changed"], enabled: true });

    await deliverWebhooks({ now: new Date() });
    const moved = hook.received.filter((r) => r.path === "/after");
    expect(moved.map((r) => r.event.data.label)).toEqual(["waiting"]);
    expect(new Webhook(endpoint.secret).verify(moved[0].body, moved[0].headers as Record<string, string>)).toMatchObject({ type: "claim.status_changed" });
    const log = (await webhooksPageView(contoso)).find((e) => e.id === endpoint.id)!.log;
    expect(log.map((entry) => entry.eventType).sort()).toEqual(["claim.status_changed", "webhook.test"]);
  });

  it("lets only the organisation's incentive admins see or change its endpoints", async () => {
    const endpoint = await register(contoso, "/private");
    expect((await webhooksPageView(fabrikam)).map((e) => e.id)).not.toContain(endpoint.id);
    expect(await updateEndpoint(fabrikam, endpoint.id, { url: hook.url("/taken"), description: "", events: ["claim.submitted"] })).toMatchObject({ ok: false, problem: "notFound" });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ url: hook.url("/private") });
    expect(await setEndpointEnabled(fabrikam, endpoint.id, false)).toMatchObject({ ok: false, problem: "notFound" });
    expect(await rotateSecret(fabrikam, endpoint.id)).toMatchObject({ ok: false, problem: "notFound" });
    expect(await sendTestEvent(fabrikam, endpoint.id)).toMatchObject({ ok: false, problem: "notFound" });
    expect(await deleteEndpoint(fabrikam, endpoint.id)).toMatchObject({ ok: false, problem: "notFound" });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ enabled: true });
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect(await deleteEndpoint(contoso, endpoint.id)).toMatchObject({ ok: true });
    expect(await db.webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
  });

  it("refuses bad input field by field", async () => {
    expect(await createEndpoint(contoso, { url: "", description: "", events: ["claim.submitted"] })).toMatchObject({ ok: false, fieldErrors: { url: "urlRequired" } });
    expect(await createEndpoint(contoso, { url: "ftp://example.com/x", description: "", events: ["claim.submitted"] })).toMatchObject({ ok: false, fieldErrors: { url: "invalidUrl" } });
    expect(await createEndpoint(contoso, { url: "https://example.com/x", description: "", events: [] })).toMatchObject({ ok: false, fieldErrors: { events: "eventsRequired" } });
    expect(await createEndpoint(contoso, { url: "https://example.com/x", description: "x".repeat(201), events: ["claim.submitted"] })).toMatchObject({ ok: false, fieldErrors: { description: "descriptionTooLong" } });
    expect(await createEndpoint(contoso, { url: "https://example.com/x", events: ["claim.deleted"] })).toMatchObject({ ok: false, fieldErrors: { events: "eventsRequired" } });
    expect(await db.webhookEndpoint.count({ where: { organizationId: contoso.organization.id } })).toBe(0);
  });
});

describe("the log's upkeep", () => {
  it("deletes finished deliveries after 30 days and keeps those still waiting", async () => {
    const endpoint = await register(contoso, "/old");
    const claimId = await claimOf(contoso);
    const then = new Date(Date.now() - (LOG_RETENTION_DAYS + 1) * 24 * 60 * MINUTE);
    await emitEach(contoso, claimId, ["delivered", "waiting"], then);
    const [first] = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { seq: "asc" } });
    await db.webhookDelivery.update({ where: { id: first.id }, data: { status: "DELIVERED" } });
    expect(await sweepWebhookDeliveries()).toBe(1);
    expect((await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } })).map((d) => d.status)).toEqual(["PENDING"]);
  });
});
