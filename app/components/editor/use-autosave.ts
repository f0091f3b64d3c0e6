/**
 * The autosave machinery shared by the inquiry draft editor and the answer editor (ADR 0008): every submit of
 * the form goes through one fetcher; a change schedules an autosave AUTOSAVE_DELAY_MS after the last one; a
 * save never re-initialises the editors, so nothing typed is lost — also not on a conflict (409), which stops
 * autosaving until the user decides; a failed save (server error, no connection) keeps the text, says so and
 * retries after RETRY_DELAY_MS or with the next change; and a local backup (sessionStorage, written by the
 * caller's `backup` functions) holds the unsaved values until a save succeeds.
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from "react";

/** A save met a newer version: its number, and who saved it at what time of day (when known). */
export interface ConflictInfo {
  currentVersion: number;
  savedBy?: string | null;
  savedAt?: string | null;
}

export const AUTOSAVE_DELAY_MS = 2500;
/** After a failed save, the next attempt comes this long after the failure (or sooner, with the next change). */
export const RETRY_DELAY_MS = 10_000;

/** What a save answers; the editors' action results are of this shape (plus their own fields). */
export type AutosaveResult =
  | { kind: "saved"; version: number; savedAtTime: string }
  | { kind: "refused"; errors: Record<string, string>; conflict?: ConflictInfo }
  | { kind: "failed"; message: string };

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; time: string }
  | { kind: "failed"; message: string };

export interface AutosaveOptions<R extends AutosaveResult> {
  formRef: RefObject<HTMLFormElement | null>;
  version: number;
  readOnly: boolean;
  /** The result of a POST without JavaScript (useActionData). */
  actionResult: R | undefined;
  /** Writes the form's current values as the local backup, based on `baseVersion`; clears it. */
  backup: { write: (form: HTMLFormElement, baseVersion: number) => void; clear: () => void };
  /** Intents after which the backup goes at once (a submission ends the draft). */
  finalIntents?: readonly string[];
  /** The values are a restored backup, not the saved state: save them soon. */
  startDirty?: boolean;
  initialStatus?: string;
  texts: { saveFailedNetwork: string; conflict: string; saveFailed: string };
}

export function useAutosave<R extends AutosaveResult>(options: AutosaveOptions<R>) {
  const { formRef, readOnly, actionResult, backup, texts, startDirty, initialStatus } = options;
  const finalIntents = options.finalIntents ?? [];
  const fetcher = useFetcher<R>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const [version, setVersion] = useState(options.version);
  const [status, setStatus] = useState<AutosaveStatus>(
    initialStatus ? { kind: "failed", message: initialStatus } : { kind: "idle" },
  );
  const result = (fetcher.data ?? actionResult) as R | undefined;
  const plain = result as AutosaveResult | undefined;
  const refused = plain?.kind === "refused" ? plain : undefined;
  const [conflict, setConflict] = useState<ConflictInfo | null>(refused?.conflict ?? null);
  const errors: Record<string, string> = refused && !refused.conflict ? refused.errors : {};
  const versionRef = useRef(version);
  versionRef.current = version;

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  // The user's own save or submission (not an autosave): its refusal moves the focus to the error summary.
  const explicitIntent = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fetcherState = useRef(fetcher.state);
  fetcherState.current = fetcher.state;
  const backupRef = useRef(backup);
  backupRef.current = backup;

  // The local backup: written a moment after each change (the editors' hidden fields update on their next
  // render), and at once before a save, so that the copy is never older than what is being sent.
  const backupTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const backupNow = useCallback(() => {
    clearTimeout(backupTimer.current);
    if (formRef.current && !readOnly) backupRef.current.write(formRef.current, versionRef.current);
  }, [formRef, readOnly]);
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
        setStatus({ kind: "failed", message: texts.saveFailedNetwork });
        return;
      }
      const data = new FormData(form, submitter ?? undefined);
      data.set("intent", intent);
      data.delete("op");
      const final = finalIntents.includes(intent);
      if (!final) setStatus({ kind: "saving" });
      explicitIntent.current = intent === "autosave" ? null : intent;
      // A final intent ends the form's life: its backup goes now; should it be refused or fail, the answer's
      // handling below writes it again.
      if (final) backupRef.current.clear();
      else if (dirty.current) backupNow();
      dirty.current = false;
      fetcher.submit(data, { method: "post" });
    },
    // finalIntents is compared by content: callers pass a new array literal on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the line above
    [fetcher, formRef, backupNow, texts.saveFailedNetwork, finalIntents.join(" ")],
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
    const data = fetcher.data as AutosaveResult | undefined;
    if (!data || fetcher.state !== "idle") return;
    if (data.kind === "saved") {
      setVersion(data.version);
      versionRef.current = data.version;
      setConflict(null);
      if (!dirty.current) backupRef.current.clear();
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
      setStatus({ kind: "failed", message: texts.conflict });
    } else {
      setStatus({ kind: "failed", message: texts.saveFailed });
      // The user pressed a button and the input was refused: the summary says what to fix, and takes the
      // focus so that it is read at once (and the focus never falls to <body>).
      if (explicitIntent.current) requestAnimationFrame(() => summaryRef.current?.focus());
    }
    explicitIntent.current = null;
    // Runs once per answer; the handlers it calls only change with the conflict state.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the line above
  }, [fetcher.data, fetcher.state]);

  /** The form's onSubmit: with JavaScript every submit goes through the fetcher. */
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

  return {
    fetcher,
    hydrated,
    version,
    status,
    result,
    conflict,
    errors,
    busy: fetcher.state !== "idle",
    schedule,
    onSubmit,
    summaryRef,
  };
}
