// POST /api/claims/import?id=<import id> (the CSV file as the body): the valid rows become Drafts, one
// transaction each, and the answer streams each row's outcome as a line of JSON as soon as it is known
// ({"total"} first, then {"line","status","claimId"|"fieldErrors"}, then {"done"}), so the page shows
// the progress. The same id and file again create nothing twice. Incentive admins only (404 otherwise),
// from the portal's own pages (403); a file too large or not a claims file answers 400 before any row.
import { NextResponse } from "next/server";
import { answerUnavailable } from "@/lib/availability";
import { isPartnerAdmin, loadViewer } from "@/lib/auth/session";
import { importClaims, readImportUpload } from "@/lib/claims/import";
import { readImportFile } from "@/lib/claims/import-file";
import { GUID } from "@/lib/claims/schemas";
import { jsonError, sameOrigin } from "@/lib/http";

export const POST = answerUnavailable(async (request: Request) => {
  const viewer = await loadViewer();
  if (!viewer || !isPartnerAdmin(viewer)) return jsonError(404, "notFound");
  if (!sameOrigin(request)) return jsonError(403, "forbidden");
  const importId = new URL(request.url).searchParams.get("id") ?? "";
  if (!GUID.test(importId)) return jsonError(400, "invalidRequest");
  const upload = await readImportUpload(request);
  if (!upload.ok) return NextResponse.json(upload, { status: 400, headers: { "cache-control": "no-store" } });
  const file = readImportFile(upload.text);
  if (!file.ok) return NextResponse.json(file, { status: 400, headers: { "cache-control": "no-store" } });

  const encoder = new TextEncoder();
  const line = (value: unknown) => encoder.encode(JSON.stringify(value) + "\n");
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(line({ total: file.rows.length }));
      try {
        await importClaims(viewer, upload.text, importId.toLowerCase(), (outcome) => controller.enqueue(line(outcome)));
        controller.enqueue(line({ done: true }));
      } catch {
        // The rows reported so far stand (each was its own transaction); the page says the rest were not imported.
        controller.enqueue(line({ done: false, problem: "interrupted" }));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });
});
