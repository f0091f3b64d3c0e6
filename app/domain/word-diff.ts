/**
 * Word-level difference between two versions of a published answer, for the public page's comparison of
 * versions. Pure; built on the `diff` package (jsdiff). The output is segments of plain text — the page
 * renders them as text in <ins>/<del>, so nothing in them is ever interpreted as HTML.
 */
import { diffWordsWithSpace } from "diff";

export interface DiffSegment {
  kind: "same" | "added" | "removed";
  text: string;
}

export function wordDiff(before: string, after: string): DiffSegment[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/** Whether two texts differ at all (a comparison of equal versions says so instead of showing nothing). */
export function hasChanges(segments: readonly DiffSegment[]): boolean {
  return segments.some((s) => s.kind !== "same");
}
