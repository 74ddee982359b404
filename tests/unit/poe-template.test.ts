// The proof-of-execution template: a real .docx in the claim's language, prefilled and correctly escaped.
import { inflateRawSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { POE_TEMPLATE_MIME, poeTemplateFileName, renderPoeTemplate, type PoeTemplateInput } from "@/lib/poe/template";

/** Reads one entry of a zip archive through its central directory (stored or deflated entries). */
function unzipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip archive");
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let index = 0; index < entries; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error("corrupt central directory");
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return data.toString("utf8");
      if (method === 8) return inflateRawSync(data).toString("utf8");
      throw new Error(`unsupported compression method ${method}`);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} not in the archive`);
}

/** The document's visible text: the contents of its w:t elements, with the XML entities decoded. */
function visibleText(xml: string): string {
  const decode = (text: string) =>
    text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
      const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
      if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
      return named[entity.toLowerCase()];
    });
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decode(match[1])).join("\n");
}

/** A strict-enough well-formedness check: every tag closes in order and every "&" starts an entity. */
function expectWellFormed(xml: string) {
  expect(xml.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, "")).not.toContain("&");
  const stack: string[] = [];
  for (const [, closing, tag, attributes, selfClosing] of xml.replace(/<\?[^>]*\?>/g, "").matchAll(/<(\/?)([\w:.-]+)([^<>]*?)(\/?)>/g)) {
    expect(attributes).toMatch(/^(\s+[\w:.-]+=("[^"<&]*(&[^;\s]+;[^"<&]*)*"|'[^'<&]*(&[^;\s]+;[^'<&]*)*'))*\s*$/);
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(tag);
    else stack.push(tag);
  }
  expect(stack).toEqual([]);
  // Nothing but text between tags: no stray "<" or ">" from unescaped names.
  expect(xml.replace(/<[^<>]*>/g, "")).not.toMatch(/[<>]/);
}

const base: PoeTemplateInput = {
  locale: "en",
  claimName: "Northwind Sales rollout 2025",
  partnerName: "Contoso",
  partnerId: "4412345",
  customerName: "Northwind Traders",
  tenantId: "4f2c1a7e-8b3d-4c6e-9a1f-2d5b7c9e0a13",
  solutionArea: "BUSINESS_APPLICATIONS",
  partnerRole: "Build intent - Advisor",
  workloads: [
    { name: "Dynamics 365 Sales", subscriptionIds: ["6a1d3c5e-0b2f-4a7c-9e8d-1f3b5d7a9c20"] },
    { name: "Power Apps", subscriptionIds: ["7b2e4d6f-1c3a-4b8d-8f9e-2a4c6e8b0d31", "0d4a6f8b-3e5c-4daf-8b1a-4c6e8a0d2f53"] },
  ],
  customerContact: { name: "Maria Anders", title: "IT Director", email: "maria@northwind.example" },
  partnerContact: { name: "Ken Sato", email: "ken.sato@contoso.example" },
  generatedAt: new Date("2025-06-30T12:00:00.000Z"),
};

async function render(input: PoeTemplateInput) {
  const buffer = await renderPoeTemplate(input);
  expect(Buffer.isBuffer(buffer)).toBe(true);
  expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
  const xml = unzipEntry(buffer, "word/document.xml");
  return { buffer, xml, text: visibleText(xml), footer: visibleText(unzipEntry(buffer, "word/footer1.xml")) };
}

function expectClaimData(text: string, input: PoeTemplateInput) {
  for (const value of [input.partnerName, input.partnerId, input.tenantId, input.customerContact.name, input.customerContact.email, input.partnerContact.name, input.partnerContact.email, input.claimName, input.partnerRole]) {
    expect(text).toContain(value);
  }
  for (const workload of input.workloads) {
    expect(text).toContain(workload.name);
    for (const id of workload.subscriptionIds) expect(text).toContain(id);
  }
}

describe("renderPoeTemplate", () => {
  it("renders an English .docx prefilled with the claim", async () => {
    const { xml, text, footer } = await render(base);
    expectWellFormed(xml);
    expectClaimData(text, base);
    expect(text).toContain("Proof of execution — customer association (CPOR)");
    for (const label of ["Partner information", "Customer information", "Workloads by activity type", "Activities performed", "Customer acknowledgement", "Public Sector Disclosure"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("Business Applications");
    expect(text).toContain("Adoption & change management");
    expect(xml).toContain("Adoption &amp; change management");
    expect(text).toContain("within the last 12 months");
    expect(text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // no Japanese in the English document
    // Six unticked activity boxes (Word checkbox controls showing ☐) per workload.
    expect(xml.match(/<w14:checkbox>/g)).toHaveLength(base.workloads.length * 6);
    expect(xml).toContain('w:char="2610"');
    expect(footer).toContain("June 30, 2025");
    expect(footer).toContain(base.claimName);
  });

  it("renders a Japanese .docx entirely in Japanese, with a Japanese font", async () => {
    const input: PoeTemplateInput = {
      ...base,
      locale: "ja",
      solutionArea: "MODERN_WORK_SECURITY",
      partnerRole: "使用または消費",
      claimName: "ノースウィンド Teams 展開",
      workloads: [{ name: "Microsoft Teams", subscriptionIds: [] }, { name: "Exchange Online", subscriptionIds: [] }],
    };
    const { xml, text, footer } = await render(input);
    expectWellFormed(xml);
    expectClaimData(text, input);
    expect(text).toContain("実行証明書");
    expect(text).toContain("顧客の関連付け");
    expect(text).toContain("パートナー ID");
    expect(text).toContain("テナント ID");
    expect(text).toContain("ワークロード");
    expect(text).toContain("モダン ワークとセキュリティ");
    expect(text).not.toContain("Proof of execution");
    expect(text).not.toContain("Partner information");
    expect(text).not.toContain("Public Sector Disclosure");
    expect(footer).toContain("2025年6月30日");
    expect(footer).toContain(input.claimName);
  });

  it.each(["en", "ja"] as const)("resolves every text of the %s document (no missing message, no unresolved parameter)", async (locale) => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { text, footer } = await render({ ...base, locale });
      for (const part of [text, footer]) {
        expect(part).not.toMatch(/[{}]/);
        expect(part).not.toMatch(/\b(PoeTemplate|Areas)\.[A-Za-z_]/);
      }
      expect(text).toContain(base.partnerName);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("uses an East Asian font and Japanese language for ja only", async () => {
    const [enDoc, jaDoc] = await Promise.all([renderPoeTemplate(base), renderPoeTemplate({ ...base, locale: "ja" })]);
    const jaStyles = unzipEntry(jaDoc, "word/styles.xml");
    expect(jaStyles).toMatch(/w:eastAsia="Yu Gothic"/);
    expect(jaStyles).toContain('w:val="ja-JP"');
    expect(unzipEntry(enDoc, "word/styles.xml")).not.toContain("Yu Gothic");
  });

  it("escapes XML special characters in names", async () => {
    const tricky = 'R&D <Team> "Ltd"';
    const input: PoeTemplateInput = {
      ...base,
      partnerName: tricky,
      customerName: "Fabrikam & Sons <'Japan'>",
      claimName: `Claim ${tricky}`,
      workloads: [{ name: `Workload ${tricky}`, subscriptionIds: [] }],
      customerContact: { name: `O'Brien & <Co>`, title: null, email: "ob@example.com" },
    };
    const { buffer, xml, text } = await render(input);
    expectWellFormed(xml);
    expect(xml).toContain("R&amp;D");
    expect(xml).toContain("&lt;Team&gt;");
    expect(xml).not.toContain("<Team>");
    expect(text).toContain(tricky);
    expect(text).toContain(`O'Brien & <Co>`);
    expect(text).toContain("Fabrikam & Sons <'Japan'>");
    // The document properties carry the names too.
    const core = unzipEntry(buffer, "docProps/core.xml");
    expectWellFormed(core);
    expect(core).toContain("R&amp;D");
  });

  it("leaves the customer's company blank to fill in when it is unknown, and drops characters XML cannot hold", async () => {
    const { xml, text } = await render({ ...base, customerName: null, partnerName: "Contoso\u0001\u0008 Ltd", workloads: [] });
    expectWellFormed(xml);
    expect(text).not.toContain("Northwind Traders");
    expect(text).toContain("To be completed by the customer");
    expect(text).toContain("Contoso Ltd");
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });
});

describe("poeTemplateFileName", () => {
  it.each([
    ["Northwind Sales rollout 2025", "en"],
    ["a/b\\c: d*e?f\"g<h>i|j", "en"],
    ["ノースウィンド Teams 展開", "ja"],
    ["実行証明書", "ja"],
    ["Café Zürich — Phase 2", "en"],
    ["   ", "en"],
    ["x".repeat(300), "en"],
  ] as const)("gives an ASCII-safe name for %j", (claimName, locale) => {
    const name = poeTemplateFileName({ claimName, locale });
    expect(name).toMatch(/^PoE-template-[A-Za-z0-9-]+\.docx$/);
    expect(name).not.toMatch(/[\s/\\]/);
    expect(name.length).toBeLessThanOrEqual(100);
  });

  it("keeps the claim's words in the name", () => {
    expect(poeTemplateFileName({ claimName: "Northwind Sales rollout 2025", locale: "en" })).toBe("PoE-template-northwind-sales-rollout-2025.docx");
    expect(poeTemplateFileName({ claimName: "Café Zürich", locale: "en" })).toBe("PoE-template-cafe-zurich.docx");
    expect(poeTemplateFileName({ claimName: "実行証明書", locale: "ja" })).toBe("PoE-template-claim-ja.docx");
  });

  it("names the MIME type of a .docx", () => {
    expect(POE_TEMPLATE_MIME).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });
});
