/**
 * The assessment of the inventory's rows against a criteria set: per row an overall result and one per
 * criterion (meets / does not meet / not yet assessed), each with an optional comment, and the status note.
 */
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import type { InventoryEditorView } from "~/server/tools/inventory-read.server";
import { CellInput, CellSelect } from "../form/cells";
import { ConformForm } from "../form/conform-form";
import { TextArea } from "../form/fields";

const RESULTS = ["not_assessed", "meets", "does_not_meet"] as const;

export function AssessmentForm({
  view,
  result,
  setId,
}: {
  view: InventoryEditorView;
  result: SubmissionResult<string[]> | null;
  setId: string | null;
}) {
  if (view.criteriaSets.length === 0) {
    return (
      <section aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">{t.assessment.heading}</h2>
        <p>{t.assessment.noSets}</p>
      </section>
    );
  }
  const set =
    view.criteriaSets.find((s) => s.id === (setId ?? view.assessment?.criteriaSetId)) ?? view.criteriaSets[0]!;
  const current = view.assessment?.criteriaSetId === set.id ? view.assessment : null;
  const columns = [{ id: "", text: t.assessment.overall }, ...set.criteria];
  let index = -1;
  return (
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">{t.assessment.heading}</h2>
      <Form method="get" aria-label={t.assessment.choose}>
        <div className="field">
          <label htmlFor="assessment-set">{t.assessment.set}</label>
          <select id="assessment-set" name="katalog" defaultValue={set.id}>
            {view.criteriaSets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t.assessment.choose}
        </button>
      </Form>
      <ConformForm id="assessment" lastResult={result} labelledBy="assessment-heading">
        <input type="hidden" name="intent" value="assessment" />
        <input type="hidden" name="version" value={view.inventory!.version} />
        <input type="hidden" name="criteriaSetId" value={set.id} />
        <TextArea name="statusNote" label={t.assessment.statusNote} rows={2} defaultValue={current?.statusNote ?? ""} />
        <div className="table-scroll">
          <table>
            <caption>{t.assessment.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.rows.tool}</th>
                {columns.map((c) => (
                  <th scope="col" key={c.id || "overall"}>
                    {c.text}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.label}</th>
                  {columns.map((c) => {
                    index += 1;
                    const i = index;
                    const saved = current?.results.find((x) => x.inventoryRowId === r.id && x.criterionId === c.id);
                    return (
                      <td key={c.id || "overall"}>
                        <input type="hidden" name={`result-${i}-row`} value={r.id} />
                        <input type="hidden" name={`result-${i}-criterion`} value={c.id} />
                        <CellSelect
                          name={`result-${i}`}
                          label={t.assessment.result(r.label, c.text)}
                          defaultValue={saved?.result ?? "not_assessed"}
                        >
                          {RESULTS.map((res) => (
                            <option key={res} value={res}>
                              {t.assessment.results[res]}
                            </option>
                          ))}
                        </CellSelect>
                        <CellInput
                          name={`comment-${i}`}
                          label={t.assessment.comment(r.label, c.text)}
                          defaultValue={saved?.comment ?? ""}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit">{t.assessment.save}</button>
      </ConformForm>
    </section>
  );
}
