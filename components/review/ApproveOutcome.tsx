"use client";
// What Approve would do to the claims holding the claim's items, shown before the reviewer clicks: the
// most recent valid PoE wins, so approving either displaces the holders or is refused.
import { useFormatter, useTranslations } from "next-intl";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ApproveOutcome as Outcome } from "@/lib/review/claim";

export function ApproveOutcome({ outcome }: { outcome: Outcome }) {
  const t = useTranslations("Review.approveOutcome");
  const format = useFormatter();
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : t("noDate"));
  const holders = outcome.holders.map((h) => t("holder", { name: h.name, organization: h.organizationName, date: day(h.acknowledgedOn) })).join("; ");
  return (
    <MessageBar intent={outcome.displaces ? "warning" : "error"} layout="multiline" data-testid="approve-outcome">
      <MessageBarBody>
        <MessageBarTitle>{outcome.displaces ? t("displacesTitle") : t("refusedTitle")}</MessageBarTitle>
        {outcome.displaces ? t("displaces", { date: day(outcome.acknowledgedOn), holders }) : t("refused", { date: day(outcome.acknowledgedOn), holders })}
      </MessageBarBody>
    </MessageBar>
  );
}
