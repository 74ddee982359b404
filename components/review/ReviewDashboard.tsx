"use client";
// The reviewers' dashboard: claims by status (each a link to that view of the queue), the overdue
// claims per reviewer timer, and the median time from submission to the first decision.
import NextLink from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card, makeStyles, Subtitle2, Text, Title1, tokens } from "@fluentui/react-components";
import { useHydrated } from "@/components/hooks/useHydrated";
import type { Dashboard } from "@/lib/review/dashboard";

const useStyles = makeStyles({
  tiles: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(180px, 1fr))", gap: "12px", marginBottom: "24px" },
  tile: { padding: "16px", display: "flex", flexDirection: "column", gap: "4px", height: "100%", boxSizing: "border-box" },
  tileLink: { display: "block", textDecoration: "none", color: "inherit", borderRadius: tokens.borderRadiusMedium },
  alert: { color: tokens.colorPaletteRedForeground1 },
  label: { color: tokens.colorNeutralForeground2 },
});

export function ReviewDashboard({ dashboard }: { dashboard: Dashboard }) {
  const styles = useStyles();
  const t = useTranslations("Review");
  const ts = useTranslations("Status");
  const format = useFormatter();
  const hydrated = useHydrated();
  const overdueTotal = dashboard.overdue.reduce((sum, o) => sum + o.count, 0);
  const number = (n: number) => format.number(n);
  // Days from one day on; hours below that; "under an hour" below that.
  const duration = (days: number | null) =>
    days === null
      ? "—"
      : days >= 1
        ? t("days", { days: format.number(days, { maximumFractionDigits: 1 }) })
        : days * 24 >= 1
          ? t("hours", { hours: format.number(days * 24, { maximumFractionDigits: 0 }) })
          : t("underAnHour");

  return (
    <div data-ready={hydrated || undefined}>
      <Subtitle2 as="h2">{t("dashboardDecisions")}</Subtitle2>
      <div className={styles.tiles}>
        <Card className={styles.tile} data-testid="median-decision">
          <Text className={styles.label}>{t("medianToDecision")}</Text>
          <Title1 as="p">{duration(dashboard.medianDaysToDecision)}</Title1>
          <Text size={200}>{t("medianBasis", { count: dashboard.decided, days: dashboard.windowDays })}</Text>
          <Text size={200} data-testid="median-as-of">
            {t("medianAsOf", { time: format.dateTime(dashboard.medianAsOf, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }) })}
          </Text>
        </Card>
        <NextLink href="/review?overdue=1" className={styles.tileLink}>
          <Card className={styles.tile} data-testid="overdue-total">
            <Text className={styles.label}>{t("overdueTotal")}</Text>
            <Title1 as="p" className={overdueTotal > 0 ? styles.alert : undefined}>
              {number(overdueTotal)}
            </Title1>
            <Text size={200}>{dashboard.overdue.map((o) => `${ts(o.status)}: ${number(o.count)}`).join(" · ")}</Text>
          </Card>
        </NextLink>
      </div>
      <Subtitle2 as="h2">{t("dashboardByStatus")}</Subtitle2>
      <div className={styles.tiles}>
        {dashboard.byStatus.map((s) => (
          <NextLink key={s.status} href={`/review?view=${s.status}`} className={styles.tileLink}>
            <Card className={styles.tile} data-testid={`status-count-${s.status}`}>
              <Text className={styles.label}>{ts(s.status)}</Text>
              <Title1 as="p">{number(s.count)}</Title1>
            </Card>
          </NextLink>
        ))}
      </div>
    </div>
  );
}
