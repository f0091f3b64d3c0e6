/**
 * The organisation × tool matrix: one line per organisation (chosen from the body's organisations, its label
 * as written), one column per inventory row, a checkbox per cell ("X": uses the tool), plus headings and a
 * footnote. An empty organisation drops the line; one empty line adds one.
 */
import { Form } from "@remix-run/react";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import type { InventoryEditorView } from "~/server/tools/inventory-read.server";
import { FieldError } from "../field-error";
import { TextField } from "../text-field";

export function MatrixForm({ view, errors }: { view: InventoryEditorView; errors: Record<string, string> }) {
  const m = view.matrix;
  const lines = [...(m?.rows ?? []), { organizationId: "", label: "", uses: [] as string[] }];
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t.matrix.heading}</h2>
      {errors.form ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" aria-labelledby="matrix-heading">
        <input type="hidden" name="intent" value="matrix" />
        <input type="hidden" name="version" value={view.inventory!.version} />
        <TextField
          id="matrix-title"
          name="title"
          label={t.matrix.title}
          defaultValue={m?.title ?? ""}
          error={errors.title}
        />
        <TextField
          id="matrix-rowHeading"
          name="rowHeading"
          label={t.matrix.rowHeading}
          defaultValue={m?.rowHeading ?? ""}
          error={errors.headings}
        />
        <TextField
          id="matrix-columnHeading"
          name="columnHeading"
          label={t.matrix.columnHeading}
          defaultValue={m?.columnHeading ?? view.inventory!.title}
        />
        <TextField
          id="matrix-footnoteMark"
          name="footnoteMark"
          label={t.matrix.footnoteMark}
          defaultValue={m?.footnoteMark ?? ""}
          error={errors.footnote}
        />
        <TextField id="matrix-footnote" name="footnote" label={t.matrix.footnote} defaultValue={m?.footnote ?? ""} />
        <div className="table-scroll">
          <table>
            <caption>{t.matrix.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.matrix.organization}</th>
                <th scope="col">{t.matrix.label}</th>
                {view.rows.map((r) => (
                  <th scope="col" key={r.id}>
                    {r.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => {
                const orgName =
                  view.organizations.find((o) => o.id === line.organizationId)?.name ??
                  `${t.matrix.organization} ${i + 1}`;
                const orgError = errors[`mrow-${i}-organization`];
                return (
                  <tr key={`${line.organizationId}-${i}`}>
                    <td>
                      <label htmlFor={`mrow-${i}-organization`} className="visually-hidden">
                        {`${t.matrix.organization} ${i + 1}`}
                      </label>
                      <select
                        id={`mrow-${i}-organization`}
                        name={`mrow-${i}-organization`}
                        defaultValue={line.organizationId}
                        aria-invalid={orgError ? true : undefined}
                        aria-describedby={orgError ? `mrow-${i}-organization-error` : undefined}
                      >
                        <option value="">{t.matrix.none}</option>
                        {view.organizations.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                      </select>
                      <FieldError id={`mrow-${i}-organization-error`} message={orgError} />
                    </td>
                    <td>
                      <label htmlFor={`mrow-${i}-label`} className="visually-hidden">
                        {`${t.matrix.label}, ${t.matrix.organization} ${i + 1}`}
                      </label>
                      <input id={`mrow-${i}-label`} name={`mrow-${i}-label`} defaultValue={line.label} />
                      <FieldError id={`mrow-${i}-label-error`} message={errors[`mrow-${i}-label`]} />
                    </td>
                    {view.rows.map((r) => (
                      <td key={r.id}>
                        <input
                          type="checkbox"
                          id={`mrow-${i}-uses-${r.id}`}
                          name={`mrow-${i}-uses`}
                          value={r.id}
                          defaultChecked={line.uses.includes(r.id)}
                          aria-label={t.matrix.uses(orgName, r.label)}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit">{t.matrix.save}</button>
      </Form>
    </section>
  );
}
