// GET /api/v1/claims/{id}/history: every change of the claim with its actor and time, as the claim page shows it.
import { ApiProblem } from "@/lib/api/problem";
import { historyJson } from "@/lib/api/resources";
import { apiRoute, json } from "@/lib/api/route";
import { findClaim } from "@/lib/claims/queries";
import { parseId } from "@/lib/text";

export const GET = apiRoute<{ id: string }>(async ({ viewer, params }) => {
  const id = parseId(params.id);
  const claim = id ? await findClaim(viewer, id) : null;
  if (!claim) throw new ApiProblem("notFound");
  return json(historyJson(claim));
});
