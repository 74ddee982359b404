// Secrets kept in outbox payloads (a sign-in link) are sealed with a key derived from AUTH_SECRET
// (AES-256-GCM), so reading the database gives no working link: Auth.js stores only the token's hash.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { env } from "../env";

const key = () => createHmac("sha256", env().AUTH_SECRET).update("cpor/outbox-seal/v1").digest();

/** `<iv>.<ciphertext>.<tag>`, base64url. */
export function seal(plain: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url")).join(".");
}

/** The sealed text, or null if it was altered or sealed with another AUTH_SECRET. */
export function unseal(sealed: string): string | null {
  const [iv, body, tag] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !body || !tag || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
