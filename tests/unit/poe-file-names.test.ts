// The names PoE files are kept and downloaded under.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanFileName, downloadName } from "@/lib/poe/files";
import { Refusal } from "@/lib/refusal";
import { isWellFormedText } from "@/lib/text";
import { hostileString } from "../support/hostile-text";

const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];
const ZERO_WIDTH = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];
const INVISIBLE = new RegExp(`[${[...BIDI, ...ZERO_WIDTH].join("")}]`);

describe("cleanFileName", () => {
  it("drops any path and control characters, and refuses names left empty", () => {
    expect(cleanFileName("C:\\Users\\pat\\signed poe.pdf")).toBe("signed poe.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\u001f.pdf")).toBe("ab.pdf");
    for (const bad of ["", "  ", "dir/", "..", "\u0007"]) expect(() => cleanFileName(bad)).toThrow(Refusal);
  });

  it("drops bidirectional controls and zero-width characters, which disguise a name", () => {
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("\u2066report\u2069.pdf")).toBe("report.pdf");
    expect(cleanFileName("a\u200Bb\u200C\u200Dc\u2060\uFEFF.pdf")).toBe("abc.pdf");
    expect(cleanFileName("\u200E\u200F\u061Cname.pdf")).toBe("name.pdf");
    for (const char of [...BIDI, ...ZERO_WIDTH]) expect(cleanFileName(`x${char}.pdf`), JSON.stringify(char)).toBe("x.pdf");
    // Real right-to-left text stays.
    expect(cleanFileName("تقرير.pdf")).toBe("تقرير.pdf");
    for (const bad of ["\u202E", "\u200B\uFEFF", " \u2066 "]) expect(() => cleanFileName(bad)).toThrow(Refusal);
  });

  it("drops lone surrogates and tabs and line breaks", () => {
    expect(cleanFileName("a\uD800b.pdf")).toBe("ab.pdf");
    expect(cleanFileName("a\tb\r\n.pdf")).toBe("ab.pdf");
  });

  it("gives a clean name or refuses, for any input", () => {
    fc.assert(
      fc.property(hostileString(60), (name) => {
        let cleaned: string;
        try {
          cleaned = cleanFileName(name);
        } catch (error) {
          expect(error).toBeInstanceOf(Refusal);
          return;
        }
        expect(isWellFormedText(cleaned)).toBe(true);
        expect(cleaned).not.toMatch(INVISIBLE);
        expect(cleaned).not.toMatch(/[\\/]/);
        expect(Array.from(cleaned).length).toBeLessThanOrEqual(200);
        expect(cleaned).toBe(cleaned.trim());
      }),
    );
  });

  it("shortens long names by characters, not code units, and keeps the extension", () => {
    const emoji = cleanFileName(`${"a".repeat(199)}😀😀.pdf`);
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji.endsWith(".pdf")).toBe(true);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    const long = cleanFileName(`${"b".repeat(250)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith("b.pdf")).toBe(true);
  });
});

describe("downloadName", () => {
  it("ends with the extension of the type found in the content", () => {
    expect(downloadName("proof.pdf", "pdf")).toBe("proof.pdf");
    expect(downloadName("proof.PDF", "pdf")).toBe("proof.PDF");
    expect(downloadName("page.html", "pdf")).toBe("page.html.pdf");
    expect(downloadName("photo.jpeg", "jpeg")).toBe("photo.jpeg");
    expect(downloadName("scan", "png")).toBe("scan.png");
  });
});
