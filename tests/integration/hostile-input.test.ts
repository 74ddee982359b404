// Hostile text against the real database (PostgreSQL refuses NUL in text and invalid UTF-8), with only the
// session, next/cache, next/headers and next-intl's request config mocked: every server action, route
// handler and page, fed NUL and other control characters, lone surrogates, bidirectional controls, huge
// page numbers and odd cursors, answers a field error, 400 or 404 (never a server error), and writes
// nothing. First the cases a security test reported, then properties over generated input (fast-check).
import { claimFactory } from "../support/factories";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);
vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
// Pages and the template route ask next-intl for the locale and messages: answer from the English messages.
vi.mock("next-intl/server", async () => (await import("../support/next-request")).englishIntl());

import { incoming, session } from "../support/next-request";

import ClaimsPage from "@/app/(portal)/claims/page";
import ClaimPage from "@/app/(portal)/claims/[id]/page";
import EditDraftPage from "@/app/(portal)/claims/[id]/edit/page";
import UploadPoePage from "@/app/(portal)/claims/[id]/poe/page";
import ReviewQueuePage from "@/app/(review)/review/page";
import ReviewClaimPage from "@/app/(review)/review/claims/[id]/page";
import CompareClaimsPage from "@/app/(review)/review/claims/[id]/compare/page";
import { GET as exportRoute } from "@/app/(review)/review/export/route";
import { GET as downloadRoute } from "@/app/api/claims/[id]/poe/files/[fileId]/route";
import { POST as uploadRoute } from "@/app/api/claims/[id]/poe/files/route";
import { GET as templateRoute } from "@/app/api/claims/[id]/poe/template/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { GET as customerGet, POST as customerPost } from "@/app/c/[token]/route";
import { WizardRoute } from "@/app/(portal)/claims/wizard-route";
import { cancelClaimWizard, deleteDraftClaim, finishClaimWizard, resendCustomerEmailAction, saveWizardStep, submitClaimAction } from "@/lib/claims/actions";
import { disassociateClaimAction, disputeClaimAction, resubmitClaimAction } from "@/lib/claims/partner-actions";
import { db } from "@/lib/db";
import { issueCustomerLink } from "@/lib/notify/tokens";
import { removePoeFileAction, saveCommentsAction, savePoeDetailsAction } from "@/lib/poe/actions";
import { DEMO } from "@/lib/reference/demo-data";
import { assignClaimAction, decideClaimAction, unassignClaimAction } from "@/lib/review/actions";
import { encodeCursor } from "@/lib/review/queue";
import { hostileForm, hostileString, hostileValue, oddCursor, oddDate, oddNumber, refusedString } from "../support/hostile-text";
import { samplePdf } from "../support/poe-samples";
import { loadViewerByEmail } from "../support/viewers";

const APP = process.env.APP_URL!;
const NOT_FOUND = "NEXT_HTTP_ERROR_FALLBACK;404";
const RUNS = { numRuns: 25 };

let contosoAdmin: { id: string; organizationId: string };
let reviewerId: string;
let draftId: string;
let submittedId: string;
let customerToken: string;
const customerEmail = `it-${randomUUID().slice(0, 8)}@northwind.example`;
const createdClaimIds: string[] = [];
const claims = claimFactory(db, { prefix: "Hostile" });

async function makeClaim(status: "DRAFT" | "SUBMITTED") {
  const id = await claims.makeClaim({
    organizationId: contosoAdmin.organizationId,
    partnerId: "4412345",
    createdById: contosoAdmin.id,
    status,
    workloadIds: ["mws-microsoft-teams"],
    customerEmail,
  });
  createdClaimIds.push(id);
  return id;
}

beforeAll(async () => {
  const admin = await loadViewerByEmail(db, DEMO.users.contosoAdmin);
  contosoAdmin = { id: admin.id, organizationId: admin.organization!.id };
  reviewerId = (await loadViewerByEmail(db, DEMO.users.reviewer)).id;
  draftId = await makeClaim("DRAFT");
  submittedId = await makeClaim("SUBMITTED");
  customerToken = (await issueCustomerLink(db, { claimId: submittedId, email: customerEmail, outboxId: `hostile-${randomUUID()}`, now: new Date() })).token;
});

beforeEach(() => {
  session.userId = undefined;
  incoming.headers = {};
});

afterAll(async () => {
  await db.wizardProgress.deleteMany({ where: { userId: contosoAdmin.id, key: { in: ["new", ...createdClaimIds] } } });
  await db.claim.deleteMany({ where: { id: { in: createdClaimIds } } });
  await db.$disconnect();
});

const asPartner = () => {
  session.userId = contosoAdmin.id;
};
const asReviewer = () => {
  session.userId = reviewerId;
};

/** Everything an action, a route or a page could write, in one read: counts and the latest changes. */
async function written() {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*)::int FROM "Claim") AS claims,
           (SELECT max("updatedAt") FROM "Claim") AS "claimChanged",
           (SELECT count(*)::int FROM "ClaimEvent") AS events,
           (SELECT count(*)::int FROM "WizardProgress") AS progress,
           (SELECT max("updatedAt") FROM "WizardProgress") AS "progressChanged",
           (SELECT count(*)::int FROM "ProofOfExecution") AS proofs,
           (SELECT count(*)::int FROM "ClaimComment") AS comments,
           (SELECT count(*)::int FROM "PoeFile") AS files,
           (SELECT count(*)::int FROM "OutboxMessage") AS outbox,
           (SELECT count(*)::int FROM "Association") AS associations,
           (SELECT count(*)::int FROM "CustomerLink" WHERE "approvedAt" IS NOT NULL) AS approvals,
           (SELECT max("updatedAt") FROM "User") AS "userChanged"`;
  return row;
}

/**
 * What a call came to: its value, or Next's not-found or redirect (the answers a page or an action may
 * throw on purpose). Any other error is the failure these tests look for, and is thrown on.
 */
async function outcome<T>(call: () => Promise<T>): Promise<{ value: T } | { thrown: "notFound" | "redirect" }> {
  try {
    return { value: await call() };
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (digest === NOT_FOUND) return { thrown: "notFound" };
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { thrown: "redirect" };
    throw error;
  }
}

/** Runs the call and checks it wrote nothing; returns its outcome. */
async function writesNothing<T>(call: () => Promise<T>) {
  const before = await written();
  const result = await outcome(call);
  expect(await written()).toEqual(before);
  return result;
}

/** The call answered with a refusal: `{ ok: false, ... }` (a field error or a problem), not found, or a redirect. */
function expectRefused(result: { value: unknown } | { thrown: string }) {
  if ("thrown" in result) return;
  expect(result.value).toMatchObject({ ok: false });
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const search = <T>(value: T) => ({ searchParams: Promise.resolve(value) });

// ---------------------------------------------------------------------------------------------------------------


/** The template, upload and submit routes answer 404 to a claim id that names nothing, and write nothing. */
async function expectClaimRoutesNotFound(id: string, query = "") {
  const before = await written();
  expect((await templateRoute(new Request(`${APP}/api/claims/x/poe/template?${query}`), params({ id }))).status).toBe(404);
  const body = new Uint8Array(samplePdf());
  const upload = new Request(`${APP}/api/claims/x/poe/files`, { method: "POST", body, headers: { origin: APP, "x-file-name": "proof.pdf", "content-length": String(body.length) } });
  expect((await uploadRoute(upload, params({ id }))).status).toBe(404);
  const submit = new Request(`${APP}/api/claims/x/submit`, { method: "POST", body: "{}", headers: { origin: APP, "content-type": "application/json" } });
  expect((await submitRoute(submit, params({ id }))).status).toBe(404);
  expect(await written()).toEqual(before);
}

describe("the reported cases", () => {
  it("NUL in the claims list's search, and a huge page number", async () => {
    asPartner();
    for (const query of [{ q: "\u0000" }, { q: "a\u0000b", page: "2" }, { page: "99999999999999999999" }, { page: "-1e400" }, { q: ["x", "\u0000"], page: ["3", "4"] }]) {
      const result = await writesNothing(() => ClaimsPage(search(query)));
      expect(result).toHaveProperty("value");
    }
  });

  it("NUL in the review queue's search, a cursor dated +275760-09-13, a cursor whose id has a NUL", async () => {
    asReviewer();
    const cursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString("base64url");
    const queries = [
      { q: "\u0000" },
      { q: "\uD800" },
      { after: cursor("+275760-09-13T00:00:00.000Z", "c1") },
      { before: cursor("+275760-09-13T00:00:00.000Z", "c1") },
      { after: cursor("2024-01-01T00:00:00.000Z", "c\u0000") },
      { after: encodeCursor({ at: new Date("2024-01-01T00:00:00Z"), id: "c1" }), org: "\u0000", partner: "\u0000" },
    ];
    for (const query of queries) expect(await writesNothing(() => ReviewQueuePage(search(query)))).toHaveProperty("value");
  });

  it("the export answers 400 to a NUL in its query, before any byte of CSV", async () => {
    asReviewer();
    for (const query of ["q=%00", "partner=%01", "q=ok&org=%00", "%00=1"]) {
      const response = await exportRoute(new Request(`${APP}/review/export?${query}`));
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(await response.json()).toEqual({ error: "invalidQuery" });
    }
    // A well-formed query still streams, to the end.
    const ok = await exportRoute(new Request(`${APP}/review/export?q=${randomUUID()}`));
    expect(ok.status).toBe(200);
    const bytes = new Uint8Array(await ok.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toMatch(/^claimId,claimName,/);
  });

  it("PoE file and template routes and the upload answer 404 to an id with a NUL", async () => {
    asPartner();
    for (const [id, fileId] of [["\u0000", "f"], [draftId, "\u0000"], ["a\uD800", "b"]]) {
      expect((await downloadRoute(new Request(`${APP}/api/claims/x/poe/files/y`), params({ id, fileId }))).status).toBe(404);
    }
    for (const id of ["\u0000", `${draftId}\u0000`, "\uDFFF"]) await expectClaimRoutesNotFound(id);
  });

  it("an upload whose name is nothing but a NUL or invisible characters is refused; nothing is stored", async () => {
    asPartner();
    for (const name of ["%00", "%E2%80%AE", "%E2%80%8B%EF%BB%BF"]) {
      const before = await written();
      const body = new Uint8Array(samplePdf());
      const upload = new Request(`${APP}/api/claims/x/poe/files`, { method: "POST", body, headers: { origin: APP, "x-file-name": name, "content-length": String(body.length) } });
      const response = await uploadRoute(upload, params({ id: draftId }));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "fileName" });
      expect(await written()).toEqual(before);
    }
  });

  it("saveStep, saveComments, saveDetails and deleteDraft answer a NUL or a lone surrogate with a field error", async () => {
    asPartner();
    const details = { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", partnerId: "4412345", tenantId: randomUUID() };
    expect(await writesNothing(() => saveWizardStep("new", 1, { ...details, name: "Claim \uD800" }, 2))).toEqual({ value: { ok: false, fieldErrors: { name: "invalidCharacters" } } });
    expect(await writesNothing(() => saveWizardStep("new", 1, { ...details, name: "Claim\u0000" }, 2))).toEqual({ value: { ok: false, fieldErrors: { name: "invalidCharacters" } } });
    expect(await writesNothing(() => saveWizardStep("\u0000", 1, { ...details, name: "Claim" }, 2))).toEqual({ value: { ok: false, fieldErrors: {}, problem: "invalidRequest" } });
    expect(await writesNothing(() => saveWizardStep(draftId, 2, { workloadIds: ["mws-\u0000"] }, 3))).toEqual({ value: { ok: false, fieldErrors: { "workloadIds.0": "invalidCharacters" } } });
    expect(await writesNothing(() => saveCommentsAction(draftId, { comments: "Signed\u0000" }))).toEqual({ value: { ok: false, fieldErrors: { comments: "invalidCharacters" } } });
    expect(await writesNothing(() => saveCommentsAction("\u0000", { comments: "Signed" }))).toEqual({ value: { ok: false, fieldErrors: {}, problem: "invalidRequest" } });
    const poe = {
      documentType: "SIGNED_STATEMENT_OF_WORK",
      activitiesDescription: "Deployed\u0000",
      activities: [{ activity: "DEPLOYMENT", workloadIds: ["mws-microsoft-teams"] }],
      customerAcknowledgedOn: new Date().toISOString().slice(0, 10),
      acknowledgedByName: "Nancy",
    };
    expect(await writesNothing(() => savePoeDetailsAction(draftId, poe))).toEqual({ value: { ok: false, fieldErrors: { activitiesDescription: "invalidCharacters" } } });
    expect(await writesNothing(() => savePoeDetailsAction(draftId, { ...poe, activitiesDescription: "ok", activities: [{ activity: "DEPLOYMENT", workloadIds: ["\u0000"] }] }))).toMatchObject({
      value: { ok: false, fieldErrors: { "activities.0.workloadIds.0": "invalidRequest" } },
    });
    expect(await writesNothing(() => savePoeDetailsAction("\uD800", { ...poe, activitiesDescription: "ok" }))).toEqual({ value: { ok: false, fieldErrors: {}, problem: "invalidRequest" } });
    expect(await writesNothing(() => deleteDraftClaim("\u0000"))).toEqual({ value: { ok: false, fieldErrors: {}, problem: "notFound" } });
    expect(await writesNothing(() => deleteDraftClaim(`${draftId}\u0000`))).toEqual({ value: { ok: false, fieldErrors: {}, problem: "notFound" } });
    expect(await db.claim.findUniqueOrThrow({ where: { id: draftId }, select: { deletedAt: true } })).toEqual({ deletedAt: null });
  });

  it("the customer's decline with a NUL in the reason: the page again with the field error, nothing recorded", async () => {
    // (A form cannot carry a lone surrogate: the browser and FormData send U+FFFD instead.)
    for (const reason of ["We decline\u0000", "\u0000", "a\u001bb", "line\nbreak\u0007"]) {
      const before = await written();
      const form = new FormData();
      form.set("choice", "decline");
      form.set("reason", reason);
      const response = await customerPost(new Request(`${APP}/c/${customerToken}`, { method: "POST", body: form }), params({ token: customerToken }));
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("text/html");
      const html = await response.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain("The reason contains characters that can");
      expect(html).toContain('aria-invalid="true"');
      expect(html).not.toContain("<script");
      expect(html).not.toContain("\u0000");
      expect(await written()).toEqual(before);
    }
    const claim = await db.claim.findUniqueOrThrow({ where: { id: submittedId }, select: { status: true, customerResponse: true } });
    expect(claim).toEqual({ status: "SUBMITTED", customerResponse: "NONE" });
    // The page itself still opens.
    expect((await customerGet(new Request(`${APP}/c/${customerToken}`), params({ token: customerToken }))).status).toBe(200);
  });

  it("pages with a NUL in the claim id answer 404", async () => {
    asPartner();
    for (const page of [ClaimPage, UploadPoePage, EditDraftPage]) {
      for (const id of ["\u0000", `${draftId}\u0000`, "\uD800"]) expect(await outcome(() => page({ ...params({ id }), ...search({}) }))).toEqual({ thrown: "notFound" });
    }
    asReviewer();
    for (const page of [ReviewClaimPage, CompareClaimsPage]) {
      for (const id of ["\u0000", `${submittedId}\u0000`, "\uDBFF"]) expect(await outcome(() => page(params({ id })))).toEqual({ thrown: "notFound" });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: generated input, each with something in it the database must never see.

const details = { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", name: "Claim", partnerId: "4412345", tenantId: "0f8fad5b-d9cb-469f-a165-70867728950e" };
const contacts = {
  customerContactName: "Nancy",
  customerContactTitle: "CIO",
  customerContactAddress: "1 Main Street",
  customerContactEmail: "nancy@northwind.example",
  partnerContactName: "Pat",
  partnerContactEmail: "pat@contoso.example",
};
const poeDetails = {
  documentType: "OTHER",
  activitiesDescription: "Deployed",
  activities: [{ activity: "DEPLOYMENT", workloadIds: ["mws-microsoft-teams"] }],
  customerAcknowledgedOn: new Date().toISOString().slice(0, 10),
  acknowledgedByName: "Nancy",
  acknowledgedByTitle: "CIO",
};

/** A form close to valid (other fields hostile or not) with one text field that cannot be kept. */
const refusedForm = (valid: Record<string, unknown>, textFields: string[]) =>
  fc.tuple(hostileForm(valid), fc.constantFrom(...textFields), refusedString).map(([form, field, bad]) => ({ ...form, [field]: bad }));

/** A claim id: one that exists, hostile text, or text the database cannot hold. */
const claimKey = () => fc.oneof(fc.constant(draftId), fc.constant(submittedId), fc.constant("new"), hostileString(70), refusedString);
/** An id that names nothing that exists, most of it not even text. */
const badId = fc.oneof(hostileString(70), refusedString);
const anyStep = fc.oneof(fc.constantFrom(1, 2, 3, 4), fc.anything(), oddNumber);

describe("property: no server action fails or writes on bad text", () => {
  it("the wizard: saveStep, finish, cancel, delete", async () => {
    asPartner();
    const step = fc.oneof(
      fc.tuple(fc.oneof(fc.constant("new"), fc.constant(draftId)), fc.constant(1), refusedForm(details, ["name", "partnerId"]), anyStep),
      fc.tuple(fc.oneof(fc.constant("new"), fc.constant(draftId)), fc.constant(2), refusedString.map((bad) => ({ workloadIds: ["mws-microsoft-teams", bad] })), anyStep),
      fc.tuple(fc.oneof(fc.constant("new"), fc.constant(draftId)), fc.constant(3), refusedForm(contacts, Object.keys(contacts)), anyStep),
      fc.tuple(refusedString, anyStep, fc.oneof(hostileForm(details), hostileValue), anyStep),
    );
    await fc.assert(
      fc.asyncProperty(step, async ([key, stepNumber, values, next]) => {
        expectRefused(await writesNothing(() => saveWizardStep(key as string, stepNumber as never, values, next as never)));
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(badId, fc.oneof(hostileString(40), fc.uuid()), async (key, creationKey) => {
        expectRefused(await writesNothing(() => finishClaimWizard(key, creationKey)));
        expectRefused(await writesNothing(() => deleteDraftClaim(key)));
        expect(await writesNothing(() => cancelClaimWizard(key))).toEqual({ thrown: "redirect" });
      }),
      RUNS,
    );
  });

  it("the proof of execution: details, comments, file removal, submission", async () => {
    asPartner();
    await fc.assert(
      fc.asyncProperty(claimKey(), refusedForm(poeDetails, ["activitiesDescription", "acknowledgedByName", "acknowledgedByTitle"]), refusedString, badId, async (id, values, comment, fileId) => {
        expectRefused(await writesNothing(() => savePoeDetailsAction(id, values)));
        expectRefused(await writesNothing(() => saveCommentsAction(id, { comments: comment })));
        expectRefused(await writesNothing(() => removePoeFileAction(id, fileId)));
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(badId, hostileValue, async (id, values) => {
        expectRefused(await writesNothing(() => submitClaimAction(id, values)));
        expectRefused(await writesNothing(() => resendCustomerEmailAction(id)));
      }),
      RUNS,
    );
  });

  it("the partner's answers: resubmit, dispute, disassociate", async () => {
    asPartner();
    await fc.assert(
      fc.asyncProperty(claimKey(), refusedString, badId, async (id, words, missing) => {
        expectRefused(await writesNothing(() => disputeClaimAction(id, { explanation: words })));
        expectRefused(await writesNothing(() => disassociateClaimAction(id, { reason: words })));
        expectRefused(await writesNothing(() => resubmitClaimAction(missing)));
      }),
      RUNS,
    );
  });

  it("the reviewer's decisions and assignment", async () => {
    asReviewer();
    const decision = fc.oneof(
      refusedString.map((reasonText) => ({ action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText })),
      refusedString.map((reasonText) => ({ action: "requestPartnerAction", reasonCode: "OTHER", reasonText })),
      refusedString.map((reasonText) => ({ action: "approve", reasonText })),
      refusedString.map((reasonText) => ({ action: "startReview", reasonText })),
      hostileValue.filter((value) => !(value && typeof value === "object" && "action" in value)),
    );
    await fc.assert(
      fc.asyncProperty(claimKey(), decision, badId, fc.anything(), async (id, values, missing, takeOver) => {
        expectRefused(await writesNothing(() => decideClaimAction(id, values)));
        expectRefused(await writesNothing(() => assignClaimAction(missing, takeOver)));
        expectRefused(await writesNothing(() => unassignClaimAction(missing)));
      }),
      RUNS,
    );
  });
});

describe("property: no route handler answers 5xx or writes on bad text", () => {
  it("PoE download, template, upload and the API's submit answer 404 to ids that name nothing", async () => {
    asPartner();
    await fc.assert(
      fc.asyncProperty(badId, badId, hostileString(20), async (id, fileId, locale) => {
        const query = new URLSearchParams({ inline: "1", locale }).toString();
        expect((await downloadRoute(new Request(`${APP}/api/claims/x/poe/files/y?${query}`), params({ id, fileId }))).status).toBe(404);
        await expectClaimRoutesNotFound(id, query);
      }),
      RUNS,
    );
  });

  it("the export answers 200 or 400, never after it started, for any query", async () => {
    asReviewer();
    const query = fc.dictionary(fc.constantFrom("q", "view", "org", "partner", "from", "to", "after", "before", "sort", "dir", "x"), fc.oneof(hostileString(30), oddDate, oddCursor, refusedString), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(query, async (raw) => {
        const url = new URL(`${APP}/review/export`);
        // Each value as the URL carries it: a lone surrogate cannot travel in a URL (it becomes U+FFFD), NUL can.
        for (const [key, value] of Object.entries(raw)) url.searchParams.set(key, value);
        const before = await written();
        const response = await exportRoute(new Request(url));
        expect([200, 400]).toContain(response.status);
        // The whole body reads without the stream failing.
        const text = await response.text();
        if (response.status === 200) expect(text.startsWith("claimId,")).toBe(true);
        expect(await written()).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });

  it("the customer's page: any decline reason, any choice, any token", async () => {
    // Each reason holds a control character (a form turns a lone surrogate into U+FFFD, which is text).
    const reason = fc.tuple(hostileString(30), fc.constantFrom("\u0000", "\u0001", "\u001b", "\u007f", "\u0085"), hostileString(30)).map(([a, bad, b]) => a + bad + b);
    await fc.assert(
      fc.asyncProperty(reason, fc.oneof(fc.constantFrom("decline", "approve"), hostileString(10)), async (reason, choice) => {
        const before = await written();
        const form = new FormData();
        form.set("choice", choice === "approve" ? "decline" : choice);
        form.set("reason", reason);
        const response = await customerPost(new Request(`${APP}/c/${customerToken}`, { method: "POST", body: form }), params({ token: customerToken }));
        expect(response.status).toBe(400);
        expect(await written()).toEqual(before);
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(80), refusedString, fc.constant(`${customerToken}\u0000`)), hostileString(10), async (token, choice) => {
        const before = await written();
        const get = await customerGet(new Request(`${APP}/c/x?choice=${encodeURIComponent(stripLoneSurrogates(choice))}`), params({ token }));
        expect(get.status).toBeLessThan(500);
        const form = new FormData();
        form.set("choice", "approve");
        const post = await customerPost(new Request(`${APP}/c/x`, { method: "POST", body: form }), params({ token }));
        expect(post.status).toBeLessThan(500);
        expect(await written()).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe("property: no page fails or writes on bad text", () => {
  it("the claims list, for any search, filters and page", async () => {
    asPartner();
    const query = fc.record({ q: fc.oneof(hostileString(120), refusedString, fc.array(hostileString(10))), status: hostileString(10), area: hostileString(10), sort: hostileString(10), dir: hostileString(5), page: oddNumber }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(query, async (raw) => {
        expect(await writesNothing(() => ClaimsPage(search(raw)))).toHaveProperty("value");
      }),
      RUNS,
    );
  });

  it("the review queue, for any filters, search and cursors", async () => {
    asReviewer();
    const query = fc.record(
      { view: hostileString(12), org: fc.oneof(hostileString(70), refusedString), partner: hostileString(25), q: fc.oneof(hostileString(110), refusedString), from: oddDate, to: oddDate, after: oddCursor, before: oddCursor, sort: hostileString(8), dir: hostileString(5), overdue: hostileString(2) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (raw) => {
        expect(await writesNothing(() => ReviewQueuePage(search(raw)))).toHaveProperty("value");
      }),
      RUNS,
    );
  });

  it("the claim pages and the wizard, for any id and step", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(badId, fc.constant(draftId), fc.constant(submittedId)), fc.oneof(oddNumber, fc.constantFrom("1", "2", "3", "4")), hostileString(20), async (id, step, area) => {
        asPartner();
        for (const page of [ClaimPage, UploadPoePage, EditDraftPage]) await writesNothing(() => page({ ...params({ id }), ...search({ step }) }));
        await writesNothing(() => WizardRoute({ claimKey: "new", requestedStep: step, requestedArea: area }));
        asReviewer();
        for (const page of [ReviewClaimPage, CompareClaimsPage]) await writesNothing(() => page(params({ id })));
      }),
      { numRuns: 15 },
    );
  });
});

/** URLs cannot carry lone surrogates (encodeURIComponent refuses them): what a browser would send instead. */
function stripLoneSurrogates(value: string) {
  return value.toWellFormed();
}
