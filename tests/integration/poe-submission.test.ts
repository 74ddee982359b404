// The proof of execution and the submission on the real database and real blob storage (Azurite), with only the
// session, next/cache, next/headers and next-intl's request config mocked: uploads through the route handler (typed
// by content, streamed, within the size limits, nothing left behind when refused), downloads, the orphan sweep,
// removal, the details and comments, and "Submit claim" (acknowledgements, checks, idempotence under concurrency,
// collisions with other claims on the same tenant, and what stays read-only afterwards).
import { createHash, randomUUID } from "node:crypto";
import { contactsInput } from "../support/factories";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);
vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
// The template route asks next-intl for the request's locale and the role names: answer from the English messages.
vi.mock("next-intl/server", async () => (await import("../support/next-request")).englishIntl());

import { incoming, nextCache, session } from "../support/next-request";

import { GET as downloadRoute } from "@/app/api/claims/[id]/poe/files/[fileId]/route";
import { POST as uploadRoute } from "@/app/api/claims/[id]/poe/files/route";
import { GET as templateRoute } from "@/app/api/claims/[id]/poe/template/route";
import type { PartnerViewer } from "@/lib/auth/session";
import { deleteDraftClaim, finishClaimWizard, saveWizardStep, submitClaimAction } from "@/lib/claims/actions";
import { db } from "@/lib/db";
import { removePoeFileAction, saveCommentsAction, savePoeDetailsAction } from "@/lib/poe/actions";
import { savePoeDetails } from "@/lib/poe/details";
import { removePoeFile, sweepOrphanBlobs } from "@/lib/poe/files";
import { isRefusal } from "@/lib/refusal";
import { acknowledgementKeys, MAX_CLAIM_BYTES, MAX_FILE_BYTES, oldestAcknowledgement, type PoeDetailsInput } from "@/lib/poe/schemas";
import { sniffPoeType } from "@/lib/poe/sniff";
import { ensurePoeContainer, poeContainer } from "@/lib/poe/storage";
import { DEMO } from "@/lib/reference/demo-data";
import { sampleDocx, sampleExe, sampleJpeg, samplePdf } from "../support/poe-samples";
import { loadPartnerViewer, loadViewerByEmail } from "../support/viewers";
import { fromClient } from "../support/client-address";

const APP = process.env.APP_URL!;
const MB = 1024 * 1024;

let contoso: PartnerViewer;
let fabrikam: PartnerViewer;
let reviewer: { id: string };
const createdClaimIds: string[] = [];
const strayBlobs: string[] = [];

beforeAll(async () => {
  await ensurePoeContainer();
  contoso = await loadPartnerViewer(db, DEMO.users.contosoAdmin);
  fabrikam = await loadPartnerViewer(db, DEMO.users.fabrikamAdmin);
  reviewer = await loadViewerByEmail(db, DEMO.users.reviewer);
});

beforeEach(() => {
  session.userId = undefined;
  incoming.headers = {};
  nextCache.revalidatePath.mockClear();
});

// Leave the database and the container as they were: the claims (and, by cascade, their files, events, outbox rows) and their blobs.
afterAll(async () => {
  const blobs = (await db.poeFile.findMany({ where: { claimId: { in: createdClaimIds } }, select: { blobName: true } })).map((f) => f.blobName);
  await db.wizardProgress.deleteMany({ where: { userId: { in: [contoso.id, fabrikam.id] }, key: { in: ["new", ...createdClaimIds] } } });
  await db.claim.deleteMany({ where: { id: { in: createdClaimIds } } });
  for (const name of [...blobs, ...strayBlobs]) await poeContainer().getBlobClient(name).deleteIfExists();
  await db.$disconnect();
});

const signInAs = (viewer: { id: string } | undefined) => {
  session.userId = viewer?.id;
};

const digestOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: { digest?: string }) => error.digest,
  );

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// ---------------------------------------------------------------------------------------------------------------
// Claims

/** Modern Work and Security (Use or consume) unless `business` names a Northwind subscription and an engagement. */
type DraftOptions = { tenantId?: string; workloadIds?: string[]; name?: string; business?: { subscriptionId: string; workloadId: string; partnerRole: "BUILD_INTENT_ADVISOR" | "USAGE_RECOGNITION" } };

const contacts = contactsInput;

const partnerIdOf = (viewer: PartnerViewer) => viewer.organization.locations[0].partnerId;

/** A Modern Work and Security, use-or-consume Draft built through the wizard's actions. */
async function createDraft(viewer: PartnerViewer, { tenantId: givenTenant, workloadIds: givenWorkloads, name, business }: DraftOptions = {}) {
  signInAs(viewer);
  const tenantId = business ? DEMO.tenants.northwind : (givenTenant ?? randomUUID());
  const workloadIds = business ? [business.workloadId] : (givenWorkloads ?? ["mws-microsoft-teams", "mws-microsoft-intune"]);
  const details = business
    ? { solutionArea: "BUSINESS_APPLICATIONS", partnerRole: business.partnerRole, partnerId: partnerIdOf(viewer), tenantId, name: name ?? `PoE ${randomUUID().slice(0, 8)}` }
    : { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", partnerId: partnerIdOf(viewer), tenantId, name: name ?? `PoE ${randomUUID().slice(0, 8)}` };
  expect(await saveWizardStep("new", 1, details, 2)).toEqual({ ok: true });
  expect(await saveWizardStep("new", 2, business ? { workloadIds, subscriptionIds: [business.subscriptionId] } : { workloadIds }, 3)).toEqual({ ok: true });
  expect(await saveWizardStep("new", 3, contacts(viewer.email), 4)).toEqual({ ok: true });
  const progress = await db.wizardProgress.findUniqueOrThrow({ where: { userId_key: { userId: viewer.id, key: "new" } } });
  const { creationKey } = progress.data as { creationKey: string };
  const result = await finishClaimWizard("new", creationKey);
  if (!result.ok) throw new Error(`finishClaimWizard failed: ${JSON.stringify(result)}`);
  createdClaimIds.push(result.data.claimId);
  return { claimId: result.data.claimId, creationKey, tenantId, workloadIds };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (days: number) => isoDay(new Date(Date.now() - days * 24 * 60 * 60 * 1000));
/** The same calendar day 13 months ago (a month-end overflows into the next month, still more than 12 months ago). */
const thirteenMonthsAgo = () => {
  const now = new Date();
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 13, now.getUTCDate())));
};

const validDetails = (overrides: Partial<PoeDetailsInput> = {}): PoeDetailsInput => ({
  documentType: "SIGNED_STATEMENT_OF_WORK",
  activitiesDescription: "  Deployed Teams to 400 seats and enrolled the devices in Intune.  ",
  activities: [
    { activity: "DEPLOYMENT", workloadIds: ["mws-microsoft-teams"] },
    { activity: "ADOPTION", workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"] },
    { activity: "TRAINING", workloadIds: [] },
  ],
  customerAcknowledgedOn: daysAgo(7),
  acknowledgedByName: "Nancy Davolio",
  acknowledgedByTitle: "",
  publicSector: false,
  ...overrides,
});

const allAcknowledged = () => ({ acknowledgements: Object.fromEntries(acknowledgementKeys.map((key) => [key, true])) });

/** A draft with valid details and one small PDF: ready to submit. */
async function readyDraft(viewer: PartnerViewer, options: DraftOptions = {}) {
  const draft = await createDraft(viewer, options);
  expect(await savePoeDetails(viewer, draft.claimId, validDetails({ activities: [{ activity: "DEPLOYMENT", workloadIds: draft.workloadIds }] }))).toEqual({ ok: true });
  const uploaded = await upload(viewer, draft.claimId, samplePdf(), { name: "proof.pdf" });
  expect(uploaded.status).toBe(201);
  return { ...draft, fileId: uploaded.file!.id };
}

function submitAs(viewer: { id: string }, claimId: string, values: unknown = allAcknowledged()) {
  signInAs(viewer);
  incoming.headers = { "user-agent": "Vitest PoE browser/1.0", "x-forwarded-for": "192.0.2.66, 10.0.0.1", ...fromClient("203.0.113.7") };
  return submitClaimAction(claimId, values);
}

/** What a submission writes for a claim. */
async function submissionState(claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true, submittedAt: true } });
  return {
    status: claim.status,
    submittedAt: claim.submittedAt,
    submissions: await db.claimSubmission.findMany({ where: { claimId } }),
    outbox: await db.outboxMessage.findMany({ where: { claimId } }),
    submittedEvents: await db.claimEvent.findMany({ where: { claimId, action: "submitted" } }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Files through the route handlers

type UploadOptions = {
  /** The user's file name (URI-encoded into X-File-Name); null sends no header. */
  name?: string | null;
  /** Content-Length to send: a number, "exact" for the body's length (byte bodies only), or null for none. */
  length?: number | "exact" | null;
  /** Origin header; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** Raw X-File-Name value (not encoded). */
  rawName?: string;
};

function uploadRequest(claimId: string, body: Uint8Array | ReadableStream<Uint8Array> | null, options: UploadOptions = {}) {
  const { name = "proof.pdf", length = "exact", origin = APP } = options;
  const headers: Record<string, string> = { ...options.headers };
  if (options.rawName !== undefined) headers["x-file-name"] = options.rawName;
  else if (name !== null) headers["x-file-name"] = encodeURIComponent(name);
  if (origin !== null) headers.origin = origin;
  if (typeof length === "number") headers["content-length"] = String(length);
  else if (length === "exact" && body instanceof Uint8Array) headers["content-length"] = String(body.length);
  const init: RequestInit & { duplex?: "half" } = { method: "POST", headers };
  if (body instanceof Uint8Array) init.body = new Uint8Array(body);
  else if (body) Object.assign(init, { body, duplex: "half" });
  return new Request(`${APP}/api/claims/${claimId}/poe/files`, init);
}

type Uploaded = { id: string; fileName: string; kind: string; size: number; uploadedAt: string };

async function upload(viewer: { id: string } | undefined, claimId: string, body: Uint8Array | ReadableStream<Uint8Array> | null, options: UploadOptions = {}) {
  signInAs(viewer);
  const response = await uploadRoute(uploadRequest(claimId, body, options), { params: Promise.resolve({ id: claimId }) });
  const json = (await response.json()) as { file?: Uploaded; error?: string };
  return { status: response.status, file: json.file, error: json.error };
}

/**
 * A PDF of exactly `size` bytes as a stream of 1 MB chunks, never held whole in memory: a valid minimal PDF
 * (what the sniffer reads) followed by whitespace. Its sha256 is computed the same way, chunk by chunk.
 */
function pdfStream(size: number) {
  const head = samplePdf();
  const filler = new Uint8Array(MB).fill(0x20);
  const chunks = function* () {
    yield head.subarray(0, Math.min(head.length, size));
    for (let sent = head.length; sent < size; sent += filler.length) yield filler.subarray(0, Math.min(filler.length, size - sent));
  };
  const hash = createHash("sha256");
  for (const chunk of chunks()) hash.update(chunk);
  const iterator = chunks();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
  });
  return { stream, sha256: hash.digest("hex") };
}

function download(viewer: { id: string } | undefined, claimId: string, fileId: string, query = "") {
  signInAs(viewer);
  return downloadRoute(new Request(`${APP}/api/claims/${claimId}/poe/files/${fileId}${query}`), { params: Promise.resolve({ id: claimId, fileId }) });
}

/** Every blob name under the prefix, uncommitted ones (blocks staged but never committed) included. */
async function blobNames(prefix = "poe/") {
  const names: string[] = [];
  for await (const blob of poeContainer().listBlobsFlat({ prefix, includeUncommitedBlobs: true })) names.push(blob.name);
  return names.sort();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const blobBytes = async (name: string) => poeContainer().getBlobClient(name).downloadToBuffer();
const blobExists = (name: string) => poeContainer().getBlobClient(name).exists();

/** Everything an upload could leave behind: rows, events and blobs. */
const leftovers = async (claimId: string) => ({
  claimFiles: await db.poeFile.count({ where: { claimId } }),
  allFiles: await db.poeFile.count(),
  events: await db.claimEvent.count({ where: { claimId } }),
  blobs: await blobNames(),
});

// ---------------------------------------------------------------------------------------------------------------

describe("uploading proof-of-execution files", () => {
  it("stores each file under a random blob name, typed by its content, with the user's name, hash and an audit event", async () => {
    const { claimId } = await createDraft(contoso);
    const blobsBefore = await blobNames();
    const samples = [
      { name: "proof.docx", bytes: samplePdf(), kind: "pdf", mime: "application/pdf" },
      { name: "proof-without-extension", bytes: samplePdf(4096), kind: "pdf", mime: "application/pdf" },
      { name: "Statement of work.docx", bytes: sampleDocx(), kind: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      { name: "site photo.png", bytes: sampleJpeg(), kind: "jpeg", mime: "image/jpeg" },
      { name: "C:\\fakepath\\見積書 (final).pdf", bytes: samplePdf(2000), kind: "pdf", mime: "application/pdf", stored: "見積書 (final).pdf" },
    ];
    nextCache.revalidatePath.mockClear();

    const rows = [];
    for (const sample of samples) {
      const response = await upload(contoso, claimId, sample.bytes, { name: sample.name });
      const fileName = sample.stored ?? sample.name;
      expect(response).toEqual({ status: 201, file: { id: expect.any(String), fileName, kind: sample.kind, size: sample.bytes.length, uploadedAt: expect.any(String) }, error: undefined });
      const row = await db.poeFile.findUniqueOrThrow({ where: { id: response.file!.id } });
      expect(row).toMatchObject({ claimId, fileName, kind: sample.kind, contentType: sample.mime, size: sample.bytes.length, sha256: sha256(sample.bytes), uploadedById: contoso.id });
      // The blob's name says nothing about the file: a random UUID under the prefix.
      expect(row.blobName).toMatch(/^poe\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.blobName).not.toContain(fileName);
      expect(row.blobName).not.toContain("proof");
      const blob = await blobBytes(row.blobName);
      expect(sha256(blob)).toBe(row.sha256);
      expect(Buffer.compare(blob, Buffer.from(sample.bytes))).toBe(0);
      const properties = await poeContainer().getBlobClient(row.blobName).getProperties();
      expect(properties).toMatchObject({ contentType: sample.mime, contentDisposition: "attachment", contentLength: sample.bytes.length });
      rows.push(row);
    }

    expect(new Set(rows.map((r) => r.blobName)).size).toBe(samples.length);
    expect(await blobNames()).toEqual([...blobsBefore, ...rows.map((r) => r.blobName)].sort());
    const events = await db.claimEvent.findMany({ where: { claimId, action: "poeFileAdded" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.actorUserId, e.note])).toEqual(rows.map((r) => [contoso.id, r.fileName]));
  });

  it("streams a body without Content-Length, and a body whose name header is missing a path", async () => {
    const { claimId } = await createDraft(contoso);
    const { stream, sha256: expected } = pdfStream(3 * MB + 17);
    const response = await upload(contoso, claimId, stream, { name: "/home/pat/scan.pdf", length: null });
    expect(response).toMatchObject({ status: 201, file: { fileName: "scan.pdf", kind: "pdf", size: 3 * MB + 17 } });
    const row = await db.poeFile.findUniqueOrThrow({ where: { id: response.file!.id } });
    expect(row.sha256).toBe(expected);
    expect(sha256(await blobBytes(row.blobName))).toBe(expected);
  });

  it("the downloaded template is a DOCX the upload accepts as one; the template is only for the owning organisation", async () => {
    const { claimId } = await createDraft(contoso, { name: "Northwind Teams rollout" });
    signInAs(contoso);
    const response = await templateRoute(new Request(`${APP}/api/claims/${claimId}/poe/template?locale=en`), { params: Promise.resolve({ id: claimId }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="PoE-template-northwind-teams-rollout.docx"; filename*=UTF-8''PoE-template-northwind-teams-rollout.docx`);
    const template = new Uint8Array(await response.arrayBuffer());
    expect(await sniffPoeType(template)).toBe("docx");

    const uploaded = await upload(contoso, claimId, template, { name: "PoE-template-northwind-teams-rollout.docx" });
    expect(uploaded).toMatchObject({ status: 201, file: { kind: "docx", size: template.length } });

    for (const viewer of [fabrikam, reviewer, undefined]) {
      signInAs(viewer);
      const refused = await templateRoute(new Request(`${APP}/api/claims/${claimId}/poe/template`), { params: Promise.resolve({ id: claimId }) });
      expect(refused.status).toBe(404);
    }
  });
});

describe("refused uploads leave nothing behind", () => {
  let claimId: string;
  let submittedClaimId: string;

  beforeAll(async () => {
    ({ claimId } = await createDraft(contoso));
    ({ claimId: submittedClaimId } = await readyDraft(contoso));
    expect(await submitAs(contoso, submittedClaimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
  });

  type Refusal = [label: string, viewer: () => { id: string } | undefined, claim: () => string, body: () => Uint8Array | ReadableStream<Uint8Array> | null, options: UploadOptions, status: number, error: string];
  const refusals: Refusal[] = [
    ["an executable named invoice.pdf", () => contoso, () => claimId, () => sampleExe(), { name: "invoice.pdf" }, 415, "fileType"],
    ["an executable streamed without Content-Length", () => contoso, () => claimId, () => new Blob([new Uint8Array(sampleExe())]).stream(), { name: "invoice.pdf", length: null }, 415, "fileType"],
    ["an empty body", () => contoso, () => claimId, () => new Uint8Array(0), { name: "empty.pdf" }, 400, "empty"],
    ["no body at all", () => contoso, () => claimId, () => null, { name: "empty.pdf", length: null }, 400, "empty"],
    ["no file name", () => contoso, () => claimId, () => samplePdf(), { name: null }, 400, "fileName"],
    ["a file name that is only a path", () => contoso, () => claimId, () => samplePdf(), { name: "C:\\Users\\pat\\" }, 400, "fileName"],
    ["a file name that is not URI-encoded UTF-8", () => contoso, () => claimId, () => samplePdf(), { rawName: "%E0%A4%A.pdf" }, 400, "fileName"],
    ["a file declared over 25 MB", () => contoso, () => claimId, () => pdfStream(MAX_FILE_BYTES + 1).stream, { length: MAX_FILE_BYTES + 1 }, 413, "fileTooLarge"],
    ["a file over 25 MB streamed without Content-Length", () => contoso, () => claimId, () => pdfStream(MAX_FILE_BYTES + 1).stream, { length: null }, 413, "fileTooLarge"],
    ["a file over 25 MB that declares a small Content-Length", () => contoso, () => claimId, () => pdfStream(MAX_FILE_BYTES + 1).stream, { length: 1000 }, 413, "fileTooLarge"],
    ["a body cut short of its Content-Length", () => contoso, () => claimId, () => pdfStream(2 * MB).stream, { length: 3 * MB }, 400, "incomplete"],
    ["a submitted claim", () => contoso, () => submittedClaimId, () => samplePdf(), {}, 409, "notEditable"],
    ["another organisation's admin", () => fabrikam, () => claimId, () => samplePdf(), {}, 404, "notFound"],
    ["a reviewer", () => reviewer, () => claimId, () => samplePdf(), {}, 404, "notFound"],
    ["no session", () => undefined, () => claimId, () => samplePdf(), {}, 404, "notFound"],
    ["a claim that does not exist", () => contoso, () => "no-such-claim", () => samplePdf(), {}, 404, "notFound"],
    ["a cross-site Origin", () => contoso, () => claimId, () => samplePdf(), { origin: "https://attacker.example" }, 403, "forbidden"],
    ["a cross-site request without Origin", () => contoso, () => claimId, () => samplePdf(), { origin: null, headers: { "sec-fetch-site": "cross-site" } }, 403, "forbidden"],
  ];

  it.each(refusals)("%s", async (_label, viewer, claim, body, options, status, error) => {
    const before = { draft: await leftovers(claimId), submitted: await leftovers(submittedClaimId) };
    expect(await upload(viewer(), claim(), body(), options)).toEqual({ status, error, file: undefined });
    expect({ draft: await leftovers(claimId), submitted: await leftovers(submittedClaimId) }).toEqual(before);
  });

  it("a file over 25 MB streamed without Content-Length leaves no staged blocks behind, even those in flight when it was refused", async () => {
    const before = await blobNames();
    expect(await upload(contoso, claimId, pdfStream(MAX_FILE_BYTES + 8 * MB).stream, { name: "big.pdf", length: null })).toEqual({ status: 413, error: "fileTooLarge", file: undefined });
    // A block upload still running when the refusal was answered would be staged a moment later: give it that moment.
    await pause(1500);
    expect(await blobNames()).toEqual(before);
  });

  it("a deleted draft takes no files", async () => {
    const { claimId: deletedId } = await createDraft(contoso);
    signInAs(contoso);
    expect(await deleteDraftClaim(deletedId)).toEqual({ ok: true });
    const before = await leftovers(deletedId);
    expect(await upload(contoso, deletedId, samplePdf())).toEqual({ status: 404, error: "notFound", file: undefined });
    expect(await leftovers(deletedId)).toEqual(before);
  });

  it("up to 100 MB per claim: files up to exactly 25 MB and exactly 100 MB in all are accepted, one byte more is refused", async () => {
    const { claimId: bigId } = await createDraft(contoso);
    const sizes = [MAX_FILE_BYTES, 24 * MB, 24 * MB, 24 * MB];
    for (const [i, size] of sizes.entries()) {
      const { stream, sha256: expected } = pdfStream(size);
      const response = await upload(contoso, bigId, stream, { name: `big-${i}.pdf`, length: size });
      expect(response).toMatchObject({ status: 201, file: { size, kind: "pdf" } });
      expect((await db.poeFile.findUniqueOrThrow({ where: { id: response.file!.id } })).sha256).toBe(expected);
    }
    const remaining = MAX_CLAIM_BYTES - sizes.reduce((sum, size) => sum + size, 0);
    expect(remaining).toBe(3 * MB);

    const before = await leftovers(bigId);
    // Declared: refused before reading the body.
    expect(await upload(contoso, bigId, pdfStream(24 * MB).stream, { length: 24 * MB })).toEqual({ status: 413, error: "claimTooLarge", file: undefined });
    expect(await upload(contoso, bigId, pdfStream(remaining + 1).stream, { length: remaining + 1 })).toEqual({ status: 413, error: "claimTooLarge", file: undefined });
    // Not declared (or understated): refused once counted, and the blob already written is removed.
    expect(await upload(contoso, bigId, pdfStream(remaining + 1).stream, { length: null })).toEqual({ status: 413, error: "claimTooLarge", file: undefined });
    expect(await upload(contoso, bigId, pdfStream(remaining + 1).stream, { length: 10 })).toEqual({ status: 413, error: "claimTooLarge", file: undefined });
    expect(await leftovers(bigId)).toEqual(before);

    // Two uploads that each fit, but not together: both pass the early check, the claim's row lock lets one in.
    const racing = await Promise.all(["last-a.pdf", "last-b.pdf"].map((name) => upload(contoso, bigId, pdfStream(remaining).stream, { name, length: remaining })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 413]);
    expect(racing.find((r) => r.status === 413)?.error).toBe("claimTooLarge");
    const winner = racing.find((r) => r.status === 201)!.file!;
    expect(winner.size).toBe(remaining);
    const winnerBlob = (await db.poeFile.findUniqueOrThrow({ where: { id: winner.id } })).blobName;
    expect(await leftovers(bigId)).toEqual({ ...before, claimFiles: before.claimFiles + 1, allFiles: before.allFiles + 1, events: before.events + 1, blobs: [...before.blobs, winnerBlob].sort() });
    expect((await db.poeFile.aggregate({ where: { claimId: bigId }, _sum: { size: true } }))._sum.size).toBe(MAX_CLAIM_BYTES);
    const full = await leftovers(bigId);
    expect(await upload(contoso, bigId, samplePdf(), { name: "one-more.pdf" })).toEqual({ status: 413, error: "claimTooLarge", file: undefined });
    expect(await leftovers(bigId)).toEqual(full);
  });
});

describe("downloading a file", () => {
  it("the owner and reviewers get the bytes as the sniffed type with the original name; others get 404", async () => {
    const { claimId } = await readyDraft(contoso);
    const name = "見積書.pdf";
    const pdf = samplePdf(5000);
    const uploaded = await upload(contoso, claimId, pdf, { name });
    const docx = await upload(contoso, claimId, sampleDocx(), { name: 'Scope "v2".pdf' });
    expect(docx.file?.kind).toBe("docx");

    const response = await download(contoso, claimId, uploaded.file!.id);
    expect(response.status).toBe(200);
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(pdf));
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    });

    // The type comes from the content, not from the name; only PDFs and images open inline.
    const asDocx = await download(contoso, claimId, docx.file!.id, "?inline=1");
    expect(asDocx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    // ...and the saved name ends with the extension of the type found, whatever the user called it.
    expect(asDocx.headers.get("content-disposition")).toBe(`attachment; filename="Scope _v2_.pdf.docx"; filename*=UTF-8''${encodeURIComponent('Scope "v2".pdf.docx')}`);
    await asDocx.arrayBuffer();
    const inline = await download(contoso, claimId, uploaded.file!.id, "?inline=1");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline; /);
    await inline.arrayBuffer();

    const notFound = async (viewer: { id: string } | undefined, id = claimId, fileId = uploaded.file!.id) => {
      const refused = await download(viewer, id, fileId);
      expect([refused.status, await refused.json()]).toEqual([404, { error: "notFound" }]);
    };
    await notFound(fabrikam);
    await notFound(undefined);
    await notFound({ id: "no-such-user" });
    await notFound(contoso, claimId, "no-such-file");
    // A file is only reachable under its own claim, even within the organisation.
    const { claimId: otherClaimId } = await createDraft(contoso);
    await notFound(contoso, otherClaimId);
    // Reviewers see proof once a claim is submitted, not the organisation's drafts.
    await notFound(reviewer);

    expect(await submitAs(contoso, claimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
    for (const viewer of [reviewer, contoso]) {
      const submitted = await download(viewer, claimId, uploaded.file!.id);
      expect(submitted.status).toBe(200);
      expect(sha256(new Uint8Array(await submitted.arrayBuffer()))).toBe(sha256(pdf));
    }
    await notFound(fabrikam);

    // A deleted claim's files are not served to the partner any more.
    signInAs(contoso);
    const draftFile = await upload(contoso, otherClaimId, samplePdf(), { name: "draft.pdf" });
    expect(await deleteDraftClaim(otherClaimId)).toEqual({ ok: true });
    await notFound(contoso, otherClaimId, draftFile.file!.id);
  });
});

describe("the orphan blob sweep", () => {
  it("deletes old blobs under the prefix that have no row, and keeps the others", async () => {
    const { claimId, fileId } = await readyDraft(contoso);
    const kept = (await db.poeFile.findUniqueOrThrow({ where: { id: fileId } })).blobName;
    const orphan = `poe/${randomUUID()}`;
    const outside = `other/${randomUUID()}`;
    strayBlobs.push(orphan, outside);
    await poeContainer().getBlockBlobClient(orphan).uploadData(Buffer.from("an upload cut off before its row"));
    await poeContainer().getBlockBlobClient(outside).uploadData(Buffer.from("not a proof-of-execution file"));

    // A fresh orphan may be an upload still writing its row: the default age keeps it.
    expect(await sweepOrphanBlobs()).toBe(0);
    expect(await blobExists(orphan)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await sweepOrphanBlobs({ olderThanMs: 0 })).toBe(1);
    expect(await blobExists(orphan)).toBe(false);
    expect(await blobExists(kept)).toBe(true);
    expect(await blobExists(outside)).toBe(true);
    expect(await db.poeFile.count({ where: { claimId } })).toBe(1);
    // Idempotent: nothing left to do.
    expect(await sweepOrphanBlobs({ olderThanMs: 0 })).toBe(0);
    // Every blob under the prefix has its row.
    const names = await blobNames();
    expect(await db.poeFile.count({ where: { blobName: { in: names } } })).toBe(names.length);
  });

  it("deletes old uncommitted blocks under the prefix (an upload cut off before its commit), and keeps fresh ones", async () => {
    const stale = `poe/${randomUUID()}`;
    strayBlobs.push(stale);
    const block = poeContainer().getBlockBlobClient(stale);
    const staged = Buffer.from("a block staged but never committed");
    await block.stageBlock(Buffer.from("block-0").toString("base64"), staged, staged.length);
    expect(await blobExists(stale)).toBe(false);
    expect(await blobNames()).toContain(stale);

    // A fresh one may be an upload still staging its blocks: the default age keeps it.
    expect(await sweepOrphanBlobs()).toBe(0);
    expect(await blobNames()).toContain(stale);
    expect((await block.getBlockList("uncommitted")).uncommittedBlocks).toHaveLength(1);

    await pause(1100);
    expect(await sweepOrphanBlobs({ olderThanMs: 0 })).toBe(1);
    expect(await blobNames()).not.toContain(stale);
    expect(await blobExists(stale)).toBe(false);
    await expect(block.getBlockList("all")).rejects.toMatchObject({ statusCode: 404 });
    expect(await sweepOrphanBlobs({ olderThanMs: 0 })).toBe(0);
  });
});

describe("removing a file", () => {
  it("removes the row and the blob with an audit event; another organisation, a reviewer or another claim cannot", async () => {
    const { claimId, fileId } = await readyDraft(contoso);
    const second = await upload(contoso, claimId, sampleDocx(), { name: "second.docx" });
    const file = await db.poeFile.findUniqueOrThrow({ where: { id: fileId } });
    const { claimId: otherClaimId } = await createDraft(contoso);
    const before = await leftovers(claimId);
    nextCache.revalidatePath.mockClear();

    signInAs(fabrikam);
    expect(await removePoeFileAction(claimId, fileId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    await expect(removePoeFile(fabrikam, claimId, fileId)).rejects.toSatisfy((error) => isRefusal(error, "notFound"));
    signInAs(reviewer);
    expect(await digestOf(removePoeFileAction(claimId, fileId))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    signInAs(contoso);
    expect(await removePoeFileAction(otherClaimId, fileId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect(await removePoeFileAction("", fileId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect(nextCache.revalidatePath).not.toHaveBeenCalled();
    expect(await leftovers(claimId)).toEqual(before);
    expect(await blobExists(file.blobName)).toBe(true);

    expect(await removePoeFileAction(claimId, fileId)).toEqual({ ok: true });
    expect(nextCache.revalidatePath).toHaveBeenCalledWith(`/claims/${claimId}`);
    expect(await db.poeFile.findUnique({ where: { id: fileId } })).toBeNull();
    expect(await blobExists(file.blobName)).toBe(false);
    expect(await db.poeFile.findMany({ where: { claimId }, select: { id: true } })).toEqual([{ id: second.file!.id }]);
    const removed = await db.claimEvent.findMany({ where: { claimId, action: "poeFileRemoved" } });
    expect(removed.map((e) => [e.actorUserId, e.note])).toEqual([[contoso.id, "proof.pdf"]]);

    expect(await removePoeFileAction(claimId, fileId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
  });
});

describe("the details of the proof and the comments", () => {
  let claimId: string;
  beforeAll(async () => {
    ({ claimId } = await createDraft(contoso));
  });

  const written = async () => ({
    proof: await db.proofOfExecution.findUnique({ where: { claimId } }),
    comment: await db.claimComment.findUnique({ where: { claimId } }),
    events: await db.claimEvent.count({ where: { claimId } }),
  });

  const oneDayBefore = (day: string) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) - 24 * 60 * 60 * 1000));

  type Invalid = [label: string, values: () => unknown, errors: Record<string, string>];
  const invalid: Invalid[] = [
    ["a date in the future", () => validDetails({ customerAcknowledgedOn: isoDay(new Date(Date.now() + 24 * 60 * 60 * 1000)) }), { customerAcknowledgedOn: "dateInFuture" }],
    ["a date 13 months ago", () => validDetails({ customerAcknowledgedOn: thirteenMonthsAgo() }), { customerAcknowledgedOn: "dateTooOld" }],
    ["a date one day older than 12 months", () => validDetails({ customerAcknowledgedOn: oneDayBefore(oldestAcknowledgement(new Date())) }), { customerAcknowledgedOn: "dateTooOld" }],
    ["an impossible date", () => validDetails({ customerAcknowledgedOn: "2026-02-30" }), { customerAcknowledgedOn: "dateInvalid" }],
    ["no activities", () => validDetails({ activities: [] }), { activities: "activitiesRequired" }],
    ["activities without workloads", () => validDetails({ activities: [{ activity: "DEPLOYMENT", workloadIds: [] }] }), { activities: "activitiesRequired" }],
    ["activities missing", () => ({ ...validDetails(), activities: undefined }), { activities: "activitiesRequired" }],
    ["a workload the claim does not have", () => validDetails({ activities: [{ activity: "MIGRATION", workloadIds: ["mws-microsoft-teams", "mws-exchange-online"] }] }), { activities: "activityWorkloadNotClaimed" }],
    ["a workload that does not exist", () => validDetails({ activities: [{ activity: "OTHER", workloadIds: ["no-such-workload"] }] }), { activities: "activityWorkloadNotClaimed" }],
    ["missing texts", () => validDetails({ activitiesDescription: "   ", acknowledgedByName: "" }), { activitiesDescription: "required", acknowledgedByName: "required" }],
    ["no document type", () => ({ ...validDetails(), documentType: "PHOTO" }), { documentType: "required" }],
  ];

  it.each(invalid)("refuses %s and writes nothing", async (_label, values, errors) => {
    const before = await written();
    signInAs(contoso);
    expect(await savePoeDetailsAction(claimId, values())).toEqual({ ok: false, fieldErrors: errors });
    expect(await written()).toEqual(before);
    expect(nextCache.revalidatePath).not.toHaveBeenCalled();
  });

  it("stores valid details (the oldest date accepted, activities without workloads dropped), and saving again replaces them", async () => {
    signInAs(contoso);
    const oldest = oldestAcknowledgement(new Date());
    expect(await savePoeDetailsAction(claimId, validDetails({ customerAcknowledgedOn: oldest }))).toEqual({ ok: true });
    expect(nextCache.revalidatePath).toHaveBeenCalledWith(`/claims/${claimId}`);
    expect(await db.proofOfExecution.findUniqueOrThrow({ where: { claimId } })).toMatchObject({
      documentType: "SIGNED_STATEMENT_OF_WORK",
      activitiesDescription: "Deployed Teams to 400 seats and enrolled the devices in Intune.",
      activityWorkloads: [
        { activity: "DEPLOYMENT", workloadIds: ["mws-microsoft-teams"] },
        { activity: "ADOPTION", workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"] },
      ],
      customerAcknowledgedOn: new Date(`${oldest}T00:00:00Z`),
      acknowledgedByName: "Nancy Davolio",
      acknowledgedByTitle: null,
      publicSector: false,
      updatedById: contoso.id,
    });

    const today = isoDay(new Date());
    const changed = validDetails({ documentType: "CUSTOMER_EMAIL", customerAcknowledgedOn: today, acknowledgedByTitle: "CIO", publicSector: true, activities: [{ activity: "ADVISORY", workloadIds: ["mws-microsoft-intune"] }] });
    expect(await savePoeDetails(contoso, claimId, changed)).toEqual({ ok: true });
    expect(await db.proofOfExecution.count({ where: { claimId } })).toBe(1);
    expect(await db.proofOfExecution.findUniqueOrThrow({ where: { claimId } })).toMatchObject({
      documentType: "CUSTOMER_EMAIL",
      activityWorkloads: [{ activity: "ADVISORY", workloadIds: ["mws-microsoft-intune"] }],
      customerAcknowledgedOn: new Date(`${today}T00:00:00Z`),
      acknowledgedByTitle: "CIO",
      publicSector: true,
    });
    const events = await db.claimEvent.findMany({ where: { claimId, action: "poeDetailsSaved" } });
    expect(events.map((e) => e.actorUserId)).toEqual([contoso.id, contoso.id]);
  });

  it("another organisation and a reviewer cannot save details or comments", async () => {
    const before = await written();
    signInAs(fabrikam);
    expect(await savePoeDetailsAction(claimId, validDetails())).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await saveCommentsAction(claimId, { comments: "Taken over" })).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    signInAs(reviewer);
    expect(await digestOf(savePoeDetailsAction(claimId, validDetails()))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(saveCommentsAction(claimId, { comments: "Reviewer" }))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await written()).toEqual(before);
  });

  it("stores, replaces and clears the comments", async () => {
    signInAs(contoso);
    expect(await saveCommentsAction(claimId, { comments: "  Please call Nancy before reviewing.  " })).toEqual({ ok: true });
    expect(await db.claimComment.findUniqueOrThrow({ where: { claimId } })).toMatchObject({ text: "Please call Nancy before reviewing.", updatedById: contoso.id });
    expect(await saveCommentsAction(claimId, { comments: "Second thoughts." })).toEqual({ ok: true });
    expect((await db.claimComment.findUniqueOrThrow({ where: { claimId } })).text).toBe("Second thoughts.");

    const before = await written();
    expect(await saveCommentsAction(claimId, { comments: "x".repeat(4001) })).toEqual({ ok: false, fieldErrors: { comments: "tooLong" } });
    expect(await written()).toEqual(before);

    expect(await saveCommentsAction(claimId, { comments: "   " })).toEqual({ ok: true });
    expect(await db.claimComment.findUnique({ where: { claimId } })).toBeNull();
    expect(await db.claimEvent.count({ where: { claimId, action: "commentsSaved" } })).toBe(3);
  });
});

describe("submitting a claim", () => {
  it("refuses missing acknowledgements, missing details and missing files, and writes nothing", async () => {
    const { claimId } = await createDraft(contoso);
    nextCache.revalidatePath.mockClear();
    const nothing = await submissionState(claimId);
    expect(nothing).toMatchObject({ status: "DRAFT", submittedAt: null, submissions: [], outbox: [], submittedEvents: [] });

    const missing = Object.fromEntries(acknowledgementKeys.filter((key) => key !== "accurate").map((key) => [`acknowledgements.${key}`, "acknowledgementRequired"]));
    expect(await submitAs(contoso, claimId, { acknowledgements: { accurate: true } })).toEqual({ ok: false, fieldErrors: missing });
    expect(await submitAs(contoso, claimId, { acknowledgements: { ...allAcknowledged().acknowledgements, onePartner: false } })).toEqual({
      ok: false,
      fieldErrors: { "acknowledgements.onePartner": "acknowledgementRequired" },
    });
    expect(await submitAs(contoso, claimId, { acknowledgements: { ...allAcknowledged().acknowledgements, poeAuthentic: "yes" } })).toEqual({
      ok: false,
      fieldErrors: { "acknowledgements.poeAuthentic": "acknowledgementRequired" },
    });
    // Nothing yet: the details are checked first.
    expect(await submitAs(contoso, claimId)).toEqual({ ok: false, problem: "poeDetailsMissing", fieldErrors: {} });
    const file = await upload(contoso, claimId, samplePdf(), { name: "proof.pdf" });
    expect(await submitAs(contoso, claimId)).toEqual({ ok: false, problem: "poeDetailsMissing", fieldErrors: {} });
    signInAs(contoso);
    expect(await removePoeFileAction(claimId, file.file!.id)).toEqual({ ok: true });

    expect(await savePoeDetails(contoso, claimId, validDetails())).toEqual({ ok: true });
    expect(await submitAs(contoso, claimId)).toEqual({ ok: false, problem: "poeFileRequired", fieldErrors: {} });
    // Missing acknowledgements are reported even when everything else is there.
    await upload(contoso, claimId, samplePdf(), { name: "proof.pdf" });
    expect(await submitAs(contoso, claimId, {})).toMatchObject({ ok: false, fieldErrors: { acknowledgements: expect.any(String) } });

    // Another organisation and a reviewer cannot submit it.
    expect(await submitAs(fabrikam, claimId)).toEqual({ ok: false, problem: "notFound", fieldErrors: {} });
    expect(await digestOf(submitAs(reviewer, claimId))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    signInAs(undefined);
    expect(await digestOf(submitClaimAction(claimId, allAcknowledged()))).toMatch(/^NEXT_REDIRECT;[a-z]+;\/signin;307;$/);
    expect(nextCache.revalidatePath).not.toHaveBeenCalledWith("/claims");

    expect(await submissionState(claimId)).toEqual(nothing);
  });

  it("stored details that no longer validate (the acknowledgement date has aged) block the submission", async () => {
    const { claimId } = await readyDraft(contoso);
    await db.proofOfExecution.update({ where: { claimId }, data: { customerAcknowledgedOn: new Date(`${thirteenMonthsAgo()}T00:00:00Z`) } });
    expect(await submitAs(contoso, claimId)).toEqual({ ok: false, problem: "poeDetailsMissing", fieldErrors: { customerAcknowledgedOn: "dateTooOld" } });
    expect((await submissionState(claimId)).status).toBe("DRAFT");
  });

  it("a complete draft becomes Submitted with the acknowledgements, the audit event and one customer notification; repeating changes nothing", async () => {
    const { claimId, creationKey } = await readyDraft(contoso);
    signInAs(contoso);
    expect(await saveCommentsAction(claimId, { comments: "Ready for review." })).toEqual({ ok: true });
    const startedAt = new Date();
    nextCache.revalidatePath.mockClear();

    expect(await submitAs(contoso, claimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
    expect(nextCache.revalidatePath).toHaveBeenCalledWith("/claims");
    const state = await submissionState(claimId);
    expect(state.status).toBe("SUBMITTED");
    expect(state.submittedAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    expect(state.submissions).toEqual([{ claimId, submittedById: contoso.id, submittedAt: expect.any(Date), acknowledgements: [...acknowledgementKeys], hasConflict: false }]);
    expect(state.submittedEvents).toMatchObject([
      { actorUserId: contoso.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", ip: "203.0.113.7", userAgent: "Vitest PoE browser/1.0" },
    ]);
    expect(state.outbox).toMatchObject([
      {
        kind: "customer-approval-request",
        dedupeKey: `customer-approval-request:${claimId}`,
        status: "PENDING",
        payload: { claimId, to: "nancy@northwind.example", locale: "en" },
      },
    ]);

    // A double click, a second tab, a retry.
    expect(await submitAs(contoso, claimId)).toEqual({ ok: true, data: { alreadySubmitted: true } });
    expect(await submitAs(contoso, claimId, {})).toEqual({ ok: true, data: { alreadySubmitted: true } });
    expect(await submissionState(claimId)).toEqual(state);

    // Read-only from now on.
    const file = await db.poeFile.findFirstOrThrow({ where: { claimId } });
    const frozen = { state, files: await leftovers(claimId), proof: await db.proofOfExecution.findUnique({ where: { claimId } }), comment: await db.claimComment.findUnique({ where: { claimId } }) };
    signInAs(contoso);
    const details = { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", partnerId: "4412345", tenantId: randomUUID(), name: "Too late" };
    expect(await saveWizardStep(claimId, 1, details, 2)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await finishClaimWizard(claimId, creationKey)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await savePoeDetailsAction(claimId, validDetails())).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await saveCommentsAction(claimId, { comments: "Changed my mind" })).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await saveCommentsAction(claimId, { comments: "" })).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await upload(contoso, claimId, samplePdf(), { name: "late.pdf" })).toEqual({ status: 409, error: "notEditable", file: undefined });
    signInAs(contoso);
    expect(await removePoeFileAction(claimId, file.id)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await deleteDraftClaim(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect(await blobExists(file.blobName)).toBe(true);
    expect({ state: await submissionState(claimId), files: await leftovers(claimId), proof: await db.proofOfExecution.findUnique({ where: { claimId } }), comment: await db.claimComment.findUnique({ where: { claimId } }) }).toEqual(frozen);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { deletedAt: true, status: true } })).toEqual({ deletedAt: null, status: "SUBMITTED" });
  });

  it("four concurrent submissions of one draft: all succeed, one submission, one notification, one audit event", async () => {
    const { claimId } = await readyDraft(contoso);
    signInAs(contoso);
    incoming.headers = { "user-agent": "Vitest PoE browser/1.0", "x-forwarded-for": "192.0.2.66", ...fromClient("203.0.113.7") };
    const results = await Promise.all(Array.from({ length: 4 }, () => submitClaimAction(claimId, allAcknowledged())));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.data.alreadySubmitted)).toHaveLength(1);
    const state = await submissionState(claimId);
    expect(state.status).toBe("SUBMITTED");
    expect(state.submissions).toHaveLength(1);
    expect(state.outbox).toHaveLength(1);
    expect(state.submittedEvents).toHaveLength(1);
  });
});

describe("collisions at submission", () => {
  it("Business Applications, per engagement: the organisation may claim two engagements on one subscription; another partner's claim conflicts only in the same engagement", async () => {
    const sub = { subscriptionId: DEMO.subscriptions.northwindPowerApps, workloadId: "ba-power-apps" };
    const advisor = await readyDraft(contoso, { business: { ...sub, partnerRole: "BUILD_INTENT_ADVISOR" } });
    const usage = await readyDraft(contoso, { business: { ...sub, partnerRole: "USAGE_RECOGNITION" } });
    expect(await submitAs(contoso, advisor.claimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
    expect(await submitAs(contoso, usage.claimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
    for (const claim of [advisor, usage]) expect((await submissionState(claim.claimId)).submissions).toMatchObject([{ hasConflict: false }]);

    const theirs = await readyDraft(fabrikam, { business: { ...sub, partnerRole: "USAGE_RECOGNITION" } });
    expect(await submitAs(fabrikam, theirs.claimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
    expect((await submissionState(theirs.claimId)).submissions).toMatchObject([{ hasConflict: true }]);
    const flags = await db.claim.findMany({ where: { id: { in: [advisor.claimId, usage.claimId] } }, select: { id: true, hasConflict: true } });
    expect(Object.fromEntries(flags.map((f) => [f.id, f.hasConflict]))).toEqual({ [advisor.claimId]: false, [usage.claimId]: true });

    // The same engagement twice is still the organisation's duplicate.
    const again = await readyDraft(contoso, { business: { ...sub, partnerRole: "USAGE_RECOGNITION" } });
    expect(await submitAs(contoso, again.claimId)).toEqual({ ok: false, problem: "duplicateOwnClaim", fieldErrors: {} });
    // Leave the subscription free for the other tests.
    await db.claim.updateMany({ where: { id: { in: [advisor.claimId, usage.claimId, theirs.claimId, again.claimId] } }, data: { deletedAt: new Date() } });
  });

  it("another organisation's submitted claim on the tenant's workload is flagged as a conflict; the organisation's own is refused as a duplicate", async () => {
    const tenantId = randomUUID();
    const theirs = await readyDraft(fabrikam, { tenantId, workloadIds: ["mws-microsoft-teams"] });
    expect(await submitAs(fabrikam, theirs.claimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
    expect((await submissionState(theirs.claimId)).submissions).toMatchObject([{ hasConflict: false }]);

    const first = await readyDraft(contoso, { tenantId, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"] });
    const second = await readyDraft(contoso, { tenantId, workloadIds: ["mws-microsoft-intune"] });
    const elsewhere = await readyDraft(contoso, { tenantId, workloadIds: ["mws-exchange-online"] });

    expect(await submitAs(contoso, first.claimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
    const firstState = await submissionState(first.claimId);
    expect(firstState).toMatchObject({ status: "SUBMITTED", submissions: [{ hasConflict: true, submittedById: contoso.id }] });
    expect(firstState.outbox).toHaveLength(1);

    // The organisation's second claim on a workload it already claimed on this tenant.
    const secondBefore = await submissionState(second.claimId);
    expect(await submitAs(contoso, second.claimId)).toEqual({ ok: false, problem: "duplicateOwnClaim", fieldErrors: {} });
    expect(await submissionState(second.claimId)).toEqual(secondBefore);
    expect(secondBefore).toMatchObject({ status: "DRAFT", submittedAt: null, submissions: [], outbox: [], submittedEvents: [] });
    // It stays an editable draft: it can still take files.
    expect((await upload(contoso, second.claimId, samplePdf(), { name: "more.pdf" })).status).toBe(201);

    // Another workload on the same tenant collides with nothing.
    expect(await submitAs(contoso, elsewhere.claimId)).toEqual({ ok: true, data: { alreadySubmitted: false } });
    expect((await submissionState(elsewhere.claimId)).submissions).toMatchObject([{ hasConflict: false }]);
    // Fabrikam's submission is not changed by the later ones.
    expect((await submissionState(theirs.claimId)).submissions).toMatchObject([{ hasConflict: false }]);
  });

  it("two of the organisation's drafts on the same workload submitted at once: one is submitted, the other is a duplicate", async () => {
    const tenantId = randomUUID();
    const a = await readyDraft(contoso, { tenantId, workloadIds: ["mws-microsoft-teams"] });
    const b = await readyDraft(contoso, { tenantId, workloadIds: ["mws-microsoft-teams"] });
    signInAs(contoso);
    incoming.headers = { "user-agent": "Vitest PoE browser/1.0" };
    const results = await Promise.all([submitClaimAction(a.claimId, allAcknowledged()), submitClaimAction(b.claimId, allAcknowledged())]);
    expect(results).toEqual(expect.arrayContaining([{ ok: true, data: { alreadySubmitted: false } }, { ok: false, problem: "duplicateOwnClaim", fieldErrors: {} }]));
    const states = [await submissionState(a.claimId), await submissionState(b.claimId)];
    expect(states.map((s) => s.status).sort()).toEqual(["DRAFT", "SUBMITTED"]);
    expect(states.map((s) => s.outbox.length).sort()).toEqual([0, 1]);
    expect(states.map((s) => s.submissions.length).sort()).toEqual([0, 1]);
  });
});

