"use client";
// Shown after a sign-in link was requested.
import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { Card, Link, makeStyles, Text, Title2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  page: { minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", backgroundColor: tokens.colorNeutralBackground2, padding: "16px" },
  card: { width: "min(440px, 100%)", padding: "28px", display: "flex", flexDirection: "column", gap: "12px" },
});

export function CheckEmail({ inboxUrl }: { inboxUrl?: string }) {
  const styles = useStyles();
  const t = useTranslations("SignIn");
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <Title2 as="h1">{t("checkTitle")}</Title2>
        <Text>{t("checkBody")}</Text>
        {inboxUrl ? (
          <Link href={inboxUrl} target="_blank" rel="noreferrer">
            {t("checkInbox")}
          </Link>
        ) : null}
        <NextLink href="/signin" passHref legacyBehavior={false}>
          {t("back")}
        </NextLink>
      </Card>
    </main>
  );
}
