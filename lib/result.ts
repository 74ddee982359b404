// The one shape of every server action's answer, and of the domain functions the actions return:
// `{ ok: true, data }`, or `{ ok: false, fieldErrors, problem?, details? }`. Field errors sit next to
// their fields; `problem` is the form-level refusal (a code the forms look up as a message key);
// `details` are what that refusal names (when to retry, who holds the claim), typed per action.
// No server code, so the worker and the domain functions can use it as well as the actions.
import type { z } from "zod";

/** Field errors keyed by field path, each a "Validation.*" message key. */
export type FieldErrors = Record<string, string>;

export type Done<D> = { ok: true; data: D };
export type Refused<P extends string = never, X = never> = { ok: false; fieldErrors: FieldErrors; problem?: P; details?: X };
export type ActionResult<D = undefined, P extends string = never, X = never> = Done<D> | Refused<P, X>;

/** Success, with what the form needs next (nothing, or e.g. the new claim's id). */
export function done(): Done<undefined>;
export function done<D>(data: D): Done<D>;
export function done<D>(data?: D): Done<D | undefined> {
  return { ok: true, data };
}

/** A form-level refusal: its code, with any field errors and the details it names. */
export function refused<P extends string, X = never>(problem: P, { fieldErrors = {}, details }: { fieldErrors?: FieldErrors; details?: X } = {}): Refused<P, X> {
  return details === undefined ? { ok: false, fieldErrors, problem } : { ok: false, fieldErrors, problem, details };
}

/** Input refused field by field (no form-level problem), with any details the form needs to show them. */
export function invalid<X = never>(fieldErrors: FieldErrors, details?: X): Refused<never, X> {
  return details === undefined ? { ok: false, fieldErrors } : { ok: false, fieldErrors, details };
}

/** A schema's issues keyed by dotted field path (the first message of each field). Issues of the input as a whole are no field's: see `invalidInput`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue;
    errors[issue.path.join(".")] ??= issue.message;
  }
  return errors;
}

/** Input that failed its schema: the fields' errors, and `invalidRequest` when the input is not the form's shape at all. */
export function invalidInput(error: z.ZodError): Refused<"invalidRequest"> {
  const fieldErrors = fieldErrorsOf(error);
  return error.issues.some((issue) => issue.path.length === 0) ? refused("invalidRequest", { fieldErrors }) : invalid(fieldErrors);
}
