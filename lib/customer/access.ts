// "At any time" is literal: a customer contact whose email was lost or whose link expired asks for new
// links at /c with only their email address, and gets one new email per request naming that address as
// the customer contact (the customer's usual request email, with a fresh link), where they approve or
// decline, also after approving. No account. Every address gets the same answer, so the page tells
// nobody which addresses have requests; requests are rate-limited per address and per client address
// (the sign-in request limits).
import "server-only";
import { db } from "../db";
import { consumeSignInAllowance, normalEmail } from "../auth/sign-in-limit";
import { customerDeclinableStatuses } from "../claims/vocabulary";
import { messageKinds } from "../notify/messages";
import { enqueueMessage } from "../notify/outbox";
import { wakeOutboxWorker } from "../notify/worker";

/** At most this many requests get a new link per ask (the newest first). */
const MAX_CLAIMS = 50;

export type AccessAnswer = { ok: true } | { ok: false; retryAfter: Date };

/**
 * Counts the ask against the limits, then queues a new-link email for every request that names `email`
 * as its customer contact and can still be answered (submitted, not declined). The same answer whether
 * there are any or not.
 */
export async function requestCustomerAccess({ email, clientAddress, now = new Date() }: { email: string; clientAddress?: string; now?: Date }): Promise<AccessAnswer> {
  const address = normalEmail(email);
  const answer = await db.$transaction(async (tx): Promise<AccessAnswer & { queued?: number }> => {
    const allowance = await consumeSignInAllowance(tx, { email: address, clientAddress, now });
    if (!allowance.ok) return allowance;
    const claims = await tx.claim.findMany({
      where: { deletedAt: null, status: { in: [...customerDeclinableStatuses] }, customerResponse: { not: "DECLINED" }, customerContactEmail: { equals: address, mode: "insensitive" } },
      select: { id: true, customerContactEmail: true, customerLocale: true },
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      take: MAX_CLAIMS,
    });
    for (const claim of claims) {
      await enqueueMessage(tx, {
        kind: messageKinds.customerAccess,
        // One per claim and ask: a repeated ask (within the limits) sends again.
        dedupeKey: `${messageKinds.customerAccess}:${claim.id}:${now.getTime()}`,
        claimId: claim.id,
        payload: { claimId: claim.id, to: claim.customerContactEmail, locale: claim.customerLocale },
        now,
      });
    }
    return { ok: true, queued: claims.length };
  });
  if (answer.ok && answer.queued) wakeOutboxWorker();
  return answer.ok ? { ok: true } : answer;
}
