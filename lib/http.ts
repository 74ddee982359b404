// Helpers for the route handlers: the partner's claim route (gate, origin, id, outage answer), JSON
// errors, same-origin checks, and a Content-Disposition that keeps the user's file name (RFC 6266, UTF-8).
import "server-only";
import { NextResponse } from "next/server";
import { isPartnerAdmin, loadViewer, type PartnerViewer } from "./auth/session";
import { answerUnavailable } from "./availability";
import { env } from "./env";
import { parseId } from "./text";

export const jsonError = (status: number, code: string) => NextResponse.json({ error: code }, { status, headers: { "cache-control": "no-store" } });

/** Refuses a state-changing request that does not come from the portal's own pages. */
export function sameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  const own = new URL(request.url).origin;
  return origin === own || origin === new URL(env().APP_URL).origin;
}

export function contentDisposition(kind: "attachment" | "inline", fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A route on one of the incentive admin's claims, as the server actions' partnerClaimAction: anyone but
 * an incentive admin, and a malformed id, get 404 (as for the pages); a write (`write: true`) from
 * another origin gets 403; a database or blob storage out of reach answers 503 (lib/availability.ts).
 * The handler checks that the claim is the viewer's organisation's.
 */
export function partnerClaimRoute(handler: (request: Request, viewer: PartnerViewer, claimId: string) => Promise<Response>, { write }: { write: boolean }) {
  return answerUnavailable(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const viewer = await loadViewer();
    if (!viewer || !isPartnerAdmin(viewer)) return jsonError(404, "notFound");
    if (write && !sameOrigin(request)) return jsonError(403, "forbidden");
    const id = parseId((await params).id);
    if (!id) return jsonError(404, "notFound");
    return handler(request, viewer, id);
  });
}
