"use client";
// Step 4: everything on one page, an Edit per section, and Add customer (or Save changes for a draft).
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Text } from "@fluentui/react-components";
import { finishClaimWizard } from "@/lib/claims/actions";
import type { ClaimSummaryView } from "@/lib/claims/summary";
import { ClaimSummary } from "../ClaimSummary";
import { wizardPath } from "./useWizardStep";
import { WizardFrame } from "./WizardFrame";

export function ReviewStep({ claimKey, creationKey, summary, submitted = false }: { claimKey: string; creationKey: string; summary: ClaimSummaryView; submitted?: boolean }) {
  const t = useTranslations("Wizard");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string>();
  const submitting = useRef(false);
  const isNew = claimKey === "new";

  const finish = () => {
    // A second click while the first is on its way does nothing; the server is idempotent as well.
    if (submitting.current) return;
    submitting.current = true;
    startTransition(async () => {
      const result = await finishClaimWizard(claimKey, creationKey);
      if (result.ok) {
        router.push(`/claims/${result.data.claimId}`);
        return;
      }
      submitting.current = false;
      if (result.details?.step) {
        router.push(wizardPath(claimKey, result.details.step));
        return;
      }
      setFormError(result.problem ?? Object.values(result.fieldErrors)[0] ?? "genericError");
    });
  };

  return (
    <WizardFrame
      claimKey={claimKey}
      step={4}
      reachable={4}
      pending={pending}
      formError={formError}
      onBack={() => router.push(wizardPath(claimKey, 3))}
      onNext={finish}
      nextLabel={isNew ? t("addCustomer") : t("saveChanges")}
    >
      <Text>{isNew ? t("reviewIntro") : submitted ? t("reviewIntroSubmitted") : t("reviewIntroEdit")}</Text>
      <ClaimSummary claim={summary} editHref={(step) => wizardPath(claimKey, step)} />
    </WizardFrame>
  );
}
