// Business days: Monday to Friday, by UTC calendar date. The lifecycle's timers count in them
// (lib/claims/vocabulary.ts); no holidays, as Partner Center's own timers do not name any.

export const DAY_MS = 24 * 60 * 60 * 1000;
export const isWeekday = (date: Date) => date.getUTCDay() !== 0 && date.getUTCDay() !== 6;

/**
 * `date` moved by `n` business days (negative: backwards), keeping the time of day: each step of a
 * calendar day counts when it lands on a weekday. Friday + 1 = Monday; Saturday + 1 = Monday.
 */
export function addBusinessDays(date: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError(`addBusinessDays: ${n} is not a whole number of days`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let time = date.getTime();
  while (left > 0) {
    time += step * DAY_MS;
    if (isWeekday(new Date(time))) left -= 1;
  }
  return new Date(time);
}

const utcDay = (date: Date) => Math.floor(date.getTime() / DAY_MS);

/**
 * The business days from `from` to `to` by UTC calendar date (the time of day does not matter): the
 * weekdays after `from`'s date up to and including `to`'s date; negative when `to` is earlier.
 * `businessDaysBetween(d, addBusinessDays(d, n)) === n`.
 */
export function businessDaysBetween(from: Date, to: Date): number {
  const start = utcDay(from);
  const end = utcDay(to);
  if (end < start) return -businessDaysBetween(to, from);
  let count = 0;
  // Whole weeks hold five business days each; count the remainder day by day.
  const weeks = Math.floor((end - start) / 7);
  count += weeks * 5;
  for (let day = start + weeks * 7 + 1; day <= end; day += 1) {
    if (isWeekday(new Date(day * DAY_MS))) count += 1;
  }
  return count;
}

/** When a timer starts: at once on a weekday; a start on Saturday or Sunday counts from Monday 00:00 UTC. */
export function timerStart(date: Date): Date {
  if (isWeekday(date)) return date;
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  while (!isWeekday(monday)) monday.setUTCDate(monday.getUTCDate() + 1);
  return monday;
}
