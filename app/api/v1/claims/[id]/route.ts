// GET /api/v1/claims/{id}: one claim of the organisation (another organisation's is not found).
import { ApiProblem } from "@/lib/api/problem";
import { claimJson } from "@/lib/api/resources";
import { apiRoute, json } from "@/lib/api/route";
import { findClaim } from "@/lib/claims/queries";
import { parseId } from "@/lib/text";

export const GET = apiRoute<{ id: string }>(async ({ viewer, params }) => {
  const id = parseId(params.id);
  const claim = id ? await findClaim(viewer, id) : null;
  if (!claim) throw new ApiProblem("notFound");
  return json(claimJson(claim));
});
