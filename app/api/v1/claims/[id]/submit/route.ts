// POST /api/v1/claims/{id}/submit: "Submit claim" for a Draft (with the acknowledgements), or the
// resubmission of a claim in Partner action required. Idempotent: a claim already submitted answers
// its current state with 200; one that can no longer be submitted answers 409.
import { ApiProblem, problemOf } from "@/lib/api/problem";
import { claimJson } from "@/lib/api/resources";
import { apiRoute, json, jsonBody } from "@/lib/api/route";
import { resubmitClaim } from "@/lib/claims/partner-loop";
import { findClaim } from "@/lib/claims/queries";
import { submitClaim } from "@/lib/claims/submission";
import { requestMeta } from "@/lib/request-meta";
import { parseId } from "@/lib/text";

export const POST = apiRoute<{ id: string }>(async ({ request, viewer, params }) => {
  const id = parseId(params.id);
  const claim = id ? await findClaim(viewer, id) : null;
  if (!id || !claim) throw new ApiProblem("notFound");
  const meta = requestMeta(request.headers);
  const result = claim.status === "PARTNER_ACTION_REQUIRED" ? await resubmitClaim(viewer, id, meta) : await submitClaim(viewer, id, await jsonBody(request), meta);
  if (!result.ok) throw problemOf(result);
  const now = await findClaim(viewer, id);
  if (!now) throw new ApiProblem("notFound");
  return json(claimJson(now));
});
