// GET /review/export?<the queue's filters>: the filtered queue as CSV, for reviewers only (404 otherwise).
// Everything that can refuse the request does so before the response starts: a query that is not
// well-formed text answers 400, and the search plan is read before the first byte is sent.
import { answerUnavailable } from "@/lib/availability";
import { isReviewer, loadViewer } from "@/lib/auth/session";
import { exportQueue } from "@/lib/review/export";
import { queueQueryProblem, queueQuerySchema } from "@/lib/review/queue";
import { jsonError } from "@/lib/http";

export const GET = answerUnavailable(async (request: Request) => {
  const viewer = await loadViewer();
  if (!viewer || !isReviewer(viewer)) return jsonError(404, "notFound");
  const params = new URL(request.url).searchParams;
  const problem = queueQueryProblem(params);
  if (problem) return jsonError(400, problem);
  const query = queueQuerySchema.parse(Object.fromEntries(params));
  const csv = await exportQueue(viewer, query);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="cpor-claims-${stamp}.csv"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
