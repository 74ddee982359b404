// The claim's audit history: every change is recorded with its actor, in the same transaction as the change.
import { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import type { ClaimStatus } from "../generated/prisma/enums";

export type ClaimAction = "created" | "updated" | "edited" | "deleted" | "statusChanged" | "poeDetailsSaved" | "poeFileAdded" | "poeFileRemoved" | "commentsSaved" | "submitted" | "customerApproved" | "customerDeclined" | "assigned" | "unassigned" | "associationEnded";

/** Events of the reviewers' own work, which the partner's history does not show. */
export const reviewerOnlyActions: readonly ClaimAction[] = ["assigned", "unassigned"];

export type ClaimEventInput = { claimId: string; action: ClaimAction; actorUserId?: string; fromStatus?: ClaimStatus; toStatus?: ClaimStatus; reasonCode?: string; note?: string; ip?: string; userAgent?: string };

export function recordEvent(tx: Prisma.TransactionClient, event: ClaimEventInput) {
  return tx.claimEvent.create({ data: event });
}

/**
 * The audit row as an INSERT to place in the change's own statement (a data-modifying CTE): written
 * for the claim only when `claimFrom`, a FROM clause yielding its "id", yields it (the change
 * happened). Returns the row's id with it.
 */
export function eventInsert(event: Omit<ClaimEventInput, "claimId">, claimFrom: Prisma.Sql) {
  const id = newId();
  const sql = Prisma.sql`
    INSERT INTO "ClaimEvent" (id, "claimId", at, action, "actorUserId", "fromStatus", "toStatus", "reasonCode", note, ip, "userAgent")
    SELECT ${id}, id, ${new Date().toISOString()}::timestamp, ${event.action}, ${event.actorUserId ?? null},
      ${event.fromStatus ?? null}::"ClaimStatus", ${event.toStatus ?? null}::"ClaimStatus", ${event.reasonCode ?? null}, ${event.note ?? null}, ${event.ip ?? null}, ${event.userAgent ?? null}
    FROM ${claimFrom}`;
  return { id, sql };
}
