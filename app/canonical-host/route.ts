// The redirect to the same path on APP_URL that proxy.ts answers a read on another host with, by
// rewriting here (see canonicalRedirectRoute for why the proxy does not send it itself).
import { env } from "@/lib/env";
import { canonicalLocation, canonicalPathHeader } from "@/lib/security/canonical-host";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const location = canonicalLocation(env().APP_URL, request.headers.get(canonicalPathHeader) ?? "/");
  return new Response(null, { status: 307, headers: { location, "cache-control": "no-store" } });
}
