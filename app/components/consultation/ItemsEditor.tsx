/**
 * The statement's restrictions and recommendations, each its own item: kind and text per row, posted as
 * Conform's list `items[<i>].kind` / `items[<i>].text` in the order shown. With JavaScript, rows can be added,
 * removed and moved; without it, the form always carries one empty row more (empty rows are not saved), so
 * items can be added by saving and removed by clearing their text. After a refusal the posted rows are shown
 * with the message at the row's text (the summary links to the list). Must sit inside the <ConformForm>.
 */
import { useField } from "@conform-to/react";
import { useState } from "react";
import { RECOMMENDATION_KINDS, type ItemInput } from "~/domain/consultation";
import { consultationText as t } from "~/domain/texts/consultation";
import { ErrorText } from "../form/fields";

let counter = 0;
const nextKey = () => `item-${(counter += 1)}`;

interface Row extends ItemInput {
  key: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The posted rows of a refused submission (the empty ones at the end dropped: the editor adds its own). */
function postedRows(posted: unknown): ItemInput[] | null {
  if (!Array.isArray(posted)) return null;
  const rows = posted.map((r: unknown) => {
    const row = (r ?? {}) as Record<string, unknown>;
    return { kind: str(row.kind) || "restriction", text: str(row.text) };
  });
  while (rows.length > 0 && rows[rows.length - 1]!.text.trim() === "") rows.pop();
  return rows;
}

export function ItemsEditor({ initial, hydrated }: { initial: readonly ItemInput[]; hydrated: boolean }) {
  const [list] = useField<ItemInput[]>("items");
  const error = list.errors?.[0];
  const [rows, setRows] = useState<Row[]>(() =>
    [...(postedRows(list.initialValue) ?? initial), { kind: "restriction", text: "" }].map((r) => ({
      ...r,
      key: nextKey(),
    })),
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
    <fieldset
      className="field consultation-items"
      id={list.id}
      tabIndex={-1}
      aria-describedby={`${list.descriptionId}${error ? ` ${list.errorId}` : ""}`}
    >
      <legend>{t.statement.items}</legend>
      <p className="field-hint" id={list.descriptionId}>
        {t.statement.itemsHint}
      </p>
      <ErrorText id={list.errorId} message={error} />
      <ol className="consultation-items__list">
        {rows.map((row, index) => {
          const n = index + 1;
          const rowError = list.allErrors?.[`items[${index}].text`]?.[0];
          const id = `${list.id}-${index}`;
          return (
            <li key={row.key} className="consultation-item">
              <div className="field">
                <label htmlFor={`${id}-kind`}>{t.statement.itemKind(n)}</label>
                <select
                  id={`${id}-kind`}
                  name={`items[${index}].kind`}
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
                <label htmlFor={`${id}-text`}>{t.statement.itemText(n)}</label>
                <textarea
                  id={`${id}-text`}
                  name={`items[${index}].text`}
                  rows={2}
                  value={row.text}
                  onChange={(e) => update(index, { text: e.target.value })}
                  aria-invalid={rowError ? true : undefined}
                  aria-describedby={rowError ? `${id}-error` : undefined}
                />
                <ErrorText id={`${id}-error`} message={rowError} />
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
