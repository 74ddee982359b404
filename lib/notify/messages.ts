// The kinds of message the portal sends, and what each outbox row's payload holds. Whoever causes a
// message writes the row (in the same transaction as the cause); the worker renders and sends it.
import { z } from "zod";

export const messageKinds = {
  /** To the customer contact: please approve (or decline) the association. Written at submission. */
  customerApprovalRequest: "customer-approval-request",
  /** To the customer contact: the same request again, not yet answered (7 days, at most twice). */
  customerReminder: "customer-reminder",
  /** To the customer contact: sent again from the claim page by the partner (rate-limited). */
  customerResend: "customer-resend",
  /** To the customer contact: a fresh link to one request naming them (what /c sent before customer-session; rows still queued are sent). */
  customerAccess: "customer-access",
  /** To the customer contact: the single-use link to their requests page, which they asked for at /c (rate-limited). */
  customerSession: "customer-session",
  /** To the partner contact: the customer approved or declined. */
  partnerCustomerResponded: "partner-customer-responded",
  /** To the partner contact: a reviewer decision (Approved, Rejected, Partner action required) with its reason. */
  partnerDecision: "partner-decision",
  /** To the partner contact: a Business Applications association ends with its subscription (30 days ahead, and on the day). */
  partnerAssociationEnd: "partner-association-end",
  /** To a portal user: the magic link they asked for on the sign-in page (lib/auth/sign-in-email.ts). */
  signInLink: "sign-in-link",
} as const;

/** The messages that ask the customer contact to approve or decline (each carries its address in `to`). */
export const customerRequestKinds = [messageKinds.customerApprovalRequest, messageKinds.customerReminder, messageKinds.customerResend, messageKinds.customerAccess] as const;

export type MessageKind = (typeof messageKinds)[keyof typeof messageKinds];

/** Payloads: only ids and facts of the moment; everything else is read from the claim when rendering. */
export const payloadSchemas = {
  [messageKinds.customerApprovalRequest]: z.object({ claimId: z.string(), to: z.string(), locale: z.string() }),
  [messageKinds.customerReminder]: z.object({ claimId: z.string(), to: z.string(), locale: z.string(), reminder: z.number().int() }),
  [messageKinds.customerResend]: z.object({ claimId: z.string(), to: z.string(), locale: z.string() }),
  [messageKinds.customerAccess]: z.object({ claimId: z.string(), to: z.string(), locale: z.string() }),
  /** `link` is sealed (lib/notify/seal.ts), as a sign-in link's: the database holds only the token's hash. */
  [messageKinds.customerSession]: z.object({ to: z.string(), locale: z.string(), link: z.string(), expiresAt: z.iso.datetime() }),
  [messageKinds.partnerCustomerResponded]: z.object({ claimId: z.string(), response: z.enum(["APPROVED", "DECLINED"]), reason: z.string().optional() }),
  [messageKinds.partnerDecision]: z.object({ claimId: z.string(), status: z.string(), reasonCode: z.string().optional(), reasonText: z.string().optional() }),
  [messageKinds.partnerAssociationEnd]: z.object({ claimId: z.string(), subscriptionId: z.string(), endsAt: z.iso.datetime(), stage: z.enum(["ahead", "ended"]) }),
  /** `link` is sealed (lib/notify/seal.ts): the database never holds a working sign-in link. */
  [messageKinds.signInLink]: z.object({ to: z.string(), link: z.string(), expiresAt: z.iso.datetime() }),
} as const;
