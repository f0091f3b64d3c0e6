/**
 * Paste a table from a spreadsheet or upload a CSV; "Vorschau anzeigen" shows every row as it would be saved,
 * with its German messages, before anything is written; "Zeilen übernehmen" saves all rows or none. The
 * text stays in the field between the steps (an uploaded file's text is put there), so nothing is lost.
 */
import { useField, type SubmissionResult } from "@conform-to/react";
import { formatNumber } from "~/domain/format";
import { deploymentVariantLabels } from "~/domain/labels";
import type { ImportPreview } from "~/domain/tool-inventory-import";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import { ConformForm } from "../form/conform-form";
import { ErrorText, firstError, Hint } from "../form/fields";

export function ImportForm({
  version,
  text,
  mode,
  preview,
  result,
}: {
  version: number;
  /** The table as last posted: pasted, or the uploaded file's text (so that the next step reads it again). */
  text: string;
  mode: string;
  preview: ImportPreview | null;
  result: SubmissionResult<string[]> | null;
}) {
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t.import.heading}</h2>
      <ConformForm id="import" lastResult={result} labelledBy="import-heading" encType="multipart/form-data">
        <input type="hidden" name="version" value={version} />
        <TableText text={text} />
        <FileField text={text} />
        <fieldset className="field">
          <legend>{t.import.mode}</legend>
          {(["append", "replace"] as const).map((m) => (
            <div key={m} className="checkbox">
              <label htmlFor={`import-mode-${m}`}>
                <input
                  type="radio"
                  id={`import-mode-${m}`}
                  name="mode"
                  value={m}
                  defaultChecked={mode === m || (m === "append" && mode !== "replace")}
                />{" "}
                {t.import[m]}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            {t.import.preview}
          </button>
          {preview?.ok ? (
            <button type="submit" name="intent" value="import" className="button">
              {t.import.confirm}
            </button>
          ) : null}
        </div>
      </ConformForm>
      {preview ? <PreviewTable preview={preview} /> : null}
    </section>
  );
}

/** The pasted table; remounted with each result, since an uploaded file's text replaces what was typed. */
function TableText({ text }: { text: string }) {
  const [field] = useField<string>("text");
  const error = firstError(field);
  return (
    <div className="field">
      <label htmlFor={field.id}>{t.import.text}</label>
      <Hint id={field.descriptionId}>{t.import.hint}</Hint>
      <textarea
        id={field.id}
        name={field.name}
        rows={8}
        defaultValue={text}
        key={text}
        aria-describedby={[field.descriptionId, error ? field.errorId : null].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
      />
      <ErrorText id={field.errorId} message={error} />
    </div>
  );
}

function FileField({ text }: { text: string }) {
  const [field] = useField<string>("file");
  const error = firstError(field);
  return (
    <div className="field">
      <label htmlFor={field.id}>{t.import.file}</label>
      {/* Remounted with each result, so the file is read once and its text (now in the field above) counts after that. */}
      <input
        key={`file-${text}`}
        id={field.id}
        name={field.name}
        type="file"
        accept=".csv,text/csv,text/plain"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? field.errorId : undefined}
      />
      <ErrorText id={field.errorId} message={error} />
    </div>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  return (
    <section aria-labelledby="preview-heading" className="import-preview">
      <h3 id="preview-heading">{t.import.previewHeading}</h3>
      <p role="status" className={preview.ok ? "notice" : "notice notice--error"}>
        {preview.ok ? t.import.ready : t.import.notSaved}
      </p>
      {preview.problems.length > 0 ? (
        <ul>
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {preview.rows.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>{t.import.previewCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.import.line}</th>
                <th scope="col">{t.rows.tool}</th>
                <th scope="col">{t.rows.label}</th>
                <th scope="col">{t.rows.variant}</th>
                <th scope="col">{t.rows.count}</th>
                <th scope="col">{t.rows.footnote}</th>
                <th scope="col">{t.import.problems}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className={row.errors.length ? "import-preview__invalid" : undefined}>
                  <th scope="row">{row.line}</th>
                  <td>{row.toolName ?? row.toolText}</td>
                  <td>{row.label}</td>
                  <td>{row.variant ? deploymentVariantLabels[row.variant] : "–"}</td>
                  <td>{row.workplaceCount === null ? "–" : formatNumber(row.workplaceCount)}</td>
                  <td>{row.footnoteMark ? `${row.footnoteMark} ${row.footnote ?? ""}` : "–"}</td>
                  <td>
                    {row.errors.length === 0 ? (
                      t.import.ok
                    ) : (
                      <ul>
                        {row.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
