/**
 * A tool table pasted from a spreadsheet or uploaded as CSV, turned into inventory rows for a preview —
 * pure (papaparse is plain JavaScript), so the browser-independent rules are unit-tested here.
 *
 * The first line names the columns (German headings, any order, case-insensitive): Werkzeug (required; a
 * catalogue tool by name or slug), Bezeichnung (the label as the answer writes it; the tool's name when
 * empty), Betriebsform, Arbeitsplätze, Fußnotenzeichen, Fußnote. Tabs (a spreadsheet paste), semicolons or
 * commas separate the fields. Every problem is a German message bound to its line; one problem anywhere means
 * nothing is saved (the server imports all rows or none).
 */
import Papa from "papaparse";
import type { DeploymentVariant } from "./labels";

export const IMPORT_ROWS_MAX = 500;
export const IMPORT_TEXT_MAX_BYTES = 512 * 1024;
export const LABEL_MAX = 300;
export const FOOTNOTE_MAX = 2000;
export const FOOTNOTE_MARK_MAX = 10;
export const WORKPLACE_COUNT_MAX = 10_000_000;

export type ImportColumn = "tool" | "label" | "variant" | "count" | "footnoteMark" | "footnote";

const HEADINGS: Record<string, ImportColumn> = {
  werkzeug: "tool",
  tool: "tool",
  bezeichnung: "label",
  "bezeichnung wie geschrieben": "label",
  betriebsform: "variant",
  variante: "variant",
  arbeitsplätze: "count",
  arbeitsplatze: "count",
  anzahl: "count",
  "anzahl arbeitsplätze": "count",
  fußnotenzeichen: "footnoteMark",
  fussnotenzeichen: "footnoteMark",
  fußnote: "footnote",
  fussnote: "footnote",
};

const VARIANTS: Record<string, DeploymentVariant> = {
  "": "unknown",
  unbekannt: "unknown",
  "on-premise": "on_premise",
  "on premise": "on_premise",
  onpremise: "on_premise",
  on_premise: "on_premise",
  "eigener betrieb": "on_premise",
  "public cloud": "public_cloud",
  "public-cloud": "public_cloud",
  public_cloud: "public_cloud",
  cloud: "public_cloud",
  hybrid: "hybrid",
};

export interface KnownTool {
  id: string;
  name: string;
  slug: string;
}

export interface PreviewRow {
  /** Line in the pasted text or file (1 is the heading line). */
  line: number;
  toolText: string;
  toolId: string | null;
  toolName: string | null;
  label: string;
  variant: DeploymentVariant | null;
  workplaceCount: number | null;
  footnoteMark: string | null;
  footnote: string | null;
  errors: string[];
}

export interface ImportPreview {
  rows: PreviewRow[];
  /** Problems of the whole text (no heading, broken quoting, too many rows), with the line where known. */
  problems: string[];
  /** True when every row is valid and there is at least one: the rows may be saved. */
  ok: boolean;
}

const normaliseHeading = (h: string) => h.trim().toLowerCase().replace(/[():]/g, "").replace(/\s+/g, " ");

export const importText = {
  empty: "Die Tabelle ist leer. Bitte fügen Sie die Zeilen mit einer Überschriftenzeile ein.",
  tooLarge: "Der Text ist zu groß (höchstens 512 KB).",
  noToolColumn:
    "Die erste Zeile muss die Spaltenüberschriften enthalten, mindestens „Werkzeug“ (außerdem möglich: Bezeichnung, Betriebsform, Arbeitsplätze, Fußnotenzeichen, Fußnote).",
  unknownHeading: (h: string) => `Unbekannte Spaltenüberschrift „${h}“.`,
  duplicateHeading: (h: string) => `Die Spalte „${h}“ kommt zweimal vor.`,
  tooManyRows: (n: number) => `Höchstens ${IMPORT_ROWS_MAX} Zeilen sind möglich (eingefügt: ${n}).`,
  quotes: (line: number) => `Zeile ${line}: Ein Anführungszeichen ist nicht geschlossen oder steht an falscher Stelle.`,
  fieldCount: (line: number, got: number, want: number) => `Zeile ${line}: ${got} statt ${want} Spalten.`,
  noRows: "Die Tabelle enthält keine Datenzeilen.",
  toolMissing: "Das Werkzeug fehlt.",
  toolUnknown: (name: string) =>
    `Das Werkzeug „${name}“ steht nicht im Katalog. Bitte legen Sie es zuerst an oder prüfen Sie die Schreibweise.`,
  countNotNumber: (v: string) =>
    `„${v}“ ist keine ganze Zahl. Arbeitsplätze bitte als ganze Zahl (z. B. 52.413) oder leer lassen.`,
  countNegative: "Die Zahl der Arbeitsplätze darf nicht negativ sein.",
  countTooLarge: "Die Zahl der Arbeitsplätze ist unplausibel groß.",
  variantUnknown: (v: string) =>
    `Unbekannte Betriebsform „${v}“ (möglich: On-Premise, Public Cloud, Hybrid oder leer).`,
  labelTooLong: `Die Bezeichnung darf höchstens ${LABEL_MAX} Zeichen lang sein.`,
  footnoteWithoutMark: "Zur Fußnote fehlt das Fußnotenzeichen.",
  markWithoutFootnote: "Zum Fußnotenzeichen fehlt der Text der Fußnote.",
  footnoteTooLong: `Die Fußnote darf höchstens ${FOOTNOTE_MAX} Zeichen lang sein.`,
  markTooLong: `Das Fußnotenzeichen darf höchstens ${FOOTNOTE_MARK_MAX} Zeichen lang sein.`,
};

/** "52.413", "52413", "1 234" → the number; "" → null; anything else → a problem. */
export function parseWorkplaceCount(raw: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const v = raw.trim();
  if (v === "") return { ok: true, value: null };
  const compact = v.replace(/[\s\u00a0\u202f]/g, "");
  if (/^[-−–]\s*\d/.test(compact)) return { ok: false, message: importText.countNegative };
  // German thousands separators only in groups of three; no decimals.
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(compact)) return { ok: false, message: importText.countNotNumber(v) };
  const value = Number(compact.replace(/\./g, ""));
  if (!Number.isSafeInteger(value) || value > WORKPLACE_COUNT_MAX)
    return { ok: false, message: importText.countTooLarge };
  return { ok: true, value };
}

export function parseVariant(raw: string): DeploymentVariant | null {
  return VARIANTS[raw.trim().toLowerCase()] ?? null;
}

export function findTool(known: readonly KnownTool[], text: string): KnownTool | null {
  const v = text.trim().toLowerCase();
  if (v === "") return null;
  return known.find((t) => t.name.toLowerCase() === v || t.slug === v) ?? null;
}

export function previewInventoryImport(text: string, known: readonly KnownTool[]): ImportPreview {
  if (new TextEncoder().encode(text).length > IMPORT_TEXT_MAX_BYTES)
    return { rows: [], problems: [importText.tooLarge], ok: false };
  const source = text
    .replace(/^\ufeff/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\n+$/, "");
  if (source.trim() === "") return { rows: [], problems: [importText.empty], ok: false };

  const parsed = Papa.parse<string[]>(source, { delimitersToGuess: ["\t", ";", ","], skipEmptyLines: "greedy" });
  const problems: string[] = [];
  // papaparse counts data rows from 0 including the heading; report lines as the user sees them.
  for (const error of parsed.errors) {
    const line = (error.row ?? 0) + 1;
    if (error.type === "Quotes") problems.push(importText.quotes(line));
  }
  const [head, ...data] = parsed.data;
  if (!head) return { rows: [], problems: [importText.empty], ok: false };

  const columns: Array<ImportColumn | null> = [];
  const seen = new Set<ImportColumn>();
  for (const heading of head) {
    const column = HEADINGS[normaliseHeading(heading)] ?? null;
    if (column === null && heading.trim() !== "") problems.push(importText.unknownHeading(heading.trim()));
    if (column && seen.has(column)) problems.push(importText.duplicateHeading(heading.trim()));
    if (column) seen.add(column);
    columns.push(column);
  }
  if (!seen.has("tool"))
    return {
      rows: [],
      problems: [importText.noToolColumn, ...problems.filter((p) => !p.startsWith("Unbekannte"))],
      ok: false,
    };
  if (data.length > IMPORT_ROWS_MAX) return { rows: [], problems: [importText.tooManyRows(data.length)], ok: false };
  if (data.length === 0) problems.push(importText.noRows);

  const rows = data.map((cells, index): PreviewRow => {
    const line = index + 2;
    const errors: string[] = [];
    // Missing trailing cells are empty (spreadsheets drop them); extra cells mean the columns are shifted.
    if (cells.length > head.length) errors.push(importText.fieldCount(line, cells.length, head.length));
    const cell = (column: ImportColumn) => {
      const at = columns.indexOf(column);
      return at >= 0 ? (cells[at] ?? "").trim() : "";
    };
    const toolText = cell("tool");
    const tool = findTool(known, toolText);
    if (toolText === "") errors.push(importText.toolMissing);
    else if (!tool) errors.push(importText.toolUnknown(toolText));
    const label = cell("label") || tool?.name || toolText;
    if (label.length > LABEL_MAX) errors.push(importText.labelTooLong);
    const variantText = cell("variant");
    const variant = parseVariant(variantText);
    if (variant === null) errors.push(importText.variantUnknown(variantText));
    const count = parseWorkplaceCount(cell("count"));
    if (!count.ok) errors.push(count.message);
    const footnoteMark = cell("footnoteMark") || null;
    const footnote = cell("footnote") || null;
    if (footnote && !footnoteMark) errors.push(importText.footnoteWithoutMark);
    if (footnoteMark && !footnote) errors.push(importText.markWithoutFootnote);
    if (footnote && footnote.length > FOOTNOTE_MAX) errors.push(importText.footnoteTooLong);
    if (footnoteMark && footnoteMark.length > FOOTNOTE_MARK_MAX) errors.push(importText.markTooLong);
    return {
      line,
      toolText,
      toolId: tool?.id ?? null,
      toolName: tool?.name ?? null,
      label,
      variant,
      workplaceCount: count.ok ? count.value : null,
      footnoteMark,
      footnote,
      errors,
    };
  });
  return { rows, problems, ok: problems.length === 0 && rows.length > 0 && rows.every((r) => r.errors.length === 0) };
}
