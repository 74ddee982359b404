// What every server action does around its work: when the database or blob storage cannot be reached
// or cannot keep up, the action answers `unavailable` (the form says "try again" and keeps what was
// typed) instead of throwing, which would replace the page with the error page.
import "server-only";
import { unlessUnavailable } from "./availability";

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
