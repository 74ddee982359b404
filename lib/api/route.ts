// The frame of every /api/v1 route handler: the token checked (lib/api/auth.ts), the token's request
// limit counted (lib/api/rate-limit.ts), the handler run, and every refusal answered as problem details
// in the request's language with the RateLimit headers. A database or blob storage out of reach is a
// 503 problem with Retry-After.
import "server-only";
import type { PartnerViewer } from "../auth/session";
import { unavailableService } from "../availability";
import { resolveLocale, type Locale } from "../i18n/locales";
import { authenticate } from "./auth";
import { ApiProblem, problemResponse } from "./problem";
import { consumeApiAllowance, rateLimitHeaders } from "./rate-limit";

export type ApiContext<P> = { request: Request; viewer: PartnerViewer; locale: Locale; params: P };

/** The request's language for messages: Japanese when Accept-Language asks for it, English otherwise. */
export const apiLocale = (request: Request): Locale => resolveLocale(request.headers.get("accept-language"));

export function apiRoute<P = Record<string, never>>(handler: (context: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    const locale = apiLocale(request);
    const instance = new URL(request.url).pathname;
    let limitHeaders: Record<string, string> = {};
    try {
      const { tokenId, viewer } = await authenticate(request);
      const allowance = await consumeApiAllowance(tokenId);
      limitHeaders = rateLimitHeaders(allowance);
      if (!allowance.ok) throw new ApiProblem("rateLimited");
      const response = await handler({ request, viewer, locale, params: await route.params });
      for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error, { locale, instance, headers: limitHeaders });
      const service = unavailableService(error);
      if (!service) throw error;
      return problemResponse(new ApiProblem("unavailable"), { locale, instance, headers: { "Retry-After": "30" } });
    }
  };
}

/** A JSON answer of the API. */
export const json = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) =>
  new Response(JSON.stringify(body), { status: init.status ?? 200, headers: { "content-type": "application/json", ...init.headers } });

/** The request's JSON body, or a 400/415 problem. */
export async function jsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new ApiProblem("unsupportedMediaType");
  try {
    return await request.json();
  } catch {
    throw new ApiProblem("invalidRequest");
  }
}
