/**
 * The draft editor form: title, preamble, numbered questions, save status, conflict handling and submission.
 *
 * Without JavaScript it is one plain POST form (textareas, server-side question edits). With JavaScript the
 * Tiptap editors replace the textareas, question edits happen in the browser, and every submit goes through
 * one fetcher: autosave ~2.5 s after the last change, "Entwurf speichern", "Meine Fassung trotzdem speichern"
 * and "Anfrage einreichen" (whose redirect the fetcher follows). The editors are never re-initialised from the
 * server after a save, so nothing typed is lost — also not on a conflict.
 *
 * A save that fails (server error, dropped connection) must not take the editors with it: the route's
 * clientAction turns every failure of the server call into a `failed` result instead of letting Remix switch
 * to the error boundary, the status line says so, and the save is retried after RETRY_DELAY_MS or with the
 * next change. Behind that, draft-backup.ts keeps the unsaved values in sessionStorage until a save succeeds.
 */
import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { QUESTIONS_MAX, applyQuestionOp, numberQuestions, type QuestionOp } from "~/domain/draft";
import { draftText as t } from "~/domain/texts/draft";
import { QuestionFields, type QuestionState } from "./QuestionFields";
import { typeWords, type TypeKind } from "~/domain/texts/type-words";
import { RichTextField } from "./RichTextField";
import { backupFromForm, clearBackup, writeBackup } from "./draft-backup";
import type { DraftActionResult, DraftFormValues } from "./draft-form-types";
import { statusText } from "./draft-status";
import { useAutosave } from "./use-autosave";

export { AUTOSAVE_DELAY_MS, RETRY_DELAY_MS } from "./use-autosave";

/** A submission ends the draft: its local backup goes with it. */
const FINAL_INTENTS = ["submit"] as const;

export type { DraftActionResult, DraftFormValues } from "./draft-form-types";

interface DraftFormProps {
  draftId: string;
  version: number;
  values: DraftFormValues;
  readOnly: boolean;
  submissionKey: string;
  /** The result of a POST without JavaScript (useActionData). */
  actionResult: DraftActionResult | undefined;
  /** The values are a restored backup, not the saved draft: save them soon. */
  startDirty?: boolean;
  /** Said in the status line right after mounting (e.g. that a backup was restored). */
  initialStatus?: string;
  /** Anfrage, Antrag or Schreiben: the words for the numbered parts. */
  kind?: TypeKind;
}

let keyCounter = 0;
const newKey = () => `new-${(keyCounter += 1)}`;

export function DraftForm(props: DraftFormProps) {
  const {
    draftId,
    version: loadedVersion,
    values,
    readOnly,
    submissionKey,
    actionResult,
    startDirty,
    initialStatus,
    kind = "inquiry",
  } = props;
  const words = typeWords(kind);
  const formRef = useRef<HTMLFormElement>(null);
  const [questions, setQuestions] = useState<QuestionState[]>(() =>
    values.questions.map((q, i) => ({ key: `q${i}`, level: q.level, json: q.json, text: q.text })),
  );
  const { hydrated, version, status, result, conflict, errors, busy, schedule, onSubmit, summaryRef } =
    useAutosave<DraftActionResult>({
      formRef,
      version: loadedVersion,
      readOnly,
      actionResult,
      backup: {
        write: (form, baseVersion) => writeBackup(draftId, backupFromForm(form, baseVersion)),
        clear: () => clearBackup(draftId),
      },
      finalIntents: FINAL_INTENTS,
      startDirty,
      initialStatus,
      texts: { saveFailedNetwork: t.saveFailedNetwork, conflict: t.conflict, saveFailed: t.saveFailed },
    });

  // Where the focus goes after a question edit in the browser, and what a screen reader hears about it.
  const focusAfterOp = useRef<{ key: string; kind: QuestionOp["kind"] } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function onOp(op: QuestionOp) {
    const next = applyQuestionOp(questions, op, (level) => ({ key: newKey(), level, json: null, text: "" }));
    const numbers = numberQuestions(next.map((q) => q.level));
    if (op.kind === "add" || op.kind === "add_sub") {
      const added = next.findIndex((q) => !questions.some((b) => b.key === q.key));
      if (added >= 0) {
        focusAfterOp.current = { key: next[added]!.key, kind: op.kind };
        setAnnouncement(t.questionAdded(numbers[added]!.number));
      }
    } else if (op.kind === "remove") {
      const stays = next[Math.min(op.index, next.length - 1)];
      focusAfterOp.current = stays ? { key: stays.key, kind: op.kind } : null;
      setAnnouncement(t.questionRemoved);
    } else {
      const key = questions[op.index]?.key;
      const at = next.findIndex((q) => q.key === key);
      if (key && at >= 0) {
        focusAfterOp.current = { key, kind: op.kind };
        setAnnouncement(t.questionNowNumber(numbers[at]!.number));
      }
    }
    setQuestions(next);
    schedule();
  }

  useEffect(() => {
    const target = focusAfterOp.current;
    focusAfterOp.current = null;
    if (!target) return;
    const item = formRef.current?.querySelector<HTMLElement>(`[data-question-key="${target.key}"]`);
    if (!item) return;
    const heading = item.querySelector<HTMLElement>("h3");
    if (target.kind === "add" || target.kind === "add_sub" || target.kind === "remove") {
      // A new question's editor appears a moment after the item; until then its heading takes the focus.
      heading?.focus();
      if (target.kind !== "remove") {
        let frames = 0;
        const tryEditor = () => {
          const editor = item.querySelector<HTMLElement>(".ProseMirror");
          if (editor) editor.focus();
          else if ((frames += 1) < 20) requestAnimationFrame(tryEditor);
        };
        requestAnimationFrame(tryEditor);
      }
      return;
    }
    // The same button on the moved question, or its heading when that button is now disabled (top, bottom).
    const button = item.querySelector<HTMLButtonElement>(`button[value^="${target.kind}:"]`);
    if (button && !button.disabled) button.focus();
    else heading?.focus();
  }, [questions]);

  const errorEntries = Object.entries(errors);
  const anchorOf = (field: string) => (field.startsWith("question-") ? `q-${field.slice("question-".length)}` : field);

  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="draft-form">
      {errorEntries.length > 0 ? (
        <div className="notice notice--error error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{t.errorSummary}</p>
          <ul>
            {errorEntries.map(([field, message]) => (
              <li key={field}>{field === "form" ? message : <a href={`#${anchorOf(field)}`}>{message}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {conflict ? (
        <div className="notice notice--warning" role="alert">
          <p>{t.conflict}</p>
          {conflict.savedAt ? <p>{t.conflictSavedBy(conflict.savedBy, conflict.savedAt)}</p> : null}
          <p>
            <Link to={`/arbeitsbereich/vorgaenge/${draftId}`} target="_blank" rel="noopener">
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

      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {hydrated ? <input type="hidden" name="rich" value="1" /> : null}

      <div className="field">
        <label htmlFor="title">{t.title}</label>
        <input
          id="title"
          name="title"
          type="text"
          defaultValue={values.title}
          readOnly={readOnly}
          maxLength={600}
          onInput={schedule}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? "title-error" : "title-hint"}
        />
        {errors.title ? (
          <p className="field-error" id="title-error">
            {errors.title}
          </p>
        ) : (
          <p className="field-hint" id="title-hint">
            {t.titleHint}
          </p>
        )}
      </div>

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

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{words.partsHeading}</h2>
        <p className="field-hint">{hydrated ? t.questionsLimit : `${t.questionsLimit} ${t.plainTextHint}`}</p>
        {errors.questions ? (
          <p className="field-error" id="questions">
            {errors.questions}
          </p>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <QuestionFields
          questions={questions}
          hydrated={hydrated}
          readOnly={readOnly}
          errors={errors}
          onOp={onOp}
          onChange={schedule}
          words={words}
        />
        {readOnly ? null : (
          <button
            type="submit"
            name="op"
            value="add"
            className="button"
            disabled={questions.length >= QUESTIONS_MAX}
            onClick={(event) => {
              if (!hydrated) return;
              event.preventDefault();
              onOp({ kind: "add" });
            }}
          >
            {words.addPart}
          </button>
        )}
      </section>

      {readOnly ? null : (
        <>
          <div className="draft-save">
            <button type="submit" name="intent" value="save" className="button" aria-disabled={busy || undefined}>
              {t.save}
            </button>
            <p className="draft-status" role="status" aria-live="polite">
              {statusText(status, result, hydrated)}
            </p>
          </div>

          <section aria-labelledby="submit-heading" className="draft-submit">
            <h2 id="submit-heading">{t.submitHeading}</h2>
            <p>{t.submitIntro}</p>
            <div className="field field--checkbox">
              <input
                id="confirm"
                name="confirm"
                type="checkbox"
                aria-invalid={errors.confirm ? true : undefined}
                aria-describedby={errors.confirm ? "confirm-error" : undefined}
              />
              <label htmlFor="confirm">{t.submitConfirm}</label>
              {errors.confirm ? (
                <p className="field-error" id="confirm-error">
                  {errors.confirm}
                </p>
              ) : null}
            </div>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="button button--primary"
              aria-disabled={busy || undefined}
            >
              {t.submit}
            </button>
          </section>
        </>
      )}
    </form>
  );
}
