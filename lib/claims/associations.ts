// Dynamics 365 associations stay valid until their subscription expires: on the subscription's end date
// the association ends by itself ("subscription ended"), recorded on the association and in the claim's
// history. The claim keeps its status (it was approved; the partner re-associates with a new claim for
// the renewal subscription). The partner contact is emailed 30 days ahead and on the day; each email is
// an outbox row keyed by the association and the stage, so it goes once however many instances run the
// jobs. Run by the association-end and association-end-notice jobs (lib/jobs/queue.ts).
import "server-only";
import type { Db, Tx } from "../db-client";
import { messageKinds } from "../notify/messages";
import { enqueueMessage } from "../notify/outbox";
import { emitWebhookEvent } from "../webhooks/events";
import { recordEvent } from "./history";

/** How long before its end the partner is told an association ends. */
export const END_NOTICE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

type EndStage = "ahead" | "ended";

async function queueEndNotice(tx: Tx, row: { id: string; claimId: string; subscriptionId: string; endsAt: Date }, stage: EndStage, now: Date) {
  await enqueueMessage(tx, {
    kind: messageKinds.partnerAssociationEnd,
    dedupeKey: `${messageKinds.partnerAssociationEnd}:${stage}:${row.id}`,
    claimId: row.claimId,
    payload: { claimId: row.claimId, subscriptionId: row.subscriptionId, endsAt: row.endsAt.toISOString(), stage },
    now,
  });
}

/**
 * Queues the "ends in 30 days" email for every standing association whose end falls within the notice
 * period and has not had it yet. Returns how many were queued.
 */
export async function noticeEndingAssociations(client: Db, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  return client.$transaction(async (tx) => {
    const ending = await tx.$queryRaw<{ id: string; claimId: string; subscriptionId: string; endsAt: Date }[]>`
      SELECT a.id, a."claimId", a."subscriptionId", a."endsAt" FROM "Association" a
      WHERE a."endedAt" IS NULL AND a."subscriptionId" IS NOT NULL AND a."endsAt" > ${now}
        AND a."endsAt" <= ${new Date(now.getTime() + END_NOTICE_DAYS * DAY_MS)}
        AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."dedupeKey" = ${`${messageKinds.partnerAssociationEnd}:ahead:`} || a.id)
      ORDER BY a."endsAt" LIMIT 500`;
    for (const row of ending) await queueEndNotice(tx, row, "ahead", now);
    return ending.length;
  });
}

export const SUBSCRIPTION_ENDED = "SUBSCRIPTION_ENDED";

/**
 * Ends every active association whose end date has passed by `now` (up to `batch` at a time, in one
 * transaction; rows another run holds are skipped, so runs never collide). Returns how many ended.
 */
export async function endExpiredAssociations(client: Db, { now = new Date(), batch = 500 }: { now?: Date; batch?: number } = {}): Promise<number> {
  return client.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ id: string; claimId: string; subscriptionId: string | null; endsAt: Date }[]>`
      UPDATE "Association" SET "endedAt" = "endsAt", "endReason" = ${SUBSCRIPTION_ENDED}
      WHERE id IN (
        SELECT id FROM "Association"
        WHERE "endedAt" IS NULL AND "endsAt" IS NOT NULL AND "endsAt" <= ${now}
        ORDER BY "endsAt" LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, "claimId", "subscriptionId", "endsAt"`;
    for (const row of ended) if (row.subscriptionId) await queueEndNotice(tx, { ...row, subscriptionId: row.subscriptionId }, "ended", now);
    const byClaim = new Map<string, string[]>();
    for (const row of ended) byClaim.set(row.claimId, [...(byClaim.get(row.claimId) ?? []), row.subscriptionId ?? ""]);
    const claims = byClaim.size > 0 ? await tx.claim.findMany({ where: { id: { in: [...byClaim.keys()] } }, select: { id: true, organizationId: true, status: true } }) : [];
    for (const [claimId, subscriptions] of byClaim) {
      const ids = subscriptions.filter(Boolean).sort();
      await recordEvent(tx, { claimId, action: "associationEnded", reasonCode: SUBSCRIPTION_ENDED, note: ids.join(", ") });
      const claim = claims.find((c) => c.id === claimId);
      if (claim) await emitWebhookEvent(tx, { type: "association.ended", organizationId: claim.organizationId, claimId, data: { status: claim.status, reasonCode: SUBSCRIPTION_ENDED, subscriptionIds: ids }, now });
    }
    return ended.length;
  });
}


export type AssociationView = { item: string; subscriptionId: string | null; startedAt: string; endsAt: string | null; endedAt: string | null; endReason: string | null };

/**
 * A claim's associations as the claim pages show them, newest first: each workload or subscription
 * (named from the claim's summary), since when, until when it stands, or when and why it ended.
 */
export async function associationsView(client: Db, claimId: string, workloads: { id: string; name: string; subscriptions: { id: string }[] }[]): Promise<AssociationView[]> {
  const rows = await client.association.findMany({ where: { claimId }, orderBy: [{ startedAt: "desc" }, { id: "asc" }] });
  const nameOf = (row: { workloadId: string | null; subscriptionId: string | null }) =>
    workloads.find((w) => w.id === row.workloadId || w.subscriptions.some((s) => s.id === row.subscriptionId))?.name ?? row.workloadId ?? row.subscriptionId ?? "";
  return rows.map((row) => ({
    item: nameOf(row),
    subscriptionId: row.subscriptionId,
    startedAt: row.startedAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
  }));
}
