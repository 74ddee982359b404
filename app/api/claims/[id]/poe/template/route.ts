// "Download template": the proof-of-execution template for this claim, prefilled, as a .docx in
// the language asked for (?locale=en|ja), or the viewer's language.
import { getLocale } from "next-intl/server";
import { isPartnerAdmin, loadViewer } from "@/lib/auth/session";
import { answerUnavailable } from "@/lib/availability";
import { isLocale, resolveLocale } from "@/lib/i18n/locales";
import { contentDisposition, jsonError } from "@/lib/http";
import { poeTemplateOfClaim } from "@/lib/poe/queries";
import { POE_TEMPLATE_MIME } from "@/lib/poe/template";
import { parseId } from "@/lib/text";

// A database or blob storage that cannot be reached answers 503 "unavailable" (lib/availability.ts).
export const GET = answerUnavailable(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const viewer = await loadViewer();
  if (!viewer || !isPartnerAdmin(viewer)) return jsonError(404, "notFound");
  const id = parseId((await params).id);
  if (!id) return jsonError(404, "notFound");
  const asked = new URL(request.url).searchParams.get("locale");
  const locale = resolveLocale(asked && isLocale(asked) ? asked : await getLocale());
  const template = await poeTemplateOfClaim(viewer, id, locale);
  if (!template) return jsonError(404, "notFound");
  return new Response(new Uint8Array(template.document), {
    headers: {
      "content-type": POE_TEMPLATE_MIME,
      "content-disposition": contentDisposition("attachment", template.fileName),
      "cache-control": "private, no-store",
    },
  });
});
