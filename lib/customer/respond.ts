// The customer's side of a claim, reached by the link in the emails (no sign-in): what the page
// shows, and recording the answer. A GET never changes anything; only the form's POST does.
import "server-only";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { db } from "../db";
import type { Tx } from "../db-client";
import type { ClaimStatus, CustomerResponse } from "../generated/prisma/enums";
import { recordCustomerResponse } from "../claims/lifecycle";
import { customerDeclinableStatuses } from "../claims/vocabulary";
import { isLocale, loadMessages, type Locale } from "../i18n/locales";
import { markApproved, verifyCustomerLink } from "../notify/tokens";
import { wellFormedText } from "../text";

export type CustomerView = {
  locale: Locale;
  /** The answers the page offers: those the claim can still take (customerAnswers), Approve once per link. */
  can: { approve: boolean; decline: boolean };
  claim: {
    partnerName: string;
    partnerId: string;
    partnerRole: string;
    areaName: string;
    tenantId: string;
    items: { name: string; subscriptions: string[] }[];
    publicSector: boolean;
    customerResponse: "NONE" | "APPROVED" | "DECLINED";
    customerRespondedAt: Date | null;
    partnerContactName: string;
    partnerContactEmail: string;
  };
};

export type LinkProblem = { ok: false; reason: "tampered" | "expired" | "unknown" | "draft"; locale: Locale };
/** A decline whose reason is not well-formed text: nothing is recorded, the page shows the field error. */
export type InvalidAnswer = { ok: false; reason: "invalidReason"; view: CustomerView };

/** The decline's reason: optional, well-formed text (line breaks allowed), trimmed, at most 1000 characters (the form's limit). */
export const declineReasonSchema = z.optional(
  z.pipe(
    wellFormedText({ multiline: true }),
    z.transform((value: string) => Array.from(value).slice(0, 1000).join("").trim() || undefined),
  ),
);

type VerifiedLink = Extract<Awaited<ReturnType<typeof verifyCustomerLink>>, { ok: true }>["link"];

export async function translatorFor(locale: Locale) {
  const messages = await loadMessages(locale);
  return { t: createTranslator({ locale, messages, namespace: "Customer", timeZone: "UTC" }), areas: createTranslator({ locale, messages, namespace: "Areas" }) };
}

/**
 * The answers a claim can still take from its customer contact (the requests page): Decline while the
 * request stands (a status the customer may decline from) and they have not declined it; Approve while
 * it stands and they have not answered.
 */
export function customerAnswers(claim: { status: ClaimStatus; customerResponse: CustomerResponse }) {
  const stands = customerDeclinableStatuses.includes(claim.status) && claim.customerResponse !== "DECLINED";
  return { approve: stands && claim.customerResponse === "NONE", decline: stands };
}

/** A claim's workloads in catalog order, each with the claim's subscriptions of it (Business Applications). */
export function customerItems(claim: {
  workloads: { workloadId: string; workload: { name: string; sortOrder: number } }[];
  subscriptions: { subscriptionId: string; subscription: { workloadId: string } }[];
}) {
  return [...claim.workloads]
    .sort((a, b) => a.workload.sortOrder - b.workload.sortOrder)
    .map((w) => ({ name: w.workload.name, subscriptions: claim.subscriptions.filter((s) => s.subscription.workloadId === w.workloadId).map((s) => s.subscriptionId) }));
}

/**
 * Records the answer of the customer contact `email` to a claim naming them, in the caller's transaction:
 * the lifecycle's customer response (the audit rows, the move to Rejected on a decline, the partner's
 * email). Both the link page and the requests page record through here.
 */
export async function recordAnswer(
  tx: Tx,
  { claimId, email, choice, reason, request }: { claimId: string; email: string; choice: "approve" | "decline"; reason?: string; request: { ip?: string; userAgent?: string } },
) {
  const response = choice === "approve" ? "APPROVED" : "DECLINED";
  const result = await recordCustomerResponse(tx, { claimId, response, email, reason: choice === "decline" ? reason : undefined, ip: request.ip, userAgent: request.userAgent });
  if (!result.ok) return "refused" as const;
  return choice === "approve" ? ("approved" as const) : ("declined" as const);
}

const claimForCustomer = (claimId: string) =>
  db.claim.findFirst({
    where: { id: claimId, deletedAt: null },
    include: {
      organization: { select: { name: true } },
      workloads: { include: { workload: true } },
      subscriptions: { include: { subscription: true } },
      proof: { select: { publicSector: true } },
    },
  });

/** What the page shows for a token, or why it cannot be used. */
export async function openCustomerLink(token: string, acceptLocale: Locale = "en"): Promise<{ ok: true; view: CustomerView; link: VerifiedLink } | LinkProblem> {
  const verified = await verifyCustomerLink(token);
  if (!verified.ok) return { ok: false, reason: verified.reason, locale: acceptLocale };
  const link = verified.link;
  const claim = await claimForCustomer(link.claimId);
  // A link is bound to the contact it was sent to: a changed contact makes older links unusable.
  if (!claim || claim.customerContactEmail.toLowerCase() !== link.email.toLowerCase()) return { ok: false, reason: "unknown", locale: acceptLocale };
  const locale = isLocale(claim.customerLocale) ? claim.customerLocale : "en";
  if (claim.status === "DRAFT") return { ok: false, reason: "draft", locale };
  const { areas } = await translatorFor(locale);
  const items = customerItems(claim);
  const answers = customerAnswers(claim);
  return {
    ok: true,
    link,
    view: {
      locale,
      can: { approve: answers.approve && link.approvedAt === null, decline: answers.decline },
      claim: {
        partnerName: claim.organization.name,
        partnerId: claim.partnerId,
        partnerRole: claim.partnerRole,
        areaName: areas(claim.solutionArea),
        tenantId: claim.tenantId,
        items,
        publicSector: claim.proof?.publicSector ?? false,
        customerResponse: claim.customerResponse,
        customerRespondedAt: claim.customerRespondedAt,
        partnerContactName: claim.partnerContactName,
        partnerContactEmail: claim.partnerContactEmail,
      },
    },
  };
}

/** Records the customer's Approve (single use per link) or Decline (possible at any time, with an optional reason). */
export async function respondToLink(token: string, choice: "approve" | "decline", reason: unknown, request: { ip?: string; userAgent?: string }) {
  const opened = await openCustomerLink(token);
  if (!opened.ok) return opened;
  const { link } = opened;
  const declined = choice === "decline" ? declineReasonSchema.safeParse(reason) : null;
  if (declined && !declined.success) return { ok: false, reason: "invalidReason", view: opened.view } satisfies InvalidAnswer;
  const outcome = await db.$transaction(async (tx) => {
    if (choice === "approve" && !(await markApproved(tx, link.id))) return "alreadyApproved" as const;
    return recordAnswer(tx, { claimId: link.claimId, email: link.email, choice, reason: declined?.data, request });
  });
  return { ok: true as const, outcome };
}
