// The well-formed text primitive (lib/text.ts): which characters a field, an id or a URL parameter may
// hold, the field message for the rest, and the lenient forms for searches and page numbers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clearableText, idSchema, isWellFormedText, optionalText, pageNumber, parseId, requiredText, searchText, stripUnsafeText, wellFormedText } from "@/lib/text";
import { hostileString, oddNumber, refusedString } from "../support/hostile-text";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : result.error!.issues[0].message);

describe("isWellFormedText", () => {
  it("refuses NUL, other control characters and lone surrogates; keeps every other character", () => {
    for (const bad of ["a\u0000b", "\u0001", "x\u001b[31m", "\u007f", "\u0085", "\u009f", "\uD800", "a\uDC00", "\uDE00\uD83D", "😀\uD83D"]) expect(isWellFormedText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ["", "Contoso, Ltd.", "日本語の名前", "😀 emoji", "\u202Eright-to-left", "zero\u200Bwidth", "\uFFFD", "=1+1", "a\u00a0b"]) expect(isWellFormedText(good), JSON.stringify(good)).toBe(true);
  });

  it("allows tab and line breaks only in multi-line text", () => {
    for (const value of ["a\tb", "line\nbreak", "cr\r\nlf"]) {
      expect(isWellFormedText(value)).toBe(false);
      expect(isWellFormedText(value, { multiline: true })).toBe(true);
    }
    expect(isWellFormedText("a\u0000\n", { multiline: true })).toBe(false);
    expect(isWellFormedText("\u000b", { multiline: true })).toBe(false);
  });

  it("agrees with String.prototype.isWellFormed on surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), hostileString(), (a, b) => {
        for (const value of [a, b]) {
          const noControls = !/[\u0000-\u001f\u007f-\u009f]/.test(value);
          expect(isWellFormedText(value)).toBe(noControls && value.isWellFormed());
        }
      }),
    );
  });
});

describe("stripUnsafeText", () => {
  it("drops exactly the characters that are not well formed, and is idempotent", () => {
    expect(stripUnsafeText("a\u0000b\uD800c\u001f")).toBe("abc");
    expect(stripUnsafeText("a\tb\nc")).toBe("abc");
    expect(stripUnsafeText("a\tb\nc\u0000", { multiline: true })).toBe("a\tb\nc");
    fc.assert(
      fc.property(hostileString(), fc.boolean(), (value, multiline) => {
        const stripped = stripUnsafeText(value, { multiline });
        expect(isWellFormedText(stripped, { multiline })).toBe(true);
        expect(stripUnsafeText(stripped, { multiline })).toBe(stripped);
        if (isWellFormedText(value, { multiline })) expect(stripped).toBe(value);
      }),
    );
  });
});

describe("text fields", () => {
  it("refuse text that is not well formed with the invalidCharacters message", () => {
    expect(messageOf(requiredText(100).safeParse("Claim\u0000"))).toBe("invalidCharacters");
    expect(messageOf(requiredText(100).safeParse("Claim \uD800"))).toBe("invalidCharacters");
    expect(messageOf(optionalText(100).safeParse("\u0007"))).toBe("invalidCharacters");
    expect(messageOf(clearableText(100).safeParse("a\u0000"))).toBe("invalidCharacters");
    expect(messageOf(requiredText(100).safeParse("two\nlines"))).toBe("invalidCharacters");
    expect(requiredText(100, { multiline: true }).parse(" two\nlines ")).toBe("two\nlines");
  });

  it("trim first: white space around the value, line breaks too, is no error", () => {
    expect(requiredText(100).parse("\r\n\t Contoso \u000b")).toBe("Contoso");
    expect(messageOf(requiredText(100).safeParse(" \t\r\n"))).toBe("required");
    expect(optionalText(100).parse("  ")).toBeUndefined();
    expect(clearableText(100).parse("  ")).toBe("");
    expect(messageOf(requiredText(3).safeParse("abcd"))).toBe("tooLong");
  });

  it("never throw, and what they accept is well formed and within the limit", () => {
    const schemas = [requiredText(10), requiredText(10, { multiline: true }), optionalText(10), clearableText(10, { multiline: true }), wellFormedText()];
    fc.assert(
      fc.property(fc.oneof(hostileString(), fc.anything()), (value) => {
        for (const schema of schemas) {
          const result = schema.safeParse(value);
          if (!result.success || typeof result.data !== "string") continue;
          expect(isWellFormedText(result.data, { multiline: true })).toBe(true);
          // Lengths count characters (code points), as zod does.
          expect(Array.from(result.data).length).toBeLessThanOrEqual(schema === schemas[4] ? Infinity : 10);
        }
      }),
    );
  });

  it("always refuse a string holding NUL or a lone surrogate", () => {
    fc.assert(
      fc.property(refusedString, (value) => {
        expect(messageOf(requiredText(100, { multiline: true }).safeParse(value))).not.toBeNull();
        expect(messageOf(optionalText(100, { multiline: true }).safeParse(value))).not.toBeNull();
      }),
    );
  });
});

describe("ids", () => {
  it("are 1 to 64 visible ASCII characters", () => {
    for (const good of ["new", "cmx0abc123", "mws-microsoft-teams", "4f2c1a7e-8b3d-4c6e-9a1f-2d5b7c9e0a13", "x".repeat(64)]) {
      expect(parseId(good)).toBe(good);
      expect(idSchema.safeParse(good).success).toBe(true);
    }
    for (const bad of ["", "x".repeat(65), "a b", "a\u0000", "\uD800", "ｃｌａｉｍ", "é", "a\n", 42, null, undefined, ["a"]]) {
      expect(parseId(bad), JSON.stringify(bad)).toBeNull();
      expect(messageOf(idSchema.safeParse(bad))).toBe("invalidRequest");
    }
  });

  it("parseId and idSchema agree on any input", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(70), fc.anything()), (value) => {
        expect(parseId(value) !== null).toBe(idSchema.safeParse(value).success);
      }),
    );
  });
});

describe("searchText", () => {
  it("keeps the text of a search: first value, stripped, trimmed, cut by characters", () => {
    expect(searchText("  Contoso\u0000 Ltd ")).toBe("Contoso Ltd");
    expect(searchText("a\tb")).toBe("a b");
    expect(searchText(["first", "second"])).toBe("first");
    expect(searchText("\u0000\uD800")).toBeUndefined();
    expect(searchText(undefined)).toBeUndefined();
    expect(searchText(`${"a".repeat(99)}😀😀`, 100)).toBe(`${"a".repeat(99)}😀`);
  });

  it("gives well-formed text or nothing, for anything", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(), fc.array(hostileString()), fc.anything()), fc.integer({ min: 1, max: 50 }), (value, max) => {
        const text = searchText(value, max);
        if (text === undefined) return;
        expect(isWellFormedText(text)).toBe(true);
        expect(Array.from(text).length).toBeLessThanOrEqual(max);
        expect(text).toBe(text.trim());
      }),
    );
  });
});

describe("pageNumber", () => {
  it("clamps to 1..max and falls back to 1", () => {
    expect(pageNumber("3")).toBe(3);
    expect(pageNumber("99999999999999999999")).toBe(10_000);
    expect(pageNumber("1e308")).toBe(1);
    expect(pageNumber("-5")).toBe(1);
    expect(pageNumber(undefined)).toBe(1);
    expect(pageNumber(["2", "3"])).toBe(2);
    expect(pageNumber("50", 20)).toBe(20);
  });

  it("is always a whole number within the range", () => {
    fc.assert(
      fc.property(fc.oneof(oddNumber, fc.anything()), (value) => {
        const page = pageNumber(value);
        expect(Number.isSafeInteger(page)).toBe(true);
        expect(page).toBeGreaterThanOrEqual(1);
        expect(page).toBeLessThanOrEqual(10_000);
      }),
    );
  });
});
