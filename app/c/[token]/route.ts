// The customer's approve/decline page (no sign-in, no client script). GET shows the request and
// never changes anything (mail scanners open links); POST records the choice, then redirects.
import { answerUnavailable } from "@/lib/availability";
import { resolveLocale } from "@/lib/i18n/locales";
import { requestMeta } from "@/lib/request-meta";
import { problemPage, requestPage } from "@/lib/customer/page";
import { openCustomerLink, respondToLink, translatorFor, type InvalidAnswer, type LinkProblem } from "@/lib/customer/respond";
import { htmlResponse, nonceOf, unavailablePage } from "@/lib/customer/http";
import { stripUnsafeText } from "@/lib/text";

async function problem(result: LinkProblem, nonce: string | undefined) {
  const { t } = await translatorFor(result.locale);
  const message = result.reason === "expired" ? t("expiredNoContact") : result.reason === "draft" ? t("draft") : t(result.reason);
  return htmlResponse(problemPage(t, result.locale, message, nonce, undefined, { newLinks: result.reason !== "draft" }), { status: result.reason === "tampered" ? 400 : result.reason === "expired" ? 410 : 404 });
}

/** The page again, with the field error beside the reason (nothing was recorded). */
async function invalidAnswer(result: InvalidAnswer, token: string, reason: string, nonce: string | undefined) {
  const { t } = await translatorFor(result.view.locale);
  const page = requestPage(t, result.view, { token, choice: "decline", reasonError: t("declineReasonInvalid"), reason: stripUnsafeText(reason, { multiline: true }), nonce });
  return htmlResponse(page, { status: 400 });
}

export const GET = answerUnavailable(async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const url = new URL(request.url);
  const opened = await openCustomerLink(token, resolveLocale(request.headers.get("accept-language")));
  if (!opened.ok) return problem(opened, nonceOf(request));
  const { t } = await translatorFor(opened.view.locale);
  const page = requestPage(t, opened.view, { token, choice: url.searchParams.get("choice") ?? undefined, done: url.searchParams.get("done") ?? undefined, nonce: nonceOf(request) });
  return htmlResponse(page);
}, unavailablePage);

export const POST = answerUnavailable(async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const choice = form?.get("choice");
  if (choice !== "approve" && choice !== "decline") return new Response("Bad request", { status: 400 });
  const field = form?.get("reason");
  const reason = typeof field === "string" ? field : undefined;
  const result = await respondToLink(token, choice, reason, requestMeta(request.headers));
  if (!result.ok) return result.reason === "invalidReason" ? invalidAnswer(result, token, reason ?? "", nonceOf(request)) : problem(result, nonceOf(request));
  const done = result.outcome === "approved" ? "approved" : result.outcome === "declined" ? "declined" : "";
  return new Response(null, { status: 303, headers: { location: `/c/${encodeURIComponent(token)}${done ? `?done=${done}` : ""}` } });
}, unavailablePage);
