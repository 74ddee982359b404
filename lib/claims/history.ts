// The claim's audit history: every change is recorded with its actor, in the same transaction as the change.
import type { Prisma } from "../generated/prisma/client";
import type { ClaimStatus } from "../generated/prisma/enums";

export type ClaimAction = "created" | "updated" | "edited" | "deleted" | "statusChanged" | "poeDetailsSaved" | "poeFileAdded" | "poeFileRemoved" | "commentsSaved" | "submitted" | "customerApproved" | "customerDeclined" | "assigned" | "unassigned" | "associationEnded";

/** Events of the reviewers' own work, which the partner's history does not show. */
export const reviewerOnlyActions: readonly ClaimAction[] = ["assigned", "unassigned"];

export function recordEvent(
  tx: Prisma.TransactionClient,
  event: { claimId: string; action: ClaimAction; actorUserId?: string; fromStatus?: ClaimStatus; toStatus?: ClaimStatus; reasonCode?: string; note?: string; ip?: string; userAgent?: string },
) {
  return tx.claimEvent.create({ data: event });
}
