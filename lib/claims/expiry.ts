// The scheduled move of the lifecycle: a claim left in Partner action required past its timer (14
// business days) is Rejected with "no partner response". Run by every outbox worker (lib/notify/
// worker.ts) every few minutes; safe with any number of them, since each move is the lifecycle's
// conditional transition (a partner resubmitting at the same moment wins or loses cleanly).
import type { Db } from "../db-client";
import { overdueCutoff, type LifecycleTimers } from "./vocabulary";
import { runTransition } from "./lifecycle";


/** Rejects the unanswered claims whose timer ran out before `now`; returns how many it moved. */
export async function expireUnansweredClaims(client: Db, { now = new Date(), timers, batch = 100 }: { now?: Date; timers?: LifecycleTimers; batch?: number } = {}) {
  const cutoff = overdueCutoff("PARTNER_ACTION_REQUIRED", now, timers)!;
  let moved = 0;
  let after = "";
  for (;;) {
    const due = await client.claim.findMany({
      where: { status: "PARTNER_ACTION_REQUIRED", deletedAt: null, statusChangedAt: { lt: cutoff }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true },
    });
    for (const { id } of due) {
      // One claim's failure is logged and skipped, so it cannot hold back the others.
      try {
        const result = await runTransition(client, { claimId: id, from: "PARTNER_ACTION_REQUIRED", to: "REJECTED", actor: { kind: "system" }, reasonCode: "NO_PARTNER_RESPONSE", now, timers });
        if (result.ok) moved += 1;
      } catch (error) {
        console.error(`Expiry: claim ${id} could not be rejected:`, error instanceof Error ? error.message : error);
      }
    }
    if (due.length < batch) return moved;
    after = due[due.length - 1].id;
  }
}
