/**
 * Due dates of inquiries as pure functions: (receipt date, deadline rule, body calendar) → due date + explanation.
 *
 * Dates are ISO calendar dates ("2020-05-28") in the body's time zone, the receipt day as the council office
 * recorded it. All arithmetic runs on day numbers (days since 1970-01-01) computed from year/month/day integers,
 * never on local-time Date objects, so the process time zone and daylight saving time cannot shift a date.
 *
 * Conventions (German administrative practice: §§ 187–193 BGB, § 31 VwVfG):
 * - The receipt day does not count (§ 187 Abs. 1 BGB): "14 days after receipt on 28.05." ends on 11.06.
 * - weeks = 7 × N calendar days; months end on the day with the receipt day's number N months later, or on the
 *   last day of that month when it has no such day (§ 188 Abs. 2, 3 BGB: 31.01. + 1 month → 28./29.02.);
 *   quarter = 3 months.
 * - A calendar/week/month/quarter period whose end falls on a Saturday, Sunday or a public holiday of the body's
 *   Land ends on the next working day instead (§ 193 BGB, § 31 Abs. 3 VwVfG); the explanation says so.
 * - working_days counts N working days after receipt (Monday–Friday, not a public holiday of the Land); the result
 *   is a working day by construction. Public holidays come from date-holidays, type "public" only: 24.12. and
 *   31.12. ("bank") or regional holidays of single municipalities do not count.
 * - next_meeting: the first meeting of the named organisation strictly after the receipt day (an inquiry received
 *   on a meeting day is answered in the following meeting); no meeting scheduled → no due date yet. Meeting dates
 *   are never moved.
 */
import { dayNumber, dayOfWeek, daysInMonth, fromDayNumber, parseIsoDate, toIsoDate, type CalendarDate } from "./dates";
import Holidays from "date-holidays";
import { deadlinesText, stateNames } from "./texts/deadlines";

/**
 * Deadline rule as data, interpreted below; db/schema/bodies.ts stores it as jsonb.
 * Examples: { kind: "weeks", amount: 4 }, { kind: "working_days", amount: 10 }, { kind: "next_meeting", organizationId }.
 */
export type DeadlineRule =
  | { kind: "calendar_days" | "weeks" | "months" | "working_days"; amount: number }
  | { kind: "quarter" }
  | { kind: "next_meeting"; organizationId: string }
  | { kind: "none" };

export type GermanState = keyof typeof stateNames;

export interface DeadlineCalendar {
  /** The body's Land as ISO 3166-2 code without "DE-", e.g. "SH", "NW". */
  state: string;
  /** The body's meetings (only this body's); used by next_meeting rules. */
  meetings?: ReadonlyArray<{ organizationId: string; date: string }>;
  /** Display names of organisations, for the explanation of next_meeting rules ("des Gremiums „Hauptausschuss“"). */
  organizationNames?: Readonly<Record<string, string>>;
}

export interface DueDate {
  /** ISO date, or null when the rule sets no deadline or the deciding meeting is not scheduled yet. */
  dueOn: string | null;
  /** German, shown next to the due date. */
  explanation: string;
}

export type DeadlineInputProblem =
  "invalid_date" | "date_out_of_range" | "unknown_state" | "invalid_amount" | "unknown_rule";

/** Thrown for input that cannot describe a deadline; `message` is German and may be shown to staff. */
export class DeadlineInputError extends Error {
  constructor(
    readonly problem: DeadlineInputProblem,
    message: string,
  ) {
    super(message);
    this.name = "DeadlineInputError";
  }
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const MAX_AMOUNT = 1000;

// ---- calendar arithmetic on day numbers -------------------------------------------------------------

// Day numbers, the ISO parser and month lengths are those of ./dates (the one calendar arithmetic).
type YearMonthDay = CalendarDate;
const toIso = toIsoDate;

function toGerman({ year, month, day }: YearMonthDay) {
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

function parseDate(value: string): YearMonthDay {
  const date = parseIsoDate(value);
  if (!date) throw new DeadlineInputError("invalid_date", deadlinesText.errors.invalidDate(String(value)));
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) {
    throw new DeadlineInputError("date_out_of_range", deadlinesText.errors.dateOutOfRange(value));
  }
  return date;
}

function parseState(value: string): GermanState {
  if (typeof value !== "string" || !Object.hasOwn(stateNames, value)) {
    throw new DeadlineInputError("unknown_state", deadlinesText.errors.unknownState(String(value)));
  }
  return value as GermanState;
}

function parseAmount(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_AMOUNT) {
    throw new DeadlineInputError("invalid_amount", deadlinesText.errors.invalidAmount(value));
  }
  return value;
}

/** Throws DeadlineInputError unless `value` is an existing ISO date ("2020-05-28") in the supported years. */
export function assertIsoDate(value: string): void {
  parseDate(value);
}

// ---- public holidays --------------------------------------------------------------------------------

/** One date-holidays instance per Land and one table of public holidays per Land and year, built on first use. */
const holidayCalendars = new Map<GermanState, { source: Holidays; years: Map<number, ReadonlyMap<string, string>> }>();

function publicHolidaysOf(state: GermanState, year: number): ReadonlyMap<string, string> {
  let calendar = holidayCalendars.get(state);
  if (!calendar) {
    // `types` makes date-holidays compute only the public holidays (5–6 times faster than all of them).
    calendar = { source: new Holidays("DE", state, { languages: ["de"], types: ["public"] }), years: new Map() };
    holidayCalendars.set(state, calendar);
  }
  let holidays = calendar.years.get(year);
  if (!holidays) {
    const table = new Map<string, string>();
    // `date` is the local calendar date "YYYY-MM-DD hh:mm:ss" of the holiday, independent of the process time zone.
    for (const holiday of calendar.source.getHolidays(year)) {
      if (holiday.type === "public") table.set(holiday.date.slice(0, 10), holiday.name);
    }
    holidays = table;
    calendar.years.set(year, holidays);
  }
  return holidays;
}

function holidayName(n: number, state: GermanState): string | null {
  const date = fromDayNumber(n);
  return publicHolidaysOf(state, date.year).get(toIso(date)) ?? null;
}

function isWorkingDayNumber(n: number, state: GermanState) {
  const weekday = dayOfWeek(n);
  return weekday !== 0 && weekday !== 6 && holidayName(n, state) === null;
}

/** The name of the Land's public holiday on that date ("Reformationstag"), or null. */
export function publicHolidayOn(date: string, state: string): string | null {
  return holidayName(dayNumber(parseDate(date)), parseState(state));
}

/** Monday to Friday and not a public holiday of the Land. */
export function isWorkingDay(date: string, state: string): boolean {
  return isWorkingDayNumber(dayNumber(parseDate(date)), parseState(state));
}

/** The N-th working day after `date` (the day itself does not count, whether or not it is a working day). */
export function addWorkingDays(date: string, amount: number, state: string): string {
  return toIso(fromDayNumber(addWorkingDayNumbers(dayNumber(parseDate(date)), parseAmount(amount), parseState(state))));
}

function addWorkingDayNumbers(start: number, amount: number, state: GermanState) {
  let n = start;
  for (let counted = 0; counted < amount;) {
    n += 1;
    if (isWorkingDayNumber(n, state)) counted += 1;
  }
  return n;
}

// ---- due dates --------------------------------------------------------------------------------------

function addMonths(date: YearMonthDay, months: number): { date: YearMonthDay; clamped: boolean } {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return { date: { year, month, day: Math.min(date.day, last) }, clamped: date.day > last };
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/**
 * The end of a calendar-based period, moved to the next working day when it falls on a Saturday, Sunday or
 * public holiday (§ 193 BGB), with the explanation completed accordingly.
 */
function endOfPeriod(end: number, state: GermanState, explanation: string): DueDate {
  if (isWorkingDayNumber(end, state)) {
    return {
      dueOn: toIso(fromDayNumber(end)),
      explanation: sentence(explanation + deadlinesText.dueOn(toGerman(fromDayNumber(end)))),
    };
  }
  let next = end + 1;
  while (!isWorkingDayNumber(next, state)) next += 1;
  const nextDate = fromDayNumber(next);
  const nextText = `${deadlinesText.weekday(dayOfWeek(next))}, ${toGerman(nextDate)}`;
  const endText = toGerman(fromDayNumber(end));
  const holiday = holidayName(end, state);
  const moved =
    holiday === null
      ? deadlinesText.movedFromWeekend(deadlinesText.weekday(dayOfWeek(end)), endText, nextText)
      : deadlinesText.movedFromHoliday(holiday, stateNames[state], endText, nextText);
  return { dueOn: toIso(nextDate), explanation: sentence(explanation + moved) };
}

function monthsAfter(received: YearMonthDay, months: number, state: GermanState, label: string): DueDate {
  const { date, clamped } = addMonths(received, months);
  return endOfPeriod(dayNumber(date), state, clamped ? label + deadlinesText.monthEndClamped(toGerman(date)) : label);
}

/** The due date of an inquiry received on `receivedOn` under `rule`, with a German explanation of how it was reached. */
export function computeDueDate(receivedOn: string, rule: DeadlineRule, calendar: DeadlineCalendar): DueDate {
  const received = parseDate(receivedOn);
  const state = parseState(calendar.state);
  const start = dayNumber(received);
  const receivedText = toGerman(received);

  switch (rule.kind) {
    case "calendar_days": {
      const amount = parseAmount(rule.amount);
      return endOfPeriod(start + amount, state, deadlinesText.calendarDays(amount, receivedText));
    }
    case "weeks": {
      const amount = parseAmount(rule.amount);
      return endOfPeriod(start + 7 * amount, state, deadlinesText.weeks(amount, receivedText));
    }
    case "months": {
      const amount = parseAmount(rule.amount);
      return monthsAfter(received, amount, state, deadlinesText.months(amount, receivedText));
    }
    case "quarter":
      return monthsAfter(received, 3, state, deadlinesText.quarter(receivedText));
    case "working_days": {
      const amount = parseAmount(rule.amount);
      const due = fromDayNumber(addWorkingDayNumbers(start, amount, state));
      return {
        dueOn: toIso(due),
        explanation: sentence(
          deadlinesText.workingDays(amount, receivedText, stateNames[state]) + deadlinesText.dueOn(toGerman(due)),
        ),
      };
    }
    case "next_meeting": {
      const organization = calendar.organizationNames?.[rule.organizationId] ?? null;
      let next: number | null = null;
      for (const meeting of calendar.meetings ?? []) {
        if (meeting.organizationId !== rule.organizationId) continue;
        const n = dayNumber(parseDate(meeting.date));
        if (n > start && (next === null || n < next)) next = n;
      }
      if (next === null)
        return { dueOn: null, explanation: sentence(deadlinesText.noMeetingScheduled(organization, receivedText)) };
      const meeting = fromDayNumber(next);
      return {
        dueOn: toIso(meeting),
        explanation: sentence(deadlinesText.nextMeeting(organization, receivedText, toGerman(meeting))),
      };
    }
    case "none":
      return { dueOn: null, explanation: deadlinesText.none };
    default: {
      const unknown: never = rule;
      throw new DeadlineInputError(
        "unknown_rule",
        deadlinesText.errors.unknownRule(String((unknown as { kind?: unknown }).kind)),
      );
    }
  }
}
