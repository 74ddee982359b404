// Download of one proof-of-execution file, for the owning organisation and for reviewers only.
// `?inline=1` opens PDFs and images in the browser instead of saving them.
import { Readable } from "node:stream";
import { loadViewer } from "@/lib/auth/session";
import { answerUnavailable } from "@/lib/availability";
import { downloadName, openPoeFile } from "@/lib/poe/files";
import type { PoeKind } from "@/lib/poe/sniff";
import { contentDisposition, jsonError } from "@/lib/http";
import { inlinePoeKinds } from "@/lib/poe/schemas";
import { parseId } from "@/lib/text";

// A database or blob storage that cannot be reached answers 503 "unavailable" (lib/availability.ts).
export const GET = answerUnavailable(async (request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) => {
  const viewer = await loadViewer();
  if (!viewer) return jsonError(404, "notFound");
  const ids = await params;
  const [id, fileId] = [parseId(ids.id), parseId(ids.fileId)];
  if (!id || !fileId) return jsonError(404, "notFound");
  const opened = await openPoeFile(viewer, id, fileId);
  if (!opened) return jsonError(404, "notFound");
  const { file, content } = opened;
  const inline = new URL(request.url).searchParams.get("inline") === "1" && inlinePoeKinds.has(file.kind);
  return new Response(Readable.toWeb(content) as ReadableStream, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", downloadName(file.fileName, file.kind as PoeKind)),
      "x-content-type-options": "nosniff",
      // A download runs nothing. Shown inline (PDF, PNG, JPEG only), the browser's own viewer must be
      // allowed to run, which a sandbox or default-src 'none' can block; it still may not be framed.
      "content-security-policy": inline ? "frame-ancestors 'none'" : "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
});
