// The usage file (lib/usage/file.ts) and the CSV reader under it (lib/csv.ts): what a good file gives, and
// for a bad one every error with the line it is on, the column and what is wrong.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "@/lib/csv";
import { readUsageFile } from "@/lib/usage/file";

const NOW = new Date(Date.UTC(2026, 10, 15));
const TENANT = "4f2c1a7e-8b3d-4c6e-9a1f-2d5b7c9e0a13";
const SUBSCRIPTION = "6a1d3c5e-0b2f-4a7c-9e8d-1f3b5d7a9c20";
const HEADER = "tenant_id,workload_id,subscription_id,month,active_users,licensed_seats";
const file = (...lines: string[]) => [HEADER, ...lines].join("\r\n") + "\r\n";
const errorsOf = (text: string) => {
  const result = readUsageFile(text, { now: NOW });
  return result.ok ? [] : result.errors;
};

describe("readCsv", () => {
  it("reads quoted fields (commas, doubled quotes, line breaks), CRLF or LF, a BOM, and skips blank lines", () => {
    const result = readCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\n\n3,\r\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["x, y", 'say "hi"\nthere'] },
        { line: 5, fields: ["3", ""] },
      ],
    });
  });

  it("refuses a quote left open, or text after a closing quote, naming the line", () => {
    expect(readCsv('a\n"open\nstill')).toEqual({ ok: false, line: 2, problem: "unclosedQuote" });
    expect(readCsv('a\nb\n"x"y')).toEqual({ ok: false, line: 3, problem: "textAfterQuote" });
  });
});

describe("readUsageFile", () => {
  it("reads tenant workload and subscription figures (columns in any order, padded cells, upper-case IDs)", () => {
    const text = ["month,active_users,tenant_id,workload_id,subscription_id,licensed_seats", `2026-10, 1150 ,${TENANT.toUpperCase()},mws-microsoft-teams,,`, `2026-11,95,${TENANT},,${SUBSCRIPTION},120`].join("\n");
    expect(readUsageFile(text, { now: NOW })).toEqual({
      ok: true,
      rows: [
        { row: 2, tenantId: TENANT, workloadId: "mws-microsoft-teams", subscriptionId: null, month: new Date(Date.UTC(2026, 9, 1)), activeUsers: 1150, licensedSeats: null },
        { row: 3, tenantId: TENANT, workloadId: null, subscriptionId: SUBSCRIPTION, month: new Date(Date.UTC(2026, 10, 1)), activeUsers: 95, licensedSeats: 120 },
      ],
    });
  });

  it("reads the README's sample file", async () => {
    const sample = await readFile(path.resolve("prisma/usage-sample.csv"), "utf8");
    const result = readUsageFile(sample, { now: NOW });
    expect(result.ok && result.rows.map((r) => r.workloadId ?? r.subscriptionId)).toEqual(["mws-exchange-online", "mws-exchange-online", "mws-microsoft-teams", "mws-microsoft-teams", "7b2e4d6f-1c3a-4b8d-8f9e-2a4c6e8b0d31"]);
  });

  it("lets a file of one kind leave out the other kind's columns", () => {
    const text = `tenant_id,workload_id,month,active_users\n${TENANT},mws-onedrive,2026-01,900\n`;
    expect(readUsageFile(text, { now: NOW }).ok).toBe(true);
  });

  it("lists every error of every row, with its line, column and message", () => {
    const errors = errorsOf(
      file(
        `${TENANT},mws-microsoft-teams,,2026-10,1150,`, // line 2: good
        `not-a-guid,mws-microsoft-teams,,2026-10,1150,`, // line 3
        `${TENANT},mws-microsoft-teams,,Oct 2026,-4,`, // line 4: two fields wrong
        `${TENANT},,,2026-10,10,`, // line 5: neither item
        `${TENANT},mws-onedrive,${SUBSCRIPTION},2026-10,10,12`, // line 6: both
        `${TENANT},,${SUBSCRIPTION},2026-10,10,`, // line 7: seats missing
        `${TENANT},mws-onedrive,,2026-10,10,12`, // line 8: seats for a workload
        `${TENANT},mws-onedrive,,2026-12,10,`, // line 9: a future month
        `${TENANT},mws-microsoft-teams,,2026-10,1151,`, // line 10: repeats line 2
        `${TENANT},mws-onedrive,,2026-10`, // line 11: too few fields
        `,mws-onedrive,,,,`, // line 12: required fields empty
      ),
    );
    expect(errors).toEqual([
      { row: 3, field: "tenant_id", message: "must be a tenant ID (a GUID)" },
      { row: 4, field: "month", message: "must be a month written YYYY-MM" },
      { row: 4, field: "active_users", message: "must be a whole number, 0 or more" },
      { row: 5, field: "workload_id", message: expect.stringContaining("give a workload_id") },
      { row: 6, field: "subscription_id", message: "give a workload_id or a subscription_id, not both" },
      { row: 7, field: "licensed_seats", message: "is required for a subscription" },
      { row: 8, field: "licensed_seats", message: "is only for a subscription (Business Applications)" },
      { row: 9, field: "month", message: "must not be after the current month (2026-11)" },
      { row: 10, field: "month", message: "repeats the figure of row 2 (same tenant, workload and month)" },
      { row: 11, field: "", message: "has 4 fields, the header 6" },
      { row: 12, field: "tenant_id", message: "is required" },
      { row: 12, field: "month", message: "is required" },
      { row: 12, field: "active_users", message: "is required" },
    ]);
  });

  it("counts lines, not records: a quoted line break moves the next row's number", () => {
    const errors = errorsOf(file(`${TENANT},"mws-microsoft-\nteams",,2026-10,1,`, `${TENANT},mws-onedrive,,2026-13,1,`));
    expect(errors).toEqual([{ row: 4, field: "month", message: "must be a month written YYYY-MM" }]);
  });

  it("refuses a file without the columns it needs, or without figures, as row 1", () => {
    expect(errorsOf("tenant,month,active_users\n")).toEqual([
      { row: 1, field: "tenant", message: expect.stringContaining("is not a column of the usage file") },
      { row: 1, field: "tenant_id", message: "column is missing" },
    ]);
    expect(errorsOf(`${HEADER}\n`)).toEqual([{ row: 1, field: "", message: "the file has a header but no figures" }]);
    expect(errorsOf("")).toEqual([{ row: 1, field: "", message: "the file is empty: it needs a header line and figures" }]);
    expect(errorsOf(`${HEADER}\n"${TENANT}`)).toEqual([{ row: 2, field: "", message: "a quoted field is never closed" }]);
  });
});
