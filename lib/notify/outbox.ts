// The outbox table's state machine, shared by every worker of every instance (no in-memory state):
//
//   PENDING --claim--> SENDING --sent--> SENT
//      ^                  |
//      +---- SMTP error --+  (availableAt = now + backoff; FAILED after MAX_ATTEMPTS)
//
// Claiming is one statement (SELECT ... FOR UPDATE SKIP LOCKED inside an UPDATE): concurrent workers
// never get the same row. A row stays SENDING for LOCK_MS; if its worker dies (or cannot record the
// result), the row becomes due again when the lock expires and is sent again WITH THE SAME Message-ID,
// generated once at the first claim and kept on every retry, and with the same links (the link token
// is derived from the row, lib/notify/tokens.ts). Receiving mail systems use the Message-ID to drop
// the duplicate; this "at least once, same Message-ID" is the delivery guarantee.
import { newId } from "../ids";
import { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import { db } from "../db";
import type { Tx } from "../db-client";

export const MAX_ATTEMPTS = 8;
/** Reminders per claim, at most (lib/notify/reminders.ts). */
export const MAX_REMINDERS = 2;
/** How long a claimed row belongs to its worker; every send ends well within it (lib/notify/mailer.ts timeouts). */
export const LOCK_MS = 2 * 60 * 1000;
const BACKOFF_BASE_MS = 30 * 1000;
const BACKOFF_MAX_MS = 60 * 60 * 1000;

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, ... at most 1 h. */
export const backoffMs = (attempts: number) => Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);

export type ClaimedMessage = {
  id: string;
  kind: string;
  claimId: string | null;
  payload: Prisma.JsonValue;
  /** Including this attempt. */
  attempts: number;
  messageId: string;
  createdAt: Date;
};

/** The domain of MAIL_FROM, for Message-IDs (`<uuid@domain>`). */
export function messageIdHost(from = env().MAIL_FROM) {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  return address.split("@").pop()!.trim().toLowerCase();
}

const ts = (date: Date) => date.toISOString();

/**
 * Claims up to `limit` due rows for this worker: PENDING and available, or SENDING with an expired lock
 * (its worker crashed mid-send). Sets SENDING, lockedUntil = now + LOCK_MS, attempts + 1, and the
 * Message-ID if the row has none yet. Rows whose worker died on the last allowed attempt become FAILED.
 */
export async function claimDueMessages({ limit, now }: { limit: number; now: Date }): Promise<ClaimedMessage[]> {
  await db.$executeRaw`
    UPDATE "OutboxMessage"
    SET status = 'FAILED', "lockedUntil" = NULL,
        "lastError" = COALESCE("lastError" || ' / ', '') || 'the worker stopped during the last attempt'
    WHERE status = 'SENDING' AND "lockedUntil" < ${ts(now)}::timestamp AND attempts >= ${MAX_ATTEMPTS}`;
  const rows = await db.$queryRaw<ClaimedMessage[]>`
    WITH due AS (
      SELECT id FROM "OutboxMessage"
      WHERE (status = 'PENDING' AND "availableAt" <= ${ts(now)}::timestamp)
         OR (status = 'SENDING' AND "lockedUntil" < ${ts(now)}::timestamp AND attempts < ${MAX_ATTEMPTS})
      ORDER BY "availableAt", "createdAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxMessage" AS m
    SET status = 'SENDING',
        "lockedUntil" = ${ts(new Date(now.getTime() + LOCK_MS))}::timestamp,
        attempts = m.attempts + 1,
        "messageId" = COALESCE(m."messageId", '<' || gen_random_uuid()::text || '@' || ${messageIdHost()} || '>')
    FROM due
    WHERE m.id = due.id
    RETURNING m.id, m.kind, m."claimId", m.payload, m.attempts, m."messageId", m."createdAt"`;
  return rows;
}

/** The message went out: SENT, whatever another worker did with the row meanwhile (it was delivered). */
export async function markSent(row: Pick<ClaimedMessage, "id">, now: Date) {
  await db.outboxMessage.updateMany({
    where: { id: row.id, status: { not: "SENT" } },
    data: { status: "SENT", sentAt: now, lockedUntil: null, lastError: null },
  });
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * A failed attempt: back to PENDING after the backoff, or FAILED when `permanent` or after MAX_ATTEMPTS.
 * Only while this worker still holds the row (same attempt number), so a late answer cannot undo a
 * newer worker's claim. Returns what happened.
 */
export async function markAttemptFailed(row: Pick<ClaimedMessage, "id" | "attempts">, error: unknown, now: Date, { permanent = false } = {}) {
  const failed = permanent || row.attempts >= MAX_ATTEMPTS;
  const updated = await db.outboxMessage.updateMany({
    where: { id: row.id, status: "SENDING", attempts: row.attempts },
    data: failed
      ? { status: "FAILED", lockedUntil: null, lastError: describe(error) }
      : { status: "PENDING", lockedUntil: null, lastError: describe(error), availableAt: new Date(now.getTime() + backoffMs(row.attempts)) },
  });
  if (updated.count === 0) return "superseded" as const;
  return failed ? ("failed" as const) : ("retry" as const);
}

export type OutboxMessageInput = { kind: string; dedupeKey: string; claimId?: string; payload: Prisma.InputJsonValue; availableAt?: Date; now?: Date };

/**
 * The INSERT that queues a message, as a statement to run or to place in a change's own statement (a
 * data-modifying CTE): `when` is an extra SQL condition. ON CONFLICT DO NOTHING: a cause queued twice
 * at the same moment (two workers, two instances) waits for the first row and keeps it, where an
 * upsert could fail on the unique key.
 */
export function outboxInsert(message: OutboxMessageInput, when: Prisma.Sql = Prisma.sql`true`) {
  const now = message.now ?? new Date();
  const availableAt = message.availableAt ?? now;
  return Prisma.sql`
    INSERT INTO "OutboxMessage" (id, kind, "dedupeKey", "claimId", payload, "availableAt", "createdAt")
    SELECT ${newId()}, ${message.kind}, ${message.dedupeKey}, ${message.claimId ?? null}, ${JSON.stringify(message.payload)}::jsonb,
      ${availableAt.toISOString()}::timestamp, ${now.toISOString()}::timestamp
    WHERE ${when}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * Queues a message in the caller's transaction (the cause and its message commit together). The
 * dedupeKey makes it idempotent: a repeated cause finds the existing row. Returns the row's id.
 */
export async function enqueueMessage(tx: Tx, message: OutboxMessageInput) {
  // The row written is returned at once; only a repeated cause reads the existing one.
  const [created] = await tx.$queryRaw<{ id: string }[]>`${outboxInsert(message)} RETURNING id`;
  if (created) return created.id;
  const row = await tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: message.dedupeKey }, select: { id: true } });
  return row.id;
}
