"use client";
// Saving a wizard step through the server action, showing the server's field errors, and moving on.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { saveWizardStep } from "@/lib/claims/actions";
import type { WizardStep } from "@/lib/claims/fields";

export const wizardPath = (claimKey: string, step: WizardStep) => `${claimKey === "new" ? "/claims/new" : `/claims/${claimKey}/edit`}?step=${step}`;

export function useWizardStep<T extends FieldValues>({ claimKey, step, form }: { claimKey: string; step: 1 | 2 | 3; form: UseFormReturn<T> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string>();

  const saveAndGo = (target: WizardStep) =>
    form.handleSubmit((values) =>
      new Promise<void>((resolve) =>
        startTransition(async () => {
          setFormError(undefined);
          const result = await saveWizardStep(claimKey, step, values, target);
          if (result.ok) {
            router.push(wizardPath(claimKey, target));
          } else {
            if (result.problem) setFormError(result.problem);
            for (const [field, message] of Object.entries(result.fieldErrors)) form.setError(field as Path<T>, { type: "server", message }, { shouldFocus: true });
          }
          resolve();
        }),
      ),
    );

  /** Back keeps this step's entries when they are valid, and goes back either way. */
  const goBack = async () => {
    const valid = await form.trigger();
    if (!valid) {
      router.push(wizardPath(claimKey, (step - 1) as WizardStep));
      return;
    }
    await saveAndGo((step - 1) as WizardStep)();
  };

  return { pending, formError, saveAndGo, goBack };
}
