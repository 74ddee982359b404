// Runs before every page and route handler: keeps requests on APP_URL's host, removes forwarded
// headers nobody vouches for, and sets the security headers with a fresh CSP nonce.
import { NextResponse, type NextRequest } from "next/server";
import { entraConfigured, env } from "@/lib/env";
import { canonicalHost, canonicalPathHeader, canonicalRedirectRoute, forwardedHeaders } from "@/lib/security/canonical-host";
import { NONCE_HEADER, newNonce, securityHeaders } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const settings = env();
  const trustedProxy = settings.TRUSTED_PROXY === "on";
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const security = securityHeaders({
    pathname,
    nonce,
    development: settings.NODE_ENV === "development",
    https: settings.APP_URL.startsWith("https:"),
    formTargets: entraConfigured(settings) ? [new URL(settings.AUTH_MICROSOFT_ENTRA_ID_ISSUER!).origin] : [],
  });
  const respond = (response: NextResponse) => {
    for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
    return response;
  };

  const host = canonicalHost({ method: request.method, pathname, search, headers: request.headers }, { appUrl: settings.APP_URL, trustedProxy });
  const headers = new Headers(request.headers);
  headers.delete(canonicalPathHeader);
  if (host.action === "redirect") {
    headers.set(canonicalPathHeader, host.path);
    return respond(NextResponse.rewrite(new URL(canonicalRedirectRoute, request.url), { request: { headers } }));
  }
  // 421 Misdirected Request: no body, nothing to translate.
  if (host.action === "refuse") return respond(new NextResponse(null, { status: 421 }));

  if (!trustedProxy) for (const name of forwardedHeaders) headers.delete(name);
  headers.set(NONCE_HEADER, nonce);
  // Next.js reads the nonce for its own scripts from the request's policy.
  if (security["content-security-policy"]) headers.set("content-security-policy", security["content-security-policy"]);
  else headers.delete("content-security-policy");
  return respond(NextResponse.next({ request: { headers } }));
}

export const config = {
  // Static build output and the dev server's hot-reload socket skip the proxy; next.config.ts gives
  // static files their headers.
  matcher: ["/((?!_next/static/|_next/webpack-hmr).*)"],
};
