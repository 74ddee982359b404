// Webhook signatures follow the Standard Webhooks convention: the reference verifier accepts them.
import { describe, expect, it } from "vitest";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { newSigningSecret, signedHeaders, signature } from "@/lib/webhooks/signing";

describe("webhook signing", () => {
  it("makes whsec_ secrets of 32 random bytes", () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it("signs what standardwebhooks' verifier accepts", () => {
    const secret = newSigningSecret();
    const body = JSON.stringify({ id: "evt_1", type: "claim.status_changed", timestamp: new Date().toISOString(), data: { claimId: "c1", status: "APPROVED" } });
    const headers = signedHeaders(secret, { id: "evt_1", body, now: new Date() });
    expect(headers["webhook-id"]).toBe("evt_1");
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("is refused by the verifier for another secret, another body or another id", () => {
    const secret = newSigningSecret();
    const body = '{"id":"evt_2"}';
    const headers = signedHeaders(secret, { id: "evt_2", body, now: new Date() });
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify('{"id":"evt_3"}', headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "evt_3" })).toThrow(WebhookVerificationError);
  });

  it("matches the Standard Webhooks specification's example", () => {
    // From the specification's README (standard-webhooks/standard-webhooks, "Signature scheme").
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const body = '{"test": 2432232314}';
    expect(signature(secret, { id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body })).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });
});
