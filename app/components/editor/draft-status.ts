/** The text of the draft form's status line (role=status, aria-live). */
import { draftText as t } from "~/domain/texts/draft";
import type { DraftActionResult } from "./draft-form-types";

export type Status =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; time: string }
  | { kind: "failed"; message: string };

export function statusText(status: Status, result: DraftActionResult | undefined, hydrated: boolean): string {
  if (!hydrated) {
    // Without JavaScript the page was rendered from the POST's answer.
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
