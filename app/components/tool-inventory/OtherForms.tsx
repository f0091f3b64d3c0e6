/** The editor's smaller forms: the inventory's headings, a new catalogue tool, a tool fact with its source. */
import { Form } from "@remix-run/react";
import { TOOL_FACT_KEYS, toolFactKeyLabels } from "~/domain/labels";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import type { InventoryEditorView } from "~/server/tools/inventory-read.server";
import { FieldError } from "../field-error";
import { TextField } from "../text-field";

type State = { values: Record<string, unknown>; errors: Record<string, string> };
const v = (s: State | null, name: string, fallback = "") =>
  s && typeof s.values[name] === "string" ? (s.values[name] as string) : fallback;

function FormError({ message }: { message?: string }) {
  return message ? (
    <p className="notice notice--error" role="alert">
      {message}
    </p>
  ) : null;
}

export function SettingsForm({ view, state }: { view: InventoryEditorView; state: State | null }) {
  const inv = view.inventory;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t.settings.heading}</h2>
      <FormError message={state?.errors.form} />
      <Form method="post" aria-labelledby="settings-heading">
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="version" value={inv?.version ?? ""} />
        <TextField
          id="settings-title"
          name="title"
          label={t.settings.title}
          hint={t.settings.titleHint}
          defaultValue={v(state, "title", inv?.title ?? "")}
          error={state?.errors.title}
        />
        <TextField
          id="settings-countLabel"
          name="countLabel"
          label={t.settings.countLabel}
          hint={t.settings.countLabelHint}
          defaultValue={v(state, "countLabel", inv?.countLabel ?? "")}
          error={state?.errors.countLabel}
        />
        <TextField
          id="settings-questionNumber"
          name="questionNumber"
          label={t.settings.questionNumber}
          defaultValue={v(state, "questionNumber", inv?.questionNumber ?? "")}
          error={state?.errors.questionNumber}
        />
        <button type="submit">{t.settings.save}</button>
      </Form>
    </section>
  );
}

export function CatalogueForm({ state }: { state: State | null }) {
  return (
    <section aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">{t.catalogue.heading}</h2>
      <FormError message={state?.errors.form} />
      <Form method="post" aria-labelledby="catalogue-heading">
        <input type="hidden" name="intent" value="tool" />
        <TextField
          id="tool-name"
          name="name"
          label={t.catalogue.name}
          defaultValue={v(state, "name")}
          error={state?.errors.name}
        />
        <TextField
          id="tool-category"
          name="category"
          label={t.catalogue.category}
          hint={t.catalogue.categoryHint}
          defaultValue={v(state, "category")}
          error={state?.errors.category}
        />
        <div className="checkbox">
          <label htmlFor="tool-requiresDpo">
            <input
              type="checkbox"
              id="tool-requiresDpo"
              name="requiresDpo"
              defaultChecked={v(state, "requiresDpo") === "on"}
            />{" "}
            {t.catalogue.requiresDpo}
          </label>
        </div>
        <button type="submit">{t.catalogue.save}</button>
      </Form>
    </section>
  );
}

export function FactsSection({ view, state }: { view: InventoryEditorView; state: State | null }) {
  const toolsInInventory = [...new Map(view.rows.map((r) => [r.toolId, r.toolName])).entries()];
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t.facts.heading}</h2>
      {view.facts.length === 0 ? (
        <p>{t.facts.none}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t.facts.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.facts.tool}</th>
                <th scope="col">{t.facts.key}</th>
                <th scope="col">{t.facts.value}</th>
                <th scope="col">{t.facts.asOf}</th>
                <th scope="col">{t.facts.source}</th>
              </tr>
            </thead>
            <tbody>
              {view.facts.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.toolName}</th>
                  <td>{toolFactKeyLabels[f.key]}</td>
                  <td>{f.value}</td>
                  <td>{f.asOf ?? "–"}</td>
                  <td>{f.url ? <a href={f.url}>{f.citation}</a> : f.citation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.editable && view.inventory && toolsInInventory.length > 0 ? (
        <>
          <h3 id="fact-form-heading">{t.facts.add}</h3>
          <FormError message={state?.errors.form} />
          <Form method="post" aria-labelledby="fact-form-heading">
            <input type="hidden" name="intent" value="fact" />
            <input type="hidden" name="version" value={view.inventory.version} />
            <div className="field">
              <label htmlFor="fact-toolId">{t.facts.tool}</label>
              <select
                id="fact-toolId"
                name="toolId"
                defaultValue={v(state, "toolId")}
                aria-describedby={state?.errors.toolId ? "fact-toolId-error" : undefined}
              >
                {toolsInInventory.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
              <FieldError id="fact-toolId-error" message={state?.errors.toolId} />
            </div>
            <div className="field">
              <label htmlFor="fact-key">{t.facts.key}</label>
              <select
                id="fact-key"
                name="key"
                defaultValue={v(state, "key", "vendor")}
                aria-describedby={state?.errors.key ? "fact-key-error" : undefined}
              >
                {TOOL_FACT_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {toolFactKeyLabels[k]}
                  </option>
                ))}
              </select>
              <FieldError id="fact-key-error" message={state?.errors.key} />
            </div>
            <TextField
              id="fact-value"
              name="value"
              label={t.facts.value}
              hint="Bei „Einsatzstatus“: geplant, im Einsatz oder außer Betrieb. Bei der Datenschutz-Folgenabschätzung das Datum unter „Stand / Datum“."
              defaultValue={v(state, "value")}
              error={state?.errors.value}
            />
            <TextField
              id="fact-asOf"
              name="asOf"
              type="date"
              label={t.facts.asOf}
              defaultValue={v(state, "asOf")}
              error={state?.errors.asOf}
            />
            <TextField
              id="fact-citation"
              name="citation"
              label={t.facts.source}
              hint={t.facts.sourceHint}
              defaultValue={v(state, "citation")}
              error={state?.errors.citation}
            />
            <TextField
              id="fact-url"
              name="url"
              type="url"
              label={t.facts.sourceUrl}
              defaultValue={v(state, "url")}
              error={state?.errors.url}
            />
            <button type="submit">{t.facts.add}</button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
