// The claim lifecycle's statuses and which of them allow the partner to edit.
import type { ClaimStatus } from "../generated/prisma/enums";

export const claimStatuses = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "PARTNER_ACTION_REQUIRED",
  "APPROVED",
  "REJECTED",
  "DISPUTE",
  "REJECTED_FINAL",
] as const satisfies readonly ClaimStatus[];

/** Editing is possible only in Draft and Partner action required; everything else is read-only. */
export const editableStatuses: readonly ClaimStatus[] = ["DRAFT", "PARTNER_ACTION_REQUIRED"];
