// The pure claim rule: whether a subscription can be claimed in a Business Applications role.
import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { subscriptionEligibility } from "@/lib/claims/rules";

const now = new Date("2025-06-30T12:00:00.000Z");
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const directChannel = fc.constantFrom("VOLUME_LICENSING" as const, "WEB_DIRECT" as const);
const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });

describe("subscriptionEligibility", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("refuses a CSP subscription whatever its end date", () => {
    expect(subscriptionEligibility({ channel: "CSP", endsAt: at(86_400_000) }, now)).toBe("csp");
    expect(subscriptionEligibility({ channel: "CSP", endsAt: at(-86_400_000) }, now)).toBe("csp");
  });

  it.each(["VOLUME_LICENSING", "WEB_DIRECT"] as const)("treats a %s subscription ending now or earlier as expired", (channel) => {
    expect(subscriptionEligibility({ channel, endsAt: at(0) }, now)).toBe("expired");
    expect(subscriptionEligibility({ channel, endsAt: at(-1) }, now)).toBe("expired");
    expect(subscriptionEligibility({ channel, endsAt: at(1) }, now)).toBe("eligible");
  });

  it("makes a direct purchase eligible exactly while it has not ended", () => {
    fc.assert(
      fc.property(directChannel, date, date, (channel, endsAt, when) => {
        expect(subscriptionEligibility({ channel, endsAt }, when)).toBe(endsAt.getTime() > when.getTime() ? "eligible" : "expired");
      }),
    );
  });

  it("measures against the current time by default", () => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
    expect(subscriptionEligibility({ channel: "WEB_DIRECT", endsAt: at(1) })).toBe("eligible");
    expect(subscriptionEligibility({ channel: "WEB_DIRECT", endsAt: at(0) })).toBe("expired");
  });
});
