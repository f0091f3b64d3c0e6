/**
 * The answer form's unsaved values in this tab's sessionStorage (the same reasoning as the inquiry draft's
 * backup, ADR 0008): the posted fields as name/value pairs, keyed by answer id, with the version they were
 * based on, so that restoring saves against it and a colleague's newer save shows as a conflict.
 */
export interface AnswerBackup {
  baseVersion: number;
  entries: Array<[string, string]>;
}

const keyOf = (answerId: string) => `quaestio:answer-backup:${answerId}`;
/** Fields that are state of the page, not content. */
const SKIP = new Set(["intent", "version", "overwriteVersion", "rich", "op"]);

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function entriesOf(form: HTMLFormElement): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of new FormData(form))
    if (typeof value === "string" && !SKIP.has(name)) out.push([name, value]);
  return out;
}

export function readAnswerBackup(answerId: string): AnswerBackup | undefined {
  const raw = storage()?.getItem(keyOf(answerId));
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as AnswerBackup;
    return typeof parsed.baseVersion === "number" && Array.isArray(parsed.entries) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeAnswerBackup(answerId: string, form: HTMLFormElement, baseVersion: number): void {
  try {
    storage()?.setItem(
      keyOf(answerId),
      JSON.stringify({ baseVersion, entries: entriesOf(form) } satisfies AnswerBackup),
    );
  } catch {
    // Quota exceeded or storage disabled: the editor still holds the text.
  }
}

export function clearAnswerBackup(answerId: string): void {
  storage()?.removeItem(keyOf(answerId));
}
