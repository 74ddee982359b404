// What every server action does around its work: the role's gate, the arguments parsed, the work, the
// refresh of the pages that show what changed, and one answer shape (lib/result.ts). When the database
// or blob storage cannot be reached or cannot keep up, the action answers `unavailable` (the form says
// "try again" and keeps what was typed) instead of throwing, which would replace the page with the
// error page.
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requirePartnerAdmin, requireReviewer } from "./auth/session";
import { unlessUnavailable } from "./availability";
import { keySchema } from "./claims/schemas";
import type { ActionResult, Refused } from "./result";

export { done, refused, invalid, invalidInput, type ActionResult, type Done, type Refused, type FieldErrors } from "./result";

/** Every action's answer during an outage; the forms show it as Errors.unavailable. */
export type Unavailable = Refused<"unavailable"> & { problem: "unavailable" };
export const unavailableAnswer: Unavailable = Object.freeze({ ok: false, fieldErrors: {}, problem: "unavailable" } as const);

/** Runs an action's work (gate, validation, domain call), answering `unavailableAnswer` during an outage. */
export function answered<T>(work: () => Promise<T>): Promise<T | Unavailable> {
  return unlessUnavailable(work, unavailableAnswer);
}

type AnyResult = ActionResult<unknown, string, unknown>;

/**
 * The frame of a gated action: the gate (anyone else gets 404, as for the pages), the arguments parsed
 * (`invalid` answers any that do not fit), the work, the pages `revalidate` names refreshed when it
 * succeeds, and `unavailableAnswer` during an outage.
 */
function gated<V, A extends unknown[], P extends unknown[], R extends AnyResult, I extends Refused<string, unknown>>(
  gate: () => Promise<V>,
  { parse, invalid, revalidate }: { parse: (args: A) => P | null; invalid: I; revalidate: (...args: P) => string[] },
  work: (viewer: V, ...args: P) => Promise<R>,
) {
  return (...args: A): Promise<R | I | Unavailable> =>
    answered(async () => {
      const viewer = await gate();
      const parsed = parse(args);
      if (!parsed) return invalid;
      const result = await work(viewer, ...parsed);
      if (result.ok) for (const path of revalidate(...parsed)) revalidatePath(path);
      return result;
    });
}

/**
 * An action of one role not on one existing claim: the arguments parsed with the `args` tuple schema
 * (what a well-behaved form sends is its input type), the pages in `revalidate` refreshed on success.
 */
function roleAction<V>(gate: () => Promise<V>) {
  return <A extends unknown[], P extends unknown[], R extends AnyResult, I extends Refused<string, unknown>>(
    { args, invalid, revalidate = () => [] }: { args: z.ZodType<P, A>; invalid: I; revalidate?: (...args: NoInfer<P>) => string[] },
    work: (viewer: V, ...args: NoInfer<P>) => Promise<R>,
  ) => {
    const parse = (given: A) => {
      const parsed = args.safeParse(given);
      return parsed.success ? parsed.data : null;
    };
    return gated(gate, { parse, invalid, revalidate }, work);
  };
}

/**
 * An action of one role on one claim: the claim id parsed (`invalidId` answers one that is not well
 * formed), the pages that show the claim refreshed when it succeeds, and those in `alsoRevalidate` (a
 * list that shows it changed). Further arguments reach the work as sent: it validates them.
 */
function claimAction<V>(gate: () => Promise<V>, revalidate: (claimId: string) => string[]) {
  return <A extends unknown[], R extends AnyResult, I extends Refused<string, unknown>>(
    work: (viewer: V, claimId: string, ...args: A) => Promise<R>,
    invalidId: I,
    { alsoRevalidate = [] }: { alsoRevalidate?: string[] } = {},
  ) =>
    gated(
      gate,
      {
        parse: ([claimId, ...rest]: [claimId: string, ...args: A]) => {
          const id = keySchema.safeParse(claimId);
          return id.success ? ([id.data, ...rest] as [string, ...A]) : null;
        },
        invalid: invalidId,
        revalidate: (...[claimId]: [string, ...A]) => [...alsoRevalidate, ...revalidate(claimId)],
      },
      work,
    );
}

/** An incentive admin's action not on one existing claim (the wizard of a new claim). */
export const partnerAction = roleAction(requirePartnerAdmin);

/** An incentive admin's action on one of their organisation's claims; refreshes the claim page. */
export const partnerClaimAction = claimAction(requirePartnerAdmin, (claimId) => [`/claims/${claimId}`]);

/** A reviewer's action on a claim; refreshes the queue and the claim's review page. */
export const reviewerClaimAction = claimAction(requireReviewer, (claimId) => ["/review", `/review/claims/${claimId}`]);
