// Well-formed text: the one rule for which characters the portal accepts in a form field, an id or a
// URL parameter, as checks and as the zod primitives every schema builds its text fields from.
// Refused: NUL and the other control characters (PostgreSQL refuses NUL in text; the rest corrupt
// exports, logs and emails) and lone surrogates (half of a UTF-16 pair: not text, and invalid UTF-8).
// Pure code without imports from the server, so the same checks run in the browser's forms. The zod
// primitives are written with zod/mini, the small build the browser gets; a zod/mini schema is a zod
// schema, so the server's schemas (zod) take them as they are.
import { z } from "zod/mini";

// In the browser zod validates without compiling validators at run time: its probe for whether it may
// (`new Function`) is refused by the pages' CSP, which has no 'unsafe-eval', and Chromium reports the
// refusal as a violation even though zod catches it. Every schema the browser runs is built on this module.
if (typeof window !== "undefined") z.config({ jitless: true });

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates. */
const UNSAFE_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;
/** The same, and tab and line breaks too: a one-line value (a name, an id, a search) has none. */
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;
const UNSAFE_LINE_ALL = new RegExp(UNSAFE_LINE.source, "gu");
const UNSAFE_MULTILINE_ALL = new RegExp(UNSAFE_MULTILINE.source, "gu");

type Lines = { multiline?: boolean };

/** True when the value has no control character (tab and line breaks allowed with `multiline`) and no lone surrogate. */
export function isWellFormedText(value: string, { multiline = false }: Lines = {}) {
  return !(multiline ? UNSAFE_MULTILINE : UNSAFE_LINE).test(value);
}

/**
 * The value without control characters and lone surrogates (tab and line breaks kept with
 * `multiline`): for searches and file names, where a stray character should not cost the result, and
 * to give back what was typed beside a field error.
 */
export function stripUnsafeText(value: string, { multiline = false }: Lines = {}) {
  return value.replace(multiline ? UNSAFE_MULTILINE_ALL : UNSAFE_LINE_ALL, "");
}

/** The field message (a key of "Validation.*") for text with a character that cannot be kept. */
export const INVALID_CHARACTERS = "invalidCharacters";

/**
 * Any string, trimmed (white space around it, line breaks too, is dropped), then well formed; no
 * length rule: the base of the others.
 */
export const wellFormedText = ({ multiline = false }: Lines = {}) =>
  z.string({ error: "required" }).check(
    // zod runs length checks (min, max) on any value with a `length`, strings or not, and one whose
    // `length` cannot be compared throws: a value that is not a string stops here, with no check after.
    z.refine((value: unknown) => typeof value === "string", { error: "required", abort: true, when: () => true }),
    z.trim(),
    z.refine((value: string) => isWellFormedText(value, { multiline }), INVALID_CHARACTERS),
  );

/** A required text field: trimmed, well formed, not empty, at most `max` characters. */
export const requiredText = (max: number, lines: Lines = {}) => wellFormedText(lines).check(z.minLength(1, "required"), z.maxLength(max, "tooLong"));

/** An optional text field: trimmed, well formed, at most `max` characters; empty becomes undefined. */
export const optionalText = (max: number, lines: Lines = {}) =>
  z.pipe(
    z.optional(wellFormedText(lines).check(z.maxLength(max, "tooLong"))),
    z.transform((value: string | undefined) => (value ? value : undefined)),
  );

/** Text that may be empty (a cleared comment): trimmed, well formed, at most `max` characters. */
export const clearableText = (max: number, lines: Lines = {}) => wellFormedText(lines).check(z.maxLength(max, "tooLong"));

const ID = /^[\x21-\x7e]{1,64}$/;

/**
 * An id as it arrives from a URL or an action's argument (a claim, a file, an organisation, a catalog
 * item): 1 to 64 visible ASCII characters. Anything else names nothing: answer 404 or a field error.
 */
export const idSchema = z.string({ error: "invalidRequest" }).check(z.regex(ID, "invalidRequest"));

/** The id, or null when the value is not one (the route or page answers 404). */
export function parseId(value: unknown): string | null {
  return typeof value === "string" && ID.test(value) ? value : null;
}

/**
 * A search typed into a box and carried by the URL: the first value when repeated, stripped of
 * characters that are not text, trimmed, and cut to `max` characters (never inside a surrogate
 * pair) when given; undefined when nothing is left.
 */
export function searchText(value: unknown, max = Infinity): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return undefined;
  const stripped = stripUnsafeText(first.replace(/[\t\n\r]/g, " ")).trim();
  const text = max === Infinity ? stripped : Array.from(stripped).slice(0, max).join("").trim();
  return text || undefined;
}

/** A page number from the URL: a whole number from 1 to `max`; anything else is page 1, anything larger `max`. */
export function pageNumber(value: unknown, max = 10_000): number {
  const first = Array.isArray(value) ? value[0] : value;
  const number = typeof first === "string" && /^\s*\d+\s*$/.test(first) ? Number(first) : NaN;
  if (!Number.isFinite(number) || number < 1) return 1;
  return Math.min(Math.floor(number), max);
}
