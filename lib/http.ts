// Helpers for the route handlers: JSON errors, same-origin checks, and a
// Content-Disposition that keeps the user's file name (RFC 6266, UTF-8).
import "server-only";
import { NextResponse } from "next/server";
import { env } from "./env";

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
