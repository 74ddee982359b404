// Generators of hostile input for property-based tests (fast-check): strings full of NUL and other
// control characters, lone surrogates, bidirectional and zero-width characters, formula starters and
// separators, beside ordinary text; huge and odd numbers; dates at and beyond the ends of time.
import fc from "fast-check";

/** Characters that have caused trouble somewhere: PostgreSQL, spreadsheets, file names, HTML. */
export const hostileCharacters = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009f",
  "\t",
  "\r",
  "\n",
  "\u000b",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "\u202A",
  "\u202E",
  "\u2066",
  "\u2069",
  "\u200E",
  "\u200F",
  "\u061C",
  "\u200B",
  "\u200D",
  "\u2060",
  "\uFEFF",
  "\u2028",
  "\uFFFD",
  "\uFFFF",
  "=",
  "+",
  "-",
  "@",
  "\uFF1D",
  ",",
  ";",
  '"',
  "'",
  "<",
  "&",
  "%",
  "_",
  "\\",
  "/",
  ".",
  " ",
  "😀",
  "日本",
] as const;

const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileCharacters) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);

/** A string mixing hostile characters with ordinary ones. */
export const hostileString = (maxLength = 40) => fc.string({ unit: hostileUnit, maxLength });

/** A string that always holds at least one character PostgreSQL or UTF-8 refuses (NUL, a lone surrogate). */
export const refusedString = fc
  .tuple(hostileString(20), fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\uDBFF"), hostileString(20))
  // Fenced by ASCII, so that a surrogate cannot pair with one beside it.
  .map(([before, bad, after]) => `${before}|${bad}|${after}`);

/** Page numbers and the like as a URL carries them: huge, negative, fractional, exponents, words. */
export const oddNumber = fc.oneof(
  fc.constantFrom("99999999999999999999", "1e308", "-1", "0", "1.5", "NaN", "Infinity", "0x10", "", " ", "\u0000"),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  hostileString(10),
);

/** Dates as text: at and beyond what JavaScript and PostgreSQL hold, and not dates at all. */
export const oddDate = fc.oneof(
  fc.constantFrom("+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "10000-01-01", "1969-12-31T23:59:59.999Z", "2024-02-30", "not a date", ""),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  hostileString(12),
);

/** A cursor of the review queue as the URL carries it (base64url of [date, id]), with odd dates and ids. */
export const oddCursor = fc.oneof(
  fc.tuple(oddDate, fc.oneof(hostileString(70), fc.constant("c1"))).map((pair) => Buffer.from(JSON.stringify(pair)).toString("base64url")),
  fc.anything().map((value) => Buffer.from(JSON.stringify(value) ?? "").toString("base64url")),
  hostileString(30),
);

/** Any JSON-like value whose strings are hostile: what a tampered form or action call may send. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(hostileString(8), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/**
 * An object with the given keys, each either a valid value, a hostile string or any hostile value:
 * close enough to a real form to reach the deeper checks, hostile enough to find what they miss.
 */
export function hostileForm<T extends Record<string, unknown>>(valid: T): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(valid).map(([key, value]) => [key, fc.oneof({ weight: 2, arbitrary: fc.constant(value) }, { weight: 2, arbitrary: hostileString() }, { weight: 1, arbitrary: hostileValue })]));
  return fc.record(fields) as fc.Arbitrary<Record<string, unknown>>;
}

/** Every string anywhere inside a value (object keys too). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  return [];
}
