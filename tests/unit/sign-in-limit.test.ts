// Pieces of the sign-in request limits and of the sign-in email's outbox row that need no database:
// how clients are grouped, and the sealing of the link kept in the row.
import { describe, expect, it } from "vitest";


import { clientBucket, signInLimitKey } from "@/lib/auth/sign-in-limit";
import { seal, unseal } from "@/lib/notify/seal";

describe("sign-in limit clients", () => {
  it("count an IPv4 address as itself, also when written as IPv4-mapped IPv6", () => {
    expect(clientBucket("198.51.100.7")).toBe("198.51.100.7");
    expect(clientBucket("::ffff:198.51.100.7")).toBe("198.51.100.7");
  });

  it("count IPv6 addresses by their /64, however they are written", () => {
    expect(clientBucket("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientBucket("2001:DB8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientBucket("2001:0db8:0001:0002:0:0:0:ffff")).toBe("2001:db8:1:2::/64");
    expect(clientBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientBucket("::1")).toBe("0:0:0:0::/64");
    expect(clientBucket("2001:db8:1:3::1")).not.toBe(clientBucket("2001:db8:1:2::1"));
  });

  it("are stored as keyed hashes, never as the address", () => {
    const key = signInLimitKey("email", "admin@contoso.example");
    expect(key).toMatch(/^sign-in:email:[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain("contoso");
    expect(signInLimitKey("client", "admin@contoso.example")).not.toBe(key);
  });
});

describe("sealed outbox secrets", () => {
  const link = "http://localhost:3100/api/auth/callback/nodemailer?callbackUrl=%2F&token=abc&email=a%40b.example";

  it("open to the same text, and do not show it", () => {
    const sealed = seal(link);
    expect(sealed).not.toContain("token");
    expect(seal(link)).not.toBe(sealed);
    expect(unseal(sealed)).toBe(link);
  });

  it("refuse any change", () => {
    const [iv, body, tag] = seal(link).split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(unseal([iv, flipped.toString("base64url"), tag].join("."))).toBeNull();
    expect(unseal("not sealed")).toBeNull();
    expect(unseal("")).toBeNull();
  });
});
