import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NumberingError,
  PUBLIC_REF_PATTERN,
  formatReference,
  numberedReference,
  periodFor,
  publicRefFor,
  receiptDate,
  slugifyReference,
  validateReferenceFormat,
} from "~/domain/numbering";

describe("periodFor", () => {
  it.each([
    ["year", { receivedOn: "2026-11-23" }, "2026"],
    ["year", { receivedOn: "2027-01-01", currentTerm: "18" }, "2027"],
    ["term", { receivedOn: "2026-11-23", currentTerm: "18" }, "18"],
    ["term", { receivedOn: "2026-11-23", currentTerm: " 17 " }, "17"],
  ] as const)("%s %o → %s", (kind, facts, expected) => {
    expect(periodFor(kind, facts)).toBe(expected);
  });

  it.each([
    ["term", { receivedOn: "2026-11-23" }, /Wahlperiode/],
    ["term", { receivedOn: "2026-11-23", currentTerm: "" }, /Wahlperiode/],
    ["term", { receivedOn: "2026-11-23", currentTerm: "18/1" }, /Buchstaben und Ziffern/],
    ["year", { receivedOn: "23.11.2026" }, /Eingangsdatum/],
  ] as const)("%s %o is refused", (kind, facts, message) => {
    expect(() => periodFor(kind, facts)).toThrow(NumberingError);
    expect(() => periodFor(kind, facts)).toThrow(message);
  });
});

describe("receiptDate (the year of receipt is the body's, not UTC's)", () => {
  it.each([
    ["2026-12-31T22:59:59Z", "Europe/Berlin", "2026-12-31"],
    ["2026-12-31T23:00:00Z", "Europe/Berlin", "2027-01-01"],
    ["2026-06-30T22:30:00Z", "Europe/Berlin", "2026-07-01"],
    ["2027-01-01T00:30:00Z", "America/New_York", "2026-12-31"],
  ])("%s in %s is %s", (instant, timeZone, expected) => {
    expect(receiptDate(new Date(instant), timeZone)).toBe(expected);
    expect(periodFor("year", { receivedOn: receiptDate(new Date(instant), timeZone) })).toBe(expected.slice(0, 4));
  });
});

describe("validateReferenceFormat", () => {
  it.each([
    "{n}/{period}",
    "{n}",
    "Anfrage {n}/{period}",
    "SA {n}/{period}",
    "Drs. {period}/{n}",
    "{n}-{period}",
    "M {period}/{n} (neu)",
    "SA {n}",
  ])("accepts %s", (format) => expect(validateReferenceFormat(format)).toBeNull());
  it.each([
    ["Anfrage", /genau einmal \{n\}/],
    ["{n}/{n}", /genau einmal \{n\}/],
    ["{n}/{period}/{period}", /höchstens einmal/],
    ["{n}/{jahr}", /unbekannten Platzhalter \{jahr\}/],
    ["{n}{period}", /Trennzeichen/],
    ["{period}0{n}", /Trennzeichen/],
    ["{n}ä{period}", /Trennzeichen/],
  ])("refuses %s", (format, message) => {
    expect(validateReferenceFormat(format)).toMatch(message);
    expect(() => formatReference(format, 1, "2026")).toThrow(NumberingError);
  });
});

describe("formatReference and publicRefFor", () => {
  it.each([
    // format, type code, n, period, reference, publicRef
    ["Anfrage {n}/{period}", "anfrage", 3, "2026", "Anfrage 3/2026", "Anfrage-3-2026"],
    ["SA {n}/{period}", "schreiben-aufsicht", 1, "2021", "SA 1/2021", "SA-1-2021"],
    ["Antrag {n}/{period}", "antrag", 12, "2020", "Antrag 12/2020", "Antrag-12-2020"],
    // Landtag NRW numbers per term without showing it; the publicRef names type and term.
    ["{n}", "kleine-anfrage", 3, "18", "3", "kleine-anfrage-18-3"],
    ["{n}", "grosse-anfrage", 3, "18", "3", "grosse-anfrage-18-3"],
    // The schema's default format names no type either.
    ["{n}/{period}", "anfrage", 7, "2026", "7/2026", "anfrage-7-2026"],
    ["Drs. {period}/{n}", "drucksache", 9511, "17", "Drs. 17/9511", "Drs-17-9511"],
    ["SA {n}", "schreiben", 5, "2021", "SA 5", "SA-5-2021"],
    ["Große Anfrage Nr. {n}/{period}", "grosse-anfrage", 2, "18", "Große Anfrage Nr. 2/18", "Grosse-Anfrage-Nr-2-18"],
    ["Anfrage über Öl {n} – {period}", "anfrage", 4, "2026", "Anfrage über Öl 4 – 2026", "Anfrage-ueber-Oel-4-2026"],
    ["/{n}/{period}/", "x", 1, "2026", "/1/2026/", "x-1-2026"],
  ])("%s (%s) n=%i period=%s → %s, %s", (format, typeCode, n, period, reference, publicRef) => {
    expect(formatReference(format, n, period)).toBe(reference);
    expect(publicRefFor({ referenceFormat: format, typeCode, n, period })).toBe(publicRef);
    expect(numberedReference({ referenceFormat: format, typeCode, n, period })).toEqual({
      sequence: n,
      period,
      reference,
      publicRef,
    });
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])("refuses sequence %s", (n) => {
    expect(() => formatReference("{n}/{period}", n, "2026")).toThrow(/laufende Nummer/);
  });

  it.each([
    ["M 20/0226", "M-20-0226"],
    ["Straße  --  1", "Strasse-1"],
    ["Café № 5", "Cafe-5"], // accents dropped, symbols become separators,
    ["__1__", "1"],
  ])("slugifyReference(%s) → %s", (text, slug) => {
    expect(slugifyReference(text)).toBe(slug);
  });
});

// ---- properties ----------------------------------------------------------------------------------------

const literal = fc.string({ unit: "grapheme", maxLength: 8 });
const periodArb = fc.oneof(
  fc.integer({ min: 1900, max: 2200 }).map(String),
  fc.integer({ min: 1, max: 40 }).map(String),
  fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
);
const sequenceArb = fc.integer({ min: 1, max: 1_000_000 });
const typeCodeArb = fc.stringMatching(/^[a-z0-9-]{1,20}$/);

/** Any usable format: literal text around {n} and, optionally, {period} in either order. */
const formatArb = fc
  .tuple(literal, literal, literal, fc.constantFrom("n-first", "period-first", "no-period"))
  .map(([a, b, c, order]) => {
    const clean = (s: string) => s.replace(/[{}]/g, "");
    if (order === "no-period") return `${clean(a)}{n}${clean(b)}${clean(c)}`;
    const [first, second] = order === "n-first" ? ["{n}", "{period}"] : ["{period}", "{n}"];
    return `${clean(a)}${first}${clean(b)}${second}${clean(c)}`;
  })
  .filter((format) => validateReferenceFormat(format) === null);

describe("numbering properties", () => {
  it("a publicRef always satisfies the database check and is one path segment", () => {
    fc.assert(
      fc.property(formatArb, typeCodeArb, sequenceArb, periodArb, (referenceFormat, typeCode, n, period) => {
        const ref = publicRefFor({ referenceFormat, typeCode, n, period });
        expect(ref).toMatch(PUBLIC_REF_PATTERN);
        expect(ref).not.toContain("/");
        expect(encodeURIComponent(ref)).toBe(ref);
      }),
      // Pure string functions; 500 random formats and numbers (2000 before issue 9) meet each placeholder order,
      // separator and period shape many times over.
      { numRuns: 500 },
    );
  });

  it("distinct (n, period) of one format and type give distinct publicRefs", () => {
    fc.assert(
      fc.property(
        formatArb,
        typeCodeArb,
        fc.tuple(sequenceArb, periodArb),
        fc.tuple(sequenceArb, periodArb),
        (referenceFormat, typeCode, [n1, p1], [n2, p2]) => {
          fc.pre(n1 !== n2 || p1 !== p2);
          expect(publicRefFor({ referenceFormat, typeCode, n: n1, period: p1 })).not.toBe(
            publicRefFor({ referenceFormat, typeCode, n: n2, period: p2 }),
          );
        },
      ),
      // Collisions need two draws of one format: 1000 pairs (3000 before issue 9); the near-collision property
      // below aims at the ambiguous cases directly.
      { numRuns: 1000 },
    );
  });

  it("near-collisions stay distinct: neighbouring numbers and periods sharing digits", () => {
    fc.assert(
      fc.property(
        formatArb,
        typeCodeArb,
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        (referenceFormat, typeCode, a, b) => {
          // (1, "23") against (12, "3"): the classic ambiguity of concatenated numbers.
          const n1 = Number(`${a}${b}`);
          const pairs: Array<[number, string]> = [
            [a, `${b}`],
            [n1, `${a}`],
            [a, `${b}${a}`],
            [Number(`${b}`), `${a}${b}`],
          ];
          const refs = new Map<string, string>();
          for (const [n, period] of pairs) {
            const key = `${n}|${period}`;
            refs.set(key, publicRefFor({ referenceFormat, typeCode, n, period }));
          }
          expect(new Set(refs.values()).size).toBe(refs.size);
        },
      ),
      // Each run checks four constructed near-collisions; 500 runs (1000 before issue 9).
      { numRuns: 500 },
    );
  });

  it("the reference shows the number, and the period wherever the format asks for it", () => {
    fc.assert(
      fc.property(formatArb, sequenceArb, periodArb, (format, n, period) => {
        const reference = formatReference(format, n, period);
        expect(reference).toContain(String(n));
        if (format.includes("{period}")) expect(reference).toContain(period);
        expect(reference).not.toMatch(/\{n\}|\{period\}/);
      }),
    );
  });
});
