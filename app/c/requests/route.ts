// The customer contact's requests page (no sign-in beyond the session the emailed link opened, no
// client script): GET lists every request naming their address, grouped by tenant; POST records an
// Approve or a Decline of one of them (or ends the session), then redirects back to the list.
import { answerUnavailable } from "@/lib/availability";
import { fromOwnPage, htmlResponse, localeOf, nonceOf, seeOther, unavailablePage } from "@/lib/customer/http";
import { answerFromSession, customerRequests } from "@/lib/customer/requests";
import { closedPage, requestsPage, type ReasonProblem, type RequestsNote } from "@/lib/customer/requests-page";
import { translatorFor } from "@/lib/customer/respond";
import { endSessionCookie, readSession, type CustomerSession } from "@/lib/customer/session";
import type { Locale } from "@/lib/i18n/locales";
import { requestMeta } from "@/lib/request-meta";
import { parseId, stripUnsafeText } from "@/lib/text";

/** No session (never opened, ended, or altered): nothing is shown, and the way to a new link. */
async function sessionEnded(locale: Locale, nonce: string | undefined, { posted }: { posted: boolean }) {
  const { t } = await translatorFor(locale);
  const message = posted ? `${t("sessionEnded")} ${t("nothingRecorded")}` : t("sessionEnded");
  return htmlResponse(closedPage(t, locale, { title: t("sessionEndedTitle"), message, nonce }), { status: 403 });
}

async function listPage(session: CustomerSession, locale: Locale, nonce: string | undefined, { status = 200, note, problem, done }: { status?: number; note?: (t: (key: string, values?: Record<string, string>) => string) => RequestsNote; problem?: ReasonProblem; done?: { outcome: string; claimId: string } } = {}) {
  const { t } = await translatorFor(locale);
  const groups = await customerRequests(session.email, locale);
  const answered = done ? groups.flatMap((group) => group.requests).find((request) => request.id === done.claimId) : undefined;
  const confirmed: RequestsNote | undefined =
    answered && done?.outcome === "approved" ? { tone: "ok", text: t("doneApproved", { partner: answered.partnerName }) }
      : answered && done?.outcome === "declined" ? { tone: "ok", text: t("doneDeclined", { partner: answered.partnerName }) }
        : undefined;
  const minutesLeft = Math.max(1, Math.ceil((session.expiresAt.getTime() - Date.now()) / 60_000));
  const page = requestsPage(t, locale, { email: session.email, groups, minutesLeft, note: note?.(t) ?? confirmed, problem, nonce });
  return htmlResponse(page, { status });
}

export const GET = answerUnavailable(async (request: Request) => {
  const url = new URL(request.url);
  const locale = localeOf(request, url.searchParams.get("lang"));
  const session = readSession(request);
  if (!session) return sessionEnded(locale, nonceOf(request), { posted: false });
  const claimId = parseId(url.searchParams.get("claim"));
  const outcome = url.searchParams.get("done");
  return listPage(session, locale, nonceOf(request), { done: claimId && outcome ? { outcome, claimId } : undefined });
}, unavailablePage);

export const POST = answerUnavailable(async (request: Request) => {
  const form = await request.formData().catch(() => null);
  const locale = localeOf(request, form?.get("lang"));
  const nonce = nonceOf(request);
  // Only the page's own forms (the cookie is SameSite=Lax as well).
  if (!fromOwnPage(request)) return new Response("Forbidden", { status: 403 });
  const choice = form?.get("choice");
  if (choice === "end") return seeOther(`/c?lang=${locale}`, { "set-cookie": endSessionCookie() });
  const session = readSession(request);
  if (!session) return sessionEnded(locale, nonce, { posted: true });
  const claimId = parseId(form?.get("claim"));
  if ((choice !== "approve" && choice !== "decline") || !claimId) return new Response("Bad request", { status: 400 });
  const field = form?.get("reason");
  const reason = typeof field === "string" ? field : undefined;

  const answer = await answerFromSession({ email: session.email, claimId, choice, reason, request: requestMeta(request.headers) });
  if (answer.ok) return seeOther(`/c/requests?lang=${locale}&done=${answer.outcome}&claim=${encodeURIComponent(claimId)}#claim-${encodeURIComponent(claimId)}`);
  if (answer.reason === "invalidReason") {
    const { t } = await translatorFor(locale);
    const problem = { claimId, reason: stripUnsafeText(reason ?? "", { multiline: true }), error: t("declineReasonInvalid") };
    return listPage(session, locale, nonce, { status: 400, problem });
  }
  const key = answer.reason === "notFound" ? "notYours" : "notOpen";
  return listPage(session, locale, nonce, { status: answer.reason === "notFound" ? 404 : 409, note: (t) => ({ tone: "warn", text: t(key) }) });
}, unavailablePage);
