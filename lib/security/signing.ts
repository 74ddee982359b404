// Signatures of values the portal hands out and reads back (customer links, the customer's session
// cookie): HMAC-SHA256 with a key derived from AUTH_SECRET per purpose, so a value signed for one
// purpose is never accepted for another, compared in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/** Signs and checks base64url signatures for `purpose` (for example "cpor/customer-session/v1"). */
export function signer(purpose: string) {
  const sign = (body: string) => createHmac("sha256", createHmac("sha256", env().AUTH_SECRET).update(purpose).digest()).update(body).digest("base64url");
  const verify = (body: string, signature: string) => {
    const expected = Buffer.from(sign(body));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return { sign, verify };
}
