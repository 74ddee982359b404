"use client";
// Why a Microsoft Entra ID sign-in was refused, in the person's terms (reasons: lib/auth/entra.ts).
import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { Card, makeStyles, MessageBar, MessageBarBody, Text, Title2, tokens } from "@fluentui/react-components";
import type { RefusalReason } from "@/lib/auth/entra";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";

const useStyles = makeStyles({
  page: { minHeight: "100vh", display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center", gap: "16px", backgroundColor: tokens.colorNeutralBackground2, padding: "16px" },
  card: { width: "min(480px, 100%)", padding: "28px", display: "flex", flexDirection: "column", gap: "16px" },
});

export function SignInRefused({ reason }: { reason?: RefusalReason }) {
  const styles = useStyles();
  const t = useTranslations("SignInRefused");
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <Title2 as="h1">{t("title")}</Title2>
        <MessageBar intent="error">
          <MessageBarBody>{t(`reasons.${reason ?? "default"}.why`)}</MessageBarBody>
        </MessageBar>
        <Text>{t(`reasons.${reason ?? "default"}.next`)}</Text>
        <NextLink href="/signin">{t("back")}</NextLink>
      </Card>
      <LanguageSwitch />
    </main>
  );
}
