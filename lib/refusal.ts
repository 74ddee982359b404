// A rule's refusal, thrown where it must undo the work in progress (a transaction rolled back, an
// upload's stream stopped) and answered at the boundary as its code: the one exception class of the
// domain's control flow. Everything else a function refuses, it returns.
export class Refusal<Code extends string = string> extends Error {
  constructor(readonly code: Code) {
    super(code);
    this.name = "Refusal";
  }
}

/** Whether `error` is a refusal, with one of `codes` when any are given. */
export function isRefusal<Code extends string>(error: unknown, ...codes: Code[]): error is Refusal<Code> {
  return error instanceof Refusal && (codes.length === 0 || (codes as string[]).includes(error.code));
}
