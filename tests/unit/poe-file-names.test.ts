// The names PoE files are kept and downloaded under.
import { describe, expect, it } from "vitest";
import { cleanFileName, downloadName, PoeFileRefused } from "@/lib/poe/files";

describe("cleanFileName", () => {
  it("drops any path and control characters, and refuses names left empty", () => {
    expect(cleanFileName("C:\\Users\\pat\\signed poe.pdf")).toBe("signed poe.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\u001f.pdf")).toBe("ab.pdf");
    for (const bad of ["", "  ", "dir/", "..", "\u0007"]) expect(() => cleanFileName(bad)).toThrow(PoeFileRefused);
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
