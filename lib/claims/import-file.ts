// The claims import file: its columns (English headers, Japanese ones accepted too), the template, the
// mapping of a row to the wizard's input (the wizard's schemas then judge it: lib/claims/import.ts), and
// the result file with a status column. Pure code (no server imports): the import page uses it in the
// browser to write the result file, the server to read the upload.
import { CSV_BOM, csvRecord, readCsv, type CsvRecord } from "../csv";
import type { FieldErrors } from "../result";
import { partnerRoles, solutionAreas } from "./roles";
import { locales } from "../i18n/locales";

/** At most this many claims per file. */
export const IMPORT_MAX_ROWS = 500;
/** A file larger than this is refused before it is read (500 claims fit in far less). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Between the ids of a list cell (workloads, subscriptions). */
export const LIST_SEPARATOR = ";";

type Column = { field: string; en: string; ja: string; kind: "text" | "choice" | "yesNo" | "list"; options?: readonly string[]; example: string };

/** The file's columns in the template's order, each with the wizard field it fills. */
export const importColumns: readonly Column[] = [
  { field: "name", en: "claim_name", ja: "要求名", kind: "text", example: "Northwind Teams rollout" },
  { field: "solutionArea", en: "solution_area", ja: "ソリューション領域", kind: "choice", options: solutionAreas, example: "MODERN_WORK_SECURITY" },
  { field: "partnerRole", en: "partner_role", ja: "パートナー ロール", kind: "choice", options: partnerRoles, example: "USE_OR_CONSUME" },
  { field: "partnerId", en: "partner_id", ja: "パートナー ID", kind: "text", example: "4412345" },
  { field: "tenantId", en: "tenant_id", ja: "顧客のテナント ID", kind: "text", example: "4f2c1a7e-8b3d-4c6e-9a1f-2d5b7c9e0a13" },
  { field: "incentiveOptOut", en: "incentive_opt_out", ja: "インセンティブのオプトアウト", kind: "yesNo", example: "no" },
  { field: "dynamicsSellerName", en: "dynamics_seller_name", ja: "Dynamics ソリューションの販売者名", kind: "text", example: "" },
  { field: "customerName", en: "customer_name", ja: "顧客名", kind: "text", example: "" },
  { field: "isvSolutionName", en: "isv_solution_name", ja: "ISV 製品/ソリューションの名前", kind: "text", example: "" },
  { field: "workloadIds", en: "workload_ids", ja: "ワークロード ID", kind: "list", example: "mws-microsoft-teams;mws-microsoft-intune" },
  { field: "subscriptionIds", en: "subscription_ids", ja: "サブスクリプション ID", kind: "list", example: "" },
  { field: "customerContactName", en: "customer_contact_name", ja: "顧客の連絡先の名前", kind: "text", example: "Nancy Davolio" },
  { field: "customerContactTitle", en: "customer_contact_title", ja: "顧客の連絡先の役職", kind: "text", example: "IT Director" },
  { field: "customerContactAddress", en: "customer_contact_address", ja: "顧客の連絡先の住所", kind: "text", example: "1 Main Street, Seattle, WA 98052" },
  { field: "customerContactEmail", en: "customer_contact_email", ja: "顧客の連絡先のメール アドレス", kind: "text", example: "nancy@northwind.example" },
  { field: "customerLocale", en: "customer_locale", ja: "顧客に送信するメールの言語", kind: "choice", options: locales, example: "en" },
  { field: "partnerContactName", en: "partner_contact_name", ja: "自分の会社の連絡先の名前", kind: "text", example: "Pat Partner" },
  { field: "partnerContactEmail", en: "partner_contact_email", ja: "自分の会社の連絡先のメール アドレス", kind: "text", example: "pat@contoso.example" },
];

/** The columns a file must have (the rest may be left out: empty). */
const requiredColumns = new Set(["name", "solutionArea", "partnerRole", "partnerId", "tenantId", "workloadIds", "customerContactName", "customerContactAddress", "customerContactEmail", "partnerContactName", "partnerContactEmail"]);

const normalHeader = (header: string) => header.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
const columnByHeader = new Map(importColumns.flatMap((c) => [[normalHeader(c.en), c] as const, [normalHeader(c.ja), c] as const]));

/** The template: the header row and one example row, UTF-8 with a BOM. */
export function importTemplate(): string {
  return CSV_BOM + csvRecord(importColumns.map((c) => c.en)) + csvRecord(importColumns.map((c) => c.example));
}

/** A column's header in the user's language, for the preview's errors. */
export const columnHeader = (field: string, locale: string) => {
  const column = importColumns.find((c) => c.field === field || field.startsWith(`${c.field}.`)) ?? (field.startsWith("subscriptions.") ? importColumns.find((c) => c.field === "subscriptionIds") : undefined);
  return column ? (locale === "ja" ? column.ja : column.en) : field;
};

/** The column of a field error: the wizard names "subscriptions.<product>" for a product's subscriptions. */
export const columnOfField = (field: string) => (field.startsWith("subscriptions.") ? "subscriptionIds" : field.split(".")[0]);

/** The import's own field errors (keys of "ClaimImport.fieldErrors"); the rest are the wizard's "Validation.*". */
export const IMPORT_ERROR_PREFIX = "import.";

export type ImportRow = {
  /** The row's line in the file (the header is line 1), as a spreadsheet numbers it. */
  line: number;
  /** The wizard's input made from the row's cells. */
  data: Record<string, unknown>;
  /** Cells the mapping itself refused (a value that is not one of a choice's codes, a yes/no that is neither). */
  fieldErrors: FieldErrors;
  /** The cells as read, in the file's order. */
  cells: string[];
};

export type ImportFileProblem =
  | { problem: "unreadable"; line: number }
  | { problem: "empty" }
  | { problem: "unknownColumn"; column: string }
  | { problem: "duplicateColumn"; column: string }
  | { problem: "missingColumns"; columns: string[] }
  | { problem: "tooManyRows"; max: number; rows: number }
  | { problem: "tooLarge"; maxBytes: number }
  | { problem: "encoding" };

export type ImportFile = { ok: true; headers: string[]; rows: ImportRow[] } | ({ ok: false } & ImportFileProblem);

const YES = new Set(["yes", "y", "true", "1", "はい"]);
const NO = new Set(["no", "n", "false", "0", "いいえ", ""]);

function cellValue(column: Column, raw: string): { value?: unknown; error?: string } {
  const text = raw.trim();
  switch (column.kind) {
    case "text":
      return { value: raw };
    case "choice": {
      if (text === "") return { value: column.field === "customerLocale" ? undefined : "" };
      const code = column.field === "customerLocale" ? text.toLowerCase() : text.toUpperCase().replace(/[\s-]+/g, "_");
      return column.options?.includes(code) ? { value: code } : { error: `${IMPORT_ERROR_PREFIX}choice` };
    }
    case "yesNo": {
      const word = text.normalize("NFKC").toLowerCase();
      if (YES.has(word)) return { value: true };
      if (NO.has(word)) return { value: false };
      return { error: `${IMPORT_ERROR_PREFIX}yesNo` };
    }
    case "list":
      return { value: text.split(LIST_SEPARATOR).map((id) => id.trim()).filter((id) => id !== "") };
  }
}

/** Maps one record to the wizard's input, with the cells the mapping refused. */
export function mapRow(columns: readonly (Column | undefined)[], record: CsvRecord): ImportRow {
  const data: Record<string, unknown> = {};
  const fieldErrors: FieldErrors = {};
  columns.forEach((column, i) => {
    if (!column) return;
    const { value, error } = cellValue(column, record.fields[i] ?? "");
    if (error) fieldErrors[column.field] = error;
    else if (value !== undefined) data[column.field] = value;
  });
  // A column left out of the file is an empty cell (the schema says whether it may be).
  for (const column of importColumns) {
    if (!(column.field in data) && !(column.field in fieldErrors)) {
      if (column.kind === "list") data[column.field] = [];
      else if (column.kind === "text") data[column.field] = "";
      else if (column.kind === "yesNo") data[column.field] = false;
    }
  }
  return { line: record.line, data, fieldErrors, cells: record.fields };
}

/** Reads an import file's text: its header (English or Japanese names, any order) and up to IMPORT_MAX_ROWS rows. */
export function readImportFile(text: string): ImportFile {
  const read = readCsv(text);
  if (!read.ok) return { ok: false, problem: "unreadable", line: read.line };
  const [header, ...records] = read.records;
  if (!header) return { ok: false, problem: "empty" };
  const columns: (Column | undefined)[] = [];
  const seen = new Set<string>();
  for (const name of header.fields) {
    if (name.trim() === "") {
      columns.push(undefined);
      continue;
    }
    const column = columnByHeader.get(normalHeader(name));
    if (!column) return { ok: false, problem: "unknownColumn", column: name };
    if (seen.has(column.field)) return { ok: false, problem: "duplicateColumn", column: name };
    seen.add(column.field);
    columns.push(column);
  }
  const missing = importColumns.filter((c) => requiredColumns.has(c.field) && !seen.has(c.field)).map((c) => c.en);
  if (missing.length > 0) return { ok: false, problem: "missingColumns", columns: missing };
  if (records.length === 0) return { ok: false, problem: "empty" };
  if (records.length > IMPORT_MAX_ROWS) return { ok: false, problem: "tooManyRows", max: IMPORT_MAX_ROWS, rows: records.length };
  return { ok: true, headers: header.fields, rows: records.map((record) => mapRow(columns, record)) };
}

/** A collision warning of a row, as the wizard shows it: another partner holds (associated) or claims an item, or the organisation itself already does (own). */
export type ImportWarning = { item: string; kind: "associated" | "claimed" | "own" };
/** A row of the preview: its line, name and tenant, its errors by field, its collision warnings. */
export type PreviewRow = { line: number; name: string; tenantId: string; fieldErrors: FieldErrors; warnings: ImportWarning[] };
export type ImportPreview = { ok: true; rows: PreviewRow[] } | Extract<ImportFile, { ok: false }>;

/** What became of one row: the Draft created, or the errors that kept it from being created. */
export type ImportOutcome = { line: number; status: "created"; claimId: string } | { line: number; status: "failed"; fieldErrors: FieldErrors; problem?: string };

/**
 * The result file: the uploaded file's columns and rows, with "status" ("created" or "failed"),
 * "claim_id" and "error" (the row's errors, each worded by `message`, e.g. "column: message") in front.
 */
export function importResultCsv(headers: readonly string[], rows: readonly ImportRow[], outcomes: readonly ImportOutcome[], message: (field: string, key: string) => string): string {
  const byLine = new Map(outcomes.map((o) => [o.line, o]));
  let csv = CSV_BOM + csvRecord(["row", "status", "claim_id", "error", ...headers]);
  for (const row of rows) {
    const outcome = byLine.get(row.line);
    const status = outcome?.status ?? "notImported";
    const claimId = outcome?.status === "created" ? outcome.claimId : "";
    const error =
      outcome?.status === "failed"
        ? [outcome.problem ?? "", ...Object.entries(outcome.fieldErrors).map(([field, key]) => message(field, key))].filter(Boolean).join(" | ")
        : "";
    csv += csvRecord([String(row.line), status, claimId, error, ...row.cells]);
  }
  return csv;
}
