/**
 * The statement's restrictions and recommendations, each its own item: kind and text per row, posted as
 * `item-<i>-kind` / `item-<i>-text` in the order shown. With JavaScript, rows can be added, removed and moved;
 * without it, the form always carries one empty row more (empty rows are not saved), so items can be added by
 * saving and removed by clearing their text.
 */
import { useState } from "react";
import { RECOMMENDATION_KINDS, type ItemInput } from "~/domain/consultation";
import { consultationText as t } from "~/domain/texts/consultation";
import { FieldError } from "../field-error";

let counter = 0;
const nextKey = () => `item-${(counter += 1)}`;

interface Row extends ItemInput {
  key: string;
}

export function ItemsEditor({
  initial,
  errors,
  hydrated,
}: {
  initial: readonly ItemInput[];
  errors: Record<string, string>;
  hydrated: boolean;
}) {
  const [rows, setRows] = useState<Row[]>(() =>
    [...initial, { kind: "restriction", text: "" }].map((r) => ({ ...r, key: nextKey() })),
  );
  const update = (index: number, change: Partial<ItemInput>) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((all) => {
      const target = index + by;
      if (target < 0 || target >= all.length) return all;
      const next = [...all];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
  const remove = (index: number) => setRows((all) => all.filter((_, i) => i !== index));
  const add = () => setRows((all) => [...all, { kind: "restriction", text: "", key: nextKey() }]);

  return (
    <fieldset className="field consultation-items" aria-describedby={`items-hint${errors.items ? " items-error" : ""}`}>
      <legend>{t.statement.items}</legend>
      <p className="field-hint" id="items-hint">
        {t.statement.itemsHint}
      </p>
      <FieldError id="items-error" message={errors.items} />
      <ol className="consultation-items__list">
        {rows.map((row, index) => {
          const n = index + 1;
          const error = errors[`item-${index}`];
          return (
            <li key={row.key} className="consultation-item">
              <div className="field">
                <label htmlFor={`item-${index}-kind`}>{t.statement.itemKind(n)}</label>
                <select
                  id={`item-${index}-kind`}
                  name={`item-${index}-kind`}
                  value={row.kind}
                  onChange={(e) => update(index, { kind: e.target.value })}
                >
                  {RECOMMENDATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t.itemKind[k]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`item-${index}-text`}>{t.statement.itemText(n)}</label>
                <textarea
                  id={`item-${index}-text`}
                  name={`item-${index}-text`}
                  rows={2}
                  value={row.text}
                  onChange={(e) => update(index, { text: e.target.value })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `item-${index}-error` : undefined}
                />
                <FieldError id={`item-${index}-error`} message={error} />
              </div>
              {hydrated ? (
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={t.statement.moveUp(n)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => move(index, 1)}
                    disabled={index === rows.length - 1}
                    aria-label={t.statement.moveDown(n)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => remove(index)}
                    aria-label={t.statement.removeItem(n)}
                  >
                    ✕
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {hydrated ? (
        <button type="button" className="button button--secondary" onClick={add}>
          {t.statement.addItem}
        </button>
      ) : null}
    </fieldset>
  );
}
