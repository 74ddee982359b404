// Upload of one proof-of-execution file: the raw file is the request body (streamed, never held
// whole in memory), its name in the X-File-Name header (URI-encoded).
import { NextResponse } from "next/server";
import { uploadPoeFile, type PoeFileError } from "@/lib/poe/files";
import { isRefusal } from "@/lib/refusal";
import { jsonError, partnerClaimRoute } from "@/lib/http";

const statusOf = { notFound: 404, notEditable: 409, fileTooLarge: 413, claimTooLarge: 413, fileType: 415, empty: 400, fileName: 400, incomplete: 400 } as const;

// The incentive admin's own claim only; 404 otherwise, 503 during an outage (lib/http.ts partnerClaimRoute).
export const POST = partnerClaimRoute(async (request, viewer, id) => {
  if (!request.body) return jsonError(400, "empty");
  let fileName = "";
  try {
    fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
  } catch {
    return jsonError(400, "fileName");
  }
  const length = request.headers.get("content-length");
  try {
    const file = await uploadPoeFile(viewer, id, { fileName, declaredSize: length ? Number(length) : null, body: request.body });
    return NextResponse.json({ file: { ...file, uploadedAt: file.uploadedAt.toISOString() } }, { status: 201 });
  } catch (error) {
    if (isRefusal<PoeFileError>(error)) return jsonError(statusOf[error.code], error.code);
    throw error;
  }
}, { write: true });
