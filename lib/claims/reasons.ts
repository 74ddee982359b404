// The reason codes of the lifecycle's decisions (lib/claims/lifecycle.ts), in a module of their own so
// the browser's forms can list them without the lifecycle's server code. Their words are in
// messages/*.json under "Reasons".

/** Rejection reason codes (Rejected, Rejected final), plus free text. */
export const rejectionReasons = [
  "CUSTOMER_DECLINED",
  "INSUFFICIENT_POE",
  "PARTNER_REQUEST",
  "CUSTOMER_CONSENT_MISSING",
  "NO_PARTNER_RESPONSE",
  "WORKLOADS_MISSING_FROM_POE",
  "POE_UNAVAILABLE",
  "CONFLICT_WON_BY_OTHER_PARTNER",
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** Partner action required reason codes; the reviewer's question goes with them as text. */
export const partnerActionReasons = ["POE_MISSING", "CUSTOMER_ACKNOWLEDGEMENT_MISSING", "DATES_MISSING_OR_OLD", "WORK_DESCRIPTION_MISSING", "WORKLOADS_MISSING"] as const;
export type PartnerActionReason = (typeof partnerActionReasons)[number];
