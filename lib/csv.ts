// CSV for every export of the portal (RFC 4180: comma-separated, CRLF between records, UTF-8 with a
// BOM so spreadsheets read the Japanese right), with cells a spreadsheet never runs as a formula; and
// the reader of the files the portal imports. Pure code: it runs on the server and would in the browser.

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

/** A record read from a CSV file, with the line it starts on (1-based), so errors can name it. */
export type CsvRecord = { line: number; fields: string[] };

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; problem: "unclosedQuote" | "textAfterQuote" };

/**
 * Reads CSV text (RFC 4180: fields in double quotes may hold commas, doubled quotes and line breaks;
 * CRLF or LF between records; a leading BOM is dropped). Blank lines are skipped, since spreadsheets
 * leave them at the end. A quote left open, or text right after a closing quote, is refused with its
 * line rather than guessed at.
 */
export function readCsv(text: string): CsvReadResult {
  const records: CsvRecord[] = [];
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quotedLine = 1;
  let afterQuote = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    afterQuote = false;
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === "\n") line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === ",") {
      fields.push(field);
      field = "";
      afterQuote = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (afterQuote) {
      return { ok: false, line, problem: "textAfterQuote" };
    } else if (ch === '"' && field === "") {
      quoted = true;
      quotedLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) return { ok: false, line: quotedLine, problem: "unclosedQuote" };
  endRecord();
  return { ok: true, records };
}
