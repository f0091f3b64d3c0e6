/**
 * A copy of the draft form's unsaved values in this browser's sessionStorage, keyed by draft id, so that text
 * typed since the last successful save survives a failed save, an error page or a reload. sessionStorage (not
 * localStorage) on purpose: the copy lives only as long as the tab, so it does not linger on a shared office
 * computer after the tab is closed, and it never leaves the browser. It is written on every change, removed
 * after a successful save, on submit and on delete.
 */
import type { QuestionLevel } from "~/domain/draft";
import type { DraftFormValues } from "./draft-form-types";

export interface DraftBackup {
  /** The saved version the unsaved values were based on: restoring saves against it, so a co-author's newer
   * save is reported as a conflict instead of being overwritten silently. */
  baseVersion: number;
  title: string;
  preamble: unknown;
  questions: Array<{ level: QuestionLevel; json: unknown }>;
}

const keyOf = (draftId: string) => `quaestio:draft-backup:${draftId}`;

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    // Storage disabled by the browser's settings: no backup, the editor works as before.
    return undefined;
  }
}

export function readBackup(draftId: string): DraftBackup | undefined {
  const raw = storage()?.getItem(keyOf(draftId));
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as DraftBackup;
    if (typeof parsed.title !== "string" || !Array.isArray(parsed.questions) || typeof parsed.baseVersion !== "number")
      return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

export function writeBackup(draftId: string, backup: DraftBackup): void {
  try {
    storage()?.setItem(keyOf(draftId), JSON.stringify(backup));
  } catch {
    // Quota exceeded: the editor still holds the text; the backup is a second line of defence only.
  }
}

export function clearBackup(draftId: string): void {
  storage()?.removeItem(keyOf(draftId));
}

const parseJson = (value: FormDataEntryValue | null): unknown => {
  if (typeof value !== "string" || value === "") return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
};

/** The current values of the draft form, read from the fields it posts. */
export function backupFromForm(form: HTMLFormElement, baseVersion: number): DraftBackup {
  const data = new FormData(form);
  const questions: DraftBackup["questions"] = [];
  for (let i = 0; data.has(`q-${i}-level`); i += 1) {
    questions.push({ level: data.get(`q-${i}-level`) === "1" ? 1 : 0, json: parseJson(data.get(`q-${i}-json`)) });
  }
  return {
    baseVersion,
    title: String(data.get("title") ?? ""),
    preamble: parseJson(data.get("preamble-json")),
    questions,
  };
}

/** An editor's empty document and a field that was never filled are the same content. */
function normalise(json: unknown): unknown {
  if (!json || typeof json !== "object") return null;
  const doc = json as { type?: string; content?: Array<{ type?: string; content?: unknown[] }> };
  const empty =
    doc.type === "doc" && (doc.content ?? []).every((node) => node.type === "paragraph" && !node.content?.length);
  return empty ? null : json;
}

const comparable = (title: string, preamble: unknown, questions: Array<{ level: QuestionLevel; json: unknown }>) =>
  JSON.stringify({
    title,
    preamble: normalise(preamble),
    questions: questions.map((q) => ({ level: q.level, json: normalise(q.json) })),
  });

export function backupDiffers(backup: DraftBackup, saved: DraftFormValues): boolean {
  return (
    comparable(backup.title, backup.preamble, backup.questions) !==
    comparable(saved.title, saved.preamble.json, saved.questions)
  );
}

/** The backup in the shape the form is initialised with. */
export function valuesOfBackup(backup: DraftBackup): DraftFormValues {
  return {
    title: backup.title,
    preamble: { json: backup.preamble, text: "" },
    questions: backup.questions.map((q) => ({ level: q.level, json: q.json, text: "" })),
  };
}
