/** The editor's smaller forms: the inventory's headings, a new catalogue tool, a tool fact with its source. */
import { useField, type SubmissionResult } from "@conform-to/react";
import { TOOL_FACT_KEYS, toolFactKeyLabels } from "~/domain/labels";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import type { InventoryEditorView } from "~/server/tools/inventory-read.server";
import { ConformForm } from "../form/conform-form";
import { Select, TextInput } from "../form/fields";

/** Conform's reply to this form's last submission (the user's input and the messages), if it was this form. */
type Reply = SubmissionResult<string[]> | null;

export function SettingsForm({ view, result }: { view: InventoryEditorView; result: Reply }) {
  const inv = view.inventory;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t.settings.heading}</h2>
      <ConformForm id="settings" lastResult={result} labelledBy="settings-heading">
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="version" value={inv?.version ?? ""} />
        <TextInput name="title" label={t.settings.title} hint={t.settings.titleHint} defaultValue={inv?.title ?? ""} />
        <TextInput
          name="countLabel"
          label={t.settings.countLabel}
          hint={t.settings.countLabelHint}
          defaultValue={inv?.countLabel ?? ""}
        />
        <TextInput name="questionNumber" label={t.settings.questionNumber} defaultValue={inv?.questionNumber ?? ""} />
        <button type="submit">{t.settings.save}</button>
      </ConformForm>
    </section>
  );
}

export function CatalogueForm({ result }: { result: Reply }) {
  return (
    <section aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">{t.catalogue.heading}</h2>
      <ConformForm id="tool" lastResult={result} labelledBy="catalogue-heading">
        <input type="hidden" name="intent" value="tool" />
        <TextInput name="name" label={t.catalogue.name} />
        <TextInput name="category" label={t.catalogue.category} hint={t.catalogue.categoryHint} />
        <RequiresDpo />
        <button type="submit">{t.catalogue.save}</button>
      </ConformForm>
    </section>
  );
}

function RequiresDpo() {
  const [field] = useField<string>("requiresDpo");
  return (
    <div className="checkbox">
      <label htmlFor={field.id}>
        <input
          type="checkbox"
          key={field.key}
          id={field.id}
          name={field.name}
          defaultChecked={field.initialValue === "on"}
        />{" "}
        {t.catalogue.requiresDpo}
      </label>
    </div>
  );
}

export function FactsSection({ view, result }: { view: InventoryEditorView; result: Reply }) {
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
          <ConformForm id="fact" lastResult={result} labelledBy="fact-form-heading">
            <input type="hidden" name="intent" value="fact" />
            <input type="hidden" name="version" value={view.inventory.version} />
            <Select name="toolId" label={t.facts.tool}>
              {toolsInInventory.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </Select>
            <Select name="key" label={t.facts.key} defaultValue="vendor">
              {TOOL_FACT_KEYS.map((k) => (
                <option key={k} value={k}>
                  {toolFactKeyLabels[k]}
                </option>
              ))}
            </Select>
            <TextInput name="value" label={t.facts.value} hint={t.facts.valueHint} />
            <TextInput name="asOf" type="date" label={t.facts.asOf} />
            <TextInput name="citation" label={t.facts.source} hint={t.facts.sourceHint} />
            <TextInput name="url" type="url" label={t.facts.sourceUrl} />
            <button type="submit">{t.facts.add}</button>
          </ConformForm>
        </>
      ) : null}
    </section>
  );
}
