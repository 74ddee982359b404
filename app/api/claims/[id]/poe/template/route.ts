// "Download template": the proof-of-execution template for this claim, prefilled, as a .docx in
// the language asked for (?locale=en|ja), or the viewer's language.
import { getLocale, getTranslations } from "next-intl/server";
import { isPartnerAdmin, loadViewer } from "@/lib/auth/session";
import { answerUnavailable } from "@/lib/availability";
import { findClaim } from "@/lib/claims/queries";
import { summaryOfClaim } from "@/lib/claims/summary";
import { isLocale } from "@/lib/i18n/locales";
import { contentDisposition, jsonError } from "@/lib/poe/http";
import { POE_TEMPLATE_MIME, poeTemplateFileName, renderPoeTemplate } from "@/lib/poe/template";
import { parseId } from "@/lib/text";

// A database or blob storage that cannot be reached answers 503 "unavailable" (lib/availability.ts).
export const GET = answerUnavailable(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const viewer = await loadViewer();
  if (!viewer || !isPartnerAdmin(viewer)) return jsonError(404, "notFound");
  const id = parseId((await params).id);
  if (!id) return jsonError(404, "notFound");
  const claim = await findClaim(viewer, id);
  if (!claim) return jsonError(404, "notFound");
  const asked = new URL(request.url).searchParams.get("locale");
  const locale = asked && isLocale(asked) ? asked : await getLocale();
  const t = await getTranslations({ locale, namespace: "Roles" });
  const summary = await summaryOfClaim(claim);
  const input = {
    locale: locale === "ja" ? ("ja" as const) : ("en" as const),
    claimName: claim.name,
    partnerName: viewer.organization.name,
    partnerId: claim.partnerId,
    customerName: claim.customerName ?? summary.tenantName,
    tenantId: claim.tenantId,
    solutionArea: claim.solutionArea,
    partnerRole: t(claim.partnerRole),
    workloads: summary.workloads.map((w) => ({ name: w.name, subscriptionIds: w.subscriptions.map((s) => s.id) })),
    customerContact: { name: claim.customerContactName, title: claim.customerContactTitle, email: claim.customerContactEmail },
    partnerContact: { name: claim.partnerContactName, email: claim.partnerContactEmail },
    generatedAt: new Date(),
  };
  const document = await renderPoeTemplate(input);
  return new Response(new Uint8Array(document), {
    headers: {
      "content-type": POE_TEMPLATE_MIME,
      "content-disposition": contentDisposition("attachment", poeTemplateFileName(input)),
      "cache-control": "private, no-store",
    },
  });
});
