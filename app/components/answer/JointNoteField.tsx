/**
 * The sentence before a joint answer ("Die Fragen 3 und 4 werden wegen des Sachzusammenhangs gemeinsam
 * beantwortet."): prefilled with the generated sentence, editable per part. The generated sentence the field
 * showed is posted beside it (`p-<i>-jointNoteShown`), so that an unchanged field keeps following the questions —
 * also without JavaScript, where the questions may change in the same post.
 */
import { answerText as t } from "~/domain/texts/answer";

export function JointNoteField({
  index,
  generated,
  value,
  readOnly,
  error,
  onChange,
}: {
  index: number;
  /** The generated sentence for the part's questions now. */
  generated: string;
  /** The author's own sentence; "" for the generated one. */
  value: string;
  readOnly: boolean;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = `p-${index}-jointNote`;
  const describedBy = error ? `${id}-error ${id}-hint` : `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{t.jointNote(index)}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t.jointNoteHint}
      </p>
      <input type="hidden" name={`${id}Shown`} value={generated} />
      <textarea
        id={id}
        name={id}
        rows={2}
        value={value || generated}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value === generated ? "" : event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
