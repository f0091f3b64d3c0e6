/**
 * The answer editor: document metadata, the preamble (Vorbemerkung) and the answer parts, each covering one
 * or several questions (a joint answer), with its rich text and an optional withholding. Without JavaScript
 * it is one plain POST form (textareas; "add part" posts op=add_part). With JavaScript the Tiptap editors
 * (the shared extension set, tables included) replace the textareas and the shared autosave machinery
 * (use-autosave.ts: autosave, conflict with the text kept, retry, sessionStorage backup) does the saving.
 */
import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { jointNoteFor } from "~/domain/answer-drafting";
import { JointNoteField } from "./JointNoteField";
import { answerText as t } from "~/domain/texts/answer";
import { TextField } from "../text-field";
import { RichTextField } from "../editor/RichTextField";
import { useAutosave, type AutosaveStatus } from "../editor/use-autosave";
import { clearAnswerBackup, writeAnswerBackup } from "./answer-backup";
import { WithholdingFields } from "./WithholdingFields";
import type { AnswerActionResult, AnswerFormPart, AnswerFormValues } from "./answer-form-types";

interface Props {
  answerId: string;
  inquiryId: string;
  version: number;
  values: AnswerFormValues;
  questions: Array<{ id: string; number: string }>;
  readOnly: boolean;
  actionResult: AnswerActionResult | undefined;
  startDirty?: boolean;
  initialStatus?: string;
  /** Told the version after every successful save. */
  onVersion?: (version: number) => void;
}

let keyCounter = 0;
const newKey = () => `part-${(keyCounter += 1)}`;
type PartState = AnswerFormPart & { key: string };

function statusLine(status: AutosaveStatus, result: AnswerActionResult | undefined, hydrated: boolean): string {
  if (!hydrated) {
    if (result?.kind === "saved") return t.savedAt(result.savedAtTime);
    if (result?.kind === "refused") return result.conflict ? t.conflict : t.saveFailed;
    if (result?.kind === "failed") return result.message;
    return "";
  }
  switch (status.kind) {
    case "idle":
      return "";
    case "dirty":
      return t.unsaved;
    case "saving":
      return t.saving;
    case "saved":
      return t.savedAt(status.time);
    case "failed":
      return status.message;
  }
}

export function AnswerForm(props: Props) {
  const { answerId, inquiryId, values, questions, readOnly, actionResult } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const [parts, setParts] = useState<PartState[]>(() => values.parts.map((p) => ({ ...p, key: newKey() })));
  const [announcement, setAnnouncement] = useState("");
  const { hydrated, version, status, result, conflict, errors, busy, schedule, onSubmit, summaryRef } =
    useAutosave<AnswerActionResult>({
      formRef,
      version: props.version,
      readOnly,
      actionResult,
      backup: {
        write: (form, base) => writeAnswerBackup(answerId, form, base),
        clear: () => clearAnswerBackup(answerId),
      },
      startDirty: props.startDirty,
      initialStatus: props.initialStatus,
      texts: { saveFailedNetwork: t.saveFailedNetwork, conflict: t.conflict, saveFailed: t.saveFailed },
    });
  const onVersion = props.onVersion;
  useEffect(() => onVersion?.(version), [version, onVersion]);
  const numberOf = new Map(questions.map((q) => [q.id, q.number]));
  const numbersOf = (ids: string[]) => questions.filter((q) => ids.includes(q.id)).map((q) => q.number);
  const lapsed = result?.kind === "saved" && result.signaturesLapsed;

  function updatePart(key: string, change: Partial<AnswerFormPart>) {
    setParts((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
    schedule();
  }
  function addPart(event: React.MouseEvent) {
    if (!hydrated) return;
    event.preventDefault();
    const key = newKey();
    setParts((list) => [
      ...list,
      {
        key,
        questionIds: [],
        jointNote: "",
        body: { json: null, text: "" },
        withheld: false,
        reason: "",
        subject: "",
        justification: "",
        withheldText: "",
      },
    ]);
    setAnnouncement(t.partAdded(parts.length));
    requestAnimationFrame(() => document.getElementById(`${key}-heading`)?.focus());
    schedule();
  }
  function removePart(key: string) {
    const index = parts.findIndex((p) => p.key === key);
    setParts((list) => list.filter((p) => p.key !== key));
    setAnnouncement(t.partRemoved);
    requestAnimationFrame(() =>
      document.getElementById(index > 0 ? `${parts[index - 1]!.key}-heading` : "parts-heading")?.focus(),
    );
    schedule();
  }

  const errorEntries = Object.entries(errors);
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="answer-form">
      {errorEntries.length > 0 ? (
        <div className="notice notice--error error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{t.errorSummary}</p>
          <ul>
            {errorEntries.map(([field, message]) => (
              <li key={field}>{field === "form" ? message : <a href={`#${field}`}>{message}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {conflict ? (
        <div className="notice notice--warning" role="alert">
          <p>{t.conflict}</p>
          {conflict.savedAt ? <p>{t.conflictSavedBy(conflict.savedBy, conflict.savedAt)}</p> : null}
          <p>
            <Link to={`/arbeitsbereich/vorgaenge/${inquiryId}/antwort`} target="_blank" rel="noopener">
              {t.conflictShowOther}
            </Link>
          </p>
          <input type="hidden" name="overwriteVersion" value={conflict.currentVersion} />
          <button type="submit" name="intent" value="overwrite" className="button">
            {t.conflictOverwrite}
          </button>
          {hydrated ? <p className="muted">{t.autosaveOff}</p> : null}
        </div>
      ) : null}
      {lapsed ? (
        <p className="notice notice--warning" role="alert">
          {t.signaturesLapsed}
        </p>
      ) : null}
      <input type="hidden" name="version" value={version} />
      {hydrated ? <input type="hidden" name="rich" value="1" /> : null}

      <fieldset className="answer-meta" disabled={readOnly}>
        <legend>{t.metaHeading}</legend>
        <TextField
          id="documentKind"
          label={t.documentKind}
          hint={t.documentKindHint}
          defaultValue={values.documentKind}
          maxLength={300}
          onInput={schedule}
          error={errors.documentKind}
        />
        <TextField
          id="documentReference"
          label={t.documentReference}
          hint={t.documentReferenceHint}
          defaultValue={values.documentReference}
          maxLength={300}
          onInput={schedule}
          error={errors.documentReference}
        />
        <TextField
          id="title"
          label={t.title}
          defaultValue={values.title}
          maxLength={300}
          onInput={schedule}
          error={errors.title}
        />
        <TextField
          id="issuedByLabel"
          label={t.issuedBy}
          defaultValue={values.issuedByLabel}
          maxLength={300}
          onInput={schedule}
          error={errors.issuedByLabel}
        />
        <TextField
          id="caseOfficerLabel"
          label={t.caseOfficer}
          defaultValue={values.caseOfficerLabel}
          maxLength={300}
          onInput={schedule}
          error={errors.caseOfficerLabel}
        />
        <div className="field field--checkbox">
          <input id="flagged" name="flagged" type="checkbox" defaultChecked={values.flagged} onChange={schedule} />
          <label htmlFor="flagged">{t.flagged}</label>
        </div>
      </fieldset>

      <RichTextField
        id="preamble"
        name="preamble"
        label={t.preamble}
        initialJson={values.preamble.json}
        initialText={values.preamble.text}
        hydrated={hydrated}
        readOnly={readOnly}
        error={errors.preamble}
        onChange={schedule}
      />

      <section aria-labelledby="parts-heading">
        <h2 id="parts-heading" tabIndex={-1}>
          {t.partsHeading}
        </h2>
        <p className="field-hint">{t.partsHint}</p>
        {errors.parts ? (
          <p className="field-error" id="parts">
            {errors.parts}
          </p>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <ol className="plain-list answer-parts">
          {parts.map((part, i) => {
            const numbers = numbersOf(part.questionIds);
            const joint = jointNoteFor(numbers);
            return (
              <li key={part.key} className="answer-part-editor">
                <input type="hidden" name={`p-${i}-present`} value="1" />
                <h3 id={`${part.key}-heading`} tabIndex={-1}>
                  {t.partHeading(i, numbers)}
                </h3>
                <fieldset
                  id={`p-${i}-questions`}
                  disabled={readOnly}
                  aria-describedby={errors[`p-${i}-questions`] ? `p-${i}-questions-error` : undefined}
                >
                  <legend>{t.partQuestions}</legend>
                  {questions.map((q) => (
                    <div key={q.id} className="field field--checkbox field--inline">
                      <input
                        id={`${part.key}-q-${q.id}`}
                        type="checkbox"
                        name={`p-${i}-questions`}
                        value={q.id}
                        checked={part.questionIds.includes(q.id)}
                        onChange={(event) => {
                          const ids = event.target.checked
                            ? [...part.questionIds, q.id]
                            : part.questionIds.filter((id) => id !== q.id);
                          updatePart(part.key, { questionIds: ids.filter((id) => numberOf.has(id)) });
                        }}
                      />
                      <label htmlFor={`${part.key}-q-${q.id}`}>{t.question(q.number)}</label>
                    </div>
                  ))}
                  {errors[`p-${i}-questions`] ? (
                    <p className="field-error" id={`p-${i}-questions-error`}>
                      {errors[`p-${i}-questions`]}
                    </p>
                  ) : null}
                </fieldset>
                {joint ? (
                  <JointNoteField
                    index={i}
                    generated={joint}
                    value={part.jointNote}
                    readOnly={readOnly}
                    error={errors[`p-${i}-jointNote`]}
                    onChange={(jointNote) => updatePart(part.key, { jointNote })}
                  />
                ) : null}
                <RichTextField
                  id={`p-${i}-body`}
                  name={`p-${i}-body`}
                  label={t.partBody(i)}
                  initialJson={part.body.json}
                  initialText={part.body.text}
                  hydrated={hydrated}
                  readOnly={readOnly}
                  error={errors[`p-${i}-body`]}
                  withholding
                  onChange={schedule}
                  key={`${part.key}-body`}
                />
                <WithholdingFields
                  index={i}
                  part={part}
                  readOnly={readOnly}
                  hydrated={hydrated}
                  errors={errors}
                  onChange={(change) => updatePart(part.key, change)}
                />
                {readOnly ? null : (
                  <button type="button" className="button" onClick={() => removePart(part.key)} hidden={!hydrated}>
                    {t.removePart(i)}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {readOnly ? null : (
          <button type="submit" name="op" value="add_part" className="button" onClick={addPart}>
            {t.addPart}
          </button>
        )}
      </section>

      {readOnly ? null : (
        <div className="draft-save">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button button--primary"
            aria-disabled={busy || undefined}
          >
            {t.save}
          </button>
          <p className="draft-status" role="status" aria-live="polite">
            {statusLine(status, result, hydrated)}
          </p>
        </div>
      )}
    </form>
  );
}
