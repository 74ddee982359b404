// The reviewer queue's URL parameters: anything malformed is dropped (the queue still shows), never
// passed to the database; page cursors survive the round trip and reject what they did not make.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, queueQueryProblem, queueQuerySchema, rowTimer } from "@/lib/review/queue";

describe("queueQuerySchema", () => {
  it("keeps real calendar days and drops impossible ones", () => {
    expect(queueQuerySchema.parse({ from: "2026-02-28", to: "2028-02-29" })).toMatchObject({ from: "2026-02-28", to: "2028-02-29" });
    for (const bad of ["2021-02-30", "2026-13-01", "2026-00-10", "0001-01-01", "2026-1-1", "yesterday"]) {
      const parsed = queueQuerySchema.parse({ from: bad, to: bad });
      expect(parsed.from, bad).toBeUndefined();
      expect(parsed.to, bad).toBeUndefined();
    }
  });

  it("falls back to the default view and order for unknown values", () => {
    expect(queueQuerySchema.parse({ view: "DRAFT", sort: "name", dir: "up", area: "X", response: "MAYBE", conflict: "yes" })).toEqual({ view: "awaiting", sort: "submitted", dir: "asc" });
    expect(queueQuerySchema.parse({ view: "APPROVED", sort: "age", dir: "desc", conflict: "1", overdue: "1" })).toMatchObject({ view: "APPROVED", sort: "age", dir: "desc", conflict: "1", overdue: "1" });
  });

  it("strips what is not text from a search, and drops an organisation id that is not one", () => {
    expect(queueQuerySchema.parse({ q: "Contoso\u0000", partner: "4412345\uD800", org: "org\u0000" })).toMatchObject({ q: "Contoso", partner: "4412345", org: undefined });
    expect(queueQuerySchema.parse({ q: "\u0000" }).q).toBeUndefined();
    expect(queueQuerySchema.parse({ after: "a\u0000b", before: "%%%" })).toMatchObject({ after: undefined, before: undefined });
  });

  it("queueQueryProblem: a parameter name or value that is not well-formed text is a problem for the export", () => {
    expect(queueQueryProblem(new URLSearchParams("q=Contoso&view=all"))).toBeNull();
    for (const bad of ["q=%00", "partner=%01", "x%00=1", "q=a%0Ab", `q=${"a".repeat(1001)}`]) expect(queueQueryProblem(new URLSearchParams(bad)), bad).toBe("invalidQuery");
    // Invalid UTF-8 in the URL reads as U+FFFD (URLSearchParams holds no lone surrogate): text, if odd.
    expect(queueQueryProblem(new URLSearchParams("q=a%ED%A0%80"))).toBeNull();
  });

  it("treats empty form fields as absent", () => {
    expect(queueQuerySchema.parse({ q: "", area: "", role: "", org: "", partner: "", response: "", from: "", to: "", assignee: "" })).toEqual({ view: "awaiting", sort: "submitted", dir: "asc" });
  });
});

describe("page cursors", () => {
  it("round-trip the sort value and the id", () => {
    const cursor = { at: new Date("2026-11-27T10:11:12.345Z"), id: "cmx0abc" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("reject dates out of range and ids that are not well formed", () => {
    const cursor = (at: string, id: unknown) => Buffer.from(JSON.stringify([at, id])).toString("base64url");
    for (const at of ["+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "+010000-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00.000Z"]) {
      expect(decodeCursor(cursor(at, "c1")), at).toBeUndefined();
    }
    for (const id of ["c\u0000", "\uD800", "", "a b", 5, null]) expect(decodeCursor(cursor("2026-01-01T00:00:00.000Z", id)), JSON.stringify(id)).toBeUndefined();
    expect(decodeCursor(cursor("9999-12-31T23:59:59.999Z", "c1"))).toEqual({ at: new Date("9999-12-31T23:59:59.999Z"), id: "c1" });
    expect(decodeCursor(cursor("1970-01-01T00:00:00.000Z", "c1"))).toEqual({ at: new Date(0), id: "c1" });
  });

  it("reject anything else", () => {
    for (const bad of ["", "x", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["not a date","id"]').toString("base64url"), Buffer.from(`["2026-01-01T00:00:00Z","${"i".repeat(65)}"]`).toString("base64url")]) {
      expect(decodeCursor(bad), bad).toBeUndefined();
    }
  });
});

describe("rowTimer", () => {
  it("counts business days from the timer's start, never below zero, and only the reviewers' timers fall due", () => {
    const saturday = new Date("2026-11-28T10:00:00Z");
    expect(rowTimer({ status: "SUBMITTED", statusChangedAt: saturday }, new Date("2026-11-28T12:00:00Z"))).toEqual({
      daysInStatus: 0,
      timerDays: 5,
      due: new Date("2026-12-07T00:00:00Z"),
      overdue: false,
    });
    expect(rowTimer({ status: "UNDER_REVIEW", statusChangedAt: new Date("2026-11-02T09:00:00Z") }, new Date("2026-11-25T09:00:00Z"))).toMatchObject({
      daysInStatus: 17,
      timerDays: 14,
      overdue: true,
    });
    expect(rowTimer({ status: "PARTNER_ACTION_REQUIRED", statusChangedAt: saturday }, new Date("2027-01-01T00:00:00Z"))).toMatchObject({ timerDays: null, due: null, overdue: false });
  });
});
