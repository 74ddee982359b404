// PUT /api/v1/claims/{id}/sections/{section}: saves one of the wizard's sections (details, workloads,
// contacts) of a Draft or a claim in Partner action required, with the wizard's schemas and rules.
// PATCH is accepted as a synonym: a section is always replaced whole.
import { ApiProblem, problemOf } from "@/lib/api/problem";
import { claimJson } from "@/lib/api/resources";
import { sectionParam } from "@/lib/api/requests";
import { apiRoute, json, jsonBody } from "@/lib/api/route";
import { findClaim } from "@/lib/claims/queries";
import { saveSection } from "@/lib/claims/sections";
import { parseId } from "@/lib/text";

export const PUT = apiRoute<{ id: string; section: string }>(async ({ request, viewer, params }) => {
  const id = parseId(params.id);
  const section = sectionParam.safeParse(params.section);
  if (!id || !section.success) throw new ApiProblem("notFound");
  const result = await saveSection(viewer, id, section.data, await jsonBody(request));
  if (!result.ok) throw problemOf(result);
  const claim = await findClaim(viewer, id);
  if (!claim) throw new ApiProblem("notFound");
  return json(claimJson(claim));
});

export const PATCH = PUT;
