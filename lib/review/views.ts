// Shapes of the console's data for its client components (plain, serialisable values).
import type { ClaimEventView } from "@/components/claims/ClaimTimeline";

type EventRow = { id: string; at: Date; action: string; toStatus: string | null; reasonCode: string | null; note: string | null; actor: { name: string | null; email: string; role?: string } | null };

/** A history event as the timeline shows it; reviewers see every actor by name. */
export const eventView = (e: EventRow): ClaimEventView => ({
  id: e.id,
  at: e.at.toISOString(),
  action: e.action,
  toStatus: e.toStatus,
  reasonCode: e.reasonCode,
  actor: e.actor ? (e.actor.name ?? e.actor.email) : null,
  note: e.note,
});
