// The wizard page for a new claim or a draft: resumes the saved entries, opens the requested step
// (never past the first incomplete one), and loads what that step needs from the server.
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { findCollisions } from "@/lib/claims/collisions";
import { subscriptionEligibility } from "@/lib/claims/rules";
import { solutionAreas } from "@/lib/claims/roles";
import type { WizardStep } from "@/lib/claims/schemas";
import { summaryOfWizard } from "@/lib/claims/summary";
import { loadWizard, reachableStep } from "@/lib/claims/wizard";
import { tenantWithSubscriptions, workloadCatalog } from "@/lib/reference/queries";
import { ContactsStep } from "./ContactsStep";
import { DetailsStep } from "./DetailsStep";
import { ReviewStep } from "./ReviewStep";
import { WorkloadsStep } from "./WorkloadsStep";

const REASSOCIATE_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

export async function WizardRoute({ claimKey, requestedStep, requestedArea }: { claimKey: string; requestedStep?: string; requestedArea?: string }) {
  const viewer = await requirePartnerAdmin();
  const loaded = await loadWizard(viewer, claimKey, await getLocale());
  if (!loaded) notFound();
  const { data } = loaded;
  const reachable = reachableStep(data);
  const wanted = Number(requestedStep) || loaded.step;
  const step = Math.max(1, Math.min(wanted, reachable)) as WizardStep;
  const t = await getTranslations("Wizard");
  // A claim in Partner action required: same steps, with the fields fixed at submission locked.
  const locked = loaded.status !== null && loaded.status !== "DRAFT";
  const title = claimKey === "new" ? t("newTitle") : t(locked ? "editSubmittedTitle" : "editTitle", { name: data.name ?? "" });
  const header = <PageHeader title={title} lead={t("stepOf", { step })} />;

  if (step === 1) {
    const area = data.solutionArea ?? solutionAreas.find((a) => a === requestedArea);
    return (
      <>
        {header}
        <DetailsStep claimKey={claimKey} reachable={reachable} defaults={{ ...data, solutionArea: area }} locations={viewer.organization.locations} locked={locked} />
      </>
    );
  }
  if (step === 2) {
    const area = data.solutionArea!;
    const tenantId = data.tenantId!;
    const [workloads, tenant, collisions] = await Promise.all([
      workloadCatalog(area),
      tenantWithSubscriptions(tenantId),
      findCollisions({ organizationId: viewer.organization.id, tenantId, solutionArea: area, excludeClaimId: claimKey === "new" ? undefined : claimKey }),
    ]);
    const now = new Date();
    const subscriptions =
      area === "BUSINESS_APPLICATIONS"
        ? (tenant?.subscriptions ?? []).map((s) => ({
            id: s.id,
            workloadId: s.workloadId,
            channel: s.channel,
            endsAt: s.endsAt.toISOString(),
            eligibility: subscriptionEligibility(s, now),
            endsSoon: s.endsAt.getTime() - now.getTime() < REASSOCIATE_WINDOW_MS,
          }))
        : [];
    return (
      <>
        {header}
        <WorkloadsStep
          claimKey={claimKey}
          reachable={reachable}
          defaults={{ workloadIds: data.workloadIds ?? [], subscriptionIds: data.subscriptionIds ?? [] }}
          solutionArea={area}
          tenant={{ id: tenantId, name: tenant?.name ?? null }}
          workloads={workloads.map((w) => ({ id: w.id, name: w.name }))}
          subscriptions={subscriptions}
          collisions={collisions}
        />
      </>
    );
  }
  if (step === 3) {
    return (
      <>
        {header}
        <ContactsStep claimKey={claimKey} reachable={reachable} defaults={data} />
      </>
    );
  }
  return (
    <>
      {header}
      <ReviewStep claimKey={claimKey} creationKey={data.creationKey} summary={await summaryOfWizard(data, viewer.organization.locations)} submitted={locked} />
    </>
  );
}
