// CSV export of the organisation's claims as the claims list's filters and search select them: streamed
// in keyset pages (creation order, then id), so a large organisation's claims never sit in memory, and
// scoped to the admin's organisation (claimListWhere). Values are codes and ISO dates, for spreadsheets
// and scripts; the fields are written by lib/csv.ts (UTF-8 with a BOM, quoting, formulas neutralised).
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { CSV_BOM, csvRecord } from "../csv";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { claimListWhere, type ClaimListQuery } from "./queries";

export const exportColumns = [
  "claimId",
  "claimName",
  "solutionArea",
  "partnerRole",
  "partnerId",
  "tenantId",
  "workloadIds",
  "subscriptionIds",
  "status",
  "customerResponse",
  "customerRespondedAt",
  "statusReasonCode",
  "statusReasonText",
  "createdAt",
  "updatedAt",
  "submittedAt",
  "statusChangedAt",
  "customerContactName",
  "customerContactEmail",
  "customerLocale",
  "partnerContactName",
  "partnerContactEmail",
] as const;

const select = {
  id: true,
  name: true,
  solutionArea: true,
  partnerRole: true,
  partnerId: true,
  tenantId: true,
  status: true,
  customerResponse: true,
  customerRespondedAt: true,
  statusReasonCode: true,
  statusReasonText: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  statusChangedAt: true,
  customerContactName: true,
  customerContactEmail: true,
  customerLocale: true,
  partnerContactName: true,
  partnerContactEmail: true,
  workloads: { select: { workloadId: true }, orderBy: { workloadId: "asc" } },
  subscriptions: { select: { subscriptionId: true }, orderBy: { subscriptionId: "asc" } },
} satisfies Prisma.ClaimSelect;

type ExportRow = Prisma.ClaimGetPayload<{ select: typeof select }>;

const iso = (date: Date | null) => date?.toISOString() ?? "";

function csvRow(row: ExportRow): string {
  const values: Record<(typeof exportColumns)[number], string> = {
    claimId: row.id,
    claimName: row.name,
    solutionArea: row.solutionArea,
    partnerRole: row.partnerRole,
    partnerId: row.partnerId,
    tenantId: row.tenantId,
    workloadIds: row.workloads.map((w) => w.workloadId).join(";"),
    subscriptionIds: row.subscriptions.map((s) => s.subscriptionId).join(";"),
    status: row.status,
    customerResponse: row.customerResponse,
    customerRespondedAt: iso(row.customerRespondedAt),
    statusReasonCode: row.statusReasonCode ?? "",
    statusReasonText: row.statusReasonText ?? "",
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    submittedAt: iso(row.submittedAt),
    statusChangedAt: iso(row.statusChangedAt),
    customerContactName: row.customerContactName,
    customerContactEmail: row.customerContactEmail,
    customerLocale: row.customerLocale,
    partnerContactName: row.partnerContactName,
    partnerContactEmail: row.partnerContactEmail,
  };
  return csvRecord(exportColumns.map((c) => values[c]));
}

/**
 * The organisation's claims the list's filters select, every page, as a stream of UTF-8 CSV: with a BOM
 * for Excel (which otherwise reads the Japanese as its local code page), without one for other programs.
 */
export function claimsCsv(
  viewer: PartnerViewer,
  query: Pick<ClaimListQuery, "status" | "solutionArea" | "q">,
  { pageSize = 500, bom = true }: { pageSize?: number; bom?: boolean } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const where = claimListWhere(viewer, query);
  let after: { createdAt: Date; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode((bom ? CSV_BOM : "") + csvRecord(exportColumns)));
        return;
      }
      const keyset: Prisma.ClaimWhereInput = after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {};
      const rows = await db.claim.findMany({ where: { AND: [where, keyset] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: pageSize, select });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(csvRow).join("")));
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) controller.close();
      else after = { createdAt: last.createdAt, id: last.id };
    },
  });
}
