"use client";
// The claim page: status, what it means and what comes next, what the claim holds (and, once associated,
// the customer's usage), the actions its status allows (edit and resubmit, dispute, disassociate), and its history.
import { useRef, useState, useTransition, type ReactNode } from "react";
import dynamic from "next/dynamic";
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowUpload20Regular, Delete20Regular, Edit20Regular, Mail20Regular } from "@fluentui/react-icons";
import type { UploadedFile } from "@/components/poe/PoeFileList";
import { deleteDraftClaim, resendCustomerEmailAction } from "@/lib/claims/actions";
import { renewClaimAction } from "@/lib/claims/partner-actions";
import type { ClaimSummaryView } from "@/lib/claims/summary";
import { PageHeader } from "../PageHeader";
import { ClaimSummary } from "./ClaimSummary";
import { AssociationList } from "./AssociationList";
import type { AssociationView } from "@/lib/claims/associations";
import type { UsageView } from "@/lib/usage/view";
import { ResubmitClaim } from "./ResubmitClaim";
import { StatusBadge } from "./StatusBadge";
import { ClaimTimeline, type ClaimEventView } from "./ClaimTimeline";
import { StatusExplanation, type StatusTimeline } from "./StatusExplanation";
import { useHydrated } from "@/components/hooks/useHydrated";

// Shown in one status each (Approved; Rejected within the dispute window): loaded only on those claims' pages.
const DisassociateDialog = dynamic(() => import("./DisassociateDialog").then((m) => m.DisassociateDialog));
const DisputeForm = dynamic(() => import("./DisputeForm").then((m) => m.DisputeForm));
// Shown once a claim is submitted (awaiting approval or associated): a Draft's page does not load it.
const UsageSection = dynamic(() => import("./UsageSection").then((m) => m.UsageSection));
// Asked for on a Draft's page only when the partner chooses Delete.
const DeleteDraftDialog = dynamic(() => import("./DeleteDraftDialog").then((m) => m.DeleteDraftDialog));

const useStyles = makeStyles({
  meta: { display: "flex", gap: "12px", alignItems: "center", flexWrap: "wrap", marginBottom: "16px", color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: "8px" },
  note: { marginBottom: "16px", maxWidth: "880px" },
  back: { display: "inline-block", marginBottom: "8px", color: tokens.colorBrandForegroundLink },
});


export function ClaimView({
  claim,
  status,
  createdAt,
  updatedAt,
  events,
  customer,
  statusReason,
  associations = [],
  usage,
  canRenew = false,
  timeline,
  disputeFiles = [],
  children,
}: {
  claim: ClaimSummaryView & { id: string };
  status: string;
  createdAt: string;
  updatedAt: string;
  events: ClaimEventView[];
  customer?: { response: "NONE" | "APPROVED" | "DECLINED"; respondedAt: string | null; canResend: boolean };
  statusReason?: { code: string | null; text: string | null };
  associations?: AssociationView[];
  /** The customer's usage, as far as the association lets this partner see it. */
  usage?: UsageView;
  /** A Business Applications association ends (or ended) with its subscription: offer re-association. */
  canRenew?: boolean;
  timeline: StatusTimeline;
  /** On a Rejected claim being disputed: the PoE files uploaded since the rejection. */
  disputeFiles?: UploadedFile[];
  /** The proof-of-execution section. */
  children?: ReactNode;
}) {
  const styles = useStyles();
  const t = useTranslations("ClaimPage");
  const tl = useTranslations("PartnerLoop");
  const tr = useTranslations("Reasons");
  const te = useTranslations("Errors");
  const [resendNote, setResendNote] = useState<string>();
  const resend = () =>
    startTransition(async () => {
      const result = await resendCustomerEmailAction(claim.id);
      if (result.ok) setResendNote(t("resent", { email: result.data.email }));
      else if (result.problem === "retryLater" && result.details) setResendNote(t("resendLater", { date: new Date(result.details.retryAfter) }));
      else setResendNote(result.problem === "unavailable" ? te("unavailable") : undefined);
    });
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [deleteError, setDeleteError] = useState<"failed" | "unavailable">();
  /** The confirmation: not loaded until first asked for, then open or closed. */
  const [deleteDialog, setDeleteDialog] = useState<"open" | "closed">();
  const deleteButton = useRef<HTMLButtonElement>(null);
  const draft = status === "DRAFT";

  const [renewError, setRenewError] = useState<string>();
  const renew = () =>
    startTransition(async () => {
      const result = await renewClaimAction(claim.id);
      if (result.ok) router.push("/claims/new");
      else setRenewError(result.problem === "unavailable" ? te("unavailable") : t("renewRefused"));
    });

  const remove = () =>
    startTransition(async () => {
      const result = await deleteDraftClaim(claim.id);
      if (result.ok) router.push("/claims");
      else setDeleteError(result.problem === "unavailable" ? "unavailable" : "failed");
    });

  return (
    <div data-ready={hydrated || undefined}>
      <NextLink href="/claims" className={styles.back}>
        ← {t("backToList")}
      </NextLink>
      <PageHeader
        title={claim.name}
        actions={
          draft ? (
            <div className={styles.actions}>
              <Button as="a" href={`/claims/${claim.id}/poe`} appearance="primary" icon={<ArrowUpload20Regular />}>
                {t("uploadPoe")}
              </Button>
              <Button icon={<Edit20Regular />} onClick={() => router.push(`/claims/${claim.id}/edit`)}>
                {t("edit")}
              </Button>
              <Button ref={deleteButton} icon={<Delete20Regular />} onClick={() => setDeleteDialog("open")}>
                {t("delete")}
              </Button>
              {deleteDialog ? (
                <DeleteDraftDialog
                  open={deleteDialog === "open"}
                  onOpenChange={(open) => {
                    setDeleteDialog(open ? "open" : "closed");
                    if (!open) deleteButton.current?.focus();
                  }}
                  name={claim.name}
                  onConfirm={remove}
                  pending={pending}
                />
              ) : null}
            </div>
          ) : status === "PARTNER_ACTION_REQUIRED" ? (
            <div className={styles.actions}>
              <Button icon={<Edit20Regular />} onClick={() => router.push(`/claims/${claim.id}/edit`)}>
                {tl("editClaim")}
              </Button>
              <Button as="a" href={`/claims/${claim.id}/poe`} icon={<ArrowUpload20Regular />}>
                {tl("updatePoe")}
              </Button>
              <ResubmitClaim claimId={claim.id} />
            </div>
          ) : status === "APPROVED" ? (
            <div className={styles.actions}>
              <DisassociateDialog claimId={claim.id} tenantName={claim.tenantName ?? claim.tenantId} />
            </div>
          ) : customer?.canResend ? (
            <div className={styles.actions}>
              <Button icon={<Mail20Regular />} onClick={resend} disabled={pending}>
                {t("resend")}
              </Button>
            </div>
          ) : null
        }
      />
      {resendNote ? (
        <MessageBar intent="info" role="status" className={styles.note}>
          <MessageBarBody>{resendNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.meta}>
        <Text>{t("status")}:</Text>
        <StatusBadge status={status} />
        {statusReason?.code ? <Text data-testid="claim-reason">{t("reason", { reason: tr.has(statusReason.code) ? tr(statusReason.code) : statusReason.code })}</Text> : null}
        {customer ? (
          <Text data-testid="customer-response">
            {t("customerResponse")}: {t(`customerResponses.${customer.response}`, { date: customer.respondedAt ? new Date(customer.respondedAt) : new Date() })}
          </Text>
        ) : null}
        <Text>{t("created", { date: new Date(createdAt) })}</Text>
        <Text>{t("updated", { date: new Date(updatedAt) })}</Text>
      </div>
      {deleteError ? (
        <MessageBar intent="error" role="alert" className={styles.note}>
          <MessageBarBody>{deleteError === "unavailable" ? te("unavailable") : t("deleteFailed")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <StatusExplanation timeline={timeline} />
      {status === "REJECTED" && timeline.dispute?.open && timeline.dispute.closesAt ? <DisputeForm claimId={claim.id} closesAt={timeline.dispute.closesAt} newFiles={disputeFiles} /> : null}
      {canRenew ? (
        <MessageBar intent="warning" layout="multiline" className={styles.note} data-testid="renewal">
          <MessageBarBody>
            {t("renewNote")}{" "}
            <Button size="small" appearance="primary" onClick={renew} disabled={pending}>
              {t("renew")}
            </Button>
            {renewError ? <Text role="alert"> {renewError}</Text> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <AssociationList associations={associations} />
      {usage && (usage.associated || usage.awaitingApproval) ? <UsageSection usage={usage} /> : null}
      <ClaimSummary claim={claim} />
      {children}
      <ClaimTimeline events={events} />
    </div>
  );
}
