// What the customer's route handlers under /c share: the headers of their HTML answers, the CSP
// nonce, the page's language, the "try again" page during an outage, and redirects to APP_URL.
import { env } from "../env";
import { sameOrigin } from "../http";
import { isLocale, resolveLocale, type Locale } from "../i18n/locales";
import { NONCE_HEADER } from "../security/headers";
import { problemPage } from "./page";
import { translatorFor } from "./respond";

export const pageHeaders = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex", "referrer-policy": "no-referrer", "x-frame-options": "DENY" } as const;

/** Set by proxy.ts, whose Content-Security-Policy lets only the <style> with this nonce apply. */
export const nonceOf = (request: Request) => request.headers.get(NONCE_HEADER) ?? undefined;

/** The page's language: the one asked for (?lang= or the form's), else the browser's. */
export const localeOf = (request: Request, asked: unknown): Locale => (typeof asked === "string" && isLocale(asked) ? asked : resolveLocale(request.headers.get("accept-language")));

/**
 * Whether a form was posted from the portal's own pages. The customer pages send no referrer, so a
 * browser sends `Origin: null` with their forms: then the browser's Sec-Fetch-Site must say same-origin.
 */
export function fromOwnPage(request: Request) {
  if (request.headers.get("origin") === "null") return request.headers.get("sec-fetch-site") === "same-origin";
  return sameOrigin(request);
}

/** An HTML answer of a customer page. */
export const htmlResponse = (body: string, { status = 200, headers = {} }: { status?: number; headers?: Record<string, string> } = {}) =>
  new Response(body, { status, headers: { ...pageHeaders, ...headers } });

/** A 303 to a path of the portal, built from APP_URL (never from the request's host headers). */
export const seeOther = (path: string, headers: Record<string, string> = {}) =>
  new Response(null, { status: 303, headers: { "cache-control": "no-store", location: `${env().APP_URL}${path}`, ...headers } });

/** The database could not be reached: a page in the browser's language that says nothing was recorded. */
export async function unavailablePage(request: Request) {
  const locale = resolveLocale(request.headers.get("accept-language"));
  const { t } = await translatorFor(locale);
  return { body: problemPage(t, locale, t("unavailable"), nonceOf(request), t("unavailableTitle")), contentType: pageHeaders["content-type"] };
}
