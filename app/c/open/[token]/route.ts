// The link of the /c email: GET shows one button and changes nothing (mail scanners open links); its
// POST uses the single-use token up, opens the customer contact's session (a cookie) and redirects to
// their requests page.
import { answerUnavailable } from "@/lib/availability";
import { checkAccessToken, consumeAccessToken, type AccessTokenProblem } from "@/lib/customer/access-token";
import { fromOwnPage, htmlResponse, localeOf, nonceOf, seeOther, unavailablePage } from "@/lib/customer/http";
import { closedPage, openPage } from "@/lib/customer/requests-page";
import { translatorFor } from "@/lib/customer/respond";
import { openSessionCookie, SESSION_MINUTES } from "@/lib/customer/session";
import type { Locale } from "@/lib/i18n/locales";

type Params = { params: Promise<{ token: string }> };

const messageOf: Record<AccessTokenProblem, string> = { tampered: "accessTampered", unknown: "accessTampered", expired: "accessExpired", used: "accessUsed" };
const statusOf: Record<AccessTokenProblem, number> = { tampered: 400, unknown: 404, expired: 410, used: 410 };

async function cannotUse(reason: AccessTokenProblem, locale: Locale, nonce: string | undefined) {
  const { t } = await translatorFor(locale);
  return htmlResponse(closedPage(t, locale, { title: t("invalidTitle"), message: t(messageOf[reason]), nonce }), { status: statusOf[reason] });
}

export const GET = answerUnavailable(async (request: Request, { params }: Params) => {
  const { token } = await params;
  const locale = localeOf(request, new URL(request.url).searchParams.get("lang"));
  const checked = await checkAccessToken(token);
  if (!checked.ok) return cannotUse(checked.reason, locale, nonceOf(request));
  const { t } = await translatorFor(locale);
  return htmlResponse(openPage(t, locale, { token, email: checked.email, minutes: SESSION_MINUTES, nonce: nonceOf(request) }));
}, unavailablePage);

export const POST = answerUnavailable(async (request: Request, { params }: Params) => {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const locale = localeOf(request, form?.get("lang"));
  // Only the page's own button: a form posted from another site uses nothing up.
  if (!fromOwnPage(request)) return new Response("Forbidden", { status: 403 });
  const used = await consumeAccessToken(token);
  if (!used.ok) return cannotUse(used.reason, locale, nonceOf(request));
  return seeOther(`/c/requests?lang=${locale}`, { "set-cookie": openSessionCookie(used.email) });
}, unavailablePage);
