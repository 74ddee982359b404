// The REST API (/api/v1) through its route handlers on the real database and blob storage (Azurite):
// personal access tokens (hashed, expiring, revocable, tied to an incentive admin of the organisation),
// every endpoint's success path, the pages' authorisation cases, validation answered as RFC 9457
// problem details naming the field (in English and Japanese), the per-token rate limit in PostgreSQL,
// keyset pagination, and the OpenAPI document. Nothing is mocked: no session is consulted at all.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as listRoute, POST as createRoute } from "@/app/api/v1/claims/route";
import { GET as getRoute } from "@/app/api/v1/claims/[id]/route";
import { GET as historyRoute } from "@/app/api/v1/claims/[id]/history/route";
import { GET as getPoeRoute, POST as poeRoute } from "@/app/api/v1/claims/[id]/poe/route";
import { PATCH as patchSectionRoute, PUT as sectionRoute } from "@/app/api/v1/claims/[id]/sections/[section]/route";
import { POST as submitRoute } from "@/app/api/v1/claims/[id]/submit/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { consumeApiAllowance } from "@/lib/api/rate-limit";
import { authenticateToken, createApiToken, hashToken, listApiTokens, revokeApiToken, TOKEN_PATTERN } from "@/lib/api/tokens";
import type { PartnerViewer } from "@/lib/auth/session";
import { viewerSelect } from "@/lib/auth/viewer-select";
import { db } from "@/lib/db";
import { messageKinds } from "@/lib/notify/messages";
import { env } from "@/lib/env";
import { acknowledgementKeys } from "@/lib/poe/schemas";
import { ensurePoeContainer, poeContainer } from "@/lib/poe/storage";
import { DEMO } from "@/lib/reference/demo-data";
import { claimFactory, contactsInput } from "../support/factories";
import { samplePdf } from "../support/poe-samples";
import { loadPartnerViewer, loadViewerByEmail } from "../support/viewers";

const APP = process.env.APP_URL!;
const factory = claimFactory(db, { prefix: "API" });

let contoso: PartnerViewer;
let fabrikam: PartnerViewer;
let reviewerId: string;
let contosoToken: string;
let fabrikamToken: string;
const createdClaimIds: string[] = [];
const createdUserIds: string[] = [];

async function tokenFor(viewer: PartnerViewer, name = "Test token", expiresInDays = 90) {
  const created = await createApiToken(viewer, { name, expiresInDays });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.data;
}

beforeAll(async () => {
  await ensurePoeContainer();
  contoso = await loadPartnerViewer(db, DEMO.users.contosoAdmin);
  fabrikam = await loadPartnerViewer(db, DEMO.users.fabrikamAdmin);
  reviewerId = (await loadViewerByEmail(db, DEMO.users.reviewer)).id;
  contosoToken = (await tokenFor(contoso, "Contoso CRM")).secret;
  fabrikamToken = (await tokenFor(fabrikam, "Fabrikam CRM")).secret;
});

afterAll(async () => {
  const blobs = (await db.poeFile.findMany({ where: { claimId: { in: createdClaimIds } }, select: { blobName: true } })).map((f) => f.blobName);
  await db.claim.deleteMany({ where: { id: { in: createdClaimIds } } });
  await factory.cleanup();
  for (const name of blobs) await poeContainer().getBlobClient(name).deleteIfExists();
  await db.apiToken.deleteMany({ where: { userId: { in: [contoso.id, fabrikam.id, ...createdUserIds] } } });
  await db.user.deleteMany({ where: { id: { in: createdUserIds } } });
  await db.rateLimit.deleteMany({ where: { key: { startsWith: "api:token:" } } });
  await db.$disconnect();
});

type Handler<P> = (request: Request, route: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler as Next.js would, with the token (when given) as a Bearer credential. */
async function call<P>(
  handler: Handler<P>,
  { path, method = "GET", token, body, params, headers = {} }: { path: string; method?: string; token?: string | null; body?: unknown; params?: P; headers?: Record<string, string> },
) {
  const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const response = await handler(new Request(`${APP}/api/v1${path}`, init), { params: Promise.resolve((params ?? {}) as P) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const partnerIdOf = (viewer: PartnerViewer) => viewer.organization.locations[0].partnerId;
const newClaimBody = (viewer: PartnerViewer, overrides: Record<string, unknown> = {}) => ({
  solutionArea: "MODERN_WORK_SECURITY",
  partnerRole: "USE_OR_CONSUME",
  name: `API ${randomUUID().slice(0, 8)}`,
  partnerId: partnerIdOf(viewer),
  tenantId: randomUUID().toUpperCase(),
  workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"],
  ...contactsInput(viewer.email),
  ...overrides,
});

async function createViaApi(token: string, viewer: PartnerViewer, overrides: Record<string, unknown> = {}) {
  const response = await call(createRoute, { path: "/claims", method: "POST", token, body: newClaimBody(viewer, overrides) });
  expect(response.status).toBe(201);
  createdClaimIds.push(response.body.id);
  return response;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const poeDetails = () => ({
  documentType: "SIGNED_STATEMENT_OF_WORK",
  activitiesDescription: "Deployed Teams to 400 seats.",
  activities: [{ activity: "DEPLOYMENT", workloadIds: ["mws-microsoft-teams"] }],
  customerAcknowledgedOn: isoDay(new Date(Date.now() - 7 * 24 * 60 * 60 * 1000)),
  acknowledgedByName: "Nancy Davolio",
  publicSector: false,
});
const allAcknowledged = () => ({ acknowledgements: Object.fromEntries(acknowledgementKeys.map((key) => [key, true])) });

describe("personal access tokens", () => {
  it("are shown once, kept only as a SHA-256 hash, listed with their status, and revocable", async () => {
    const created = await tokenFor(contoso, "Listing");
    expect(created.secret).toMatch(TOKEN_PATTERN);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(9));
    expect(row.organizationId).toBe(contoso.organization.id);
    expect(row.userId).toBe(contoso.id);
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(90);

    const listed = (await listApiTokens(contoso)).find((t) => t.id === created.id);
    expect(listed).toMatchObject({ name: "Listing", status: "active", lastUsedAt: null });
    expect((await listApiTokens(fabrikam)).some((t) => t.id === created.id)).toBe(false);

    // Another organisation's admin cannot revoke it; its own can, once.
    expect(await revokeApiToken(fabrikam, created.id)).toBe(false);
    expect(await revokeApiToken(contoso, created.id)).toBe(true);
    expect(await revokeApiToken(contoso, created.id)).toBe(false);
    expect((await listApiTokens(contoso)).find((t) => t.id === created.id)?.status).toBe("revoked");
  });

  it("refuse a name that is missing or an expiry that is not offered, naming the field", async () => {
    expect(await createApiToken(contoso, { name: " ", expiresInDays: 90 })).toEqual({ ok: false, fieldErrors: { name: "required" } });
    expect(await createApiToken(contoso, { name: "x", expiresInDays: 7 })).toEqual({ ok: false, fieldErrors: { expiresInDays: "invalidRequest" } });
    const defaulted = await createApiToken(contoso, { name: "Default expiry" });
    expect(defaulted.ok).toBe(true);
  });

  it("record the last use at most once a minute", async () => {
    const { id, secret } = await tokenFor(contoso, "Last used");
    const first = new Date("2030-01-01T10:00:00Z");
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date("2031-01-01T00:00:00Z") } });
    expect(await authenticateToken(secret, first)).not.toBeNull();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    await authenticateToken(secret, new Date(first.getTime() + 30_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    const later = new Date(first.getTime() + 61_000);
    await authenticateToken(secret, later);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
  });
});

describe("authentication and authorisation", () => {
  let contosoClaimId: string;
  beforeAll(async () => {
    contosoClaimId = await factory.makeClaim({ organizationId: contoso.organization.id, partnerId: partnerIdOf(contoso), createdById: contoso.id, status: "DRAFT" });
  });

  const expectUnauthorized = (response: Awaited<ReturnType<typeof call>>) => {
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({ status: 401, title: "Authentication required", type: `${APP}/developers#problem-unauthorized`, instance: "/api/v1/claims" });
  };

  it("answers 401 without a token, with a malformed one, or with an unknown one", async () => {
    expectUnauthorized(await call(listRoute, { path: "/claims" }));
    expectUnauthorized(await call(listRoute, { path: "/claims", token: "not-a-token" }));
    expectUnauthorized(await call(listRoute, { path: "/claims", headers: { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` } }));
    expectUnauthorized(await call(listRoute, { path: "/claims", token: `cpor_pat_${randomBytes(32).toString("base64url")}` }));
    expectUnauthorized(await call(listRoute, { path: "/claims", token: `${contosoToken}x` }));
  });

  it("answers 401 for a signed-in browser's session cookie without a token (a reviewer's included)", async () => {
    const sessionToken = randomUUID();
    await db.session.create({ data: { sessionToken, userId: reviewerId, expires: new Date(Date.now() + 3_600_000) } });
    try {
      expectUnauthorized(await call(listRoute, { path: "/claims", headers: { cookie: `authjs.session-token=${sessionToken}` } }));
      const adminSession = randomUUID();
      await db.session.create({ data: { sessionToken: adminSession, userId: contoso.id, expires: new Date(Date.now() + 3_600_000) } });
      expectUnauthorized(await call(listRoute, { path: "/claims", headers: { cookie: `authjs.session-token=${adminSession}` } }));
      await db.session.delete({ where: { sessionToken: adminSession } });
    } finally {
      await db.session.delete({ where: { sessionToken } });
    }
  });

  it("answers 401 for a revoked or an expired token", async () => {
    const revoked = await tokenFor(contoso, "Revoked");
    expect((await call(listRoute, { path: "/claims", token: revoked.secret })).status).toBe(200);
    await revokeApiToken(contoso, revoked.id);
    expectUnauthorized(await call(listRoute, { path: "/claims", token: revoked.secret }));

    const expired = await tokenFor(contoso, "Expired");
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectUnauthorized(await call(listRoute, { path: "/claims", token: expired.secret }));
  });

  it("answers 401 once the token's admin is no longer an incentive admin of the organisation", async () => {
    const user = await db.user.create({ data: { email: `api-${randomUUID()}@contoso.example`, name: "Temporary admin", role: "INCENTIVE_ADMIN", organizationId: contoso.organization.id }, select: viewerSelect });
    createdUserIds.push(user.id);
    const admin = user as PartnerViewer;
    const token = await tokenFor(admin, "Leaver");
    expect((await call(getRoute, { path: `/claims/${contosoClaimId}`, token: token.secret, params: { id: contosoClaimId } })).status).toBe(200);

    await db.user.update({ where: { id: user.id }, data: { role: "REVIEWER" } });
    expectUnauthorized(await call(listRoute, { path: "/claims", token: token.secret }));

    await db.user.update({ where: { id: user.id }, data: { role: "INCENTIVE_ADMIN", organizationId: fabrikam.organization.id } });
    expectUnauthorized(await call(listRoute, { path: "/claims", token: token.secret }));

    await db.user.update({ where: { id: user.id }, data: { organizationId: null } });
    expectUnauthorized(await call(listRoute, { path: "/claims", token: token.secret }));
  });

  it("answers 404 for another organisation's claim on every endpoint, and never lists it", async () => {
    const id = contosoClaimId;
    const params = { id };
    const notFound = (response: Awaited<ReturnType<typeof call>>) => {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ status: 404, title: "Not found", instance: expect.stringMatching(/^\/api\/v1\/claims\//) });
    };
    notFound(await call(getRoute, { path: `/claims/${id}`, token: fabrikamToken, params }));
    notFound(await call(historyRoute, { path: `/claims/${id}/history`, token: fabrikamToken, params }));
    notFound(await call(getPoeRoute, { path: `/claims/${id}/poe`, token: fabrikamToken, params }));
    notFound(await call(poeRoute, { path: `/claims/${id}/poe`, method: "POST", token: fabrikamToken, params, body: { comments: "x" } }));
    notFound(await call(sectionRoute, { path: `/claims/${id}/sections/contacts`, method: "PUT", token: fabrikamToken, params: { id, section: "contacts" }, body: contactsInput(fabrikam.email) }));
    notFound(await call(submitRoute, { path: `/claims/${id}/submit`, method: "POST", token: fabrikamToken, params, body: allAcknowledged() }));
    notFound(await call(getRoute, { path: "/claims/no-such-claim", token: contosoToken, params: { id: "no-such-claim" } }));
    notFound(await call(getRoute, { path: "/claims/%00", token: contosoToken, params: { id: "\u0000" } }));

    const listed = await call(listRoute, { path: "/claims?limit=100", token: fabrikamToken });
    expect(listed.body.data.some((claim: { id: string }) => claim.id === id)).toBe(false);
    // The claim is untouched.
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).customerContactEmail).toBe("nancy@northwind.example");
  });

  it("does not show a deleted Draft", async () => {
    const deleted = await factory.makeClaim({ organizationId: contoso.organization.id, partnerId: partnerIdOf(contoso), createdById: contoso.id, status: "DRAFT", deletedAt: new Date() });
    expect((await call(getRoute, { path: `/claims/${deleted}`, token: contosoToken, params: { id: deleted } })).status).toBe(404);
  });
});

describe("the claim endpoints", () => {
  it("create a Draft (201, Location), read it, save its sections, save the PoE with a file, submit it idempotently and read its history", async () => {
    const created = await createViaApi(contosoToken, contoso);
    const id = created.body.id as string;
    expect(created.headers.get("location")).toBe(`${env().APP_URL}/api/v1/claims/${id}`);
    expect(created.body).toMatchObject({ status: "DRAFT", solutionArea: "MODERN_WORK_SECURITY", workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"], customerContactEmail: "nancy@northwind.example", submittedAt: null });
    expect(created.body.tenantId).toBe(created.body.tenantId.toLowerCase());
    expect(created.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(created.headers.get("ratelimit-limit")).toBe(String(env().API_RATE_LIMIT_PER_MINUTE));

    const read = await call(getRoute, { path: `/claims/${id}`, token: contosoToken, params: { id } });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const details = await call(sectionRoute, {
      path: `/claims/${id}/sections/details`,
      method: "PUT",
      token: contosoToken,
      params: { id, section: "details" },
      body: { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", name: "Renamed through the API", partnerId: partnerIdOf(contoso), tenantId: created.body.tenantId, incentiveOptOut: true },
    });
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ name: "Renamed through the API", incentiveOptOut: true, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"] });

    const workloads = await call(patchSectionRoute, { path: `/claims/${id}/sections/workloads`, method: "PATCH", token: contosoToken, params: { id, section: "workloads" }, body: { workloadIds: ["mws-microsoft-teams"] } });
    expect(workloads.status).toBe(200);
    expect(workloads.body.workloadIds).toEqual(["mws-microsoft-teams"]);

    const contacts = await call(sectionRoute, { path: `/claims/${id}/sections/contacts`, method: "PUT", token: contosoToken, params: { id, section: "contacts" }, body: { ...contactsInput(contoso.email), customerContactName: "Andrew Fuller" } });
    expect(contacts.status).toBe(200);
    expect(contacts.body.customerContactName).toBe("Andrew Fuller");

    // Submitting before the proof is there names what is missing.
    const early = await call(submitRoute, { path: `/claims/${id}/submit`, method: "POST", token: contosoToken, params: { id }, body: allAcknowledged() });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ title: "Proof of execution details missing", status: 422 });

    const form = new FormData();
    form.set("details", JSON.stringify(poeDetails()));
    form.set("comments", "Signed SOW attached.");
    form.append("file", new File([new Uint8Array(samplePdf())], "proof.pdf", { type: "application/pdf" }));
    const poe = await call(poeRoute, { path: `/claims/${id}/poe`, method: "POST", token: contosoToken, params: { id }, body: form });
    expect(poe.status).toBe(201);
    expect(poe.body).toMatchObject({ details: { documentType: "SIGNED_STATEMENT_OF_WORK", acknowledgedByTitle: null }, comments: "Signed SOW attached.", files: [{ fileName: "proof.pdf", kind: "pdf" }] });
    expect((await call(getPoeRoute, { path: `/claims/${id}/poe`, token: contosoToken, params: { id } })).body).toEqual(poe.body);

    const commentsOnly = await call(poeRoute, { path: `/claims/${id}/poe`, method: "POST", token: contosoToken, params: { id }, body: { comments: "Updated comment." } });
    expect(commentsOnly.status).toBe(200);
    expect(commentsOnly.body.comments).toBe("Updated comment.");

    const submitted = await call(submitRoute, { path: `/claims/${id}/submit`, method: "POST", token: contosoToken, params: { id }, body: allAcknowledged() });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ id, status: "SUBMITTED" });
    expect(submitted.body.submittedAt).not.toBeNull();
    // A retry answers the current state; nothing is sent twice.
    const again = await call(submitRoute, { path: `/claims/${id}/submit`, method: "POST", token: contosoToken, params: { id }, body: allAcknowledged() });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("SUBMITTED");
    expect(await db.outboxMessage.count({ where: { claimId: id, kind: messageKinds.customerApprovalRequest } })).toBe(1);

    // A submitted claim can no longer change: 409.
    const locked = await call(sectionRoute, { path: `/claims/${id}/sections/contacts`, method: "PUT", token: contosoToken, params: { id, section: "contacts" }, body: contactsInput(contoso.email) });
    expect(locked.status).toBe(409);
    expect(locked.body.title).toBe("Claim not editable");

    const history = await call(historyRoute, { path: `/claims/${id}/history`, token: contosoToken, params: { id } });
    expect(history.status).toBe(200);
    const actions = history.body.data.map((entry: { action: string }) => entry.action);
    expect(actions[0]).toBe("created");
    expect(actions).toEqual(expect.arrayContaining(["updated", "poeDetailsSaved", "poeFileAdded", "commentsSaved", "submitted"]));
    expect(history.body.data.at(-1)).toMatchObject({ action: "submitted", fromStatus: "DRAFT", toStatus: "SUBMITTED", actor: { role: "INCENTIVE_ADMIN" } });
  });

  it("returns the first claim for a repeated creation with the same Idempotency-Key, and leaves the admin's wizard alone", async () => {
    await db.wizardProgress.upsert({ where: { userId_key: { userId: contoso.id, key: "new" } }, create: { userId: contoso.id, key: "new", data: { creationKey: randomUUID(), name: "Half typed" }, step: 1 }, update: { data: { creationKey: randomUUID(), name: "Half typed" } } });
    const key = randomUUID();
    const body = newClaimBody(contoso);
    const first = await call(createRoute, { path: "/claims", method: "POST", token: contosoToken, body, headers: { "idempotency-key": key } });
    const second = await call(createRoute, { path: "/claims", method: "POST", token: contosoToken, body, headers: { "idempotency-key": key } });
    createdClaimIds.push(first.body.id);
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await db.claim.count({ where: { creationKey: key } })).toBe(1);
    expect((await db.wizardProgress.findUnique({ where: { userId_key: { userId: contoso.id, key: "new" } } }))?.data).toMatchObject({ name: "Half typed" });
    await db.wizardProgress.deleteMany({ where: { userId: contoso.id, key: "new" } });
  });

  it("answers a submission that cannot happen (a claim already decided) with 409", async () => {
    const approved = await factory.makeClaim({ organizationId: contoso.organization.id, partnerId: partnerIdOf(contoso), createdById: contoso.id, status: "REJECTED_FINAL" });
    const response = await call(submitRoute, { path: `/claims/${approved}/submit`, method: "POST", token: contosoToken, params: { id: approved }, body: allAcknowledged() });
    expect(response.status).toBe(409);
    expect(response.body.title).toBe("Claim not editable");
  });
});

describe("validation as problem details", () => {
  it("names each refused field of a new claim, in English by default", async () => {
    const response = await call(createRoute, { path: "/claims", method: "POST", token: contosoToken, body: newClaimBody(contoso, { tenantId: "not-a-guid", customerContactEmail: "nobody", name: "" }) });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body).toMatchObject({ type: `${APP}/developers#problem-validation`, title: "Validation failed", status: 422, instance: "/api/v1/claims" });
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: "tenantId", message: expect.stringContaining("GUID") },
        { field: "customerContactEmail", message: "Enter an email address such as name@example.com." },
        { field: "name", message: "This field is required." },
      ]),
    );
  });

  it("answers in Japanese with Accept-Language: ja", async () => {
    const response = await call(createRoute, { path: "/claims", method: "POST", token: contosoToken, body: newClaimBody(contoso, { name: "" }), headers: { "accept-language": "ja,en;q=0.5" } });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-language")).toBe("ja");
    expect(response.body.title).toBe("検証エラー");
    expect(response.body.errors).toEqual([{ field: "name", message: "このフィールドは必須です。" }]);
  });

  it("applies the wizard's rules that need reference data (a PartnerID of another organisation)", async () => {
    const response = await call(createRoute, { path: "/claims", method: "POST", token: contosoToken, body: newClaimBody(contoso, { partnerId: partnerIdOf(fabrikam) }) });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: "partnerId", message: "Choose one of your organization's PartnerIDs." }]);
  });

  it("names the fields of a section, of the PoE details and of the acknowledgements", async () => {
    const { body: claim } = await createViaApi(contosoToken, contoso);
    const id = claim.id as string;
    const section = await call(sectionRoute, { path: `/claims/${id}/sections/workloads`, method: "PUT", token: contosoToken, params: { id, section: "workloads" }, body: { workloadIds: [] } });
    expect(section.status).toBe(422);
    expect(section.body.errors).toEqual([{ field: "workloadIds", message: "Select at least one workload." }]);

    const unknownSection = await call(sectionRoute, { path: `/claims/${id}/sections/everything`, method: "PUT", token: contosoToken, params: { id, section: "everything" }, body: {} });
    expect(unknownSection.status).toBe(404);

    const poe = await call(poeRoute, { path: `/claims/${id}/poe`, method: "POST", token: contosoToken, params: { id }, body: { details: { ...poeDetails(), customerAcknowledgedOn: "2999-01-01" } } });
    expect(poe.status).toBe(422);
    expect(poe.body.errors).toEqual([{ field: "customerAcknowledgedOn", message: "The date cannot be in the future." }]);

    const submit = await call(submitRoute, { path: `/claims/${id}/submit`, method: "POST", token: contosoToken, params: { id }, body: { acknowledgements: { ...allAcknowledged().acknowledgements, onePartner: false } } });
    expect(submit.status).toBe(422);
    expect(submit.body.errors).toEqual([{ field: "acknowledgements.onePartner", message: "Confirm this statement to submit the claim." }]);
  });

  it("refuses a body that is not JSON (400) or not declared as JSON (415), and a file of the wrong type (415)", async () => {
    const bad = await call(createRoute, { path: "/claims", method: "POST", token: contosoToken, body: undefined, headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe("Invalid request");
    const text = await call(createRoute, { path: "/claims", method: "POST", token: contosoToken, body: "{}", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);

    const { body: claim } = await createViaApi(contosoToken, contoso);
    const form = new FormData();
    form.append("file", new File([Buffer.from("MZ not a document at all")], "tool.exe"));
    const file = await call(poeRoute, { path: `/claims/${claim.id}/poe`, method: "POST", token: contosoToken, params: { id: claim.id }, body: form });
    expect(file.status).toBe(415);
    expect(file.body.title).toBe("File type not accepted");
    expect(await db.poeFile.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it("names a query parameter out of range", async () => {
    const response = await call(listRoute, { path: "/claims?limit=101&status=NOPE&cursor=abc", token: contosoToken });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: "limit", message: "Enter a whole number from 1 to 100." },
        { field: "status", message: "This value is not one of the allowed values." },
        { field: "cursor", message: expect.stringContaining("cursor") },
      ]),
    );
  });
});

describe("the claims list", () => {
  it("covers every claim exactly once across keyset pages, claims made in the same instant included, with the list's filters", async () => {
    const marker = `Keyset ${randomUUID().slice(0, 8)}`;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await factory.makeClaim({ organizationId: contoso.organization.id, partnerId: partnerIdOf(contoso), createdById: contoso.id, status: i % 2 ? "SUBMITTED" : "DRAFT", name: `${marker} ${i}` }));
    // Four of them share one creation time: the id breaks the tie.
    await db.claim.updateMany({ where: { id: { in: ids.slice(0, 4) } }, data: { createdAt: new Date("2026-06-01T00:00:00Z") } });

    const walk = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response: Awaited<ReturnType<typeof call>> = await call(listRoute, { path: `/claims?${query}${cursor ? `&cursor=${cursor}` : ""}`, token: contosoToken });
        expect(response.status).toBe(200);
        seen.push(...response.body.data.map((claim: { id: string }) => claim.id));
        cursor = response.body.nextCursor;
        pages++;
      } while (cursor && pages < 1000);
      return { seen, pages };
    };

    const byName = await walk(`q=${encodeURIComponent(marker)}&limit=2`);
    expect(byName.pages).toBe(4);
    expect(byName.seen).toHaveLength(7);
    expect(new Set(byName.seen)).toEqual(new Set(ids));

    const drafts = await walk(`q=${encodeURIComponent(marker)}&status=DRAFT&limit=3`);
    expect(new Set(drafts.seen)).toEqual(new Set(ids.filter((_, i) => i % 2 === 0)));

    const everything = await walk("limit=5");
    expect(everything.seen).toHaveLength(new Set(everything.seen).size);
    expect(new Set(everything.seen)).toEqual(new Set((await db.claim.findMany({ where: { organizationId: contoso.organization.id, deletedAt: null }, select: { id: true } })).map((c) => c.id)));
    expect(everything.seen.filter((id) => ids.includes(id))).toHaveLength(7);
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After and the RateLimit headers once a token has used its minute, counted in the database", async () => {
    const { id, secret } = await tokenFor(contoso, "Busy");
    const ok = await call(listRoute, { path: "/claims?limit=1", token: secret });
    expect(ok.status).toBe(200);
    const limit = env().API_RATE_LIMIT_PER_MINUTE;
    expect(ok.headers.get("ratelimit-remaining")).toBe(String(limit - 1));
    expect(ok.headers.get("ratelimit-policy")).toBe(`${limit};w=60`);

    // Another instance has counted the rest of the minute's requests (the count lives in PostgreSQL).
    await db.rateLimit.update({ where: { key: `api:token:${id}` }, data: { count: limit } });
    const limited = await call(listRoute, { path: "/claims?limit=1", token: secret });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited.body).toMatchObject({ status: 429, title: "Too many requests" });

    // Other tokens are not affected; a new window starts after the reset.
    expect((await call(listRoute, { path: "/claims?limit=1", token: contosoToken })).status).toBe(200);
    const later = new Date(Date.now() + 61_000);
    expect((await consumeApiAllowance(id, later)).ok).toBe(true);
  });
});

describe("the OpenAPI document", () => {
  it("is served without a token", async () => {
    const response = await openApiRoute();
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: `${env().APP_URL}/api/v1` }]);
  });
});
