// Ids for rows written by raw SQL (lib/ids.ts): the shape and order of the ids Prisma writes.
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";

describe("newId", () => {
  it("has the shape of the schema's cuid() ids", () => {
    expect(newId()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("sorts by the time it was made, and in the order made within one millisecond", () => {
    const at = Date.UTC(2026, 11, 2, 12);
    const sameMillisecond = Array.from({ length: 50 }, () => newId(at));
    expect([...sameMillisecond].sort()).toEqual(sameMillisecond);
    expect(newId(at + 1) > sameMillisecond.at(-1)!).toBe(true);
    expect(newId(at - 1) < sameMillisecond[0]).toBe(true);
    expect(new Set(sameMillisecond).size).toBe(50);
  });

  it("sorts with a cuid() Prisma wrote a millisecond earlier or later", () => {
    // A cuid of 2026-12-02T12:00:00.000Z: "c", the time in base 36, counter, fingerprint, random.
    const at = Date.UTC(2026, 11, 2, 12);
    const prisma = `c${at.toString(36)}0001abcd12345678`;
    expect(newId(at - 1) < prisma).toBe(true);
    expect(newId(at + 1) > prisma).toBe(true);
  });
});
