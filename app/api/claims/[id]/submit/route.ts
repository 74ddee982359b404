// "Submit claim" for API clients (the page uses the server action): JSON { acknowledgements }.
// The same domain function, so the same checks, idempotency and audit.
import { NextResponse } from "next/server";
import { submitClaim } from "@/lib/claims/submission";
import { partnerClaimRoute } from "@/lib/http";
import { requestMeta } from "@/lib/request-meta";

const statusOf = { invalidRequest: 400, notFound: 404, notEditable: 409, claimIncomplete: 422, poeDetailsMissing: 422, poeFileRequired: 422, duplicateOwnClaim: 409, claimChanged: 409 } as const;

// The incentive admin's own claim only; 404 otherwise, 503 during an outage (lib/http.ts partnerClaimRoute).
export const POST = partnerClaimRoute(async (request, viewer, id) => {
  const body = await request.json().catch(() => null);
  const result = await submitClaim(viewer, id, body, requestMeta(request.headers));
  // The API's answer keeps its flat shape: { ok: true, alreadySubmitted } or { ok: false, problem?, fieldErrors }.
  if (result.ok) return NextResponse.json({ ok: true, ...result.data }, { status: 200 });
  return NextResponse.json(result, { status: result.problem ? statusOf[result.problem] : 400 });
}, { write: true });
