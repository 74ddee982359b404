// GET /api/v1/claims/{id}/poe: the claim's proof of execution (details, comments, files).
// POST /api/v1/claims/{id}/poe: saves its details and/or comments (JSON, or multipart/form-data parts
// `details` as JSON text and `comments`) and uploads files (multipart parts named `file`), with the PoE
// page's schemas and checks. Details and comments are saved before any file, and each file is stored
// whole or not at all.
import { ApiProblem, problemOf } from "@/lib/api/problem";
import { poeJson } from "@/lib/api/resources";
import { apiRoute, json, jsonBody } from "@/lib/api/route";
import type { PartnerViewer } from "@/lib/auth/session";
import { findClaim } from "@/lib/claims/queries";
import { saveComments, savePoeDetails } from "@/lib/poe/details";
import { uploadPoeFile, type PoeFileError } from "@/lib/poe/files";
import { proofOfClaim } from "@/lib/poe/queries";
import { MAX_REQUEST_BYTES } from "@/lib/poe/schemas";
import { isRefusal } from "@/lib/refusal";
import { parseId } from "@/lib/text";

async function ownClaim(viewer: PartnerViewer, rawId: string) {
  const id = parseId(rawId);
  const claim = id ? await findClaim(viewer, id) : null;
  if (!claim) throw new ApiProblem("notFound");
  return claim;
}

export const GET = apiRoute<{ id: string }>(async ({ viewer, params }) => {
  const claim = await ownClaim(viewer, params.id);
  return json(poeJson(await proofOfClaim(claim.id)));
});

type Parts = { details?: unknown; comments?: unknown; files: File[] };

async function partsOf(request: Request): Promise<Parts> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    const body = await jsonBody(request);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new ApiProblem("invalidRequest");
    const { details, comments } = body as Record<string, unknown>;
    return { details, comments, files: [] };
  }
  // The whole form is read before anything is saved: refuse at once what could never fit the claim.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) throw new ApiProblem("claimTooLarge");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiProblem("invalidRequest");
  }
  const details = form.get("details");
  const comments = form.get("comments");
  let parsedDetails: unknown;
  if (typeof details === "string") {
    try {
      parsedDetails = JSON.parse(details);
    } catch {
      throw new ApiProblem("validation", { details: "invalidRequest" });
    }
  }
  const files = form.getAll("file").filter((part): part is File => typeof part !== "string");
  return { details: parsedDetails, comments: typeof comments === "string" ? comments : undefined, files };
}

export const POST = apiRoute<{ id: string }>(async ({ request, viewer, params }) => {
  const claim = await ownClaim(viewer, params.id);
  const parts = await partsOf(request);
  if (parts.details === undefined && parts.comments === undefined && parts.files.length === 0) throw new ApiProblem("validation", { details: "required" });
  if (parts.details !== undefined) {
    const saved = await savePoeDetails(viewer, claim.id, parts.details);
    if (!saved.ok) throw problemOf(saved);
  }
  if (parts.comments !== undefined) {
    const saved = await saveComments(viewer, claim.id, { comments: parts.comments });
    if (!saved.ok) throw problemOf(saved);
  }
  for (const file of parts.files) {
    try {
      await uploadPoeFile(viewer, claim.id, { fileName: file.name, declaredSize: file.size, body: file.stream() });
    } catch (error) {
      if (isRefusal<PoeFileError>(error)) throw new ApiProblem(error.code);
      throw error;
    }
  }
  return json(poeJson(await proofOfClaim(claim.id)), { status: parts.files.length > 0 ? 201 : 200 });
});
