// What every server action does around its work: when the database or blob storage cannot be reached
// or cannot keep up, the action answers `unavailable` (the form says "try again" and keeps what was
// typed) instead of throwing, which would replace the page with the error page. And, for the actions on
// one claim, the role's gate, the id's parsing and the refresh of the pages that show the claim.
import "server-only";
import { revalidatePath } from "next/cache";
import { requirePartnerAdmin, requireReviewer } from "./auth/session";
import { unlessUnavailable } from "./availability";
import { keySchema } from "./claims/schemas";

/**
 * Every action's answer during an outage; the forms show it as Errors.unavailable. It names no field,
 * and none of the other answers' details, so a form can read them on any answer.
 */
export type Unavailable = {
  ok: false;
  problem: "unavailable";
  fieldErrors: { [field: string]: undefined };
  message?: undefined;
  retryAfter?: undefined;
  assignee?: undefined;
  holders?: undefined;
};
export const unavailableAnswer: Unavailable = Object.freeze({ ok: false, problem: "unavailable", fieldErrors: {} });

/** Runs an action's work (gate, validation, domain call), answering `unavailableAnswer` during an outage. */
export function answered<T>(work: () => Promise<T>): Promise<T | Unavailable> {
  return unlessUnavailable(work, unavailableAnswer);
}

/**
 * A server action on one claim, for one role: the gate (anyone else gets 404, as for the pages), the
 * claim id parsed (`invalidId` answers one that is not well formed), the work, the pages in `revalidate`
 * refreshed when it succeeds, and `unavailableAnswer` during an outage.
 */
function claimAction<V>(gate: () => Promise<V>, revalidate: (claimId: string) => string[]) {
  return <A extends unknown[], R extends { ok: boolean }>(work: (viewer: V, claimId: string, ...args: A) => Promise<R>, invalidId: NoInfer<R>) =>
    (claimId: string, ...args: A): Promise<R | Unavailable> =>
      answered(async () => {
        const viewer = await gate();
        const id = keySchema.safeParse(claimId);
        if (!id.success) return invalidId;
        const result = await work(viewer, id.data, ...args);
        if (result.ok) for (const path of revalidate(id.data)) revalidatePath(path);
        return result;
      });
}

/** An incentive admin's action on one of their organisation's claims; refreshes the claim page. */
export const partnerClaimAction = claimAction(requirePartnerAdmin, (claimId) => [`/claims/${claimId}`]);

/** A reviewer's action on a claim; refreshes the queue and the claim's review page. */
export const reviewerClaimAction = claimAction(requireReviewer, (claimId) => ["/review", `/review/claims/${claimId}`]);
