/**
 * Properties of computeDueDate over random receipt dates 2000–2040, all 16 Länder and amounts 1–60.
 * The oracle for "working day" is independent of the code under test: weekday from a UTC-noon Date and the
 * public holidays that date-holidays lists for the Land and year; date conversion through Date#toISOString.
 */
import Holidays from "date-holidays";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDueDate, type DeadlineRule } from "~/domain/deadlines";

const STATES = [
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
] as const;

const DAY = 86_400_000;
const FIRST = Date.UTC(2000, 0, 1) / DAY;
const LAST = Date.UTC(2040, 11, 31) / DAY;

const isoOf = (dayNumber: number) => new Date(dayNumber * DAY).toISOString().slice(0, 10);
const dayNumberOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Public holidays per Land and year, straight from date-holidays (getHolidays; isHoliday per day is too slow here). */
const publicHolidays = new Map<string, Set<string>>();
// One calendar per Land: building one parses the Land's rules, which took longer than the year's table.
const calendars = new Map<string, Holidays>();
function oracleIsWorkingDay(iso: string, state: string): boolean {
  const noon = new Date(`${iso}T12:00:00Z`);
  const weekday = noon.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const key = `${state}-${iso.slice(0, 4)}`;
  let holidays = publicHolidays.get(key);
  if (!holidays) {
    // `types: ["public"]` only for speed (the last test below checks that it drops no public holiday).
    let calendar = calendars.get(state);
    if (!calendar) calendars.set(state, (calendar = new Holidays("DE", state, { types: ["public"] })));
    const all = calendar.getHolidays(Number(iso.slice(0, 4)));
    holidays = new Set(all.filter((holiday) => holiday.type === "public").map((holiday) => holiday.date.slice(0, 10)));
    publicHolidays.set(key, holidays);
  }
  return !holidays.has(iso);
}

function workingDaysBetween(fromExclusive: string, toInclusive: string, state: string) {
  let count = 0;
  for (let n = dayNumberOf(fromExclusive) + 1; n <= dayNumberOf(toInclusive); n++) {
    if (oracleIsWorkingDay(isoOf(n), state)) count++;
  }
  return count;
}

const receipt = fc.integer({ min: FIRST, max: LAST }).map(isoOf);
const state = fc.constantFrom(...STATES);
const amount = fc.integer({ min: 1, max: 60 });
const calendarRule: fc.Arbitrary<DeadlineRule> = fc.oneof(
  fc.record({ kind: fc.constantFrom("calendar_days" as const, "weeks" as const, "months" as const), amount }),
  fc.constant({ kind: "quarter" as const }),
);
const workingDaysRule: fc.Arbitrary<DeadlineRule> = amount.map((n) => ({ kind: "working_days" as const, amount: n }));
const meetings = fc.array(fc.record({ organizationId: fc.constantFrom("rat", "ausschuss"), date: receipt }), {
  maxLength: 12,
});
const meetingRule: fc.Arbitrary<DeadlineRule> = fc.constantFrom("rat", "ausschuss").map((organizationId) => ({
  kind: "next_meeting" as const,
  organizationId,
}));
const anyRule = fc.oneof(calendarRule, workingDaysRule, meetingRule);

/**
 * Runs per property. Most of the time goes into date-holidays building a year's table for a Land (~1 ms each
 * with `types: ["public"]`, once per Land and year, for the code and again for the oracle; 656 Land-years in
 * the range). 200 random cases per property reach most Land-years over the six properties; with 500/300
 * runs and the full holiday lists a property took 2–7 s and loaded machines hit Vitest's 5 s timeout.
 */
const RUNS = 200;

// Bounded, CPU-bound loops: on a machine that is busy with other work they take several times longer, which
// is no failure. The limit stays finite so that a real endless loop still ends the run.
describe("deadline properties", { timeout: 60_000 }, () => {
  it("the due date is never before (indeed always after) the receipt date", () => {
    fc.assert(
      fc.property(receipt, anyRule, state, meetings, (receivedOn, rule, st, ms) => {
        const { dueOn } = computeDueDate(receivedOn, rule, { state: st, meetings: ms });
        if (rule.kind === "next_meeting" && dueOn === null) return;
        expect(dueOn).not.toBeNull();
        expect(dueOn! > receivedOn).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("working-day rules end on a working day, after exactly N working days", () => {
    fc.assert(
      fc.property(receipt, amount, state, (receivedOn, n, st) => {
        const { dueOn } = computeDueDate(receivedOn, { kind: "working_days", amount: n }, { state: st });
        expect(oracleIsWorkingDay(dueOn!, st)).toBe(true);
        expect(workingDaysBetween(receivedOn, dueOn!, st)).toBe(n);
      }),
      { numRuns: RUNS },
    );
  });

  it("calendar, week, month and quarter rules end on a working day, no earlier than the rule's length after receipt", () => {
    fc.assert(
      fc.property(receipt, calendarRule, state, (receivedOn, rule, st) => {
        const { dueOn } = computeDueDate(receivedOn, rule, { state: st });
        expect(oracleIsWorkingDay(dueOn!, st)).toBe(true);
        // the unmoved end is at least the rule's minimum length after receipt
        const minimumDays =
          rule.kind === "calendar_days"
            ? rule.amount
            : rule.kind === "weeks"
              ? 7 * rule.amount
              : rule.kind === "months"
                ? 28 * rule.amount
                : 89;
        const span = dayNumberOf(dueOn!) - dayNumberOf(receivedOn);
        expect(span).toBeGreaterThanOrEqual(minimumDays);
      }),
      { numRuns: RUNS },
    );
  });

  it("calendar and week rules only move the end to the next working day (nothing skipped)", () => {
    fc.assert(
      fc.property(
        receipt,
        fc.record({ kind: fc.constantFrom("calendar_days" as const, "weeks" as const), amount }),
        state,
        (receivedOn, rule, st) => {
          const { dueOn } = computeDueDate(receivedOn, rule, { state: st });
          const unmoved = dayNumberOf(receivedOn) + (rule.kind === "weeks" ? 7 : 1) * rule.amount;
          expect(dayNumberOf(dueOn!)).toBeGreaterThanOrEqual(unmoved);
          for (let n = unmoved; n < dayNumberOf(dueOn!); n++) expect(oracleIsWorkingDay(isoOf(n), st)).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("is monotone in the receipt date: a ≤ b ⇒ due(a) ≤ due(b)", () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 400 }), anyRule, state, meetings, (a, gap, rule, st, ms) => {
        const b = isoOf(Math.min(dayNumberOf(a) + gap, LAST));
        const calendar = { state: st, meetings: ms };
        const dueA = computeDueDate(a, rule, calendar).dueOn;
        const dueB = computeDueDate(b, rule, calendar).dueOn;
        // no scheduled meeting means "not yet known", which sorts after every date
        if (dueA === null) expect(dueB).toBeNull();
        else if (dueB !== null) expect(dueA <= dueB).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("date-holidays limited to public holidays lists the same public holidays as its full list", () => {
    for (const st of STATES) {
      for (const year of [2000, 2017, 2019, 2026, 2040]) {
        const publicOnly = new Holidays("DE", st, { types: ["public"] }).getHolidays(year);
        const everything = new Holidays("DE", st).getHolidays(year).filter((holiday) => holiday.type === "public");
        expect(publicOnly.map((holiday) => holiday.date)).toEqual(everything.map((holiday) => holiday.date));
      }
    }
  });

  it("next_meeting gives the earliest meeting of that organisation strictly after receipt", () => {
    fc.assert(
      fc.property(receipt, meetingRule, meetings, (receivedOn, rule, ms) => {
        const { dueOn } = computeDueDate(receivedOn, rule, { state: "SH", meetings: ms });
        const organizationId = rule.kind === "next_meeting" ? rule.organizationId : "";
        const later = ms
          .filter((m) => m.organizationId === organizationId && m.date > receivedOn)
          .map((m) => m.date)
          .sort();
        expect(dueOn).toBe(later[0] ?? null);
      }),
      { numRuns: RUNS },
    );
  });
});
