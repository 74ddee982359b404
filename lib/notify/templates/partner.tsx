// The emails to the partner's contact: the customer answered (approved or declined), and a
// Microsoft reviewer's decision (status, reason code in words, reason text). In the language of the
// admin who created the claim. Texts in messages/*.json, PartnerEmail (statuses and reasons from
// Status and Reasons).
import { createTranslator } from "next-intl";
import type { ReactElement } from "react";
import { partnerActionReasons, rejectionReasons } from "../../claims/reasons";
import { claimStatuses } from "../../claims/vocabulary";
import { loadMessages, type Locale } from "../../i18n/locales";
import { EmailLayout, formatDate, LinkButton, Para, Subtitle, Title } from "./layout";
import type { EmailClaim } from "./model";

type PartnerEmail = { subject: string; body: ReactElement };

const tenantOf = (claim: EmailClaim) => (claim.tenantName ? `${claim.tenantName} (${claim.tenantId})` : claim.tenantId);
const isOneOf = (list: readonly string[], value: string) => list.includes(value);

async function translators(locale: Locale) {
  const messages = await loadMessages(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "PartnerEmail" }),
    statuses: createTranslator({ locale, messages, namespace: "Status" }),
    reasons: createTranslator({ locale, messages, namespace: "Reasons" }),
  };
}

/** The email telling the partner contact that the customer approved or declined. */
export async function customerRespondedEmail({
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
}): Promise<PartnerEmail> {
  const { t } = await translators(locale);
  const title = t("respondedTitle", { response });
  const body = (
    <EmailLayout locale={locale} preview={title} footer={<Para small>{t("footer")}</Para>}>
      <Title>{title}</Title>
      <Para>{t("greeting", { name: claim.partnerContactName })}</Para>
      <Para>{t("responded", { customer: claim.customerContactName, tenant: tenantOf(claim), response })}</Para>
      <Para>{t("claimLine", { name: claim.name, partnerId: claim.partnerId })}</Para>
      {reason && (
        <>
          <Subtitle>{t("customerReason")}</Subtitle>
          <Para>{reason}</Para>
        </>
      )}
      <Para>{t(`respondedNext.${response}`)}</Para>
      <Para>
        <LinkButton href={claimUrl}>{t("openClaim")}</LinkButton>
      </Para>
    </EmailLayout>
  );
  return { subject: t("respondedSubject", { claim: claim.name, response }), body };
}

/** The email telling the partner contact a reviewer's decision; an unknown status or reason code is shown as it is. */
export async function decisionEmail({
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
}): Promise<PartnerEmail> {
  const { t, statuses, reasons } = await translators(locale);
  const knownStatus = isOneOf(claimStatuses, status);
  const words = knownStatus ? statuses(status) : status;
  const next = knownStatus && t.has(`nextSteps.${status}`) ? t(`nextSteps.${status}`) : null;
  const reasonWords = (code: string) => (isOneOf(rejectionReasons, code) || isOneOf(partnerActionReasons, code) ? reasons(code) : code);
  const title = t("decisionTitle", { status: words });
  const body = (
    <EmailLayout locale={locale} preview={title} footer={<Para small>{t("footer")}</Para>}>
      <Title>{title}</Title>
      <Para>{t("greeting", { name: claim.partnerContactName })}</Para>
      <Para>{t("decision", { claim: claim.name, tenant: tenantOf(claim), status: words })}</Para>
      <Para>{t("claimLine", { name: claim.name, partnerId: claim.partnerId })}</Para>
      {(reasonCode || reasonText) && (
        <>
          <Subtitle>{t("reasonHeading")}</Subtitle>
          {reasonCode && (
            <Para>
              <strong>{reasonWords(reasonCode)}</strong>
            </Para>
          )}
          {reasonText && <Para>{reasonText}</Para>}
        </>
      )}
      {next && <Para>{next}</Para>}
      <Para>
        <LinkButton href={claimUrl}>{t("openClaim")}</LinkButton>
      </Para>
    </EmailLayout>
  );
  return { subject: t("decisionSubject", { claim: claim.name, status: words }), body };
}

/**
 * The email telling the partner contact that a Business Applications association ends with its
 * subscription: 30 days ahead ("ahead") and on the day ("ended"), with the way to re-associate.
 */
export async function associationEndEmail({
  locale,
  claim,
  subscriptionId,
  endsAt,
  stage,
  claimUrl,
}: {
  locale: Locale;
  claim: EmailClaim;
  subscriptionId: string;
  endsAt: Date;
  stage: "ahead" | "ended";
  claimUrl: string;
}): Promise<PartnerEmail> {
  const { t } = await translators(locale);
  const product = claim.items.find((item) => item.subscriptions.includes(subscriptionId))?.name ?? subscriptionId;
  const date = formatDate(endsAt, locale);
  const title = t("associationEndTitle", { stage, product, date });
  const body = (
    <EmailLayout locale={locale} preview={title} footer={<Para small>{t("footer")}</Para>}>
      <Title>{title}</Title>
      <Para>{t("greeting", { name: claim.partnerContactName })}</Para>
      <Para>{t("associationEnd", { stage, product, subscription: subscriptionId, tenant: tenantOf(claim), date })}</Para>
      <Para>{t("claimLine", { name: claim.name, partnerId: claim.partnerId })}</Para>
      <Para>{t("associationEndNext", { stage })}</Para>
      <Para>
        <LinkButton href={claimUrl}>{t("openClaim")}</LinkButton>
      </Para>
    </EmailLayout>
  );
  return { subject: t("associationEndSubject", { stage, product, claim: claim.name, date }), body };
}
