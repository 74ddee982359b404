// The proof-of-execution (PoE) template: a Word document, prefilled from a claim, that the partner
// downloads and the customer signs (English or Japanese; texts in messages/*.json, PoeTemplate, and
// the solution area's name from Areas).
import "server-only";
import { createTranslator } from "next-intl";
import { loadMessages, type Locale } from "../i18n/locales";
import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  Footer,
  HeadingLevel,
  HeightRule,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from "docx";

export type PoeTemplateInput = {
  locale: Locale;
  claimName: string;
  partnerName: string; // organisation
  partnerId: string; // PartnerID (location)
  customerName: string | null; // customer company (null: a blank to fill in)
  tenantId: string;
  solutionArea: "MODERN_WORK_SECURITY" | "BUSINESS_APPLICATIONS";
  partnerRole: string; // already localized role name
  workloads: { name: string; subscriptionIds: string[] }[];
  customerContact: { name: string; title: string | null; email: string };
  partnerContact: { name: string; email: string };
  generatedAt: Date;
};

export const POE_TEMPLATE_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const activityKeys = ["deployment", "adoption", "advisory", "migration", "training", "other"] as const;

/** A text of PoeTemplate in the document's language. */
type Words = (key: string, values?: Record<string, string>) => string;

// Page geometry, in twips (1/1440 inch).
const paper = { letter: { width: 12240, height: 15840 }, a4: { width: 11906, height: 16838 } } as const;
const margin = 1080;

/** Each language's conventions: how dates are written, the document's language tag and its paper. */
const conventions: Record<Locale, { dateLocale: string; language: string; paper: keyof typeof paper }> = {
  en: { dateLocale: "en-US", language: "en-US", paper: "letter" },
  ja: { dateLocale: "ja-JP", language: "ja-JP", paper: "a4" },
};

const size = { body: 20, table: 18, small: 16, tiny: 15 } as const; // half-points
const labelShading = { type: ShadingType.CLEAR, fill: "EDEFF2", color: "auto" } as const;
const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "7F7F7F" };
const grid: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "A6A6A6" };
const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

/** Drops what XML 1.0 cannot carry (control characters, lone surrogates) and folds line breaks into spaces. */
function clean(value: string): string {
  return value
    .replace(/[\t\n\r]+/g, " ")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .trim();
}

const run = (text: string, options: Omit<IRunOptions, "text"> = {}) => new TextRun({ text: clean(text), ...options });

const para = (text: string, options: { size?: number; italics?: boolean; color?: string; after?: number; align?: "center" } = {}) =>
  new Paragraph({
    alignment: options.align === "center" ? AlignmentType.CENTER : undefined,
    spacing: { after: options.after ?? 120 },
    children: text ? [run(text, { size: options.size, italics: options.italics, color: options.color })] : [],
  });

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [run(text)] });

const hint = (text: string) => para(text, { size: size.small, italics: true, color: "595959" });

const cellText = (text: string, options: { bold?: boolean; size?: number; align?: "center"; color?: string; italics?: boolean } = {}) =>
  new Paragraph({
    alignment: options.align === "center" ? AlignmentType.CENTER : undefined,
    spacing: { before: 20, after: 20 },
    children: text ? [run(text, { bold: options.bold, size: options.size ?? size.table, color: options.color, italics: options.italics })] : [],
  });

const cellMargins = { top: 60, bottom: 60, left: 100, right: 100 };

/** A two-column table of label and value; a null value is left blank for the customer, with a grey hint. */
function infoTable(rows: [label: string, value: string | null, hint?: string][], width: number) {
  const labelWidth = Math.round(width * 0.32);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [labelWidth, width - labelWidth],
    borders: { top: grid, bottom: grid, left: grid, right: grid, insideHorizontal: grid, insideVertical: grid },
    rows: rows.map(
      ([label, value, blankHint]) =>
        new TableRow({
          cantSplit: true,
          height: { value: 400, rule: HeightRule.ATLEAST },
          children: [
            new TableCell({ width: { size: labelWidth, type: WidthType.DXA }, shading: labelShading, margins: cellMargins, verticalAlign: VerticalAlignTable.CENTER, children: [cellText(label, { bold: true })] }),
            new TableCell({
              width: { size: width - labelWidth, type: WidthType.DXA },
              margins: cellMargins,
              verticalAlign: VerticalAlignTable.CENTER,
              children: [value !== null && clean(value) ? cellText(value) : cellText(blankHint ?? "", { size: size.tiny, italics: true, color: "A6A6A6" })],
            }),
          ],
        }),
    ),
  });
}

/** Ruled blank lines to write on (a table, since Word merges the borders of consecutive bordered paragraphs). */
function ruledLines(count: number, width: number) {
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    borders: { top: none, left: none, right: none, insideVertical: none, bottom: line, insideHorizontal: line },
    rows: Array.from({ length: count }, () => new TableRow({ height: { value: 440, rule: HeightRule.EXACT }, children: [new TableCell({ children: [new Paragraph({})] })] })),
  });
}

/** Signature, printed name, title and date: a label, then a line to write on. */
function signatureBlock(t: Words, width: number) {
  const labelWidth = Math.round(width * 0.22);
  const valueWidth = Math.round(width * 0.55);
  const rest = width - labelWidth - valueWidth;
  const labels = [t("signature"), t("printedName"), t("signerTitle"), t("date")];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth, rest],
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: labels.map(
      (label, index) =>
        new TableRow({
          cantSplit: true,
          height: { value: index === 0 ? 720 : 520, rule: HeightRule.ATLEAST },
          children: [
            new TableCell({ width: { size: labelWidth, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.BOTTOM, children: [cellText(label, { bold: true, size: size.body })] }),
            new TableCell({ width: { size: valueWidth, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.BOTTOM, borders: { bottom: line }, children: [new Paragraph({})] }),
            new TableCell({ width: { size: rest, type: WidthType.DXA }, children: [new Paragraph({})] }),
          ],
        }),
    ),
  });
}

/** One row per workload (with its subscription IDs), a checkbox per activity type, and a blank description. */
function workloadTable(input: PoeTemplateInput, t: Words, width: number) {
  const tickWidth = Math.round(width * 0.085);
  const workloadWidth = Math.round(width * 0.28);
  const descriptionWidth = width - workloadWidth - tickWidth * activityKeys.length;
  const columnWidths = [workloadWidth, ...activityKeys.map(() => tickWidth), descriptionWidth];
  const cell = (index: number, children: Paragraph[], header = false) =>
    new TableCell({
      width: { size: columnWidths[index], type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 60, right: 60 },
      shading: header ? labelShading : undefined,
      verticalAlign: header || (index > 0 && index <= activityKeys.length) ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      children,
    });

  const withSubscriptions = input.solutionArea === "BUSINESS_APPLICATIONS" || input.workloads.some((workload) => workload.subscriptionIds.length > 0);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(0, [cellText(withSubscriptions ? t("workloadWithSubscriptions") : t("workload"), { bold: true, size: size.tiny })], true),
      ...activityKeys.map((key, index) => cell(index + 1, [cellText(t(`activities.${key}`), { bold: true, size: size.tiny, align: "center" })], true)),
      cell(activityKeys.length + 1, [cellText(t("activityDescription"), { bold: true, size: size.tiny })], true),
    ],
  });

  // No workload on the claim: rows to fill in by hand rather than an empty table.
  const workloads = input.workloads.length > 0 ? input.workloads : Array.from({ length: 3 }, () => ({ name: "", subscriptionIds: [] }));
  const rows = workloads.map(
    (workload) =>
      new TableRow({
        cantSplit: true,
        height: { value: 560, rule: HeightRule.ATLEAST },
        children: [
          cell(0, [
            cellText(workload.name, { bold: true }),
            ...workload.subscriptionIds.map((id) => cellText(`${t("subscriptionIds")}: ${id}`, { size: size.tiny, color: "404040" })),
          ]),
          ...activityKeys.map((key, index) =>
            cell(index + 1, [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new CheckBox({ alias: clean(`${t(`activities.${key}`)} — ${workload.name}`).slice(0, 200) })],
              }),
            ]),
          ),
          cell(activityKeys.length + 1, [new Paragraph({})]),
        ],
      }),
  );

  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    borders: { top: grid, bottom: grid, left: grid, right: grid, insideHorizontal: grid, insideVertical: grid },
    rows: [header, ...rows],
  });
}

/** The footer's page number ("Page 2 of 5"): the message's {current} and {total} become Word's page fields. */
function pageNumber(t: Words) {
  return t("page", { current: PageNumber.CURRENT, total: PageNumber.TOTAL_PAGES })
    .split(new RegExp(`(${PageNumber.CURRENT}|${PageNumber.TOTAL_PAGES})`))
    .filter(Boolean);
}

/** Renders the PoE template for a claim as a .docx file, entirely in the requested language. */
export async function renderPoeTemplate(input: PoeTemplateInput): Promise<Buffer> {
  const messages = await loadMessages(input.locale);
  const t: Words = createTranslator({ locale: input.locale, messages, namespace: "PoeTemplate" });
  const areas = createTranslator({ locale: input.locale, messages, namespace: "Areas" });
  const { dateLocale, language, paper: paperSize } = conventions[input.locale];
  const page = paper[paperSize];
  const width = page.width - 2 * margin;
  const generated = new Intl.DateTimeFormat(dateLocale, { dateStyle: "long", timeZone: "UTC" }).format(input.generatedAt);
  // Japanese: Yu Gothic for every script; English: the theme's body font (Calibri), as a new Word document has it.
  const font = input.locale === "ja" ? { ascii: "Yu Gothic", hAnsi: "Yu Gothic", eastAsia: "Yu Gothic", cs: "Yu Gothic" } : ({ theme: "body" } as const);
  const headingRun = { bold: true, color: "1F3864", font };

  const document = new Document({
    title: clean(`${t("title")}: ${input.claimName}`),
    subject: t("title"),
    creator: clean(input.partnerName),
    styles: {
      default: {
        document: {
          run: { size: size.body, font, language: { value: language, eastAsia: "ja-JP" } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: { run: { ...headingRun, size: 32 }, paragraph: { spacing: { after: 160 } } },
        heading1: { run: { ...headingRun, size: 24 }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: page.width, height: page.height }, margin: { top: margin, bottom: margin, left: margin, right: margin } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run(t("footer", { generated, claimName: input.claimName }), { size: size.tiny, color: "595959" }),
                  new TextRun({ text: "  ·  ", size: size.tiny, color: "595959" }),
                  new TextRun({ children: pageNumber(t), size: size.tiny, color: "595959" }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [run(t("title"))] }),
          para(t("intro", { partner: clean(input.partnerName) })),
          hint(t("returnNote", { partner: clean(input.partnerName) })),

          heading(t("partnerInfo")),
          infoTable(
            [
              [t("company"), input.partnerName],
              [t("partnerId"), input.partnerId],
              [t("contactName"), input.partnerContact.name],
              [t("contactEmail"), input.partnerContact.email],
            ],
            width,
          ),

          heading(t("customerInfo")),
          infoTable(
            [
              [t("company"), input.customerName, t("toFill")],
              [t("tenantId"), input.tenantId],
              [t("domain"), null, `${t("toFill")} · ${t("domainHint")}`],
              [t("contactName"), input.customerContact.name],
              [t("contactTitle"), input.customerContact.title, t("toFill")],
              [t("contactEmail"), input.customerContact.email],
            ],
            width,
          ),

          heading(t("claim")),
          infoTable(
            [
              [t("claimName"), input.claimName],
              [t("solutionArea"), areas(input.solutionArea)],
              [t("partnerRole"), input.partnerRole],
            ],
            width,
          ),

          heading(t("workloadsByActivity")),
          hint(t("workloadsHint")),
          workloadTable(input, t, width),

          heading(t("activitiesPerformed")),
          hint(t("activitiesPerformedHint")),
          ruledLines(6, width),

          heading(t("acknowledgement")),
          para(t("acknowledgementText")),
          signatureBlock(t, width),
          hint(t("dateNote")),

          heading(t("publicSector")),
          hint(t("publicSectorScope")),
          para(t("publicSectorText")),
          signatureBlock(t, width),
        ],
      },
    ],
  });

  return Packer.toBuffer(document);
}

/** An ASCII-only download name such as "PoE-template-northwind-sales-rollout.docx" (whatever the language). */
export function poeTemplateFileName(input: Pick<PoeTemplateInput, "claimName" | "locale">): string {
  const slug = input.claimName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `PoE-template-${slug || "claim"}${input.locale === "ja" ? "-ja" : ""}.docx`;
}
