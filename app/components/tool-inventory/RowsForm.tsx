/**
 * The inventory's rows as an editable table: tool, label as written, deployment, workplace count, footnote
 * mark and text, order, remove; one empty line adds a row. Every input has its own label (visually hidden,
 * naming column and row) and its German message next to it.
 */
import { Form } from "@remix-run/react";
import { DEPLOYMENT_VARIANTS, deploymentVariantLabels } from "~/domain/labels";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import type { InventoryEditorView } from "~/server/tools/inventory-read.server";
import { FieldError } from "../field-error";

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
  errors,
}: {
  view: InventoryEditorView;
  posted: Row[] | null;
  errors: Record<string, string>;
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
      {errors.form ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" aria-labelledby="rows-heading">
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
                const id = (f: string) => `row-${i}-${f}`;
                const err = (f: string) => errors[id(f)];
                const input = (
                  f: "label" | "count" | "footnoteMark" | "footnote" | "position",
                  label: string,
                  extra: Record<string, unknown> = {},
                ) => (
                  <td>
                    {f === "position" ? <input type="hidden" name={id("id")} value={row.id} /> : null}
                    <label htmlFor={id(f)} className="visually-hidden">
                      {t.rows.labelFor(label, n)}
                    </label>
                    <input
                      id={id(f)}
                      name={id(f)}
                      defaultValue={row[f]}
                      aria-invalid={err(f) ? true : undefined}
                      aria-describedby={err(f) ? `${id(f)}-error` : undefined}
                      {...extra}
                    />
                    <FieldError id={`${id(f)}-error`} message={err(f)} />
                  </td>
                );
                return (
                  <tr key={row.id || `new-${i}`}>
                    {input("position", t.rows.position, { inputMode: "numeric", size: 3 })}
                    <td>
                      <label htmlFor={id("toolId")} className="visually-hidden">
                        {t.rows.labelFor(t.rows.tool, n)}
                      </label>
                      <select
                        id={id("toolId")}
                        name={id("toolId")}
                        defaultValue={row.toolId}
                        aria-invalid={err("tool") ? true : undefined}
                        aria-describedby={err("tool") ? `${id("tool")}-error` : undefined}
                      >
                        {row.id === "" ? <option value="">–</option> : null}
                        {view.catalogue.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                      <FieldError id={`${id("tool")}-error`} message={err("tool")} />
                    </td>
                    {input("label", t.rows.label)}
                    <td>
                      <label htmlFor={id("variant")} className="visually-hidden">
                        {t.rows.labelFor(t.rows.variant, n)}
                      </label>
                      <select id={id("variant")} name={id("variant")} defaultValue={row.variant}>
                        {DEPLOYMENT_VARIANTS.map((v) => (
                          <option key={v} value={v}>
                            {deploymentVariantLabels[v]}
                          </option>
                        ))}
                      </select>
                    </td>
                    {input("count", t.rows.count, { inputMode: "numeric", size: 8 })}
                    {input("footnoteMark", t.rows.footnoteMark, { size: 3 })}
                    {input("footnote", t.rows.footnote)}
                    <td>
                      {row.id ? (
                        <>
                          <label htmlFor={id("remove")} className="visually-hidden">
                            {t.rows.labelFor(t.rows.remove, n)}
                          </label>
                          <input type="checkbox" id={id("remove")} name={id("remove")} defaultChecked={row.remove} />
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit">{t.rows.save}</button>
      </Form>
    </section>
  );
}
