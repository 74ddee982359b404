// What the wizard's steps show that comes from the server (app/(portal)/claims/wizard-route.tsx
// composes it): the saved entries and the step to open, and for step 2 the catalogue, the tenant's
// subscriptions and the collision warnings.
import "server-only";
import type { PartnerViewer } from "../auth/session";
import type { PartnerRole, SolutionArea } from "../generated/prisma/enums";
import { tenantWithSubscriptions, workloadCatalog } from "../reference/queries";
import { findCollisions } from "./collisions";
import { subscriptionChoice } from "./rules";
import type { WizardStep } from "./schemas";
import { loadWizard, reachableStep } from "./wizard";

/** The wizard of `claimKey` ("new" or a claim id) at the requested step, never past the first incomplete one; null when not the viewer's. */
export async function wizardView(viewer: PartnerViewer, claimKey: string, requestedStep: string | undefined, locale: string) {
  const loaded = await loadWizard(viewer, claimKey, locale);
  if (!loaded) return null;
  const reachable = reachableStep(loaded.data);
  const wanted = Number(requestedStep) || loaded.step;
  const step = Math.max(1, Math.min(wanted, reachable)) as WizardStep;
  // A claim in Partner action required: same steps, with the fields fixed at submission locked.
  const locked = loaded.status !== null && loaded.status !== "DRAFT";
  return { data: loaded.data, reachable, step, locked };
}

/**
 * Step 2: the area's workloads, the tenant and (Business Applications) its subscriptions, and the
 * collision warnings (for Business Applications, in the engagement the partner role chose).
 */
export async function workloadsStepView(
  viewer: PartnerViewer,
  claimKey: string,
  { solutionArea, partnerRole, tenantId }: { solutionArea: SolutionArea; partnerRole: PartnerRole; tenantId: string },
  now = new Date(),
) {
  const [workloads, tenant, collisions] = await Promise.all([
    workloadCatalog(solutionArea),
    tenantWithSubscriptions(tenantId),
    findCollisions({ organizationId: viewer.organization.id, tenantId, solutionArea, partnerRole, excludeClaimId: claimKey === "new" ? undefined : claimKey }),
  ]);
  return {
    tenant: { id: tenantId, name: tenant?.name ?? null },
    workloads: workloads.map((w) => ({ id: w.id, name: w.name })),
    subscriptions: solutionArea === "BUSINESS_APPLICATIONS" ? (tenant?.subscriptions ?? []).map((s) => subscriptionChoice(s, now)) : [],
    collisions,
  };
}
