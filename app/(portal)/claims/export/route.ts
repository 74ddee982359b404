// GET /claims/export?<the claims list's filters>[&format=csv]: the organisation's claims the list shows
// (every page) as CSV, streamed: for Excel (UTF-8 with a BOM) unless `format=csv` (plain UTF-8). Incentive admins only (404 otherwise); the organisation is the viewer's, never the URL's.
import { answerUnavailable } from "@/lib/availability";
import { isPartnerAdmin, loadViewer } from "@/lib/auth/session";
import { claimsCsv } from "@/lib/claims/export";
import { claimListQuery } from "@/lib/claims/queries";
import { jsonError } from "@/lib/http";

export const GET = answerUnavailable(async (request: Request) => {
  const viewer = await loadViewer();
  if (!viewer || !isPartnerAdmin(viewer)) return jsonError(404, "notFound");
  const params = new URL(request.url).searchParams;
  const query = claimListQuery(Object.fromEntries(params), 1);
  const plain = params.get("format") === "csv";
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(claimsCsv(viewer, query, { bom: !plain }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="cpor-customer-claims-${stamp}${plain ? "" : "-excel"}.csv"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
