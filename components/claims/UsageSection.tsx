"use client";
// The Usage section of the claim pages (the partner's and the reviewer's): per associated workload or
// subscription, a bar chart of the months the association stands and a table of the same figures, so the
// chart is never the only way to read them. What may be shown was decided on the server (lib/usage).
import { useId } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Card, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import type { UsageItemView, UsageMonthView, UsageView } from "@/lib/usage/view";

const useStyles = makeStyles({
  panel: { padding: "16px 20px", marginBottom: "16px", maxWidth: "880px", display: "flex", flexDirection: "column", gap: "12px" },
  item: { display: "flex", flexDirection: "column", gap: "8px", paddingTop: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  itemHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  range: { color: tokens.colorNeutralForeground2 },
  chart: { width: "100%", maxWidth: "640px", height: "auto" },
  active: { fill: tokens.colorBrandBackground },
  seats: { fill: tokens.colorBrandBackground2, stroke: tokens.colorBrandStroke2, strokeWidth: "1px" },
  value: { fill: tokens.colorNeutralForeground1, fontSize: "11px", textAnchor: "middle" },
  axis: { fill: tokens.colorNeutralForeground2, fontSize: "11px", textAnchor: "middle" },
  baseline: { stroke: tokens.colorNeutralStroke1, strokeWidth: "1px" },
  legend: { display: "flex", gap: "16px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  legendEntry: { display: "inline-flex", alignItems: "center", gap: "6px" },
  swatch: { display: "inline-block", width: "12px", height: "12px" },
  swatchActive: { backgroundColor: tokens.colorBrandBackground },
  swatchSeats: { backgroundColor: tokens.colorBrandBackground2, border: `1px solid ${tokens.colorBrandStroke2}` },
  table: { maxWidth: "480px" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  missing: { color: tokens.colorNeutralForeground3 },
});

/** "YYYY-MM" as the Date of its first day (UTC), for Intl's month names. */
const monthDate = (key: string) => new Date(`${key}-01T00:00:00Z`);

function useMonthFormat() {
  const format = useFormatter();
  const t = useTranslations("Usage");
  const long = (key: string) => format.dateTime(monthDate(key), { year: "numeric", month: "long", timeZone: "UTC" });
  return {
    long,
    /** The months an item shows: one month, or the first and the last. */
    range: (months: UsageMonthView[]) => (months.length === 1 ? long(months[0].month) : t("months", { from: long(months[0].month), to: long(months.at(-1)!.month) })),
    short: (key: string) => format.dateTime(monthDate(key), { month: "short", timeZone: "UTC" }),
    year: (key: string) => format.dateTime(monthDate(key), { year: "numeric", timeZone: "UTC" }),
    number: (value: number) => format.number(value),
  };
}

const BAR = 44;
const GAP = 8;
const PLOT = 120;
const TOP = 18;

/** The chart's summary for screen readers: the range, the lowest and highest month, the latest figure. */
function useChartLabel(item: UsageItemView, title: string) {
  const t = useTranslations("Usage");
  const months = useMonthFormat();
  const reported = item.months.filter((m) => m.activeUsers !== null);
  const values = reported.map((m) => m.activeUsers!);
  const latest = reported.at(-1)!;
  const args = {
    name: title,
    range: months.range(item.months),
    min: months.number(Math.min(...values)),
    max: months.number(Math.max(...values)),
    latest: months.number(latest.activeUsers!),
    latestMonth: months.long(latest.month),
  };
  return item.subscriptionId ? t("chartLabelSeats", { ...args, seats: months.number(latest.licensedSeats ?? 0) }) : t("chartLabel", args);
}

/** Bars of active users per month (behind them, for a subscription, its licensed seats), drawn as plain SVG. */
function UsageChart({ item, title }: { item: UsageItemView; title: string }) {
  const styles = useStyles();
  const months = useMonthFormat();
  const label = useChartLabel(item, title);
  const top = Math.max(1, ...item.months.map((m) => Math.max(m.activeUsers ?? 0, m.licensedSeats ?? 0)));
  const height = (value: number) => Math.round((value / top) * PLOT);
  const width = item.months.length * (BAR + GAP) + GAP;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${TOP + PLOT + 34}`} className={styles.chart} style={{ maxWidth: `${Math.min(640, width * 1.4)}px` }}>
      {item.months.map((m, i) => {
        const x = GAP + i * (BAR + GAP);
        const centre = x + BAR / 2;
        const base = TOP + PLOT;
        const showYear = i === 0 || m.month.endsWith("-01");
        return (
          <g key={m.month}>
            {m.licensedSeats !== null ? <rect className={styles.seats} x={x} y={base - height(m.licensedSeats)} width={BAR} height={height(m.licensedSeats)} /> : null}
            {m.activeUsers !== null ? <rect className={styles.active} x={x + (m.licensedSeats !== null ? 6 : 0)} y={base - height(m.activeUsers)} width={m.licensedSeats !== null ? BAR - 12 : BAR} height={height(m.activeUsers)} /> : null}
            <text className={styles.value} x={centre} y={base - height(Math.max(m.activeUsers ?? 0, m.licensedSeats ?? 0)) - 4}>
              {m.activeUsers !== null ? months.number(m.activeUsers) : "–"}
            </text>
            <text className={styles.axis} x={centre} y={base + 14}>
              {months.short(m.month)}
            </text>
            {showYear ? (
              <text className={styles.axis} x={centre} y={base + 28}>
                {months.year(m.month)}
              </text>
            ) : null}
          </g>
        );
      })}
      <line className={styles.baseline} x1={0} x2={width} y1={TOP + PLOT + 0.5} y2={TOP + PLOT + 0.5} />
    </svg>
  );
}

/** What the two bars of a subscription's month are (the chart itself is one image to assistive technology). */
function SeatsLegend() {
  const styles = useStyles();
  const t = useTranslations("Usage");
  return (
    <div className={styles.legend} aria-hidden="true">
      <span className={styles.legendEntry}>
        <span className={`${styles.swatch} ${styles.swatchActive}`} />
        {t("activeUsers")}
      </span>
      <span className={styles.legendEntry}>
        <span className={`${styles.swatch} ${styles.swatchSeats}`} />
        {t("licensedSeats")}
      </span>
    </div>
  );
}

function UsageTable({ item, title }: { item: UsageItemView; title: string }) {
  const styles = useStyles();
  const t = useTranslations("Usage");
  const months = useMonthFormat();
  const seats = item.subscriptionId !== null;
  const cell = (value: number | null) => <TableCell className={styles.number}>{value === null ? <span className={styles.missing}>{t("notReported")}</span> : months.number(value)}</TableCell>;
  return (
    <Table size="small" className={styles.table} aria-label={t("tableLabel", { name: title })}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("month")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("activeUsers")}</TableHeaderCell>
          {seats ? <TableHeaderCell className={styles.number}>{t("licensedSeats")}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {item.months.map((m: UsageMonthView) => (
          <TableRow key={m.month}>
            <TableCell>{months.long(m.month)}</TableCell>
            {cell(m.activeUsers)}
            {seats ? cell(m.licensedSeats) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function UsageItem({ item }: { item: UsageItemView }) {
  const styles = useStyles();
  const t = useTranslations("Usage");
  const months = useMonthFormat();
  const headingId = useId();
  const title = item.subscriptionId ? t("subscriptionItem", { name: item.name, id: item.subscriptionId }) : item.name;
  const reported = item.months.some((m) => m.activeUsers !== null);
  return (
    <section className={styles.item} aria-labelledby={headingId} data-testid="usage-item">
      <h3 id={headingId} className={styles.itemHeading}>
        {title}
      </h3>
      {item.months.length > 0 ? <Text className={styles.range}>{months.range(item.months)}</Text> : null}
      {reported ? (
        <>
          <UsageChart item={item} title={title} />
          {item.subscriptionId ? <SeatsLegend /> : null}
          <UsageTable item={item} title={title} />
        </>
      ) : (
        <Text>{t("itemNoFigures")}</Text>
      )}
    </section>
  );
}

/**
 * Nothing for a claim that never held an association and is not waiting for a decision; a line saying
 * usage comes with the approval while it waits; once associated, each item, or one line while no figure
 * has been reported for any of them.
 */
export function UsageSection({ usage }: { usage?: UsageView }) {
  const styles = useStyles();
  const t = useTranslations("Usage");
  if (!usage || (!usage.associated && !usage.awaitingApproval)) return null;
  const reported = usage.items.some((item) => item.months.some((m) => m.activeUsers !== null));
  return (
    <Card className={styles.panel} data-testid="usage">
      <Subtitle2 as="h2">{t("heading")}</Subtitle2>
      {!usage.associated ? (
        <Text>{t("awaitingApproval")}</Text>
      ) : !reported ? (
        <Text>{t("noFigures")}</Text>
      ) : (
        <>
          <Text>{t("intro")}</Text>
          {usage.items.map((item) => (
            <UsageItem key={item.subscriptionId ?? item.name} item={item} />
          ))}
        </>
      )}
    </Card>
  );
}
