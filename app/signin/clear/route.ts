// GET /signin/clear: forgets a session cookie that names no session (the sign-in page sends such
// browsers here, since a page cannot set cookies), then shows the sign-in page again.
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { loadViewer } from "@/lib/auth/session";
import { forgetSessionCookie } from "@/lib/auth/session-cookie";

export async function GET(request: NextRequest) {
  if (!(await loadViewer())) await forgetSessionCookie();
  const error = request.nextUrl.searchParams.get("error");
  redirect(`/signin${error ? `?error=${encodeURIComponent(error)}` : ""}`);
}
