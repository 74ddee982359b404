// The email to the customer contact asking to approve or decline the partner-of-record association:
// the first request, the reminders (at most two) and a re-send the partner asked for. Same content,
// one link to the approval page plus Approve / Decline links that only preselect the choice there.
import type { Locale } from "../../i18n/locales";
import type { PartnerRole } from "../../generated/prisma/enums";
import { EmailLayout, formatDate, Items, LinkButton, Para, Subtitle, Title } from "./layout";
import type { CustomerLinks, EmailClaim } from "./model";

export type CustomerEmailVariant = { kind: "request" } | { kind: "reminder"; reminder: number; of: number } | { kind: "resend" };

type RoleWords = { name: string; meaning: string };

type CustomerTexts = {
  subject: (partner: string) => string;
  reminderSubject: (partner: string, n: number, of: number) => string;
  preview: (partner: string) => string;
  title: string;
  greeting: (name: string) => string;
  intro: (partner: string, partnerId: string, tenant: string) => string;
  submittedBy: (name: string, email: string, date: string | null) => string;
  reminder: (n: number, of: number) => string;
  resend: (partner: string) => string;
  partnerHeading: string;
  partnerLine: (partner: string, partnerId: string, city: string | null) => string;
  productsHeading: { MODERN_WORK_SECURITY: string; BUSINESS_APPLICATIONS: string };
  subscription: (id: string) => string;
  roleHeading: string;
  roles: Record<PartnerRole, RoleWords>;
  approveHeading: string;
  approveMeans: (partner: string) => string[];
  declineHeading: string;
  declineMeans: (partner: string) => string[];
  respondHeading: string;
  respondIntro: string;
  reviewButton: string;
  approveButton: string;
  declineButton: string;
  linkNote: (date: string) => string;
  psdHeading: string;
  psd: (partner: string) => string[];
  footer: (partner: string) => string;
};

/** The texts of the customer email, per language (kept here, not in messages/*.json). */
export const customerTexts: Record<Locale, CustomerTexts> = {
  en: {
    subject: (partner) => `Please confirm: ${partner} as partner of record for your Microsoft products`,
    reminderSubject: (partner, n, of) => `Reminder ${n} of ${of}: please confirm ${partner} as partner of record for your Microsoft products`,
    preview: (partner) => `${partner} asks to be recorded as your partner of record. Approve or decline.`,
    title: "Confirm your partner of record",
    greeting: (name) => `Dear ${name},`,
    intro: (partner, partnerId, tenant) =>
      `${partner} (PartnerID ${partnerId}) asks Microsoft to record it as the partner of record ("customer association") for your organisation's Microsoft tenant ${tenant}, for the products listed below. Please tell us whether you agree.`,
    submittedBy: (name, email, date) => `The request was submitted by ${name} (${email})${date ? ` on ${date}` : ""}.`,
    reminder: (n, of) => `This is reminder ${n} of ${of}: we have not received your answer to this request yet.`,
    resend: (partner) => `${partner} asked us to send you this request again.`,
    partnerHeading: "The partner",
    partnerLine: (partner, partnerId, city) => `${partner}, PartnerID ${partnerId}${city ? ` (${city})` : ""}`,
    productsHeading: { MODERN_WORK_SECURITY: "Workloads", BUSINESS_APPLICATIONS: "Products and subscriptions" },
    subscription: (id) => `subscription ${id}`,
    roleHeading: "The partner's role",
    roles: {
      BUILD_INTENT_ADVISOR: {
        name: "Build intent - Advisor",
        meaning: "The partner advised your organisation before it bought these products and influenced the purchase.",
      },
      USAGE_RECOGNITION: {
        name: "Usage recognition",
        meaning: "The partner helps your organisation adopt and use these products.",
      },
      INFLUENCED_REVENUE: {
        name: "Influenced revenue recognition",
        meaning: "The partner influenced your organisation's choice of these products as a business advisor.",
      },
      USE_OR_CONSUME: {
        name: "Use or consume",
        meaning: "The partner helps your organisation deploy, adopt and use these workloads.",
      },
    },
    approveHeading: "If you approve",
    approveMeans: (partner) => [
      `${partner} is recorded by Microsoft as the partner of record for these products.`,
      `${partner} can then see your organisation's usage data of these products.`,
      "It costs you nothing: you buy nothing, and no subscription or contract changes.",
    ],
    declineHeading: "If you decline",
    declineMeans: (partner) => [
      `The association with ${partner} ends: it is not recorded, or no longer recorded, and the partner no longer sees your usage data of these products.`,
      "You can also decline later, at any time, even after approving: use the link in this or any other of these emails.",
    ],
    respondHeading: "Your answer",
    respondIntro: "The links open a page of the claims portal where you confirm your choice. Opening a link alone changes nothing.",
    reviewButton: "Review and respond",
    approveButton: "Approve",
    declineButton: "Decline",
    linkNote: (date) => `The links are personal to you and valid until ${date}. Do not forward this email.`,
    psdHeading: "Public Sector Disclosure",
    psd: (partner) => [
      `${partner} may receive fees or incentive payments from Microsoft for its work on these products, based on the association you confirm.`,
      "If your organisation is a public-sector entity in the United States or Puerto Rico, please make sure that approving this association complies with the laws, regulations and policies that apply to you, including procurement, gift and ethics rules. Approving is not a purchase, and it does not oblige your organisation to buy anything from Microsoft or from the partner.",
    ],
    footer: (partner) =>
      `You receive this email because ${partner} named you as the contact of your organisation. If you do not know this partner or did not expect this request, decline it.`,
  },
  ja: {
    subject: (partner) => `ご確認のお願い: ${partner} をお客様の Microsoft 製品のパートナー オブ レコードとして登録`,
    reminderSubject: (partner, n, of) => `リマインダー (${n}/${of}): ${partner} をパートナー オブ レコードとして登録することのご確認のお願い`,
    preview: (partner) => `${partner} がお客様のパートナー オブ レコードとしての登録を求めています。承認または拒否してください。`,
    title: "パートナー オブ レコードのご確認",
    greeting: (name) => `${name} 様`,
    intro: (partner, partnerId, tenant) =>
      `${partner} (PartnerID ${partnerId}) が、貴組織の Microsoft テナント ${tenant} の下記の製品について、パートナー オブ レコード (顧客の関連付け) として登録するよう Microsoft に求めています。ご同意いただけるかどうかをお知らせください。`,
    submittedBy: (name, email, date) => `この依頼は ${name} (${email}) が${date ? ` ${date}に` : ""}送信しました。`,
    reminder: (n, of) => `これはリマインダー (${n}/${of}) です。この依頼へのご回答をまだいただいていません。`,
    resend: (partner) => `${partner} の依頼により、このメールを再送しています。`,
    partnerHeading: "パートナー",
    partnerLine: (partner, partnerId, city) => `${partner}、PartnerID ${partnerId}${city ? ` (${city})` : ""}`,
    productsHeading: { MODERN_WORK_SECURITY: "ワークロード", BUSINESS_APPLICATIONS: "製品とサブスクリプション" },
    subscription: (id) => `サブスクリプション ${id}`,
    roleHeading: "パートナーの役割",
    roles: {
      BUILD_INTENT_ADVISOR: {
        name: "ビルド意図 - Advisor",
        meaning: "パートナーは、貴組織がこれらの製品を購入する前に助言を行い、購入に影響を与えました。",
      },
      USAGE_RECOGNITION: {
        name: "使用状況認識",
        meaning: "パートナーは、貴組織によるこれらの製品の導入と利用を支援しています。",
      },
      INFLUENCED_REVENUE: {
        name: "影響を受けた収益認識",
        meaning: "パートナーは、ビジネス アドバイザーとして貴組織によるこれらの製品の選定に影響を与えました。",
      },
      USE_OR_CONSUME: {
        name: "使用または消費",
        meaning: "パートナーは、貴組織によるこれらのワークロードの展開、導入、利用を支援しています。",
      },
    },
    approveHeading: "承認した場合",
    approveMeans: (partner) => [
      `${partner} が、これらの製品のパートナー オブ レコードとして Microsoft に登録されます。`,
      `${partner} は、貴組織のこれらの製品の使用状況データを閲覧できるようになります。`,
      "費用は一切かかりません。購入は発生せず、サブスクリプションや契約も変わりません。",
    ],
    declineHeading: "拒否した場合",
    declineMeans: (partner) => [
      `${partner} との関連付けは終了します。登録されない (または登録が解除される) ため、パートナーはこれらの製品の使用状況データを閲覧できなくなります。`,
      "承認した後でも、いつでも拒否できます。このメールまたは同じ件の他のメールにあるリンクをご利用ください。",
    ],
    respondHeading: "ご回答",
    respondIntro: "リンクを開くと、選択を確定するための請求ポータルのページが表示されます。リンクを開いただけでは何も変更されません。",
    reviewButton: "内容を確認して回答する",
    approveButton: "承認する",
    declineButton: "拒否する",
    linkNote: (date) => `これらのリンクはお客様専用で、${date}まで有効です。このメールを転送しないでください。`,
    psdHeading: "公共機関向けの開示 (Public Sector Disclosure)",
    psd: (partner) => [
      `${partner} は、お客様が確認した関連付けに基づき、これらの製品に関する活動について Microsoft から手数料またはインセンティブを受け取る場合があります。`,
      "貴組織が米国またはプエルトリコの公共機関である場合は、この関連付けの承認が、調達、贈答、倫理に関する規則を含め、貴組織に適用される法令、規則、方針に適合していることをご確認ください。承認は購入ではなく、貴組織が Microsoft またはパートナーから何かを購入する義務を負うものでもありません。",
    ],
    footer: (partner) =>
      `${partner} が貴組織の連絡先としてお客様を指定したため、このメールをお送りしています。このパートナーに心当たりがない場合や、この依頼に覚えがない場合は、拒否してください。`,
  },
};

export function customerEmailSubject(locale: Locale, claim: EmailClaim, variant: CustomerEmailVariant) {
  const t = customerTexts[locale];
  return variant.kind === "reminder" ? t.reminderSubject(claim.partnerName, variant.reminder, variant.of) : t.subject(claim.partnerName);
}

export function CustomerApprovalEmail({
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
}) {
  const t = customerTexts[locale];
  const partner = claim.partnerName;
  const tenant = claim.tenantName ? `${claim.tenantName} (${claim.tenantId})` : claim.tenantId;
  const role = t.roles[claim.partnerRole];
  return (
    <EmailLayout locale={locale} preview={t.preview(partner)} footer={<Para small>{t.footer(partner)}</Para>}>
      <Title>{t.title}</Title>
      {variant.kind === "reminder" && <Para>{t.reminder(variant.reminder, variant.of)}</Para>}
      {variant.kind === "resend" && <Para>{t.resend(partner)}</Para>}
      <Para>{t.greeting(claim.customerContactName)}</Para>
      <Para>{t.intro(partner, claim.partnerId, tenant)}</Para>
      <Para>{t.submittedBy(claim.partnerContactName, claim.partnerContactEmail, claim.submittedAt ? formatDate(claim.submittedAt, locale) : null)}</Para>

      <Subtitle>{t.partnerHeading}</Subtitle>
      <Para>{t.partnerLine(partner, claim.partnerId, claim.partnerCity)}</Para>

      <Subtitle>{t.productsHeading[claim.solutionArea]}</Subtitle>
      <Items
        items={claim.items.map((item) =>
          item.subscriptions.length > 0 ? `${item.name}: ${item.subscriptions.map((id) => t.subscription(id)).join(", ")}` : item.name,
        )}
      />

      <Subtitle>{t.roleHeading}</Subtitle>
      <Para>
        <strong>{role.name}</strong>: {role.meaning}
      </Para>

      <Subtitle>{t.approveHeading}</Subtitle>
      <Items items={t.approveMeans(partner)} />
      <Subtitle>{t.declineHeading}</Subtitle>
      <Items items={t.declineMeans(partner)} />

      <Subtitle>{t.respondHeading}</Subtitle>
      <Para>{t.respondIntro}</Para>
      <Para>
        <LinkButton href={links.page}>{t.reviewButton}</LinkButton>
      </Para>
      <Para>
        <LinkButton href={links.approve} tone="secondary">
          {t.approveButton}
        </LinkButton>
      </Para>
      <Para>
        <LinkButton href={links.decline} tone="secondary">
          {t.declineButton}
        </LinkButton>
      </Para>
      <Para small>{t.linkNote(formatDate(expiresAt, locale))}</Para>

      {claim.publicSector && (
        <>
          <Subtitle>{t.psdHeading}</Subtitle>
          {t.psd(partner).map((paragraph, index) => (
            <Para key={index}>{paragraph}</Para>
          ))}
        </>
      )}
    </EmailLayout>
  );
}
