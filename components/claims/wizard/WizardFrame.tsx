"use client";
// The wizard's frame: title, step indicator, the step's form, and the Back / Next / Cancel bar.
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { Checkmark16Filled } from "@fluentui/react-icons";
import { cancelClaimWizard } from "@/lib/claims/actions";
import type { WizardStep } from "@/lib/claims/fields";
import { useHydrated } from "@/components/hooks/useHydrated";

const useStyles = makeStyles({
  steps: { display: "flex", gap: "8px", listStyle: "none", padding: 0, margin: "0 0 24px", flexWrap: "wrap" },
  step: { display: "flex", alignItems: "center", gap: "8px", padding: "6px 12px", borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  current: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, fontWeight: tokens.fontWeightSemibold },
  done: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2 },
  number: { fontVariantNumeric: "tabular-nums" },
  body: { display: "flex", flexDirection: "column", gap: "20px", maxWidth: "760px" },
  bar: { display: "flex", gap: "8px", marginTop: "28px", paddingTop: "16px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  spacer: { flexGrow: 1 },
  note: { color: tokens.colorNeutralForeground2 },
});

export function WizardFrame({
  claimKey,
  step,
  reachable,
  formError,
  pending,
  onBack,
  onNext,
  nextLabel,
  onFirstUse,
  children,
}: {
  claimKey: string;
  step: WizardStep;
  reachable: WizardStep;
  formError?: string;
  pending: boolean;
  onBack?: () => void;
  onNext: () => void;
  nextLabel?: string;
  /** Called when the form is first focused (the step loads its validation then). */
  onFirstUse?: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const t = useTranslations("Wizard");
  const tv = useTranslations("Validation");
  const steps = [1, 2, 3, 4] as const;
  // Marks the form as interactive once hydrated (what browser tests wait for before typing).
  const hydrated = useHydrated();
  // Cancel answers only when it could not forget the entries (an outage); otherwise it leaves the page.
  const [cancelFailed, setCancelFailed] = useState(false);
  const shownError = formError ?? (cancelFailed ? "unavailable" : undefined);
  return (
    <form
      noValidate
      data-ready={hydrated || undefined}
      onFocus={onFirstUse}
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <nav aria-label={t("progressLabel")}>
        <ol className={styles.steps}>
          {steps.map((n) => (
            <li key={n} className={mergeClasses(styles.step, n === step ? styles.current : n < reachable && styles.done)} aria-current={n === step ? "step" : undefined}>
              {n < step ? <Checkmark16Filled aria-hidden /> : <span className={styles.number}>{n}</span>}
              <span>{t(`steps.${n}`)}</span>
            </li>
          ))}
        </ol>
      </nav>
      <div className={styles.body}>
        <Text className={styles.note}>{t("requiredNote")}</Text>
        {shownError ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{shownError === "notEditable" || shownError === "unavailable" ? t(shownError) : tv.has(shownError) ? tv(shownError) : t("genericError")}</MessageBarBody>
          </MessageBar>
        ) : null}
        {children}
      </div>
      <div className={styles.bar}>
        {onBack ? (
          <Button onClick={onBack} disabled={pending}>
            {t("back")}
          </Button>
        ) : null}
        <Button type="submit" appearance="primary" disabled={pending}>
          {pending ? t("saving") : (nextLabel ?? t("next"))}
        </Button>
        <span className={styles.spacer} />
        <Button appearance="subtle" disabled={pending} onClick={() => void cancelClaimWizard(claimKey).then((answer) => setCancelFailed(answer?.problem === "unavailable"))}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
