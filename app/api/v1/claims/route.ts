// GET /api/v1/claims: the organisation's claims, the list page's filters, keyset pages.
// POST /api/v1/claims: creates a Draft from a whole claim (the wizard's schemas and rules).
import { problemOf, ApiProblem } from "@/lib/api/problem";
import { claimJson } from "@/lib/api/resources";
import { decodeCursor, encodeCursor, idempotencyKey, listQuerySchema } from "@/lib/api/requests";
import { apiRoute, json, jsonBody } from "@/lib/api/route";
import { fieldErrorsOf } from "@/lib/result";
import { findClaim, listClaimsAfter } from "@/lib/claims/queries";
import { createDraft } from "@/lib/claims/sections";
import { env } from "@/lib/env";

export const GET = apiRoute(async ({ request, viewer }) => {
  const parsed = listQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new ApiProblem("validation", fieldErrorsOf(parsed.error));
  const { cursor, limit, ...filters } = parsed.data;
  const { rows, more } = await listClaimsAfter(viewer, { ...filters, after: cursor ? decodeCursor(cursor) : null, limit });
  const last = rows.at(-1);
  return json({ data: rows.map(claimJson), nextCursor: more && last ? encodeCursor(last) : null });
});

export const POST = apiRoute(async ({ request, viewer }) => {
  const key = request.headers.get("idempotency-key");
  const creationKey = key === null ? undefined : idempotencyKey.safeParse(key);
  if (creationKey && !creationKey.success) throw new ApiProblem("validation", { "Idempotency-Key": "invalidRequest" });
  const result = await createDraft(viewer, await jsonBody(request), creationKey?.data);
  if (!result.ok) throw problemOf(result);
  const claim = await findClaim(viewer, result.data.claimId);
  if (!claim) throw new ApiProblem("notFound");
  return json(claimJson(claim), { status: 201, headers: { Location: `${env().APP_URL}/api/v1/claims/${claim.id}` } });
});
