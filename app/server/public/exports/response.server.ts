/**
 * What every public CSV/JSON export sends: the file with its validators (publicResponse: ETag, 304) and
 * `Content-Disposition: attachment` so that a browser saves it under a readable name.
 */
import { CSV_CONTENT_TYPE } from "../../../domain/csv";
import { publicResponse } from "../../core/http-cache.server";

export type ExportFormat = "csv" | "json";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export interface ExportFile {
  format: ExportFormat;
  /** Without extension; ASCII (exportFileName). */
  baseName: string;
  body: string;
  lastModified?: Date | null;
}

/** The format a resource route was asked for, from the end of its path (`….csv` or `….json`). */
export function formatOf(request: Request): ExportFormat {
  return new URL(request.url).pathname.endsWith(".json") ? "json" : "csv";
}

/** JSON as the exports write it: two-space indented, so that a person can read it too. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function exportResponse(request: Request, file: ExportFile): Response {
  const fileName = `${file.baseName}.${file.format}`;
  return publicResponse(request, file.body, {
    contentType: file.format === "csv" ? CSV_CONTENT_TYPE : JSON_CONTENT_TYPE,
    lastModified: file.lastModified ?? null,
    headers: { "Content-Disposition": `attachment; filename="${fileName}"` },
  });
}
