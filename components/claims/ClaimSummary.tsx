"use client";
// The claim's content in three sections (role and details, workloads, contacts), read-only, with an
// optional Edit link per section (the wizard's review step).
import type { ReactNode } from "react";
import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { Badge, Card, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { Edit16Regular } from "@fluentui/react-icons";
import type { ClaimSummaryView } from "@/lib/claims/summary";
import { roleDefinitions } from "@/lib/claims/roles";

const useStyles = makeStyles({
  sections: { display: "flex", flexDirection: "column", gap: "16px", maxWidth: "880px" },
  card: { padding: "16px 20px" },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  list: { display: "grid", gridTemplateColumns: "minmax(160px, 240px) 1fr", gap: "8px 16px", margin: "12px 0 0" },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  items: { margin: 0, paddingLeft: "18px" },
  edit: { display: "inline-flex", alignItems: "center", gap: "4px", color: tokens.colorBrandForegroundLink },
});

function Section({ title, editHref, children }: { title: string; editHref?: string; children: ReactNode }) {
  const styles = useStyles();
  const t = useTranslations("Wizard");
  return (
    <Card className={styles.card}>
      <section aria-label={title}>
        <div className={styles.head}>
          <Subtitle2 as="h2">{title}</Subtitle2>
          {editHref ? (
            <NextLink href={editHref} className={styles.edit} aria-label={t("editSection", { section: title })}>
              <Edit16Regular aria-hidden /> {t("edit")}
            </NextLink>
          ) : null}
        </div>
        <dl className={styles.list}>{children}</dl>
      </section>
    </Card>
  );
}

/** `audience`: whose page it is; a reviewer reads "Partner contact" where the partner reads "Your company's contact". */
export function ClaimSummary({ claim, editHref, audience = "partner" }: { claim: ClaimSummaryView; editHref?: (step: 1 | 2 | 3) => string; audience?: "partner" | "reviewer" }) {
  const styles = useStyles();
  const t = useTranslations("Summary");
  const tr = useTranslations();
  const row = (term: string, value: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );
  const definition = roleDefinitions[claim.partnerRole as keyof typeof roleDefinitions];
  const incentive = !definition.incentive ? tr("Incentive.no") : claim.incentiveOptOut ? tr("Incentive.optedOut") : tr("Incentive.yes");

  return (
    <div className={styles.sections}>
      <Section title={t("details")} editHref={editHref?.(1)}>
        {row(t("solutionArea"), tr(`Areas.${claim.solutionArea}`))}
        {row(t("partnerRole"), tr(`Roles.${claim.partnerRole}`))}
        {row(t("engagement"), definition.engagement)}
        {row(t("incentive"), <Badge appearance="tint" color={incentive === tr("Incentive.yes") ? "success" : "informative"}>{incentive}</Badge>)}
        {row(t("name"), claim.name)}
        {row(t("partnerId"), claim.partnerCity ? `${claim.partnerId} (${claim.partnerCity})` : claim.partnerId)}
        {row(t("tenantId"), <span className={styles.mono}>{claim.tenantId}</span>)}
        {claim.tenantName ? row(t("tenantName"), claim.tenantName) : null}
        {claim.revenue ? (
          <>
            {row(t("dynamicsSellerName"), claim.revenue.dynamicsSellerName)}
            {row(t("customerName"), claim.revenue.customerName)}
            {row(t("isvSolutionName"), claim.revenue.isvSolutionName)}
          </>
        ) : null}
      </Section>
      <Section title={t("workloads")} editHref={editHref?.(2)}>
        {claim.workloads.map((w) => (
          <ItemRow key={w.id} name={w.name} subscriptions={w.subscriptions.map((s) => `${s.id} · ${tr(`Channels.${s.channel}`)}`)} />
        ))}
      </Section>
      <Section title={t("contacts")} editHref={editHref?.(3)}>
        {row(
          t("customerContact"),
          <>
            <Text block>{claim.customerContact.title ? `${claim.customerContact.name}, ${claim.customerContact.title}` : claim.customerContact.name}</Text>
            <Text block style={{ whiteSpace: "pre-line" }}>{claim.customerContact.address}</Text>
            <Text block>{claim.customerContact.email}</Text>
          </>,
        )}
        {row(t("language"), tr(`Languages.${claim.customerContact.locale}`))}
        {row(
          audience === "reviewer" ? t("partnerContactForReviewer") : t("partnerContact"),
          <>
            <Text block>{claim.partnerContact.name}</Text>
            <Text block>{claim.partnerContact.email}</Text>
          </>,
        )}
      </Section>
    </div>
  );
}

function ItemRow({ name, subscriptions }: { name: string; subscriptions: string[] }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.value}>{name}</dt>
      <dd className={styles.value}>
        {subscriptions.length > 0 ? (
          <ul className={styles.items}>
            {subscriptions.map((s) => (
              <li key={s} className={styles.mono}>
                {s}
              </li>
            ))}
          </ul>
        ) : null}
      </dd>
    </>
  );
}
