// The claim wizard's server side: what an admin has entered so far (kept per admin in the database,
// so a reload or a later visit resumes it), each step's validation, and creating or saving the draft.
// A claim in Partner action required is edited through the same steps, except the fields fixed at
// submission (`lockedAfterSubmission`): those are refused here, whatever the browser sends.
import { isRefusal, Refusal } from "../refusal";
import "server-only";
import { randomUUID } from "node:crypto";
import type { PartnerViewer } from "../auth/session";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { ClaimStatus } from "../generated/prisma/enums";
import { isLocale } from "../i18n/locales";
import { findClaim, claimScope } from "./queries";
import { roleDefinitions } from "./roles";
import { checkDetailsRules, checkWorkloadRules, ENDS_SOON_MS } from "./rules";
import { SUBSCRIPTION_ENDED } from "./associations";
import { claimSchema, contactsSchema, contactsShape, detailsSchema, fieldErrorsOf, lockedAfterSubmission, workloadsSchema, type ClaimInput, type FieldErrors, type WizardStep } from "./schemas";
import { done, invalid, invalidInput, refused, type ActionResult } from "../result";
import { recordEvent } from "./history";
import { editableStatuses } from "./vocabulary";
import { findCollisions } from "./collisions";

export type WizardData = Partial<Omit<ClaimInput, "creationKey">> & { creationKey: string };
export type WizardKey = "new" | (string & {});
/** A step saved, or refused: its fields' errors, or the claim no longer editable, or an earlier step not valid. */
export type StepResult = ActionResult<undefined, "notEditable" | "previousStepIncomplete" | "invalidRequest">;
/** The claim created or saved, or refused: with the step to show the field errors on. */
export type FinishResult = ActionResult<{ claimId: string }, "notEditable", { step: WizardStep }>;

const stepSchemas = { 1: detailsSchema, 2: workloadsSchema, 3: contactsSchema } as const;


/** The claim being edited must be the organisation's and still editable (Draft, Partner action required). */
async function editableClaim(viewer: PartnerViewer, key: WizardKey) {
  if (key === "new") return null;
  const claim = await findClaim(viewer, key);
  if (!claim || !editableStatuses.includes(claim.status)) throw new Refusal("notEditable");
  return claim;
}

const lockedValue = (value: unknown) => (value === null || value === "" || value === false ? undefined : value);

/** The fields fixed at submission that `data` would change, as "lockedAfterSubmission" errors. */
function lockedFieldErrors(claim: ClaimDetail, data: Partial<WizardData>): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of lockedAfterSubmission) {
    if (field in data && lockedValue(data[field]) !== lockedValue(claim[field])) errors[field] = "lockedAfterSubmission";
  }
  return errors;
}

type ClaimDetail = NonNullable<Awaited<ReturnType<typeof findClaim>>>;

/** A saved claim as wizard entries. */
export function dataFromClaim(claim: ClaimDetail): WizardData {
  return {
    creationKey: claim.creationKey,
    solutionArea: claim.solutionArea,
    partnerRole: claim.partnerRole,
    name: claim.name,
    partnerId: claim.partnerId,
    tenantId: claim.tenantId,
    incentiveOptOut: claim.incentiveOptOut,
    dynamicsSellerName: claim.dynamicsSellerName ?? undefined,
    customerName: claim.customerName ?? undefined,
    isvSolutionName: claim.isvSolutionName ?? undefined,
    workloadIds: claim.workloads.map((w) => w.workload.id),
    subscriptionIds: claim.subscriptions.map((s) => s.subscription.id),
    customerContactName: claim.customerContactName,
    customerContactTitle: claim.customerContactTitle ?? undefined,
    customerContactAddress: claim.customerContactAddress,
    customerContactEmail: claim.customerContactEmail,
    customerLocale: isLocale(claim.customerLocale) ? claim.customerLocale : "en",
    partnerContactName: claim.partnerContactName,
    partnerContactEmail: claim.partnerContactEmail,
  };
}

/** The furthest step the data allows: a step opens only when every step before it is valid. */
export function reachableStep(data: WizardData): WizardStep {
  if (!detailsSchema.safeParse(data).success) return 1;
  if (!workloadsSchema.safeParse(data).success) return 2;
  if (!contactsSchema.safeParse(data).success) return 3;
  return 4;
}

/**
 * What the admin has entered so far (a new claim, or the draft with any unsaved edits). A new
 * claim's customer email language starts as the language the admin is using (`uiLocale`).
 */
export async function loadWizard(
  viewer: PartnerViewer,
  key: WizardKey,
  uiLocale?: string,
): Promise<{ data: WizardData; step: WizardStep; status: ClaimStatus | null; claim: ClaimDetail | null } | null> {
  let claim;
  try {
    claim = await editableClaim(viewer, key);
  } catch (error) {
    if (isRefusal(error, "notEditable")) return null;
    throw error;
  }
  const status = claim?.status ?? null;
  const saved = await db.wizardProgress.findUnique({ where: { userId_key: { userId: viewer.id, key } } });
  // Entries from before the claim's last status change (a Draft's unsaved edits, or an earlier round of
  // Partner action required) are not this round's: start again from the claim as it is.
  const stale = saved && claim?.statusChangedAt && saved.updatedAt.getTime() < claim.statusChangedAt.getTime();
  const progress = stale ? null : saved;
  if (progress) {
    const data = progress.data as WizardData;
    // Entries kept from before the submission must not bring back a change of a fixed field.
    if (claim && claim.status !== "DRAFT") {
      const fixed = dataFromClaim(claim);
      for (const field of lockedAfterSubmission) Object.assign(data, { [field]: fixed[field] });
    }
    return { data, step: progress.step as WizardStep, status, claim };
  }
  if (claim) return { data: dataFromClaim(claim), step: 4, status, claim };
  const data: WizardData = {
    creationKey: randomUUID(),
    customerLocale: isLocale(uiLocale) ? uiLocale : isLocale(viewer.locale) ? viewer.locale : "en",
    partnerContactName: viewer.name ?? undefined,
    partnerContactEmail: viewer.email,
  };
  return { data, step: 1, status, claim };
}

type Loaded = { data: WizardData; status: ClaimStatus | null; claim: ClaimDetail | null };

/**
 * One step's values applied to the entries: the step's schema, the fields fixed at submission, the
 * rules that need reference data, and what a change of area or tenant resets. The wizard keeps the
 * result (saveStep); the API saves it as the claim at once (lib/claims/sections.ts).
 */
export async function applyStep(viewer: PartnerViewer, loaded: Loaded, step: 1 | 2 | 3, values: unknown): Promise<Exclude<StepResult, { ok: true }> | { ok: true; data: WizardData }> {
  const parsed = stepSchemas[step].safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);

  let data: WizardData = { ...loaded.data, ...parsed.data };
  if (step === 1) {
    if (loaded.claim && loaded.claim.status !== "DRAFT") {
      const locked = lockedFieldErrors(loaded.claim, parsed.data);
      if (Object.keys(locked).length > 0) return invalid(locked);
    }
    const details = detailsSchema.parse(data);
    const errors = await checkDetailsRules(viewer, details);
    if (Object.keys(errors).length > 0) return invalid(errors);
    // A change of area or tenant invalidates the workloads or subscriptions chosen for the old one.
    if (loaded.data.solutionArea !== details.solutionArea) data = { ...data, workloadIds: [], subscriptionIds: [] };
    else if (loaded.data.tenantId !== details.tenantId) data = { ...data, subscriptionIds: [] };
    if (!roleDefinitions[details.partnerRole].revenueDetails) data = { ...data, dynamicsSellerName: undefined, customerName: undefined, isvSolutionName: undefined };
    if (details.solutionArea !== "MODERN_WORK_SECURITY") data = { ...data, incentiveOptOut: false };
  }
  if (step === 2) {
    const details = detailsSchema.safeParse(data);
    if (!details.success) return refused("previousStepIncomplete");
    const chosen = workloadsSchema.parse(data);
    const errors = await checkWorkloadRules({ ...details.data, ...chosen });
    if (Object.keys(errors).length > 0) return invalid(errors);
  }
  return { ok: true, data };
}

/** Validates one step (schema, then the rules that need reference data) and keeps it. */
export async function saveStep(viewer: PartnerViewer, key: WizardKey, step: 1 | 2 | 3, values: unknown, nextStep: WizardStep, uiLocale?: string): Promise<StepResult> {
  const loaded = await loadWizard(viewer, key, uiLocale);
  if (!loaded) return refused("notEditable");
  const applied = await applyStep(viewer, loaded, step, values);
  if (!applied.ok) return applied;
  const data = applied.data;
  const stored = JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue;
  const stepToKeep = Math.min(nextStep, reachableStep(data));
  await db.wizardProgress.upsert({
    where: { userId_key: { userId: viewer.id, key } },
    create: { userId: viewer.id, key, data: stored, step: stepToKeep },
    update: { data: stored, step: stepToKeep },
  });
  return done();
}

/**
 * Re-association before (or after) a Business Applications association ends with its subscription:
 * starts the admin's new-claim wizard from the old claim (role, PartnerID, tenant, revenue details and
 * contacts kept; the subscriptions left to choose, the renewal one), at the subscriptions step. Replaces
 * any new claim the admin had started and not created. Refused unless the claim is the organisation's
 * and `canRenew` says so.
 */
export async function startRenewal(viewer: PartnerViewer, claimId: string, now = new Date()): Promise<ActionResult<undefined, "notAllowed">> {
  const claim = await findClaim(viewer, claimId);
  if (!claim || !canRenew(claim, await db.association.findMany({ where: { claimId }, select: { endsAt: true, endedAt: true, endReason: true } }), now)) return refused("notAllowed");
  const { workloadIds: _workloads, subscriptionIds: _subscriptions, ...kept } = dataFromClaim(claim);
  const data: WizardData = { ...kept, creationKey: randomUUID(), name: `${claim.name} (renewal)`.slice(0, 100) };
  const stored = JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue;
  await db.wizardProgress.upsert({
    where: { userId_key: { userId: viewer.id, key: "new" } },
    create: { userId: viewer.id, key: "new", data: stored, step: 2 },
    update: { data: stored, step: 2 },
  });
  return done();
}

/**
 * Whether a claim offers re-association: a Business Applications claim whose association ends with its
 * subscription within the "ends soon" window, or has ended that way.
 */
export function canRenew(claim: { solutionArea: string }, associations: { endsAt: Date | string | null; endedAt: Date | string | null; endReason: string | null }[], now = new Date()) {
  return (
    claim.solutionArea === "BUSINESS_APPLICATIONS" &&
    associations.some((a) => (a.endedAt ? a.endReason === SUBSCRIPTION_ENDED : a.endsAt !== null && new Date(a.endsAt).getTime() - now.getTime() < ENDS_SOON_MS))
  );
}

/** Forgets the unsaved wizard entries (Cancel). */
export async function discardWizard(viewer: PartnerViewer, key: WizardKey) {
  await db.wizardProgress.deleteMany({ where: { userId: viewer.id, key } });
}

const stepOfField = (field: string | undefined): WizardStep => {
  if (field === undefined || field in detailsSchema.shape) return 1;
  if (field === "workloadIds" || field === "subscriptionIds" || field.startsWith("subscriptions.")) return 2;
  return 3;
};

/**
 * The whole claim checked with the wizard's rules: the schema of every step, then the rules that need
 * reference data (the organisation's PartnerIDs, the tenant, the workloads and subscriptions), and for a
 * submitted claim the fields fixed at submission. "Add customer" and the CSV import (lib/claims/import.ts)
 * both go through it, so a claim is accepted by one exactly when the other accepts it.
 */
export async function validateClaim(viewer: PartnerViewer, data: unknown, submitted: ClaimDetail | null = null): Promise<ActionResult<ClaimInput>> {
  const parsed = claimSchema.safeParse(data);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (submitted) {
    const locked = lockedFieldErrors(submitted, input);
    if (Object.keys(locked).length > 0) return invalid(locked);
  }
  const ruleErrors = { ...(await checkDetailsRules(viewer, input)), ...(await checkWorkloadRules(input)) };
  if (Object.keys(ruleErrors).length > 0) return invalid(ruleErrors);
  return done(input);
}

/** A validated claim's own columns (its workloads and subscriptions are rows of their own). */
function claimColumns(input: ClaimInput) {
  const { workloadIds: _workloads, subscriptionIds: _subscriptions, ...fields } = input;
  return {
    ...fields,
    dynamicsSellerName: fields.dynamicsSellerName ?? null,
    customerName: fields.customerName ?? null,
    isvSolutionName: fields.isvSolutionName ?? null,
    customerContactTitle: fields.customerContactTitle ?? null,
  };
}

/**
 * Creates a Draft of the viewer's organisation from a claim `validateClaim` accepted, with its audit
 * row, inside the caller's transaction; `creationKey` makes a repeat find it (unique). Returns its id.
 */
export async function insertDraft(tx: Prisma.TransactionClient, viewer: PartnerViewer, input: ClaimInput, creationKey: string) {
  const claim = await tx.claim.create({
    data: {
      ...claimColumns(input),
      organizationId: viewer.organization.id,
      createdById: viewer.id,
      creationKey,
      workloads: { create: input.workloadIds.map((workloadId) => ({ workloadId })) },
      subscriptions: { create: input.subscriptionIds.map((subscriptionId) => ({ subscriptionId })) },
    },
    select: { id: true },
  });
  await recordEvent(tx, { claimId: claim.id, action: "created", actorUserId: viewer.id, toStatus: "DRAFT" });
  return claim.id;
}

/**
 * Re-validates everything and creates the Draft ("Add customer"), or saves the edits of a draft.
 * A repeated call with the same creation key returns the claim the first call created.
 */
export async function finishWizard(viewer: PartnerViewer, key: WizardKey, creationKey: string): Promise<FinishResult> {
  const created = async () => (key === "new" ? db.claim.findFirst({ where: { ...claimScope(viewer), creationKey }, select: { id: true } }) : null);
  const existing = await created();
  if (existing) return done({ claimId: existing.id });
  const loaded = await loadWizard(viewer, key);
  if (!loaded) return refused("notEditable");
  if (key === "new" && loaded.data.creationKey !== creationKey) {
    // A concurrent call for this key may have created the claim (and cleared the entries) in between.
    const raced = await created();
    if (raced) return done({ claimId: raced.id });
  }
  return commitClaim(viewer, key, loaded);
}

/**
 * Re-validates the whole claim (schema and rules) and creates the Draft (key "new") or saves the
 * edits of the claim, with its audit row, in one transaction. The wizard's entries for the key are
 * cleared with it (`keepProgress` leaves them: the API creates a claim without touching the admin's
 * wizard). A concurrent creation with the same creation key returns the claim the first one made.
 */
export async function commitClaim(viewer: PartnerViewer, key: WizardKey, loaded: Loaded, { keepProgress = false }: { keepProgress?: boolean } = {}): Promise<FinishResult> {
  const submitted = loaded.claim && loaded.claim.status !== "DRAFT" ? loaded.claim : null;
  const validated = await validateClaim(viewer, loaded.data, submitted);
  if (!validated.ok) return invalid(validated.fieldErrors, { step: stepOfField(Object.keys(validated.fieldErrors)[0]) });
  const input = validated.data;

  const { workloadIds, subscriptionIds } = input;
  const columns = claimColumns(input);
  try {
    const claimId = await db.$transaction(async (tx) => {
      if (!keepProgress) await tx.wizardProgress.deleteMany({ where: { userId: viewer.id, key } });
      if (key === "new") return insertDraft(tx, viewer, input, loaded.data.creationKey);
      // A submitted claim competes for its items: queue behind submissions for the tenant, as submission does.
      if (submitted) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${submitted.tenantId}))`;
      // Only a claim of the organisation still in the status read may change; re-checked in the same statement.
      const status = loaded.status ?? "DRAFT";
      const updated = await tx.claim.updateMany({ where: { ...claimScope(viewer), id: key, status }, data: columns });
      if (updated.count !== 1) throw new Refusal("notEditable");
      await tx.claimWorkload.deleteMany({ where: { claimId: key } });
      await tx.claimSubscription.deleteMany({ where: { claimId: key } });
      await tx.claimWorkload.createMany({ data: workloadIds.map((workloadId) => ({ claimId: key, workloadId })) });
      await tx.claimSubscription.createMany({ data: subscriptionIds.map((subscriptionId) => ({ claimId: key, subscriptionId })) });
      if (!submitted) {
        await recordEvent(tx, { claimId: key, action: "updated", actorUserId: viewer.id });
        return key;
      }
      const own = await findCollisions({ organizationId: viewer.organization.id, tenantId: submitted.tenantId, solutionArea: submitted.solutionArea, partnerRole: submitted.partnerRole, excludeClaimId: key, sameOrganization: true }, tx);
      const items = submitted.solutionArea === "MODERN_WORK_SECURITY" ? workloadIds : subscriptionIds;
      if (items.some((id) => own[id])) throw new Refusal("duplicateOwnClaim");
      await recordEvent(tx, { claimId: key, action: "edited", actorUserId: viewer.id, fromStatus: status, note: changedSections(submitted, input).join(", ") || undefined });
      return key;
    });
    return done({ claimId });
  } catch (error) {
    if (isRefusal(error, "notEditable")) return refused("notEditable");
    if (isRefusal(error, "duplicateOwnClaim")) return invalid({ workloadIds: "duplicateOwnClaim" }, { step: 2 });
    // A concurrent "Add customer" with the same key already created the claim: return it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await db.claim.findFirst({ where: { ...claimScope(viewer), creationKey: loaded.data.creationKey }, select: { id: true } });
      if (existing) return done({ claimId: existing.id });
    }
    throw error;
  }
}

/** Which parts of a submitted claim an edit changed, for the audit row: "partnerId", "workloads", "contacts". */
function changedSections(claim: ClaimDetail, input: ClaimInput) {
  const before = dataFromClaim(claim);
  const sameSet = (a: string[] = [], b: string[] = []) => a.length === b.length && a.every((x) => b.includes(x));
  const sections: string[] = [];
  if (before.partnerId !== input.partnerId) sections.push("partnerId");
  if (!sameSet(before.workloadIds, input.workloadIds) || !sameSet(before.subscriptionIds, input.subscriptionIds)) sections.push("workloads");
  if (Object.keys(contactsShape).some((field) => lockedValue(before[field as keyof WizardData]) !== lockedValue(input[field as keyof ClaimInput]))) sections.push("contacts");
  return sections;
}

/** Deletes a Draft of the organisation (kept for the audit history, hidden everywhere). */
export async function deleteDraft(viewer: PartnerViewer, claimId: string) {
  return db.$transaction(async (tx) => {
    const deleted = await tx.claim.updateMany({ where: { ...claimScope(viewer), id: claimId, status: "DRAFT" }, data: { deletedAt: new Date() } });
    if (deleted.count !== 1) return false;
    await recordEvent(tx, { claimId, action: "deleted", actorUserId: viewer.id });
    await tx.wizardProgress.deleteMany({ where: { userId: viewer.id, key: claimId } });
    return true;
  });
}
