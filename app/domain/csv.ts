/**
 * CSV for spreadsheet programs, as every public export writes it (ADR 0030): UTF-8 with a byte-order mark so
 * that Excel opens umlauts right, `;` between cells because German Excel (and LibreOffice with German
 * settings) reads `;` as the list separator — the comma is the decimal separator there —, CRLF line ends and
 * RFC 4180 quoting (papaparse's `unparse`). Cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) get a leading `'` (CSV injection, OWASP). Numbers are written with the German
 * decimal comma and without thousands separators, so that a German spreadsheet reads them as numbers.
 */
import Papa from "papaparse";

export const CSV_BOM = "\uFEFF";
export const CSV_DELIMITER = ";";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** A CSV of a whole list stops here; the page says so next to the link. */
export const LIST_CSV_MAX_ROWS = 10_000;

export type CsvCell = string | number | boolean | null | undefined;

/** papaparse's own default pattern stops at a line break ("=1\n2" would slip through); this one does not. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "";
  return value;
}

/** The CSV document: heading row, then the rows; numbers never get the formula guard (they are not text). */
export function toCsv(headings: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const numericCells = new Set<string>();
  const data = rows.map((row, r) =>
    row.map((value, c) => {
      if (typeof value === "number") numericCells.add(`${r}:${c}`);
      return cellText(value);
    }),
  );
  // Numbers are formatted to strings above; only real text is guarded, so "-3,5" is never turned into text.
  const guarded = data.map((row, r) =>
    row.map((cell, c) => (!numericCells.has(`${r}:${c}`) && FORMULA_START.test(cell) ? `'${cell}` : cell)),
  );
  const csv = Papa.unparse(
    { fields: headings.map((h) => (FORMULA_START.test(h) ? `'${h}` : h)), data: guarded },
    { delimiter: CSV_DELIMITER, newline: "\r\n", quotes: false, escapeFormulae: false },
  );
  return `${CSV_BOM}${csv}\r\n`;
}

/** A file name for `Content-Disposition`: ASCII letters, digits, dot and dash only. */
export function exportFileName(...parts: string[]): string {
  return parts
    .join("-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-(?=\.)|-$/g, "")
    .toLowerCase();
}
