// CSV export of the reviewer's queue as filtered: streamed page by page (the queue's keyset query),
// so a million rows never sit in memory. Values are codes and ISO dates, for spreadsheets and scripts;
// the fields are written by lib/csv.ts (quoting, formulas neutralised).
import "server-only";
import { CSV_BOM, csvRecord } from "../csv";
import { db } from "../db";
import type { ReviewerViewer } from "../auth/session";
import { listQueue, rowTimer, type QueueQuery, type QueueRow } from "./queue";
import { resolveSearch, type ResolvedSearch } from "./queue-search";

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
  return csvRecord(columns.map((c) => values[c]));
}

/** The export's answer for a reviewer: the search looked up before the first byte (see queueCsv). */
export async function exportQueue(viewer: ReviewerViewer, query: QueueQuery) {
  return queueCsv(query, viewer.id, { search: await resolveSearch(db, query.q) });
}

/**
 * The whole filtered queue (every page, in the queue's order) as a stream of UTF-8 CSV with a BOM.
 * `search`: the search's lookup (lib/review/queue-search.ts), read once for every page; the route reads
 * it before answering, so that a failure there is an error response rather than a stream cut short
 * (read here when not given).
 */

export function queueCsv(query: QueueQuery, viewerId: string, { pageSize = 1000, now = new Date(), search: plan }: { pageSize?: number; now?: Date; search?: ResolvedSearch } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let search = plan;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        search ??= await resolveSearch(db, query.q);
        controller.enqueue(encoder.encode(CSV_BOM + csvRecord(columns)));
        return;
      }
      const page = await listQueue(db, { ...query, after: cursor, before: undefined }, viewerId, pageSize, search);
      if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map((row) => csvRow(row, now)).join("")));
      cursor = page.next;
      if (!cursor) controller.close();
    },
  });
}
