"use client";
// Step 2: the workloads (Modern Work and Security) or the products and their subscription IDs
// (Business Applications), with the reason a subscription cannot be chosen and a warning where
// another partner already holds or claims an item.
import { Controller, get, useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Checkbox, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import type { WorkloadsInput, WizardStep } from "@/lib/claims/fields";
import { resolverOnDemand } from "@/components/forms/resolverOnDemand";
import type { Collisions } from "@/lib/claims/collisions";
import type { Eligibility } from "@/lib/claims/rules";
import { useFieldError } from "./fieldError";
import { useWizardStep } from "./useWizardStep";
import { WizardFrame } from "./WizardFrame";

const useStyles = makeStyles({
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "12px 16px 16px", margin: 0, display: "flex", flexDirection: "column", gap: "4px" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: "0 4px" },
  hint: { color: tokens.colorNeutralForeground2, marginBottom: "8px" },
  item: { display: "flex", flexDirection: "column", gap: "4px", padding: "2px 0" },
  nested: { marginLeft: "32px", borderLeft: `2px solid ${tokens.colorNeutralStroke2}`, paddingLeft: "12px", display: "flex", flexDirection: "column", gap: "4px", marginBottom: "8px" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  reason: { color: tokens.colorNeutralForeground3, marginLeft: "32px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  tenant: { color: tokens.colorNeutralForeground2 },
});

const validation = resolverOnDemand(() => import("@/lib/claims/fields").then((m) => m.workloadsFormSchema));

export type WorkloadOption = { id: string; name: string };
export type SubscriptionOption = { id: string; workloadId: string; channel: "VOLUME_LICENSING" | "WEB_DIRECT" | "CSP"; endsAt: string; eligibility: Eligibility; endsSoon: boolean };

function toggle(list: string[], id: string, on: boolean) {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

export function WorkloadsStep({
  claimKey,
  reachable,
  defaults,
  solutionArea,
  tenant,
  workloads,
  subscriptions,
  collisions,
}: {
  claimKey: string;
  reachable: WizardStep;
  defaults: Partial<WorkloadsInput>;
  solutionArea: "MODERN_WORK_SECURITY" | "BUSINESS_APPLICATIONS";
  tenant: { id: string; name: string | null };
  workloads: WorkloadOption[];
  subscriptions: SubscriptionOption[];
  collisions: Collisions;
}) {
  const styles = useStyles();
  const t = useTranslations("Wizard");
  const tr = useTranslations();
  const fieldError = useFieldError();
  const form = useForm<WorkloadsInput>({ resolver: validation.resolver, mode: "onSubmit", defaultValues: { workloadIds: [], subscriptionIds: [], ...defaults } });
  const { pending, formError, saveAndGo, goBack } = useWizardStep({ claimKey, step: 2, form });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const business = solutionArea === "BUSINESS_APPLICATIONS";

  const collisionNote = (id: string) =>
    collisions[id] ? (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{collisions[id] === "associated" ? t("collisionAssociated") : t("collisionClaimed")}</MessageBarBody>
      </MessageBar>
    ) : null;

  const workloadError = fieldError(errors.workloadIds).validationMessage ?? fieldError(errors.subscriptionIds).validationMessage;

  return (
    <WizardFrame claimKey={claimKey} step={2} reachable={reachable} pending={pending} formError={formError} onBack={goBack} onNext={saveAndGo(3)} onFirstUse={validation.preload}>
      <Text className={styles.tenant}>{t("tenantLabel", { name: tenant.name ?? tr(`Areas.${solutionArea}`), tenantId: tenant.id })}</Text>
      <Controller
        control={form.control}
        name="workloadIds"
        render={({ field }) => (
          <fieldset className={styles.fieldset} aria-describedby={workloadError ? "workloads-error" : undefined}>
            <legend className={styles.legend}>
              {business ? t("productsLegend") : t("workloadsLegend")} <span aria-hidden>*</span>
            </legend>
            <Text size={200} className={styles.hint}>
              {business ? t("productsHint") : t("workloadsHint")}
            </Text>
            {workloadError ? (
              <Text id="workloads-error" role="alert" className={styles.error}>
                {workloadError}
              </Text>
            ) : null}
            {workloads.map((workload) => {
              const checked = field.value?.includes(workload.id) ?? false;
              const own = subscriptions.filter((s) => s.workloadId === workload.id);
              const subError = fieldError(get(form.formState.errors, `subscriptions.${workload.id}`)).validationMessage;
              return (
                <div key={workload.id} className={styles.item}>
                  <Checkbox
                    label={workload.name}
                    checked={checked}
                    onChange={(_, data) => {
                      field.onChange(toggle(field.value ?? [], workload.id, Boolean(data.checked)));
                      form.clearErrors(`subscriptions.${workload.id}` as never);
                      if (!data.checked) form.setValue("subscriptionIds", (form.getValues("subscriptionIds") ?? []).filter((id) => !own.some((s) => s.id === id)));
                    }}
                  />
                  {!business ? collisionNote(workload.id) : null}
                  {business && checked ? (
                    <Controller
                      control={form.control}
                      name="subscriptionIds"
                      render={({ field: subs }) => (
                        <fieldset className={mergeClasses(styles.fieldset, styles.nested)} aria-describedby={subError ? `sub-error-${workload.id}` : undefined}>
                          <legend className={styles.legend}>{t("subscriptionsOf", { product: workload.name })}</legend>
                          {subError ? (
                            <Text id={`sub-error-${workload.id}`} role="alert" className={styles.error}>
                              {subError}
                            </Text>
                          ) : null}
                          {own.length === 0 ? <Text>{t("noSubscriptions")}</Text> : null}
                          {own.map((s) => {
                            const line = t(s.eligibility === "expired" ? "subscriptionLineEnded" : "subscriptionLine", {
                              id: s.id,
                              channel: tr(`Channels.${s.channel}`),
                              endsAt: new Date(s.endsAt),
                            });
                            return (
                              <div key={s.id} className={styles.item}>
                                <Checkbox
                                  label={<span className={styles.mono}>{line}</span>}
                                  disabled={s.eligibility !== "eligible"}
                                  checked={subs.value?.includes(s.id) ?? false}
                                  onChange={(_, data) => {
                                    subs.onChange(toggle(subs.value ?? [], s.id, Boolean(data.checked)));
                                    form.clearErrors(`subscriptions.${workload.id}` as never);
                                  }}
                                />
                                {s.eligibility === "csp" ? <Text size={200} className={styles.reason}>{t("excludedCsp")}</Text> : null}
                                {s.eligibility === "expired" ? <Text size={200} className={styles.reason}>{t("excludedExpired")}</Text> : null}
                                {s.eligibility === "eligible" && s.endsSoon ? <Text size={200} className={styles.reason}>{t("reassociateSoon")}</Text> : null}
                                {s.eligibility === "eligible" ? collisionNote(s.id) : null}
                              </div>
                            );
                          })}
                        </fieldset>
                      )}
                    />
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        )}
      />
    </WizardFrame>
  );
}
