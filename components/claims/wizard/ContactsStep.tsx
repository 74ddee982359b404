"use client";
// Step 3: the customer's contact (who receives the approval email) and the partner's own contact,
// each a fieldset whose legend says whose "Name" it is.
import { Controller, useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Field, Input, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import type { ContactsInput, WizardStep } from "@/lib/claims/fields";
import { resolverOnDemand } from "@/components/forms/resolverOnDemand";
import { locales } from "@/lib/i18n/locales";
import { useFieldError } from "./fieldError";
import { useWizardStep } from "./useWizardStep";
import { WizardFrame } from "./WizardFrame";

const useStyles = makeStyles({
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "12px 16px 16px", margin: 0, display: "flex", flexDirection: "column", gap: "12px" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: "0 4px" },
});

const validation = resolverOnDemand(() => import("@/lib/claims/fields").then((m) => m.contactsFormSchema));

type TextField = Exclude<keyof ContactsInput, "customerLocale">;

export function ContactsStep({ claimKey, reachable, defaults }: { claimKey: string; reachable: WizardStep; defaults: Partial<ContactsInput> }) {
  const styles = useStyles();
  const t = useTranslations("Wizard");
  const tr = useTranslations();
  const fieldError = useFieldError();
  const form = useForm<ContactsInput>({
    resolver: validation.resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: {
      customerContactName: "",
      customerContactTitle: "",
      customerContactAddress: "",
      customerContactEmail: "",
      partnerContactName: "",
      partnerContactEmail: "",
      customerLocale: "en",
      ...defaults,
    },
  });
  const { pending, formError, saveAndGo, goBack } = useWizardStep({ claimKey, step: 3, form });
  const errors = form.formState.errors;

  const text = (name: TextField, label: string, options: { required?: boolean; type?: "email"; hint?: string; multiline?: boolean; autoComplete?: string } = {}) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Field label={label} required={options.required ?? true} hint={options.hint} {...fieldError(errors[name])}>
          {options.multiline ? (
            <Textarea {...field} value={field.value ?? ""} resize="vertical" rows={3} />
          ) : (
            <Input {...field} value={field.value ?? ""} type={options.type ?? "text"} autoComplete={options.autoComplete ?? "off"} />
          )}
        </Field>
      )}
    />
  );

  return (
    <WizardFrame claimKey={claimKey} step={3} reachable={reachable} pending={pending} formError={formError} onBack={goBack} onNext={saveAndGo(4)} onFirstUse={validation.preload}>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("customerContact")}</legend>
        {text("customerContactName", t("contactName"))}
        {text("customerContactTitle", t("contactTitle"), { required: false, hint: t("contactTitleHint") })}
        {text("customerContactAddress", t("contactAddress"), { multiline: true })}
        {text("customerContactEmail", t("contactEmail"), { type: "email" })}
        <Controller
          control={form.control}
          name="customerLocale"
          render={({ field }) => (
            <Field label={t("customerLocale")} required>
              <Select {...field} value={field.value ?? "en"}>
                {locales.map((locale) => (
                  <option key={locale} value={locale} lang={locale}>
                    {tr(`Languages.${locale}`)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("partnerContact")}</legend>
        {text("partnerContactName", t("contactName"), { autoComplete: "name" })}
        {text("partnerContactEmail", t("contactEmail"), { type: "email", autoComplete: "email" })}
      </fieldset>
    </WizardFrame>
  );
}
