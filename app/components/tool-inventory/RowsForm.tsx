/**
 * The inventory's rows as an editable table: tool, label as written, deployment, workplace count, footnote
 * mark and text, order, remove; one empty line adds a row. Every input has its own label (visually hidden,
 * naming column and row) and its German message next to it.
 */
import type { SubmissionResult } from "@conform-to/react";
import { DEPLOYMENT_VARIANTS, deploymentVariantLabels } from "~/domain/labels";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import type { InventoryEditorView } from "~/server/tools/inventory-read.server";
import { CellCheckbox, CellInput, CellSelect } from "../form/cells";
import { ConformForm } from "../form/conform-form";

type Row = {
  id: string;
  toolId: string;
  label: string;
  variant: string;
  count: string;
  footnoteMark: string;
  footnote: string;
  position: string;
  remove: boolean;
};

export function RowsForm({
  view,
  posted,
  result,
}: {
  view: InventoryEditorView;
  /** The lines as last posted (after a refusal), so that a removed or added line keeps its place. */
  posted: Row[] | null;
  result: SubmissionResult<string[]> | null;
}) {
  const rows: Row[] = posted ?? [
    ...view.rows.map((r, i) => ({
      id: r.id,
      toolId: r.toolId,
      label: r.label,
      variant: r.variant,
      count: r.workplaceCount === null ? "" : String(r.workplaceCount),
      footnoteMark: r.footnoteMark ?? "",
      footnote: r.footnote ?? "",
      position: String(i + 1),
      remove: false,
    })),
    {
      id: "",
      toolId: "",
      label: "",
      variant: "unknown",
      count: "",
      footnoteMark: "",
      footnote: "",
      position: String(view.rows.length + 1),
      remove: false,
    },
  ];
  return (
    <section aria-labelledby="rows-heading">
      <h2 id="rows-heading">{t.rows.heading}</h2>
      <ConformForm id="rows" lastResult={result} labelledBy="rows-heading">
        <input type="hidden" name="intent" value="rows" />
        <input type="hidden" name="version" value={view.inventory!.version} />
        <div className="table-scroll">
          <table>
            <caption>{t.rows.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.rows.position}</th>
                <th scope="col">{t.rows.tool}</th>
                <th scope="col">{t.rows.label}</th>
                <th scope="col">{t.rows.variant}</th>
                <th scope="col">{t.rows.count}</th>
                <th scope="col">{t.rows.footnoteMark}</th>
                <th scope="col">{t.rows.footnote}</th>
                <th scope="col">{t.rows.remove}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const n = i + 1;
                const name = (f: string) => `row-${i}-${f}`;
                const label = (column: string) => t.rows.labelFor(column, n);
                return (
                  <tr key={row.id || `new-${i}`}>
                    <td>
                      <input type="hidden" name={name("id")} value={row.id} />
                      <CellInput
                        name={name("position")}
                        label={label(t.rows.position)}
                        defaultValue={row.position}
                        inputMode="numeric"
                        size={3}
                      />
                    </td>
                    <td>
                      <CellSelect name={name("toolId")} label={label(t.rows.tool)} defaultValue={row.toolId}>
                        {row.id === "" ? <option value="">–</option> : null}
                        {view.catalogue.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </CellSelect>
                    </td>
                    <td>
                      <CellInput name={name("label")} label={label(t.rows.label)} defaultValue={row.label} />
                    </td>
                    <td>
                      <CellSelect name={name("variant")} label={label(t.rows.variant)} defaultValue={row.variant}>
                        {DEPLOYMENT_VARIANTS.map((v) => (
                          <option key={v} value={v}>
                            {deploymentVariantLabels[v]}
                          </option>
                        ))}
                      </CellSelect>
                    </td>
                    <td>
                      <CellInput
                        name={name("count")}
                        label={label(t.rows.count)}
                        defaultValue={row.count}
                        inputMode="numeric"
                        size={8}
                      />
                    </td>
                    <td>
                      <CellInput
                        name={name("footnoteMark")}
                        label={label(t.rows.footnoteMark)}
                        defaultValue={row.footnoteMark}
                        size={3}
                      />
                    </td>
                    <td>
                      <CellInput name={name("footnote")} label={label(t.rows.footnote)} defaultValue={row.footnote} />
                    </td>
                    <td>
                      {row.id ? (
                        <CellCheckbox name={name("remove")} label={label(t.rows.remove)} checked={row.remove} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit">{t.rows.save}</button>
      </ConformForm>
    </section>
  );
}
