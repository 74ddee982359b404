// CSV export of the reviewer's queue as filtered: streamed page by page (the queue's keyset query),
// so a million rows never sit in memory. Values are codes and ISO dates, for spreadsheets and scripts.
import "server-only";
import { db } from "../db";
import { listQueue, rowTimer, searchPlan, type QueueQuery, type QueueRow, type SearchPlan } from "./queue";

const columns = [
  "claimId",
  "claimName",
  "organization",
  "partnerId",
  "tenantId",
  "solutionArea",
  "partnerRole",
  "status",
  "customerResponse",
  "submittedAt",
  "statusChangedAt",
  "businessDaysInStatus",
  "dueAt",
  "overdue",
  "hasConflict",
  "assignedTo",
] as const;

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(row: QueueRow, now: Date): string {
  const timer = rowTimer(row, now);
  const values: Record<(typeof columns)[number], string> = {
    claimId: row.id,
    claimName: row.name,
    organization: row.organizationName,
    partnerId: row.partnerId,
    tenantId: row.tenantId,
    solutionArea: row.solutionArea,
    partnerRole: row.partnerRole,
    status: row.status,
    customerResponse: row.customerResponse,
    submittedAt: row.submittedAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    businessDaysInStatus: String(timer.daysInStatus),
    dueAt: timer.due?.toISOString() ?? "",
    overdue: timer.overdue ? "yes" : "no",
    hasConflict: row.hasConflict ? "yes" : "no",
    assignedTo: row.assignedToName ?? "",
  };
  return columns.map((c) => csvField(values[c])).join(",") + "\r\n";
}

/** The whole filtered queue (every page, in the queue's order) as a stream of UTF-8 CSV with a BOM. */
export function queueCsv(query: QueueQuery, viewerId: string, { pageSize = 1000, now = new Date() } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let search: SearchPlan | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!search) {
        // The header first, and the search plan once for every page.
        search = await searchPlan(db, query);
        controller.enqueue(encoder.encode("\uFEFF" + columns.join(",") + "\r\n"));
        return;
      }
      const page = await listQueue(db, { ...query, after: cursor, before: undefined }, viewerId, pageSize, search);
      if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map((row) => csvRow(row, now)).join("")));
      cursor = page.next;
      if (!cursor) controller.close();
    },
  });
}
