// "Download template": the proof-of-execution template for this claim, prefilled, as a .docx in
// the language asked for (?locale=en|ja), or the viewer's language.
import { getLocale } from "next-intl/server";
import { isLocale, resolveLocale } from "@/lib/i18n/locales";
import { contentDisposition, jsonError, partnerClaimRoute } from "@/lib/http";
import { poeTemplateOfClaim } from "@/lib/poe/queries";
import { POE_TEMPLATE_MIME } from "@/lib/poe/template";

// The incentive admin's own claim only; 404 otherwise, 503 during an outage (lib/http.ts partnerClaimRoute).
export const GET = partnerClaimRoute(async (request, viewer, id) => {
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
}, { write: false });
