import { describe, expect, it } from "vitest";
import {
  isUuid,
  formatDate,
  formatDateLong,
  formatFileSize,
  formatNumber,
  formatQuestionNumbers,
  formatReference,
  isoDateInTimeZone,
  joinGerman,
} from "~/domain/format";

describe("formatDate", () => {
  it.each([
    ["2020-06-15", "15.06.2020"],
    ["2020-07-07", "07.07.2020"],
    ["2021-03-26", "26.03.2021"],
    ["1999-12-31", "31.12.1999"],
    ["2024-02-29", "29.02.2024"],
    // not a date: returned as it is rather than guessed
    ["2021-02-30", "2021-02-30"],
    ["15.06.2020", "15.06.2020"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });
});

describe("formatDateLong", () => {
  it.each([
    ["2020-07-07", "7. Juli 2020"],
    ["2020-05-28", "28. Mai 2020"],
    ["2021-03-26", "26. März 2021"],
    ["2021-03-05", "5. März 2021"],
    ["2020-01-01", "1. Januar 2020"],
    ["2020-12-24", "24. Dezember 2020"],
    ["nonsense", "nonsense"],
  ])("%s → %s", (input, expected) => {
    expect(formatDateLong(input)).toBe(expected);
  });
});

describe("isoDateInTimeZone", () => {
  it.each([
    // 22:30 UTC on 6 July is already 7 July in Berlin (summer time, UTC+2)
    ["2020-07-06T22:30:00Z", "Europe/Berlin", "2020-07-07"],
    ["2020-07-06T21:59:59Z", "Europe/Berlin", "2020-07-06"],
    // winter time, UTC+1
    ["2021-01-31T23:00:00Z", "Europe/Berlin", "2021-02-01"],
    ["2021-01-31T22:59:00Z", "Europe/Berlin", "2021-01-31"],
    ["2021-01-31T23:00:00Z", "UTC", "2021-01-31"],
  ])("%s in %s → %s", (instant, zone, expected) => {
    expect(isoDateInTimeZone(new Date(instant), zone)).toBe(expected);
  });
});

describe("formatNumber", () => {
  it.each([
    [52413, "52.413"],
    [47904, "47.904"],
    [6968, "6.968"],
    [800, "800"],
    [0, "0"],
    [1234567, "1.234.567"],
    [null, ""],
    [undefined, ""],
  ])("%s → %j", (input, expected) => {
    expect(formatNumber(input)).toBe(expected);
  });
});

describe("formatFileSize", () => {
  it.each([
    [0, "0 Byte"],
    [812, "812 Byte"],
    [14_200, "14 kB"],
    [2_345_678, "2,3 MB"],
    [25_000_000, "25 MB"],
  ])("%s → %s", (input, expected) => {
    expect(formatFileSize(input)).toBe(expected);
  });
});

describe("formatReference", () => {
  it.each([
    ["Kleine Anfrage", "3761", "Kleine Anfrage 3761"],
    ["Drucksache", "17/9511", "Drucksache 17/9511"],
    ["Mitteilungsvorlage", "M 20/0226", "Mitteilungsvorlage M 20/0226"],
    ["Antrag", null, "Antrag"],
    [null, "17/9511", "17/9511"],
    ["Anfrage", "Anfrage 2", "Anfrage 2"],
    ["  Schreiben ", " 1/2021 ", "Schreiben 1/2021"],
    [null, null, ""],
  ])("(%j, %j) → %j", (kind, reference, expected) => {
    expect(formatReference(kind, reference)).toBe(expected);
  });
});

describe("joinGerman and formatQuestionNumbers", () => {
  it.each([
    [[], ""],
    [["3"], "3"],
    [["3", "4"], "3 und 4"],
    [["1", "2", "3"], "1, 2 und 3"],
  ])("joinGerman(%j) → %j", (items, expected) => {
    expect(joinGerman(items)).toBe(expected);
  });

  it.each([
    [[], ""],
    [["2"], "Frage 2"],
    [["3", "4"], "Fragen 3 und 4"],
    [["3a", "3b", "4"], "Fragen 3a, 3b und 4"],
  ])("formatQuestionNumbers(%j) → %j", (numbers, expected) => {
    expect(formatQuestionNumbers(numbers)).toBe(expected);
  });
});

describe("isUuid", () => {
  it.each([
    ["00000000-0000-4000-8000-000000000000", true],
    ["B78403FB-90F9-4E63-8733-A192688B8A6A", true],
    ["not-an-id", false],
    ["00000000-0000-4000-8000-000000000000 ", false],
    ["' or 1=1 --", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
