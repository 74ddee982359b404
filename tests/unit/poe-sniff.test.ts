import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PoeKind, poeKinds, SNIFF_BYTES, sniffPoeType } from "@/lib/poe/sniff";
import {
  buildCfb,
  buildZip,
  sampleDoc,
  sampleDocm,
  sampleDocx,
  sampleElf,
  sampleEml,
  sampleExe,
  sampleHtml,
  sampleJpeg,
  sampleMsg,
  samplePdf,
  samplePng,
  samplePptx,
  sampleShellScript,
  sampleXls,
  sampleXlsx,
  sampleZip,
} from "@/tests/support/poe-samples";

const text = (value: string) => new TextEncoder().encode(value);
const head = (file: Uint8Array) => file.subarray(0, SNIFF_BYTES);

describe("sniffPoeType", () => {
  const allowed: [string, () => Uint8Array, PoeKind][] = [
    ["PDF", () => samplePdf(), "pdf"],
    ["Word document", () => sampleDocx(), "docx"],
    ["Excel workbook", () => sampleXlsx(), "xlsx"],
    ["PowerPoint presentation", () => samplePptx(), "pptx"],
    ["PNG", () => samplePng(), "png"],
    ["JPEG", () => sampleJpeg(), "jpeg"],
    ["Outlook message", () => sampleMsg(), "msg"],
    ["RFC 822 message", () => sampleEml(), "eml"],
  ];
  it.each(allowed)("recognises a %s", async (_, sample, kind) => {
    expect(await sniffPoeType(sample())).toBe(kind);
  });

  const refused: [string, () => Uint8Array][] = [
    ["Windows executable", sampleExe],
    ["ELF executable", sampleElf],
    ["shell script", sampleShellScript],
    ["HTML page", sampleHtml],
    ["ZIP that is not OOXML", sampleZip],
    ["ZIP imitating OOXML folders without [Content_Types].xml", () => buildZip([{ name: "word/document.xml", data: "<w:document/>" }])],
    ["macro-enabled Word document (.docm)", sampleDocm],
    ["Word 97–2003 document (.doc, CFB)", () => sampleDoc()],
    ["Excel 97–2003 workbook (.xls, CFB)", sampleXls],
    ["empty file", () => new Uint8Array(0)],
    ["single byte", () => Uint8Array.of(0x25)],
    ["plain text", () => text("Works completed on 2 March.\nSigned: J. Doe\n")],
    ["GIF image", () => text("GIF89a\x01\x00\x01\x00\x00\x00\x00;")],
  ];
  it.each(refused)("refuses a %s", async (_, sample) => {
    expect(await sniffPoeType(sample())).toBeNull();
  });

  it("describes every kind with its MIME type and extension", () => {
    expect(Object.keys(poeKinds).sort()).toEqual(["docx", "eml", "jpeg", "msg", "pdf", "png", "pptx", "xlsx"]);
    expect(poeKinds.pdf).toEqual({ mime: "application/pdf", extension: "pdf" });
    expect(poeKinds.msg).toEqual({ mime: "application/vnd.ms-outlook", extension: "msg" });
    expect(poeKinds.eml).toEqual({ mime: "message/rfc822", extension: "eml" });
  });

  describe("content decides, not names", () => {
    it("a PDF is a PDF whatever it was called: only its bytes are read", async () => {
      expect(sniffPoeType).toHaveLength(1);
      expect(await sniffPoeType(samplePdf())).toBe("pdf");
    });

    it("refuses an executable that carries a PDF, or a PDF header, after its MZ header", async () => {
      const exe = sampleExe();
      const disguised = new Uint8Array(exe.length + 600);
      disguised.set(exe);
      disguised.set(samplePdf().subarray(0, 600), exe.length);
      expect(await sniffPoeType(disguised)).toBeNull();
    });

    it("refuses a PDF preceded by other bytes (readers tolerate it, the sniffer does not)", async () => {
      expect(await sniffPoeType(new Uint8Array([...text("\r\n"), ...samplePdf()]))).toBeNull();
    });
  });

  describe("big files: only the head is needed", () => {
    it("identifies a 30 MB PDF from its first SNIFF_BYTES, and trims a longer input itself", async () => {
      const pdf = samplePdf(30 * 1024 * 1024);
      expect(pdf.length).toBe(30 * 1024 * 1024);
      expect(await sniffPoeType(head(pdf))).toBe("pdf");
      expect(await sniffPoeType(pdf)).toBe("pdf");
    });

    it.each([
      ["stored", {}],
      ["deflated", { deflate: true }],
      ["deflated, streamed with data descriptors", { deflate: true, dataDescriptors: true }],
    ])("identifies OOXML (%s) whose large media entry runs past the head", async (_, zipOptions) => {
      const options = { ...zipOptions, mediaBytes: 2 * 1024 * 1024 };
      for (const [sample, kind] of [
        [sampleDocx, "docx"],
        [sampleXlsx, "xlsx"],
        [samplePptx, "pptx"],
      ] as const) {
        const file = sample(options);
        expect(file.length).toBeGreaterThan(SNIFF_BYTES);
        expect(await sniffPoeType(head(file))).toBe(kind);
      }
    });

    it("identifies OOXML whose [Content_Types].xml follows another entry inside the head", async () => {
      expect(await sniffPoeType(head(sampleDocx({ mediaBytes: 100 * 1024, mediaFirst: true })))).toBe("docx");
    });

    it("refuses OOXML whose [Content_Types].xml lies beyond the head (known limit)", async () => {
      expect(await sniffPoeType(head(sampleDocx({ mediaBytes: SNIFF_BYTES, mediaFirst: true })))).toBeNull();
    });

    it("identifies a PNG whose metadata before the image data runs past the head", async () => {
      const png = samplePng(SNIFF_BYTES + 1000);
      expect(await sniffPoeType(png)).toBe("png"); // whole file: file-type finds IDAT
      expect(await sniffPoeType(head(png))).toBe("png"); // head ends inside the tEXt chunk
    });

    it("refuses a PNG signature followed by something other than PNG chunks", async () => {
      const png = samplePng();
      expect(await sniffPoeType(new Uint8Array([...png.subarray(0, 8), ...sampleExe()]))).toBeNull();
    });

    it("identifies an Outlook message with a 1 MB attachment from its head", async () => {
      const msg = sampleMsg({ attachment: new Uint8Array(1024 * 1024).fill(0x41) });
      expect(msg.length).toBeGreaterThan(SNIFF_BYTES);
      expect(await sniffPoeType(head(msg))).toBe("msg");
    });

    it("identifies a big RFC 822 message from its head, even when it cuts a UTF-8 character", async () => {
      const eml = sampleEml({ body: text("é".repeat(SNIFF_BYTES)) });
      for (const length of [SNIFF_BYTES, SNIFF_BYTES - 1]) expect(await sniffPoeType(eml.subarray(0, length))).toBe("eml"); // one of them ends mid-"é"
    });
  });

  describe("CFB: Outlook message versus other compound files", () => {
    it("accepts a message with a .doc attached as bytes (the .doc's own directory is stream data)", async () => {
      expect(await sniffPoeType(sampleMsg({ attachment: "binary" }))).toBe("msg");
    });

    it("accepts a message with a .doc embedded as a storage (WordDocument below the root)", async () => {
      expect(await sniffPoeType(sampleMsg({ attachment: "embedded" }))).toBe("msg");
    });

    it("refuses a .doc whose text mentions the MSG entry names (UTF-16LE, as Word stores text)", async () => {
      expect(await sniffPoeType(sampleDoc("__properties_version1.0 __substg1.0_0037001F"))).toBeNull();
    });

    it("refuses a compound file mixing MSG entries with a root-level WordDocument", async () => {
      const hybrid = buildCfb([
        { name: "__properties_version1.0", data: new Uint8Array(48) },
        { name: "__substg1.0_0037001F", data: text("S\0") },
        { name: "WordDocument", data: new Uint8Array(4608) },
      ]);
      expect(await sniffPoeType(hybrid)).toBeNull();
    });

    it("requires both the property stream and a __substg1.0_ stream", async () => {
      expect(await sniffPoeType(buildCfb([{ name: "__properties_version1.0", data: new Uint8Array(48) }]))).toBeNull();
      expect(await sniffPoeType(buildCfb([{ name: "__substg1.0_0037001F", data: text("S\0") }]))).toBeNull();
    });

    it("refuses a bare CFB header", async () => {
      expect(await sniffPoeType(sampleMsg().subarray(0, 512))).toBeNull();
    });
  });

  describe("EML", () => {
    it("accepts leading blank lines", async () => {
      expect(await sniffPoeType(sampleEml({ leadingBlankLines: 3 }))).toBe("eml");
    });

    it("accepts LF line endings, a byte order mark and an mbox From line", async () => {
      const eml = "\uFEFFFrom site.manager@contractor.example Tue Mar  3 09:12:40 2026\nFrom: a@contractor.example\nSubject: Works done\n\nBody\n";
      expect(await sniffPoeType(text(eml))).toBe("eml");
    });

    it("accepts a message made only of headers (no body, no final newline)", async () => {
      expect(await sniffPoeType(text("From: a@contractor.example\nTo: claims@cpor.example"))).toBe("eml");
    });

    it("accepts a legacy 8-bit (Latin-1) body", async () => {
      expect(await sniffPoeType(sampleEml({ body: Uint8Array.of(0x43, 0x61, 0x66, 0xe9, 0x0d, 0x0a) }))).toBe("eml");
    });

    it("refuses a text with only one header-like line", async () => {
      expect(await sniffPoeType(text("Hello: world\n"))).toBeNull();
    });

    it("refuses header-like text without two well-known message headers", async () => {
      expect(await sniffPoeType(text("Hello: world\nFrom: someone\n\nBody\n"))).toBeNull();
      expect(await sniffPoeType(text("name: portal\nversion: 1.0\nprivate: true\n"))).toBeNull();
    });

    it("refuses HTML starting with <!DOCTYPE html>, even with message headers further down", async () => {
      expect(await sniffPoeType(sampleHtml())).toBeNull();
      expect(await sniffPoeType(text("<!DOCTYPE html>\nFrom: a@b.example\nTo: c@d.example\n\n<p>hi</p>\n"))).toBeNull();
    });

    it("refuses a script, even one with header-like lines", async () => {
      expect(await sniffPoeType(sampleShellScript())).toBeNull();
      expect(await sniffPoeType(text("#!/bin/sh\nFrom: a@b.example\nTo: c@d.example\n"))).toBeNull();
    });

    it("refuses a header block broken by a line that is not a header", async () => {
      expect(await sniffPoeType(text("From: a@b.example\nrm -rf /\nTo: c@d.example\n\nBody\n"))).toBeNull();
      expect(await sniffPoeType(text("From: a@b.example\nTo: c@d.example\nrm -rf /"))).toBeNull();
    });

    it("refuses text with a NUL byte or a header block that is not UTF-8", async () => {
      expect(await sniffPoeType(sampleEml({ body: Uint8Array.of(0x41, 0x00, 0x42) }))).toBeNull();
      expect(await sniffPoeType(Uint8Array.of(...text("From: Ren"), 0xe9, ...text("\nTo: c@d.example\n\nBody\n")))).toBeNull();
    });
  });

  it("never throws: random bytes and truncated samples resolve to a kind or null", async () => {
    const kinds = new Set<string | null>([...Object.keys(poeKinds), null]);
    const samples = [samplePdf(), sampleDocx({ deflate: true }), sampleXlsx(), samplePng(), sampleJpeg(), sampleMsg({ attachment: "binary" }), sampleEml(), sampleZip()];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect(kinds.has(await sniffPoeType(bytes))).toBe(true);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: samples.length - 1 }), fc.nat(), fc.nat(255), fc.nat(), async (which, cut, value, at) => {
        const sample = samples[which].slice(0, cut % (samples[which].length + 1));
        if (sample.length > 0) sample[at % sample.length] = value; // and one corrupted byte
        expect(kinds.has(await sniffPoeType(sample))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
