/**
 * Reference numbers of inquiries — pure: which period a submission is numbered in, how the reference is
 * written (the type's `referenceFormat` with `{n}` and `{period}`) and the URL-safe `publicRef` derived from it.
 * The counter itself lives in the database (app/server/inquiries/numbering.server.ts).
 *
 * The publicRef is one path segment (`/{body}/anfragen/{publicRef}`) and unique per body across all types, so:
 * - "Anfrage 3/2026" → "Anfrage-3-2026": umlauts transliterated, every run of other characters becomes "-".
 * - A format that names no type ("{n}", "{n}/{period}") gets the type's code in front, because two such types
 *   of one body would otherwise collide: NRW Kleine Anfrage "{n}", term 18, n 3 → "kleine-anfrage-18-3".
 * - A format without `{period}` still numbers per period, so the period is added: in front after the code
 *   (Drucksache style, "kleine-anfrage-18-3"), or at the end when the format names the type ("SA 5" → "SA-5-2021").
 * Injective for distinct (n, period) of one type, given that periods are alphanumeric and a format that holds
 * both placeholders separates them by a non-alphanumeric character (validateReferenceFormat).
 */
import { parseIsoDate } from "./dates";
import { isoDateInTimeZone } from "./format";

export type NumberingPeriodKind = "year" | "term";

/** A year ("2026") or a term (Wahlperiode, "18"): letters and digits only, so that publicRefs stay unambiguous. */
export const PERIOD_PATTERN = /^[A-Za-z0-9]+$/;

/** The database check `inquiries_public_ref_segment`. */
export const PUBLIC_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** German wording of numbering errors, for the council office and the body admin. */
export const numberingMessages = {
  termUnknown:
    "Für diesen Anfragetyp ist keine aktuelle Wahlperiode bekannt; bitte die Wahlperiode angeben, bevor die erste Anfrage nummeriert wird.",
  periodInvalid: (period: string) =>
    `„${period}“ ist kein gültiger Nummernkreis: erlaubt sind nur Buchstaben und Ziffern (z. B. 2026 oder 18).`,
  receivedOnInvalid: (value: string) => `„${value}“ ist kein gültiges Eingangsdatum (JJJJ-MM-TT).`,
  sequenceInvalid: (n: number) => `${n} ist keine gültige laufende Nummer (ganze Zahl ab 1).`,
  formatMissingNumber: "Das Format des Aktenzeichens muss genau einmal {n} (laufende Nummer) enthalten.",
  formatPeriodTwice: "Das Format des Aktenzeichens darf {period} höchstens einmal enthalten.",
  formatUnknownPlaceholder: (placeholder: string) =>
    `Das Format des Aktenzeichens enthält den unbekannten Platzhalter ${placeholder}; erlaubt sind {n} und {period}.`,
  formatNotSeparated:
    "Zwischen {n} und {period} muss ein Trennzeichen stehen (z. B. „/“ oder „-“), sonst sind Aktenzeichen nicht eindeutig.",
  publicRefTaken: (publicRef: string) =>
    `Die URL-Kennung „${publicRef}“ ist in dieser Körperschaft schon vergeben; bitte das Aktenzeichen-Format des Anfragetyps so ändern, dass es sich von den anderen unterscheidet.`,
  invalidFormat: (format: string, reason: string) => `Ungültiges Aktenzeichen-Format „${format}“: ${reason}`,
} as const;

export class NumberingError extends Error {
  override name = "NumberingError";
}

/** The date of receipt in the body's time zone ("today" there), as "YYYY-MM-DD". */
export function receiptDate(instant: Date, timeZone: string): string {
  return isoDateInTimeZone(instant, timeZone);
}

/**
 * The period a submission is numbered in: the year of receipt (the date must already be in the body's time
 * zone, see receiptDate), or the body's current term, which the caller supplies (the schema has no term table;
 * app/server/inquiries/numbering.server.ts takes it from the most recent numbered inquiry).
 */
export function periodFor(
  kind: NumberingPeriodKind,
  facts: { receivedOn: string; currentTerm?: string | null },
): string {
  if (kind === "year") {
    const date = parseIsoDate(facts.receivedOn);
    if (!date) throw new NumberingError(numberingMessages.receivedOnInvalid(facts.receivedOn));
    return facts.receivedOn.slice(0, 4);
  }
  const term = facts.currentTerm?.trim();
  if (!term) throw new NumberingError(numberingMessages.termUnknown);
  assertPeriod(term);
  return term;
}

export function assertPeriod(period: string): void {
  if (!PERIOD_PATTERN.test(period)) throw new NumberingError(numberingMessages.periodInvalid(period));
}

const PLACEHOLDER = /\{[^{}]*\}/g;

/** Null when the format is usable, else why not (German). */
export function validateReferenceFormat(format: string): string | null {
  const placeholders = format.match(PLACEHOLDER) ?? [];
  const unknown = placeholders.find((p) => p !== "{n}" && p !== "{period}");
  if (unknown) return numberingMessages.formatUnknownPlaceholder(unknown);
  const numbers = placeholders.filter((p) => p === "{n}").length;
  if (numbers !== 1) return numberingMessages.formatMissingNumber;
  const periods = placeholders.filter((p) => p === "{period}").length;
  if (periods > 1) return numberingMessages.formatPeriodTwice;
  if (periods === 1) {
    const [a, b] = [format.indexOf("{n}"), format.indexOf("{period}")].sort((x, y) => x - y) as [number, number];
    const between = format.slice(a, b).replace(/^\{n\}|^\{period\}/, "");
    if (!/[^A-Za-z0-9]/.test(transliterate(between))) return numberingMessages.formatNotSeparated;
  }
  return null;
}

function assertFormat(format: string) {
  const problem = validateReferenceFormat(format);
  if (problem) throw new NumberingError(numberingMessages.invalidFormat(format, problem));
}

function assertSequence(n: number) {
  if (!Number.isSafeInteger(n) || n < 1) throw new NumberingError(numberingMessages.sequenceInvalid(n));
}

/** The reference as the body writes it: "Anfrage {n}/{period}" with 3 and "2026" → "Anfrage 3/2026". */
export function formatReference(format: string, n: number, period: string): string {
  assertFormat(format);
  assertSequence(n);
  assertPeriod(period);
  return format.replaceAll("{n}", String(n)).replaceAll("{period}", period);
}

const GERMAN_LETTERS: Record<string, string> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  Ä: "Ae",
  Ö: "Oe",
  Ü: "Ue",
  ß: "ss",
  ẞ: "SS",
};

/** German umlauts and ß spelled out, other accents dropped ("Große" → "Grosse", "é" → "e"). */
function transliterate(text: string): string {
  return text
    .replace(/[äöüÄÖÜßẞ]/g, (c) => GERMAN_LETTERS[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

/** Letters and digits kept, every other run of characters one "-", none at either end. */
export function slugifyReference(text: string): string {
  return transliterate(text)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The URL-safe reference, one path segment (see the module comment for the rules):
 * ("Anfrage {n}/{period}", "anfrage", 3, "2026") → "Anfrage-3-2026"; ("{n}", "kleine-anfrage", 3, "18") →
 * "kleine-anfrage-18-3"; ("SA {n}", "schreiben", 5, "2021") → "SA-5-2021".
 */
export function publicRefFor(input: { referenceFormat: string; typeCode: string; n: number; period: string }): string {
  const { referenceFormat: format, typeCode, n, period } = input;
  const reference = slugifyReference(formatReference(format, n, period));
  const hasPeriod = format.includes("{period}");
  const namesType = /[A-Za-z]/.test(transliterate(format.replace(PLACEHOLDER, "")));
  const parts = namesType
    ? [reference, hasPeriod ? "" : period]
    : [slugifyReference(typeCode), hasPeriod ? "" : period, reference];
  return parts.filter((part) => part !== "").join("-");
}

export interface NumberedReference {
  sequence: number;
  period: string;
  reference: string;
  publicRef: string;
}

/** Reference and publicRef of the n-th inquiry of a type in a period. */
export function numberedReference(input: {
  referenceFormat: string;
  typeCode: string;
  n: number;
  period: string;
}): NumberedReference {
  return {
    sequence: input.n,
    period: input.period,
    reference: formatReference(input.referenceFormat, input.n, input.period),
    publicRef: publicRefFor(input),
  };
}
