/** The one ISO-date parser and day arithmetic (app/domain/dates.ts), against Date.UTC as an oracle. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayNumber,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isoWeekBounds,
  parseIsoDate,
  toIsoDate,
} from "~/domain/dates";

describe("parseIsoDate", () => {
  it.each([
    ["2020-05-28", { year: 2020, month: 5, day: 28 }],
    ["2024-02-29", { year: 2024, month: 2, day: 29 }],
    ["2000-02-29", { year: 2000, month: 2, day: 29 }],
    ["1999-12-31", { year: 1999, month: 12, day: 31 }],
  ])("%s is a date", (value, expected) => {
    expect(parseIsoDate(value)).toEqual(expected);
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    "2021-02-29",
    "1900-02-29",
    "2026-02-30",
    "2020-04-31",
    "2020-13-01",
    "2020-00-10",
    "2020-01-00",
    "2020-1-01",
    "20-01-01",
    "2020-05-28T00:00:00Z",
    " 2020-05-28",
    "",
    "28.05.2020",
  ])("%j is not", (value) => {
    expect(parseIsoDate(value)).toBeNull();
    expect(isIsoDate(value)).toBe(false);
  });

  it("refuses what is not a string", () => {
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20200528)).toBe(false);
  });
});

const DAY_MS = 86_400_000;
const isoOfUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const date = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2199, 11, 31) / DAY_MS })
  .map((d) => isoOfUtc(d * DAY_MS));

describe("day arithmetic", () => {
  it("day numbers count from 1970-01-01, a Thursday", () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayOfWeek(0)).toBe(4);
    expect(toIsoDate(fromDayNumber(-1))).toBe("1969-12-31");
  });

  it.each([
    ["2020-02-28", 1, "2020-02-29"],
    ["2021-02-28", 1, "2021-03-01"],
    ["2020-12-31", 1, "2021-01-01"],
    ["2020-03-01", -1, "2020-02-29"],
    ["2026-03-28", 2, "2026-03-30"], // across the change to summer time
    ["2026-10-24", 2, "2026-10-26"], // and back
  ])("addDays(%s, %i) = %s", (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
    expect(daysBetween(from, expected)).toBe(days);
  });

  it("agrees with Date.UTC over three centuries", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -3000, max: 3000 }), (from, days) => {
        const expected = isoOfUtc(
          Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10)) + days * DAY_MS,
        );
        expect(addDays(from, days)).toBe(expected);
        expect(daysBetween(from, expected)).toBe(days);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["2026-12-02", "2026-11-30", "2026-12-06"], // Wednesday
    ["2026-11-30", "2026-11-30", "2026-12-06"], // Monday
    ["2026-12-06", "2026-11-30", "2026-12-06"], // Sunday
    ["2021-01-01", "2020-12-28", "2021-01-03"], // across the year
  ])("the ISO week of %s runs %s to %s", (day, monday, sunday) => {
    expect(isoWeekBounds(day)).toEqual({ monday, sunday });
  });

  it("refuses a string that is not a date instead of returning NaN", () => {
    expect(() => addDays("2020-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("heute", "2020-01-01")).toThrow(RangeError);
  });
});
