"use client";
// Step 1: solution area, partner role (explained in place), claim name, PartnerID, tenant ID, and the
// role's extra fields (incentive opt-out; revenue association details). After submission (Partner
// action required) only the PartnerID may change here: the rest is shown locked, and the server refuses it too.
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Badge, Checkbox, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, tokens } from "@fluentui/react-components";
import type { DetailsInput, WizardStep } from "@/lib/claims/fields";
import { resolverOnDemand } from "@/components/forms/resolverOnDemand";
import { roleDefinitions, rolesOf, solutionAreas } from "@/lib/claims/roles";
import { useFieldError } from "./fieldError";
import { useWizardStep } from "./useWizardStep";
import { WizardFrame } from "./WizardFrame";

const useStyles = makeStyles({
  roleLabel: { display: "flex", flexDirection: "column", gap: "4px", paddingBottom: "8px" },
  roleName: { display: "flex", gap: "8px", alignItems: "center", fontWeight: tokens.fontWeightSemibold },
  help: { color: tokens.colorNeutralForeground2 },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "12px 16px 16px", display: "flex", flexDirection: "column", gap: "12px", margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: "0 4px" },
});

const validation = resolverOnDemand(() => import("@/lib/claims/fields").then((m) => m.detailsFormSchema));

export const TENANT_ID_HELP = "https://learn.microsoft.com/partner-center/account-settings/find-ids-and-domain-names";
export const COOP_HELP = "https://learn.microsoft.com/partner-center/marketing/earn-co-op-marketing-funds";

export function DetailsStep({
  claimKey,
  reachable,
  defaults,
  locations,
  locked = false,
}: {
  claimKey: string;
  reachable: WizardStep;
  defaults: Partial<DetailsInput>;
  locations: { partnerId: string; city: string | null }[];
  locked?: boolean;
}) {
  const styles = useStyles();
  const t = useTranslations("Wizard");
  const tr = useTranslations();
  const fieldError = useFieldError();
  const form = useForm<DetailsInput>({
    resolver: validation.resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { incentiveOptOut: false, name: "", tenantId: "", partnerId: locations.length === 1 ? locations[0].partnerId : "", ...defaults },
  });
  const { pending, formError, saveAndGo } = useWizardStep({ claimKey, step: 1, form });
  const area = useWatch({ control: form.control, name: "solutionArea" });
  const role = useWatch({ control: form.control, name: "partnerRole" });
  const errors = form.formState.errors;
  const lockedHint = locked ? t("lockedHint") : undefined;

  return (
    <WizardFrame claimKey={claimKey} step={1} reachable={reachable} pending={pending} formError={formError} onNext={saveAndGo(2)} onFirstUse={validation.preload}>
      {locked ? (
        <MessageBar intent="info" data-testid="locked-note">
          <MessageBarBody>{t("lockedNote")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <MessageBar intent="info">
        <MessageBarBody>
          {t("cspNote")}{" "}
          <Link href={COOP_HELP} target="_blank" rel="noreferrer" inline>
            {t("coopLink")}
          </Link>
        </MessageBarBody>
      </MessageBar>
      <Controller
        control={form.control}
        name="solutionArea"
        render={({ field }) => (
          <Field label={t("solutionArea")} required hint={lockedHint} {...fieldError(errors.solutionArea)}>
            <RadioGroup
              layout="horizontal"
              disabled={locked}
              value={field.value ?? ""}
              onChange={(_, data) => {
                field.onChange(data.value);
                // Modern Work and Security has one role; Business Applications asks for a deliberate choice.
                const roles = rolesOf(data.value as (typeof solutionAreas)[number]);
                form.setValue("partnerRole", (roles.length === 1 ? roles[0] : undefined) as DetailsInput["partnerRole"]);
              }}
            >
              {solutionAreas.map((value) => (
                <Radio key={value} value={value} label={tr(`Areas.${value}`)} />
              ))}
            </RadioGroup>
          </Field>
        )}
      />
      {area ? (
        <Controller
          control={form.control}
          name="partnerRole"
          render={({ field }) => (
            <Field label={t("partnerRole")} required hint={lockedHint ?? t("roleChoiceHelp")} {...fieldError(errors.partnerRole)}>
              <RadioGroup value={field.value ?? ""} onChange={(_, data) => field.onChange(data.value)} disabled={locked}>
                {rolesOf(area).map((value) => {
                  const definition = roleDefinitions[value];
                  return (
                    <Radio
                      key={value}
                      value={value}
                      label={
                        <span className={styles.roleLabel}>
                          <span className={styles.roleName}>
                            {tr(`Roles.${value}`)}
                            <Badge appearance="tint" color={definition.incentive ? "success" : "informative"}>
                              {definition.incentive ? tr("Incentive.yes") : tr("Incentive.no")}
                            </Badge>
                          </span>
                          <Text size={200} className={styles.help}>
                            {tr(`RoleHelp.${value}`)}
                          </Text>
                        </span>
                      }
                    />
                  );
                })}
              </RadioGroup>
            </Field>
          )}
        />
      ) : null}
      <Controller
        control={form.control}
        name="name"
        render={({ field }) => (
          <Field label={t("claimName")} required hint={lockedHint ?? t("claimNameHint")} {...fieldError(errors.name)}>
            <Input {...field} value={field.value ?? ""} maxLength={100} disabled={locked} />
          </Field>
        )}
      />
      <Controller
        control={form.control}
        name="partnerId"
        render={({ field }) => (
          <Field label={t("partnerId")} required hint={t("partnerIdHint")} {...fieldError(errors.partnerId)}>
            <Select {...field} value={field.value ?? ""}>
              <option value="">{t("partnerIdPlaceholder")}</option>
              {locations.map((l) => (
                <option key={l.partnerId} value={l.partnerId}>
                  {l.city ? `${l.partnerId} (${l.city})` : l.partnerId}
                </option>
              ))}
            </Select>
          </Field>
        )}
      />
      <Controller
        control={form.control}
        name="tenantId"
        render={({ field }) => (
          <Field
            label={t("tenantId")}
            required
            hint={
              lockedHint ?? (
                <>
                  {t("tenantIdHint")}{" "}
                  <Link href={TENANT_ID_HELP} target="_blank" rel="noreferrer" inline>
                    {t("tenantIdHelp")}
                  </Link>
                </>
              )
            }
            {...fieldError(errors.tenantId)}
          >
            <Input {...field} value={field.value ?? ""} spellCheck={false} autoComplete="off" style={{ fontFamily: tokens.fontFamilyMonospace }} disabled={locked} />
          </Field>
        )}
      />
      {area === "MODERN_WORK_SECURITY" ? (
        <Controller
          control={form.control}
          name="incentiveOptOut"
          render={({ field }) => (
            <Field hint={lockedHint ?? t("incentiveOptOutHint")} {...fieldError(errors.incentiveOptOut)}>
              <Checkbox checked={field.value ?? false} onChange={(_, data) => field.onChange(Boolean(data.checked))} label={t("incentiveOptOut")} disabled={locked} />
            </Field>
          )}
        />
      ) : null}
      {role && roleDefinitions[role]?.revenueDetails && area === "BUSINESS_APPLICATIONS" ? (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("revenueDetails")}</legend>
          {(["dynamicsSellerName", "customerName", "isvSolutionName"] as const).map((name) => (
            <Controller
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <Field label={t(name)} required hint={lockedHint} {...fieldError(errors[name])}>
                  <Input {...field} value={field.value ?? ""} maxLength={200} disabled={locked} />
                </Field>
              )}
            />
          ))}
        </fieldset>
      ) : null}
    </WizardFrame>
  );
}
