// POST /api/claims/import/preview (the CSV file as the body): each row judged with the wizard's rules,
// with its errors and collision warnings; nothing is written. Incentive admins only (404 otherwise),
// from the portal's own pages (403 otherwise); a file too large or not a claims file answers 400.
import { NextResponse } from "next/server";
import { answerUnavailable } from "@/lib/availability";
import { isPartnerAdmin, loadViewer } from "@/lib/auth/session";
import { previewImport, readImportUpload } from "@/lib/claims/import";
import { jsonError, sameOrigin } from "@/lib/http";

export const POST = answerUnavailable(async (request: Request) => {
  const viewer = await loadViewer();
  if (!viewer || !isPartnerAdmin(viewer)) return jsonError(404, "notFound");
  if (!sameOrigin(request)) return jsonError(403, "forbidden");
  const upload = await readImportUpload(request);
  if (!upload.ok) return NextResponse.json(upload, { status: 400, headers: { "cache-control": "no-store" } });
  const preview = await previewImport(viewer, upload.text);
  return NextResponse.json(preview, { status: preview.ok ? 200 : 400, headers: { "cache-control": "no-store" } });
});
