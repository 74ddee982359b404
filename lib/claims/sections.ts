// A claim written section by section in one call each, for API clients: the wizard's schemas, rules and
// save (lib/claims/wizard.ts), without the wizard's kept entries in between. Creating validates the
// whole claim at once; saving a section applies that step to the claim as saved and saves it again.
import "server-only";
import { randomUUID } from "node:crypto";
import type { PartnerViewer } from "../auth/session";
import { invalidInput, refused, type Refused } from "../result";
import { findClaim } from "./queries";
import { claimSchema, claimSections, type ClaimSection } from "./schemas";
import { editableStatuses } from "./vocabulary";
import { applyStep, commitClaim, dataFromClaim, type FinishResult, type StepResult } from "./wizard";

export type SectionResult = FinishResult | Refused<"notFound"> | Exclude<StepResult, { ok: true }>;

/**
 * Creates a Draft from a whole claim. `creationKey` (the client's idempotency key) makes a repeated
 * call return the claim the first one created.
 */
export async function createDraft(viewer: PartnerViewer, values: unknown, creationKey: string = randomUUID()): Promise<FinishResult | Refused<"invalidRequest">> {
  const parsed = claimSchema.safeParse(values);
  if (!parsed.success) return invalidInput(parsed.error);
  return commitClaim(viewer, "new", { data: { ...parsed.data, creationKey }, status: null, claim: null }, { keepProgress: true });
}

/** Saves one section of an editable claim of the organisation (Draft, or Partner action required). */
export async function saveSection(viewer: PartnerViewer, claimId: string, section: ClaimSection, values: unknown): Promise<SectionResult> {
  const claim = await findClaim(viewer, claimId);
  if (!claim) return refused<"notFound">("notFound");
  if (!editableStatuses.includes(claim.status)) return refused("notEditable");
  const loaded = { data: dataFromClaim(claim), status: claim.status, claim };
  const applied = await applyStep(viewer, loaded, claimSections[section], values);
  if (!applied.ok) return applied;
  return commitClaim(viewer, claimId, { ...loaded, data: applied.data });
}
