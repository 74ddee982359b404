"use client";
// "Dispute this decision" on a Rejected claim while the window is open: the explanation (required)
// and the new proof (PoE files uploaded here, at least one), then Submit dispute (which waits while a
// file is still uploading).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useFormatter, useTranslations } from "next-intl";
import { Field, makeStyles, MessageBar, MessageBarBody, Subtitle2, Text, Textarea, tokens } from "@fluentui/react-components";
import { useFieldError } from "@/components/claims/wizard/fieldError";
import { PoeFiles, type UploadedFile } from "@/components/poe/PoeFiles";
import { UploadAwareButton } from "@/components/poe/UploadAwareButton";
import { disputeClaimAction } from "@/lib/claims/partner-actions";
import type { DisputeInput } from "@/lib/claims/fields";
import { resolverOnDemand } from "@/components/forms/resolverOnDemand";

const validation = resolverOnDemand(() => import("@/lib/claims/fields").then((m) => m.disputeFormSchema));

const useStyles = makeStyles({
  section: { marginBottom: "16px", maxWidth: "880px", display: "flex", flexDirection: "column", gap: "12px", padding: "16px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function DisputeForm({ claimId, closesAt, newFiles }: { claimId: string; closesAt: string; newFiles: UploadedFile[] }) {
  const styles = useStyles();
  const t = useTranslations("PartnerLoop");
  const te = useTranslations("Errors");
  const tv = useTranslations("Validation");
  const format = useFormatter();
  const fieldError = useFieldError();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string>();
  const [filesError, setFilesError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const form = useForm<DisputeInput>({ resolver: validation.resolver, defaultValues: { explanation: "" } });

  const onSubmit = form.handleSubmit((values) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        setProblem(undefined);
        setFilesError(undefined);
        const result = await disputeClaimAction(claimId, values);
        if (result.ok) router.refresh();
        else {
          if (result.fieldErrors.explanation) form.setError("explanation", { type: "server", message: result.fieldErrors.explanation }, { shouldFocus: true });
          if (result.fieldErrors.poeFiles) setFilesError(result.fieldErrors.poeFiles);
          if (result.problem) setProblem(result.problem);
        }
        resolve();
      }),
    ),
  );

  return (
    <section className={styles.section} aria-labelledby="dispute-heading">
      <Subtitle2 as="h2" id="dispute-heading">
        {t("disputeHeading")}
      </Subtitle2>
      <Text>{t("disputeIntro", { date: format.dateTime(new Date(closesAt), { dateStyle: "medium" }) })}</Text>
      {/* The files block has buttons of its own, so it stays outside the form; Submit dispute names the form. */}
      {/* Submit dispute stays focusable while files upload (so its reason is read out), hence the guard here too. */}
      <form id="dispute-form" noValidate onFocus={validation.preload} onSubmit={(event) => (uploading ? event.preventDefault() : onSubmit(event))} aria-labelledby="dispute-heading">
        <Field label={t("disputeExplanation")} required hint={t("maxChars", { max: 2000 })} {...fieldError(form.formState.errors.explanation)}>
          <Textarea {...form.register("explanation")} rows={5} resize="vertical" maxLength={2000} />
        </Field>
      </form>
      <Text weight="semibold" id="dispute-files-heading">
        {t("disputeFiles")}
      </Text>
      <Text size={200} className={styles.muted}>
        {t("disputeFilesHint")}
      </Text>
      <PoeFiles claimId={claimId} files={newFiles} editable onUploadingChange={setUploading} />
      {filesError && newFiles.length === 0 ? (
        <MessageBar intent="error" role="alert" data-testid="dispute-files-error">
          <MessageBarBody>{tv.has(filesError) ? tv(filesError) : filesError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {problem ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem === "unavailable" ? te("unavailable") : t.has(`problems.${problem}`) ? t(`problems.${problem}`) : t("problems.notAllowed")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <UploadAwareButton type="submit" form="dispute-form" appearance="primary" disabled={pending} uploading={uploading}>
        {pending ? t("disputeSubmitting") : t("disputeSubmit")}
      </UploadAwareButton>
    </section>
  );
}
