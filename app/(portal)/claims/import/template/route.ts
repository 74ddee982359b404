// GET /claims/import/template: the claims import template (a header row and one example row, UTF-8
// with a BOM). Incentive admins only (404 otherwise).
import { answerUnavailable } from "@/lib/availability";
import { isPartnerAdmin, loadViewer } from "@/lib/auth/session";
import { importTemplate } from "@/lib/claims/import-file";
import { jsonError } from "@/lib/http";

export const GET = answerUnavailable(async (_request: Request) => {
  const viewer = await loadViewer();
  if (!viewer || !isPartnerAdmin(viewer)) return jsonError(404, "notFound");
  return new Response(importTemplate(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="cpor-claims-import-template.csv"',
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
