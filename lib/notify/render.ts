// Turns an outbox row into an email (recipient, subject, HTML and plain text) from its claim as it is
// now. Customer emails get their approve/decline link here, derived from the row, so rendering the
// same row again gives the same email.
import type { Locale } from "../i18n/locales";
import type { ReactElement } from "react";
import type { z } from "zod";
import { env } from "../env";
import { resolveLocale } from "../i18n/locales";
import { db } from "../db";
import { messageKinds, payloadSchemas, type MessageKind } from "./messages";
import { MAX_REMINDERS } from "./outbox";
import { unseal } from "./seal";
import { issueCustomerLink } from "./tokens";
import { customerApprovalEmail, type CustomerEmailVariant } from "./templates/customer";
import { customerSessionEmail } from "./templates/customer-session";
import { emailLocale, renderEmail } from "./templates/layout";
import type { EmailClaim } from "./templates/model";
import { associationEndEmail, customerRespondedEmail, decisionEmail } from "./templates/partner";
import { signInEmail } from "./templates/sign-in";

/** A message that can never be sent (unknown kind, malformed payload, claim gone): FAILED at once. */
export class PermanentMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentMessageError";
  }
}

export type RenderedMail = { to: string; subject: string; html: string; text: string; locale: Locale };
export type RenderableMessage = { id: string; kind: string; claimId: string | null; payload: unknown; createdAt: Date };

/** The claim as the templates see it, or null if it is gone. */
export async function loadEmailClaim(claimId: string) {
  const claim = await db.claim.findFirst({
    where: { id: claimId, deletedAt: null },
    include: {
      organization: { select: { name: true } },
      location: { select: { city: true } },
      createdBy: { select: { locale: true } },
      proof: { select: { publicSector: true } },
      workloads: { select: { workload: { select: { id: true, name: true, sortOrder: true } } } },
      subscriptions: { select: { subscription: { select: { id: true, workloadId: true, workload: { select: { name: true, sortOrder: true } } } } } },
    },
  });
  if (!claim) return null;
  const tenant = await db.tenant.findUnique({ where: { id: claim.tenantId }, select: { name: true } });

  const byWorkload = new Map<string, { name: string; sortOrder: number; subscriptions: string[] }>();
  for (const { workload } of claim.workloads) byWorkload.set(workload.id, { name: workload.name, sortOrder: workload.sortOrder, subscriptions: [] });
  for (const { subscription } of claim.subscriptions) {
    const entry = byWorkload.get(subscription.workloadId) ?? { name: subscription.workload.name, sortOrder: subscription.workload.sortOrder, subscriptions: [] };
    entry.subscriptions.push(subscription.id);
    byWorkload.set(subscription.workloadId, entry);
  }
  const items = [...byWorkload.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
    .map(({ name, subscriptions }) => ({ name, subscriptions: subscriptions.sort() }));

  const view: EmailClaim = {
    id: claim.id,
    name: claim.name,
    partnerName: claim.organization.name,
    partnerId: claim.partnerId,
    partnerCity: claim.location.city,
    partnerContactName: claim.partnerContactName,
    partnerContactEmail: claim.partnerContactEmail,
    customerContactName: claim.customerContactName,
    tenantId: claim.tenantId,
    tenantName: tenant?.name ?? null,
    solutionArea: claim.solutionArea,
    partnerRole: claim.partnerRole,
    items,
    publicSector: claim.proof?.publicSector ?? false,
    submittedAt: claim.submittedAt,
  };
  return { view, customerLocale: claim.customerLocale, partnerLocale: claim.createdBy.locale };
}

async function toMail(to: string, subject: string, locale: Locale, element: ReactElement): Promise<RenderedMail> {
  return { to, subject, locale, ...(await renderEmail(element)) };
}

function parsePayload<K extends MessageKind>(kind: K, payload: unknown) {
  const parsed = payloadSchemas[kind].safeParse(payload);
  if (!parsed.success) throw new PermanentMessageError(`malformed ${kind} payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data as z.infer<(typeof payloadSchemas)[K]>;
}

async function claimOf(claimId: string) {
  const claim = await loadEmailClaim(claimId);
  if (!claim) throw new PermanentMessageError(`claim ${claimId} no longer exists`);
  return claim;
}

const claimUrl = (claimId: string) => `${env().APP_URL}/claims/${claimId}`;

/** A message to the claim's partner contact, in the language of the admin who created the claim. */
async function toPartnerContact(claimId: string, build: (claim: EmailClaim, locale: Locale) => Promise<{ subject: string; body: ReactElement }>) {
  const claim = await claimOf(claimId);
  const locale = emailLocale(claim.partnerLocale);
  const { subject, body } = await build(claim.view, locale);
  return toMail(claim.view.partnerContactEmail, subject, locale, body);
}

/** Renders one outbox message. Throws PermanentMessageError for a message that can never be sent. */
export async function renderOutboxMessage(message: RenderableMessage): Promise<RenderedMail> {
  switch (message.kind) {
    case messageKinds.customerApprovalRequest:
    case messageKinds.customerReminder:
    case messageKinds.customerResend:
    case messageKinds.customerAccess: {
      const payload = parsePayload(message.kind, message.payload);
      const claim = await claimOf(payload.claimId);
      const locale = emailLocale(payload.locale || claim.customerLocale);
      const variant: CustomerEmailVariant =
        "reminder" in payload ? { kind: "reminder", reminder: payload.reminder, of: MAX_REMINDERS } : message.kind === messageKinds.customerResend
            ? { kind: "resend" }
            : message.kind === messageKinds.customerAccess
              ? { kind: "access" }
              : { kind: "request" };
      // The link's lifetime counts from when the message was queued: the same row always gives the same link.
      const link = await issueCustomerLink(db, { claimId: claim.view.id, email: payload.to, outboxId: message.id, now: message.createdAt });
      const { subject, body } = await customerApprovalEmail({ locale, claim: claim.view, variant, links: link.urls, expiresAt: link.expiresAt });
      return toMail(payload.to, subject, locale, body);
    }
    case messageKinds.partnerCustomerResponded: {
      const payload = parsePayload(message.kind, message.payload);
      return toPartnerContact(payload.claimId, (claim, locale) =>
        customerRespondedEmail({ locale, claim, response: payload.response, reason: payload.reason, claimUrl: claimUrl(claim.id) }),
      );
    }
    case messageKinds.partnerDecision: {
      const payload = parsePayload(message.kind, message.payload);
      return toPartnerContact(payload.claimId, (claim, locale) =>
        decisionEmail({ locale, claim, status: payload.status, reasonCode: payload.reasonCode, reasonText: payload.reasonText, claimUrl: claimUrl(claim.id) }),
      );
    }
    case messageKinds.partnerAssociationEnd: {
      const payload = parsePayload(message.kind, message.payload);
      return toPartnerContact(payload.claimId, (claim, locale) =>
        associationEndEmail({ locale, claim, subscriptionId: payload.subscriptionId, endsAt: new Date(payload.endsAt), stage: payload.stage, claimUrl: claimUrl(claim.id) }),
      );
    }
    case messageKinds.customerSession: {
      const payload = parsePayload(message.kind, message.payload);
      const expiresAt = new Date(payload.expiresAt);
      // A link that can no longer work is not worth sending; the contact can ask again at /c.
      if (expiresAt.getTime() <= Date.now()) throw new PermanentMessageError("the requests page link expired before it could be sent");
      const url = unseal(payload.link);
      if (!url) throw new PermanentMessageError("the requests page link cannot be unsealed (was AUTH_SECRET changed?)");
      const locale = emailLocale(payload.locale);
      // Counted from when the link was made, so sending the row again gives the same email.
      const minutes = Math.max(1, Math.round((expiresAt.getTime() - message.createdAt.getTime()) / 60_000));
      const { subject, body } = await customerSessionEmail({ locale, url, minutes });
      return toMail(payload.to, subject, locale, body);
    }
    case messageKinds.signInLink: {
      const payload = parsePayload(message.kind, message.payload);
      const expiresAt = new Date(payload.expiresAt);
      // A link that can no longer work is not worth sending (the worker was down longer than its lifetime).
      if (expiresAt.getTime() <= Date.now()) throw new PermanentMessageError("the sign-in link expired before it could be sent");
      const url = unseal(payload.link);
      if (!url) throw new PermanentMessageError("the sign-in link cannot be unsealed (was AUTH_SECRET changed?)");
      const user = await db.user.findUnique({ where: { email: payload.to.toLowerCase() }, select: { locale: true } });
      const locale = resolveLocale(user?.locale);
      // Counted from when the link was made, so sending the row again gives the same email.
      const minutes = Math.max(1, Math.round((expiresAt.getTime() - message.createdAt.getTime()) / 60_000));
      return { to: payload.to, locale, ...(await signInEmail({ locale, url, minutes })) };
    }
    default:
      throw new PermanentMessageError(`unknown message kind "${message.kind}"`);
  }
}
