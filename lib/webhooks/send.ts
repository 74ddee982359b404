// One HTTP request to a webhook endpoint: POST with the signed headers, a time limit, no redirects
// followed, at most a few kilobytes of the answer read, and (unless WEBHOOK_ALLOW_PRIVATE) https to
// public addresses only, checked on the addresses actually connected to (lib/webhooks/address.ts).
import http from "node:http";
import https from "node:https";
import { assertLiteralAllowed, ForbiddenAddressError, safeLookup } from "./address";

export const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 4 * 1024;

export type SendOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export function postWebhook({ url, headers, body, allowPrivate, timeoutMs = REQUEST_TIMEOUT_MS }: { url: string; headers: Record<string, string>; body: string; allowPrivate: boolean; timeoutMs?: number }): Promise<SendOutcome> {
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== "https:" && !(allowPrivate && target.protocol === "http:")) throw new ForbiddenAddressError("notHttps", "the endpoint is not an https URL");
    if (!allowPrivate) assertLiteralAllowed(target);
  } catch (error) {
    return Promise.resolve({ ok: false, status: null, error: error instanceof Error ? error.message : String(error) });
  }
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "CPOR-Webhooks/1" },
        ...(allowPrivate ? {} : { lookup: safeLookup as never }),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        // The answer's body is not needed: read a little (so the server sees it consumed), then hang up.
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) done();
        });
        const done = () => finish(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}` });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => finish({ ok: false, status: null, error: `no answer within ${Math.round(timeoutMs / 1000)} s` }), timeoutMs);
    request.on("error", (error) => finish({ ok: false, status: null, error: error.message }));
    request.end(body);
  });
}
