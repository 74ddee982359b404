"use client";
// Competing claims side by side: the claim under review and the other claims on the same tenant
// workloads or subscriptions, with their dates, status and proof of execution.
import NextLink from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card, makeStyles, mergeClasses, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { StatusBadge } from "@/components/claims/StatusBadge";
import { PageHeader } from "@/components/PageHeader";
import { PoeSummary } from "@/components/poe/PoeSummary";
import { useHydrated } from "@/components/hooks/useHydrated";
import { ApproveOutcome } from "@/components/review/ApproveOutcome";

const useStyles = makeStyles({
  back: { display: "inline-block", marginBottom: "8px", color: tokens.colorBrandForegroundLink },
  columns: { display: "grid", gridAutoFlow: "column", gridAutoColumns: "minmax(320px, 1fr)", gap: "16px", overflowX: "auto", alignItems: "start" },
  card: { padding: "16px", display: "flex", flexDirection: "column", gap: "8px" },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  grid: { display: "grid", gridTemplateColumns: "max-content 1fr", gap: "4px 12px", margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  link: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
  outcome: { marginBottom: "16px" },
});

import type { CompareColumn } from "@/lib/review/compare";
import type { ApproveOutcome as Outcome } from "@/lib/review/claim";

export function CompareClaims({ claim, others, approveOutcome }: { claim: CompareColumn; others: CompareColumn[]; approveOutcome: Outcome | null }) {
  const styles = useStyles();
  const t = useTranslations("Review");
  const tr = useTranslations();
  const format = useFormatter();
  const hydrated = useHydrated();
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium" }) : "—");

  const card = (c: CompareColumn) => (
    <Card key={c.id} className={mergeClasses(styles.card, !c.shared && styles.current)} data-testid="compare-column">
      <Text size={200}>{c.shared ? t("compareOther") : t("compareThis")}</Text>
      <Subtitle2 as="h2">
        <NextLink href={`/review/claims/${c.id}`} className={styles.link}>
          {c.name}
        </NextLink>
      </Subtitle2>
      <dl className={styles.grid}>
        <dt className={styles.term}>{t("columns.partner")}</dt>
        <dd className={styles.value}>
          {c.organizationName} · {c.partnerId}
        </dd>
        <dt className={styles.term}>{t("partnerRole")}</dt>
        <dd className={styles.value}>{tr(`Roles.${c.partnerRole}`)}</dd>
        <dt className={styles.term}>{t("columns.status")}</dt>
        <dd className={styles.value}>
          <StatusBadge status={c.status} /> {t("since", { date: date(c.statusChangedAt) })}
        </dd>
        <dt className={styles.term}>{t("columns.submitted")}</dt>
        <dd className={styles.value}>{date(c.submittedAt)}</dd>
        <dt className={styles.term}>{t("customerResponse")}</dt>
        <dd className={styles.value}>{t(`responses.${c.customerResponse}` as "responses.NONE")}</dd>
        <dt className={styles.term}>{c.shared ? t("columns.sharedItems") : t("claimedItems")}</dt>
        <dd className={styles.value}>{(c.shared ?? c.items).join(", ")}</dd>
        <dt className={styles.term}>{t("columns.association")}</dt>
        <dd className={styles.value}>{c.associatedSince ? t("heldSince", { date: date(c.associatedSince) }) : "—"}</dd>
        <dt className={styles.term}>{t("acknowledgedOn")}</dt>
        <dd className={styles.value} data-testid="acknowledged-on">
          {c.proof.details?.customerAcknowledgedOn ? format.dateTime(new Date(`${c.proof.details.customerAcknowledgedOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "—"}
        </dd>
      </dl>
      <PoeSummary claimId={c.id} proof={c.proof} workloads={c.workloads} />
    </Card>
  );

  return (
    <div data-ready={hydrated || undefined}>
      <NextLink href={`/review/claims/${claim.id}`} className={styles.back}>
        ← {t("backToClaim")}
      </NextLink>
      <PageHeader title={t("compareTitle")} lead={t("compareLead")} />
      {approveOutcome ? (
        <div className={styles.outcome}>
          <ApproveOutcome outcome={approveOutcome} />
        </div>
      ) : null}
      <div className={styles.columns}>
        {card(claim)}
        {others.map(card)}
      </div>
    </div>
  );
}
