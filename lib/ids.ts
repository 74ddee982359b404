// Ids for rows written by raw SQL, in the shape of the schema's `@default(cuid())` ids that Prisma
// writes: "c", the time in milliseconds, a counter, then randomness, all base 36. They sort with
// Prisma's by time, so the order of ids stays the order of writing (the history, the outbox) whichever
// way a row was written.
import { randomBytes } from "node:crypto";

let counter = 0;
const base36 = (value: number, length: number) => value.toString(36).padStart(length, "0").slice(-length);

/** A new time-ordered id (25 characters, like `cuid()`). */
export function newId(now = Date.now()): string {
  counter = (counter + 1) % 36 ** 4;
  const random = randomBytes(8).readBigUInt64BE().toString(36).padStart(12, "0").slice(-12);
  return `c${base36(now, 8)}${base36(counter, 4)}${random}`;
}
