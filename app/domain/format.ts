/**
 * German display formats for dates, numbers and references. Pure: no I/O, only Intl.
 * Calendar dates arrive as ISO strings ("2020-06-15", as stored in `date` columns) and are formatted without
 * any time-zone conversion; instants (timestamptz) are first turned into the calendar date of a time zone.
 */
import { parseIsoDate } from "./dates";

const MONTHS = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
] as const;

/** "2020-06-15" → "15.06.2020"; anything that is not a valid ISO date is returned unchanged. */
export function formatDate(isoDate: string): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return isoDate;
  return `${String(parts.day).padStart(2, "0")}.${String(parts.month).padStart(2, "0")}.${parts.year}`;
}

/** "2020-07-07" → "7. Juli 2020" (the long form used in letters and answer headers). */
export function formatDateLong(isoDate: string): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return isoDate;
  return `${parts.day}. ${MONTHS[parts.month - 1]} ${parts.year}`;
}

/** The calendar date ("2020-07-07") of an instant as seen in a time zone (the body's, usually Europe/Berlin). */
/** One formatter per time zone: creating an Intl.DateTimeFormat is far dearer than using one. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function isoDateInTimeZone(instant: Date, timeZone = "Europe/Berlin"): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const numberFormat = new Intl.NumberFormat("de-DE");

/** 52413 → "52.413"; null/undefined → "" (an empty cell, never a made-up zero). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return numberFormat.format(value);
}

/** File sizes as people read them: "812 Byte", "14 kB", "2,3 MB" (decimal units). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${numberFormat.format(bytes)} Byte`;
  const units = ["kB", "MB", "GB"] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat("de-DE", { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/**
 * The reference as the body writes it, prefixed with the kind of document unless the reference already
 * names it: ("Kleine Anfrage", "3761") → "Kleine Anfrage 3761"; ("Drucksache", "17/9511") → "Drucksache 17/9511";
 * ("Antrag", null) → "Antrag".
 */
export function formatReference(kind: string | null | undefined, reference: string | null | undefined): string {
  const k = kind?.trim() ?? "";
  const r = reference?.trim() ?? "";
  if (!k) return r;
  if (!r) return k;
  if (r.toLocaleLowerCase("de-DE").startsWith(k.toLocaleLowerCase("de-DE"))) return r;
  return `${k} ${r}`;
}

/** Joins list items the German way: "A", "A und B", "A, B und C". */
export function joinGerman(items: readonly string[]): string {
  const list = items.filter((item) => item.trim() !== "");
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} und ${list[list.length - 1]}`;
}

/** Question numbers as a phrase: ["2"] → "Frage 2", ["3", "4"] → "Fragen 3 und 4". */
export function formatQuestionNumbers(numbers: readonly string[]): string {
  if (numbers.length === 0) return "";
  return `${numbers.length === 1 ? "Frage" : "Fragen"} ${joinGerman(numbers)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID as ids are written: anything else cannot name a row, so callers answer "not found" without asking. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** "02.12.2026, 14:05" in the body's time zone (e.g. when a step was signed). */
export function formatDateTime(instant: Date, timeZone = "Europe/Berlin"): string {
  return new Intl.DateTimeFormat("de-DE", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(instant);
}
