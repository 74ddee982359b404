"use client";
// The acknowledgements (all required) and "Submit claim". The server re-validates everything;
// a second click, tab or retry lands on the same submission. While a PoE file is still uploading the
// button waits, saying why: the server would not count that file yet.
import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, type Path } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Checkbox, Field, makeStyles, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useFieldError } from "@/components/claims/wizard/fieldError";
import { submitClaimAction } from "@/lib/claims/actions";
import type { SubmissionInput } from "@/lib/poe/fields";
import { acknowledgementKeys } from "@/lib/poe/vocabulary";
import { resolverOnDemand } from "@/components/forms/resolverOnDemand";
import { UploadAwareButton } from "./UploadAwareButton";

const validation = resolverOnDemand(() => import("@/lib/poe/fields").then((m) => m.submissionFormSchema));

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  actions: { marginTop: "12px" },
});

export function SubmitClaim({ claimId, uploading = false }: { claimId: string; uploading?: boolean }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  const fieldError = useFieldError();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string>();
  const form = useForm<SubmissionInput>({
    resolver: validation.resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { acknowledgements: Object.fromEntries(acknowledgementKeys.map((key) => [key, false])) as unknown as SubmissionInput["acknowledgements"] },
  });
  const onSubmit = form.handleSubmit((values) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        setProblem(undefined);
        const result = await submitClaimAction(claimId, values);
        if (result.ok) router.push(`/claims/${claimId}`);
        else {
          if (result.problem) setProblem(result.problem);
          for (const [field, message] of Object.entries(result.fieldErrors)) {
            if (field.startsWith("acknowledgements.")) form.setError(field as Path<SubmissionInput>, { type: "server", message });
          }
        }
        resolve();
      }),
    ),
  );
  // The button stays focusable while files upload (so its reason is read out), hence the guard here too.
  const submit = (event: FormEvent<HTMLFormElement>) => (uploading ? event.preventDefault() : onSubmit(event));
  return (
    <form className={styles.form} noValidate onSubmit={submit} aria-label={t("submitHeading")} onFocus={validation.preload}>
      {acknowledgementKeys.map((key) => (
        <Controller
          key={key}
          control={form.control}
          name={`acknowledgements.${key}`}
          render={({ field }) => (
            <Field {...fieldError(form.formState.errors.acknowledgements?.[key])}>
              <Checkbox label={t(`acknowledgements.${key}`)} checked={Boolean(field.value)} onChange={(_, data) => field.onChange(Boolean(data.checked))} required />
            </Field>
          )}
        />
      ))}
      {problem ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t.has(`problems.${problem}`) ? t(`problems.${problem}`) : t("problems.notEditable")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <UploadAwareButton type="submit" appearance="primary" disabled={pending} uploading={uploading} className={styles.actions}>
        {pending ? t("submitting") : t("submit")}
      </UploadAwareButton>
    </form>
  );
}
