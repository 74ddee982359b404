// The claim lifecycle's pure parts: the transition table checked exhaustively against the lifecycle
// of docs/domain.md (written out again here, independently of the module's table), the reason code
// lists, and the timers' business-day arithmetic.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { actorKinds, allowedTransitions, canTransition, claimStatuses, customerDeclinableStatuses, dueAt, editableStatuses, findTransition, isOverdue, LIFECYCLE_TIMERS, overdueCutoff, partnerActionReasons, rejectionReasons, reviewerActions, reviewerRejectionReasons, transitions, type ActorKind } from "@/lib/claims/vocabulary";
import { addBusinessDays, businessDaysBetween } from "@/lib/claims/business-days";

// docs/domain.md, "Claim lifecycle": who moves a claim on, from which status to which.
const expected: [from: ClaimStatus, to: ClaimStatus, by: ActorKind][] = [
  ["DRAFT", "SUBMITTED", "partner"], // incentive admin: Submit claim
  ["SUBMITTED", "UNDER_REVIEW", "reviewer"], // reviewer picks it up
  ["UNDER_REVIEW", "APPROVED", "reviewer"],
  ["UNDER_REVIEW", "REJECTED", "reviewer"],
  ["UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "reviewer"],
  ["PARTNER_ACTION_REQUIRED", "UNDER_REVIEW", "partner"], // resubmits
  ["PARTNER_ACTION_REQUIRED", "REJECTED", "system"], // 14 business days without an answer
  ["REJECTED", "DISPUTE", "partner"], // once, within 30
  ["DISPUTE", "APPROVED", "reviewer"],
  ["DISPUTE", "REJECTED_FINAL", "reviewer"],
  ["APPROVED", "REJECTED_FINAL", "partner"], // Disassociate customer
  ["APPROVED", "REJECTED", "reviewer"], // displaced by a competing claim with a more recent valid PoE
  // The customer may decline at any time after submission, also once the association is official.
  ["SUBMITTED", "REJECTED", "customer"],
  ["UNDER_REVIEW", "REJECTED", "customer"],
  ["PARTNER_ACTION_REQUIRED", "REJECTED", "customer"],
  ["APPROVED", "REJECTED", "customer"],
  ["DISPUTE", "REJECTED", "customer"],
];
const isExpected = (from: ClaimStatus, to: ClaimStatus, by: ActorKind) => expected.some(([f, t, a]) => f === from && t === to && a === by);

const triples = claimStatuses.flatMap((from) => claimStatuses.flatMap((to) => actorKinds.map((by) => [from, to, by] as const)));

describe("the transition table", () => {
  it("covers 8 statuses × 8 statuses × 4 actor kinds", () => {
    expect(claimStatuses).toHaveLength(8);
    expect(actorKinds).toEqual(["partner", "reviewer", "customer", "system"]);
    expect(triples).toHaveLength(256);
  });

  it("allows each move exactly when the lifecycle says so, and offers it as an action unless it only follows another", () => {
    const mismatches = triples.filter(([from, to, by]) => canTransition(from, to, by) !== isExpected(from, to, by));
    expect(mismatches).toEqual([]);
    const consequence = (from: ClaimStatus, to: ClaimStatus) => from === "APPROVED" && to === "REJECTED";
    const offeredWrongly = triples.filter(([from, to, by]) => allowedTransitions(from, by).some((rule) => rule.to === to) !== (isExpected(from, to, by) && !(by === "reviewer" && consequence(from, to))));
    expect(offeredWrongly).toEqual([]);
  });

  it("holds no duplicate and nothing beyond the lifecycle", () => {
    const entries = transitions.flatMap((rule) => rule.by.map((by) => `${rule.from}>${rule.to}>${by}`));
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.sort()).toEqual(expected.map(([f, t, a]) => `${f}>${t}>${a}`).sort());
  });

  it("never leaves Rejected final, and nothing goes back to Draft", () => {
    for (const by of actorKinds) expect(allowedTransitions("REJECTED_FINAL", by)).toEqual([]);
    for (const from of claimStatuses) for (const by of actorKinds) expect(canTransition(from, "DRAFT", by)).toBe(false);
    for (const status of claimStatuses) for (const by of actorKinds) expect(canTransition(status, status, by)).toBe(false);
  });

  it("asks for the reason each decision needs", () => {
    const reasonOf = (from: ClaimStatus, to: ClaimStatus, by: ActorKind) => {
      const rule = findTransition(from, to, by)!;
      return { reason: rule.reason, reasonCode: rule.reasonCode };
    };
    expect(reasonOf("DRAFT", "SUBMITTED", "partner")).toEqual({ reason: "none", reasonCode: undefined });
    expect(reasonOf("SUBMITTED", "UNDER_REVIEW", "reviewer")).toEqual({ reason: "none", reasonCode: undefined });
    expect(reasonOf("UNDER_REVIEW", "APPROVED", "reviewer")).toEqual({ reason: "none", reasonCode: undefined });
    expect(reasonOf("UNDER_REVIEW", "REJECTED", "reviewer")).toEqual({ reason: "rejection", reasonCode: undefined });
    expect(reasonOf("UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "reviewer")).toEqual({ reason: "partnerAction", reasonCode: undefined });
    expect(reasonOf("PARTNER_ACTION_REQUIRED", "UNDER_REVIEW", "partner")).toEqual({ reason: "none", reasonCode: undefined });
    expect(reasonOf("PARTNER_ACTION_REQUIRED", "REJECTED", "system")).toEqual({ reason: "rejection", reasonCode: "NO_PARTNER_RESPONSE" });
    expect(reasonOf("REJECTED", "DISPUTE", "partner")).toEqual({ reason: "required-text", reasonCode: undefined });
    expect(reasonOf("DISPUTE", "APPROVED", "reviewer")).toEqual({ reason: "none", reasonCode: undefined });
    expect(reasonOf("DISPUTE", "REJECTED_FINAL", "reviewer")).toEqual({ reason: "rejection", reasonCode: undefined });
    expect(reasonOf("APPROVED", "REJECTED_FINAL", "partner")).toEqual({ reason: "required-text", reasonCode: "PARTNER_REQUEST" });
    for (const from of ["SUBMITTED", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "APPROVED", "DISPUTE"] as const) {
      expect(reasonOf(from, "REJECTED", "customer")).toEqual({ reason: "rejection", reasonCode: "CUSTOMER_DECLINED" });
    }
    expect([...customerDeclinableStatuses].sort()).toEqual(["APPROVED", "DISPUTE", "PARTNER_ACTION_REQUIRED", "SUBMITTED", "UNDER_REVIEW"]);
  });

  it("tells the partner of reviewer and system decisions only", () => {
    const notifying = transitions.filter((rule) => rule.notifiesPartner).map((rule) => `${rule.from}>${rule.to}`);
    expect(notifying.sort()).toEqual(
      ["UNDER_REVIEW>APPROVED", "UNDER_REVIEW>REJECTED", "UNDER_REVIEW>PARTNER_ACTION_REQUIRED", "PARTNER_ACTION_REQUIRED>REJECTED", "DISPUTE>APPROVED", "DISPUTE>REJECTED_FINAL", "APPROVED>REJECTED"].sort(),
    );
  });

  it("offers the reviewer no action of its own for a consequence (the displacement), and keeps its reason code choosable", () => {
    expect(reviewerActions).not.toContain("displace");
    expect(reviewerActions).toContain("approve");
    const rule = findTransition("APPROVED", "REJECTED", "reviewer")!;
    expect({ reason: rule.reason, reasonCode: rule.reasonCode, consequence: rule.consequence }).toEqual({ reason: "rejection", reasonCode: "CONFLICT_WON_BY_OTHER_PARTNER", consequence: true });
    expect(reviewerRejectionReasons).toContain("CONFLICT_WON_BY_OTHER_PARTNER");
    expect(reviewerRejectionReasons).not.toContain("CUSTOMER_DECLINED");
  });

  it("keeps the statuses and the editable ones", () => {
    expect(claimStatuses).toEqual(["DRAFT", "SUBMITTED", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "APPROVED", "REJECTED", "DISPUTE", "REJECTED_FINAL"]);
    expect(editableStatuses).toEqual(["DRAFT", "PARTNER_ACTION_REQUIRED"]);
  });
});

describe("reason codes", () => {
  it("has words for every reason code, and for nothing else, in English and Japanese", async () => {
    for (const locale of ["en", "ja"]) {
      const { Reasons } = (await import(`@/messages/${locale}.json`)).default as { Reasons: Record<string, string> };
      expect(Object.keys(Reasons).sort(), locale).toEqual([...rejectionReasons, ...partnerActionReasons].sort());
      for (const code of Object.keys(Reasons)) expect(Reasons[code].trim(), `${locale} ${code}`).not.toBe("");
    }
  });

  it("keeps the partner action required reasons apart from the rejection reasons", () => {
    for (const code of partnerActionReasons) expect(rejectionReasons).not.toContain(code);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Business days

const utc = (iso: string) => new Date(`${iso}Z`);
// 2026-01-02 is a Friday, 2026-01-03/04 the weekend.
const weekday = (date: Date) => date.getUTCDay() !== 0 && date.getUTCDay() !== 6;
const DAY = 86_400_000;
const timeOfDay = (date: Date) => ((date.getTime() % DAY) + DAY) % DAY;
const anyDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });

describe("addBusinessDays", () => {
  it("skips weekends and keeps the time of day", () => {
    expect(addBusinessDays(utc("2026-01-01T09:30:00"), 1)).toEqual(utc("2026-01-02T09:30:00")); // Thu → Fri
    expect(addBusinessDays(utc("2026-01-02T09:30:00"), 1)).toEqual(utc("2026-01-05T09:30:00")); // Fri → Mon
    expect(addBusinessDays(utc("2026-01-02T23:59:59"), 5)).toEqual(utc("2026-01-09T23:59:59")); // Fri → next Fri
    expect(addBusinessDays(utc("2026-01-03T12:00:00"), 1)).toEqual(utc("2026-01-05T12:00:00")); // Sat → Mon
    expect(addBusinessDays(utc("2026-01-04T12:00:00"), 5)).toEqual(utc("2026-01-09T12:00:00")); // Sun → Fri
    expect(addBusinessDays(utc("2026-01-07T00:00:00"), 0)).toEqual(utc("2026-01-07T00:00:00"));
  });

  it("crosses months and years", () => {
    expect(addBusinessDays(utc("2026-01-30T10:00:00"), 1)).toEqual(utc("2026-02-02T10:00:00")); // Fri 30 Jan → Mon 2 Feb
    expect(addBusinessDays(utc("2026-02-27T10:00:00"), 1)).toEqual(utc("2026-03-02T10:00:00")); // Fri 27 Feb → Mon 2 Mar
    expect(addBusinessDays(utc("2026-01-30T10:00:00"), 30)).toEqual(utc("2026-03-13T10:00:00"));
    expect(addBusinessDays(utc("2026-12-31T08:00:00"), 5)).toEqual(utc("2027-01-07T08:00:00"));
    expect(addBusinessDays(utc("2024-02-28T00:00:00"), 2)).toEqual(utc("2024-03-01T00:00:00")); // leap year: Wed 28 → Thu 29 → Fri 1 Mar
  });

  it("goes backwards for negative days", () => {
    expect(addBusinessDays(utc("2026-01-05T10:00:00"), -1)).toEqual(utc("2026-01-02T10:00:00")); // Mon → Fri
    expect(addBusinessDays(utc("2026-03-02T10:00:00"), -1)).toEqual(utc("2026-02-27T10:00:00"));
  });

  it("refuses fractions of days", () => {
    expect(() => addBusinessDays(utc("2026-01-05T10:00:00"), 1.5)).toThrow(RangeError);
  });

  it("always lands on a weekday n business days later", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (date, n) => {
        const later = addBusinessDays(date, n);
        expect(weekday(later)).toBe(true);
        expect(timeOfDay(later)).toBe(timeOfDay(date));
        expect(businessDaysBetween(date, later)).toBe(n);
        expect(businessDaysBetween(later, date)).toBe(-n);
        // Never more than n weeks of calendar days, never fewer than n.
        const days = (later.getTime() - date.getTime()) / DAY;
        expect(days).toBeGreaterThanOrEqual(n);
        expect(days).toBeLessThanOrEqual(Math.ceil(n / 5) * 7 + 2);
      }),
    );
  });
});

describe("businessDaysBetween", () => {
  it("counts the weekdays after the first date up to the second, by UTC date", () => {
    expect(businessDaysBetween(utc("2026-01-05T10:00:00"), utc("2026-01-05T23:00:00"))).toBe(0);
    expect(businessDaysBetween(utc("2026-01-05T10:00:00"), utc("2026-01-06T09:00:00"))).toBe(1); // time of day ignored
    expect(businessDaysBetween(utc("2026-01-02T10:00:00"), utc("2026-01-04T10:00:00"))).toBe(0); // Fri → Sun
    expect(businessDaysBetween(utc("2026-01-02T10:00:00"), utc("2026-01-05T10:00:00"))).toBe(1); // Fri → Mon
    expect(businessDaysBetween(utc("2026-01-03T10:00:00"), utc("2026-01-04T10:00:00"))).toBe(0); // Sat → Sun
    expect(businessDaysBetween(utc("2026-01-05T00:00:00"), utc("2026-01-12T00:00:00"))).toBe(5); // a week
    expect(businessDaysBetween(utc("2026-01-01T00:00:00"), utc("2026-02-01T00:00:00"))).toBe(21); // January 2026 after the 1st
    expect(businessDaysBetween(utc("2026-01-30T10:00:00"), utc("2026-03-13T10:00:00"))).toBe(30);
    expect(businessDaysBetween(utc("2026-02-01T00:00:00"), utc("2026-01-01T00:00:00"))).toBe(-21);
  });

  it("agrees with counting day by day", () => {
    const dayOf = (date: Date) => Math.floor(date.getTime() / DAY);
    const naive = (from: Date, to: Date) => {
      let count = 0;
      for (let day = dayOf(from) + 1; day <= dayOf(to); day += 1) if (weekday(new Date(day * DAY))) count += 1;
      return count;
    };
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -800, max: 800 }), (from, offset) => {
        const to = new Date(from.getTime() + offset * DAY);
        expect(businessDaysBetween(from, to)).toBe(offset >= 0 ? naive(from, to) : -naive(to, from));
      }),
    );
  });
});

describe("timers", () => {
  const changed = utc("2026-01-02T15:00:00"); // a Friday afternoon

  it("has the domain's business-day timers", () => {
    expect(LIFECYCLE_TIMERS).toEqual({ SUBMITTED: 5, UNDER_REVIEW: 14, PARTNER_ACTION_REQUIRED: 14, REJECTED: 30, DISPUTE: 5 });
  });

  it("computes when each status's timer runs out", () => {
    expect(dueAt("SUBMITTED", changed)).toEqual(utc("2026-01-09T15:00:00"));
    expect(dueAt("UNDER_REVIEW", changed)).toEqual(utc("2026-01-22T15:00:00"));
    expect(dueAt("PARTNER_ACTION_REQUIRED", changed)).toEqual(utc("2026-01-22T15:00:00"));
    expect(dueAt("REJECTED", changed)).toEqual(utc("2026-02-13T15:00:00"));
    expect(dueAt("DISPUTE", changed)).toEqual(utc("2026-01-09T15:00:00"));
    for (const status of ["DRAFT", "APPROVED", "REJECTED_FINAL"] as const) expect(dueAt(status, changed)).toBeNull();
    expect(dueAt("SUBMITTED", null)).toBeNull();
    expect(dueAt("SUBMITTED", undefined)).toBeNull();
  });

  it("takes an override of the timers", () => {
    expect(dueAt("SUBMITTED", changed, { SUBMITTED: 1 })).toEqual(utc("2026-01-05T15:00:00"));
    expect(dueAt("UNDER_REVIEW", changed, { SUBMITTED: 1 })).toEqual(utc("2026-01-22T15:00:00"));
    expect(dueAt("APPROVED", changed, { APPROVED: 2 })).toEqual(utc("2026-01-06T15:00:00"));
    expect(isOverdue("REJECTED", changed, utc("2026-01-06T15:00:01"), { REJECTED: 2 })).toBe(true);
  });

  it("is overdue only after the due moment", () => {
    const due = dueAt("PARTNER_ACTION_REQUIRED", changed)!;
    expect(isOverdue("PARTNER_ACTION_REQUIRED", changed, new Date(due.getTime() - 1))).toBe(false);
    expect(isOverdue("PARTNER_ACTION_REQUIRED", changed, due)).toBe(false);
    expect(isOverdue("PARTNER_ACTION_REQUIRED", changed, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue("APPROVED", changed, utc("2030-01-01T00:00:00"))).toBe(false);
    expect(isOverdue("DRAFT", changed, utc("2030-01-01T00:00:00"))).toBe(false);
    expect(isOverdue("SUBMITTED", null, utc("2030-01-01T00:00:00"))).toBe(false);
  });
});

describe("overdueCutoff", () => {
  const timed = ["SUBMITTED", "UNDER_REVIEW", "PARTNER_ACTION_REQUIRED", "REJECTED", "DISPUTE"] as const;
  const instant = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true });

  it("is exactly where isOverdue turns true: overdue if and only if the start is before the cutoff", () => {
    fc.assert(
      fc.property(fc.constantFrom(...timed), instant, fc.integer({ min: 0, max: 60 * 24 * 60 * 60 * 1000 }), (status, now, back) => {
        const start = new Date(now.getTime() - back);
        const cutoff = overdueCutoff(status, now)!;
        expect(isOverdue(status, start, now)).toBe(start.getTime() < cutoff.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it("holds at the edges: one millisecond either side of the cutoff, on a weekend too", () => {
    for (const now of [new Date("2026-11-28T10:00:00Z") /* Saturday */, new Date("2026-11-30T00:00:00Z") /* Monday midnight */]) {
      for (const status of timed) {
        const cutoff = overdueCutoff(status, now)!;
        expect(isOverdue(status, new Date(cutoff.getTime() - 1), now)).toBe(true);
        expect(isOverdue(status, cutoff, now)).toBe(false);
      }
    }
  });

  it("never lets a later start fall due earlier: a Saturday start after a Friday-night one", () => {
    const friday = new Date("2026-03-06T23:59:00Z");
    const saturday = new Date("2026-03-07T00:01:00Z");
    expect(dueAt("SUBMITTED", friday)).toEqual(new Date("2026-03-13T23:59:00Z"));
    expect(dueAt("SUBMITTED", saturday)).toEqual(new Date("2026-03-16T00:00:00Z"));
    fc.assert(
      fc.property(fc.constantFrom(...timed), instant, fc.integer({ min: 1, max: 10 * 24 * 60 * 60 * 1000 }), (status, start, later) => {
        expect(dueAt(status, new Date(start.getTime() + later))!.getTime()).toBeGreaterThanOrEqual(dueAt(status, start)!.getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it("is null for statuses without a timer", () => {
    expect(overdueCutoff("APPROVED", new Date())).toBeNull();
    expect(overdueCutoff("DRAFT", new Date())).toBeNull();
  });
});
