// GET /review/export?<the queue's filters>: the filtered queue as CSV, for reviewers only (404 otherwise).
import { loadViewer } from "@/lib/auth/session";
import { queueCsv } from "@/lib/review/export";
import { queueQuerySchema } from "@/lib/review/queue";
import { jsonError } from "@/lib/poe/http";

export async function GET(request: Request) {
  const viewer = await loadViewer();
  if (!viewer || viewer.role !== "REVIEWER") return jsonError(404, "notFound");
  const query = queueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(queueCsv(query, viewer.id), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="cpor-claims-${stamp}.csv"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
