// The CSV writer of every export (lib/csv.ts): quoting, and no cell (nor any part of one after a
// comma, a semicolon or a line break) that a spreadsheet would run as a formula.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "@/lib/csv";
import { hostileString } from "../support/hostile-text";

/** A cell a spreadsheet may run: a formula character first (tab and CR too), or after spaces or quotes. */
const FORMULA = /^(?:[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]|[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** RFC 4180 fields of one record (quoted fields with doubled quotes and line breaks). */
function parseRecord(line: string): string[] {
  expect(line.endsWith("\r\n")).toBe(true);
  const text = line.slice(0, -2);
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  return [...fields, field];
}

describe("csvField", () => {
  it("quotes fields with a comma, a semicolon, a quote or a line break", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField("")).toBe("");
  });

  it("puts a single quote before a value that starts like a formula", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r", "\uFF1D"]) expect(csvField(`${lead}1+1`).replace(/^"/, "").startsWith(`'${lead}`), JSON.stringify(lead)).toBe(true);
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField(" =1")).toBe("' =1");
    expect(csvField('"=1"')).toBe(`"'""=1"""`);
    expect(csvField("2024-05-06T08:00:00.000Z")).toBe("2024-05-06T08:00:00.000Z");
  });

  it("neutralises every part after a comma, a semicolon or a line break", () => {
    expect(csvField("x;=1+1;@SUM(1+1);-2+3")).toBe(`"x;'=1+1;'@SUM(1+1);'-2+3"`);
    expect(csvField("a,=HYPERLINK(1)")).toBe(`"a,'=HYPERLINK(1)"`);
    expect(csvField("a; +1")).toBe(`"a;' +1"`);
    expect(csvField("line\n=1")).toBe(`"line\n'=1"`);
    expect(csvField("Contoso, Ltd.; Tokyo")).toBe(`"Contoso, Ltd.; Tokyo"`);
  });

  it("finds no formula in any cell, however the line is split, and loses nothing but the added quotes", () => {
    // Without single quotes in the input, removing the ones added gives the value back.
    const value = hostileString(30).filter((v) => !v.includes("'"));
    fc.assert(
      fc.property(value, value, (a, b) => {
        const line = csvRecord([a, b]);
        // Read as RFC 4180 with commas: two fields, each the value with quotes added before formula-like parts.
        const fields = parseRecord(line);
        expect(fields).toHaveLength(2);
        expect(fields.map((f) => f.replace(/'/g, ""))).toEqual([a, b]);
        for (const field of fields) expect(field).not.toMatch(FORMULA);
        // Split the raw text on every comma, semicolon and line break, ignoring quotes: still no formula.
        for (const piece of line.split(/[,;\r\n]/)) expect(piece, JSON.stringify(line)).not.toMatch(FORMULA);
      }),
    );
  });
});

describe("csvRecord", () => {
  it("joins the fields with commas and ends with CRLF", () => {
    expect(csvRecord(["a", "b,c", "=d"])).toBe(`a,"b,c",'=d\r\n`);
  });
});
