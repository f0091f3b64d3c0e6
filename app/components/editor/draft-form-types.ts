/** What the draft form is initialised with and what the route's action answers it. */
import type { QuestionLevel } from "~/domain/draft";
import type { ConflictInfo } from "./use-autosave";

export interface DraftFormValues {
  title: string;
  preamble: { json: unknown; text: string };
  questions: Array<{ level: QuestionLevel; json: unknown; text: string }>;
}

/** What the action answers for the editor form. */
export type DraftActionResult =
  | { kind: "saved"; version: number; savedAtTime: string }
  | {
      kind: "refused";
      errors: Record<string, string>;
      values?: DraftFormValues;
      conflict?: ConflictInfo;
    }
  /** The save did not reach the database: server error or no connection. The values are echoed without JS. */
  | { kind: "failed"; message: string; values?: DraftFormValues };
