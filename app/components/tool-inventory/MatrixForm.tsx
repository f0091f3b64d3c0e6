/**
 * The organisation × tool matrix: one line per organisation (chosen from the body's organisations, its label
 * as written), one column per inventory row, a checkbox per cell ("X": uses the tool), plus headings and a
 * footnote. An empty organisation drops the line; one empty line adds one.
 */
import type { SubmissionResult } from "@conform-to/react";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import type { InventoryEditorView } from "~/server/tools/inventory-read.server";
import { CellCheckbox, CellInput, CellSelect } from "../form/cells";
import { ConformForm } from "../form/conform-form";
import { TextInput } from "../form/fields";

export function MatrixForm({ view, result }: { view: InventoryEditorView; result: SubmissionResult<string[]> | null }) {
  const m = view.matrix;
  const lines = [...(m?.rows ?? []), { organizationId: "", label: "", uses: [] as string[] }];
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t.matrix.heading}</h2>
      <ConformForm id="matrix" lastResult={result} labelledBy="matrix-heading">
        <input type="hidden" name="intent" value="matrix" />
        <input type="hidden" name="version" value={view.inventory!.version} />
        <TextInput name="title" label={t.matrix.title} defaultValue={m?.title ?? ""} />
        <TextInput name="rowHeading" label={t.matrix.rowHeading} defaultValue={m?.rowHeading ?? ""} />
        <TextInput
          name="columnHeading"
          label={t.matrix.columnHeading}
          defaultValue={m?.columnHeading ?? view.inventory!.title}
        />
        <TextInput name="footnoteMark" label={t.matrix.footnoteMark} defaultValue={m?.footnoteMark ?? ""} />
        <TextInput name="footnote" label={t.matrix.footnote} defaultValue={m?.footnote ?? ""} />
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
                return (
                  <tr key={`${line.organizationId}-${i}`}>
                    <td>
                      <CellSelect
                        name={`mrow-${i}-organization`}
                        label={`${t.matrix.organization} ${i + 1}`}
                        defaultValue={line.organizationId}
                      >
                        <option value="">{t.matrix.none}</option>
                        {view.organizations.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                      </CellSelect>
                    </td>
                    <td>
                      <CellInput
                        name={`mrow-${i}-label`}
                        label={`${t.matrix.label}, ${t.matrix.organization} ${i + 1}`}
                        defaultValue={line.label}
                      />
                    </td>
                    {view.rows.map((r) => (
                      <td key={r.id}>
                        <CellCheckbox
                          name={`mrow-${i}-uses`}
                          value={r.id}
                          label={t.matrix.uses(orgName, r.label)}
                          checked={line.uses.includes(r.id)}
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
      </ConformForm>
    </section>
  );
}
