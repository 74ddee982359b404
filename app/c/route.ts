// /c: a customer contact asks for new links to every request naming their email address (no sign-in,
// no client script): GET shows the form, POST queues the emails and answers the same for every address.
import { z } from "zod";
import { answerUnavailable } from "@/lib/availability";
import { accessPage, accessSentPage, problemPage } from "@/lib/customer/page";
import { requestCustomerAccess } from "@/lib/customer/access";
import { translatorFor } from "@/lib/customer/respond";
import { env } from "@/lib/env";
import { sameOrigin } from "@/lib/http";
import { isLocale, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { clientAddress } from "@/lib/request-meta";
import { NONCE_HEADER } from "@/lib/security/headers";
import { stripUnsafeText } from "@/lib/text";

const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex", "referrer-policy": "no-referrer", "x-frame-options": "DENY" };
const nonceOf = (request: Request) => request.headers.get(NONCE_HEADER) ?? undefined;
const emailSchema = z.email().max(254);

/** The page's language: the one asked for (?lang= or the form's), else the browser's. */
const localeOf = (request: Request, asked: unknown): Locale => (typeof asked === "string" && isLocale(asked) ? asked : resolveLocale(request.headers.get("accept-language")));

async function unavailablePage(request: Request) {
  const locale = resolveLocale(request.headers.get("accept-language"));
  const { t } = await translatorFor(locale);
  return { body: problemPage(t, locale, t("unavailable"), nonceOf(request), t("unavailableTitle")), contentType: headers["content-type"] };
}

export const GET = answerUnavailable(async (request: Request) => {
  const locale = localeOf(request, new URL(request.url).searchParams.get("lang"));
  const { t } = await translatorFor(locale);
  return new Response(accessPage(t, locale, { nonce: nonceOf(request) }), { headers });
}, unavailablePage);

export const POST = answerUnavailable(async (request: Request) => {
  const form = await request.formData().catch(() => null);
  const locale = localeOf(request, form?.get("lang"));
  const { t } = await translatorFor(locale);
  // Only the portal's own form: a request from another site gets the empty form back, and no email.
  if (!sameOrigin(request)) return new Response(accessPage(t, locale, { nonce: nonceOf(request) }), { status: 403, headers });
  const typed = form?.get("email");
  const parsed = emailSchema.safeParse(typeof typed === "string" ? typed.trim() : undefined);
  const nonce = nonceOf(request);
  if (!parsed.success) {
    const email = typeof typed === "string" ? stripUnsafeText(typed).slice(0, 254) : "";
    return new Response(accessPage(t, locale, { email, error: t("accessInvalid"), nonce }), { status: 400, headers });
  }
  const answer = await requestCustomerAccess({ email: parsed.data, clientAddress: clientAddress(request.headers) });
  if (!answer.ok) {
    const page = accessPage(t, locale, { email: parsed.data, error: t("accessLimited", { minutes: Math.max(1, Math.ceil((answer.retryAfter.getTime() - Date.now()) / 60_000)) }), nonce });
    return new Response(page, { status: 429, headers: { ...headers, "retry-after": String(Math.max(1, Math.ceil((answer.retryAfter.getTime() - Date.now()) / 1000))) } });
  }
  return new Response(accessSentPage(t, locale, { email: parsed.data, days: env().CUSTOMER_LINK_TTL_DAYS, nonce }), { headers });
}, unavailablePage);
