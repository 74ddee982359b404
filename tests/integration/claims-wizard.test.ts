// The claim wizard's server actions on the real database, with only the session mocked: a draft per
// partner role built step by step (and a repeated "Add customer"), invalid entries that write nothing,
// another organisation's and a reviewer's access, editing and deleting a draft, and collisions with
// other organisations' claims on the same tenant.
import { randomUUID } from "node:crypto";
import { contactsInput } from "../support/factories";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/index", async () => (await import("../support/next-request")).signedIn);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { nextCache, session } from "../support/next-request";

import type { PartnerViewer } from "@/lib/auth/session";
import { cancelClaimWizard, deleteDraftClaim, finishClaimWizard, saveWizardStep } from "@/lib/claims/actions";
import { findCollisions } from "@/lib/claims/collisions";
import { findClaim, listClaims, type ClaimListQuery } from "@/lib/claims/queries";
import type { DetailsInput, WorkloadsInput } from "@/lib/claims/schemas";
import { loadWizard } from "@/lib/claims/wizard";
import { db } from "@/lib/db";
import { DEMO } from "@/lib/reference/demo-data";
import { loadPartnerViewer, loadViewerByEmail } from "../support/viewers";

const { northwind, tailspin } = DEMO.tenants;
const subs = DEMO.subscriptions;

let contoso: PartnerViewer;
let fabrikam: PartnerViewer;
let reviewerId: string;
const createdClaimIds: string[] = [];

beforeAll(async () => {
  contoso = await loadPartnerViewer(db, DEMO.users.contosoAdmin);
  fabrikam = await loadPartnerViewer(db, DEMO.users.fabrikamAdmin);
  reviewerId = (await loadViewerByEmail(db, DEMO.users.reviewer)).id;
});

// Every test starts a new claim from an empty wizard.
beforeEach(async () => {
  session.userId = undefined;
  nextCache.revalidatePath.mockClear();
  await db.wizardProgress.deleteMany({ where: { userId: { in: [contoso.id, fabrikam.id] }, key: "new" } });
});

// Leave the database as the seed made it for the browser tests that run on it next.
afterAll(async () => {
  await db.wizardProgress.deleteMany({ where: { userId: { in: [contoso.id, fabrikam.id] }, key: { in: ["new", ...createdClaimIds] } } });
  await db.claim.deleteMany({ where: { id: { in: createdClaimIds } } });
  await db.$disconnect();
});

const signInAs = (viewer: { id: string } | undefined) => {
  session.userId = viewer?.id;
};

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

const counts = async () => ({
  claims: await db.claim.count(),
  workloads: await db.claimWorkload.count(),
  subscriptions: await db.claimSubscription.count(),
  events: await db.claimEvent.count(),
  progress: await db.wizardProgress.count(),
});

const progressOf = (userId: string, key: string) => db.wizardProgress.findUnique({ where: { userId_key: { userId, key } } });

const contacts = contactsInput;

type Scenario = { label: string; details: Omit<DetailsInput, "name">; workloads: WorkloadsInput };

const mwsUseOrConsume: Scenario = {
  label: "Modern Work and Security, use or consume",
  details: { solutionArea: "MODERN_WORK_SECURITY", partnerRole: "USE_OR_CONSUME", partnerId: "4412345", tenantId: `  ${randomUUID().toUpperCase()} `, incentiveOptOut: true },
  workloads: { workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"] },
};
const baBuildIntent: Scenario = {
  label: "Business Applications, build intent advisor",
  details: { solutionArea: "BUSINESS_APPLICATIONS", partnerRole: "BUILD_INTENT_ADVISOR", partnerId: "4412345", tenantId: northwind },
  workloads: { workloadIds: ["ba-dynamics-365-sales"], subscriptionIds: [subs.northwindSales] },
};
const baUsageRecognition: Scenario = {
  label: "Business Applications, usage recognition",
  details: { solutionArea: "BUSINESS_APPLICATIONS", partnerRole: "USAGE_RECOGNITION", partnerId: "4412346", tenantId: northwind.toUpperCase() },
  workloads: { workloadIds: ["ba-power-apps"], subscriptionIds: [subs.northwindPowerApps.toUpperCase()] },
};
const baInfluencedRevenue: Scenario = {
  label: "Business Applications, influenced revenue",
  details: {
    solutionArea: "BUSINESS_APPLICATIONS",
    partnerRole: "INFLUENCED_REVENUE",
    partnerId: "4412345",
    tenantId: northwind,
    dynamicsSellerName: "Contoso Dynamics team",
    customerName: "Northwind Traders",
    isvSolutionName: "Contoso Field Pro",
  },
  workloads: { workloadIds: ["ba-dynamics-365-sales", "ba-power-apps"], subscriptionIds: [subs.northwindSales, subs.northwindPowerApps] },
};

/** Steps 1 to 3 through the actions, as the wizard's "Next" buttons send them; returns the creation key. */
async function completeSteps(viewer: PartnerViewer, key: string, details: DetailsInput, workloads: WorkloadsInput) {
  signInAs(viewer);
  expect(await saveWizardStep(key, 1, details, 2)).toEqual({ ok: true });
  expect(await saveWizardStep(key, 2, workloads, 3)).toEqual({ ok: true });
  expect(await saveWizardStep(key, 3, contacts(viewer.email), 4)).toEqual({ ok: true });
  const progress = await progressOf(viewer.id, key);
  expect(progress?.step).toBe(4);
  return (progress!.data as { creationKey: string }).creationKey;
}

/** A new draft through the whole wizard. */
async function createDraft(viewer: PartnerViewer, scenario: Scenario, name = unique(scenario.label)) {
  const creationKey = await completeSteps(viewer, "new", { ...scenario.details, name }, scenario.workloads);
  const result = await finishClaimWizard("new", creationKey);
  if (!result.ok) throw new Error(`finishClaimWizard failed: ${JSON.stringify(result)}`);
  createdClaimIds.push(result.data.claimId);
  return { claimId: result.data.claimId, creationKey, name };
}

const listQuery = (q?: string): ClaimListQuery => ({ q, sort: "updatedAt", direction: "desc", page: 1, pageSize: 100 });

const digestOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: { digest?: string }) => error.digest,
  );

describe("creating a draft with the wizard", () => {
  it.each([mwsUseOrConsume, baBuildIntent, baUsageRecognition, baInfluencedRevenue])("$label: steps 1 to 3, then Add customer (twice)", async (scenario) => {
    signInAs(contoso);
    const before = await counts();
    const name = unique(scenario.label);

    expect(await saveWizardStep("new", 1, { ...scenario.details, name }, 2)).toEqual({ ok: true });
    expect(await progressOf(contoso.id, "new")).toMatchObject({ step: 2, data: { name, solutionArea: scenario.details.solutionArea } });
    expect(await saveWizardStep("new", 2, scenario.workloads, 3)).toEqual({ ok: true });
    expect(await progressOf(contoso.id, "new")).toMatchObject({ step: 3 });
    expect(await saveWizardStep("new", 3, contacts(contoso.email), 4)).toEqual({ ok: true });
    const progress = await progressOf(contoso.id, "new");
    expect(progress?.step).toBe(4);
    expect(await counts()).toEqual({ ...before, progress: before.progress + 1 });
    const { creationKey } = progress!.data as { creationKey: string };

    const first = await finishClaimWizard("new", creationKey);
    expect(first).toEqual({ ok: true, data: { claimId: expect.any(String) } });
    const claimId = (first as { data: { claimId: string } }).data.claimId;
    createdClaimIds.push(claimId);
    expect(nextCache.revalidatePath).toHaveBeenCalledWith("/claims");

    const workloadCount = scenario.workloads.workloadIds.length;
    const subscriptionCount = scenario.workloads.subscriptionIds?.length ?? 0;
    const created = { claims: before.claims + 1, workloads: before.workloads + workloadCount, subscriptions: before.subscriptions + subscriptionCount, events: before.events + 1, progress: before.progress };
    expect(await counts()).toEqual(created);
    expect(await progressOf(contoso.id, "new")).toBeNull();

    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { workloads: true, subscriptions: true, events: true } });
    const revenue = scenario.details.partnerRole === "INFLUENCED_REVENUE";
    expect(claim).toMatchObject({
      organizationId: contoso.organization.id,
      createdById: contoso.id,
      creationKey,
      status: "DRAFT",
      deletedAt: null,
      name,
      solutionArea: scenario.details.solutionArea,
      partnerRole: scenario.details.partnerRole,
      partnerId: scenario.details.partnerId,
      tenantId: scenario.details.tenantId.trim().toLowerCase(),
      incentiveOptOut: scenario.details.solutionArea === "MODERN_WORK_SECURITY" && scenario.details.incentiveOptOut === true,
      dynamicsSellerName: revenue ? "Contoso Dynamics team" : null,
      customerName: revenue ? "Northwind Traders" : null,
      isvSolutionName: revenue ? "Contoso Field Pro" : null,
      customerContactName: "Nancy Davolio",
      customerContactEmail: "nancy@northwind.example",
      partnerContactEmail: contoso.email,
    });
    expect(claim.workloads.map((w) => w.workloadId).sort()).toEqual([...scenario.workloads.workloadIds].sort());
    expect(claim.subscriptions.map((s) => s.subscriptionId).sort()).toEqual((scenario.workloads.subscriptionIds ?? []).map((id) => id.toLowerCase()).sort());
    expect(claim.events.map((e) => [e.action, e.actorUserId, e.fromStatus, e.toStatus])).toEqual([["created", contoso.id, null, "DRAFT"]]);

    // A double click on "Add customer": the same claim, nothing new.
    expect(await finishClaimWizard("new", creationKey)).toEqual({ ok: true, data: { claimId } });
    expect(await counts()).toEqual(created);

    expect((await findClaim(contoso, claimId))?.name).toBe(name);
    expect((await listClaims(contoso, listQuery(name))).rows.map((r) => r.id)).toEqual([claimId]);
  });

  it("concurrent Add customer calls with the same creation key create one claim, and all of them land on it", async () => {
    const creationKey = await completeSteps(contoso, "new", { ...baBuildIntent.details, name: unique("Concurrent") }, baBuildIntent.workloads);
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 4 }, () => finishClaimWizard("new", creationKey)));
    const ids = results.flatMap((r) => (r.ok ? [r.data.claimId] : []));
    createdClaimIds.push(...ids);
    expect(await db.claim.count({ where: { creationKey } })).toBe(1);
    expect(await db.claim.count()).toBe(before.claims + 1);
    expect(results).toEqual(Array.from({ length: 4 }, () => ({ ok: true, data: { claimId: ids[0] } })));
  });

  it("Cancel forgets the unsaved entries and returns to the list", async () => {
    signInAs(contoso);
    expect(await saveWizardStep("new", 1, { ...mwsUseOrConsume.details, name: unique("Cancelled") }, 2)).toEqual({ ok: true });
    const before = await counts();
    expect(await digestOf(cancelClaimWizard("new"))).toMatch(/^NEXT_REDIRECT;[a-z]+;\/claims;307;$/);
    expect(await progressOf(contoso.id, "new")).toBeNull();
    expect(await counts()).toEqual({ ...before, progress: before.progress - 1 });
  });

  it("a new wizard resumes the saved entries, and finishing an incomplete one names the step to go back to", async () => {
    signInAs(contoso);
    const name = unique("Incomplete");
    expect(await saveWizardStep("new", 1, { ...mwsUseOrConsume.details, name }, 2)).toEqual({ ok: true });
    const loaded = await loadWizard(contoso, "new");
    expect(loaded).toMatchObject({ step: 2, data: { name, partnerContactEmail: contoso.email } });

    const before = await counts();
    const result = await finishClaimWizard("new", loaded!.data.creationKey);
    expect(result).toMatchObject({ ok: false, details: { step: 2 } });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toContain("workloadIds");
    expect(await counts()).toEqual(before);
  });
});

describe("invalid entries write nothing", () => {
  const name = "Invalid entries";
  type Case = [label: string, start: Omit<DetailsInput, "name">, step: 1 | 2 | 3, values: unknown, errors: Record<string, string>];
  const cases: Case[] = [
    ["a malformed tenant ID", baBuildIntent.details, 1, { ...baBuildIntent.details, name, tenantId: "not-a-guid" }, { tenantId: "tenantId" }],
    ["a Business Applications tenant that is not known", baBuildIntent.details, 1, { ...baBuildIntent.details, name, tenantId: randomUUID() }, { tenantId: "tenantUnknown" }],
    ["no entries at all", baBuildIntent.details, 1, {}, { solutionArea: "required", partnerRole: "required", name: "required", partnerId: "required", tenantId: "required" }],
    ["a blank name", baBuildIntent.details, 1, { ...baBuildIntent.details, name: "   " }, { name: "required" }],
    ["another organisation's PartnerID", baBuildIntent.details, 1, { ...baBuildIntent.details, name, partnerId: "5523456" }, { partnerId: "partnerIdNotYours" }],
    ["a role of the other solution area", baBuildIntent.details, 1, { ...mwsUseOrConsume.details, name, partnerRole: "BUILD_INTENT_ADVISOR" }, { partnerRole: "roleNotInArea" }],
    [
      "influenced revenue without the revenue details",
      baBuildIntent.details,
      1,
      { ...baBuildIntent.details, name, partnerRole: "INFLUENCED_REVENUE" },
      { dynamicsSellerName: "required", customerName: "required", isvSolutionName: "required" },
    ],
    ["no workload", mwsUseOrConsume.details, 2, { workloadIds: [] }, { workloadIds: "workloadsRequired" }],
    ["a workload of the other solution area", mwsUseOrConsume.details, 2, { workloadIds: ["mws-microsoft-teams", "ba-power-apps"] }, { workloadIds: "workloadNotInArea" }],
    ["subscriptions on a Modern Work and Security claim", mwsUseOrConsume.details, 2, { workloadIds: ["mws-microsoft-teams"], subscriptionIds: [subs.northwindSales] }, { subscriptionIds: "subscriptionsNotForArea" }],
    [
      "a CSP subscription",
      baBuildIntent.details,
      2,
      { workloadIds: ["ba-dynamics-365-customer-service"], subscriptionIds: [subs.northwindCustomerServiceCsp] },
      { "subscriptions.ba-dynamics-365-customer-service": "subscriptionCsp" },
    ],
    [
      "an expired subscription",
      { ...baBuildIntent.details, tenantId: tailspin },
      2,
      { workloadIds: ["ba-dynamics-365-business-central"], subscriptionIds: [subs.tailspinBusinessCentralExpired] },
      { "subscriptions.ba-dynamics-365-business-central": "subscriptionExpired" },
    ],
    [
      "a subscription of another tenant",
      baBuildIntent.details,
      2,
      { workloadIds: ["ba-dynamics-365-business-central"], subscriptionIds: [subs.tailspinBusinessCentralExpired] },
      { subscriptionIds: "subscriptionNotInTenant" },
    ],
    [
      "a subscription whose product is not selected",
      baBuildIntent.details,
      2,
      { workloadIds: ["ba-dynamics-365-sales"], subscriptionIds: [subs.northwindSales, subs.northwindPowerApps] },
      { subscriptionIds: "subscriptionProductNotSelected" },
    ],
    [
      "a selected product without a subscription",
      baBuildIntent.details,
      2,
      { workloadIds: ["ba-dynamics-365-sales", "ba-power-apps"], subscriptionIds: [subs.northwindSales] },
      { "subscriptions.ba-power-apps": "subscriptionRequired" },
    ],
    ["a malformed customer email", baBuildIntent.details, 3, { ...contacts(DEMO.users.contosoAdmin), customerContactEmail: "nancy at northwind" }, { customerContactEmail: "email" }],
    [
      "missing contacts",
      baBuildIntent.details,
      3,
      { customerContactEmail: "nancy@northwind.example", partnerContactEmail: DEMO.users.contosoAdmin },
      { customerContactName: "required", customerContactAddress: "required", partnerContactName: "required" },
    ],
  ];

  it.each(cases)("%s", async (_label, start, step, values, errors) => {
    signInAs(contoso);
    expect(await saveWizardStep("new", 1, { ...start, name }, 2)).toEqual({ ok: true });
    const progress = await progressOf(contoso.id, "new");
    const before = await counts();

    expect(await saveWizardStep("new", step, values, (step + 1) as 2 | 3 | 4)).toEqual({ ok: false, fieldErrors: errors });

    expect(await counts()).toEqual(before);
    expect(await progressOf(contoso.id, "new")).toEqual(progress);
  });

  it("a step 2 before step 1, or a malformed request, is refused", async () => {
    signInAs(contoso);
    const before = await counts();
    expect(await saveWizardStep("new", 2, baBuildIntent.workloads, 3)).toEqual({ ok: false, fieldErrors: {}, problem: "previousStepIncomplete" });
    expect(await saveWizardStep("new", 4 as never, {}, 4)).toEqual({ ok: false, fieldErrors: {}, problem: "invalidRequest" });
    expect(await saveWizardStep("new", 1, baBuildIntent.details, 7 as never)).toEqual({ ok: false, fieldErrors: {}, problem: "invalidRequest" });
    expect(await saveWizardStep("", 1, baBuildIntent.details, 2)).toEqual({ ok: false, fieldErrors: {}, problem: "invalidRequest" });
    expect(await finishClaimWizard("new", "not-a-uuid")).toEqual({ ok: false, fieldErrors: {}, problem: "invalidRequest" });
    expect(await deleteDraftClaim("")).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect(await counts()).toEqual(before);
    expect(await progressOf(contoso.id, "new")).toBeNull();
  });

  it("Add customer re-validates the saved entries against the reference data", async () => {
    const creationKey = await completeSteps(contoso, "new", { ...baBuildIntent.details, name: unique("Revalidated") }, baBuildIntent.workloads);
    const progress = await progressOf(contoso.id, "new");
    // The subscription was valid at step 2 but has expired since.
    const endsAt = (await db.subscription.findUniqueOrThrow({ where: { id: subs.northwindSales } })).endsAt;
    await db.subscription.update({ where: { id: subs.northwindSales }, data: { endsAt: new Date(Date.now() - 60_000) } });
    try {
      const before = await counts();
      expect(await finishClaimWizard("new", creationKey)).toEqual({ ok: false, fieldErrors: { "subscriptions.ba-dynamics-365-sales": "subscriptionExpired" }, details: { step: 2 } });
      expect(await counts()).toEqual(before);
      expect(await progressOf(contoso.id, "new")).toEqual(progress);
    } finally {
      await db.subscription.update({ where: { id: subs.northwindSales }, data: { endsAt } });
    }
  });
});

describe("who may use the actions", () => {
  it("another organisation cannot read, edit, save or delete a draft", async () => {
    const { claimId, creationKey, name } = await createDraft(contoso, baBuildIntent);
    const claimBefore = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { workloads: true, subscriptions: true, events: true } });
    const before = await counts();
    nextCache.revalidatePath.mockClear();

    expect(await findClaim(fabrikam, claimId)).toBeNull();
    expect((await listClaims(fabrikam, listQuery())).rows.map((r) => r.id)).not.toContain(claimId);
    expect((await listClaims(fabrikam, listQuery(name))).total).toBe(0);
    expect(await loadWizard(fabrikam, claimId)).toBeNull();

    signInAs(fabrikam);
    const changed = { ...baBuildIntent.details, name: "Taken over", partnerId: "5523456" };
    expect(await saveWizardStep(claimId, 1, changed, 2)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await finishClaimWizard(claimId, randomUUID())).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await finishClaimWizard(claimId, creationKey)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    // The creation key of another organisation's claim does not reveal it either.
    const replay = await finishClaimWizard("new", creationKey);
    expect(replay.ok).toBe(false);
    expect(await deleteDraftClaim(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect(await digestOf(cancelClaimWizard(claimId))).toMatch(/^NEXT_REDIRECT;/);
    expect(nextCache.revalidatePath).not.toHaveBeenCalled();

    expect(await counts()).toEqual(before);
    expect(await progressOf(fabrikam.id, claimId)).toBeNull();
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { workloads: true, subscriptions: true, events: true } })).toEqual(claimBefore);
    expect(await findClaim(contoso, claimId)).not.toBeNull();
  });

  it("a reviewer gets 404 from every partner action, and writes nothing", async () => {
    const { claimId, creationKey } = await createDraft(contoso, mwsUseOrConsume);
    const before = await counts();
    signInAs({ id: reviewerId });
    const notFound = "NEXT_HTTP_ERROR_FALLBACK;404";
    expect(await digestOf(saveWizardStep("new", 1, { ...mwsUseOrConsume.details, name: "Reviewer" }, 2))).toBe(notFound);
    expect(await digestOf(saveWizardStep(claimId, 1, { ...mwsUseOrConsume.details, name: "Reviewer" }, 2))).toBe(notFound);
    expect(await digestOf(finishClaimWizard("new", creationKey))).toBe(notFound);
    expect(await digestOf(finishClaimWizard(claimId, creationKey))).toBe(notFound);
    expect(await digestOf(cancelClaimWizard(claimId))).toBe(notFound);
    expect(await digestOf(deleteDraftClaim(claimId))).toBe(notFound);
    expect(await counts()).toEqual(before);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).deletedAt).toBeNull();
  });

  it("without a session (or with the session of a user who no longer exists) every action redirects to sign-in", async () => {
    const { claimId, creationKey } = await createDraft(contoso, mwsUseOrConsume);
    const before = await counts();
    for (const user of [undefined, { id: "no-such-user" }]) {
      signInAs(user);
      const signIn = /^NEXT_REDIRECT;[a-z]+;\/signin;307;$/;
      expect(await digestOf(saveWizardStep("new", 1, { ...mwsUseOrConsume.details, name: "Anonymous" }, 2))).toMatch(signIn);
      expect(await digestOf(finishClaimWizard(claimId, creationKey))).toMatch(signIn);
      expect(await digestOf(cancelClaimWizard("new"))).toMatch(signIn);
      expect(await digestOf(deleteDraftClaim(claimId))).toMatch(signIn);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("editing and deleting a draft", () => {
  it("the organisation edits its draft: the changes are kept aside until Save changes, then recorded as updated", async () => {
    const { claimId, creationKey, name } = await createDraft(contoso, baBuildIntent);
    signInAs(contoso);
    expect(await loadWizard(contoso, claimId)).toMatchObject({ step: 4, data: { creationKey, name, subscriptionIds: [subs.northwindSales] } });

    const renamed = unique("Renamed");
    expect(await saveWizardStep(claimId, 1, { ...baBuildIntent.details, name: renamed, partnerId: "4412346" }, 4)).toEqual({ ok: true });
    expect(await saveWizardStep(claimId, 2, baInfluencedRevenue.workloads, 4)).toEqual({ ok: true });
    expect(await progressOf(contoso.id, claimId)).toMatchObject({ step: 4, data: { name: renamed } });
    // Not saved yet: the claim is as it was.
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).name).toBe(name);

    const before = await counts();
    expect(await finishClaimWizard(claimId, creationKey)).toEqual({ ok: true, data: { claimId } });
    expect(nextCache.revalidatePath).toHaveBeenCalledWith("/claims");
    expect(await counts()).toEqual({ ...before, workloads: before.workloads + 1, subscriptions: before.subscriptions + 1, events: before.events + 1, progress: before.progress - 1 });
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { workloads: true, subscriptions: true, events: { orderBy: { at: "asc" } } } });
    expect(claim).toMatchObject({ name: renamed, partnerId: "4412346", status: "DRAFT", creationKey, deletedAt: null });
    expect(claim.workloads.map((w) => w.workloadId).sort()).toEqual(["ba-dynamics-365-sales", "ba-power-apps"]);
    expect(claim.subscriptions.map((s) => s.subscriptionId).sort()).toEqual([subs.northwindSales, subs.northwindPowerApps].sort());
    expect(claim.events.map((e) => [e.action, e.actorUserId])).toEqual([
      ["created", contoso.id],
      ["updated", contoso.id],
    ]);
    expect(await progressOf(contoso.id, claimId)).toBeNull();
  });

  it("changing the tenant of a Business Applications draft drops its subscriptions until new ones are chosen", async () => {
    const { claimId, creationKey } = await createDraft(contoso, baBuildIntent);
    signInAs(contoso);
    expect(await saveWizardStep(claimId, 1, { ...baBuildIntent.details, name: unique("Moved"), tenantId: tailspin }, 4)).toEqual({ ok: true });
    expect(await progressOf(contoso.id, claimId)).toMatchObject({ data: { tenantId: tailspin, workloadIds: ["ba-dynamics-365-sales"], subscriptionIds: [] } });
    const before = await counts();
    expect(await finishClaimWizard(claimId, creationKey)).toEqual({ ok: false, fieldErrors: { "subscriptions.ba-dynamics-365-sales": "subscriptionRequired" }, details: { step: 2 } });
    expect(await counts()).toEqual(before);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).tenantId).toBe(northwind);
  });

  it("deleting a draft hides it everywhere, keeps it for the history, and ends its editing", async () => {
    const { claimId, name } = await createDraft(contoso, mwsUseOrConsume);
    signInAs(contoso);
    expect(await saveWizardStep(claimId, 1, { ...mwsUseOrConsume.details, name: unique("Unsaved edit") }, 2)).toEqual({ ok: true });
    const before = await counts();

    expect(await deleteDraftClaim(claimId)).toEqual({ ok: true });
    expect(nextCache.revalidatePath).toHaveBeenCalledWith("/claims");
    expect(await counts()).toEqual({ ...before, events: before.events + 1, progress: before.progress - 1 });
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { events: { orderBy: { at: "asc" } } } });
    expect(claim.deletedAt).toBeInstanceOf(Date);
    expect(claim.status).toBe("DRAFT");
    expect(claim.events.map((e) => [e.action, e.actorUserId])).toEqual([
      ["created", contoso.id],
      ["deleted", contoso.id],
    ]);
    expect(await findClaim(contoso, claimId)).toBeNull();
    expect((await listClaims(contoso, listQuery(name))).total).toBe(0);
    expect(await loadWizard(contoso, claimId)).toBeNull();

    const after = await counts();
    expect(await deleteDraftClaim(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect(await saveWizardStep(claimId, 1, { ...mwsUseOrConsume.details, name: "Revived" }, 2)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await finishClaimWizard(claimId, claim.creationKey)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await counts()).toEqual(after);
  });

  it("a claim that is no longer a Draft cannot be edited or deleted through the wizard", async () => {
    const { claimId, creationKey } = await createDraft(contoso, baUsageRecognition);
    await db.claim.update({ where: { id: claimId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    signInAs(contoso);
    const before = await counts();
    expect(await saveWizardStep(claimId, 1, { ...baUsageRecognition.details, name: "Too late" }, 2)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await finishClaimWizard(claimId, creationKey)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await deleteDraftClaim(claimId)).toEqual({ ok: false, fieldErrors: {}, problem: "notFound" });
    expect(await counts()).toEqual(before);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ status: "SUBMITTED", deletedAt: null });
  });

  it("a draft submitted while its edits were pending is not overwritten by Save changes", async () => {
    const { claimId, creationKey, name } = await createDraft(contoso, baBuildIntent);
    signInAs(contoso);
    expect(await saveWizardStep(claimId, 1, { ...baBuildIntent.details, name: unique("Late edit") }, 4)).toEqual({ ok: true });
    await db.claim.update({ where: { id: claimId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    const before = await counts();
    expect(await finishClaimWizard(claimId, creationKey)).toEqual({ ok: false, fieldErrors: {}, problem: "notEditable" });
    expect(await counts()).toEqual(before);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).name).toBe(name);
  });
});

describe("collisions with other organisations' claims", () => {
  it("Business Applications: another organisation's submitted claim is claimed, its approved one associated; drafts and own claims are not reported", async () => {
    const { claimId } = await createDraft(fabrikam, { ...baBuildIntent, details: { ...baBuildIntent.details, partnerId: "5523456" } });
    const forContoso = { organizationId: contoso.organization.id, tenantId: northwind, solutionArea: "BUSINESS_APPLICATIONS" as const, partnerRole: "BUILD_INTENT_ADVISOR" as const };
    const forFabrikam = { ...forContoso, organizationId: fabrikam.organization.id };
    // What Fabrikam sees comes from other organisations' claims only, whatever this one becomes.
    const fabrikamSees = await findCollisions(forFabrikam);

    expect(await findCollisions(forContoso)).toEqual({});

    await db.claim.update({ where: { id: claimId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    expect(await findCollisions(forContoso)).toEqual({ [subs.northwindSales]: "claimed" });
    expect(await findCollisions(forFabrikam)).toEqual(fabrikamSees);
    expect(await findCollisions({ ...forContoso, tenantId: tailspin })).toEqual({});
    expect(await findCollisions({ ...forContoso, solutionArea: "MODERN_WORK_SECURITY" })).toEqual({});
    // One partner per subscription per engagement: the other engagements of the subscription are free.
    expect(await findCollisions({ ...forContoso, partnerRole: "USAGE_RECOGNITION" })).toEqual({});
    expect(await findCollisions({ ...forContoso, partnerRole: "INFLUENCED_REVENUE" })).toEqual({});

    await db.claim.update({ where: { id: claimId }, data: { status: "APPROVED" } });
    expect(await findCollisions(forContoso)).toEqual({ [subs.northwindSales]: "associated" });
    expect(await findCollisions({ ...forContoso, partnerRole: "USAGE_RECOGNITION" })).toEqual({});
    expect(await findCollisions(forFabrikam)).toEqual(fabrikamSees);
    // The claim being edited (excludeClaimId) is left out.
    expect(await findCollisions({ ...forContoso, excludeClaimId: claimId })).toEqual({});

    await db.claim.update({ where: { id: claimId }, data: { status: "REJECTED_FINAL" } });
    expect(await findCollisions(forContoso)).toEqual({});

    await db.claim.update({ where: { id: claimId }, data: { status: "APPROVED", deletedAt: new Date() } });
    expect(await findCollisions(forContoso)).toEqual({});
  });

  it("Modern Work and Security: collisions are per workload, an approval outranks a pending claim", async () => {
    const tenantId = randomUUID();
    const scenario = (workloadIds: string[]): Scenario => ({
      ...mwsUseOrConsume,
      details: { ...mwsUseOrConsume.details, partnerId: "5523456", tenantId },
      workloads: { workloadIds },
    });
    const pending = await createDraft(fabrikam, scenario(["mws-microsoft-teams", "mws-exchange-online"]));
    const approved = await createDraft(fabrikam, scenario(["mws-exchange-online"]));
    // Still a draft: not reported.
    await createDraft(fabrikam, scenario(["mws-microsoft-intune"]));
    await db.claim.update({ where: { id: pending.claimId }, data: { status: "UNDER_REVIEW", submittedAt: new Date() } });
    await db.claim.update({ where: { id: approved.claimId }, data: { status: "APPROVED", submittedAt: new Date() } });

    const forContoso = { organizationId: contoso.organization.id, tenantId, solutionArea: "MODERN_WORK_SECURITY" as const, partnerRole: "USE_OR_CONSUME" as const };
    expect(await findCollisions(forContoso)).toEqual({ "mws-microsoft-teams": "claimed", "mws-exchange-online": "associated" });
    expect(await findCollisions({ ...forContoso, organizationId: fabrikam.organization.id })).toEqual({});
  });
});
