// The portal while its database or blob storage is away, on the real stack otherwise: both are reached
// through TCP proxies that the test stops and starts again (only next/headers and next/cache are
// mocked; the session is a real Auth.js session, read through its cookie). A signed-in admin is never
// taken for signed out (sent to sign in, told "not found"): the routes answer 503 "unavailable" within
// seconds, every server action answers "unavailable" (the form's own message), the customer's page a
// 503 page in the customer's language, nothing is written, and everything works again once the service is back.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const proxies = await vi.hoisted(async () => {
  const { tcpProxy } = await import("../support/tcp-proxy");
  const original = { DATABASE_URL: process.env.DATABASE_URL!, AZURE_STORAGE_CONNECTION_STRING: process.env.AZURE_STORAGE_CONNECTION_STRING! };
  const databaseUrl = new URL(original.DATABASE_URL);
  const blobEndpoint = new URL(/BlobEndpoint=([^;]+)/.exec(original.AZURE_STORAGE_CONNECTION_STRING)![1]);
  const database = await tcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port) });
  const storage = await tcpProxy({ host: blobEndpoint.hostname, port: Number(blobEndpoint.port) });
  // Read by the portal's modules on first use, which comes after this.
  databaseUrl.hostname = "127.0.0.1";
  databaseUrl.port = String(database.port);
  process.env.DATABASE_URL = databaseUrl.toString();
  process.env.AZURE_STORAGE_CONNECTION_STRING = original.AZURE_STORAGE_CONNECTION_STRING.replace(blobEndpoint.origin, `http://127.0.0.1:${storage.port}`);
  return { database, storage, original };
});

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { incoming } from "../support/next-request";

import { POST as uploadRoute } from "@/app/api/claims/[id]/poe/files/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { GET as reviewExport } from "@/app/(review)/review/export/route";
import { GET as customerPage, POST as customerAnswer } from "@/app/c/[token]/route";
import { requestSignInLink } from "@/lib/auth/actions";
import { disassociateClaimAction, disputeClaimAction, resubmitClaimAction } from "@/lib/claims/partner-actions";
import { removePoeFileAction, saveCommentsAction, savePoeDetailsAction } from "@/lib/poe/actions";
import { assignClaimAction, decideClaimAction, unassignClaimAction } from "@/lib/review/actions";
import { ServiceUnavailable, unavailableService } from "@/lib/availability";
import { loadViewer } from "@/lib/auth/session";
import { cancelClaimWizard, deleteDraftClaim, finishClaimWizard, resendCustomerEmailAction, saveWizardStep, submitClaimAction } from "@/lib/claims/actions";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db-client";
import { customerLinkToken } from "@/lib/notify/tokens";
import { acknowledgementKeys } from "@/lib/poe/schemas";
import { poeContainer } from "@/lib/poe/storage";
import { DEMO } from "@/lib/reference/demo-data";
import { samplePdf } from "../support/poe-samples";

const APP = process.env.APP_URL!;
const acknowledgements = Object.fromEntries(acknowledgementKeys.map((key) => [key, true]));
const details = { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", partnerId: "4412345", tenantId: randomUUID(), name: "Outage" };

let admin: { id: string; organizationId: string };
let claimId: string;
const sessionToken = randomBytes(32).toString("hex");

beforeAll(async () => {
  const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.users.contosoAdmin } });
  admin = { id: user.id, organizationId: user.organizationId! };
  await db.session.create({ data: { sessionToken, userId: admin.id, expires: new Date(Date.now() + 8 * 60 * 60 * 1000) } });
  const claim = await db.claim.create({
    data: {
      organizationId: admin.organizationId,
      partnerId: "4412345",
      solutionArea: "MODERN_WORK_SECURITY",
      partnerRole: "USE_OR_CONSUME",
      name: `Outage ${randomUUID().slice(0, 8)}`,
      tenantId: randomUUID(),
      customerContactName: "Nancy Davolio",
      customerContactAddress: "1 Main Street",
      customerContactEmail: "nancy@northwind.example",
      partnerContactName: "Pat Partner",
      partnerContactEmail: DEMO.users.contosoAdmin,
      creationKey: randomUUID(),
      createdById: admin.id,
    },
  });
  claimId = claim.id;
  incoming.headers = { cookie: `authjs.session-token=${sessionToken}`, origin: APP };
});

afterAll(async () => {
  await proxies.database.start().catch(() => undefined);
  await proxies.storage.start().catch(() => undefined);
  const blobs = await db.poeFile.findMany({ where: { claimId }, select: { blobName: true } });
  for (const { blobName } of blobs) await poeContainer().getBlobClient(blobName).deleteIfExists();
  await db.claim.deleteMany({ where: { id: claimId } });
  await db.wizardProgress.deleteMany({ where: { userId: admin.id, key: "new" } });
  await db.session.deleteMany({ where: { sessionToken } });
  await db.$disconnect();
  await proxies.database.stop();
  await proxies.storage.stop();
  Object.assign(process.env, proxies.original);
});

const upload = () =>
  uploadRoute(
    new Request(`${APP}/api/claims/${claimId}/poe/files`, {
      method: "POST",
      headers: { origin: APP, "x-file-name": "proof.pdf", "content-type": "application/octet-stream" },
      body: new Uint8Array(samplePdf(64 * 1024)),
    }),
    { params: Promise.resolve({ id: claimId }) },
  );
const submit = () =>
  submitRoute(
    new Request(`${APP}/api/claims/${claimId}/submit`, { method: "POST", headers: { origin: APP, "content-type": "application/json" }, body: JSON.stringify({ acknowledgements }) }),
    { params: Promise.resolve({ id: claimId }) },
  );

describe("the database away", () => {
  it("is not a sign-out: routes answer 503, actions answer unavailable, and nothing is written", async () => {
    await proxies.database.stop();
    try {
      await expect(loadViewer()).rejects.toBeInstanceOf(ServiceUnavailable);
      for (const response of [await submit(), await upload()]) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("30");
        expect(await response.json()).toEqual({ error: "unavailable" });
      }
      // Every action of the partner's and the reviewer's pages, and the sign-in form: the form's "try again"
      // (Errors.unavailable), never the error page.
      const unavailable = { ok: false, fieldErrors: {}, problem: "unavailable" };
      const answers = {
        saveStep: await saveWizardStep("new", 1, details, 2),
        finishWizard: await finishClaimWizard("new", randomUUID()),
        submit: await submitClaimAction(claimId, { acknowledgements }),
        cancelWizard: await cancelClaimWizard("new"),
        deleteDraft: await deleteDraftClaim(claimId),
        resend: await resendCustomerEmailAction(claimId),
        poeDetails: await savePoeDetailsAction(claimId, {}),
        comments: await saveCommentsAction(claimId, { comments: "Hello" }),
        removeFile: await removePoeFileAction(claimId, claimId),
        resubmit: await resubmitClaimAction(claimId),
        dispute: await disputeClaimAction(claimId, { explanation: "Our proof is newer." }),
        disassociate: await disassociateClaimAction(claimId, { reason: "Contract ended." }),
        decide: await decideClaimAction(claimId, { action: "startReview" }),
        assign: await assignClaimAction(claimId),
        unassign: await unassignClaimAction(claimId),
      };
      expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((name) => [name, unavailable])));
      const form = new FormData();
      form.set("email", DEMO.users.contosoAdmin);
      expect(await requestSignInLink(undefined, form)).toEqual(unavailable);

      // The customer's page (GET and the answer) says in the customer's language that nothing was recorded.
      // A well-signed token: what is refused without the database (a tampered one) answers as before.
      const token = customerLinkToken({ claimId, email: "nancy@northwind.example", outboxId: "outage", expiresAt: new Date(Date.now() + 60_000) });
      const customerUrl = `${APP}/c/${token}`;
      const answer = new FormData();
      answer.set("choice", "approve");
      for (const response of [
        await customerPage(new Request(customerUrl, { headers: { "accept-language": "ja" } }), { params: Promise.resolve({ token }) }),
        await customerAnswer(new Request(customerUrl, { method: "POST", headers: { "accept-language": "ja" }, body: answer }), { params: Promise.resolve({ token }) }),
      ]) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("30");
        expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(await response.text()).toContain("回答は記録されていません");
      }
      const exported = await reviewExport(new Request(`${APP}/review/export`));
      expect(exported.status).toBe(503);
    } finally {
      await proxies.database.start();
    }

    // Back: the same session, and nothing of the above was written.
    expect((await loadViewer())?.id).toBe(admin.id);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { poeFiles: true, events: true, submission: true } });
    expect({ status: claim.status, files: claim.poeFiles.length, events: claim.events.length, submission: claim.submission }).toEqual({ status: "DRAFT", files: 0, events: 0, submission: null });
    expect(await db.wizardProgress.findUnique({ where: { userId_key: { userId: admin.id, key: "new" } } })).toBeNull();
    expect(await saveWizardStep("new", 1, details, 2)).toEqual({ ok: true });
  });
});

describe("the database ending its sessions (a restart)", () => {
  it("a connection ended while it is handed to a waiting transaction fails that transaction, and nothing else", async () => {
    // One connection, held by a query while a transaction waits for it: the pool hands it over while reading
    // the query's reply, and the server's notice comes in the same read, before the transaction is listening.
    await db.$disconnect(); // the embedded database takes one connection at a time, and frees it a moment later
    const client = createPrismaClient({ url: process.env.DATABASE_URL, poolMax: 1 });
    try {
      await expect.poll(() => client.$queryRaw`SELECT 1`.then(() => true, () => false), { timeout: 10_000 }).toBe(true);
      const held = client.$queryRaw`SELECT 1 FROM pg_sleep(0.3)`.then(() => "answered");
      const waiting = client.$transaction((tx) => tx.$queryRaw`SELECT 1`).then(
        () => "committed",
        (error: unknown) => unavailableService(error),
      );
      proxies.database.terminateSessions();
      expect(await held).toBe("answered");
      expect(await waiting).toBe("database");
      // The same client goes on with a new connection (the embedded database, busy, may refuse the first
      // one while it frees the ended session: the next is accepted).
      await expect.poll(() => client.$queryRaw`SELECT 1 AS one`.catch(() => "refused"), { timeout: 10_000 }).toEqual([{ one: 1 }]);
    } finally {
      await client.$disconnect();
    }
  });
});

describe("blob storage away", () => {
  it("an upload answers 503 within seconds and writes no file row; once storage is back, uploads work again", async () => {
    await proxies.storage.stop();
    const started = Date.now();
    let response: Response;
    try {
      response = await upload();
    } finally {
      await proxies.storage.start();
    }
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "unavailable" });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await db.poeFile.count({ where: { claimId } })).toBe(0);

    const again = await upload();
    expect(again.status).toBe(201);
    expect(await db.poeFile.count({ where: { claimId } })).toBe(1);
  }, 90_000);
});
