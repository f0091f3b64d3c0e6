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
import { Link, useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { QUESTIONS_MAX, applyQuestionOp, numberQuestions, type QuestionOp } from "~/domain/draft";
import { draftText as t } from "~/domain/texts/draft";
import { QuestionFields, type QuestionState } from "./QuestionFields";
import { RichTextField } from "./RichTextField";
import { backupFromForm, clearBackup, writeBackup } from "./draft-backup";
import type { DraftActionResult, DraftFormValues } from "./draft-form-types";
import { statusText, type Status } from "./draft-status";

export const AUTOSAVE_DELAY_MS = 2500;
/** After a failed save, the next attempt comes this long after the failure (or sooner, with the next change). */
export const RETRY_DELAY_MS = 10_000;

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
}


let keyCounter = 0;
const newKey = () => `new-${(keyCounter += 1)}`;

export function DraftForm(props: DraftFormProps) {
  const { draftId, version: loadedVersion, values, readOnly, submissionKey, actionResult, startDirty, initialStatus } = props;
  const fetcher = useFetcher<DraftActionResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const [version, setVersion] = useState(loadedVersion);
  const [questions, setQuestions] = useState<QuestionState[]>(() =>
    values.questions.map((q, i) => ({ key: `q${i}`, level: q.level, json: q.json, text: q.text })),
  );
  const [status, setStatus] = useState<Status>(initialStatus ? { kind: "failed", message: initialStatus } : { kind: "idle" });
  const result = fetcher.data ?? actionResult;
  const refused = result?.kind === "refused" ? result : undefined;
  const [conflict, setConflict] = useState<{ currentVersion: number } | null>(refused?.conflict ?? null);
  const errors = refused && !refused.conflict ? refused.errors : {};
  const versionRef = useRef(version);
  versionRef.current = version;

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The user's own save or submission (not an autosave): its refusal moves the focus to the error summary.
  const explicitIntent = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const dirty = useRef(false);
  const fetcherState = useRef(fetcher.state);
  fetcherState.current = fetcher.state;

  // The local backup: written a moment after each change (the editors' hidden fields update on their next
  // render), and at once before a save, so that the copy is never older than what is being sent.
  const backupTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const backupNow = useCallback(() => {
    clearTimeout(backupTimer.current);
    if (formRef.current && !readOnly) writeBackup(draftId, backupFromForm(formRef.current, versionRef.current));
  }, [draftId, readOnly]);
  const backupSoon = useCallback(() => {
    clearTimeout(backupTimer.current);
    backupTimer.current = setTimeout(backupNow, 300);
  }, [backupNow]);
  useEffect(() => () => clearTimeout(backupTimer.current), []);

  const post = useCallback(
    (intent: string, submitter?: HTMLElement | null) => {
      const form = formRef.current;
      if (!form) return;
      // Offline, a fetcher submission would fail into the error page and take the editors with it: keep the
      // text on screen, say so, and try again with the next change.
      if (typeof navigator !== "undefined" && navigator.onLine === false) {
        dirty.current = true;
        backupNow();
        setStatus({ kind: "failed", message: t.saveFailedNetwork });
        return;
      }
      const data = new FormData(form, submitter ?? undefined);
      data.set("intent", intent);
      data.delete("op");
      if (intent !== "submit") setStatus({ kind: "saving" });
      explicitIntent.current = intent === "autosave" ? null : intent;
      // A submission ends the draft: its backup goes now; should the submission be refused or fail, the
      // answer's handling below writes it again.
      if (intent === "submit") clearBackup(draftId);
      else if (dirty.current) backupNow();
      dirty.current = false;
      fetcher.submit(data, { method: "post" });
    },
    [fetcher, draftId, backupNow],
  );

  const autosaveIn = useCallback(
    (delay: number) => {
      clearTimeout(timer.current);
      if (conflict) return;
      timer.current = setTimeout(function tick() {
        // Not while a save is on its way: its answer carries the version the next save needs.
        if (fetcherState.current !== "idle") {
          timer.current = setTimeout(tick, 500);
          return;
        }
        if (dirty.current) post("autosave");
      }, delay);
    },
    [conflict, post],
  );

  const schedule = useCallback(() => {
    dirty.current = true;
    setStatus({ kind: "dirty" });
    backupSoon();
    autosaveIn(AUTOSAVE_DELAY_MS);
  }, [autosaveIn, backupSoon]);

  // Restored from a backup: these values are not saved yet.
  const startDirtyRef = useRef(startDirty);
  useEffect(() => {
    if (!hydrated || !startDirtyRef.current) return;
    startDirtyRef.current = false;
    dirty.current = true;
    backupNow();
    autosaveIn(AUTOSAVE_DELAY_MS);
  }, [hydrated, autosaveIn, backupNow]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // Leaving the page (reload, closing the tab) with unsaved changes asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  // The answer of a save: new version, or why not.
  useEffect(() => {
    const data = fetcher.data;
    if (!data || fetcher.state !== "idle") return;
    if (data.kind === "saved") {
      setVersion(data.version);
      versionRef.current = data.version;
      setConflict(null);
      if (!dirty.current) clearBackup(draftId);
      setStatus(dirty.current ? { kind: "dirty" } : { kind: "saved", time: data.savedAtTime });
      return;
    }
    // Not saved: what the editors hold is still unsaved, so the backup keeps (or gets again) a copy of it.
    backupNow();
    if (data.kind === "failed") {
      dirty.current = true;
      setStatus({ kind: "failed", message: data.message });
      autosaveIn(RETRY_DELAY_MS);
    } else if (data.conflict) {
      clearTimeout(timer.current);
      setConflict(data.conflict);
      setStatus({ kind: "failed", message: t.conflict });
    } else {
      setStatus({ kind: "failed", message: t.saveFailed });
      // The user pressed a button and the input was refused: the summary says what to fix, and takes the
      // focus so that it is read at once (and the focus never falls to <body>).
      if (explicitIntent.current) requestAnimationFrame(() => summaryRef.current?.focus());
    }
    explicitIntent.current = null;
    // Runs once per answer; the handlers it calls only change with the conflict state.
  }, [fetcher.data, fetcher.state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!hydrated) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value && submitter.name === "intent" ? submitter.value : "save";
    // While a save is on its way the buttons stay enabled (a disabled button would drop the focus to
    // <body>) but say aria-disabled; pressing one then does nothing.
    if (fetcher.state !== "idle") return;
    clearTimeout(timer.current);
    post(intent, submitter);
  }

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
  const busy = fetcher.state !== "idle";

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
        <h2 id="questions-heading">{t.questions}</h2>
        <p className="field-hint">{hydrated ? t.questionsLimit : `${t.questionsLimit} ${t.plainTextHint}`}</p>
        {errors.questions ? (
          <p className="field-error" id="questions">
            {errors.questions}
          </p>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <QuestionFields questions={questions} hydrated={hydrated} readOnly={readOnly} errors={errors} onOp={onOp} onChange={schedule} />
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
            {t.addQuestion}
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
            <button type="submit" name="intent" value="submit" className="button button--primary" aria-disabled={busy || undefined}>
              {t.submit}
            </button>
          </section>
        </>
      )}
    </form>
  );
}
