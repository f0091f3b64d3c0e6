/**
 * Withheld passages (issue 10, ADR 0011): the Tiptap mark `withheld` that an answer's author puts on a
 * passage of a part's text, carrying the passage's key and its withholding — legal reason, subject and public
 * justification. It exists ONLY in the answer-part extension set: every other rich text field (questions,
 * preambles, statements) is validated against `contentExtensions`, which does not know the mark, so a passage
 * can be withheld only where the server derives a public body without it.
 *
 * The mark renders as a bordered, hatched span whose label ("zurückgehalten: IT-Sicherheit") is written text
 * (CSS generated content from data-label), so the marking does not rely on colour alone.
 */
import { Mark, type AnyExtension } from "@tiptap/core";
import { isWithholdingReason } from "../domain/answer-drafting";
import { withholdingReasonLabels } from "../domain/labels";
import { contentExtensions } from "./extensions";

export const WITHHELD_MARK = "withheld";

/** The key of a passage: made by the editor, checked by the server (it becomes withholdings.passage_key). */
export const PASSAGE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export interface WithheldAttrs {
  key: string | null;
  reason: string | null;
  subject: string;
  justification: string;
}

/** The label shown with a withheld passage in the staff editor and the staff view. */
export function withheldLabel(reason: unknown): string {
  return `zurückgehalten: ${isWithholdingReason(reason) ? withholdingReasonLabels[reason] : "Grund fehlt"}`;
}

export const WithheldMark = Mark.create({
  name: WITHHELD_MARK,
  // Typing at the end of a withheld passage writes public text, not more withheld text.
  inclusive: false,
  addAttributes() {
    const attr = (name: string, fallback: string | null) => ({
      default: fallback,
      rendered: false,
      parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? fallback,
    });
    return {
      key: attr("withheld", null),
      reason: attr("reason", null),
      subject: attr("subject", ""),
      justification: attr("justification", ""),
    };
  },
  parseHTML() {
    return [{ tag: "span[data-withheld]" }];
  },
  renderHTML({ mark }) {
    const attrs = mark.attrs as WithheldAttrs;
    return [
      "span",
      {
        class: "withheld-passage",
        "data-withheld": attrs.key ?? "",
        "data-reason": attrs.reason ?? "",
        "data-subject": attrs.subject ?? "",
        "data-justification": attrs.justification ?? "",
        "data-label": withheldLabel(attrs.reason),
      },
      0,
    ];
  },
});

/** The extension set of an answer part's text: the shared set plus the withheld mark. */
export const answerPartExtensions: AnyExtension[] = [...contentExtensions, WithheldMark];
