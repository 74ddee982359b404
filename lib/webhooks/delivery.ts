// The webhook deliveries' state machine, shared by every worker of every instance (no in-memory state):
//
//   PENDING --claim--> SENDING --2xx--> DELIVERED
//      ^                  |
//      +--- failed -------+  (availableAt = now + BACKOFF_MS[attempt]; FAILED after MAX_ATTEMPTS, ~24 h)
//
// Claiming is one statement (SELECT ... FOR UPDATE SKIP LOCKED inside an UPDATE), so concurrent workers
// never get the same row, and a row is not claimed while an earlier delivery of the same claim to the same
// endpoint is still PENDING or SENDING: each endpoint gets a claim's events in order. A worker that dies
// mid-request leaves the row SENDING until LOCK_MS passes; then it is sent again with the same event id
// (at least once: receivers drop duplicates by the webhook-id header). Run by the webhook-delivery job.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { unseal } from "../notify/seal";
import { postWebhook, REQUEST_TIMEOUT_MS, type SendOutcome } from "./send";
import { signedHeaders } from "./signing";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
/** The wait after each failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h, 15 h; the 7th failure (about 24 h after the first) is final. */
export const BACKOFF_MS = [MINUTE_MS, 5 * MINUTE_MS, 30 * MINUTE_MS, 2 * HOUR_MS, 6 * HOUR_MS, 15 * HOUR_MS] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** How long a claimed row belongs to its worker; a request ends well within it. */
export const LOCK_MS = 6 * REQUEST_TIMEOUT_MS;

type ClaimedDelivery = { id: string; endpointId: string; eventId: string; body: string; attempts: number };

const ts = (date: Date) => date.toISOString();

/** Claims up to `limit` due deliveries (see the top of this file) for this worker. */
export async function claimDueDeliveries({ limit, now }: { limit: number; now: Date }): Promise<ClaimedDelivery[]> {
  await db.$executeRaw`
    UPDATE "WebhookDelivery"
    SET status = 'FAILED', "lockedUntil" = NULL,
        "lastError" = COALESCE("lastError" || ' / ', '') || 'the worker stopped during the last attempt'
    WHERE status = 'SENDING' AND "lockedUntil" < ${ts(now)}::timestamp AND attempts >= ${MAX_ATTEMPTS}`;
  return db.$queryRaw<ClaimedDelivery[]>`
    WITH due AS (
      SELECT d.id FROM "WebhookDelivery" d
      JOIN "WebhookEndpoint" e ON e.id = d."endpointId" AND e.enabled
      WHERE ((d.status = 'PENDING' AND d."availableAt" <= ${ts(now)}::timestamp)
          OR (d.status = 'SENDING' AND d."lockedUntil" < ${ts(now)}::timestamp AND d.attempts < ${MAX_ATTEMPTS}))
        AND NOT EXISTS (
          SELECT 1 FROM "WebhookDelivery" earlier
          WHERE earlier."endpointId" = d."endpointId" AND earlier."claimId" = d."claimId" AND earlier.seq < d.seq
            AND earlier.status IN ('PENDING', 'SENDING'))
      ORDER BY d."availableAt", d.seq
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "WebhookDelivery" AS w
    SET status = 'SENDING', "lockedUntil" = ${ts(new Date(now.getTime() + LOCK_MS))}::timestamp,
        attempts = w.attempts + 1, "lastAttemptAt" = ${ts(now)}::timestamp
    FROM due
    WHERE w.id = due.id
    RETURNING w.id, w."endpointId", w."eventId", w.body, w.attempts`;
}

/** Records an attempt's outcome while this worker still holds the row (same attempt number). */
async function record(row: ClaimedDelivery, outcome: SendOutcome, now: Date): Promise<"delivered" | "retry" | "failed" | "superseded"> {
  if (outcome.ok) {
    const updated = await db.webhookDelivery.updateMany({
      where: { id: row.id, status: { not: "DELIVERED" } },
      data: { status: "DELIVERED", deliveredAt: now, lockedUntil: null, lastStatusCode: outcome.status, lastError: null },
    });
    return updated.count === 0 ? "superseded" : "delivered";
  }
  const failed = row.attempts >= MAX_ATTEMPTS;
  const updated = await db.webhookDelivery.updateMany({
    where: { id: row.id, status: "SENDING", attempts: row.attempts },
    data: {
      status: failed ? "FAILED" : "PENDING",
      lockedUntil: null,
      lastStatusCode: outcome.status,
      lastError: outcome.error.slice(0, 500),
      ...(failed ? {} : { availableAt: new Date(now.getTime() + BACKOFF_MS[row.attempts - 1]) }),
    },
  });
  if (updated.count === 0) return "superseded";
  return failed ? "failed" : "retry";
}

async function deliver(row: ClaimedDelivery, now: Date, { allowPrivate, timeoutMs }: { allowPrivate: boolean; timeoutMs?: number }) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: row.endpointId }, select: { url: true, secretSealed: true } });
  const secret = endpoint ? unseal(endpoint.secretSealed) : null;
  const outcome: SendOutcome = !endpoint
    ? { ok: false, status: null, error: "the endpoint was deleted" }
    : !secret
      ? { ok: false, status: null, error: "the signing secret cannot be read (AUTH_SECRET changed): rotate it" }
      : await postWebhook({ url: endpoint.url, body: row.body, allowPrivate, timeoutMs, headers: signedHeaders(secret, { id: row.eventId, body: row.body, now: new Date() }) });
  return record(row, outcome, now);
}

export type WebhookDrainResult = { claimed: number; delivered: number; retried: number; failed: number };

/**
 * One pass: claims up to `limit` due deliveries and sends them concurrently. `now` is the clock the
 * schedule goes by (due rows, backoff); the signature's timestamp is always the real time of sending.
 * `timeoutMs` shortens the request time limit (tests of an endpoint that does not answer).
 */
export async function drainWebhooks({ limit = 20, now = new Date(), allowPrivate = env().WEBHOOK_ALLOW_PRIVATE, timeoutMs }: { limit?: number; now?: Date; allowPrivate?: boolean; timeoutMs?: number } = {}): Promise<WebhookDrainResult> {
  const rows = await claimDueDeliveries({ limit, now });
  const result: WebhookDrainResult = { claimed: rows.length, delivered: 0, retried: 0, failed: 0 };
  const outcomes = await Promise.allSettled(rows.map((row) => deliver(row, now, { allowPrivate, timeoutMs })));
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === "rejected") console.error(`Webhooks: could not record delivery ${rows[index].id}:`, outcome.reason instanceof Error ? outcome.reason.message : outcome.reason);
    else if (outcome.value === "delivered") result.delivered++;
    else if (outcome.value === "retry") result.retried++;
    else if (outcome.value === "failed") result.failed++;
  }
  return result;
}

/** The job's run: passes until no due delivery is left (at most `rounds`), each claim's next event in turn. Returns how many went out. */
export async function deliverWebhooks({ now, rounds = 20, limit = 20, timeoutMs }: { now?: Date; rounds?: number; limit?: number; timeoutMs?: number } = {}): Promise<number> {
  let delivered = 0;
  for (let round = 0; round < rounds; round++) {
    const result = await drainWebhooks({ limit, now: now ?? new Date(), timeoutMs });
    delivered += result.delivered;
    if (result.claimed === 0) break;
  }
  return delivered;
}

/** How long finished deliveries stay in the log. */
export const LOG_RETENTION_DAYS = 30;

/** Deletes delivered and failed deliveries older than LOG_RETENTION_DAYS. Returns how many. */
export async function sweepWebhookDeliveries({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const before = new Date(now.getTime() - LOG_RETENTION_DAYS * 24 * HOUR_MS);
  const deleted = await db.webhookDelivery.deleteMany({ where: { status: { in: ["DELIVERED", "FAILED"] }, createdAt: { lt: before } } });
  return deleted.count;
}
