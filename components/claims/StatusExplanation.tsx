"use client";
// What the claim's status means for the partner, what happens next and by when (the lifecycle's
// timers), and for Partner action required and Rejected the reviewer's reason and words.
import { useTranslations } from "next-intl";
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";

const useStyles = makeStyles({ bar: { marginBottom: "16px", maxWidth: "880px" }, body: { display: "flex", flexDirection: "column", gap: "6px", paddingTop: "4px" }, quote: { whiteSpace: "pre-wrap" } });

export type StatusTimeline = {
  status: string;
  statusChangedAt: string | null;
  /** When the status's timer runs out (lifecycle `dueAt`), if it has one. */
  dueAt: string | null;
  reason: { code: string | null; text: string | null };
  dispute?: { closesAt: string | null; open: boolean; alreadyDisputed: boolean; customerDeclined: boolean } | null;
};

export function StatusExplanation({ timeline }: { timeline: StatusTimeline }) {
  const styles = useStyles();
  const t = useTranslations("PartnerLoop");
  const tr = useTranslations("Reasons");
  const { status, reason, dispute } = timeline;
  const reasonWords = reason.code ? (tr.has(reason.code) ? tr(reason.code) : reason.code) : null;
  const due = timeline.dueAt ? new Date(timeline.dueAt) : null;
  const since = timeline.statusChangedAt ? new Date(timeline.statusChangedAt) : new Date();
  const reviewerWords = reason.text ? <Text className={styles.quote}>{t("reviewerNote", { text: reason.text })}</Text> : null;

  if (status === "PARTNER_ACTION_REQUIRED") {
    return (
      <MessageBar intent="warning" layout="multiline" className={styles.bar} data-testid="status-explanation">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{t("parTitle", { reason: reasonWords ?? t("parNoReason") })}</MessageBarTitle>
          {reason.text ? <Text className={styles.quote}>{t("parQuestion", { question: reason.text })}</Text> : null}
          <Text>{t("parWhatToDo")}</Text>
          {due ? <Text weight="semibold">{t("parDue", { due })}</Text> : null}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (status === "REJECTED") {
    const closesAt = dispute?.closesAt ? new Date(dispute.closesAt) : due;
    const disputeNote = dispute?.customerDeclined ? t("disputeCustomerDeclined") : dispute?.alreadyDisputed ? t("disputeAlreadyUsed") : dispute?.open && closesAt ? t("disputeOpen", { due: closesAt }) : t("disputeClosed", { due: closesAt ?? since });
    return (
      <MessageBar intent="error" layout="multiline" className={styles.bar} data-testid="status-explanation">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{t("rejectedTitle", { reason: reasonWords ?? "—" })}</MessageBarTitle>
          {reviewerWords}
          <Text>{disputeNote}</Text>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const intent = status === "APPROVED" ? "success" : status === "REJECTED_FINAL" ? "error" : "info";
  return (
    <MessageBar intent={intent} layout="multiline" className={styles.bar} data-testid="status-explanation">
      <MessageBarBody className={styles.body}>
        <Text>{t(`statusNotes.${status}` as "statusNotes.DRAFT", { due: due ?? since, since, hasDue: due ? "yes" : "no" })}</Text>
        {status === "REJECTED_FINAL" && reasonWords ? <Text>{t("finalReason", { reason: reasonWords })}</Text> : null}
        {status === "REJECTED_FINAL" ? reviewerWords : null}
        {status === "DISPUTE" && reason.text ? <Text className={styles.quote}>{t("yourExplanation", { text: reason.text })}</Text> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
