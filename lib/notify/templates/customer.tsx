// The email to the customer contact asking to approve or decline the partner-of-record association:
// the first request, the reminders (at most two) and a re-send the partner asked for. Same content,
// one link to the approval page plus Approve / Decline links that only preselect the choice there.
// Texts in messages/*.json, CustomerEmail (role names from Roles).
import { createTranslator } from "next-intl";
import { Link } from "@react-email/components";
import type { ReactElement } from "react";
import { loadMessages, type Locale } from "../../i18n/locales";
import { EmailLayout, formatDate, Items, LinkButton, Para, Subtitle, Title } from "./layout";
import type { CustomerLinks, EmailClaim } from "./model";

export type CustomerEmailVariant = { kind: "request" } | { kind: "reminder"; reminder: number; of: number } | { kind: "resend" } | { kind: "access" };

/** The customer email's subject and body, in the customer's language. */
export async function customerApprovalEmail({
  locale,
  claim,
  variant,
  links,
  expiresAt,
}: {
  locale: Locale;
  claim: EmailClaim;
  variant: CustomerEmailVariant;
  links: CustomerLinks;
  expiresAt: Date;
}): Promise<{ subject: string; body: ReactElement }> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "CustomerEmail" });
  const roles = createTranslator({ locale, messages, namespace: "Roles" });
  const partner = claim.partnerName;
  const tenant = claim.tenantName ? `${claim.tenantName} (${claim.tenantId})` : claim.tenantId;
  const submittedAt = claim.submittedAt ? formatDate(claim.submittedAt, locale) : null;
  const subject =
    variant.kind === "reminder" ? t("reminderSubject", { partner, reminder: variant.reminder, total: variant.of }) : t("subject", { partner });

  const body = (
    <EmailLayout locale={locale} preview={t("preview", { partner })} footer={<Para small>{t("footer", { partner })}</Para>}>
      <Title>{t("title")}</Title>
      {variant.kind === "reminder" && <Para>{t("reminder", { reminder: variant.reminder, total: variant.of })}</Para>}
      {variant.kind === "resend" && <Para>{t("resend", { partner })}</Para>}
      {variant.kind === "access" && <Para>{t("access")}</Para>}
      <Para>{t("greeting", { name: claim.customerContactName })}</Para>
      <Para>{t("intro", { partner, partnerId: claim.partnerId, tenant })}</Para>
      <Para>
        {t("submittedBy", { name: claim.partnerContactName, email: claim.partnerContactEmail, dated: submittedAt ? "yes" : "no", date: submittedAt ?? "" })}
      </Para>

      <Subtitle>{t("partnerHeading")}</Subtitle>
      <Para>{t("partnerLine", { partner, partnerId: claim.partnerId, located: claim.partnerCity ? "yes" : "no", city: claim.partnerCity ?? "" })}</Para>

      <Subtitle>{t(`productsHeading.${claim.solutionArea}`)}</Subtitle>
      <Items
        items={claim.items.map((item) =>
          item.subscriptions.length > 0 ? `${item.name}: ${item.subscriptions.map((id) => t("subscription", { id })).join(", ")}` : item.name,
        )}
      />

      <Subtitle>{t("roleHeading")}</Subtitle>
      {/* The role's name is the portal's (Roles) unless CustomerEmail.roleName words it for the customer. */}
      <Para>
        <strong>{t("roleName", { role: claim.partnerRole, name: roles(claim.partnerRole) })}</strong>: {t(`roleMeaning.${claim.partnerRole}`)}
      </Para>

      <Subtitle>{t("approveHeading")}</Subtitle>
      <Items items={["recorded", "usageData", "noCost"].map((key) => t(`approveMeans.${key}`, { partner }))} />
      <Subtitle>{t("declineHeading")}</Subtitle>
      <Items items={["ends", "anyTime"].map((key) => t(`declineMeans.${key}`, { partner }))} />

      <Subtitle>{t("respondHeading")}</Subtitle>
      <Para>{t("respondIntro")}</Para>
      <Para>
        <LinkButton href={links.page}>{t("reviewButton")}</LinkButton>
      </Para>
      <Para>
        <LinkButton href={links.approve} tone="secondary">
          {t("approveButton")}
        </LinkButton>
      </Para>
      <Para>
        <LinkButton href={links.decline} tone="secondary">
          {t("declineButton")}
        </LinkButton>
      </Para>
      <Para small>{t("linkNote", { date: formatDate(expiresAt, locale) })}</Para>
      <Para small>{t.rich("newLinks", { link: (chunks) => <Link href={links.access}>{chunks}</Link> })}</Para>

      {claim.publicSector && (
        <>
          <Subtitle>{t("psdHeading")}</Subtitle>
          {["fees", "compliance"].map((key) => (
            <Para key={key}>{t(`psd.${key}`, { partner })}</Para>
          ))}
        </>
      )}
    </EmailLayout>
  );
  return { subject, body };
}
