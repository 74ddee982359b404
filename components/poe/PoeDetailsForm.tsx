"use client";
// The details of the proof of execution: kind of document, activities, workloads per activity
// type, the customer's dated acknowledgement, and the public-sector flag.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, type Path } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, tokens } from "@fluentui/react-components";
import { useFieldError } from "@/components/claims/wizard/fieldError";
import { savePoeDetailsAction } from "@/lib/poe/actions";
import { SaveBar } from "./SaveBar";
import type { PoeDetailsInput } from "@/lib/poe/fields";
import { oldestAcknowledgement, poeActivityTypes, poeDocumentTypes } from "@/lib/poe/vocabulary";
import { resolverOnDemand } from "@/components/forms/resolverOnDemand";

const validation = resolverOnDemand(() => import("@/lib/poe/fields").then((m) => m.poeDetailsFormSchema));

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "16px" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", padding: "6px 8px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontWeight: tokens.fontWeightSemibold, verticalAlign: "bottom" },
  td: { padding: "2px 8px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "12px 16px 16px", margin: 0, overflowX: "auto" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: "0 4px" },
  hint: { color: tokens.colorNeutralForeground2, margin: "0 0 8px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  row: { display: "flex", gap: "16px", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "220px" },
});

export function PoeDetailsForm({ claimId, workloads, defaults }: { claimId: string; workloads: { id: string; name: string }[]; defaults?: PoeDetailsInput }) {
  const styles = useStyles();
  const t = useTranslations("Poe");
  const te = useTranslations("Errors");
  const fieldError = useFieldError();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string>();
  const withAllActivities = (given?: PoeDetailsInput["activities"]) =>
    poeActivityTypes.map((activity) => ({ activity, workloadIds: given?.find((a) => a.activity === activity)?.workloadIds ?? [] }));
  const form = useForm<PoeDetailsInput>({
    resolver: validation.resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { documentType: undefined, activitiesDescription: "", customerAcknowledgedOn: "", acknowledgedByName: "", publicSector: false, ...defaults, activities: withAllActivities(defaults?.activities) },
  });
  const errors = form.formState.errors;
  const now = new Date();

  const onSubmit = form.handleSubmit((values) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        setSaved(false);
        setFormError(undefined);
        const result = await savePoeDetailsAction(claimId, values);
        if (result.ok) {
          setSaved(true);
          router.refresh();
        } else {
          // The form says why only when the claim can no longer be changed or the portal is unavailable.
          setFormError(result.problem === "notEditable" || result.problem === "unavailable" ? result.problem : undefined);
          for (const [field, message] of Object.entries(result.fieldErrors)) form.setError(field as Path<PoeDetailsInput>, { type: "server", message });
        }
        resolve();
      }),
    ),
  );

  return (
    <form className={styles.form} noValidate onSubmit={onSubmit} aria-label={t("detailsHeading")} onFocus={validation.preload}>
      {formError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{formError === "unavailable" ? te("unavailable") : t("problems.notEditable")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Controller
        control={form.control}
        name="documentType"
        render={({ field }) => (
          <Field label={t("documentType")} hint={t("documentTypeHint")} required {...fieldError(errors.documentType)}>
            <RadioGroup value={field.value ?? ""} onChange={(_, data) => field.onChange(data.value)}>
              {poeDocumentTypes.map((value) => (
                <Radio key={value} value={value} label={t(`documentTypes.${value}`)} />
              ))}
            </RadioGroup>
          </Field>
        )}
      />
      <Field label={t("activitiesDescription")} hint={t("activitiesDescriptionHint")} required {...fieldError(errors.activitiesDescription)}>
        <Textarea {...form.register("activitiesDescription")} resize="vertical" rows={4} />
      </Field>
      <Controller
        control={form.control}
        name="activities"
        render={({ field }) => {
          const error = fieldError(errors.activities as { message?: string } | undefined).validationMessage;
          const toggle = (activity: string, workloadId: string, on: boolean) =>
            field.onChange(
              (field.value ?? []).map((a) =>
                a.activity === activity ? { ...a, workloadIds: on ? [...new Set([...a.workloadIds, workloadId])] : a.workloadIds.filter((id) => id !== workloadId) } : a,
              ),
            );
          return (
            <fieldset className={styles.fieldset} aria-describedby={error ? "activities-error" : undefined}>
              <legend className={styles.legend}>
                {t("activitiesLegend")} <span aria-hidden>*</span>
              </legend>
              <p className={styles.hint}>{t("activitiesHint")}</p>
              {error ? (
                <p id="activities-error" role="alert" className={styles.error}>
                  {error}
                </p>
              ) : null}
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th className={styles.th} scope="col">
                      {t("workloadColumn")}
                    </th>
                    {poeActivityTypes.map((activity) => (
                      <th key={activity} className={styles.th} scope="col">
                        {t(`activityTypes.${activity}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {workloads.map((workload) => (
                    <tr key={workload.id}>
                      <th className={styles.td} scope="row">
                        {workload.name}
                      </th>
                      {poeActivityTypes.map((activity) => (
                        <td key={activity} className={styles.td}>
                          <Checkbox
                            aria-label={t("activityCell", { activity: t(`activityTypes.${activity}`), workload: workload.name })}
                            checked={field.value?.find((a) => a.activity === activity)?.workloadIds.includes(workload.id) ?? false}
                            onChange={(_, data) => toggle(activity, workload.id, Boolean(data.checked))}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          );
        }}
      />
      <div className={styles.row}>
        <Field className={styles.grow} label={t("acknowledgedOn")} hint={t("acknowledgedOnHint")} required {...fieldError(errors.customerAcknowledgedOn)}>
          <Input type="date" min={oldestAcknowledgement(now)} max={now.toISOString().slice(0, 10)} {...form.register("customerAcknowledgedOn")} />
        </Field>
        <Field className={styles.grow} label={t("acknowledgedByName")} required {...fieldError(errors.acknowledgedByName)}>
          <Input {...form.register("acknowledgedByName")} />
        </Field>
        <Field className={styles.grow} label={t("acknowledgedByTitle")} {...fieldError(errors.acknowledgedByTitle)}>
          <Input {...form.register("acknowledgedByTitle")} />
        </Field>
      </div>
      <Controller
        control={form.control}
        name="publicSector"
        render={({ field }) => (
          <Field hint={t("publicSectorHint")}>
            <Checkbox label={t("publicSector")} checked={Boolean(field.value)} onChange={(_, data) => field.onChange(Boolean(data.checked))} />
          </Field>
        )}
      />
      <SaveBar label={t("saveDetails")} pending={pending} saved={saved} />
    </form>
  );
}
