// The wizard page for a new claim or a draft (claims/new and claims/[id]/edit): resumes the saved
// entries, opens the requested step (never past the first incomplete one), and shows what that step needs.
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ContactsStep, DetailsStep, ReviewStep, WorkloadsStep } from "@/components/claims/wizard/steps";
import { requirePartnerAdmin } from "@/lib/auth/session";
import { solutionAreas } from "@/lib/claims/roles";
import { summaryOfWizard } from "@/lib/claims/summary";
import { wizardView, workloadsStepView } from "@/lib/claims/wizard-page";

export async function WizardRoute({ claimKey, requestedStep, requestedArea }: { claimKey: string; requestedStep?: string; requestedArea?: string }) {
  const viewer = await requirePartnerAdmin();
  const view = await wizardView(viewer, claimKey, requestedStep, await getLocale());
  if (!view) notFound();
  const { data, reachable, step, locked } = view;
  const t = await getTranslations("Wizard");
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
    const choices = await workloadsStepView(viewer, claimKey, { solutionArea: area, partnerRole: data.partnerRole!, tenantId: data.tenantId! });
    return (
      <>
        {header}
        <WorkloadsStep claimKey={claimKey} reachable={reachable} defaults={{ workloadIds: data.workloadIds ?? [], subscriptionIds: data.subscriptionIds ?? [] }} solutionArea={area} {...choices} />
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
