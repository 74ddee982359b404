// The reviewer's validation console on the real database, with only the session, next/cache and next/headers
// mocked: the reviewer gate of the server actions and routes (404 for everyone else), every decision and its
// refusals, assignment (and its race), the one-partner-per-item rule when two reviewers approve at once, the
// scheduled rejection of unanswered claims and the overdue figures against a fixed clock, the queue's filters
// and keyset pages, the CSV export, and what the review page shows beside a claim (competitors, reference checks).
import { claimFactory } from "../support/factories";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);
vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);

import { incoming, nextCache, session } from "../support/next-request";

import { GET as exportRoute } from "@/app/(review)/review/export/route";
import { GET as downloadRoute } from "@/app/api/claims/[id]/poe/files/[fileId]/route";
import { isReviewer, type ReviewerViewer } from "@/lib/auth/session";
import { viewerSelect } from "@/lib/auth/viewer-select";
import { expireUnansweredClaims } from "@/lib/claims/expiry";
import { dueAt, isOverdue, LIFECYCLE_TIMERS, overdueCutoff } from "@/lib/claims/vocabulary";
import { recordCustomerResponse } from "@/lib/claims/lifecycle";
import { flagConflicts } from "@/lib/claims/collisions";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus, CustomerResponse, PartnerRole } from "@/lib/generated/prisma/enums";
import { messageKinds } from "@/lib/notify/messages";
import { ensurePoeContainer, poeContainer, uploadPoeBlob } from "@/lib/poe/storage";
import { DEMO } from "@/lib/reference/demo-data";
import { assignClaimAction, decideClaimAction, unassignClaimAction } from "@/lib/review/actions";
import { competitorsOf, findReviewClaim, referenceChecks } from "@/lib/review/claim";
import { loadDashboard } from "@/lib/review/dashboard-page";
import { assign, decide, unassign } from "@/lib/review/decisions";
import { reviewerRejectionReasons } from "@/lib/claims/vocabulary";
import { queueCsv } from "@/lib/review/export";
import { countQueue, encodeCursor, isReviewerTimed, listQueue, queueQuerySchema, queueWhere, type QueueQuery } from "@/lib/review/queue";
import { reviewStatuses } from "@/lib/claims/vocabulary";
import { samplePdf } from "../support/poe-samples";
import { fromClient } from "../support/client-address";

const APP = process.env.APP_URL!;
const NOT_FOUND = "NEXT_HTTP_ERROR_FALLBACK;404";
const SIGN_IN = /^NEXT_REDIRECT;[a-z]+;\/signin;307;$/;
const REQUEST = { "x-forwarded-for": "192.0.2.66, 10.0.0.1", ...fromClient("198.51.100.7"), "user-agent": "Vitest review/1.0" };
/** Each group of tests searches the queue by its own token, so it sees only its own claims. */
const token = (tag: string) => `${tag}${randomUUID().replace(/-/g, "").slice(0, 10)}`;

type Org = "contoso" | "fabrikam" | "test";
const orgIds = {} as Record<Org, string>;
const orgNames = {} as Record<Org, string>;
const partnerIds = {} as Record<Org, string>;
const adminIds = {} as Record<"contoso" | "fabrikam", string>;
let reviewer: ReviewerViewer;
let reviewer2: ReviewerViewer;
const createdClaimIds: string[] = [];
const claims = claimFactory(db, { prefix: "Review" });
const blobNames: string[] = [];
/** An organisation of this run only (a comma in its name, for the CSV), with one location. */
const TEST_ORG = `${token("RTO")}, Ltd.`;
const TEST_PARTNER_ID = `9${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

beforeAll(async () => {
  const org = (name: string) => db.organization.findUniqueOrThrow({ where: { name }, include: { locations: { orderBy: { partnerId: "asc" } } } });
  const [contoso, fabrikam] = [await org("Contoso"), await org("Fabrikam")];
  const test = await db.organization.create({ data: { name: TEST_ORG, locations: { create: { partnerId: TEST_PARTNER_ID, city: "Oslo" } } } });
  Object.assign(orgIds, { contoso: contoso.id, fabrikam: fabrikam.id, test: test.id });
  Object.assign(orgNames, { contoso: contoso.name, fabrikam: fabrikam.name, test: test.name });
  Object.assign(partnerIds, { contoso: contoso.locations[0].partnerId, fabrikam: fabrikam.locations[0].partnerId, test: TEST_PARTNER_ID });
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: viewerSelect });
  adminIds.contoso = (await user(DEMO.users.contosoAdmin)).id;
  adminIds.fabrikam = (await user(DEMO.users.fabrikamAdmin)).id;
  const asReviewer = (viewer: Awaited<ReturnType<typeof user>>) => {
    if (!isReviewer(viewer)) throw new Error(`${viewer.email} is not a reviewer`);
    return viewer;
  };
  reviewer = asReviewer(await user(DEMO.users.reviewer));
  const second = token("second-reviewer-");
  reviewer2 = asReviewer(await db.user.create({ data: { email: `${second}@microsoft.example`, name: `Second Reviewer ${second}`, role: "REVIEWER" }, select: viewerSelect }));
});

beforeEach(() => {
  session.userId = undefined;
  incoming.headers = { ...REQUEST };
  nextCache.revalidatePath.mockClear();
});

// Leave the database and the container as they were: the claims (by cascade their events, associations, outbox
// rows and files), then the second reviewer and the test organisation, and the blobs.
afterAll(async () => {
  await db.claim.deleteMany({ where: { id: { in: createdClaimIds } } });
  await db.user.deleteMany({ where: { id: reviewer2.id } });
  await db.partnerLocation.deleteMany({ where: { partnerId: TEST_PARTNER_ID } });
  await db.organization.deleteMany({ where: { id: orgIds.test } });
  for (const name of blobNames) await poeContainer().getBlobClient(name).deleteIfExists();
  await db.$disconnect();
});

const signInAs = (id: string | undefined) => {
  session.userId = id;
};

const digestOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: { digest?: string }) => error.digest,
  );

// ---------------------------------------------------------------------------------------------------------------
// Claims made directly in the status a test needs

type ClaimOptions = {
  org?: Org;
  name?: string;
  status?: ClaimStatus;
  statusChangedAt?: Date;
  submittedAt?: Date | null;
  /** Modern Work and Security (the default): a random tenant unless given, and these workloads. */
  tenantId?: string;
  workloadIds?: string[];
  /** Business Applications: these subscriptions (and their products as the workloads), on Northwind unless told. */
  subscriptionIds?: string[];
  partnerRole?: PartnerRole;
  /** A PartnerID other than the organisation's own. */
  partnerId?: string;
  customerResponse?: CustomerResponse;
  hasConflict?: boolean;
  assignedToId?: string | null;
  deletedAt?: Date;
};

async function makeClaim(options: ClaimOptions = {}) {
  const { org = "contoso", status = "UNDER_REVIEW", statusChangedAt = new Date(), ...rest } = options;
  const id = await claims.makeClaim({
    ...rest,
    organizationId: orgIds[org],
    partnerId: options.partnerId ?? partnerIds[org],
    createdById: org === "fabrikam" ? adminIds.fabrikam : adminIds.contoso,
    status,
    statusChangedAt,
  });
  createdClaimIds.push(id);
  return id;
}

/** Everything a decision or an assignment may touch, to compare before and after. */
async function snapshot(claimId: string) {
  return {
    claim: await db.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: { status: true, statusChangedAt: true, statusReasonCode: true, statusReasonText: true, assignedToId: true, assignedAt: true, updatedAt: true },
    }),
    events: await db.claimEvent.findMany({ where: { claimId }, orderBy: { id: "asc" } }),
    outbox: await db.outboxMessage.findMany({ where: { claimId }, orderBy: { id: "asc" } }),
    associations: await db.association.findMany({ where: { claimId }, orderBy: { id: "asc" } }),
  };
}

const claimOf = (claimId: string) => db.claim.findUniqueOrThrow({ where: { id: claimId } });
const eventsOf = (claimId: string) => db.claimEvent.findMany({ where: { claimId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
const decisionsOf = (claimId: string) => db.outboxMessage.findMany({ where: { claimId, kind: messageKinds.partnerDecision } });
const nameOf = (viewer: ReviewerViewer) => viewer.name ?? viewer.email;

/** The queue as the page reads it, searched by a test's token unless the query says otherwise. */
const queue = (query: Record<string, string>, viewer: ReviewerViewer = reviewer, pageSize = 100) => listQueue(db, queueQuerySchema.parse(query), viewer.id, pageSize);
const namesIn = async (query: Record<string, string>, viewer?: ReviewerViewer) => (await queue(query, viewer)).rows.map((r) => r.name).sort();

// ---------------------------------------------------------------------------------------------------------------

describe("only reviewers reach the console", () => {
  it.each([
    ["Contoso's incentive admin", () => adminIds.contoso],
    ["Fabrikam's incentive admin", () => adminIds.fabrikam],
  ])("%s gets 404 from every reviewer action, and nothing changes", async (_, who) => {
    const submitted = await makeClaim({ status: "SUBMITTED" });
    const underReview = await makeClaim({ status: "UNDER_REVIEW", assignedToId: reviewer.id });
    const before = [await snapshot(submitted), await snapshot(underReview)];
    signInAs(who());
    expect(await digestOf(decideClaimAction(submitted, { action: "startReview" }))).toBe(NOT_FOUND);
    expect(await digestOf(decideClaimAction(underReview, { action: "approve" }))).toBe(NOT_FOUND);
    expect(await digestOf(decideClaimAction(underReview, { action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText: "No proof." }))).toBe(NOT_FOUND);
    expect(await digestOf(assignClaimAction(submitted))).toBe(NOT_FOUND);
    expect(await digestOf(assignClaimAction(underReview, true))).toBe(NOT_FOUND);
    expect(await digestOf(unassignClaimAction(underReview))).toBe(NOT_FOUND);
    expect([await snapshot(submitted), await snapshot(underReview)]).toEqual(before);
    expect(nextCache.revalidatePath).not.toHaveBeenCalled();
  });

  // requireReviewer passes requireViewer first, which sends a visitor without a session to sign-in (the
  // same answer every server action gives); nothing about the claim is revealed either way.
  it("a signed-out visitor (or a session whose user no longer exists) is sent to sign-in, and nothing changes", async () => {
    const submitted = await makeClaim({ status: "SUBMITTED" });
    const underReview = await makeClaim({ status: "UNDER_REVIEW", assignedToId: reviewer.id });
    const before = [await snapshot(submitted), await snapshot(underReview)];
    for (const who of [undefined, "no-such-user"]) {
      signInAs(who);
      expect(await digestOf(decideClaimAction(submitted, { action: "startReview" }))).toMatch(SIGN_IN);
      expect(await digestOf(decideClaimAction(underReview, { action: "approve" }))).toMatch(SIGN_IN);
      expect(await digestOf(assignClaimAction(submitted))).toMatch(SIGN_IN);
      expect(await digestOf(unassignClaimAction(underReview))).toMatch(SIGN_IN);
    }
    expect([await snapshot(submitted), await snapshot(underReview)]).toEqual(before);
  });

  it("the CSV export answers 404 to incentive admins and to signed-out visitors, and the CSV to a reviewer", async () => {
    const CSV = token("RTX");
    await makeClaim({ status: "SUBMITTED", name: `${CSV} one` });
    const url = `${APP}/review/export?q=${CSV}`;
    for (const who of [adminIds.contoso, adminIds.fabrikam, undefined]) {
      signInAs(who);
      const response = await exportRoute(new Request(url));
      expect([response.status, await response.json()]).toEqual([404, { error: "notFound" }]);
    }
    signInAs(reviewer.id);
    const response = await exportRoute(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="cpor-claims-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).split("\r\n");
    expect(lines).toHaveLength(3); // header, the claim, and the empty remainder after the last line break
    expect(lines[1]).toContain(`${CSV} one`);
  });

  describe("proof of execution downloads (Azurite)", () => {
    const pdf = samplePdf();
    const fileOn = async (claimId: string) => {
      const blobName = `poe/${randomUUID()}`;
      await uploadPoeBlob(blobName, Readable.from(Buffer.from(pdf)), "application/pdf");
      blobNames.push(blobName);
      const file = await db.poeFile.create({
        data: { claimId, blobName, fileName: "proof.pdf", kind: "pdf", contentType: "application/pdf", size: pdf.byteLength, sha256: "0".repeat(64), uploadedById: adminIds.contoso },
      });
      return file.id;
    };
    const download = (who: string | undefined, claimId: string, fileId: string, search = "") => {
      signInAs(who);
      return downloadRoute(new Request(`${APP}/api/claims/${claimId}/poe/files/${fileId}${search}`), { params: Promise.resolve({ id: claimId, fileId }) });
    };

    beforeAll(async () => {
      await ensurePoeContainer();
    });

    it("another organisation's admin gets 404; the owning admin and a reviewer get the file of a submitted claim; never of a draft", async () => {
      const submitted = await makeClaim({ status: "SUBMITTED" });
      const fileId = await fileOn(submitted);
      for (const who of [adminIds.fabrikam, undefined]) {
        const refused = await download(who, submitted, fileId);
        expect([refused.status, await refused.json()]).toEqual([404, { error: "notFound" }]);
      }
      for (const who of [adminIds.contoso, reviewer.id]) {
        const response = await download(who, submitted, fileId);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
      }
      const inline = await download(reviewer.id, submitted, fileId, "?inline=1");
      expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);
      await inline.arrayBuffer();

      const draft = await makeClaim({ status: "DRAFT" });
      const draftFile = await fileOn(draft);
      const refused = await download(reviewer.id, draft, draftFile);
      expect(refused.status).toBe(404);
      // A file id of one claim under another claim's id finds nothing either.
      expect((await download(reviewer.id, submitted, draftFile)).status).toBe(404);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("decisions through decideClaimAction", () => {
  beforeEach(() => signInAs(reviewer.id));

  it("startReview moves Submitted to Under review, assigns the claim to the reviewer, and records both", async () => {
    const claimId = await makeClaim({ status: "SUBMITTED", statusChangedAt: new Date(Date.now() - 60_000) });
    expect(await decideClaimAction(claimId, { action: "startReview" })).toEqual({ ok: true });
    const claim = await claimOf(claimId);
    expect(claim).toMatchObject({ status: "UNDER_REVIEW", assignedToId: reviewer.id, statusReasonCode: null });
    expect(claim.statusChangedAt!.getTime()).toBeGreaterThan(Date.now() - 30_000);
    const events = await eventsOf(claimId);
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorUserId, e.ip, e.userAgent])).toEqual([
      ["statusChanged", "SUBMITTED", "UNDER_REVIEW", reviewer.id, "198.51.100.7", "Vitest review/1.0"],
      ["assigned", null, null, reviewer.id, "198.51.100.7", "Vitest review/1.0"],
    ]);
    expect(await decisionsOf(claimId)).toEqual([]);
    expect(nextCache.revalidatePath).toHaveBeenCalledWith(`/review/claims/${claimId}`);
  });

  it("approve makes the associations official and tells the partner", async () => {
    const tenantId = randomUUID();
    const claimId = await makeClaim({ status: "UNDER_REVIEW", tenantId, assignedToId: reviewer.id });
    expect(await decideClaimAction(claimId, { action: "approve", reasonText: "PoE complete." })).toEqual({ ok: true });
    const claim = await claimOf(claimId);
    expect(claim.status).toBe("APPROVED");
    const associations = await db.association.findMany({ where: { claimId }, orderBy: { workloadId: "asc" } });
    expect(associations.map((a) => [a.tenantId, a.workloadId, a.subscriptionId, a.endedAt, a.startedAt.getTime()])).toEqual([
      [tenantId, "mws-microsoft-intune", null, null, claim.statusChangedAt!.getTime()],
      [tenantId, "mws-microsoft-teams", null, null, claim.statusChangedAt!.getTime()],
    ]);
    const outbox = await decisionsOf(claimId);
    expect(outbox.map((m) => m.payload)).toEqual([{ claimId, status: "APPROVED", reasonText: "PoE complete." }]);
    // Already assigned to this reviewer: no second "assigned" event.
    expect((await eventsOf(claimId)).map((e) => e.action)).toEqual(["statusChanged"]);
  });

  it("an unassigned Under review claim is assigned to the reviewer who decides it", async () => {
    const claimId = await makeClaim({ status: "UNDER_REVIEW" });
    expect(await decideClaimAction(claimId, { action: "approve" })).toEqual({ ok: true });
    expect((await claimOf(claimId)).assignedToId).toBe(reviewer.id);
    expect((await eventsOf(claimId)).map((e) => e.action)).toEqual(["statusChanged", "assigned"]);
  });

  it("reject needs a reviewer's reason code and words; without either nothing changes", async () => {
    const claimId = await makeClaim({ status: "UNDER_REVIEW", assignedToId: reviewer.id });
    const before = await snapshot(claimId);
    const cases: [unknown, Record<string, string>][] = [
      [{ action: "reject" }, { reasonCode: "required", reasonText: "required" }],
      [{ action: "reject", reasonText: "The PoE is a blank page." }, { reasonCode: "required" }],
      [{ action: "reject", reasonCode: "INSUFFICIENT_POE" }, { reasonText: "required" }],
      [{ action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText: "   " }, { reasonText: "required" }],
      // Codes the reviewer does not choose: the customer's decline, the timer's, a partner-action code.
      [{ action: "reject", reasonCode: "CUSTOMER_DECLINED", reasonText: "x" }, { reasonCode: "required" }],
      [{ action: "reject", reasonCode: "NO_PARTNER_RESPONSE", reasonText: "x" }, { reasonCode: "required" }],
      [{ action: "reject", reasonCode: "POE_MISSING", reasonText: "x" }, { reasonCode: "required" }],
      [{ action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText: "x".repeat(2001) }, { reasonText: "tooLong" }],
    ];
    for (const [values, fieldErrors] of cases) {
      expect(await decideClaimAction(claimId, values)).toEqual({ ok: false, problem: "invalid", fieldErrors });
    }
    expect(await snapshot(claimId)).toEqual(before);

    for (const reasonCode of reviewerRejectionReasons.slice(0, 1)) {
      expect(await decideClaimAction(claimId, { action: "reject", reasonCode, reasonText: "  The PoE is a blank page.  " })).toEqual({ ok: true });
    }
    expect(await claimOf(claimId)).toMatchObject({ status: "REJECTED", statusReasonCode: "INSUFFICIENT_POE", statusReasonText: "The PoE is a blank page." });
    expect((await decisionsOf(claimId)).map((m) => m.payload)).toEqual([{ claimId, status: "REJECTED", reasonCode: "INSUFFICIENT_POE", reasonText: "The PoE is a blank page." }]);
    const [event] = await eventsOf(claimId);
    expect([event.fromStatus, event.toStatus, event.reasonCode, event.note]).toEqual(["UNDER_REVIEW", "REJECTED", "INSUFFICIENT_POE", "The PoE is a blank page."]);
  });

  it("every reviewer rejection code is accepted", async () => {
    for (const reasonCode of reviewerRejectionReasons) {
      const claimId = await makeClaim({ status: "UNDER_REVIEW" });
      expect(await decideClaimAction(claimId, { action: "reject", reasonCode, reasonText: "Because." })).toEqual({ ok: true });
      expect((await claimOf(claimId)).statusReasonCode).toBe(reasonCode);
    }
  });

  it("requestPartnerAction needs a partner-action code and the question", async () => {
    const claimId = await makeClaim({ status: "UNDER_REVIEW", assignedToId: reviewer.id });
    const before = await snapshot(claimId);
    expect(await decideClaimAction(claimId, { action: "requestPartnerAction", reasonText: "Which workloads?" })).toEqual({ ok: false, problem: "invalid", fieldErrors: { reasonCode: "required" } });
    expect(await decideClaimAction(claimId, { action: "requestPartnerAction", reasonCode: "WORKLOADS_MISSING" })).toEqual({ ok: false, problem: "invalid", fieldErrors: { reasonText: "required" } });
    expect(await decideClaimAction(claimId, { action: "requestPartnerAction", reasonCode: "INSUFFICIENT_POE", reasonText: "?" })).toEqual({ ok: false, problem: "invalid", fieldErrors: { reasonCode: "required" } });
    expect(await snapshot(claimId)).toEqual(before);
    expect(await decideClaimAction(claimId, { action: "requestPartnerAction", reasonCode: "WORKLOADS_MISSING", reasonText: "Which workloads did you deploy?" })).toEqual({ ok: true });
    expect(await claimOf(claimId)).toMatchObject({ status: "PARTNER_ACTION_REQUIRED", statusReasonCode: "WORKLOADS_MISSING", statusReasonText: "Which workloads did you deploy?" });
    expect((await decisionsOf(claimId)).map((m) => m.payload)).toEqual([{ claimId, status: "PARTNER_ACTION_REQUIRED", reasonCode: "WORKLOADS_MISSING", reasonText: "Which workloads did you deploy?" }]);
  });

  it("approveDispute approves a disputed claim with its associations; rejectDispute makes the rejection final", async () => {
    const won = await makeClaim({ status: "DISPUTE" });
    expect(await decideClaimAction(won, { action: "approveDispute" })).toEqual({ ok: true });
    expect((await claimOf(won)).status).toBe("APPROVED");
    expect(await db.association.count({ where: { claimId: won, endedAt: null } })).toBe(2);
    expect((await decisionsOf(won)).map((m) => m.payload)).toEqual([{ claimId: won, status: "APPROVED" }]);

    const lost = await makeClaim({ status: "DISPUTE" });
    expect(await decideClaimAction(lost, { action: "rejectDispute", reasonCode: "POE_UNAVAILABLE" })).toEqual({ ok: false, problem: "invalid", fieldErrors: { reasonText: "required" } });
    expect(await decideClaimAction(lost, { action: "rejectDispute", reasonCode: "POE_UNAVAILABLE", reasonText: "The new PoE cannot be opened." })).toEqual({ ok: true });
    expect(await claimOf(lost)).toMatchObject({ status: "REJECTED_FINAL", statusReasonCode: "POE_UNAVAILABLE", statusReasonText: "The new PoE cannot be opened." });
    expect(await db.association.count({ where: { claimId: lost } })).toBe(0);
  });

  it("a decision that does not fit the claim's status is refused as stale and changes nothing", async () => {
    const cases: [ClaimStatus, unknown][] = [
      ["SUBMITTED", { action: "approve" }],
      ["SUBMITTED", { action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText: "x" }],
      ["UNDER_REVIEW", { action: "startReview" }],
      ["UNDER_REVIEW", { action: "approveDispute" }],
      ["APPROVED", { action: "approve" }],
      ["APPROVED", { action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText: "x" }],
      ["APPROVED", { action: "rejectDispute", reasonCode: "INSUFFICIENT_POE", reasonText: "x" }],
      ["REJECTED", { action: "approveDispute" }],
      ["REJECTED_FINAL", { action: "approveDispute" }],
      ["REJECTED_FINAL", { action: "approve" }],
      ["PARTNER_ACTION_REQUIRED", { action: "approve" }],
    ];
    for (const [status, values] of cases) {
      const claimId = await makeClaim({ status });
      const before = await snapshot(claimId);
      expect([status, values, await decideClaimAction(claimId, values)]).toEqual([status, values, { ok: false, fieldErrors: {}, problem: "stale" }]);
      // Not even assigned: a refused decision writes nothing.
      expect(await snapshot(claimId)).toEqual(before);
    }
    const unknownAction = await makeClaim({ status: "UNDER_REVIEW" });
    expect(await decideClaimAction(unknownAction, { action: "disassociate", reasonText: "x" })).toMatchObject({ ok: false, fieldErrors: {}, problem: "invalid" });
  });

  it("a decision on a claim the customer declined meanwhile is stale; of two decisions at once exactly one wins", async () => {
    const declined = await makeClaim({ status: "UNDER_REVIEW", assignedToId: reviewer.id });
    await db.$transaction((tx) => recordCustomerResponse(tx, { claimId: declined, response: "DECLINED", email: "nancy@northwind.example" }));
    expect((await claimOf(declined)).status).toBe("REJECTED");
    expect(await decideClaimAction(declined, { action: "approve" })).toEqual({ ok: false, fieldErrors: {}, problem: "stale" });
    expect(await db.association.count({ where: { claimId: declined } })).toBe(0);

    const raced = await makeClaim({ status: "UNDER_REVIEW", assignedToId: reviewer.id });
    const results = await Promise.all([
      decideClaimAction(raced, { action: "approve" }),
      decideClaimAction(raced, { action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText: "No." }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, fieldErrors: {}, problem: "stale" }]);
    const status = (await claimOf(raced)).status;
    expect(status).toBe(results[0].ok ? "APPROVED" : "REJECTED");
    expect((await eventsOf(raced)).filter((e) => e.action === "statusChanged")).toHaveLength(1);
    expect(await db.association.count({ where: { claimId: raced } })).toBe(status === "APPROVED" ? 2 : 0);
  });

  it("a claim assigned to another reviewer is refused with the assignee's name", async () => {
    const claimId = await makeClaim({ status: "UNDER_REVIEW", assignedToId: reviewer2.id });
    const before = await snapshot(claimId);
    expect(await decideClaimAction(claimId, { action: "approve" })).toEqual({ ok: false, fieldErrors: {}, problem: "assignedToOther", details: { assignee: nameOf(reviewer2) } });
    expect(await decideClaimAction(claimId, { action: "reject", reasonCode: "INSUFFICIENT_POE", reasonText: "x" })).toEqual({ ok: false, fieldErrors: {}, problem: "assignedToOther", details: { assignee: nameOf(reviewer2) } });
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("an unknown, deleted or draft claim, or an over-long id, is not found", async () => {
    const draft = await makeClaim({ status: "DRAFT" });
    const deleted = await makeClaim({ status: "UNDER_REVIEW", deletedAt: new Date() });
    for (const claimId of ["no-such-claim", draft, deleted]) {
      expect(await decideClaimAction(claimId, { action: "startReview" })).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
      expect(await decideClaimAction(claimId, { action: "approve" })).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
      expect(await assignClaimAction(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
      expect(await unassignClaimAction(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    }
    expect(await decideClaimAction("x".repeat(65), { action: "approve" })).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect((await claimOf(draft)).status).toBe("DRAFT");
    expect(await db.claimEvent.count({ where: { claimId: { in: [draft, deleted] } } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("assignment", () => {
  it("assign, refused to a second reviewer unless taking over; unassign only by the holder", async () => {
    const claimId = await makeClaim({ status: "SUBMITTED" });
    signInAs(reviewer.id);
    expect(await assignClaimAction(claimId)).toEqual({ ok: true });
    expect(await assignClaimAction(claimId)).toEqual({ ok: true }); // already mine: nothing more happens
    expect((await claimOf(claimId)).assignedToId).toBe(reviewer.id);
    expect((await eventsOf(claimId)).map((e) => [e.action, e.actorUserId, e.note])).toEqual([["assigned", reviewer.id, null]]);

    signInAs(reviewer2.id);
    expect(await assignClaimAction(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "assignedToOther", details: { assignee: nameOf(reviewer) } });
    expect(await assignClaimAction(claimId, "yes")).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" }); // takeOver must be a boolean
    expect(await unassignClaimAction(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notAssignedToYou" });
    expect((await claimOf(claimId)).assignedToId).toBe(reviewer.id);
    expect(await assignClaimAction(claimId, true)).toEqual({ ok: true });
    expect((await claimOf(claimId)).assignedToId).toBe(reviewer2.id);
    const takeOver = (await eventsOf(claimId)).at(-1)!;
    expect([takeOver.action, takeOver.actorUserId, takeOver.note]).toEqual(["assigned", reviewer2.id, nameOf(reviewer)]);

    signInAs(reviewer.id);
    expect(await unassignClaimAction(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notAssignedToYou" });
    signInAs(reviewer2.id);
    expect(await unassignClaimAction(claimId)).toEqual({ ok: true });
    expect(await claimOf(claimId)).toMatchObject({ assignedToId: null, assignedAt: null });
    expect((await eventsOf(claimId)).at(-1)!.action).toBe("unassigned");
    expect(await unassignClaimAction(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notAssignedToYou" });
  });

  it("two reviewers assigning the same claim at the same moment: exactly one wins", async () => {
    for (let round = 0; round < 5; round += 1) {
      const claimId = await makeClaim({ status: "SUBMITTED" });
      const results = await Promise.all([assign(reviewer, claimId), assign(reviewer2, claimId)]);
      const winner = results[0].ok ? reviewer : reviewer2;
      const loser = winner === reviewer ? reviewer2 : reviewer;
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: {}, problem: "assignedToOther", details: { assignee: nameOf(winner) } });
      expect((await claimOf(claimId)).assignedToId).toBe(winner.id);
      expect((await eventsOf(claimId)).map((e) => [e.action, e.actorUserId])).toEqual([["assigned", winner.id]]);
      expect(await unassign(loser, claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notAssignedToYou" });
    }
  });

  it("two reviewers starting the review at the same moment: one starts it, the other is told who has it", async () => {
    for (let round = 0; round < 3; round += 1) {
      const claimId = await makeClaim({ status: "SUBMITTED" });
      const results = await Promise.all([decide(reviewer, claimId, { action: "startReview" }), decide(reviewer2, claimId, { action: "startReview" })]);
      const winner = results[0].ok ? reviewer : reviewer2;
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: {}, problem: "assignedToOther", details: { assignee: nameOf(winner) } });
      expect(await claimOf(claimId)).toMatchObject({ status: "UNDER_REVIEW", assignedToId: winner.id });
      expect((await eventsOf(claimId)).map((e) => e.action)).toEqual(["statusChanged", "assigned"]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("one partner per tenant workload", () => {
  it("two reviewers approving competing claims at the same moment: one wins, the other is told who holds it", async () => {
    for (let round = 0; round < 3; round += 1) {
      const tenantId = randomUUID();
      const contoso = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-teams"], assignedToId: reviewer.id });
      const fabrikam = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-teams", "mws-exchange-online"], assignedToId: reviewer2.id });
      const results = await Promise.all([decide(reviewer, contoso, { action: "approve" }), decide(reviewer2, fabrikam, { action: "approve" })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const [winner, loser] = results[0].ok ? [contoso, fabrikam] : [fabrikam, contoso];
      const refused = results.find((r) => !r.ok)!;
      expect(refused).toMatchObject({ ok: false, fieldErrors: {}, problem: "associationConflict" });
      expect(!refused.ok && refused.details?.holders?.map((h) => [h.claimId, h.organizationName, h.items, h.associatedSince !== null])).toEqual([
        [winner, winner === contoso ? "Contoso" : "Fabrikam", ["Microsoft Teams"], true],
      ]);
      const active = await db.association.findMany({ where: { tenantId, workloadId: "mws-microsoft-teams", endedAt: null } });
      expect(active.map((a) => a.claimId)).toEqual([winner]);
      expect(await db.association.count({ where: { claimId: loser } })).toBe(0);
      expect(await claimOf(loser)).toMatchObject({ status: "UNDER_REVIEW" });
      expect(await decisionsOf(loser)).toEqual([]);
    }
  });

  it("approving the second claim after the first is refused, naming the holder", async () => {
    const tenantId = randomUUID();
    const first = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-teams"] });
    const second = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-teams"] });
    signInAs(reviewer.id);
    expect(await decideClaimAction(first, { action: "approve" })).toEqual({ ok: true });
    const before = await snapshot(second);
    const refused = await decideClaimAction(second, { action: "approve" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: {}, problem: "associationConflict" });
    expect(!refused.ok && refused.details?.holders).toEqual([
      expect.objectContaining({ claimId: first, organizationName: "Contoso", partnerId: partnerIds.contoso, sameOrganization: false, status: "APPROVED", items: ["Microsoft Teams"], associatedSince: expect.any(Date) }),
    ]);
    expect(await snapshot(second)).toEqual(before);
    // The reviewer can still decide it otherwise.
    expect(await decideClaimAction(second, { action: "reject", reasonCode: "CONFLICT_WON_BY_OTHER_PARTNER", reasonText: "Contoso holds Teams." })).toEqual({ ok: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("timers against a fixed clock", () => {
  it("rejects a Partner action required claim unanswered for more than 14 business days, once, and not one still within its time", async () => {
    const now = new Date();
    const cutoff = overdueCutoff("PARTNER_ACTION_REQUIRED", now)!;
    const due = await makeClaim({ status: "PARTNER_ACTION_REQUIRED", statusChangedAt: new Date(cutoff.getTime() - 1) });
    const notYet = await makeClaim({ status: "PARTNER_ACTION_REQUIRED", statusChangedAt: cutoff });
    const longUnderReview = await makeClaim({ status: "UNDER_REVIEW", statusChangedAt: new Date(cutoff.getTime() - 30 * 86_400_000) });
    expect(isOverdue("PARTNER_ACTION_REQUIRED", new Date(cutoff.getTime() - 1), now)).toBe(true);
    expect(isOverdue("PARTNER_ACTION_REQUIRED", cutoff, now)).toBe(false);
    const expected = await db.claim.count({ where: { status: "PARTNER_ACTION_REQUIRED", deletedAt: null, statusChangedAt: { lt: cutoff } } });

    expect(await expireUnansweredClaims(db, { now })).toBe(expected);
    expect(await claimOf(due)).toMatchObject({ status: "REJECTED", statusReasonCode: "NO_PARTNER_RESPONSE", statusChangedAt: now });
    expect((await decisionsOf(due)).map((m) => m.payload)).toEqual([{ claimId: due, status: "REJECTED", reasonCode: "NO_PARTNER_RESPONSE" }]);
    const [event] = await eventsOf(due);
    expect([event.action, event.fromStatus, event.toStatus, event.reasonCode, event.actorUserId]).toEqual(["statusChanged", "PARTNER_ACTION_REQUIRED", "REJECTED", "NO_PARTNER_RESPONSE", null]);
    expect((await claimOf(notYet)).status).toBe("PARTNER_ACTION_REQUIRED");
    expect((await claimOf(longUnderReview)).status).toBe("UNDER_REVIEW");

    // Again at the same moment: nothing more moves.
    const events = await db.claimEvent.count({ where: { claimId: { in: [due, notYet] } } });
    expect(await expireUnansweredClaims(db, { now })).toBe(0);
    expect(await db.claimEvent.count({ where: { claimId: { in: [due, notYet] } } })).toBe(events);

    // One millisecond after its own due time, the other one goes too.
    const later = new Date(dueAt("PARTNER_ACTION_REQUIRED", cutoff)!.getTime() + 1);
    expect(await expireUnansweredClaims(db, { now: later })).toBeGreaterThanOrEqual(1);
    expect(await claimOf(notYet)).toMatchObject({ status: "REJECTED", statusReasonCode: "NO_PARTNER_RESPONSE" });
    expect(await decisionsOf(due)).toHaveLength(1);
  });

  // "Overdue" in the console means the reviewers' own timers (Submitted, Under review, Dispute); claims in the
  // partner's timed statuses are placed around their cutoffs too, and must never count.
  it("the queue's overdue filter and the dashboard's overdue counts agree with isOverdue around each status's cutoff", async () => {
    const OVD = token("RTD");
    // Now, a Monday morning and a Wednesday afternoon (and now + 1 ms below).
    const moments = [new Date(), new Date("2026-11-23T09:30:00.000Z"), new Date("2026-11-18T15:45:00.000Z")];
    const timed = Object.keys(LIFECYCLE_TIMERS) as (keyof typeof LIFECYCLE_TIMERS)[];
    const placed: { id: string; status: ClaimStatus; at: Date }[] = [];
    for (const now of moments) {
      for (const status of timed) {
        const cutoff = overdueCutoff(status, now)!;
        for (const offset of [-1, 0, 1]) {
          const at = new Date(cutoff.getTime() + offset);
          placed.push({ id: await makeClaim({ status, statusChangedAt: at, name: `${OVD} ${status} ${offset}` }), status, at });
        }
      }
    }
    const overdueIds = async (query: QueueQuery, now: Date) =>
      (await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c.id FROM "Claim" c WHERE ${queueWhere(query, reviewer.id, now)}`)).map((r) => r.id).sort();

    for (const now of [...moments, new Date(moments[0].getTime() + 1)]) {
      const expected = (statuses: readonly ClaimStatus[]) => placed.filter((p) => statuses.includes(p.status) && isReviewerTimed(p.status) && isOverdue(p.status, p.at, now)).map((p) => p.id).sort();
      expect(await overdueIds(queueQuerySchema.parse({ view: "all", overdue: "1", q: OVD }), now)).toEqual(expected(timed));
      expect(await overdueIds(queueQuerySchema.parse({ overdue: "1", q: OVD }), now)).toEqual(expected(["SUBMITTED", "UNDER_REVIEW", "DISPUTE"]));
      for (const status of timed) expect(await overdueIds(queueQuerySchema.parse({ view: status, overdue: "1", q: OVD }), now)).toEqual(expected([status]));
      expect(await overdueIds(queueQuerySchema.parse({ view: "APPROVED", overdue: "1", q: OVD }), now)).toEqual([]);

      // The dashboard counts every claim in the database: compare with isOverdue over all of them.
      const all = await db.claim.findMany({ where: { deletedAt: null }, select: { status: true, statusChangedAt: true } });
      const dashboard = await loadDashboard(now);
      const reviewerTimed = reviewStatuses.filter(isReviewerTimed);
      expect(reviewerTimed).toEqual(["SUBMITTED", "UNDER_REVIEW", "DISPUTE"]);
      expect(dashboard.overdue).toEqual(reviewerTimed.map((status) => ({ status, count: all.filter((c) => c.status === status && isOverdue(status, c.statusChangedAt, now)).length })));
    }
    // The cases around each cutoff exist on both sides at the first moment.
    const atFirst = placed.slice(0, timed.length * 3);
    expect(atFirst.map((p) => isOverdue(p.status, p.at, moments[0]))).toEqual(timed.flatMap(() => [true, false, false]));

    // listQueue and countQueue filter with the real clock: far from the cutoff the answer cannot flip mid-test.
    const FAR = token("RTF");
    const cutoff = overdueCutoff("UNDER_REVIEW", new Date())!;
    const late = await makeClaim({ status: "UNDER_REVIEW", statusChangedAt: new Date(cutoff.getTime() - 3_600_000), name: `${FAR} late` });
    await makeClaim({ status: "UNDER_REVIEW", statusChangedAt: new Date(cutoff.getTime() + 3_600_000), name: `${FAR} in time` });
    expect((await queue({ q: FAR, overdue: "1" })).rows.map((r) => r.id)).toEqual([late]);
    expect(await countQueue(db, queueQuerySchema.parse({ q: FAR, overdue: "1" }), reviewer.id)).toEqual({ count: 1, capped: false });
  });

  // A claim entering a status late on a Friday is due before one entering on the Saturday after it (whose
  // timer starts on Monday): the queue, the dashboard and the scheduled rejection agree with isOverdue there too.
  it("a start late on a Friday is not overdue for the queue before its due time", async () => {
    const WKD = token("RTW");
    const now = new Date("2026-03-13T12:00:00.000Z"); // Friday noon
    const friday = new Date("2026-03-06T23:59:00.000Z");
    const claimId = await makeClaim({ status: "SUBMITTED", statusChangedAt: friday, name: `${WKD} friday` });
    try {
      expect(isOverdue("SUBMITTED", friday, now)).toBe(false); // due 2026-03-13T23:59
      const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c.id FROM "Claim" c WHERE ${queueWhere(queueQuerySchema.parse({ overdue: "1", q: WKD }), reviewer.id, now)}`);
      expect(rows).toEqual([]);
    } finally {
      await db.claim.delete({ where: { id: claimId } });
    }
  });

  it("the scheduled rejection does not take a claim that entered late on a Friday before its due time", async () => {
    const now = new Date("2026-03-26T12:00:00.000Z"); // Thursday noon
    const friday = new Date("2026-03-06T23:59:00.000Z");
    const claimId = await makeClaim({ status: "PARTNER_ACTION_REQUIRED", statusChangedAt: friday });
    expect(isOverdue("PARTNER_ACTION_REQUIRED", friday, now)).toBe(false); // due 2026-03-26T23:59
    await expireUnansweredClaims(db, { now });
    expect((await claimOf(claimId)).status).toBe("PARTNER_ACTION_REQUIRED");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the queue", () => {
  const F = token("RTQ");
  const day = (iso: string) => new Date(iso);
  let ids: Record<string, string>;
  const tenant1 = randomUUID();

  beforeAll(async () => {
    const make = async (key: string, options: ClaimOptions) => [key, await makeClaim({ name: `${F} ${key}`, ...options })] as const;
    ids = Object.fromEntries([
      await make("alpha", { org: "test", status: "SUBMITTED", submittedAt: day("2021-01-04T10:00:00Z"), tenantId: tenant1 }),
      await make("bravo", { org: "contoso", status: "UNDER_REVIEW", subscriptionIds: [DEMO.subscriptions.northwindSales], submittedAt: day("2021-01-05T00:00:00Z"), customerResponse: "APPROVED", hasConflict: true, assignedToId: reviewer.id }),
      await make("charlie", { org: "test", status: "DISPUTE", submittedAt: day("2021-01-06T12:00:00Z"), customerResponse: "DECLINED", assignedToId: reviewer2.id }),
      await make("delta", { org: "contoso", status: "APPROVED", subscriptionIds: [], partnerRole: "USAGE_RECOGNITION", submittedAt: day("2021-01-07T23:59:59.999Z") }),
      await make("echo", { org: "test", status: "REJECTED", submittedAt: day("2021-01-08T08:00:00Z") }),
      await make("foxtrot", { org: "fabrikam", status: "PARTNER_ACTION_REQUIRED", submittedAt: day("2021-01-11T08:00:00Z"), hasConflict: true }),
      await make("golf", { org: "contoso", status: "REJECTED_FINAL", submittedAt: day("2021-01-12T08:00:00Z"), partnerId: partnerIds.contoso }),
      await make("draft", { org: "test", status: "DRAFT" }),
      await make("deleted", { org: "test", status: "SUBMITTED", submittedAt: day("2021-01-05T10:00:00Z"), deletedAt: new Date() }),
    ]);
  });

  const names = (...keys: string[]) => keys.map((k) => `${F} ${k}`).sort();

  it.each<[string, Record<string, string>, string[]]>([
    ["the default view: awaiting a decision", {}, ["alpha", "bravo", "charlie"]],
    ["view=awaiting", { view: "awaiting" }, ["alpha", "bravo", "charlie"]],
    ["all submitted claims (never drafts or deleted ones)", { view: "all" }, ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"]],
    ["one status: Approved", { view: "APPROVED" }, ["delta"]],
    ["one status: Partner action required", { view: "PARTNER_ACTION_REQUIRED" }, ["foxtrot"]],
    ["one status: Rejected final", { view: "REJECTED_FINAL" }, ["golf"]],
    ["a draft is never a view", { view: "DRAFT" }, ["alpha", "bravo", "charlie"]],
    ["solution area", { view: "all", area: "BUSINESS_APPLICATIONS" }, ["bravo", "delta"]],
    ["partner role", { view: "all", role: "USAGE_RECOGNITION" }, ["delta"]],
    ["partner role within the awaiting view", { role: "USE_OR_CONSUME" }, ["alpha", "charlie"]],
    ["customer response approved", { view: "all", response: "APPROVED" }, ["bravo"]],
    ["customer response declined", { view: "all", response: "DECLINED" }, ["charlie"]],
    ["no customer response", { view: "all", response: "NONE" }, ["alpha", "delta", "echo", "foxtrot", "golf"]],
    ["submitted from and to, both days whole", { view: "all", from: "2021-01-05", to: "2021-01-07" }, ["bravo", "charlie", "delta"]],
    ["submitted from", { view: "all", from: "2021-01-08" }, ["echo", "foxtrot", "golf"]],
    ["submitted to", { view: "all", to: "2021-01-04" }, ["alpha"]],
    ["a malformed date is ignored", { view: "all", from: "2021-13-45", to: "yesterday" }, ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"]],
    ["in conflict", { view: "all", conflict: "1" }, ["bravo", "foxtrot"]],
    ["assigned to me", { view: "all", assignee: "me" }, ["bravo"]],
    ["assigned to nobody", { view: "all", assignee: "none" }, ["alpha", "delta", "echo", "foxtrot", "golf"]],
    ["filters combine", { view: "all", area: "MODERN_WORK_SECURITY", assignee: "none", conflict: "1" }, ["foxtrot"]],
  ])("%s", async (_, query, expected) => {
    expect(await namesIn({ q: F, ...query })).toEqual(names(...expected));
    expect((await countQueue(db, queueQuerySchema.parse({ q: F, ...query }), reviewer.id)).count).toBe(expected.length);
  });

  it("assigned to me is the viewer's own", async () => {
    expect(await namesIn({ q: F, view: "all", assignee: "me" }, reviewer2)).toEqual(names("charlie"));
  });

  it("by organisation and by PartnerID (no search needed: the organisation is this run's)", async () => {
    expect(await namesIn({ view: "all", org: orgIds.test })).toEqual(names("alpha", "charlie", "echo"));
    expect(await namesIn({ view: "all", partner: TEST_PARTNER_ID })).toEqual(names("alpha", "charlie", "echo"));
    expect(await namesIn({ org: orgIds.test })).toEqual(names("alpha", "charlie"));
    // Another organisation's PartnerID with this organisation: nothing.
    expect(await namesIn({ view: "all", org: orgIds.test, partner: partnerIds.fabrikam })).toEqual([]);
  });

  it("the search finds by name, tenant id, organisation name, PartnerID and claim id", async () => {
    expect(await namesIn({ view: "all", q: `${F} ech` })).toEqual(names("echo"));
    expect(await namesIn({ view: "all", q: `${F} ECHO`.toLowerCase() })).toEqual(names("echo"));
    expect(await namesIn({ view: "all", q: tenant1.toUpperCase() })).toEqual(names("alpha"));
    expect(await namesIn({ view: "all", q: TEST_ORG })).toEqual(names("alpha", "charlie", "echo"));
    expect(await namesIn({ view: "all", q: TEST_ORG.slice(0, 8).toUpperCase() })).toEqual(names("alpha", "charlie", "echo"));
    expect(await namesIn({ view: "all", q: TEST_PARTNER_ID })).toEqual(names("alpha", "charlie", "echo"));
    expect(await namesIn({ view: "all", q: ids.foxtrot })).toEqual(names("foxtrot"));
    // LIKE's wildcards are searched for literally.
    expect(await namesIn({ view: "all", org: orgIds.test, q: "%" })).toEqual([]);
    expect(await namesIn({ view: "all", org: orgIds.test, q: "_" })).toEqual([]);
  });

  it("keyset pages: walking next visits every claim once in order, previous goes back, in both sorts and directions", async () => {
    const P = token("RTP");
    const base = Date.parse("2022-02-01T10:00:00.000Z");
    // Ties on the sort value across page boundaries: the id breaks them.
    const submittedOffsets = [0, 0, 1, 2, 2, 2, 3, 4, 4, 5];
    const ageOffsets = [9, 3, 3, 3, 0, 7, 1, 1, 8, 2];
    const statuses: ClaimStatus[] = ["SUBMITTED", "UNDER_REVIEW", "DISPUTE"];
    const claims: { id: string; submittedAt: Date; statusChangedAt: Date }[] = [];
    for (const [i, offset] of submittedOffsets.entries()) {
      const submittedAt = new Date(base + offset * 3_600_000);
      const statusChangedAt = new Date(base + ageOffsets[i] * 3_600_000);
      const id = await makeClaim({ status: statuses[i % 3], submittedAt, statusChangedAt, name: `${P} ${i}` });
      claims.push({ id, submittedAt, statusChangedAt });
    }
    for (const sort of ["submitted", "age"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const at = (c: (typeof claims)[number]) => (sort === "age" ? c.statusChangedAt : c.submittedAt).getTime();
        const ascending = [...claims].sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => c.id);
        const expected = dir === "asc" ? ascending : ascending.reverse();
        const filters = { q: P, sort, dir };
        const pages: { rows: string[]; next?: string; previous?: string }[] = [];
        let after: string | undefined;
        do {
          const page = await queue({ ...filters, ...(after ? { after } : {}) }, reviewer, 3);
          pages.push({ rows: page.rows.map((r) => r.id), next: page.next, previous: page.previous });
          after = page.next;
        } while (after && pages.length < 10);
        expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 3, 1]);
        expect(pages.flatMap((p) => p.rows)).toEqual(expected);
        expect(pages[0].previous).toBeUndefined();
        expect(pages.at(-1)!.next).toBeUndefined();
        for (let k = 1; k < pages.length; k += 1) {
          const back = await queue({ ...filters, before: pages[k].previous! }, reviewer, 3);
          expect([sort, dir, k, back.rows.map((r) => r.id)]).toEqual([sort, dir, k, pages[k - 1].rows]);
          // From the page before, next leads forward again (and, on the first page, there is no previous).
          expect(back.next).toBeDefined();
          expect(Boolean(back.previous)).toBe(k > 1);
          expect((await queue({ ...filters, after: back.next! }, reviewer, 3)).rows.map((r) => r.id)).toEqual(pages[k].rows);
        }
      }
    }

    // A malformed cursor is ignored: the first page.
    const first = (await queue({ q: P }, reviewer, 3)).rows.map((r) => r.id);
    const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const bad of ["garbage", "%%%", json(["not a date", "x"]), json({}), json([1, 2]), json(["2022-02-01T10:00:00.000Z", "x".repeat(65)]), "A".repeat(201)]) {
      expect((await queue({ q: P, after: bad }, reviewer, 3)).rows.map((r) => r.id)).toEqual(first);
      expect((await queue({ q: P, before: bad }, reviewer, 3)).rows.map((r) => r.id)).toEqual(first);
    }
    // A well-formed cursor past the end: an empty page, no next.
    const end = await queue({ q: P, after: encodeCursor({ at: new Date("2100-01-01T00:00:00Z"), id: "z" }) }, reviewer, 3);
    expect([end.rows, end.next]).toEqual([[], undefined]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("CSV export", () => {
  it("streams the header and one line per claim across pages, with formulas neutralised and commas and quotes quoted", async () => {
    const C = token("RTC");
    const now = new Date();
    const specs = [
      { name: `=HYPERLINK("http://x.example") ${C}`, expect: `'=HYPERLINK("http://x.example") ${C}` },
      { name: `+${C} plus`, expect: `'+${C} plus` },
      { name: `-${C} minus`, expect: `'-${C} minus` },
      { name: `@${C} at`, expect: `'@${C} at` },
      { name: `${C} "Quoted", Inc.`, expect: `${C} "Quoted", Inc.` },
      { name: `${C} plain`, expect: `${C} plain` },
      { name: `${C} line\nbreak`, expect: `${C} line\nbreak` },
      // Split on the semicolon (a spreadsheet's separator in many locales), no part may be a formula either.
      { name: `${C};=1+1;@SUM(1+1);-2+3`, expect: `${C};'=1+1;'@SUM(1+1);'-2+3` },
    ];
    const created: string[] = [];
    for (const [i, spec] of specs.entries()) {
      const submittedAt = new Date(Date.parse("2023-03-01T09:00:00.000Z") + i * 60_000);
      created.push(await makeClaim({ org: i === 0 ? "test" : "contoso", status: "SUBMITTED", name: spec.name, submittedAt, statusChangedAt: submittedAt, assignedToId: i === 1 ? reviewer2.id : null, hasConflict: i === 2 }));
    }
    await makeClaim({ status: "DRAFT", name: `${C} draft` });

    const bytes = new Uint8Array(await new Response(queueCsv(queueQuerySchema.parse({ q: C }), reviewer.id, { pageSize: 2, now })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, for spreadsheets
    const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes.slice(3));
    expect(text.startsWith("claimId,claimName,organization,partnerId,tenantId,solutionArea,partnerRole,status,customerResponse,submittedAt,statusChangedAt,businessDaysInStatus,dueAt,overdue,hasConflict,assignedTo\r\n")).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(specs.length + 1);
    const header = rows[0];
    const field = (row: string[], column: string) => row[header.indexOf(column)];
    const body = rows.slice(1);
    expect(body.map((r) => field(r, "claimId"))).toEqual(created);
    expect(body.map((r) => field(r, "claimName"))).toEqual(specs.map((s) => s.expect));
    expect(body.every((r) => r.length === header.length)).toBe(true);
    // The organisation's name has a comma: quoted on the line, whole once parsed.
    expect(field(body[0], "organization")).toBe(TEST_ORG);
    expect(text).toContain(`,"${TEST_ORG}",`);
    expect(text).toContain(`"${C} ""Quoted"", Inc."`);
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"") ${C}"`);
    const submittedAt = new Date(Date.parse("2023-03-01T09:00:00.000Z"));
    expect([field(body[0], "status"), field(body[0], "submittedAt"), field(body[0], "dueAt"), field(body[0], "overdue")]).toEqual([
      "SUBMITTED",
      submittedAt.toISOString(),
      dueAt("SUBMITTED", submittedAt)!.toISOString(),
      "yes",
    ]);
    expect(field(body[1], "assignedTo")).toBe(nameOf(reviewer2));
    expect(field(body[2], "hasConflict")).toBe("yes");
    expect(field(body[3], "hasConflict")).toBe("no");
  });
});

/** RFC 4180 CSV (quoted fields with doubled quotes and line breaks), CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else fieldText += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(fieldText);
      fieldText = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = "";
      i += 1;
    } else fieldText += ch;
  }
  if (fieldText !== "" || row.length > 0) rows.push([...row, fieldText]);
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------

describe("beside the claim: competitors and reference checks", () => {
  it("competitorsOf lists other submitted claims on the same tenant and items, marking the same organisation's", async () => {
    const tenantId = randomUUID();
    const t = (hours: number) => new Date(Date.parse("2024-05-06T08:00:00.000Z") + hours * 3_600_000);
    const mine = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"], submittedAt: t(5) });
    const fabrikam = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-teams", "mws-exchange-online"], status: "SUBMITTED", submittedAt: t(1) });
    const ownApproved = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-intune"], submittedAt: t(2) });
    signInAs(reviewer.id);
    expect(await decideClaimAction(ownApproved, { action: "approve" })).toEqual({ ok: true });
    const rejected = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"], status: "REJECTED", submittedAt: t(3) });
    await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-teams"], status: "DRAFT" });
    await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-teams"], status: "SUBMITTED", deletedAt: new Date() });
    await makeClaim({ org: "fabrikam", workloadIds: ["mws-microsoft-teams"], status: "SUBMITTED" }); // another tenant
    const exchangeOnly = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-exchange-online"], status: "SUBMITTED", submittedAt: t(6) }); // nothing shared with mine

    const competitors = await competitorsOf(mine);
    expect(competitors.map((c) => [c.claimId, c.organizationName, c.sameOrganization, c.status, c.items, c.associatedSince !== null])).toEqual([
      [fabrikam, "Fabrikam", false, "SUBMITTED", ["Microsoft Teams"], false],
      [ownApproved, "Contoso", true, "APPROVED", ["Microsoft Intune"], true],
      [rejected, "Fabrikam", false, "REJECTED", ["Microsoft Intune", "Microsoft Teams"], false],
    ]);
    expect(competitors[0]).toMatchObject({ partnerId: partnerIds.fabrikam, submittedAt: t(1) });
    // Seen from Fabrikam's claim: never itself; its own organisation's claim on Exchange Online is marked.
    expect((await competitorsOf(fabrikam)).map((c) => [c.claimId, c.sameOrganization, c.items])).toEqual([
      [rejected, true, ["Microsoft Teams"]],
      [mine, false, ["Microsoft Teams"]],
      [exchangeOnly, true, ["Exchange Online"]],
    ]);
  });

  it("competitorsOf matches Business Applications claims by subscription, not by product", async () => {
    // A second Dynamics 365 Sales subscription of Northwind: a claim on it does not compete with one on the first.
    const secondSales = randomUUID();
    await db.subscription.create({ data: { id: secondSales, tenantId: DEMO.tenants.northwind, workloadId: "ba-dynamics-365-sales", channel: "VOLUME_LICENSING", endsAt: new Date(Date.now() + 300 * 86_400_000) } });
    try {
      const contoso = await makeClaim({ org: "contoso", subscriptionIds: [DEMO.subscriptions.northwindSales, DEMO.subscriptions.northwindPowerApps] });
      const samePowerApps = await makeClaim({ org: "fabrikam", subscriptionIds: [DEMO.subscriptions.northwindPowerApps] });
      const otherSales = await makeClaim({ org: "fabrikam", subscriptionIds: [secondSales] });
      const competitors = await competitorsOf(contoso);
      const mine = (c: { claimId: string }) => [samePowerApps, otherSales].includes(c.claimId);
      expect(competitors.filter(mine).map((c) => [c.claimId, c.items, c.sameOrganization])).toEqual([[samePowerApps, [DEMO.subscriptions.northwindPowerApps], false]]);
      expect(await competitorsOf(otherSales)).toEqual([]);
      // The queue's conflict flag follows the same rule: by subscription, not by product.
      expect(await db.$transaction((tx) => flagConflicts(tx, otherSales))).toEqual({ ownDuplicate: false, hasConflict: false });
      expect(await db.$transaction((tx) => flagConflicts(tx, samePowerApps))).toEqual({ ownDuplicate: false, hasConflict: true });
      const flags = await db.claim.findMany({ where: { id: { in: [contoso, samePowerApps, otherSales] } }, select: { id: true, hasConflict: true } });
      expect(Object.fromEntries(flags.map((f) => [f.id, f.hasConflict]))).toEqual({ [contoso]: true, [samePowerApps]: true, [otherSales]: false });
    } finally {
      await db.claim.deleteMany({ where: { subscriptions: { some: { subscriptionId: secondSales } } } });
      await db.subscription.delete({ where: { id: secondSales } });
    }
  });

  it("referenceChecks flags an unknown tenant, another organisation's PartnerID, a CSP, an ended and another tenant's subscription", async () => {
    const now = new Date();
    const checksOf = async (claimId: string) => {
      const claim = await findReviewClaim(claimId);
      expect(claim).not.toBeNull();
      return Object.fromEntries((await referenceChecks(claim!, now)).map((c) => [c.check, { ok: c.ok, detail: c.detail ?? [] }]));
    };
    const clean = await makeClaim({ org: "contoso", subscriptionIds: [DEMO.subscriptions.northwindSales, DEMO.subscriptions.northwindPowerApps] });
    expect(await checksOf(clean)).toEqual({
      tenantExists: { ok: true, detail: [] },
      partnerIdOfOrganization: { ok: true, detail: [partnerIds.contoso] },
      subscriptionsOfTenant: { ok: true, detail: [] },
      subscriptionChannels: { ok: true, detail: [] },
      subscriptionsCurrent: { ok: true, detail: [] },
    });

    const csp = await makeClaim({ org: "contoso", subscriptionIds: [DEMO.subscriptions.northwindSales, DEMO.subscriptions.northwindCustomerServiceCsp] });
    expect(await checksOf(csp)).toMatchObject({ subscriptionChannels: { ok: false, detail: [DEMO.subscriptions.northwindCustomerServiceCsp] }, subscriptionsCurrent: { ok: true } });

    const ended = await makeClaim({ org: "contoso", tenantId: DEMO.tenants.tailspin, subscriptionIds: [DEMO.subscriptions.tailspinBusinessCentralExpired] });
    expect(await checksOf(ended)).toMatchObject({ tenantExists: { ok: true }, subscriptionsOfTenant: { ok: true }, subscriptionsCurrent: { ok: false, detail: [DEMO.subscriptions.tailspinBusinessCentralExpired] } });

    const elsewhere = await makeClaim({ org: "contoso", tenantId: DEMO.tenants.tailspin, subscriptionIds: [DEMO.subscriptions.northwindSales] });
    expect(await checksOf(elsewhere)).toMatchObject({ subscriptionsOfTenant: { ok: false, detail: [DEMO.subscriptions.northwindSales] } });

    const borrowed = await makeClaim({ org: "contoso", partnerId: partnerIds.fabrikam });
    expect(await checksOf(borrowed)).toEqual({ tenantExists: { ok: false, detail: [] }, partnerIdOfOrganization: { ok: false, detail: [partnerIds.fabrikam] } });

    const known = await makeClaim({ org: "fabrikam", tenantId: DEMO.tenants.northwind });
    expect(await checksOf(known)).toEqual({ tenantExists: { ok: true, detail: [] }, partnerIdOfOrganization: { ok: true, detail: [partnerIds.fabrikam] } });
  });

  it("findReviewClaim finds any organisation's submitted claim, never a draft or a deleted one", async () => {
    const submitted = await makeClaim({ org: "fabrikam", status: "SUBMITTED" });
    const draft = await makeClaim({ org: "fabrikam", status: "DRAFT" });
    const deleted = await makeClaim({ org: "fabrikam", status: "SUBMITTED", deletedAt: new Date() });
    expect((await findReviewClaim(submitted))?.organization.name).toBe("Fabrikam");
    expect(await findReviewClaim(draft)).toBeNull();
    expect(await findReviewClaim(deleted)).toBeNull();
    expect(await findReviewClaim("no-such-claim")).toBeNull();
  });
});
