// Webhook signatures, the Standard Webhooks convention (https://www.standardwebhooks.com): a secret
// `whsec_` + base64 of 32 random bytes; each request carries webhook-id, webhook-timestamp (Unix seconds)
// and webhook-signature `v1,` + base64 HMAC-SHA256 over `${id}.${timestamp}.${body}` keyed with the
// secret's decoded bytes.
import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

/** A new signing secret. */
export const newSigningSecret = () => PREFIX + randomBytes(32).toString("base64");

/** The secret's key bytes. */
const keyOf = (secret: string) => Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");

/** `v1,<base64 signature>` of one message. */
export function signature(secret: string, { id, timestamp, body }: { id: string; timestamp: number; body: string }) {
  return `v1,${createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** The three headers a delivery carries, signed at `now`. */
export function signedHeaders(secret: string, { id, body, now }: { id: string; body: string; now: Date }) {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signature(secret, { id, timestamp, body }),
  };
}
