// "At any time" is literal: a customer contact whose email was lost or whose link expired enters their
// address at /c and gets one email with a single-use link, valid for an hour, that opens their requests
// page (/c/requests): every request naming that address as the customer contact, where they approve or
// decline, also after approving. No account. Every address gets the same answer, and only one named by a
// request gets an email, so the page tells nobody which addresses have requests; asks are rate-limited
// per address and per client address (the sign-in request limits).
import "server-only";
import { db } from "../db";
import { consumeSignInAllowance, normalEmail } from "../auth/sign-in-limit";
import type { Locale } from "../i18n/locales";
import { messageKinds } from "../notify/messages";
import { enqueueMessage } from "../notify/outbox";
import { seal } from "../notify/seal";
import { wakeOutboxWorker } from "../notify/worker";
import { accessTokenUrl, issueAccessToken } from "./access-token";
import { namingContact } from "./requests";

export type AccessAnswer = { ok: true } | { ok: false; retryAfter: Date };

/**
 * Counts the ask against the limits; then, if any submitted request names `email` as its customer
 * contact, records a new token and queues the one email with its link, in the language of the ask. The
 * same answer whether there are any or not.
 */
export async function requestCustomerAccess({ email, locale, clientAddress, now = new Date() }: { email: string; locale: Locale; clientAddress?: string; now?: Date }): Promise<AccessAnswer> {
  const address = normalEmail(email);
  const answer = await db.$transaction(async (tx): Promise<AccessAnswer & { queued?: boolean }> => {
    const allowance = await consumeSignInAllowance(tx, { email: address, clientAddress, now });
    if (!allowance.ok) return allowance;
    // The email goes to the address as the newest request names it, never to what was typed here.
    const newest = await tx.claim.findFirst({ where: namingContact(address), select: { customerContactEmail: true }, orderBy: [{ submittedAt: "desc" }, { id: "asc" }] });
    if (!newest) return { ok: true, queued: false };
    const token = await issueAccessToken(tx, { email: address, now });
    const kind = messageKinds.customerSession;
    await enqueueMessage(tx, {
      kind,
      dedupeKey: `${kind}:${token.id}`,
      // The link is sealed: the database never holds a working one (only the token's hash).
      payload: { to: newest.customerContactEmail, locale, link: seal(accessTokenUrl(token.token, locale)), expiresAt: token.expiresAt.toISOString() },
      now,
    });
    return { ok: true, queued: true };
  });
  if (answer.ok && answer.queued) wakeOutboxWorker();
  return answer.ok ? { ok: true } : answer;
}
