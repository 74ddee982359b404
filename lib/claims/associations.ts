// Dynamics 365 associations stay valid until their subscription expires: on the subscription's end date
// the association ends by itself ("subscription ended"), recorded on the association and in the claim's
// history. The claim keeps its status (it was approved; the partner re-associates with a new claim for
// the renewal subscription). Run by the association-end job (lib/jobs/queue.ts).
import "server-only";
import type { Db } from "../db-client";
import { recordEvent } from "./history";

export const SUBSCRIPTION_ENDED = "SUBSCRIPTION_ENDED";

/**
 * Ends every active association whose end date has passed by `now` (up to `batch` at a time, in one
 * transaction; rows another run holds are skipped, so runs never collide). Returns how many ended.
 */
export async function endExpiredAssociations(client: Db, { now = new Date(), batch = 500 }: { now?: Date; batch?: number } = {}): Promise<number> {
  return client.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ claimId: string; subscriptionId: string | null; endsAt: Date }[]>`
      UPDATE "Association" SET "endedAt" = "endsAt", "endReason" = ${SUBSCRIPTION_ENDED}
      WHERE id IN (
        SELECT id FROM "Association"
        WHERE "endedAt" IS NULL AND "endsAt" IS NOT NULL AND "endsAt" <= ${now}
        ORDER BY "endsAt" LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
      RETURNING "claimId", "subscriptionId", "endsAt"`;
    const byClaim = new Map<string, string[]>();
    for (const row of ended) byClaim.set(row.claimId, [...(byClaim.get(row.claimId) ?? []), row.subscriptionId ?? ""]);
    for (const [claimId, subscriptions] of byClaim) {
      await recordEvent(tx, { claimId, action: "associationEnded", reasonCode: SUBSCRIPTION_ENDED, note: subscriptions.filter(Boolean).sort().join(", ") });
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
