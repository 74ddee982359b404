"use client";
// The reviewer's page of one claim: who has it, its timer, the decision the lifecycle allows now,
// the reference checks, the competing claims of any organisation, everything the partner entered,
// the proof of execution and the whole history.
import { useState, useTransition, type ReactNode } from "react";
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { Checkmark20Filled, Dismiss20Filled, PersonArrowLeft20Regular, PersonAdd20Regular, PersonDelete20Regular } from "@fluentui/react-icons";
import { AssociationList } from "@/components/claims/AssociationList";
import { UsageSection } from "@/components/claims/UsageSection";
import type { UsageView } from "@/lib/usage/view";
import { ClaimSummary } from "@/components/claims/ClaimSummary";
import type { AssociationView } from "@/lib/claims/associations";
import { ClaimTimeline, type ClaimEventView } from "@/components/claims/ClaimTimeline";
import { StatusBadge } from "@/components/claims/StatusBadge";
import { PageHeader } from "@/components/PageHeader";
import { useHydrated } from "@/components/hooks/useHydrated";
import { partnerActionReasons } from "@/lib/claims/reasons";
import type { ClaimSummaryView } from "@/lib/claims/summary";
import { assignClaimAction, decideClaimAction, unassignClaimAction } from "@/lib/review/actions";
import type { ApproveOutcome as ApproveOutcomeView, ReferenceCheck } from "@/lib/review/claim";
import { ApproveOutcome } from "@/components/review/ApproveOutcome";
import { CompetingClaims, type CompetitorView } from "@/components/review/CompetingClaims";
import type { ActionResult } from "@/lib/actions";
import type { DecisionDetails } from "@/lib/review/decisions";
import { reviewerRejectionReasons } from "@/lib/claims/vocabulary";
import type { ReviewerAction } from "@/lib/review/schemas";

const useStyles = makeStyles({
  back: { display: "inline-block", marginBottom: "8px", color: tokens.colorBrandForegroundLink },
  meta: { display: "flex", gap: "16px", alignItems: "center", flexWrap: "wrap", marginBottom: "16px", color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  note: { marginBottom: "16px", maxWidth: "880px" },
  panel: { padding: "16px 20px", marginBottom: "16px", maxWidth: "880px", display: "flex", flexDirection: "column", gap: "12px" },
  checks: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  check: { display: "flex", gap: "8px", alignItems: "flex-start" },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  link: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
  form: { display: "flex", flexDirection: "column", gap: "12px" },
  reason: { whiteSpace: "pre-wrap" },
});


type Props = {
  claim: ClaimSummaryView & { id: string };
  status: string;
  organizationName: string;
  submittedAt: string | null;
  statusChangedAt: string | null;
  due: { at: string; overdue: boolean; reviewers: boolean } | null;
  statusReason: { code: string | null; text: string | null };
  customer: { response: "NONE" | "APPROVED" | "DECLINED"; respondedAt: string | null };
  assignee: { id: string; name: string } | null;
  viewerId: string;
  actions: string[];
  checks: ReferenceCheck[];
  competitors: CompetitorView[];
  approveOutcome: ApproveOutcomeView | null;
  associations: AssociationView[];
  usage: UsageView;
  events: ClaimEventView[];
  children?: ReactNode;
};

const iso = (value: Date | string | null) => (value instanceof Date ? value.toISOString() : value);

/** Decisions that need a reason code and words, and where their codes come from. */
const reasoned: Partial<Record<ReviewerAction, readonly string[]>> = {
  reject: reviewerRejectionReasons,
  rejectDispute: reviewerRejectionReasons,
  requestPartnerAction: partnerActionReasons,
};

/** What the decision and assignment actions answer (with `unavailable` during an outage). */
type ReviewAnswer = ActionResult<undefined, string, DecisionDetails>;

export function ReviewClaimView(props: Props) {
  const { claim, status, assignee, viewerId, actions, competitors } = props;
  const styles = useStyles();
  const t = useTranslations("Review");
  const tp = useTranslations("ClaimPage");
  const tr = useTranslations("Reasons");
  const te = useTranslations("Errors");
  const format = useFormatter();
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<{ text: string; holders?: CompetitorView[] }>();
  const [dialog, setDialog] = useState<ReviewerAction>();
  const [reasonCode, setReasonCode] = useState("");
  const [reasonText, setReasonText] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium" }) : "—");
  const mine = assignee?.id === viewerId;
  const heldByOther = assignee !== null && !mine;

  const explain = (result: ReviewAnswer) => {
    if (result.ok) return undefined;
    const holders = result.details?.holders;
    return {
      text: result.problem === "unavailable" ? te("unavailable") : t(`problems.${result.problem}` as "problems.stale", { assignee: result.details?.assignee ?? "" }),
      holders: holders?.map((h) => ({ ...h, submittedAt: iso(h.submittedAt), statusChangedAt: iso(h.statusChangedAt), associatedSince: iso(h.associatedSince), acknowledgedOn: iso(h.acknowledgedOn)?.slice(0, 10) ?? null })),
    };
  };

  const run = (work: () => Promise<ReviewAnswer>, onOk?: () => void) =>
    startTransition(async () => {
      setProblem(undefined);
      const result = await work();
      if (result.ok) {
        onOk?.();
        router.refresh();
        return;
      }
      if (Object.keys(result.fieldErrors).length > 0) {
        setFieldErrors(result.fieldErrors);
        return;
      }
      setDialog(undefined);
      setProblem(explain(result));
      // The claim changed under this page (another reviewer, the partner, the customer): show it as it is now.
      router.refresh();
    });

  const openDialog = (action: ReviewerAction) => {
    setReasonCode("");
    setReasonText("");
    setFieldErrors({});
    setDialog(action);
  };

  const decide = (action: ReviewerAction) =>
    run(
      () => decideClaimAction(claim.id, reasoned[action] ? { action, reasonCode: reasonCode || undefined, reasonText } : { action, reasonText: reasonText || undefined }),
      () => setDialog(undefined),
    );

  const fieldError = (key: string) => (fieldErrors[key] ? t(`fieldErrors.${fieldErrors[key]}` as "fieldErrors.required") : undefined);
  const codes = dialog ? reasoned[dialog] : undefined;

  const decisionButtons = (actions as ReviewerAction[]).map((action) => (
    <Button
      key={action}
      appearance={action === "startReview" || action === "approve" || action === "approveDispute" ? "primary" : "secondary"}
      disabled={pending || heldByOther}
      onClick={() => (action === "startReview" ? run(() => decideClaimAction(claim.id, { action })) : openDialog(action))}
    >
      {t(`decisions.${action}`)}
    </Button>
  ));

  return (
    <div data-ready={hydrated || undefined}>
      <NextLink href="/review" className={styles.back}>
        ← {t("backToQueue")}
      </NextLink>
      <PageHeader
        title={claim.name}
        lead={t("claimLead", { organization: props.organizationName, partnerId: claim.partnerId })}
        actions={
          <div className={styles.actions}>
            {mine ? (
              <Button icon={<PersonDelete20Regular />} disabled={pending} onClick={() => run(() => unassignClaimAction(claim.id))}>
                {t("unassign")}
              </Button>
            ) : heldByOther ? (
              <Button icon={<PersonArrowLeft20Regular />} disabled={pending} onClick={() => run(() => assignClaimAction(claim.id, true))}>
                {t("takeOver")}
              </Button>
            ) : (
              <Button icon={<PersonAdd20Regular />} disabled={pending} onClick={() => run(() => assignClaimAction(claim.id, false))}>
                {t("assignToMe")}
              </Button>
            )}
          </div>
        }
      />
      <div className={styles.meta}>
        <StatusBadge status={status} />
        <Text>{t("submittedOn", { date: date(props.submittedAt) })}</Text>
        <Text>{t("inStatusSince", { date: date(props.statusChangedAt) })}</Text>
        {props.due ? (
          <Text className={props.due.overdue && props.due.reviewers ? styles.overdue : undefined} data-testid="claim-due">
            {props.due.reviewers
              ? props.due.overdue
                ? t("overdueSince", { date: date(props.due.at) })
                : t("decisionDue", { date: date(props.due.at) })
              : t("partnerDue", { date: date(props.due.at) })}
          </Text>
        ) : null}
        <Text data-testid="claim-assignee">{assignee ? (mine ? t("assignedToYou") : t("assignedTo", { name: assignee.name })) : t("notAssigned")}</Text>
        <Text data-testid="customer-response">
          {tp("customerResponse")}: {tp(`customerResponses.${props.customer.response}`, { date: props.customer.respondedAt ? new Date(props.customer.respondedAt) : new Date() })}
        </Text>
      </div>

      {props.approveOutcome ? (
        <div className={styles.note}>
          <ApproveOutcome outcome={props.approveOutcome} />
        </div>
      ) : null}

      {problem ? (
        <MessageBar intent="error" role="alert" className={styles.note} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("refused")}</MessageBarTitle>
            {problem.text}
            {problem.holders?.length ? (
              <ul>
                {problem.holders.map((h) => (
                  <li key={h.claimId}>
                    <NextLink href={`/review/claims/${h.claimId}`} className={styles.link}>
                      {h.name}
                    </NextLink>{" "}
                    · {h.organizationName} · {t("heldSince", { date: date(h.associatedSince) })}
                  </li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {props.statusReason.code || props.statusReason.text ? (
        <MessageBar intent={status === "APPROVED" ? "success" : "warning"} className={styles.note} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{props.statusReason.code && tr.has(props.statusReason.code) ? tr(props.statusReason.code) : t("lastDecision")}</MessageBarTitle>
            {props.statusReason.text ? <span className={styles.reason}>{props.statusReason.text}</span> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <Card className={styles.panel}>
        <Subtitle2 as="h2">{t("decisionHeading")}</Subtitle2>
        {actions.length > 0 ? (
          <>
            <Text>{heldByOther ? t("heldByOther", { name: assignee!.name }) : t(`decisionHelp.${status}` as "decisionHelp.SUBMITTED")}</Text>
            <div className={styles.actions}>{decisionButtons}</div>
          </>
        ) : (
          <Text>{t(`noDecision.${status}` as "noDecision.APPROVED")}</Text>
        )}
      </Card>

      <Card className={styles.panel}>
        <Subtitle2 as="h2">{t("checksHeading")}</Subtitle2>
        <ul className={styles.checks} aria-label={t("checksHeading")}>
          {props.checks.map((check) => (
            <li key={check.check} className={styles.check} data-testid={`check-${check.check}`} data-ok={check.ok}>
              {check.ok ? <Checkmark20Filled className={styles.ok} aria-label={t("checkPassed")} /> : <Dismiss20Filled className={styles.bad} aria-label={t("checkFailed")} />}
              <Text>
                {t(`checks.${check.check}.${check.ok ? "ok" : "bad"}`)}
                {!check.ok && check.detail?.length ? ` (${check.detail.join(", ")})` : ""}
              </Text>
            </li>
          ))}
        </ul>
      </Card>

      <CompetingClaims claimId={claim.id} competitors={competitors} />

      <AssociationList associations={props.associations} />
      <UsageSection usage={props.usage} />
      <ClaimSummary claim={claim} audience="reviewer" />
      {props.children}
      <ClaimTimeline events={props.events} />

      <Dialog open={dialog !== undefined && dialog !== "startReview"} onOpenChange={(_, data) => (data.open ? undefined : setDialog(undefined))}>
        <DialogSurface>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (dialog) decide(dialog);
            }}
          >
            <DialogBody>
              <DialogTitle>{dialog ? t(`dialogs.${dialog}.title` as "dialogs.approve.title") : ""}</DialogTitle>
              <DialogContent className={styles.form}>
                <Text>{dialog ? t(`dialogs.${dialog}.body` as "dialogs.approve.body", { name: claim.name }) : ""}</Text>
                {codes ? (
                  <Field label={t("reasonCode")} required validationMessage={fieldError("reasonCode")}>
                    <Select value={reasonCode} onChange={(_, data) => setReasonCode(data.value)}>
                      <option value="">{t("chooseReason")}</option>
                      {codes.map((code) => (
                        <option key={code} value={code}>
                          {tr(code)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : null}
                <Field
                  label={dialog === "requestPartnerAction" ? t("question") : codes ? t("reasonText") : t("noteOptional")}
                  hint={codes ? t("reasonTextHint") : undefined}
                  required={Boolean(codes)}
                  validationMessage={fieldError("reasonText")}
                >
                  <Textarea value={reasonText} onChange={(_, data) => setReasonText(data.value)} resize="vertical" rows={4} maxLength={2000} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button type="button" onClick={() => setDialog(undefined)}>
                  {t("cancel")}
                </Button>
                <Button type="submit" appearance="primary" disabled={pending}>
                  {dialog ? t(`dialogs.${dialog}.confirm` as "dialogs.approve.confirm") : ""}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
