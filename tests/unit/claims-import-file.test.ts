// The claims import file (lib/claims/import-file.ts): the template, headers in English and Japanese in
// any order, the mapping of each cell to the wizard's input and every field error a row can get (the
// mapping's own, then the wizard's schema's, named by column), the file-level refusals, and the result file.
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvRecord, readCsv } from "@/lib/csv";
import { claimSchema, fieldErrorsOf } from "@/lib/claims/schemas";
import { columnHeader, columnOfField, IMPORT_MAX_ROWS, importColumns, importResultCsv, importTemplate, readImportFile } from "@/lib/claims/import-file";

const example = Object.fromEntries(importColumns.map((c) => [c.en, c.example]));
const file = (headers: string[], rows: Record<string, string>[]) => CSV_BOM + csvRecord(headers) + rows.map((row) => csvRecord(headers.map((h) => row[h] ?? ""))).join("");
const english = importColumns.map((c) => c.en);
const japanese = importColumns.map((c) => c.ja);

/** The field errors a row gets: the mapping's, and the wizard's schema's for the rest. */
function errorsOf(cells: Record<string, string>) {
  const read = readImportFile(file(english, [{ ...example, ...cells }]));
  if (!read.ok) throw new Error(read.problem);
  const [row] = read.rows;
  const parsed = claimSchema.safeParse(row.data);
  return { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...row.fieldErrors };
}

describe("the template", () => {
  it("is UTF-8 with a BOM, the English headers and one example row the wizard's schema accepts", () => {
    const template = importTemplate();
    expect(template.startsWith(CSV_BOM)).toBe(true);
    const read = readCsv(template);
    expect(read.ok && read.records.map((r) => r.fields)).toEqual([english, importColumns.map((c) => c.example)]);
    const imported = readImportFile(template);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.rows).toHaveLength(1);
    expect(imported.rows[0].line).toBe(2);
    expect(claimSchema.safeParse(imported.rows[0].data).success).toBe(true);
  });
});

describe("headers", () => {
  it("reads English and Japanese headers, in any order, to the same input", () => {
    const en = readImportFile(file(english, [example]));
    const reversed = [...japanese].reverse();
    const jaRow = Object.fromEntries(importColumns.map((c) => [c.ja, c.example]));
    const ja = readImportFile(file(reversed, [jaRow]));
    expect(en.ok && ja.ok).toBe(true);
    if (!en.ok || !ja.ok) return;
    expect(ja.rows[0].data).toEqual(en.rows[0].data);
    expect(en.rows[0].data).toMatchObject({ name: "Northwind Teams rollout", solutionArea: "MODERN_WORK_SECURITY", incentiveOptOut: false, workloadIds: ["mws-microsoft-teams", "mws-microsoft-intune"], subscriptionIds: [] });
  });

  it("accepts headers in other letter cases and with spaces around them, and leaves out optional columns", () => {
    const optional = new Set(["incentive_opt_out", "dynamics_seller_name", "customer_name", "isv_solution_name", "subscription_ids", "customer_contact_title", "customer_locale"]);
    const headers = english.filter((h) => !optional.has(h)).map((h) => ` ${h.toUpperCase()} `);
    const read = readImportFile(file(headers, [Object.fromEntries(headers.map((h) => [h, example[h.trim().toLowerCase()]]))]));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(claimSchema.parse(read.rows[0].data)).toMatchObject({ customerLocale: "en", incentiveOptOut: false, subscriptionIds: [] });
  });

  it("refuses an unknown column, a column twice and missing required columns, naming them", () => {
    expect(readImportFile(file([...english, "colour"], [example]))).toEqual({ ok: false, problem: "unknownColumn", column: "colour" });
    expect(readImportFile(file([...english, "要求名"], [example]))).toEqual({ ok: false, problem: "duplicateColumn", column: "要求名" });
    expect(readImportFile(file(english.filter((h) => h !== "tenant_id" && h !== "partner_id"), [example]))).toEqual({ ok: false, problem: "missingColumns", columns: ["partner_id", "tenant_id"] });
  });

  it("names a column in the user's language", () => {
    expect(columnHeader("tenantId", "en")).toBe("tenant_id");
    expect(columnHeader("tenantId", "ja")).toBe("顧客のテナント ID");
    expect(columnOfField("subscriptions.ba-dynamics-365-sales")).toBe("subscriptionIds");
    expect(columnHeader(columnOfField("subscriptions.ba-dynamics-365-sales"), "en")).toBe("subscription_ids");
  });
});

describe("the file", () => {
  it(`takes up to ${IMPORT_MAX_ROWS} rows and refuses more`, () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS }, () => example);
    const full = readImportFile(file(english, rows));
    expect(full.ok && full.rows.length).toBe(IMPORT_MAX_ROWS);
    expect(full.ok && full.rows.at(-1)?.line).toBe(IMPORT_MAX_ROWS + 1);
    expect(readImportFile(file(english, [...rows, example]))).toEqual({ ok: false, problem: "tooManyRows", max: IMPORT_MAX_ROWS, rows: IMPORT_MAX_ROWS + 1 });
  });

  it("refuses a file without rows and one that is not CSV, with its line", () => {
    expect(readImportFile("")).toEqual({ ok: false, problem: "empty" });
    expect(readImportFile(csvRecord(english))).toEqual({ ok: false, problem: "empty" });
    expect(readImportFile(csvRecord(english) + '"open,')).toEqual({ ok: false, problem: "unreadable", line: 2 });
  });

  it("numbers rows by their line in the file, also after a cell with a line break", () => {
    const read = readImportFile(file(english, [{ ...example, customer_contact_address: "1 Main Street\nSeattle" }, example]));
    expect(read.ok && read.rows.map((r) => r.line)).toEqual([2, 4]);
  });
});

describe("every field error, by column", () => {
  const cases: [string, Record<string, string>, Record<string, string>][] = [
    ["a solution area that is not a code", { solution_area: "Modern work" }, { solutionArea: "import.choice" }],
    ["no solution area", { solution_area: "" }, { solutionArea: "required" }],
    ["a role that is not a code", { partner_role: "advisor" }, { partnerRole: "import.choice" }],
    ["a role of the other area", { partner_role: "BUILD_INTENT_ADVISOR" }, { partnerRole: "roleNotInArea" }],
    ["no claim name", { claim_name: " " }, { name: "required" }],
    ["a claim name too long", { claim_name: "x".repeat(101) }, { name: "tooLong" }],
    ["a control character in the name", { claim_name: "a\u0007b" }, { name: "invalidCharacters" }],
    ["no PartnerID", { partner_id: "" }, { partnerId: "required" }],
    ["a tenant that is not a GUID", { tenant_id: "northwind" }, { tenantId: "tenantId" }],
    ["no tenant", { tenant_id: "" }, { tenantId: "required" }],
    ["an opt-out that is neither yes nor no", { incentive_opt_out: "maybe" }, { incentiveOptOut: "import.yesNo" }],
    ["no workloads", { workload_ids: " ; " }, { workloadIds: "workloadsRequired" }],
    ["revenue details missing for influenced revenue", { solution_area: "BUSINESS_APPLICATIONS", partner_role: "INFLUENCED_REVENUE" }, { dynamicsSellerName: "required", customerName: "required", isvSolutionName: "required" }],
    ["no customer contact name", { customer_contact_name: "" }, { customerContactName: "required" }],
    ["a customer contact title too long", { customer_contact_title: "x".repeat(101) }, { customerContactTitle: "tooLong" }],
    ["no customer address", { customer_contact_address: "" }, { customerContactAddress: "required" }],
    ["a customer email that is not one", { customer_contact_email: "nancy" }, { customerContactEmail: "email" }],
    ["a language the customer email does not come in", { customer_locale: "fr" }, { customerLocale: "import.choice" }],
    ["no partner contact name", { partner_contact_name: "" }, { partnerContactName: "required" }],
    ["a partner email that is not one", { partner_contact_email: "pat@" }, { partnerContactEmail: "email" }],
  ];
  it.each(cases)("%s", (_label, cells, expected) => {
    expect(errorsOf(cells)).toEqual(expected);
  });

  it("maps yes/no words in both languages, codes in any case, and lists separated by semicolons", () => {
    for (const [word, value] of [["yes", true], ["はい", true], ["TRUE", true], ["no", false], ["いいえ", false], ["", false]] as const) {
      const read = readImportFile(file(english, [{ ...example, incentive_opt_out: word }]));
      expect(read.ok && read.rows[0].data.incentiveOptOut).toBe(value);
    }
    const read = readImportFile(file(english, [{ ...example, solution_area: "business applications", partner_role: "build-intent-advisor", customer_locale: "JA", subscription_ids: "A;  b ;" }]));
    expect(read.ok && read.rows[0].data).toMatchObject({ solutionArea: "BUSINESS_APPLICATIONS", partnerRole: "BUILD_INTENT_ADVISOR", customerLocale: "ja", subscriptionIds: ["A", "b"] });
  });
});

describe("the result file", () => {
  it("has the row, the status, the claim id or the errors before the file's own cells, formulas neutralised", () => {
    const read = readImportFile(file(english, [example, { ...example, claim_name: "=HYPERLINK(\"x\")", tenant_id: "bad" }]));
    if (!read.ok) throw new Error(read.problem);
    const csv = importResultCsv(read.headers, read.rows, [
      { line: 2, status: "created", claimId: "c1" },
      { line: 3, status: "failed", fieldErrors: { tenantId: "tenantId" } },
    ], (field, key) => `${columnHeader(field, "en")}: ${key}`);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const records = readCsv(csv);
    if (!records.ok) throw new Error("unreadable");
    const [header, created, failed] = records.records.map((r) => r.fields);
    expect(header.slice(0, 5)).toEqual(["row", "status", "claim_id", "error", "claim_name"]);
    expect(created.slice(0, 5)).toEqual(["2", "created", "c1", "", "Northwind Teams rollout"]);
    expect(failed.slice(0, 5)).toEqual(["3", "failed", "", "tenant_id: tenantId", "'=HYPERLINK(\"x\")"]);
  });
});
