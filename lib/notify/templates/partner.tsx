// The emails to the partner's contact: the customer answered (approved or declined), and a
// Microsoft reviewer's decision (status, reason code in words, reason text). In the language of the
// admin who created the claim.
import type { Locale } from "../../i18n/locales";
import type { ClaimStatus } from "../../generated/prisma/enums";
import { EmailLayout, LinkButton, Para, Subtitle, Title } from "./layout";
import type { EmailClaim } from "./model";

type PartnerTexts = {
  respondedSubject: (claim: string, approved: boolean) => string;
  respondedTitle: (approved: boolean) => string;
  responded: (customer: string, tenant: string, approved: boolean) => string;
  respondedApprovedNext: string;
  respondedDeclinedNext: string;
  customerReason: string;
  decisionSubject: (claim: string, status: string) => string;
  decisionTitle: (status: string) => string;
  decision: (claim: string, tenant: string, status: string) => string;
  reasonHeading: string;
  nextSteps: Partial<Record<ClaimStatus, string>>;
  statuses: Record<ClaimStatus, string>;
  /** The fixed reason codes (rejection and "Partner action required"); an unknown code is shown as it is. */
  reasons: Record<string, string>;
  claimLine: (name: string, partnerId: string) => string;
  openClaim: string;
  greeting: (name: string) => string;
  footer: string;
};

/** The texts of the partner emails, per language (kept here, not in messages/*.json). */
export const partnerTexts: Record<Locale, PartnerTexts> = {
  en: {
    respondedSubject: (claim, approved) => `The customer ${approved ? "approved" : "declined"} the association: ${claim}`,
    respondedTitle: (approved) => (approved ? "The customer approved the association" : "The customer declined the association"),
    responded: (customer, tenant, approved) =>
      `${customer} (tenant ${tenant}) ${approved ? "approved" : "declined"} your request to be recorded as partner of record.`,
    respondedApprovedNext: "Microsoft's review of the claim continues; the association becomes official when the claim is approved.",
    respondedDeclinedNext: "The association ends. The claim page shows the customer's answer and the claim's status.",
    customerReason: "The customer's comment",
    decisionSubject: (claim, status) => `Claim ${status}: ${claim}`,
    decisionTitle: (status) => `Microsoft's decision: ${status}`,
    decision: (claim, tenant, status) => `Microsoft reviewed your claim "${claim}" for tenant ${tenant}. Its status is now: ${status}.`,
    reasonHeading: "Reason",
    nextSteps: {
      APPROVED: "The association is official: from now on the customer's usage data of these products is visible to you.",
      PARTNER_ACTION_REQUIRED: "Microsoft needs more from you. Edit the claim as asked and resubmit it within 14 business days, or it is rejected.",
      REJECTED: "You may dispute the rejection once, within 30 business days, with an explanation and more proof of execution.",
      REJECTED_FINAL: "The decision is final. Only a new claim is possible.",
    },
    statuses: {
      DRAFT: "Draft",
      SUBMITTED: "Submitted",
      UNDER_REVIEW: "Under review",
      PARTNER_ACTION_REQUIRED: "Partner action required",
      APPROVED: "Approved",
      REJECTED: "Rejected",
      DISPUTE: "Dispute",
      REJECTED_FINAL: "Rejected final",
    },
    reasons: {
      CUSTOMER_DECLINED: "Customer declined",
      INSUFFICIENT_POE: "Insufficient proof of execution",
      PARTNER_REQUEST: "Partner request",
      CUSTOMER_CONSENT_MISSING: "Customer consent missing on the proof of execution",
      NO_PARTNER_RESPONSE: "No partner response",
      WORKLOADS_MISSING_FROM_POE: "Products or workloads missing from the proof of execution",
      POE_UNAVAILABLE: "Proof of execution unavailable",
      CONFLICT_WON_BY_OTHER_PARTNER: "Conflicting claim won by another partner",
      POE_MISSING: "Proof of execution missing",
      CUSTOMER_ACKNOWLEDGEMENT_MISSING: "Customer acknowledgement missing",
      DATES_MISSING_OR_OLD: "Dates missing or older than 12 months",
      WORK_DESCRIPTION_MISSING: "Description of the work missing",
      WORKLOADS_MISSING: "Products or workloads missing",
    },
    claimLine: (name, partnerId) => `Claim: ${name} (PartnerID ${partnerId})`,
    openClaim: "Open the claim",
    greeting: (name) => `Dear ${name},`,
    footer: "You receive this email as the partner contact of this claim in the CPOR claims portal.",
  },
  ja: {
    respondedSubject: (claim, approved) => `顧客が関連付けを${approved ? "承認" : "拒否"}しました: ${claim}`,
    respondedTitle: (approved) => (approved ? "顧客が関連付けを承認しました" : "顧客が関連付けを拒否しました"),
    responded: (customer, tenant, approved) =>
      `${customer} (テナント ${tenant}) が、パートナー オブ レコードとしての登録の依頼を${approved ? "承認" : "拒否"}しました。`,
    respondedApprovedNext: "Microsoft による請求のレビューは継続します。請求が承認されると、関連付けが正式になります。",
    respondedDeclinedNext: "関連付けは終了します。請求のページで顧客の回答と請求の状態を確認できます。",
    customerReason: "顧客のコメント",
    decisionSubject: (claim, status) => `請求の状態: ${status}: ${claim}`,
    decisionTitle: (status) => `Microsoft の決定: ${status}`,
    decision: (claim, tenant, status) => `Microsoft がテナント ${tenant} の請求「${claim}」をレビューしました。現在の状態: ${status}。`,
    reasonHeading: "理由",
    nextSteps: {
      APPROVED: "関連付けが正式になりました。今後、これらの製品の顧客の使用状況データを閲覧できます。",
      PARTNER_ACTION_REQUIRED: "Microsoft から追加の対応が求められています。14 営業日以内に指示どおり請求を編集して再送信してください。期限を過ぎると拒否されます。",
      REJECTED: "30 営業日以内に 1 回、説明と追加の実行証明書を添えて拒否に異議を申し立てることができます。",
      REJECTED_FINAL: "この決定は最終です。新しい請求のみ作成できます。",
    },
    statuses: {
      DRAFT: "下書き",
      SUBMITTED: "送信済み",
      UNDER_REVIEW: "レビュー中",
      PARTNER_ACTION_REQUIRED: "パートナーの対応が必要",
      APPROVED: "承認済み",
      REJECTED: "拒否",
      DISPUTE: "異議申し立て",
      REJECTED_FINAL: "拒否 (最終)",
    },
    reasons: {
      CUSTOMER_DECLINED: "顧客による拒否",
      INSUFFICIENT_POE: "実行証明書が不十分",
      PARTNER_REQUEST: "パートナーからの依頼",
      CUSTOMER_CONSENT_MISSING: "実行証明書に顧客の同意の記載なし",
      NO_PARTNER_RESPONSE: "パートナーからの応答なし",
      WORKLOADS_MISSING_FROM_POE: "実行証明書に製品またはワークロードの記載なし",
      POE_UNAVAILABLE: "実行証明書を利用できない",
      CONFLICT_WON_BY_OTHER_PARTNER: "競合する要求で別のパートナーが優先",
      POE_MISSING: "実行証明書なし",
      CUSTOMER_ACKNOWLEDGEMENT_MISSING: "顧客による確認なし",
      DATES_MISSING_OR_OLD: "日付がないか、12 か月より前の日付",
      WORK_DESCRIPTION_MISSING: "作業内容の説明なし",
      WORKLOADS_MISSING: "製品またはワークロードの記載なし",
    },
    claimLine: (name, partnerId) => `請求: ${name} (PartnerID ${partnerId})`,
    openClaim: "請求を開く",
    greeting: (name) => `${name} 様`,
    footer: "CPOR 請求ポータルでこの請求のパートナー連絡先として登録されているため、このメールをお送りしています。",
  },
};

const statusWords = (t: PartnerTexts, status: string) => t.statuses[status as ClaimStatus] ?? status;
export const reasonWords = (locale: Locale, code: string) => partnerTexts[locale].reasons[code] ?? code;
const tenantOf = (claim: EmailClaim) => (claim.tenantName ? `${claim.tenantName} (${claim.tenantId})` : claim.tenantId);

export function customerRespondedSubject(locale: Locale, claim: EmailClaim, response: "APPROVED" | "DECLINED") {
  return partnerTexts[locale].respondedSubject(claim.name, response === "APPROVED");
}

export function CustomerRespondedEmail({
  locale,
  claim,
  response,
  reason,
  claimUrl,
}: {
  locale: Locale;
  claim: EmailClaim;
  response: "APPROVED" | "DECLINED";
  reason?: string;
  claimUrl: string;
}) {
  const t = partnerTexts[locale];
  const approved = response === "APPROVED";
  return (
    <EmailLayout locale={locale} preview={t.respondedTitle(approved)} footer={<Para small>{t.footer}</Para>}>
      <Title>{t.respondedTitle(approved)}</Title>
      <Para>{t.greeting(claim.partnerContactName)}</Para>
      <Para>{t.responded(claim.customerContactName, tenantOf(claim), approved)}</Para>
      <Para>{t.claimLine(claim.name, claim.partnerId)}</Para>
      {reason && (
        <>
          <Subtitle>{t.customerReason}</Subtitle>
          <Para>{reason}</Para>
        </>
      )}
      <Para>{approved ? t.respondedApprovedNext : t.respondedDeclinedNext}</Para>
      <Para>
        <LinkButton href={claimUrl}>{t.openClaim}</LinkButton>
      </Para>
    </EmailLayout>
  );
}

export function decisionSubject(locale: Locale, claim: EmailClaim, status: string) {
  const t = partnerTexts[locale];
  return t.decisionSubject(claim.name, statusWords(t, status));
}

export function DecisionEmail({
  locale,
  claim,
  status,
  reasonCode,
  reasonText,
  claimUrl,
}: {
  locale: Locale;
  claim: EmailClaim;
  status: string;
  reasonCode?: string;
  reasonText?: string;
  claimUrl: string;
}) {
  const t = partnerTexts[locale];
  const words = statusWords(t, status);
  const next = t.nextSteps[status as ClaimStatus];
  return (
    <EmailLayout locale={locale} preview={t.decisionTitle(words)} footer={<Para small>{t.footer}</Para>}>
      <Title>{t.decisionTitle(words)}</Title>
      <Para>{t.greeting(claim.partnerContactName)}</Para>
      <Para>{t.decision(claim.name, tenantOf(claim), words)}</Para>
      <Para>{t.claimLine(claim.name, claim.partnerId)}</Para>
      {(reasonCode || reasonText) && (
        <>
          <Subtitle>{t.reasonHeading}</Subtitle>
          {reasonCode && (
            <Para>
              <strong>{reasonWords(locale, reasonCode)}</strong>
            </Para>
          )}
          {reasonText && <Para>{reasonText}</Para>}
        </>
      )}
      {next && <Para>{next}</Para>}
      <Para>
        <LinkButton href={claimUrl}>{t.openClaim}</LinkButton>
      </Para>
    </EmailLayout>
  );
}
