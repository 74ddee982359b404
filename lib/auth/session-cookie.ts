// Auth.js's session cookie itself: whether the browser sent one, and forgetting one that names no
// session (signed out elsewhere, expired, or removed), so it cannot get in the way of a new sign-in.
import "server-only";
import { cookies } from "next/headers";

/** Auth.js's names: the __Secure- one when the portal is served over https. */
const names = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

export async function hasSessionCookie() {
  const store = await cookies();
  return names.some((name) => store.has(name));
}

/** The session token the browser sent, if any. */
export async function sessionCookieValue() {
  const store = await cookies();
  for (const name of names) {
    const value = store.get(name)?.value;
    if (value) return value;
  }
  return undefined;
}

/** Expires the session cookie (route handlers and server actions only: pages cannot set cookies). */
export async function forgetSessionCookie() {
  const store = await cookies();
  for (const name of names) {
    if (store.has(name)) store.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
