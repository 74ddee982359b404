"use client";
// The sign-in card: the methods that are on, Microsoft Entra ID (when configured) first, then the
// email link (AUTH_EMAIL_LINK).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Card, Divider, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Title2, tokens } from "@fluentui/react-components";
import { requestSignInLink, signInWithEntra } from "@/lib/auth/actions";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";

const useStyles = makeStyles({
  page: { minHeight: "100vh", display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center", gap: "16px", backgroundColor: tokens.colorNeutralBackground2, padding: "16px" },
  card: { width: "min(440px, 100%)", padding: "28px", display: "flex", flexDirection: "column", gap: "16px" },
  form: { display: "flex", flexDirection: "column", gap: "16px" },
  entra: { display: "flex", flexDirection: "column", gap: "8px" },
  muted: { color: tokens.colorNeutralForeground2 },
});

const knownErrors = ["AccessDenied", "Verification", "Configuration"] as const;

export type SignInMethods = { entra: boolean; emailLink: boolean };

export function SignInForm({ error, methods }: { error?: string; methods: SignInMethods }) {
  const styles = useStyles();
  const t = useTranslations("SignIn");
  const errorKey = error ? (knownErrors.find((k) => k === error) ?? "Default") : undefined;

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <Title2 as="h1">{t("title")}</Title2>
        <Text className={styles.muted}>{t("intro")}</Text>
        {errorKey ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t(`errors.${errorKey}`)}</MessageBarBody>
          </MessageBar>
        ) : null}
        {methods.entra ? (
          <form action={signInWithEntra} className={styles.entra}>
            <Button type="submit" appearance="primary">
              {t("entra")}
            </Button>
            <Text size={200} className={styles.muted}>
              {t("entraHint")}
            </Text>
          </form>
        ) : null}
        {methods.entra && methods.emailLink ? <Divider>{t("or")}</Divider> : null}
        {methods.emailLink ? <EmailLinkForm primary={!methods.entra} /> : null}
      </Card>
      <LanguageSwitch />
    </main>
  );
}

function EmailLinkForm({ primary }: { primary: boolean }) {
  const styles = useStyles();
  const t = useTranslations("SignIn");
  const te = useTranslations("Errors");
  const [state, action, pending] = useActionState(requestSignInLink, undefined);
  const fieldError = state?.fieldErrors.email ? t(state.fieldErrors.email as "invalidEmail") : undefined;
  return (
    <form action={action} className={styles.form} noValidate>
      {state?.problem === "tooManyRequests" && state.details ? (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t("tooManyRequests", { minutes: state.details.retryInMinutes })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state?.problem === "emailLinkOff" ? (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t("emailLinkOff")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state?.problem === "unavailable" ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{te("unavailable")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t("email")} required hint={t("emailHint")} validationMessage={fieldError} validationState={fieldError ? "error" : "none"}>
        <Input name="email" type="email" autoComplete="email" inputMode="email" required />
      </Field>
      <Button type="submit" appearance={primary ? "primary" : "secondary"} disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
