// Customer link tokens and the outbox's arithmetic, without a database: tokens are deterministic per
// outbox message, bound to claim and email, and any change to one breaks its signature.
import { describe, expect, it } from "vitest";


import { backoffMs, MAX_ATTEMPTS, messageIdHost } from "@/lib/notify/outbox";
import { customerLinkToken, customerLinkUrl, hashToken, linkExpiry, verifyCustomerLink } from "@/lib/notify/tokens";

const base = { claimId: "cm0claim0000000000000001", email: "Nancy@Northwind.example", outboxId: "cm0outbox000000000000001", expiresAt: new Date("2030-01-01T00:00:00Z") };

describe("customer link tokens", () => {
  it("are the same for the same outbox message and differ for another message, claim or address", () => {
    const token = customerLinkToken(base);
    expect(customerLinkToken(base)).toBe(token);
    expect(customerLinkToken({ ...base, email: " nancy@northwind.EXAMPLE " })).toBe(token);
    expect(customerLinkToken({ ...base, outboxId: "other" })).not.toBe(token);
    expect(customerLinkToken({ ...base, claimId: "cm0claim0000000000000002" })).not.toBe(token);
    expect(customerLinkToken({ ...base, email: "someone@else.example" })).not.toBe(token);
  });

  it("are URL-safe, carry no email address, and are stored only as a SHA-256 hash", () => {
    const token = customerLinkToken(base);
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(token.toLowerCase()).not.toContain("northwind");
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(customerLinkUrl(token, "approve")).toBe(`${process.env.APP_URL}/c/${token}?choice=approve`);
  });

  it("reject any change as tampered, and a genuine but old token as expired, before asking the database", async () => {
    const token = customerLinkToken(base);
    const parts = token.split(".");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const index of [0, 1, 2, 3, 4]) {
      const changed = parts.map((part, i) => (i === index ? flip(part) : part)).join(".");
      expect(await verifyCustomerLink(changed)).toEqual({ ok: false, reason: "tampered" });
    }
    for (const junk of ["", "abc", `${token}.x`, token.replace(/\./g, "-"), "a".repeat(5000)]) {
      expect(await verifyCustomerLink(junk)).toEqual({ ok: false, reason: "tampered" });
    }
    expect(await verifyCustomerLink(token, new Date("2030-01-01T00:00:01Z"))).toEqual({ ok: false, reason: "expired" });
  });

  it("accept only the one spelling of the signature (base64url's last character carries unused bits)", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (const outboxId of ["a", "b", "c", "d"]) {
      const token = customerLinkToken({ ...base, outboxId });
      for (const last of alphabet) {
        if (last === token.at(-1)) continue;
        expect(await verifyCustomerLink(token.slice(0, -1) + last, new Date("2029-01-01T00:00:00Z"))).toEqual({ ok: false, reason: "tampered" });
      }
    }
  });

  it("expire after CUSTOMER_LINK_TTL_DAYS, in whole seconds", () => {
    expect(linkExpiry(new Date("2026-01-01T00:00:00.750Z"), 30).toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });
});

describe("outbox arithmetic", () => {
  it("backs off 30 s doubling per attempt, at most an hour", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000]);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it("takes the Message-ID host from MAIL_FROM", () => {
    expect(messageIdHost("CPOR claims portal <no-reply@cpor.test>")).toBe("cpor.test");
    expect(messageIdHost("no-reply@Example.COM")).toBe("example.com");
  });
});
