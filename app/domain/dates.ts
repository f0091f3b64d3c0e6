/**
 * Calendar dates ("2020-05-28", as stored in `date` columns) — the one ISO-date parser and the one day
 * arithmetic (docs/decisions/0012-dates.md). Pure and exact: dates are day numbers of the proleptic Gregorian
 * calendar, never instants, so no time zone or daylight-saving change can shift them.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An existing date in ISO form, else null (rejects 2021-02-30 instead of rolling it over; no time part). */
export function parseIsoDate(value: unknown): CalendarDate | null {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) return null;
  return date;
}

/** A real calendar date in ISO form (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  return parseIsoDate(value) !== null;
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function isoDayNumber(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not an ISO date: ${isoDate}`);
  return dayNumber(date);
}

/** The date `days` calendar days later (earlier when negative). */
export function addDays(isoDate: string, days: number): string {
  return toIsoDate(fromDayNumber(isoDayNumber(isoDate) + days));
}

/** Whole calendar days from `from` to `to` (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return isoDayNumber(to) - isoDayNumber(from);
}

/** Monday and Sunday of the ISO week that contains the date. */
export function isoWeekBounds(isoDate: string): { monday: string; sunday: string } {
  const n = isoDayNumber(isoDate);
  const monday = n - ((dayOfWeek(n) + 6) % 7);
  return { monday: toIsoDate(fromDayNumber(monday)), sunday: toIsoDate(fromDayNumber(monday + 6)) };
}
