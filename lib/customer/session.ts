// The customer contact's session on the requests page (/c/requests): a cookie opened by an emailed
// single-use link (lib/customer/access-token.ts), holding the address and its expiry, signed with a key
// derived from AUTH_SECRET. Nothing is stored on the server, so every instance reads it alike; it ends
// by itself after SESSION_MINUTES (or when the contact ends it).
//   value = base64url(address) "." exp (seconds, base 36) "." HMAC-SHA256(key, the two before)
import { env } from "../env";
import { signer } from "../security/signing";

export const CUSTOMER_SESSION_COOKIE = "cpor-customer";
/** How long a session lasts from the moment the link opened it. */
export const SESSION_MINUTES = 60;

const VALUE = /^([A-Za-z0-9_-]{1,400})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;

const { sign, verify } = signer("cpor/customer-session/v1");

export type CustomerSession = { email: string; expiresAt: Date };

/** The attributes every form of the cookie shares: only the customer's pages get it, never a script. */
function attributes(maxAge: number) {
  const secure = env().APP_URL.startsWith("https:") ? "; Secure" : "";
  return `; Path=/c; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/** The Set-Cookie header that opens a session for `email` at `now`. */
export function openSessionCookie(email: string, now: Date = new Date()) {
  const exp = Math.floor(now.getTime() / 1000) + SESSION_MINUTES * 60;
  const body = `${Buffer.from(email, "utf8").toString("base64url")}.${exp.toString(36)}`;
  return `${CUSTOMER_SESSION_COOKIE}=${body}.${sign(body)}${attributes(SESSION_MINUTES * 60)}`;
}

/** The Set-Cookie header that ends the session. */
export const endSessionCookie = () => `${CUSTOMER_SESSION_COOKIE}=${attributes(0)}`;

/** The session a request carries, or null when it has none, it was altered, or it has ended. */
export function readSession(request: Request, now: Date = new Date()): CustomerSession | null {
  const value = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CUSTOMER_SESSION_COOKIE}=`))
    ?.slice(CUSTOMER_SESSION_COOKIE.length + 1);
  const parts = value ? VALUE.exec(value) : null;
  if (!parts) return null;
  const [, address, exp, signature] = parts;
  if (!verify(`${address}.${exp}`, signature)) return null;
  const expiresAt = new Date(parseInt(exp, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { email: Buffer.from(address, "base64url").toString("utf8"), expiresAt };
}
