// The usage file (CSV) that `npm run usage:import` loads, read and checked before anything is written: its
// columns, each row's fields (zod), and one figure per natural key. Errors name the row as the file's line
// number, the column and what is wrong. Pure code: the import runs it first, the unit tests run it alone.
import { z } from "zod";
import { GUID } from "../claims/schemas";
import { readCsv } from "../csv";
import { monthKey, parseMonthKey, startOfMonth } from "./months";

export const USAGE_COLUMNS = ["tenant_id", "workload_id", "subscription_id", "month", "active_users", "licensed_seats"] as const;
type Column = (typeof USAGE_COLUMNS)[number];
/** A file of Modern Work and Security figures alone may leave out the subscription columns, and the reverse. */
const REQUIRED_COLUMNS: readonly Column[] = ["tenant_id", "month", "active_users"];

/** One figure of the file: a tenant workload's (Modern Work and Security) or a subscription's (Business Applications). */
export type UsageRow = {
  /** The line of the file it was read from. */
  row: number;
  tenantId: string;
  workloadId: string | null;
  subscriptionId: string | null;
  /** The first day of the month (UTC). */
  month: Date;
  activeUsers: number;
  licensedSeats: number | null;
};

export type UsageFileError = { row: number; field: string; message: string };
export type UsageFileResult = { ok: true; rows: UsageRow[] } | { ok: false; errors: UsageFileError[] };

/** Spreadsheets pad cells: a cell of spaces is an empty one. */
const blank = (value: unknown) => (typeof value === "string" ? value.trim() || undefined : value);
const id = (pattern: RegExp, what: string) => z.string().regex(pattern, `must be ${what}`).transform((v) => v.toLowerCase());
const count = z.string().regex(/^\d{1,9}$/, "must be a whole number, 0 or more").transform(Number);
const required = { error: "is required" };

function rowSchema(now: Date) {
  const latest = startOfMonth(now);
  return z
    .object({
      tenant_id: z.preprocess(blank, z.string(required).pipe(id(GUID, "a tenant ID (a GUID)"))),
      workload_id: z.preprocess(blank, z.string().max(100, "is too long").optional()),
      subscription_id: z.preprocess(blank, id(GUID, "a subscription ID (a GUID)").optional()),
      month: z.preprocess(
        blank,
        z.string(required).transform((value, ctx) => {
          const month = parseMonthKey(value);
          if (!month) ctx.addIssue({ code: "custom", message: "must be a month written YYYY-MM" });
          else if (month.getTime() > latest.getTime()) ctx.addIssue({ code: "custom", message: `must not be after the current month (${monthKey(latest)})` });
          else return month;
          return z.NEVER;
        }),
      ),
      active_users: z.preprocess(blank, z.string(required).pipe(count)),
      licensed_seats: z.preprocess(blank, count.optional()),
    })
    .superRefine((row, ctx) => {
      const issue = (field: Column, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
      if (row.workload_id && row.subscription_id) issue("subscription_id", "give a workload_id or a subscription_id, not both");
      else if (!row.workload_id && !row.subscription_id) issue("workload_id", "give a workload_id (Modern Work and Security) or a subscription_id (Business Applications)");
      else if (row.workload_id && row.licensed_seats !== undefined) issue("licensed_seats", "is only for a subscription (Business Applications)");
      else if (row.subscription_id && row.licensed_seats === undefined) issue("licensed_seats", "is required for a subscription");
    });
}

/** The figure's natural key: tenant+workload+month, or subscription+month. */
export const naturalKey = (row: Pick<UsageRow, "tenantId" | "workloadId" | "subscriptionId" | "month">) =>
  row.subscriptionId ? `subscription ${row.subscriptionId} ${monthKey(row.month)}` : `workload ${row.tenantId} ${row.workloadId} ${monthKey(row.month)}`;

function headerErrors(header: string[]): UsageFileError[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(USAGE_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  return [
    ...unknown.map((field) => ({ row: 1, field, message: `is not a column of the usage file (its columns: ${USAGE_COLUMNS.join(", ")})` })),
    ...missing.map((field) => ({ row: 1, field, message: "column is missing" })),
    ...repeated.map((field) => ({ row: 1, field, message: "column appears twice" })),
  ];
}

/**
 * Reads a usage file: a header line naming the columns (any order), then one figure per line. Returns
 * every row, or every error found (all rows are checked, so one run lists everything to fix).
 */
export function readUsageFile(text: string, { now = new Date() }: { now?: Date } = {}): UsageFileResult {
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ row: csv.line, field: "", message: csv.problem === "unclosedQuote" ? "a quoted field is never closed" : "text after a closing quote" }] };
  const [header, ...records] = csv.records;
  if (!header) return { ok: false, errors: [{ row: 1, field: "", message: "the file is empty: it needs a header line and figures" }] };
  const errors = headerErrors(header.fields);
  if (errors.length > 0) return { ok: false, errors };
  if (records.length === 0) return { ok: false, errors: [{ row: 1, field: "", message: "the file has a header but no figures" }] };

  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const schema = rowSchema(now);
  const rows: UsageRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== columns.length) {
      errors.push({ row: record.line, field: "", message: `has ${record.fields.length} fields, the header ${columns.length}` });
      continue;
    }
    const parsed = schema.safeParse(Object.fromEntries(columns.map((name, i) => [name, record.fields[i]])));
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((issue) => ({ row: record.line, field: String(issue.path[0] ?? ""), message: issue.message })));
      continue;
    }
    const { tenant_id, workload_id, subscription_id, month, active_users, licensed_seats } = parsed.data;
    const row = { row: record.line, tenantId: tenant_id, workloadId: workload_id ?? null, subscriptionId: subscription_id ?? null, month, activeUsers: active_users, licensedSeats: licensed_seats ?? null };
    const key = naturalKey(row);
    const first = firstRowOf.get(key);
    if (first !== undefined) errors.push({ row: record.line, field: "month", message: `repeats the figure of row ${first} (same ${row.subscriptionId ? "subscription" : "tenant, workload"} and month)` });
    else firstRowOf.set(key, record.line);
    rows.push(row);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
