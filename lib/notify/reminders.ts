// Reminders to customers who have not answered: when the last customer email of a submitted claim went
// out more than REMINDER_DAYS ago (default 7) and nothing newer is queued, the next reminder is queued,
// at most MAX_REMINDERS (2) per claim. Idempotent and safe to run from several workers at once: the
// reminder number is part of the dedupeKey (`customer-reminder:<claimId>:<n>`). Only claims the
// customer can still answer (the statuses they may decline from) are reminded.
import { env } from "../env";
import { customerDeclinableStatuses } from "../claims/vocabulary";
import { db } from "../db";
import { sqlList } from "../db-client";
import { customerRequestKinds, messageKinds } from "./messages";
import { MAX_REMINDERS } from "./outbox";

const DAY = 24 * 60 * 60 * 1000;
const customerKinds = customerRequestKinds;

type Due = { claimId: string; email: string; locale: string; sent: number };

/** Queues the reminders that are due at `now`; returns how many were queued. */
export async function scheduleReminders(now: Date = new Date(), { reminderDays = env().REMINDER_DAYS }: { reminderDays?: number } = {}) {
  const before = new Date(now.getTime() - reminderDays * DAY).toISOString();
  const due = await db.$queryRaw<Due[]>`
    SELECT c.id AS "claimId", c."customerContactEmail" AS email, c."customerLocale" AS locale,
           (SELECT count(*)::int FROM "OutboxMessage" r WHERE r."claimId" = c.id AND r.kind = ${messageKinds.customerReminder}) AS sent
    FROM "Claim" c
    WHERE c.status IN (${sqlList(customerDeclinableStatuses)})
      AND c."customerResponse" = 'NONE'
      AND c."deletedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "OutboxMessage" o
        WHERE o."claimId" = c.id AND o.kind IN (${sqlList(customerKinds)}) AND o.status IN ('PENDING', 'SENDING'))
      AND (SELECT max(o."sentAt") FROM "OutboxMessage" o
           WHERE o."claimId" = c.id AND o.kind IN (${sqlList(customerKinds)}) AND o.status = 'SENT') <= ${before}::timestamp
      AND (SELECT count(*) FROM "OutboxMessage" r WHERE r."claimId" = c.id AND r.kind = ${messageKinds.customerReminder}) < ${MAX_REMINDERS}`;
  if (due.length === 0) return 0;
  const created = await db.outboxMessage.createMany({
    data: due.map(({ claimId, email, locale, sent }) => {
      const reminder = sent + 1;
      return {
        kind: messageKinds.customerReminder,
        dedupeKey: `${messageKinds.customerReminder}:${claimId}:${reminder}`,
        claimId,
        payload: { claimId, to: email, locale, reminder },
        availableAt: now,
        createdAt: now,
      };
    }),
    skipDuplicates: true,
  });
  return created.count;
}
