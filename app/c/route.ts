// /c: a customer contact asks for a link to every request naming their email address (no sign-in, no
// client script): GET shows the form, POST queues the one email and answers the same for every address.
import { z } from "zod";
import { answerUnavailable } from "@/lib/availability";
import { accessPage, accessSentPage } from "@/lib/customer/page";
import { requestCustomerAccess } from "@/lib/customer/access";
import { ACCESS_TOKEN_MINUTES } from "@/lib/customer/access-token";
import { fromOwnPage, htmlResponse, localeOf, nonceOf, unavailablePage } from "@/lib/customer/http";
import { translatorFor } from "@/lib/customer/respond";
import { clientAddress } from "@/lib/request-meta";
import { stripUnsafeText } from "@/lib/text";

const emailSchema = z.email().max(254);

export const GET = answerUnavailable(async (request: Request) => {
  const locale = localeOf(request, new URL(request.url).searchParams.get("lang"));
  const { t } = await translatorFor(locale);
  return htmlResponse(accessPage(t, locale, { nonce: nonceOf(request) }));
}, unavailablePage);

export const POST = answerUnavailable(async (request: Request) => {
  const form = await request.formData().catch(() => null);
  const locale = localeOf(request, form?.get("lang"));
  const { t } = await translatorFor(locale);
  const nonce = nonceOf(request);
  // Only the portal's own form: a request from another site gets the empty form back, and no email.
  if (!fromOwnPage(request)) return htmlResponse(accessPage(t, locale, { nonce }), { status: 403 });
  const typed = form?.get("email");
  const parsed = emailSchema.safeParse(typeof typed === "string" ? typed.trim() : undefined);
  if (!parsed.success) {
    const email = typeof typed === "string" ? stripUnsafeText(typed).slice(0, 254) : "";
    return htmlResponse(accessPage(t, locale, { email, error: t("accessInvalid"), nonce }), { status: 400 });
  }
  const answer = await requestCustomerAccess({ email: parsed.data, locale, clientAddress: clientAddress(request.headers) });
  if (!answer.ok) {
    const wait = answer.retryAfter.getTime() - Date.now();
    const page = accessPage(t, locale, { email: parsed.data, error: t("accessLimited", { minutes: Math.max(1, Math.ceil(wait / 60_000)) }), nonce });
    return htmlResponse(page, { status: 429, headers: { "retry-after": String(Math.max(1, Math.ceil(wait / 1000))) } });
  }
  return htmlResponse(accessSentPage(t, locale, { email: parsed.data, minutes: ACCESS_TOKEN_MINUTES, nonce }));
}, unavailablePage);
