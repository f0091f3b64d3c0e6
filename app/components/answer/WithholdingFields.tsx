/** The withholding of one answer part: whether it is withheld, the legal reason and the public justification. */
import { WITHHOLDING_REASONS, withholdingReasonLabels } from "~/domain/labels";
import { answerText as t } from "~/domain/texts/answer";
import { TextField } from "../text-field";
import type { AnswerFormPart } from "./answer-form-types";

export function WithholdingFields({
  index: i,
  part,
  readOnly,
  hydrated,
  errors,
  onChange,
}: {
  index: number;
  part: AnswerFormPart;
  readOnly: boolean;
  hydrated: boolean;
  errors: Record<string, string>;
  onChange: (change: Partial<AnswerFormPart>) => void;
}) {
  const err = (field: string) => errors[`p-${i}-${field}`];
  const described = (field: string) => (err(field) ? `p-${i}-${field}-error` : undefined);
  return (
    <fieldset className="withholding-fields" disabled={readOnly}>
      <legend>{t.withholdingLegend(i)}</legend>
      <div className="field field--checkbox">
        <input
          id={`p-${i}-withheld`}
          name={`p-${i}-withheld`}
          type="checkbox"
          checked={part.withheld}
          onChange={(e) => onChange({ withheld: e.target.checked })}
        />
        <label htmlFor={`p-${i}-withheld`}>{t.withheld}</label>
      </div>
      {/* Without JavaScript the checkbox cannot reveal the fields: they are always there. */}
      {part.withheld || !hydrated ? (
        <>
          <div className="field">
            <label htmlFor={`p-${i}-reason`}>{t.withholdingReason}</label>
            <select
              id={`p-${i}-reason`}
              name={`p-${i}-reason`}
              value={part.reason}
              onChange={(e) => onChange({ reason: e.target.value })}
              aria-invalid={err("reason") ? true : undefined}
              aria-describedby={described("reason")}
            >
              <option value="">–</option>
              {WITHHOLDING_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {withholdingReasonLabels[reason]}
                </option>
              ))}
            </select>
            {err("reason") ? (
              <p className="field-error" id={`p-${i}-reason-error`}>
                {err("reason")}
              </p>
            ) : null}
          </div>
          <TextField
            id={`p-${i}-subject`}
            label={t.withholdingSubject}
            value={part.subject}
            maxLength={300}
            onChange={(e) => onChange({ subject: e.target.value })}
            error={err("subject")}
          />
          <div className="field">
            <label htmlFor={`p-${i}-justification`}>{t.withholdingJustification}</label>
            <textarea
              id={`p-${i}-justification`}
              name={`p-${i}-justification`}
              rows={3}
              value={part.justification}
              onChange={(e) => onChange({ justification: e.target.value })}
              aria-invalid={err("justification") ? true : undefined}
              aria-describedby={described("justification")}
            />
            {err("justification") ? (
              <p className="field-error" id={`p-${i}-justification-error`}>
                {err("justification")}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`p-${i}-withheldText`}>{t.withheldText}</label>
            <p className="field-hint" id={`p-${i}-withheldText-hint`}>
              {t.withheldTextHint}
            </p>
            <textarea
              id={`p-${i}-withheldText`}
              name={`p-${i}-withheldText`}
              rows={4}
              value={part.withheldText}
              onChange={(e) => onChange({ withheldText: e.target.value })}
              aria-invalid={err("withheldText") ? true : undefined}
              aria-describedby={[`p-${i}-withheldText-hint`, described("withheldText")].filter(Boolean).join(" ")}
            />
            {err("withheldText") ? (
              <p className="field-error" id={`p-${i}-withheldText-error`}>
                {err("withheldText")}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
