// CSV for every export of the portal (RFC 4180: comma-separated, CRLF between records, UTF-8 with a
// BOM so spreadsheets read the Japanese right), with cells a spreadsheet never runs as a formula.
// Pure code: it runs on the server and would in the browser.

/** What makes a spreadsheet read a cell as a formula (or, tab and CR, hide one); the full-width forms too. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * Where a spreadsheet or a careless importer may start a new cell: a comma, a semicolon (the separator
 * in many locales), a line break (an importer that ignores quotes). Each part after one is neutralised too.
 */
const SEPARATORS = /([,;\r\n])/;
/** A field holding any of these is quoted. */
const NEEDS_QUOTES = /[",;\r\n]/;

/** The byte order mark a UTF-8 CSV file starts with. */
export const CSV_BOM = "\uFEFF";

/** Starts like a formula, also after spaces or quotes (which some importers drop)? */
const formulaLike = (part: string) => FORMULA_START.test(part) || FORMULA_START.test(part.replace(/^[\s"]+/, ""));

/**
 * One CSV field. A value that starts like a formula gets a single quote before it, and so does every
 * part of it after a comma, a semicolon or a line break (a spreadsheet that splits there must not find
 * a formula either); a value holding a comma, a semicolon, a quote or a line break is quoted.
 */
export function csvField(value: string): string {
  const parts = value.split(SEPARATORS).map((part, i) => (i % 2 === 0 && formulaLike(part) ? `'${part}` : part));
  const joined = parts.join("");
  const safe = formulaLike(joined) ? `'${joined}` : joined;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record: the fields, each as `csvField` makes it, and the line end. */
export function csvRecord(values: readonly string[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
