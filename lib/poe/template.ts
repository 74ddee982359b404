// The proof-of-execution (PoE) template: a Word document, prefilled from a claim, that the partner
// downloads and the customer signs (English or Japanese; every fixed text lives in this file).
import type { Locale } from "../i18n/locales";
import "server-only";
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
type ActivityKey = (typeof activityKeys)[number];

type PoeTexts = {
  title: string;
  intro: (partnerName: string) => string;
  returnNote: (partnerName: string) => string;
  toFill: string;
  partnerInfo: string;
  customerInfo: string;
  company: string;
  partnerId: string;
  tenantId: string;
  domain: string;
  domainHint: string;
  contactName: string;
  contactTitle: string;
  contactEmail: string;
  claim: string;
  claimName: string;
  solutionArea: string;
  partnerRole: string;
  solutionAreas: Record<PoeTemplateInput["solutionArea"], string>;
  workloadsByActivity: string;
  workloadsHint: string;
  workload: string;
  workloadWithSubscriptions: string;
  subscriptionIds: string;
  activities: Record<ActivityKey, string>;
  activityDescription: string;
  activitiesPerformed: string;
  activitiesPerformedHint: string;
  acknowledgement: string;
  acknowledgementText: string;
  signature: string;
  printedName: string;
  signerTitle: string;
  date: string;
  dateNote: string;
  publicSector: string;
  publicSectorScope: string;
  publicSectorText: string;
  footer: (generated: string, claimName: string) => string;
  page: (current: PageNumberRun, total: PageNumberRun) => (string | PageNumberRun)[];
  dateLocale: string;
  language: string;
  paper: "letter" | "a4";
};
type PageNumberRun = (typeof PageNumber)[keyof typeof PageNumber];

const en: PoeTexts = {
  title: "Proof of execution — customer association (CPOR)",
  intro: (partner) =>
    `This document confirms the work that ${partner} (the partner) performed for your organization. By signing it, you confirm that the partner performed the activities listed below for your organization, and that Microsoft may record the partner as partner of record (customer association) for the workloads listed. Signing does not create a purchase or an order, and it costs your organization nothing. You can decline the association at any time.`,
  returnNote: (partner) => `Once signed, return this document to ${partner}: it is the proof of execution (PoE) for the claim below.`,
  toFill: "To be completed by the customer",
  partnerInfo: "Partner information",
  customerInfo: "Customer information",
  company: "Company",
  partnerId: "PartnerID",
  tenantId: "Tenant ID",
  domain: "Domain",
  domainHint: "For example contoso.com",
  contactName: "Contact name",
  contactTitle: "Title",
  contactEmail: "Contact email",
  claim: "Claim",
  claimName: "Claim name",
  solutionArea: "Solution area",
  partnerRole: "Partner role",
  solutionAreas: { MODERN_WORK_SECURITY: "Modern Work and Security", BUSINESS_APPLICATIONS: "Business Applications" },
  workloadsByActivity: "Workloads by activity type",
  workloadsHint: "For each workload, tick the types of activity performed and describe the activity.",
  workload: "Workload",
  workloadWithSubscriptions: "Workload and subscription IDs",
  subscriptionIds: "Subscription ID",
  activities: {
    deployment: "Deployment / configuration",
    adoption: "Adoption & change management",
    advisory: "Advisory / presales",
    migration: "Migration",
    training: "Training",
    other: "Other",
  },
  activityDescription: "Activity description",
  activitiesPerformed: "Activities performed",
  activitiesPerformedHint: "Describe the activities performed for the customer: what was done, when (start and end dates), and the outcome or deliverables.",
  acknowledgement: "Customer acknowledgement",
  acknowledgementText:
    "On behalf of the customer named above, I confirm that the partner named above performed the activities described in this document for our organization, and I agree that Microsoft may record this partner as partner of record for the workloads listed. I understand that this does not create a purchase or any cost for our organization.",
  signature: "Signature",
  printedName: "Printed name",
  signerTitle: "Title",
  date: "Date",
  dateNote: "The acknowledgement must be dated within the last 12 months, and not in the future.",
  publicSector: "Public Sector Disclosure (US and Puerto Rico public-sector customers only)",
  publicSectorScope:
    "Complete this section only if the customer is a public-sector organization in the United States or Puerto Rico (for example a federal, state, local or tribal government body, or a public education or healthcare institution).",
  publicSectorText:
    "The partner discloses that it may receive incentive payments from Microsoft for the activities described in this document. By signing below, the customer confirms that it has received this disclosure, and that the partner's activities and these payments are consistent with the procurement, gift and ethics rules that apply to the customer.",
  footer: (generated, claimName) => `Generated on ${generated} (UTC) · Claim: ${claimName}`,
  page: (current, total) => ["Page ", current, " of ", total],
  dateLocale: "en-US",
  language: "en-US",
  paper: "letter",
};

const ja: PoeTexts = {
  title: "実行証明書 (PoE) — 顧客の関連付け (CPOR)",
  intro: (partner) =>
    `本書は、${partner} (以下「パートナー」) がお客様の組織のために実施した作業を確認するためのものです。本書に署名することにより、お客様は、パートナーが以下に記載する活動をお客様の組織のために実施したこと、および Microsoft が以下のワークロードについてパートナーを記録上のパートナー (顧客の関連付け) として登録できることを確認します。本書への署名によって購入や注文が発生することはなく、お客様の組織に費用がかかることもありません。お客様は、この関連付けをいつでも拒否できます。`,
  returnNote: (partner) => `署名後、本書を ${partner} に返送してください。本書は、以下の要求の実行証明書 (PoE) として使用されます。`,
  toFill: "顧客が記入",
  partnerInfo: "パートナー情報",
  customerInfo: "顧客情報",
  company: "会社名",
  partnerId: "パートナー ID",
  tenantId: "テナント ID",
  domain: "ドメイン",
  domainHint: "例: contoso.com",
  contactName: "担当者名",
  contactTitle: "役職",
  contactEmail: "担当者のメール アドレス",
  claim: "要求",
  claimName: "要求名",
  solutionArea: "ソリューション領域",
  partnerRole: "パートナー ロール",
  solutionAreas: { MODERN_WORK_SECURITY: "モダン ワークとセキュリティ", BUSINESS_APPLICATIONS: "ビジネス アプリケーション" },
  workloadsByActivity: "活動の種類別のワークロード",
  workloadsHint: "ワークロードごとに、実施した活動の種類にチェックを付け、活動の内容を記入してください。",
  workload: "ワークロード",
  workloadWithSubscriptions: "ワークロードとサブスクリプション ID",
  subscriptionIds: "サブスクリプション ID",
  activities: {
    deployment: "展開 / 構成",
    adoption: "導入と変更管理",
    advisory: "アドバイザリー / プリセールス",
    migration: "移行",
    training: "トレーニング",
    other: "その他",
  },
  activityDescription: "活動の内容",
  activitiesPerformed: "実施した活動",
  activitiesPerformedHint: "お客様のために実施した活動について、実施内容、実施時期 (開始日と終了日)、成果または成果物を記入してください。",
  acknowledgement: "顧客による確認",
  acknowledgementText:
    "私は、上記の顧客を代表して、上記のパートナーが本書に記載された活動を当組織のために実施したことを確認し、Microsoft が上記のワークロードについて当該パートナーを記録上のパートナーとして登録することに同意します。これにより購入が発生することはなく、当組織に費用がかかることもないことを理解しています。",
  signature: "署名",
  printedName: "氏名",
  signerTitle: "役職",
  date: "日付",
  dateNote: "確認の日付は過去 12 か月以内である必要があります。将来の日付は指定できません。",
  publicSector: "公共部門に関する開示 (米国およびプエルトリコの公共部門の顧客のみ)",
  publicSectorScope:
    "この欄は、顧客が米国またはプエルトリコの公共部門の組織 (連邦、州、地方または部族の政府機関、公立の教育機関や医療機関など) である場合にのみ記入してください。",
  publicSectorText:
    "パートナーは、本書に記載された活動について、Microsoft からインセンティブの支払いを受ける場合があることを開示します。顧客は、以下に署名することにより、この開示を受けたこと、およびパートナーの活動とこれらの支払いが顧客に適用される調達、贈答および倫理に関する規則に適合していることを確認します。",
  footer: (generated, claimName) => `作成日: ${generated} (UTC) · 要求名: ${claimName}`,
  page: (current, total) => [current, " / ", total, " ページ"],
  dateLocale: "ja-JP",
  language: "ja-JP",
  paper: "a4",
};

const texts: Record<PoeTemplateInput["locale"], PoeTexts> = { en, ja };

// Page geometry, in twips (1/1440 inch).
const paper = { letter: { width: 12240, height: 15840 }, a4: { width: 11906, height: 16838 } } as const;
const margin = 1080;

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
function signatureBlock(t: PoeTexts, width: number) {
  const labelWidth = Math.round(width * 0.22);
  const valueWidth = Math.round(width * 0.55);
  const rest = width - labelWidth - valueWidth;
  const labels = [t.signature, t.printedName, t.signerTitle, t.date];
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
function workloadTable(input: PoeTemplateInput, t: PoeTexts, width: number) {
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
      cell(0, [cellText(withSubscriptions ? t.workloadWithSubscriptions : t.workload, { bold: true, size: size.tiny })], true),
      ...activityKeys.map((key, index) => cell(index + 1, [cellText(t.activities[key], { bold: true, size: size.tiny, align: "center" })], true)),
      cell(activityKeys.length + 1, [cellText(t.activityDescription, { bold: true, size: size.tiny })], true),
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
            ...workload.subscriptionIds.map((id) => cellText(`${t.subscriptionIds}: ${id}`, { size: size.tiny, color: "404040" })),
          ]),
          ...activityKeys.map((key, index) =>
            cell(index + 1, [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new CheckBox({ alias: clean(`${t.activities[key]} — ${workload.name}`).slice(0, 200) })],
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

/** Renders the PoE template for a claim as a .docx file, entirely in the requested language. */
export async function renderPoeTemplate(input: PoeTemplateInput): Promise<Buffer> {
  const t = texts[input.locale];
  const page = paper[t.paper];
  const width = page.width - 2 * margin;
  const generated = new Intl.DateTimeFormat(t.dateLocale, { dateStyle: "long", timeZone: "UTC" }).format(input.generatedAt);
  // Japanese: Yu Gothic for every script; English: the theme's body font (Calibri), as a new Word document has it.
  const font = input.locale === "ja" ? { ascii: "Yu Gothic", hAnsi: "Yu Gothic", eastAsia: "Yu Gothic", cs: "Yu Gothic" } : ({ theme: "body" } as const);
  const headingRun = { bold: true, color: "1F3864", font };

  const document = new Document({
    title: clean(`${t.title}: ${input.claimName}`),
    subject: t.title,
    creator: clean(input.partnerName),
    styles: {
      default: {
        document: {
          run: { size: size.body, font, language: { value: t.language, eastAsia: "ja-JP" } },
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
                  run(t.footer(generated, input.claimName), { size: size.tiny, color: "595959" }),
                  new TextRun({ text: "  ·  ", size: size.tiny, color: "595959" }),
                  new TextRun({ children: t.page(PageNumber.CURRENT, PageNumber.TOTAL_PAGES), size: size.tiny, color: "595959" }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [run(t.title)] }),
          para(t.intro(clean(input.partnerName))),
          hint(t.returnNote(clean(input.partnerName))),

          heading(t.partnerInfo),
          infoTable(
            [
              [t.company, input.partnerName],
              [t.partnerId, input.partnerId],
              [t.contactName, input.partnerContact.name],
              [t.contactEmail, input.partnerContact.email],
            ],
            width,
          ),

          heading(t.customerInfo),
          infoTable(
            [
              [t.company, input.customerName, t.toFill],
              [t.tenantId, input.tenantId],
              [t.domain, null, `${t.toFill} · ${t.domainHint}`],
              [t.contactName, input.customerContact.name],
              [t.contactTitle, input.customerContact.title, t.toFill],
              [t.contactEmail, input.customerContact.email],
            ],
            width,
          ),

          heading(t.claim),
          infoTable(
            [
              [t.claimName, input.claimName],
              [t.solutionArea, t.solutionAreas[input.solutionArea]],
              [t.partnerRole, input.partnerRole],
            ],
            width,
          ),

          heading(t.workloadsByActivity),
          hint(t.workloadsHint),
          workloadTable(input, t, width),

          heading(t.activitiesPerformed),
          hint(t.activitiesPerformedHint),
          ruledLines(6, width),

          heading(t.acknowledgement),
          para(t.acknowledgementText),
          signatureBlock(t, width),
          hint(t.dateNote),

          heading(t.publicSector),
          hint(t.publicSectorScope),
          para(t.publicSectorText),
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
