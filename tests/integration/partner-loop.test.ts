// The partner's side of the reviewer's decisions on the real database and blob storage (Azurite), with only the
// session, next/cache and next/headers mocked: editing a claim in Partner action required (fixed fields refused,
// allowed ones saved and audited, own duplicates refused), Resubmit claim, Dispute this decision (explanation,
// new proof, window, once), Disassociate customer, and another organisation's admin finding nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);
vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);

import { incoming, session } from "../support/next-request";

import { POST as uploadRoute } from "@/app/api/claims/[id]/poe/files/route";
import type { PartnerViewer } from "@/lib/auth/session";
import { finishClaimWizard, saveWizardStep, submitClaimAction } from "@/lib/claims/actions";
import { loadWizard } from "@/lib/claims/wizard";
import { type Actor } from "@/lib/claims/vocabulary";
import { runTransition } from "@/lib/claims/lifecycle";
import { disassociateClaimAction, disputeClaimAction, renewClaimAction, resubmitClaimAction } from "@/lib/claims/partner-actions";
import { claimFactory } from "../support/factories";
import type { ContactsInput } from "@/lib/claims/schemas";
import { db } from "@/lib/db";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { removePoeFileAction, saveCommentsAction, savePoeDetailsAction } from "@/lib/poe/actions";
import { acknowledgementKeys, type PoeDetailsInput } from "@/lib/poe/schemas";
import { ensurePoeContainer, poeContainer } from "@/lib/poe/storage";
import { DEMO } from "@/lib/reference/demo-data";
import { samplePdf } from "../support/poe-samples";
import { loadPartnerViewer, loadViewerByEmail } from "../support/viewers";
import { fromClient } from "../support/client-address";

const APP = process.env.APP_URL!;
const DAY = 24 * 60 * 60 * 1000;

let contoso: PartnerViewer;
let fabrikam: PartnerViewer;
let reviewer: Actor;
const createdClaimIds: string[] = [];

beforeAll(async () => {
  await ensurePoeContainer();
  contoso = await loadPartnerViewer(db, DEMO.users.contosoAdmin);
  fabrikam = await loadPartnerViewer(db, DEMO.users.fabrikamAdmin);
  reviewer = { kind: "reviewer", userId: (await loadViewerByEmail(db, DEMO.users.reviewer)).id };
});

beforeEach(() => {
  session.userId = undefined;
  incoming.headers = { "user-agent": "Vitest partner loop/1.0", "x-forwarded-for": "192.0.2.66", ...fromClient("203.0.113.9") };
});

afterAll(async () => {
  const blobs = (await db.poeFile.findMany({ where: { claimId: { in: createdClaimIds } }, select: { blobName: true } })).map((f) => f.blobName);
  await db.wizardProgress.deleteMany({ where: { userId: { in: [contoso.id, fabrikam.id] }, key: { in: ["new", ...createdClaimIds] } } });
  await db.claim.deleteMany({ where: { id: { in: createdClaimIds } } });
  for (const name of blobs) await poeContainer().getBlobClient(name).deleteIfExists();
  await db.$disconnect();
});

const signInAs = (viewer: { id: string }) => {
  session.userId = viewer.id;
};

// ---------------------------------------------------------------------------------------------------------------
// Claims in the reviewer's decisions

const contacts = (email: string, name = "Nancy Davolio"): ContactsInput => ({
  customerContactName: name,
  customerContactTitle: "IT Director",
  customerContactAddress: "1 Main Street\nSeattle, WA 98052",
  customerContactEmail: "nancy@northwind.example",
  customerLocale: "en",
  partnerContactName: "Pat Partner",
  partnerContactEmail: email,
});

const detailsOf = (viewer: PartnerViewer, tenantId: string, name: string) => ({
  solutionArea: "MODERN_WORK_SECURITY",
  partnerRole: "USE_OR_CONSUME",
  partnerId: viewer.organization.locations[0].partnerId,
  tenantId,
  name,
  incentiveOptOut: false,
});

const poeDetails = (workloadIds: string[]): PoeDetailsInput => ({
  documentType: "SIGNED_STATEMENT_OF_WORK",
  activitiesDescription: "Deployed Teams and enrolled the devices in Intune.",
  activities: [{ activity: "DEPLOYMENT", workloadIds }],
  customerAcknowledgedOn: new Date(Date.now() - 7 * DAY).toISOString().slice(0, 10),
  acknowledgedByName: "Nancy Davolio",
  publicSector: false,
});

function uploadAs(viewer: PartnerViewer, claimId: string, name = "proof.pdf") {
  signInAs(viewer);
  const body = samplePdf();
  const request = new Request(`${APP}/api/claims/${claimId}/poe/files`, {
    method: "POST",
    headers: { "x-file-name": encodeURIComponent(name), origin: APP, "content-length": String(body.length) },
    body: new Uint8Array(body),
  });
  return uploadRoute(request, { params: Promise.resolve({ id: claimId }) }).then(async (response) => ({ status: response.status, ...((await response.json()) as { file?: { id: string }; error?: string }) }));
}

type ClaimOptions = { viewer?: PartnerViewer; tenantId?: string; workloadIds?: string[] };

/** A submitted Modern Work and Security claim (through the wizard, the PoE actions and Submit claim). */
async function submittedClaim({ viewer = contoso, tenantId = randomUUID(), workloadIds = ["mws-microsoft-teams", "mws-microsoft-intune"] }: ClaimOptions = {}) {
  signInAs(viewer);
  const name = `Loop ${randomUUID().slice(0, 8)}`;
  expect(await saveWizardStep("new", 1, detailsOf(viewer, tenantId, name), 2)).toEqual({ ok: true });
  expect(await saveWizardStep("new", 2, { workloadIds }, 3)).toEqual({ ok: true });
  expect(await saveWizardStep("new", 3, contacts(viewer.email), 4)).toEqual({ ok: true });
  const { creationKey } = (await db.wizardProgress.findUniqueOrThrow({ where: { userId_key: { userId: viewer.id, key: "new" } } })).data as { creationKey: string };
  const created = await finishClaimWizard("new", creationKey);
  if (!created.ok) throw new Error(`finishClaimWizard: ${JSON.stringify(created)}`);
  const claimId = created.data.claimId;
  createdClaimIds.push(claimId);
  expect(await savePoeDetailsAction(claimId, poeDetails(workloadIds))).toEqual({ ok: true });
  const uploaded = await uploadAs(viewer, claimId);
  expect(uploaded.status).toBe(201);
  signInAs(viewer);
  const submitted = await submitClaimAction(claimId, { acknowledgements: Object.fromEntries(acknowledgementKeys.map((key) => [key, true])) });
  expect(submitted).toEqual({ ok: true, data: { alreadySubmitted: false } });
  return { claimId, tenantId, workloadIds, name, fileId: uploaded.file!.id, viewer };
}

const move = (claimId: string, from: ClaimStatus, to: ClaimStatus, extra: { reasonCode?: string; reasonText?: string } = {}) =>
  runTransition(db, { claimId, from, to, actor: reviewer, ...extra }).then((result) => expect(result).toMatchObject({ ok: true }));

async function inPartnerAction(options: ClaimOptions = {}) {
  const claim = await submittedClaim(options);
  await move(claim.claimId, "SUBMITTED", "UNDER_REVIEW");
  await move(claim.claimId, "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", { reasonCode: "DATES_MISSING_OR_OLD", reasonText: "Which date did the customer sign?" });
  return claim;
}

async function rejected(options: ClaimOptions = {}) {
  const claim = await submittedClaim(options);
  await move(claim.claimId, "SUBMITTED", "UNDER_REVIEW");
  await move(claim.claimId, "UNDER_REVIEW", "REJECTED", { reasonCode: "INSUFFICIENT_POE", reasonText: "The statement of work is not signed." });
  return claim;
}

async function approved(options: ClaimOptions = {}) {
  const claim = await submittedClaim(options);
  await move(claim.claimId, "SUBMITTED", "UNDER_REVIEW");
  await move(claim.claimId, "UNDER_REVIEW", "APPROVED");
  return claim;
}

const claimOf = (claimId: string) => db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { workloads: true } });
const eventsOf = (claimId: string, where: Record<string, unknown> = {}) => db.claimEvent.findMany({ where: { claimId, ...where }, orderBy: { at: "asc" } });

function resubmitAs(viewer: PartnerViewer, claimId: string) {
  signInAs(viewer);
  return resubmitClaimAction(claimId);
}
function disputeAs(viewer: PartnerViewer, claimId: string, values: unknown) {
  signInAs(viewer);
  return disputeClaimAction(claimId, values);
}
function disassociateAs(viewer: PartnerViewer, claimId: string, values: unknown) {
  signInAs(viewer);
  return disassociateClaimAction(claimId, values);
}

// ---------------------------------------------------------------------------------------------------------------

describe("editing a claim in Partner action required", () => {
  it("refuses the fields fixed at submission on the server, whatever the browser sends", async () => {
    const { claimId, tenantId, name } = await inPartnerAction();
    signInAs(contoso);
    const base = detailsOf(contoso, tenantId, name);
    for (const [field, value] of [
      ["name", "Another name"],
      ["tenantId", randomUUID()],
      ["incentiveOptOut", true],
    ] as const) {
      expect(await saveWizardStep(claimId, 1, { ...base, [field]: value }, 2)).toEqual({ ok: false, fieldErrors: { [field]: "lockedAfterSubmission" } });
    }
    const otherArea = await saveWizardStep(claimId, 1, { ...base, solutionArea: "BUSINESS_APPLICATIONS", partnerRole: "BUILD_INTENT_ADVISOR", tenantId: DEMO.tenants.northwind }, 2);
    expect(otherArea).toMatchObject({ ok: false, fieldErrors: { solutionArea: "lockedAfterSubmission", partnerRole: "lockedAfterSubmission", tenantId: "lockedAfterSubmission" } });

    // Entries kept in the wizard's progress (for example from before the submission) cannot bring a change in either.
    const sneaked = { ...base, name: "Sneaked in", workloadIds: ["mws-microsoft-teams"], subscriptionIds: [], ...contacts(contoso.email), creationKey: "x" };
    await db.wizardProgress.upsert({
      where: { userId_key: { userId: contoso.id, key: claimId } },
      create: { userId: contoso.id, key: claimId, step: 4, data: sneaked },
      update: { step: 4, data: sneaked },
    });
    expect(await finishClaimWizard(claimId, randomUUID())).toEqual({ ok: true, data: { claimId } });
    const claim = await claimOf(claimId);
    expect(claim.name).toBe(name);
    expect(claim.tenantId).toBe(tenantId);
    expect(claim.status).toBe("PARTNER_ACTION_REQUIRED");
  });

  it("saves the allowed fields (PartnerID, workloads, contacts, proof, comments) and audits the edit", async () => {
    const { claimId, tenantId, name, fileId } = await inPartnerAction();
    signInAs(contoso);
    const tokyo = contoso.organization.locations.find((l) => l.city === "Tokyo")!.partnerId;
    expect(await saveWizardStep(claimId, 1, { ...detailsOf(contoso, tenantId, name), partnerId: tokyo }, 2)).toEqual({ ok: true });
    expect(await saveWizardStep(claimId, 2, { workloadIds: ["mws-microsoft-teams", "mws-exchange-online"] }, 3)).toEqual({ ok: true });
    expect(await saveWizardStep(claimId, 3, contacts(contoso.email, "Andrew Fuller"), 4)).toEqual({ ok: true });
    expect(await finishClaimWizard(claimId, randomUUID())).toEqual({ ok: true, data: { claimId } });

    const claim = await claimOf(claimId);
    expect(claim).toMatchObject({ status: "PARTNER_ACTION_REQUIRED", partnerId: tokyo, customerContactName: "Andrew Fuller", name, tenantId });
    expect(claim.workloads.map((w) => w.workloadId).sort()).toEqual(["mws-exchange-online", "mws-microsoft-teams"]);
    const [edited] = await eventsOf(claimId, { action: "edited" });
    expect(edited).toMatchObject({ actorUserId: contoso.id, fromStatus: "PARTNER_ACTION_REQUIRED", note: "partnerId, workloads, contacts" });

    // The proof: details, comments, files added and removed, each audited.
    expect(await savePoeDetailsAction(claimId, poeDetails(["mws-microsoft-teams", "mws-exchange-online"]))).toEqual({ ok: true });
    expect(await saveCommentsAction(claimId, { comments: "The customer signed on the date now shown." })).toEqual({ ok: true });
    expect((await uploadAs(contoso, claimId, "signed.pdf")).status).toBe(201);
    signInAs(contoso);
    expect(await removePoeFileAction(claimId, fileId)).toEqual({ ok: true });
    const actions = (await eventsOf(claimId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["poeDetailsSaved", "commentsSaved", "poeFileAdded", "poeFileRemoved"]));
  });

  it("refuses a workload the organisation already claims in another active claim", async () => {
    const tenantId = randomUUID();
    await submittedClaim({ tenantId, workloadIds: ["mws-onedrive"] });
    const { claimId, name } = await inPartnerAction({ tenantId, workloadIds: ["mws-microsoft-teams"] });
    signInAs(contoso);
    expect(await saveWizardStep(claimId, 1, detailsOf(contoso, tenantId, name), 2)).toEqual({ ok: true });
    expect(await saveWizardStep(claimId, 2, { workloadIds: ["mws-microsoft-teams", "mws-onedrive"] }, 3)).toEqual({ ok: true });
    expect(await saveWizardStep(claimId, 3, contacts(contoso.email), 4)).toEqual({ ok: true });
    expect(await finishClaimWizard(claimId, randomUUID())).toEqual({ ok: false, fieldErrors: { workloadIds: "duplicateOwnClaim" }, details: { step: 2 } });
    expect((await claimOf(claimId)).workloads.map((w) => w.workloadId)).toEqual(["mws-microsoft-teams"]);
  });
});

describe("Resubmit claim", () => {
  it("moves the claim back to Under review once, however often it is clicked, with the request's audit data", async () => {
    const { claimId } = await inPartnerAction();
    const results = await Promise.all([resubmitAs(contoso, claimId), resubmitAs(contoso, claimId)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(results.filter((r) => r.ok && !r.data.alreadyResubmitted)).toHaveLength(1);
    expect(await resubmitAs(contoso, claimId)).toEqual({ ok: true, data: { alreadyResubmitted: true } });
    expect((await claimOf(claimId)).status).toBe("UNDER_REVIEW");
    const moved = await eventsOf(claimId, { fromStatus: "PARTNER_ACTION_REQUIRED", toStatus: "UNDER_REVIEW" });
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ actorUserId: contoso.id, ip: "203.0.113.9", userAgent: "Vitest partner loop/1.0" });
  });

  it("does not report an earlier round's resubmission as this click's success after the claim was rejected", async () => {
    const { claimId } = await inPartnerAction();
    expect(await resubmitAs(contoso, claimId)).toEqual({ ok: true, data: { alreadyResubmitted: false } });
    await move(claimId, "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", { reasonCode: "POE_MISSING", reasonText: "And the signed page?" });
    // The timer runs out while the partner's page is open; then they click Resubmit.
    await runTransition(db, { claimId, from: "PARTNER_ACTION_REQUIRED", to: "REJECTED", actor: { kind: "system" }, reasonCode: "NO_PARTNER_RESPONSE" });
    expect(await resubmitAs(contoso, claimId)).toEqual({ ok: false, problem: "notEditable", fieldErrors: {} });
    expect((await claimOf(claimId)).status).toBe("REJECTED");
  });

  it("starts the wizard from the claim as it is, not from entries left before the last status change", async () => {
    const { claimId } = await submittedClaim();
    // Entries saved in the wizard while the claim was a Draft (say, another contact), never finished.
    await db.wizardProgress.upsert({
      where: { userId_key: { userId: contoso.id, key: claimId } },
      create: { userId: contoso.id, key: claimId, step: 3, data: { partnerContactName: "Old draft entry" } },
      update: { step: 3, data: { partnerContactName: "Old draft entry" } },
    });
    await db.$executeRaw`UPDATE "WizardProgress" SET "updatedAt" = ${new Date(Date.now() - DAY)} WHERE "userId" = ${contoso.id} AND key = ${claimId}`;
    await move(claimId, "SUBMITTED", "UNDER_REVIEW");
    await move(claimId, "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", { reasonCode: "POE_MISSING", reasonText: "Add the signed page." });
    const loaded = await loadWizard(contoso, claimId);
    expect(loaded?.data.partnerContactName).toBe("Pat Partner");
    expect(loaded?.step).toBe(4);
  });

  it("asks a customer contact changed in this round for approval, once, and leaves an answered claim alone", async () => {
    const { claimId, tenantId, name } = await inPartnerAction();
    signInAs(contoso);
    expect(await saveWizardStep(claimId, 1, detailsOf(contoso, tenantId, name), 2)).toEqual({ ok: true });
    expect(await saveWizardStep(claimId, 3, { ...contacts(contoso.email, "Andrew Fuller"), customerContactEmail: "andrew@northwind.example" }, 4)).toEqual({ ok: true });
    expect(await finishClaimWizard(claimId, randomUUID())).toEqual({ ok: true, data: { claimId } });
    expect(await resubmitAs(contoso, claimId)).toEqual({ ok: true, data: { alreadyResubmitted: false } });
    const asked = await db.outboxMessage.findMany({ where: { claimId, kind: { in: ["customer-approval-request", "customer-resend"] } }, orderBy: { createdAt: "asc" } });
    expect(asked.map((m) => [m.kind, (m.payload as { to: string }).to])).toEqual([
      ["customer-approval-request", "nancy@northwind.example"],
      ["customer-resend", "andrew@northwind.example"],
    ]);

    // The same contact in a later round is not asked again.
    await move(claimId, "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", { reasonCode: "POE_MISSING", reasonText: "And the signed page?" });
    expect(await resubmitAs(contoso, claimId)).toEqual({ ok: true, data: { alreadyResubmitted: false } });
    expect(await db.outboxMessage.count({ where: { claimId, kind: "customer-resend" } })).toBe(1);
  });

  it("re-validates like submission: without a PoE file the claim stays in Partner action required", async () => {
    const { claimId, fileId } = await inPartnerAction();
    signInAs(contoso);
    expect(await removePoeFileAction(claimId, fileId)).toEqual({ ok: true });
    expect(await resubmitAs(contoso, claimId)).toEqual({ ok: false, problem: "poeFileRequired", fieldErrors: {} });
    expect(await savePoeDetailsAction(claimId, { ...poeDetails(["mws-microsoft-teams"]), customerAcknowledgedOn: "" })).toMatchObject({ ok: false });
    expect((await claimOf(claimId)).status).toBe("PARTNER_ACTION_REQUIRED");
  });

  it("refuses an own duplicate and flags a conflict with another partner's claim on a changed item", async () => {
    const tenantId = randomUUID();
    await submittedClaim({ viewer: fabrikam, tenantId, workloadIds: ["mws-windows-365"] });
    await submittedClaim({ tenantId, workloadIds: ["mws-onedrive"] });
    const { claimId } = await inPartnerAction({ tenantId, workloadIds: ["mws-microsoft-teams"] });
    expect((await claimOf(claimId)).hasConflict).toBe(false);

    // Items written around the wizard's own check: resubmission checks again.
    await db.claimWorkload.create({ data: { claimId, workloadId: "mws-onedrive" } });
    expect(await resubmitAs(contoso, claimId)).toEqual({ ok: false, problem: "duplicateOwnClaim", fieldErrors: {} });
    expect((await claimOf(claimId)).status).toBe("PARTNER_ACTION_REQUIRED");

    await db.claimWorkload.deleteMany({ where: { claimId, workloadId: "mws-onedrive" } });
    await db.claimWorkload.create({ data: { claimId, workloadId: "mws-windows-365" } });
    expect(await resubmitAs(contoso, claimId)).toEqual({ ok: true, data: { alreadyResubmitted: false } });
    expect(await claimOf(claimId)).toMatchObject({ status: "UNDER_REVIEW", hasConflict: true });
  });
});

describe("Dispute this decision", () => {
  it("asks for an explanation and new proof, then moves the claim to Dispute with the explanation", async () => {
    const { claimId, fileId } = await rejected();
    expect(await disputeAs(contoso, claimId, { explanation: "  " })).toEqual({ ok: false, fieldErrors: { explanation: "required" } });
    expect(await disputeAs(contoso, claimId, { explanation: "x".repeat(2001) })).toEqual({ ok: false, fieldErrors: { explanation: "tooLong" } });
    expect(await disputeAs(contoso, claimId, { explanation: "The signed statement is attached." })).toEqual({ ok: false, fieldErrors: { poeFiles: "disputeProofRequired" } });

    // The proof the decision was made on stays; the dispute's own files come and go.
    signInAs(contoso);
    expect(await removePoeFileAction(claimId, fileId)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    const added = await uploadAs(contoso, claimId, "signed-sow.pdf");
    expect(added.status).toBe(201);
    signInAs(contoso);
    expect(await removePoeFileAction(claimId, added.file!.id)).toEqual({ ok: true });
    expect(await disputeAs(contoso, claimId, { explanation: "The signed statement is attached." })).toEqual({ ok: false, fieldErrors: { poeFiles: "disputeProofRequired" } });
    expect((await uploadAs(contoso, claimId, "signed-sow.pdf")).status).toBe(201);

    expect(await disputeAs(contoso, claimId, { explanation: "The signed statement is attached." })).toEqual({ ok: true });
    expect(await claimOf(claimId)).toMatchObject({ status: "DISPUTE", statusReasonText: "The signed statement is attached." });
    expect(await eventsOf(claimId, { toStatus: "DISPUTE" })).toMatchObject([{ actorUserId: contoso.id, note: "The signed statement is attached." }]);
    // Files are read-only again once disputed.
    expect((await uploadAs(contoso, claimId, "late.pdf")).status).toBe(409);
  });

  it("is refused after the window closed (30 business days), for the dispute and its files", async () => {
    const { claimId } = await rejected();
    expect((await uploadAs(contoso, claimId, "new.pdf")).status).toBe(201);
    await db.$executeRaw`UPDATE "Claim" SET "statusChangedAt" = ${new Date(Date.now() - 60 * DAY)} WHERE id = ${claimId}`;
    expect(await disputeAs(contoso, claimId, { explanation: "Please look again." })).toEqual({ ok: false, problem: "disputeWindowClosed", fieldErrors: {} });
    expect((await uploadAs(contoso, claimId, "newer.pdf")).status).toBe(409);
    expect((await claimOf(claimId)).status).toBe("REJECTED");
  });

  it("is not possible against the customer's decline, which only the customer can take back", async () => {
    const { claimId } = await submittedClaim();
    const declined = await runTransition(db, { claimId, from: "SUBMITTED", to: "REJECTED", actor: { kind: "customer", email: "nancy@northwind.example" }, reasonCode: "CUSTOMER_DECLINED" });
    expect(declined).toMatchObject({ ok: true });
    expect((await uploadAs(contoso, claimId, "new.pdf")).status).toBe(409);
    expect(await disputeAs(contoso, claimId, { explanation: "The customer meant to approve." })).toEqual({ ok: false, problem: "notAllowed", fieldErrors: {} });
    // The lifecycle refuses it too, whoever calls it.
    expect(await runTransition(db, { claimId, from: "REJECTED", to: "DISPUTE", actor: { kind: "partner", userId: contoso.id }, organizationId: contoso.organization.id, reasonText: "Again." })).toEqual({
      ok: false,
      problem: "notAllowed",
    });
    expect((await claimOf(claimId)).status).toBe("REJECTED");
  });

  it("is possible once per claim", async () => {
    const { claimId } = await rejected();
    expect((await uploadAs(contoso, claimId, "new.pdf")).status).toBe(201);
    expect(await disputeAs(contoso, claimId, { explanation: "First dispute." })).toEqual({ ok: true });
    await move(claimId, "DISPUTE", "APPROVED");
    const declined = await runTransition(db, { claimId, from: "APPROVED", to: "REJECTED", actor: { kind: "customer", email: "nancy@northwind.example" }, reasonCode: "CUSTOMER_DECLINED" });
    expect(declined).toMatchObject({ ok: true });
    expect((await uploadAs(contoso, claimId, "again.pdf")).status).toBe(409);
    expect(await disputeAs(contoso, claimId, { explanation: "Second dispute." })).toEqual({ ok: false, problem: "alreadyDisputed", fieldErrors: {} });
    expect((await claimOf(claimId)).status).toBe("REJECTED");
  });
});

describe("Disassociate customer", () => {
  it("requires a reason, then ends the association and makes the claim Rejected final (partner request)", async () => {
    const { claimId } = await approved();
    expect(await db.association.count({ where: { claimId, endedAt: null } })).toBe(2);
    expect(await disassociateAs(contoso, claimId, { reason: "" })).toEqual({ ok: false, fieldErrors: { reason: "required" } });
    expect(await disassociateAs(contoso, claimId, {})).toMatchObject({ ok: false, fieldErrors: { reason: "required" } });
    expect((await claimOf(claimId)).status).toBe("APPROVED");

    expect(await disassociateAs(contoso, claimId, { reason: "The customer moved to another partner." })).toEqual({ ok: true });
    expect(await claimOf(claimId)).toMatchObject({ status: "REJECTED_FINAL", statusReasonCode: "PARTNER_REQUEST", statusReasonText: "The customer moved to another partner." });
    expect(await db.association.count({ where: { claimId, endedAt: null } })).toBe(0);
    expect(await db.association.findMany({ where: { claimId } })).toEqual(expect.arrayContaining([expect.objectContaining({ endReason: "PARTNER_REQUEST" })]));
    expect(await disassociateAs(contoso, claimId, { reason: "Again." })).toEqual({ ok: false, problem: "notAllowed", fieldErrors: {} });
  });
});

describe("another organisation's admin", () => {
  it("finds nothing to edit, resubmit, dispute or disassociate", async () => {
    const par = await inPartnerAction();
    const rejectedClaim = await rejected();
    const approvedClaim = await approved();

    signInAs(fabrikam);
    expect(await saveWizardStep(par.claimId, 3, contacts(fabrikam.email), 4)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await finishClaimWizard(par.claimId, randomUUID())).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await savePoeDetailsAction(par.claimId, poeDetails(par.workloadIds))).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await removePoeFileAction(par.claimId, par.fileId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect(await resubmitAs(fabrikam, par.claimId)).toEqual({ ok: false, problem: "notFound", fieldErrors: {} });
    expect((await uploadAs(fabrikam, rejectedClaim.claimId)).status).toBe(404);
    expect(await disputeAs(fabrikam, rejectedClaim.claimId, { explanation: "Ours." })).toEqual({ ok: false, problem: "notFound", fieldErrors: {} });
    expect(await disassociateAs(fabrikam, approvedClaim.claimId, { reason: "Ours." })).toEqual({ ok: false, problem: "notFound", fieldErrors: {} });

    expect((await claimOf(par.claimId)).status).toBe("PARTNER_ACTION_REQUIRED");
    expect((await claimOf(rejectedClaim.claimId)).status).toBe("REJECTED");
    expect((await claimOf(approvedClaim.claimId)).status).toBe("APPROVED");
  });
});

describe("re-association when a Business Applications association ends with its subscription", () => {
  it("is offered only near or after the end, starts a new claim from the old one at the subscriptions step, and only for the organisation", async () => {
    const claims = claimFactory(db, { prefix: "Renewal" });
    const claimId = await claims.makeClaim({
      organizationId: contoso.organization.id,
      partnerId: contoso.organization.locations[0].partnerId,
      createdById: contoso.id,
      status: "UNDER_REVIEW",
      subscriptionIds: [DEMO.subscriptions.northwindSales],
      partnerRole: "USAGE_RECOGNITION",
    });
    createdClaimIds.push(claimId);
    expect(await runTransition(db, { claimId, from: "UNDER_REVIEW", to: "APPROVED", actor: reviewer })).toMatchObject({ ok: true });

    // Ten months before the subscription ends: nothing to renew yet.
    signInAs(contoso);
    expect(await renewClaimAction(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notAllowed" });
    // Within the "ends soon" window (the association carries the subscription's end date).
    await db.association.updateMany({ where: { claimId }, data: { endsAt: new Date(Date.now() + 30 * DAY) } });
    signInAs(fabrikam);
    expect(await renewClaimAction(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notAllowed" });
    signInAs(contoso);
    expect(await renewClaimAction(claimId)).toMatchObject({ ok: true });

    const wizard = await loadWizard(contoso, "new");
    const old = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(wizard?.step).toBe(2);
    expect(wizard?.data).toMatchObject({
      solutionArea: "BUSINESS_APPLICATIONS",
      partnerRole: "USAGE_RECOGNITION",
      tenantId: DEMO.tenants.northwind,
      partnerId: old.partnerId,
      name: `${old.name} (renewal)`,
      customerContactEmail: old.customerContactEmail,
      partnerContactEmail: old.partnerContactEmail,
    });
    expect(wizard?.data.subscriptionIds).toBeUndefined();
    expect(wizard?.data.creationKey).not.toBe(old.creationKey);
    // Leave the subscription free for the other tests.
    await db.association.updateMany({ where: { claimId }, data: { endedAt: new Date(), endReason: "test" } });
  });
});
