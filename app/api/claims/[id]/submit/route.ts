// "Submit claim" for API clients (the page uses the server action): JSON { acknowledgements }.
// The same domain function, so the same checks, idempotency and audit.
import { NextResponse } from "next/server";
import { isPartnerAdmin, loadViewer } from "@/lib/auth/session";
import { answerUnavailable } from "@/lib/availability";
import { submitClaim } from "@/lib/claims/submission";
import { jsonError, sameOrigin } from "@/lib/http";
import { requestMeta } from "@/lib/request-meta";
import { parseId } from "@/lib/text";

const statusOf = { invalidRequest: 400, notFound: 404, notEditable: 409, claimIncomplete: 422, poeDetailsMissing: 422, poeFileRequired: 422, duplicateOwnClaim: 409, claimChanged: 409 } as const;

// A database or blob storage that cannot be reached answers 503 "unavailable" (lib/availability.ts).
export const POST = answerUnavailable(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const viewer = await loadViewer();
  if (!viewer || !isPartnerAdmin(viewer)) return jsonError(404, "notFound");
  if (!sameOrigin(request)) return jsonError(403, "forbidden");
  const id = parseId((await params).id);
  if (!id) return jsonError(404, "notFound");
  const body = await request.json().catch(() => null);
  const result = await submitClaim(viewer, id, body, requestMeta(request.headers));
  // The API's answer keeps its flat shape: { ok: true, alreadySubmitted } or { ok: false, problem?, fieldErrors }.
  if (result.ok) return NextResponse.json({ ok: true, ...result.data }, { status: 200 });
  return NextResponse.json(result, { status: result.problem ? statusOf[result.problem] : 400 });
});
