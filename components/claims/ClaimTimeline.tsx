"use client";
// A claim's history, oldest first: what happened, when, and by whom (the partner's and the reviewer's pages).
import { useFormatter, useTranslations } from "next-intl";
import { makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  history: { marginTop: "24px", maxWidth: "880px" },
  timeline: { listStyle: "none", padding: 0, margin: "8px 0 0", borderLeft: `2px solid ${tokens.colorNeutralStroke2}` },
  event: { padding: "6px 0 6px 16px", display: "flex", flexDirection: "column" },
  when: { color: tokens.colorNeutralForeground3 },
});

import type { ClaimEventView } from "@/lib/claims/events";

export type { ClaimEventView };

export function ClaimTimeline({ events }: { events: ClaimEventView[] }) {
  const styles = useStyles();
  const t = useTranslations("ClaimPage");
  const ts = useTranslations("Status");
  const tr = useTranslations("Reasons");
  const tl = useTranslations("PartnerLoop");
  const format = useFormatter();
  // An edit in Partner action required records which parts changed, as keys.
  const noteOf = (event: ClaimEventView) =>
    event.action === "edited"
      ? (event.note ?? "")
          .split(", ")
          .filter((key) => tl.has(`editedSections.${key}`))
          .map((key) => tl(`editedSections.${key}`))
          .join(", ") || tl("editedSections.none")
      : (event.note ?? "");
  return (
    <section className={styles.history} aria-labelledby="history-heading">
      <Subtitle2 as="h2" id="history-heading">
        {t("history")}
      </Subtitle2>
      <ol className={styles.timeline}>
        {events.map((event) => (
          <li key={event.id} className={styles.event}>
            <Text weight="semibold">{t(`events.${event.action}`, { status: event.toStatus ? ts(event.toStatus) : "", note: noteOf(event) })}</Text>
            <Text size={200} className={styles.when}>
              {format.dateTime(new Date(event.at), { dateStyle: "medium", timeStyle: "short" })}
              {event.actor ? ` · ${t("by", { actor: event.actor })}` : event.byMicrosoft ? ` · ${t("byMicrosoft")}` : ""}
            </Text>
            {event.reasonCode && tr.has(event.reasonCode) ? <Text>{t("reason", { reason: tr(event.reasonCode) })}</Text> : null}
            {event.note && !t.raw(`events.${event.action}`).includes("{note}") ? <Text>{event.note}</Text> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
