/**
 * The tool-inventory editor's forms as posted (one `intent` per form), parsed with zod into the commands'
 * inputs; the posted values come back after a refusal so nothing typed is lost. An uploaded CSV is read as
 * UTF-8 text here and then goes the same way as a pasted table.
 */
import { z } from "zod";
import { IMPORT_TEXT_MAX_BYTES } from "../../domain/tool-inventory-import";
import { toolInventoryText as t } from "../../domain/texts/tool-inventory";
import type { FactInput, RowInput } from "./inventory-commands.server";

const ROWS_PARSE_CAP = 600;
const version = z.coerce.number().int().min(1).max(2_000_000_000);

const str = (form: FormData, key: string): string => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

export type EditorForm =
  | { intent: "settings"; version: number | null; title: string; countLabel: string; questionNumber: string }
  | { intent: "preview" | "import"; version: number; text: string; mode: "append" | "replace"; fileError?: string }
  | { intent: "rows"; version: number; rows: RowInput[] }
  | { intent: "tool"; name: string; category: string; requiresDpoConsultation: boolean }
  | ({ intent: "fact" } & FactInput)
  | {
      intent: "matrix";
      version: number;
      title: string;
      rowHeading: string;
      columnHeading: string;
      footnoteMark: string;
      footnote: string;
      rows: Array<{ organizationId: string; label: string; uses: string[] }>;
    }
  | {
      intent: "assessment";
      version: number;
      criteriaSetId: string;
      statusNote: string;
      results: Array<{ inventoryRowId: string; criterionId: string; result: string; comment: string }>;
    };

async function uploadedText(form: FormData): Promise<{ text: string | null; error?: string }> {
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return { text: null };
  if (file.size > IMPORT_TEXT_MAX_BYTES) return { text: null, error: t.import.fileTooLarge };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A CSV is text: a NUL byte or invalid UTF-8 means a spreadsheet binary or an image with a .csv name.
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.includes("\u0000")) return { text: null, error: t.import.fileNotText };
    return { text };
  } catch {
    return { text: null, error: t.import.fileNotText };
  }
}

/** Null for a form that is not one of the editor's (missing or malformed fields). */
export async function parseEditorForm(form: FormData): Promise<EditorForm | null> {
  const intent = str(form, "intent");
  const v = version.safeParse(str(form, "version"));
  switch (intent) {
    case "settings":
      return {
        intent,
        version: str(form, "version") === "" ? null : v.success ? v.data : -1,
        title: str(form, "title"),
        countLabel: str(form, "countLabel"),
        questionNumber: str(form, "questionNumber"),
      };
    case "preview":
    case "import": {
      if (!v.success) return null;
      const upload = await uploadedText(form);
      return {
        intent,
        version: v.data,
        text: upload.text ?? str(form, "text"),
        mode: str(form, "mode") === "replace" ? "replace" : "append",
        ...(upload.error ? { fileError: upload.error } : {}),
      };
    }
    case "rows": {
      if (!v.success) return null;
      const rows: RowInput[] = [];
      for (let i = 0; i < ROWS_PARSE_CAP && form.has(`row-${i}-id`); i++) {
        const f = (name: string) => str(form, `row-${i}-${name}`);
        rows.push({
          id: f("id"),
          toolId: f("toolId"),
          label: f("label"),
          variant: f("variant"),
          count: f("count"),
          footnoteMark: f("footnoteMark"),
          footnote: f("footnote"),
          position: f("position"),
          remove: f("remove") === "on",
        });
      }
      return { intent, version: v.data, rows };
    }
    case "tool":
      return {
        intent,
        name: str(form, "name"),
        category: str(form, "category"),
        requiresDpoConsultation: str(form, "requiresDpo") === "on",
      };
    case "fact":
      if (!v.success) return null;
      return {
        intent,
        version: v.data,
        toolId: str(form, "toolId"),
        key: str(form, "key"),
        value: str(form, "value"),
        asOf: str(form, "asOf"),
        citation: str(form, "citation"),
        url: str(form, "url"),
      };
    case "matrix": {
      if (!v.success) return null;
      const rows: Array<{ organizationId: string; label: string; uses: string[] }> = [];
      for (let i = 0; i < ROWS_PARSE_CAP && form.has(`mrow-${i}-organization`); i++) {
        rows.push({
          organizationId: str(form, `mrow-${i}-organization`),
          label: str(form, `mrow-${i}-label`),
          uses: form.getAll(`mrow-${i}-uses`).filter((u): u is string => typeof u === "string"),
        });
      }
      return {
        intent,
        version: v.data,
        title: str(form, "title"),
        rowHeading: str(form, "rowHeading"),
        columnHeading: str(form, "columnHeading"),
        footnoteMark: str(form, "footnoteMark"),
        footnote: str(form, "footnote"),
        rows,
      };
    }
    case "assessment": {
      if (!v.success) return null;
      const results = [];
      for (let i = 0; i < 5000 && form.has(`result-${i}`); i++) {
        results.push({
          inventoryRowId: str(form, `result-${i}-row`),
          criterionId: str(form, `result-${i}-criterion`),
          result: str(form, `result-${i}`),
          comment: str(form, `comment-${i}`),
        });
      }
      return {
        intent,
        version: v.data,
        criteriaSetId: str(form, "criteriaSetId"),
        statusNote: str(form, "statusNote"),
        results,
      };
    }
    default:
      return null;
  }
}
