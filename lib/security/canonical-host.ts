// The one origin the portal answers on (APP_URL): the origin a request names, what happens when it
// names another one, and which forwarded headers the application may believe.

/**
 * Headers a reverse proxy sets about the client's request. Without a trusted proxy in front anyone
 * can send them, so proxy.ts removes them, and server actions' Origin check goes by the Host header.
 * (Auth.js's links come from APP_URL, and the client's address from the connection: lib/request-meta.ts.)
 */
export const forwardedHeaders = ["forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for", "x-real-ip"] as const;

/** Load balancers probe liveness by IP address. */
const anyHost = new Set(["/api/health", "/api/health/"]);

export type HostRequest = { method: string; pathname: string; search: string; headers: Headers };
export type HostDecision = { action: "continue" } | { action: "redirect"; path: string } | { action: "refuse" };

/**
 * Route handler that sends the redirect. proxy.ts rewrites to it rather than redirecting itself:
 * Next.js turns a proxy's redirect to the origin it believes it serves (http://localhost:<port>)
 * into a relative one, which on another host would redirect to itself forever.
 */
export const canonicalRedirectRoute = "/canonical-host";
/** Request header carrying the path (and query) to redirect to; proxy.ts removes any a client sent. */
export const canonicalPathHeader = "x-canonical-path";

/** `path` (path and query) on APP_URL. Concatenated, not resolved: //evil.example stays a path there. */
export function canonicalLocation(appUrl: string, path: string) {
  return `${new URL(appUrl).origin}${path.startsWith("/") ? path : "/"}`;
}

const first = (value: string | null) => value?.split(",")[0]?.trim().toLowerCase() || undefined;

/** host[:port] in lower case, without the scheme's default port. */
function normalizeHost(host: string, protocol: string) {
  const lower = host.trim().toLowerCase();
  const defaultPort = protocol === "https:" ? ":443" : ":80";
  return lower.endsWith(defaultPort) ? lower.slice(0, -defaultPort.length) : lower;
}

/**
 * Whether a request may go on. One that names another host (or, behind a trusted proxy, another
 * scheme) is sent to the same path on APP_URL when it only reads (GET, HEAD); anything else is
 * refused, since sign-in links and customer links would otherwise be built on the host it named.
 */
export function canonicalHost(request: HostRequest, { appUrl, trustedProxy }: { appUrl: string; trustedProxy: boolean }): HostDecision {
  if (anyHost.has(request.pathname)) return { action: "continue" };
  const canonical = new URL(appUrl);
  const host = (trustedProxy ? first(request.headers.get("x-forwarded-host")) : undefined) ?? request.headers.get("host") ?? "";
  const proto = trustedProxy ? first(request.headers.get("x-forwarded-proto")) : undefined;
  const sameHost = normalizeHost(host, canonical.protocol) === canonical.host;
  const sameScheme = proto === undefined || `${proto}:` === canonical.protocol;
  if (sameHost && sameScheme) return { action: "continue" };
  if (request.method === "GET" || request.method === "HEAD") return { action: "redirect", path: `${request.pathname}${request.search}` };
  return { action: "refuse" };
}
