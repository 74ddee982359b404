// The claim lifecycle on the real database: every allowed transition moves the claim and writes its audit
// event (and the partner's notification, and the associations, where it should); refused ones change
// nothing; a stale status is refused; of concurrent transitions exactly one wins; one partner per tenant
// workload (Modern Work and Security) or subscription (Business Applications), sequentially and under
// concurrency; the customer's answer; the dispute (once, within its window); the partner's disassociation.
import { claimFactory } from "../support/factories";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerDeclinableStatuses, transitions, type Actor, type ActorKind, type TransitionRule } from "@/lib/claims/vocabulary";
import { addBusinessDays } from "@/lib/claims/business-days";
import { recordCustomerResponse, runTransition, transition, type TransitionInput } from "@/lib/claims/lifecycle";
import { END_NOTICE_DAYS, endExpiredAssociations, noticeEndingAssociations } from "@/lib/claims/associations";
import { renderOutboxMessage } from "@/lib/notify/render";
import { db } from "@/lib/db";
import type { ClaimStatus, PartnerRole } from "@/lib/generated/prisma/enums";
import { messageKinds, payloadSchemas } from "@/lib/notify/messages";
import { DEMO } from "@/lib/reference/demo-data";

const { northwind } = DEMO.tenants;
const subs = DEMO.subscriptions;
const REQUEST = { ip: "203.0.113.9", userAgent: "Vitest lifecycle/1.0" };
const CUSTOMER_EMAIL = "nancy@northwind.example";

/**
 * Whether the database can run two transactions at once. The embedded PGlite server has one connection, so
 * concurrent transactions queue there and the application's checks answer before any constraint could; the
 * tests of the constraints then run them alone (`blindToHolders`, `staleRead`), and the true races only here.
 */
const concurrentSessions = Number(process.env.DATABASE_POOL_MAX ?? 10) > 1;
console.info(`lifecycle concurrency: ${concurrentSessions ? "true races between sessions" : "one session (embedded server): constraints tested alone, true races skipped"}`);

type Tx = Parameters<typeof transition>[0];
/** A transaction whose association check sees no holder, as if it had run before another approval committed. */
function blindToHolders(tx: Tx): Tx {
  const association = new Proxy(tx.association, { get: (target, key) => (key === "findMany" ? async () => [] : Reflect.get(target, key)) });
  return new Proxy(tx, { get: (target, key) => (key === "association" ? association : Reflect.get(target, key)) });
}
/** A transaction whose read of the claim returns `status`, as if it had read before another transition committed. */
function staleRead(tx: Tx, status: ClaimStatus): Tx {
  const claim = new Proxy(tx.claim, {
    get: (target, key) =>
      key === "findFirst" ? async (args: Parameters<typeof target.findFirst>[0]) => ({ ...(await target.findFirst(args)), status }) : Reflect.get(target, key),
  });
  return new Proxy(tx, { get: (target, key) => (key === "claim" ? claim : Reflect.get(target, key)) });
}

type Org = "contoso" | "fabrikam";
let orgIds: Record<Org, string>;
let adminIds: Record<Org, string>;
let partnerIds: Record<Org, string>;
let reviewerId: string;
const createdClaimIds: string[] = [];
const claims = claimFactory(db, { prefix: "Lifecycle" });

beforeAll(async () => {
  const org = (name: string) => db.organization.findUniqueOrThrow({ where: { name }, include: { locations: { orderBy: { partnerId: "asc" } } } });
  const [contoso, fabrikam] = [await org("Contoso"), await org("Fabrikam")];
  orgIds = { contoso: contoso.id, fabrikam: fabrikam.id };
  partnerIds = { contoso: contoso.locations[0].partnerId, fabrikam: fabrikam.locations[0].partnerId };
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } }).then((u) => u.id);
  adminIds = { contoso: await user(DEMO.users.contosoAdmin), fabrikam: await user(DEMO.users.fabrikamAdmin) };
  reviewerId = await user(DEMO.users.reviewer);
});

// Leave the database as the seed made it: the claims, and by cascade their events, associations and outbox rows.
afterAll(async () => {
  await db.claim.deleteMany({ where: { id: { in: createdClaimIds } } });
  await db.$disconnect();
});

// ---------------------------------------------------------------------------------------------------------------
// Claims made directly in the status a test needs

type ClaimOptions = {
  org?: Org;
  status?: ClaimStatus;
  statusChangedAt?: Date | null;
  /** Modern Work and Security (the default): a random tenant unless given, and these workloads. */
  tenantId?: string;
  workloadIds?: string[];
  /** Business Applications: these subscriptions of Northwind (and their products as the workloads). */
  subscriptionIds?: string[];
  /** Business Applications: the engagement (default Build intent - Advisor). */
  partnerRole?: PartnerRole;
  /** The date of the customer's acknowledgement on the PoE (no PoE details unless given). */
  poeAcknowledgedOn?: Date;
};

async function makeClaim({ org = "contoso", status = "UNDER_REVIEW", statusChangedAt = new Date(), tenantId, workloadIds = ["mws-microsoft-teams", "mws-microsoft-intune"], subscriptionIds, partnerRole, poeAcknowledgedOn }: ClaimOptions = {}) {
  const id = await claims.makeClaim({
    organizationId: orgIds[org],
    partnerId: partnerIds[org],
    createdById: adminIds[org],
    status,
    statusChangedAt,
    submittedAt: status === "DRAFT" ? null : new Date(),
    tenantId,
    workloadIds,
    subscriptionIds,
    partnerRole,
    poeAcknowledgedOn,
    customerEmail: CUSTOMER_EMAIL,
    partnerContactEmail: `pat@${org}.example`,
  });
  createdClaimIds.push(id);
  return id;
}

const partner = (org: Org = "contoso"): Actor => ({ kind: "partner", userId: adminIds[org] });
const reviewer = (): Actor => ({ kind: "reviewer", userId: reviewerId });
const customer = (): Actor => ({ kind: "customer", email: CUSTOMER_EMAIL });
const system = (): Actor => ({ kind: "system" });
const actorOf = (kind: ActorKind): Actor => ({ partner: partner(), reviewer: reviewer(), customer: customer(), system: system() })[kind];

/** A transition in its own transaction (partners act for their own organisation unless told otherwise). */
function move(claimId: string, from: TransitionInput["from"], to: ClaimStatus, actor: Actor, extra: Partial<TransitionInput> = {}) {
  const organizationId = actor.kind === "partner" ? orgIds[actor.userId === adminIds.fabrikam ? "fabrikam" : "contoso"] : undefined;
  return runTransition(db, { claimId, from, to, actor, organizationId, ...REQUEST, ...extra });
}

const approve = (claimId: string) => move(claimId, "UNDER_REVIEW", "APPROVED", reviewer());

/** An Approved claim, approved the real way (so it holds its associations). */
async function approvedClaim(options: ClaimOptions = {}) {
  const claimId = await makeClaim({ ...options, status: "UNDER_REVIEW" });
  expect(await approve(claimId)).toEqual({ ok: true, from: "UNDER_REVIEW" });
  return claimId;
}

/** Everything a transition may touch, to compare before and after. */
async function snapshot(claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { status: true, statusChangedAt: true, statusReasonCode: true, statusReasonText: true, customerResponse: true, customerRespondedAt: true, submittedAt: true, updatedAt: true },
  });
  return {
    claim,
    events: await db.claimEvent.findMany({ where: { claimId }, orderBy: { id: "asc" } }),
    outbox: await db.outboxMessage.findMany({ where: { claimId }, orderBy: { id: "asc" } }),
    associations: await db.association.findMany({ where: { claimId }, orderBy: { id: "asc" } }),
  };
}

const statusEvents = (claimId: string) => db.claimEvent.findMany({ where: { claimId, action: "statusChanged" }, orderBy: { at: "asc" } });
const decisions = (claimId: string) => db.outboxMessage.findMany({ where: { claimId, kind: messageKinds.partnerDecision } });
const statusOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).status;
const activeAssociations = (where: { tenantId?: string; workloadId?: string; subscriptionId?: string; claimId?: string }) => db.association.findMany({ where: { ...where, endedAt: null } });

// ---------------------------------------------------------------------------------------------------------------

describe("allowed transitions", () => {
  const cases = transitions.flatMap((rule) => rule.by.map((by) => [`${rule.from} → ${rule.to} by ${by} (${rule.action})`, rule, by] as const));

  const reasonFor = (rule: TransitionRule): { reasonCode?: string; reasonText?: string } => {
    switch (rule.reason) {
      case "none":
        return {};
      case "rejection":
        return { reasonCode: rule.reasonCode ?? "INSUFFICIENT_POE", reasonText: "  The PoE does not show the deployment.  " };
      case "partnerAction":
        return { reasonCode: "POE_MISSING", reasonText: "Please upload the signed statement of work." };
      case "required-text":
        return { reasonText: "The customer asked us to end the engagement." };
    }
  };

  it.each(cases)("%s moves the claim and records it", async (_, rule, by) => {
    const claimId = rule.from === "APPROVED" ? await approvedClaim() : await makeClaim({ status: rule.from, statusChangedAt: new Date(Date.now() - 60_000) });
    const before = await snapshot(claimId);
    const startedAt = new Date();
    const actor = actorOf(by);
    const reason = reasonFor(rule);

    expect(await move(claimId, rule.from, rule.to, actor, reason)).toEqual({ ok: true, from: rule.from });

    const after = await snapshot(claimId);
    const code = reason.reasonCode ?? rule.reasonCode ?? null;
    const text = reason.reasonText?.trim() ?? null;
    expect(after.claim).toMatchObject({ status: rule.to, statusReasonCode: code, statusReasonText: text });
    expect(after.claim.statusChangedAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    if (rule.to === "SUBMITTED") expect(after.claim.submittedAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());

    const newEvents = after.events.filter((e) => !before.events.some((b) => b.id === e.id));
    expect(newEvents).toEqual([
      expect.objectContaining({
        action: "statusChanged",
        fromStatus: rule.from,
        toStatus: rule.to,
        reasonCode: code,
        note: text,
        actorUserId: by === "partner" ? adminIds.contoso : by === "reviewer" ? reviewerId : null,
        ...REQUEST,
      }),
    ]);

    const newOutbox = after.outbox.filter((m) => !before.outbox.some((b) => b.id === m.id));
    if (rule.notifiesPartner) {
      expect(newOutbox).toEqual([
        expect.objectContaining({ kind: messageKinds.partnerDecision, dedupeKey: `partner-decision:${claimId}:${newEvents[0].id}`, status: "PENDING" }),
      ]);
      const payload = payloadSchemas[messageKinds.partnerDecision].parse(newOutbox[0].payload);
      expect(payload).toEqual({ claimId, status: rule.to, ...(code ? { reasonCode: code } : {}), ...(text ? { reasonText: text } : {}) });
    } else {
      expect(newOutbox).toEqual([]);
    }

    if (rule.to === "APPROVED") {
      expect(after.associations.map((a) => ({ workloadId: a.workloadId, subscriptionId: a.subscriptionId, endedAt: a.endedAt })).sort((a, b) => a.workloadId!.localeCompare(b.workloadId!))).toEqual([
        { workloadId: "mws-microsoft-intune", subscriptionId: null, endedAt: null },
        { workloadId: "mws-microsoft-teams", subscriptionId: null, endedAt: null },
      ]);
    } else if (rule.from === "APPROVED") {
      expect(before.associations.filter((a) => a.endedAt === null)).toHaveLength(2);
      expect(after.associations).toHaveLength(2);
      for (const a of after.associations) expect(a).toMatchObject({ endedAt: after.claim.statusChangedAt, endReason: code });
    } else {
      expect(after.associations).toEqual([]);
    }
  });

  it("the whole way: Draft → Submitted → Under review → Partner action required → Under review → Rejected → Dispute → Approved → Rejected final", async () => {
    const claimId = await makeClaim({ status: "DRAFT", statusChangedAt: null });
    expect(await move(claimId, "DRAFT", "SUBMITTED", partner())).toMatchObject({ ok: true });
    expect(await move(claimId, "SUBMITTED", "UNDER_REVIEW", reviewer())).toMatchObject({ ok: true });
    expect(await move(claimId, "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", reviewer(), { reasonCode: "DATES_MISSING_OR_OLD", reasonText: "The acknowledgement is dated 2023." })).toMatchObject({ ok: true });
    expect(await move(claimId, "PARTNER_ACTION_REQUIRED", "UNDER_REVIEW", partner())).toMatchObject({ ok: true });
    expect(await move(claimId, "UNDER_REVIEW", "REJECTED", reviewer(), { reasonCode: "CUSTOMER_CONSENT_MISSING" })).toMatchObject({ ok: true });
    expect(await move(claimId, "REJECTED", "DISPUTE", partner(), { reasonText: "The customer's consent is on page 2 of the new PoE." })).toMatchObject({ ok: true });
    expect(await move(claimId, "DISPUTE", "APPROVED", reviewer())).toMatchObject({ ok: true });
    expect(await activeAssociations({ claimId })).toHaveLength(2);
    expect(await move(claimId, "APPROVED", "REJECTED_FINAL", partner(), { reasonText: "Engagement ended." })).toMatchObject({ ok: true });
    expect(await activeAssociations({ claimId })).toHaveLength(0);

    const events = await statusEvents(claimId);
    expect(events.map((e) => `${e.fromStatus}>${e.toStatus}`)).toEqual([
      "DRAFT>SUBMITTED",
      "SUBMITTED>UNDER_REVIEW",
      "UNDER_REVIEW>PARTNER_ACTION_REQUIRED",
      "PARTNER_ACTION_REQUIRED>UNDER_REVIEW",
      "UNDER_REVIEW>REJECTED",
      "REJECTED>DISPUTE",
      "DISPUTE>APPROVED",
      "APPROVED>REJECTED_FINAL",
    ]);
    // Reviewer decisions only: partner action required, rejected, approved.
    expect((await decisions(claimId)).map((m) => (m.payload as { status: string }).status).sort()).toEqual(["APPROVED", "PARTNER_ACTION_REQUIRED", "REJECTED"]);
  });

  it("records the submission under the caller's action name (the Submit claim flow's 'submitted')", async () => {
    const claimId = await makeClaim({ status: "DRAFT", statusChangedAt: null });
    expect(await move(claimId, "DRAFT", "SUBMITTED", partner(), { action: "submitted" })).toEqual({ ok: true, from: "DRAFT" });
    expect(await db.claimEvent.findMany({ where: { claimId } })).toEqual([
      expect.objectContaining({ action: "submitted", fromStatus: "DRAFT", toStatus: "SUBMITTED", actorUserId: adminIds.contoso, ...REQUEST }),
    ]);
  });

  it("accepts several expected statuses and moves from the current one", async () => {
    const claimId = await approvedClaim();
    expect(await move(claimId, customerDeclinableStatuses, "REJECTED", customer())).toEqual({ ok: true, from: "APPROVED" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ status: "REJECTED", statusReasonCode: "CUSTOMER_DECLINED" });
  });
});

describe("refused transitions change nothing", () => {
  const statuses: ClaimStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "APPROVED", "REJECTED", "DISPUTE", "REJECTED_FINAL"];
  const kinds: ActorKind[] = ["partner", "reviewer", "customer", "system"];

  it.each(statuses)("from %s, every transition outside the table is notAllowed", async (from) => {
    const claimId = await makeClaim({ status: from });
    const before = await snapshot(claimId);
    for (const to of statuses) {
      for (const kind of kinds) {
        if (transitions.some((rule) => rule.from === from && rule.to === to && rule.by.includes(kind))) continue;
        for (const reason of [{}, { reasonCode: "INSUFFICIENT_POE", reasonText: "x" }, { reasonCode: "POE_MISSING", reasonText: "x" }]) {
          expect(await move(claimId, from, to, actorOf(kind), reason)).toEqual({ ok: false, problem: "notAllowed" });
        }
      }
    }
    expect(await snapshot(claimId)).toEqual(before);
  });

  const refusals: [label: string, status: ClaimStatus, to: ClaimStatus, actor: () => Actor, extra: Partial<TransitionInput>, problem: string][] = [
    ["another organisation's partner", "DRAFT", "SUBMITTED", () => partner("fabrikam"), {}, "notAllowed"],
    ["a partner acting for another organisation", "PARTNER_ACTION_REQUIRED", "UNDER_REVIEW", () => partner(), { organizationId: "not-contoso" }, "notAllowed"],
    ["a partner without an organisation", "APPROVED", "REJECTED_FINAL", () => partner(), { organizationId: undefined, reasonText: "x" }, "notAllowed"],
    ["a rejection without a reason code", "UNDER_REVIEW", "REJECTED", reviewer, { reasonText: "No." }, "reasonRequired"],
    ["a rejection with a partner-action code", "UNDER_REVIEW", "REJECTED", reviewer, { reasonCode: "POE_MISSING" }, "reasonRequired"],
    ["a rejection with an unknown code", "UNDER_REVIEW", "REJECTED", reviewer, { reasonCode: "BECAUSE" }, "reasonRequired"],
    ["a final rejection without a code", "DISPUTE", "REJECTED_FINAL", reviewer, {}, "reasonRequired"],
    ["partner action required without the question", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", reviewer, { reasonCode: "POE_MISSING", reasonText: "   " }, "reasonRequired"],
    ["partner action required with a rejection code", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", reviewer, { reasonCode: "INSUFFICIENT_POE", reasonText: "?" }, "reasonRequired"],
    ["an approval with a reason code", "UNDER_REVIEW", "APPROVED", reviewer, { reasonCode: "INSUFFICIENT_POE" }, "reasonRequired"],
    ["a dispute without an explanation", "REJECTED", "DISPUTE", () => partner(), {}, "reasonRequired"],
    ["a dispute with a reason code", "REJECTED", "DISPUTE", () => partner(), { reasonCode: "INSUFFICIENT_POE", reasonText: "x" }, "reasonRequired"],
    ["a disassociation without a reason", "APPROVED", "REJECTED_FINAL", () => partner(), { reasonText: "" }, "reasonRequired"],
    ["a disassociation with another code", "APPROVED", "REJECTED_FINAL", () => partner(), { reasonCode: "INSUFFICIENT_POE", reasonText: "x" }, "reasonRequired"],
    ["a customer decline with another code", "UNDER_REVIEW", "REJECTED", customer, { reasonCode: "INSUFFICIENT_POE" }, "reasonRequired"],
    ["the no-response expiry with another code", "PARTNER_ACTION_REQUIRED", "REJECTED", system, { reasonCode: "INSUFFICIENT_POE" }, "reasonRequired"],
  ];

  it.each(refusals)("%s is refused", async (_, status, to, actor, extra, problem) => {
    const claimId = status === "APPROVED" ? await approvedClaim() : await makeClaim({ status });
    const before = await snapshot(claimId);
    expect(await move(claimId, status, to, actor(), extra)).toEqual({ ok: false, problem });
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("a deleted or unknown claim is notAllowed", async () => {
    const claimId = await makeClaim({ status: "SUBMITTED" });
    await db.claim.update({ where: { id: claimId }, data: { deletedAt: new Date() } });
    const before = await snapshot(claimId);
    expect(await move(claimId, "SUBMITTED", "UNDER_REVIEW", reviewer())).toEqual({ ok: false, problem: "notAllowed" });
    expect(await snapshot(claimId)).toEqual(before);
    expect(await move("no-such-claim", "SUBMITTED", "UNDER_REVIEW", reviewer())).toEqual({ ok: false, problem: "notAllowed" });
  });

  it("a stale `from` is refused with no event", async () => {
    const claimId = await makeClaim({ status: "UNDER_REVIEW" });
    const before = await snapshot(claimId);
    expect(await move(claimId, "SUBMITTED", "UNDER_REVIEW", reviewer())).toEqual({ ok: false, problem: "stale" });
    expect(await move(claimId, "PARTNER_ACTION_REQUIRED", "UNDER_REVIEW", partner())).toEqual({ ok: false, problem: "stale" });
    expect(await move(claimId, ["SUBMITTED", "APPROVED", "DISPUTE"], "REJECTED", customer())).toEqual({ ok: false, problem: "stale" });
    expect(await snapshot(claimId)).toEqual(before);
  });
});

describe(`concurrency (${concurrentSessions ? "true races" : "queued on one session"})`, () => {
  it("past the read (the conditional update alone): a transition that read a status another one has since changed writes nothing", async () => {
    const claimId = await makeClaim({ status: "UNDER_REVIEW" });
    expect(await approve(claimId)).toMatchObject({ ok: true });
    const before = await snapshot(claimId);
    const late = await db.$transaction((tx) =>
      transition(staleRead(tx, "UNDER_REVIEW"), { claimId, from: "UNDER_REVIEW", to: "REJECTED", actor: reviewer(), reasonCode: "INSUFFICIENT_POE", reasonText: "Late." }),
    );
    expect(late).toEqual({ ok: false, problem: "stale" });
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("of two concurrent transitions from the same status exactly one wins", async () => {
    for (let round = 0; round < 5; round += 1) {
      const claimId = await makeClaim({ status: "UNDER_REVIEW" });
      const results = await Promise.all([
        approve(claimId),
        move(claimId, "UNDER_REVIEW", "REJECTED", reviewer(), { reasonCode: "INSUFFICIENT_POE" }),
        move(claimId, "UNDER_REVIEW", "REJECTED", customer()),
        move(claimId, "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", reviewer(), { reasonCode: "POE_MISSING", reasonText: "?" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([
        { ok: false, problem: "stale" },
        { ok: false, problem: "stale" },
        { ok: false, problem: "stale" },
      ]);
      const events = await statusEvents(claimId);
      expect(events).toHaveLength(1);
      expect(await statusOf(claimId)).toBe(events[0].toStatus);
      expect((await activeAssociations({ claimId })).length).toBe(events[0].toStatus === "APPROVED" ? 2 : 0);
    }
  });

  it("two identical concurrent transitions write one event", async () => {
    const claimId = await makeClaim({ status: "SUBMITTED" });
    const results = await Promise.all([1, 2, 3].map(() => move(claimId, "SUBMITTED", "UNDER_REVIEW", reviewer())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await statusEvents(claimId)).toHaveLength(1);
  });
});

describe("one partner per tenant workload or subscription", () => {
  /** The loser of a conflict: still Under review, with nothing written. */
  async function expectUntouched(claimId: string, before: Awaited<ReturnType<typeof snapshot>>) {
    expect(await snapshot(claimId)).toEqual(before);
    expect(before.claim.status).toBe("UNDER_REVIEW");
  }

  it("Modern Work and Security, sequentially: the second approval of the same tenant workload fails", async () => {
    const tenantId = randomUUID();
    const first = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"] });
    const second = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-teams"] });
    const other = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-exchange-online"] });
    const elsewhere = await makeClaim({ org: "fabrikam", workloadIds: ["mws-microsoft-teams"] });

    expect(await approve(first)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    const before = await snapshot(second);
    expect(await approve(second)).toEqual({ ok: false, problem: "associationConflict" });
    await expectUntouched(second, before);
    expect((await activeAssociations({ tenantId, workloadId: "mws-microsoft-teams" })).map((a) => a.claimId)).toEqual([first]);

    // Another workload of the tenant, or the same workload of another tenant, is free.
    expect(await approve(other)).toMatchObject({ ok: true });
    expect(await approve(elsewhere)).toMatchObject({ ok: true });

    // Once the holder disassociates, the other partner can be approved.
    expect(await move(first, "APPROVED", "REJECTED_FINAL", partner("contoso"), { reasonText: "Contract ended." })).toMatchObject({ ok: true });
    expect(await approve(second)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    expect((await activeAssociations({ tenantId, workloadId: "mws-microsoft-teams" })).map((a) => a.claimId)).toEqual([second]);
  });

  it("Modern Work and Security, concurrently: exactly one approval wins", async () => {
    for (let round = 0; round < 3; round += 1) {
      const tenantId = randomUUID();
      const a = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-teams", "mws-onedrive"] });
      const b = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-onedrive"] });
      const before = { [a]: await snapshot(a), [b]: await snapshot(b) };
      const results = await Promise.all([approve(a), approve(b)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: "associationConflict" }]);
      const loser = results[0].ok ? b : a;
      const winner = results[0].ok ? a : b;
      await expectUntouched(loser, before[loser]);
      expect((await activeAssociations({ tenantId, workloadId: "mws-onedrive" })).map((x) => x.claimId)).toEqual([winner]);
    }
  });

  it("Modern Work and Security, past the check (the constraint alone): the unique index refuses the later approval and its transaction rolls back", async () => {
    const tenantId = randomUUID();
    const a = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-purview"] });
    const b = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-purview"] });
    const beforeB = await snapshot(b);
    expect(await approve(a)).toEqual({ ok: true, from: "UNDER_REVIEW" });

    // B's transaction as if its check had run before A committed: the check sees no holder, so only the index can refuse.
    const second = await db.$transaction((tx) => transition(blindToHolders(tx), { claimId: b, from: "UNDER_REVIEW", to: "APPROVED", actor: reviewer() })).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    expect(second).toEqual({ error: expect.objectContaining({ name: "Refusal", code: "associationConflict" }) });
    await expectUntouched(b, beforeB);
    expect((await activeAssociations({ tenantId, workloadId: "mws-microsoft-purview" })).map((x) => x.claimId)).toEqual([a]);
  });

  it.skipIf(!concurrentSessions)(
    `Modern Work and Security, past the check (a true race of two sessions${concurrentSessions ? "" : "; needs a server with more than one connection, the embedded one has one"}): the unique index refuses the later approval`,
    async () => {
      const tenantId = randomUUID();
      const a = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-purview"] });
      const b = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-purview"] });
      const beforeB = await snapshot(b);

      // A approves but does not commit yet: B's check cannot see A's association, so B reaches the index.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let approvedA!: () => void;
      const aApproved = new Promise<void>((resolve) => (approvedA = resolve));
      const first = db.$transaction(
        async (tx) => {
          const result = await transition(tx, { claimId: a, from: "UNDER_REVIEW", to: "APPROVED", actor: reviewer() });
          approvedA();
          await held;
          return result;
        },
        { timeout: 15_000 },
      );
      await aApproved;
      const raw = db.$transaction((tx) => transition(tx, { claimId: b, from: "UNDER_REVIEW", to: "APPROVED", actor: reviewer() }), { timeout: 15_000 }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();

      expect(await first).toEqual({ ok: true, from: "UNDER_REVIEW" });
      expect(await raw).toEqual({ error: expect.objectContaining({ name: "Refusal", code: "associationConflict" }) });
      await expectUntouched(b, beforeB);
      expect((await activeAssociations({ tenantId, workloadId: "mws-microsoft-purview" })).map((x) => x.claimId)).toEqual([a]);
    },
  );

  it("Business Applications, sequentially: the second approval of the same subscription fails", async () => {
    const first = await makeClaim({ org: "contoso", subscriptionIds: [subs.northwindSales] });
    const second = await makeClaim({ org: "fabrikam", subscriptionIds: [subs.northwindSales, subs.northwindPowerApps] });
    expect(await approve(first)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    expect(await activeAssociations({ claimId: first })).toEqual([expect.objectContaining({ tenantId: northwind, subscriptionId: subs.northwindSales, workloadId: null })]);
    const before = await snapshot(second);
    expect(await approve(second)).toEqual({ ok: false, problem: "associationConflict" });
    await expectUntouched(second, before);
    expect((await activeAssociations({ subscriptionId: subs.northwindSales })).map((a) => a.claimId)).toEqual([first]);
    expect(await activeAssociations({ subscriptionId: subs.northwindPowerApps })).toEqual([]);

    // Free the subscription for the next test.
    expect(await move(first, "APPROVED", "REJECTED_FINAL", partner("contoso"), { reasonText: "Done." })).toMatchObject({ ok: true });
    expect(await activeAssociations({ subscriptionId: subs.northwindSales })).toEqual([]);
  });

  it("Business Applications, per engagement: two partners hold different engagements on one subscription, one partner may hold two", async () => {
    const advisor = await makeClaim({ org: "contoso", subscriptionIds: [subs.northwindSales], partnerRole: "BUILD_INTENT_ADVISOR" });
    const usage = await makeClaim({ org: "fabrikam", subscriptionIds: [subs.northwindSales], partnerRole: "USAGE_RECOGNITION" });
    const revenue = await makeClaim({ org: "contoso", subscriptionIds: [subs.northwindSales], partnerRole: "INFLUENCED_REVENUE" });
    for (const claimId of [advisor, usage, revenue]) expect(await approve(claimId)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    const held = await activeAssociations({ subscriptionId: subs.northwindSales });
    expect(held.map((a) => `${a.partnerRole} ${a.claimId}`).sort()).toEqual([`BUILD_INTENT_ADVISOR ${advisor}`, `INFLUENCED_REVENUE ${revenue}`, `USAGE_RECOGNITION ${usage}`].sort());

    // The same engagement is still one partner's: sequentially, and past the check (the index alone).
    const secondUsage = await makeClaim({ org: "contoso", subscriptionIds: [subs.northwindSales], partnerRole: "USAGE_RECOGNITION" });
    const before = await snapshot(secondUsage);
    expect(await approve(secondUsage)).toEqual({ ok: false, problem: "associationConflict" });
    await expectUntouched(secondUsage, before);
    const direct = db.association.create({ data: { claimId: secondUsage, tenantId: northwind, subscriptionId: subs.northwindSales, partnerRole: "USAGE_RECOGNITION" } });
    await expect(direct).rejects.toThrow(/Unique constraint|unique/i);
    // A subscription association always names its engagement.
    await expect(db.association.create({ data: { claimId: secondUsage, tenantId: northwind, subscriptionId: subs.northwindSales } })).rejects.toThrow();

    for (const [claimId, org] of [[advisor, "contoso"], [usage, "fabrikam"], [revenue, "contoso"]] as const) {
      expect(await move(claimId, "APPROVED", "REJECTED_FINAL", partner(org), { reasonText: "Free the subscription." })).toMatchObject({ ok: true });
    }
    expect(await activeAssociations({ subscriptionId: subs.northwindSales })).toEqual([]);
  });

  it("Business Applications, concurrently: exactly one approval wins", async () => {
    for (let round = 0; round < 3; round += 1) {
      const a = await makeClaim({ org: "contoso", subscriptionIds: [subs.northwindPowerApps] });
      const b = await makeClaim({ org: "fabrikam", subscriptionIds: [subs.northwindPowerApps] });
      const before = { [a]: await snapshot(a), [b]: await snapshot(b) };
      const results = await Promise.all([approve(a), approve(b)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: "associationConflict" }]);
      const loser = results[0].ok ? b : a;
      const winner = results[0].ok ? a : b;
      await expectUntouched(loser, before[loser]);
      expect((await activeAssociations({ subscriptionId: subs.northwindPowerApps })).map((x) => x.claimId)).toEqual([winner]);
      const org = winner === a ? "contoso" : "fabrikam";
      expect(await move(winner, "APPROVED", "REJECTED_FINAL", partner(org), { reasonText: "Next round." })).toMatchObject({ ok: true });
    }
  });
});

describe("the most recent valid PoE wins", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 10, n));

  it("approving a claim whose customer acknowledged later displaces the holder: Rejected, association ended, both partners told", async () => {
    const tenantId = randomUUID();
    const holder = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"], poeAcknowledgedOn: day(2) });
    expect(await approve(holder)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    const newer = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-teams"], poeAcknowledgedOn: day(20) });

    expect(await approve(newer)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    const displaced = await snapshot(holder);
    expect(displaced.claim).toMatchObject({ status: "REJECTED", statusReasonCode: "CONFLICT_WON_BY_OTHER_PARTNER" });
    // The holder's whole claim ends: every association it had, with the reason.
    expect(displaced.associations.map((a) => ({ workloadId: a.workloadId, ended: a.endedAt !== null, endReason: a.endReason })).sort((a, b) => a.workloadId!.localeCompare(b.workloadId!))).toEqual([
      { workloadId: "mws-microsoft-intune", ended: true, endReason: "CONFLICT_WON_BY_OTHER_PARTNER" },
      { workloadId: "mws-microsoft-teams", ended: true, endReason: "CONFLICT_WON_BY_OTHER_PARTNER" },
    ]);
    expect(displaced.events.at(-1)).toMatchObject({ fromStatus: "APPROVED", toStatus: "REJECTED", reasonCode: "CONFLICT_WON_BY_OTHER_PARTNER", actorUserId: reviewerId });
    expect((await activeAssociations({ tenantId, workloadId: "mws-microsoft-teams" })).map((a) => a.claimId)).toEqual([newer]);
    expect((await decisions(holder)).map((m) => payloadSchemas[messageKinds.partnerDecision].parse(m.payload))).toContainEqual(
      expect.objectContaining({ status: "REJECTED", reasonCode: "CONFLICT_WON_BY_OTHER_PARTNER" }),
    );
    expect((await decisions(newer)).map((m) => payloadSchemas[messageKinds.partnerDecision].parse(m.payload))).toEqual([expect.objectContaining({ status: "APPROVED" })]);
    // The displaced partner may dispute, as with any rejection.
    expect(await move(holder, "REJECTED", "DISPUTE", partner("contoso"), { reasonText: "Our proof is the customer's current agreement." })).toMatchObject({ ok: true });
  });

  it("a claim whose acknowledgement is as old or older cannot displace the holder, and writes nothing", async () => {
    for (const date of [day(2), day(1)]) {
      const tenantId = randomUUID();
      const holder = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-microsoft-purview"], poeAcknowledgedOn: day(2) });
      expect(await approve(holder)).toEqual({ ok: true, from: "UNDER_REVIEW" });
      const older = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-microsoft-purview"], poeAcknowledgedOn: date });
      const before = { holder: await snapshot(holder), older: await snapshot(older) };
      expect(await approve(older)).toEqual({ ok: false, problem: "associationConflict" });
      expect(await snapshot(holder)).toEqual(before.holder);
      expect(await snapshot(older)).toEqual(before.older);
    }
  });

  it("Business Applications: only the holder of the same engagement is displaced", async () => {
    const advisor = await makeClaim({ org: "contoso", subscriptionIds: [subs.northwindPowerApps], partnerRole: "BUILD_INTENT_ADVISOR", poeAcknowledgedOn: day(2) });
    const usage = await makeClaim({ org: "contoso", subscriptionIds: [subs.northwindPowerApps], partnerRole: "USAGE_RECOGNITION", poeAcknowledgedOn: day(2) });
    for (const id of [advisor, usage]) expect(await approve(id)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    const newer = await makeClaim({ org: "fabrikam", subscriptionIds: [subs.northwindPowerApps], partnerRole: "USAGE_RECOGNITION", poeAcknowledgedOn: day(10) });
    expect(await approve(newer)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    expect((await snapshot(advisor)).claim.status).toBe("APPROVED");
    expect((await snapshot(usage)).claim).toMatchObject({ status: "REJECTED", statusReasonCode: "CONFLICT_WON_BY_OTHER_PARTNER" });
    expect((await activeAssociations({ subscriptionId: subs.northwindPowerApps })).map((a) => `${a.partnerRole} ${a.claimId}`).sort()).toEqual(
      [`BUILD_INTENT_ADVISOR ${advisor}`, `USAGE_RECOGNITION ${newer}`].sort(),
    );
    expect(await move(advisor, "APPROVED", "REJECTED_FINAL", partner("contoso"), { reasonText: "Free the subscription." })).toMatchObject({ ok: true });
    expect(await move(newer, "APPROVED", "REJECTED_FINAL", partner("fabrikam"), { reasonText: "Free the subscription." })).toMatchObject({ ok: true });
  });

  it(`concurrent approvals of two newer competing claims leave exactly one association (${concurrentSessions ? "true races" : "queued on one session"})`, async () => {
    for (let round = 0; round < 3; round += 1) {
      const tenantId = randomUUID();
      const holder = await makeClaim({ org: "contoso", tenantId, workloadIds: ["mws-windows-365"], poeAcknowledgedOn: day(1) });
      expect(await approve(holder)).toEqual({ ok: true, from: "UNDER_REVIEW" });
      const a = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-windows-365"], poeAcknowledgedOn: day(10) });
      const b = await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-windows-365"], poeAcknowledgedOn: day(10) });
      const results = await Promise.all([approve(a), approve(b)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: "associationConflict" }]);
      const winner = results[0].ok ? a : b;
      const loser = winner === a ? b : a;
      expect((await activeAssociations({ tenantId, workloadId: "mws-windows-365" })).map((x) => x.claimId)).toEqual([winner]);
      expect((await snapshot(loser)).claim.status).toBe("UNDER_REVIEW");
      expect((await snapshot(holder)).claim.status).toBe("REJECTED");
      expect((await snapshot(holder)).events.filter((e) => e.toStatus === "REJECTED")).toHaveLength(1);
    }
  });
});

describe("Business Applications associations end with their subscription", () => {
  it("carry the subscription's end date, end on it (subscription ended, in the history), once, and free the subscription", async () => {
    const claimId = await makeClaim({ org: "contoso", subscriptionIds: [subs.northwindSales], partnerRole: "USAGE_RECOGNITION" });
    expect(await approve(claimId)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    const subscription = await db.subscription.findUniqueOrThrow({ where: { id: subs.northwindSales } });
    const [association] = await activeAssociations({ claimId });
    expect(association.endsAt).toEqual(subscription.endsAt);

    // The partner is told 30 days ahead, once however often (and by however many workers) the job runs.
    const endNotices = () => db.outboxMessage.findMany({ where: { claimId, kind: messageKinds.partnerAssociationEnd }, orderBy: { createdAt: "asc" } });
    const dayMs = 86_400_000;
    await noticeEndingAssociations(db, { now: new Date(subscription.endsAt.getTime() - (END_NOTICE_DAYS + 1) * dayMs) });
    expect(await endNotices()).toEqual([]);
    const noticeDay = new Date(subscription.endsAt.getTime() - END_NOTICE_DAYS * dayMs + 60_000);
    await Promise.all([noticeEndingAssociations(db, { now: noticeDay }), noticeEndingAssociations(db, { now: noticeDay })]);
    await noticeEndingAssociations(db, { now: new Date(noticeDay.getTime() + dayMs) });
    const ahead = await endNotices();
    expect(ahead.map((m) => m.payload)).toEqual([{ claimId, subscriptionId: subs.northwindSales, endsAt: subscription.endsAt.toISOString(), stage: "ahead" }]);
    const aheadMail = await renderOutboxMessage(ahead[0]);
    expect(aheadMail.subject).toContain("Dynamics 365 Sales ends on");
    expect(aheadMail.text).toContain("Re-associate");

    expect(await endExpiredAssociations(db, { now: new Date(subscription.endsAt.getTime() - 1) })).toBe(0);
    expect(await endExpiredAssociations(db, { now: subscription.endsAt })).toBe(1);
    const notices = await endNotices();
    expect(notices.map((m) => (m.payload as { stage: string }).stage)).toEqual(["ahead", "ended"]);
    expect((await renderOutboxMessage(notices[1])).subject).toContain("Dynamics 365 Sales ended on");
    // An ended association is not told again ahead of an end that has passed.
    await noticeEndingAssociations(db, { now: new Date(subscription.endsAt.getTime() - dayMs) });
    expect(await endNotices()).toHaveLength(2);
    const ended = await db.association.findUniqueOrThrow({ where: { id: association.id } });
    expect(ended).toMatchObject({ endedAt: subscription.endsAt, endReason: "SUBSCRIPTION_ENDED" });
    const after = await snapshot(claimId);
    expect(after.claim.status).toBe("APPROVED");
    expect(after.events.filter((e) => e.action === "associationEnded")).toEqual([expect.objectContaining({ reasonCode: "SUBSCRIPTION_ENDED", note: subs.northwindSales })]);
    expect(await endExpiredAssociations(db, { now: new Date(subscription.endsAt.getTime() + 86_400_000) })).toBe(0);

    // The engagement on the subscription is free again: another partner's claim is approved.
    const renewal = await makeClaim({ org: "fabrikam", subscriptionIds: [subs.northwindSales], partnerRole: "USAGE_RECOGNITION" });
    expect(await approve(renewal)).toEqual({ ok: true, from: "UNDER_REVIEW" });
    expect(await move(renewal, "APPROVED", "REJECTED_FINAL", partner("fabrikam"), { reasonText: "Free the subscription." })).toMatchObject({ ok: true });
  });

  it("Modern Work and Security associations have no end date and are left alone", async () => {
    const claimId = await approvedClaim({ tenantId: randomUUID(), workloadIds: ["mws-microsoft-purview"] });
    expect((await activeAssociations({ claimId })).map((a) => a.endsAt)).toEqual([null]);
    await endExpiredAssociations(db, { now: new Date(Date.UTC(2100, 0, 1)) });
    expect(await activeAssociations({ claimId })).toHaveLength(1);
  });
});

describe("the customer's answer", () => {
  const respond = (claimId: string, response: "APPROVED" | "DECLINED", reason?: string) =>
    db.$transaction((tx) => recordCustomerResponse(tx, { claimId, response, email: CUSTOMER_EMAIL, reason, ...REQUEST }));
  const responded = (claimId: string) => db.outboxMessage.findMany({ where: { claimId, kind: messageKinds.partnerCustomerResponded }, orderBy: { createdAt: "asc" } });

  it("a decline after approval rejects the claim, ends the association and tells the partner", async () => {
    const tenantId = randomUUID();
    const claimId = await approvedClaim({ tenantId, workloadIds: ["mws-windows-365"] });
    const decisionsBefore = (await decisions(claimId)).length;

    expect(await respond(claimId, "APPROVED")).toEqual({ ok: true, status: "APPROVED" });
    expect(await respond(claimId, "APPROVED")).toEqual({ ok: true, status: "APPROVED" });
    expect(await db.claimEvent.count({ where: { claimId, action: "customerApproved" } })).toBe(1);

    expect(await respond(claimId, "DECLINED", "  We never worked with them.  ")).toEqual({ ok: true, status: "REJECTED" });
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim).toMatchObject({ status: "REJECTED", statusReasonCode: "CUSTOMER_DECLINED", statusReasonText: "We never worked with them.", customerResponse: "DECLINED" });
    expect(claim.customerRespondedAt).toBeInstanceOf(Date);
    expect(await db.association.findMany({ where: { claimId } })).toEqual([expect.objectContaining({ endedAt: claim.statusChangedAt, endReason: "CUSTOMER_DECLINED" })]);

    expect(await db.claimEvent.findMany({ where: { claimId, action: { in: ["customerApproved", "customerDeclined"] } }, orderBy: { action: "asc" } })).toEqual([
      expect.objectContaining({ action: "customerApproved", actorUserId: null, note: null, ...REQUEST }),
      expect.objectContaining({ action: "customerDeclined", actorUserId: null, note: "We never worked with them.", ...REQUEST }),
    ]);
    expect((await statusEvents(claimId)).at(-1)).toMatchObject({ fromStatus: "APPROVED", toStatus: "REJECTED", reasonCode: "CUSTOMER_DECLINED", actorUserId: null, note: "We never worked with them." });

    const messages = await responded(claimId);
    expect(messages.map((m) => m.dedupeKey).sort()).toEqual([`partner-customer-responded:${claimId}:APPROVED`, `partner-customer-responded:${claimId}:DECLINED`]);
    for (const m of messages) payloadSchemas[messageKinds.partnerCustomerResponded].parse(m.payload);
    expect(messages.find((m) => m.dedupeKey.endsWith("DECLINED"))!.payload).toEqual({ claimId, response: "DECLINED", reason: "We never worked with them." });
    // The customer's decline is told once, as the customer's answer, not as a decision too.
    expect(await decisions(claimId)).toHaveLength(decisionsBefore);

    // A decline is final.
    const before = await snapshot(claimId);
    expect(await respond(claimId, "APPROVED")).toEqual({ ok: false, problem: "alreadyDeclined" });
    expect(await respond(claimId, "DECLINED")).toEqual({ ok: false, problem: "alreadyDeclined" });
    expect(await snapshot(claimId)).toEqual(before);

    // The workload is free for another partner.
    expect(await approve(await makeClaim({ org: "fabrikam", tenantId, workloadIds: ["mws-windows-365"] }))).toMatchObject({ ok: true });
  });

  it.each(["SUBMITTED", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "DISPUTE"] as const)("a decline in %s rejects the claim", async (status) => {
    const claimId = await makeClaim({ status });
    expect(await respond(claimId, "DECLINED")).toEqual({ ok: true, status: "REJECTED" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ status: "REJECTED", statusReasonCode: "CUSTOMER_DECLINED", statusReasonText: null, customerResponse: "DECLINED" });
    expect(await statusEvents(claimId)).toEqual([expect.objectContaining({ fromStatus: status, toStatus: "REJECTED", reasonCode: "CUSTOMER_DECLINED" })]);
  });

  it.each(["REJECTED", "REJECTED_FINAL"] as const)("a decline in %s is only recorded", async (status) => {
    const claimId = await makeClaim({ status });
    await db.claim.update({ where: { id: claimId }, data: { statusReasonCode: "INSUFFICIENT_POE" } });
    expect(await respond(claimId, "DECLINED", "No.")).toEqual({ ok: true, status });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ status, statusReasonCode: "INSUFFICIENT_POE", customerResponse: "DECLINED" });
    expect(await statusEvents(claimId)).toEqual([]);
    expect(await db.claimEvent.count({ where: { claimId, action: "customerDeclined" } })).toBe(1);
    expect(await responded(claimId)).toHaveLength(1);
  });

  it("an approval leaves the status alone, and a Draft (or unknown claim) cannot be answered", async () => {
    const submitted = await makeClaim({ status: "SUBMITTED" });
    expect(await respond(submitted, "APPROVED")).toEqual({ ok: true, status: "SUBMITTED" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: submitted } })).toMatchObject({ status: "SUBMITTED", customerResponse: "APPROVED" });

    const draft = await makeClaim({ status: "DRAFT" });
    const before = await snapshot(draft);
    expect(await respond(draft, "APPROVED")).toEqual({ ok: false, problem: "notSubmitted" });
    expect(await respond(draft, "DECLINED")).toEqual({ ok: false, problem: "notSubmitted" });
    expect(await snapshot(draft)).toEqual(before);
    expect(await respond("no-such-claim", "DECLINED")).toEqual({ ok: false, problem: "notSubmitted" });
  });

  it("concurrent answers: one approval event, and the decline wins whatever the order", async () => {
    const claimId = await approvedClaim();
    const results = await Promise.all([respond(claimId, "APPROVED"), respond(claimId, "APPROVED"), respond(claimId, "DECLINED")]);
    expect(results.filter((r) => r.ok && r.status === "REJECTED")).toHaveLength(1);
    expect(await db.claimEvent.count({ where: { claimId, action: "customerDeclined" } })).toBe(1);
    expect(await db.claimEvent.count({ where: { claimId, action: "customerApproved" } })).toBeLessThanOrEqual(1);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ status: "REJECTED", customerResponse: "DECLINED" });
  });
});

describe("dispute", () => {
  it("only once", async () => {
    const claimId = await makeClaim({ status: "UNDER_REVIEW" });
    expect(await move(claimId, "UNDER_REVIEW", "REJECTED", reviewer(), { reasonCode: "INSUFFICIENT_POE" })).toMatchObject({ ok: true });
    expect(await move(claimId, "REJECTED", "DISPUTE", partner(), { reasonText: "See the new PoE." })).toEqual({ ok: true, from: "REJECTED" });
    expect(await move(claimId, "DISPUTE", "APPROVED", reviewer())).toMatchObject({ ok: true });
    expect(await db.$transaction((tx) => recordCustomerResponse(tx, { claimId, response: "DECLINED", email: CUSTOMER_EMAIL }))).toEqual({ ok: true, status: "REJECTED" });

    const before = await snapshot(claimId);
    expect(await move(claimId, "REJECTED", "DISPUTE", partner(), { reasonText: "Again." })).toEqual({ ok: false, problem: "alreadyDisputed" });
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("only within the Rejected timer (30 business days from the rejection)", async () => {
    const rejectedAt = new Date("2026-01-30T10:00:00Z");
    const closesAt = addBusinessDays(rejectedAt, 30);
    expect(closesAt).toEqual(new Date("2026-03-13T10:00:00Z"));

    const late = await makeClaim({ status: "REJECTED", statusChangedAt: rejectedAt });
    const before = await snapshot(late);
    expect(await move(late, "REJECTED", "DISPUTE", partner(), { reasonText: "x", now: new Date(closesAt.getTime() + 1) })).toEqual({ ok: false, problem: "disputeWindowClosed" });
    expect(await move(late, "REJECTED", "DISPUTE", partner(), { reasonText: "x" })).toEqual({ ok: false, problem: "disputeWindowClosed" });
    expect(await snapshot(late)).toEqual(before);

    // A longer window through the timers' override.
    expect(await move(late, "REJECTED", "DISPUTE", partner(), { reasonText: "x", now: new Date(closesAt.getTime() + 1), timers: { REJECTED: 31 } })).toMatchObject({ ok: true });

    const onTime = await makeClaim({ status: "REJECTED", statusChangedAt: rejectedAt });
    expect(await move(onTime, "REJECTED", "DISPUTE", partner(), { reasonText: "Just in time.", now: closesAt })).toEqual({ ok: true, from: "REJECTED" });

    const sixtyDaysAgo = await makeClaim({ status: "REJECTED", statusChangedAt: new Date(Date.now() - 60 * 86_400_000) });
    expect(await move(sixtyDaysAgo, "REJECTED", "DISPUTE", partner(), { reasonText: "x" })).toEqual({ ok: false, problem: "disputeWindowClosed" });
    const yesterday = await makeClaim({ status: "REJECTED", statusChangedAt: new Date(Date.now() - 86_400_000) });
    expect(await move(yesterday, "REJECTED", "DISPUTE", partner(), { reasonText: "x" })).toMatchObject({ ok: true });
  });
});

describe("partner disassociation", () => {
  it("moves an Approved claim to Rejected final, ending its association; only for the claim's own organisation and with a reason", async () => {
    const claimId = await approvedClaim({ workloadIds: ["mws-microsoft-365-copilot"] });
    const before = await snapshot(claimId);
    expect(await move(claimId, "APPROVED", "REJECTED_FINAL", partner("fabrikam"), { reasonText: "Not ours." })).toEqual({ ok: false, problem: "notAllowed" });
    expect(await move(claimId, "APPROVED", "REJECTED_FINAL", partner("contoso"))).toEqual({ ok: false, problem: "reasonRequired" });
    expect(await move(claimId, "APPROVED", "REJECTED_FINAL", reviewer(), { reasonCode: "PARTNER_REQUEST", reasonText: "x" })).toEqual({ ok: false, problem: "notAllowed" });
    expect(await snapshot(claimId)).toEqual(before);

    expect(await move(claimId, "APPROVED", "REJECTED_FINAL", partner("contoso"), { reasonText: "The customer moved to another partner." })).toEqual({ ok: true, from: "APPROVED" });
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim).toMatchObject({ status: "REJECTED_FINAL", statusReasonCode: "PARTNER_REQUEST", statusReasonText: "The customer moved to another partner." });
    expect(await db.association.findMany({ where: { claimId } })).toEqual([expect.objectContaining({ endedAt: claim.statusChangedAt, endReason: "PARTNER_REQUEST" })]);
    expect((await statusEvents(claimId)).at(-1)).toMatchObject({ fromStatus: "APPROVED", toStatus: "REJECTED_FINAL", actorUserId: adminIds.contoso, reasonCode: "PARTNER_REQUEST" });

    // Rejected final is the end.
    for (const to of ["APPROVED", "REJECTED", "DISPUTE", "UNDER_REVIEW"] as const) {
      for (const actor of [partner(), reviewer(), customer(), system()]) expect(await move(claimId, "REJECTED_FINAL", to, actor, { reasonText: "x" })).toMatchObject({ ok: false });
    }
  });
});
