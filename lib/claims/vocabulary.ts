// The claim's vocabulary: its statuses and the sets of them the rules speak of, who may act, the one
// table of allowed transitions (and what is derived from it: the customer's declinable statuses, the
// reviewer's actions), the reason codes, and the timers in business days. No server code, so client
// components, SQL (through `sqlList`) and the server all read the same lists. The code that changes a
// claim's status is lib/claims/lifecycle.ts.
import type { ClaimStatus } from "../generated/prisma/enums";
import { addBusinessDays, DAY_MS, timerStart } from "./business-days";
import { rejectionReasons, type RejectionReason } from "./reasons";

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

// ---------- actors and reasons ----------

export const actorKinds = ["partner", "reviewer", "customer", "system"] as const;
export type ActorKind = (typeof actorKinds)[number];

/**
 * Who moves a claim: the incentive admin of the claim's organisation, a Microsoft reviewer, the
 * customer contact (through the email link), or a scheduled job.
 */
export type Actor = { kind: "partner"; userId: string } | { kind: "reviewer"; userId: string } | { kind: "customer"; email: string } | { kind: "system" };

export { partnerActionReasons, rejectionReasons, type PartnerActionReason, type RejectionReason } from "./reasons";

/**
 * What a transition asks for:
 * - "none": no reason code (a free-text note is allowed);
 * - "rejection": a code of `rejectionReasons` (the rule's fixed code when it has one), free text optional;
 * - "partnerAction": a code of `partnerActionReasons` and the question as text, both required;
 * - "required-text": text required; the code is the rule's fixed code, if any, else none.
 */
export type ReasonKind = "none" | "rejection" | "partnerAction" | "required-text";

export type TransitionRule = {
  readonly from: ClaimStatus;
  readonly to: ClaimStatus;
  readonly by: readonly ActorKind[];
  /** The name of the action (for the UI and the jobs); the audit row's action is "statusChanged". */
  readonly action: string;
  readonly reason: ReasonKind;
  /** The reason code this transition always carries (the caller may omit it or repeat it). */
  readonly reasonCode?: RejectionReason;
  /** Whether the partner contact is told (an outbox row of kind partner-decision). */
  readonly notifiesPartner: boolean;
  /** Only ever a consequence of another transition (the lifecycle makes it), never an action of its own. */
  readonly consequence?: true;
};

const customerDecline = (from: ClaimStatus): TransitionRule => ({ from, to: "REJECTED", by: ["customer"], action: "customerDecline", reason: "rejection", reasonCode: "CUSTOMER_DECLINED", notifiesPartner: false });

/** Every allowed transition of the lifecycle (docs/domain.md, "Claim lifecycle"); nothing else is possible. */
export const transitions: readonly TransitionRule[] = [
  { from: "DRAFT", to: "SUBMITTED", by: ["partner"], action: "submit", reason: "none", notifiesPartner: false },
  { from: "SUBMITTED", to: "UNDER_REVIEW", by: ["reviewer"], action: "startReview", reason: "none", notifiesPartner: false },
  { from: "UNDER_REVIEW", to: "APPROVED", by: ["reviewer"], action: "approve", reason: "none", notifiesPartner: true },
  { from: "UNDER_REVIEW", to: "REJECTED", by: ["reviewer"], action: "reject", reason: "rejection", notifiesPartner: true },
  { from: "UNDER_REVIEW", to: "PARTNER_ACTION_REQUIRED", by: ["reviewer"], action: "requestPartnerAction", reason: "partnerAction", notifiesPartner: true },
  { from: "PARTNER_ACTION_REQUIRED", to: "UNDER_REVIEW", by: ["partner"], action: "resubmit", reason: "none", notifiesPartner: false },
  { from: "PARTNER_ACTION_REQUIRED", to: "REJECTED", by: ["system"], action: "expireNoPartnerResponse", reason: "rejection", reasonCode: "NO_PARTNER_RESPONSE", notifiesPartner: true },
  { from: "REJECTED", to: "DISPUTE", by: ["partner"], action: "dispute", reason: "required-text", notifiesPartner: false },
  { from: "DISPUTE", to: "APPROVED", by: ["reviewer"], action: "approveDispute", reason: "none", notifiesPartner: true },
  { from: "DISPUTE", to: "REJECTED_FINAL", by: ["reviewer"], action: "rejectDispute", reason: "rejection", notifiesPartner: true },
  { from: "APPROVED", to: "REJECTED_FINAL", by: ["partner"], action: "disassociate", reason: "required-text", reasonCode: "PARTNER_REQUEST", notifiesPartner: false },
  // The most recent valid PoE wins: approving a competing claim whose customer acknowledgement is dated
  // later moves the holder's claim here, in the same transaction (lib/claims/lifecycle.ts).
  { from: "APPROVED", to: "REJECTED", by: ["reviewer"], action: "displace", reason: "rejection", reasonCode: "CONFLICT_WON_BY_OTHER_PARTNER", notifiesPartner: true, consequence: true },
  customerDecline("SUBMITTED"),
  customerDecline("UNDER_REVIEW"),
  customerDecline("PARTNER_ACTION_REQUIRED"),
  customerDecline("APPROVED"),
  customerDecline("DISPUTE"),
];

/**
 * Whether a rejection with this reason may be disputed: not the customer's decline, which only the
 * customer can take back (domain.md: the customer may reject at any time; a reviewer cannot overrule it).
 */
export const isDisputable = (reasonCode: string | null | undefined) => reasonCode !== "CUSTOMER_DECLINED";

/** The rule for moving `from` → `to` by this kind of actor, if there is one. */
export function findTransition(from: ClaimStatus, to: ClaimStatus, actorKind: ActorKind): TransitionRule | undefined {
  return transitions.find((rule) => rule.from === from && rule.to === to && rule.by.includes(actorKind));
}

export function canTransition(from: ClaimStatus, to: ClaimStatus, actorKind: ActorKind): boolean {
  return findTransition(from, to, actorKind) !== undefined;
}

/** What this kind of actor may do with a claim in `from`. */
export function allowedTransitions(from: ClaimStatus, actorKind: ActorKind): TransitionRule[] {
  return transitions.filter((rule) => rule.from === from && rule.by.includes(actorKind) && !rule.consequence);
}

/** Statuses in which a claim awaits an answer (the reviewer's, the partner's, or a dispute): a pending claim. */
export const pendingStatuses = ["SUBMITTED", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "DISPUTE"] as const satisfies readonly ClaimStatus[];

/** The statuses awaiting a reviewer's decision: the review queue's default view. */
export const awaitingStatuses = ["SUBMITTED", "UNDER_REVIEW", "DISPUTE"] as const satisfies readonly ClaimStatus[];

/** Every status a reviewer sees (a Draft is the partner's alone). */
export const reviewStatuses = claimStatuses.filter((s) => s !== "DRAFT");

/** The statuses the customer may decline from (the table's customer rules). */
export const customerDeclinableStatuses = transitions.filter((rule) => rule.by.includes("customer")).map((rule) => rule.from);

/** The rejection codes a reviewer chooses from: every one no transition sets by itself (the customer's decline, the partner-response timer, the partner's disassociation). */
export const reviewerRejectionReasons = rejectionReasons.filter((code) => !transitions.some((rule) => rule.reasonCode === code && !rule.by.includes("reviewer")));

/** The reviewer's actions, in the table's order. */
export const reviewerActions = [...new Set(transitions.filter((rule) => rule.by.includes("reviewer") && !rule.consequence).map((rule) => rule.action))];

// ---------- timers (business days: Monday to Friday, UTC) ----------

export type LifecycleTimers = Partial<Record<ClaimStatus, number>>;

/**
 * Business days allowed in each status, counted from `statusChangedAt`: the review should start
 * (Submitted), the decision (Under review), the partner's answer, else Rejected (Partner action
 * required), the dispute window (Rejected: 30 business days, as the timer column says) and the
 * dispute decision. Every function taking timers merges its override over these.
 */
export const LIFECYCLE_TIMERS = {
  SUBMITTED: 5,
  UNDER_REVIEW: 14,
  PARTNER_ACTION_REQUIRED: 14,
  REJECTED: 30,
  DISPUTE: 5,
} as const satisfies LifecycleTimers;

/**
 * When the status's timer runs out, or null for statuses without a timer (or no start time): the
 * timer's start (`timerStart`) moved by the status's business days. Later starts never fall due
 * earlier (a Saturday start is due after a Friday-night one), which `overdueCutoff` relies on.
 */
export function dueAt(status: ClaimStatus, statusChangedAt: Date | null | undefined, timers: LifecycleTimers = {}): Date | null {
  const days = ({ ...LIFECYCLE_TIMERS, ...timers } as LifecycleTimers)[status];
  if (days === undefined || !statusChangedAt) return null;
  return addBusinessDays(timerStart(statusChangedAt), days);
}

/** Whether the status's timer ran out before `now`. */
export function isOverdue(status: ClaimStatus, statusChangedAt: Date | null | undefined, now: Date = new Date(), timers: LifecycleTimers = {}): boolean {
  const due = dueAt(status, statusChangedAt, timers);
  return due !== null && now.getTime() > due.getTime();
}

/**
 * The moment before which a claim that entered `status` is overdue at `now`:
 * `isOverdue(status, t, now) === t < overdueCutoff(status, now)` for every t (null: no timer). Lets
 * the database count and filter overdue claims on (status, statusChangedAt) exactly, weekends and
 * all: `dueAt` never decreases as its start grows, so the overdue starts form a prefix, found by bisection.
 */
export function overdueCutoff(status: ClaimStatus, now: Date, timers: LifecycleTimers = {}): Date | null {
  const days = ({ ...LIFECYCLE_TIMERS, ...timers } as LifecycleTimers)[status];
  if (days === undefined) return null;
  // Every start more than days/5 weeks and a weekend before `now` is overdue; none after `now` is.
  let low = now.getTime() - (Math.ceil(days / 5) * 7 + 3) * DAY_MS; // overdue
  let high = now.getTime(); // not overdue
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (addBusinessDays(timerStart(new Date(mid)), days).getTime() < now.getTime()) low = mid;
    else high = mid;
  }
  return new Date(high);
}
