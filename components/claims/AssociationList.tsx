"use client";
// A claim's associations: each workload or subscription the claim holds or held, since when, until when
// it stands (a Business Applications association ends with its subscription), or when and why it ended.
import { useFormatter, useTranslations } from "next-intl";
import { Card, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { AssociationView } from "@/lib/claims/associations";

const useStyles = makeStyles({
  panel: { padding: "16px 20px", marginBottom: "16px", maxWidth: "880px", display: "flex", flexDirection: "column", gap: "8px" },
  list: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: "4px" },
  ended: { color: tokens.colorNeutralForeground3 },
});

export function AssociationList({ associations }: { associations: AssociationView[] }) {
  const styles = useStyles();
  const t = useTranslations("Associations");
  const tr = useTranslations("Reasons");
  const format = useFormatter();
  if (associations.length === 0) return null;
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: "UTC" });
  const why = (reason: string | null) => (reason === "SUBSCRIPTION_ENDED" ? t("subscriptionEnded") : reason && tr.has(reason) ? tr(reason) : t("ended"));
  return (
    <Card className={styles.panel} data-testid="associations">
      <Subtitle2 as="h2">{t("heading")}</Subtitle2>
      <ul className={styles.list}>
        {associations.map((a, index) => (
          <li key={index} className={a.endedAt ? styles.ended : undefined}>
            <Text weight="semibold">{a.subscriptionId ? t("subscriptionItem", { name: a.item, id: a.subscriptionId }) : a.item}</Text>{" "}
            <Text>
              {a.endedAt
                ? t("endedOn", { start: day(a.startedAt), end: day(a.endedAt), reason: why(a.endReason) })
                : a.endsAt
                  ? t("standsUntil", { start: day(a.startedAt), end: day(a.endsAt) })
                  : t("stands", { start: day(a.startedAt) })}
            </Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
