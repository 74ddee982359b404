"use client";
// The sign-in card: magic link by email, and Microsoft Entra ID when configured.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Card, Divider, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Title2, tokens } from "@fluentui/react-components";
import { requestSignInLink, signInWithEntra } from "@/lib/auth/actions";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";

const useStyles = makeStyles({
  page: { minHeight: "100vh", display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center", gap: "16px", backgroundColor: tokens.colorNeutralBackground2, padding: "16px" },
  card: { width: "min(440px, 100%)", padding: "28px", display: "flex", flexDirection: "column", gap: "16px" },
  form: { display: "flex", flexDirection: "column", gap: "16px" },
  muted: { color: tokens.colorNeutralForeground2 },
});

const knownErrors = ["AccessDenied", "Verification", "Configuration"] as const;

export function SignInForm({ error, entra }: { error?: string; entra: boolean }) {
  const styles = useStyles();
  const t = useTranslations("SignIn");
  const [state, action, pending] = useActionState(requestSignInLink, undefined);
  const errorKey = error ? (knownErrors.find((k) => k === error) ?? "Default") : undefined;
  const fieldError = state?.fieldError ? t(state.fieldError) : undefined;

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
        <form action={action} className={styles.form} noValidate>
          {state?.retryInMinutes ? (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>{t("tooManyRequests", { minutes: state.retryInMinutes })}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Field label={t("email")} required hint={t("emailHint")} validationMessage={fieldError} validationState={fieldError ? "error" : "none"}>
            <Input name="email" type="email" autoComplete="email" inputMode="email" required />
          </Field>
          <Button type="submit" appearance="primary" disabled={pending}>
            {t("submit")}
          </Button>
        </form>
        {entra ? (
          <>
            <Divider>{t("or")}</Divider>
            <form action={signInWithEntra}>
              <Button type="submit" style={{ width: "100%" }}>
                {t("entra")}
              </Button>
            </form>
          </>
        ) : null}
      </Card>
      <LanguageSwitch />
    </main>
  );
}
