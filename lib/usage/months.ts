// Calendar months as usage counts them: a month is the UTC date of its first day (the DATE column of
// UsageFigure), written "YYYY-MM" in files and views. Pure code, shared by the import, the rule and the pages.

/** The first day of `date`'s month (UTC). */
export function startOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** The first day of the month `count` months after (or before, when negative) `month`'s. */
export function addMonths(month: Date, count: number): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + count, 1));
}

/** "YYYY-MM" of `month`. */
export function monthKey(month: Date): string {
  return month.toISOString().slice(0, 7);
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first day of the month a "YYYY-MM" names, or null when it names none. */
export function parseMonthKey(key: string): Date | null {
  const match = MONTH_KEY.exec(key);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : null;
}

/** Every month from `from` to `to`, both included (none when `to` is before `from`). */
export function monthsBetween(from: Date, to: Date): Date[] {
  const months: Date[] = [];
  for (let month = startOfMonth(from); month.getTime() <= to.getTime(); month = addMonths(month, 1)) months.push(month);
  return months;
}
