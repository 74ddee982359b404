// A claim's history as the timelines show it (plain values for the client components).

export type ClaimEventView = {
  id: string;
  at: string;
  action: string;
  toStatus: string | null;
  reasonCode: string | null;
  /** Who did it, by name; null for the system and the customer, and for reviewers on the partner's page. */
  actor: string | null;
  /** A Microsoft reviewer did it (the partner's page says "Microsoft", not the reviewer's name). */
  byMicrosoft: boolean;
  note: string | null;
};

type EventRow = { id: string; at: Date; action: string; toStatus: string | null; reasonCode: string | null; note: string | null; actor: { name: string | null; email: string; role: string } | null };

/** `audience` "partner" names reviewers only as Microsoft; reviewers see every actor by name. */
export function eventView(e: EventRow, audience: "partner" | "reviewer"): ClaimEventView {
  const byMicrosoft = e.actor?.role === "REVIEWER";
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    toStatus: e.toStatus,
    reasonCode: e.reasonCode,
    actor: e.actor && !(byMicrosoft && audience === "partner") ? (e.actor.name ?? e.actor.email) : null,
    byMicrosoft,
    note: e.note,
  };
}
