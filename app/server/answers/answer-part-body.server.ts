/**
 * The text of one answer part as posted, checked and derived for storage (ADR 0011): Tiptap JSON from the
 * editor (or plain text without JavaScript) validated against the answer-part schema, every withheld passage
 * checked — known reason, a subject, a public justification, a well-formed key — and the PUBLIC body derived
 * with each passage replaced by its notice. The client's HTML is never trusted: the server renders both bodies.
 */
import { JUSTIFICATION_MAX, isWithholdingReason, withholdingProblems } from "../../domain/answer-drafting";
import { editableText, fieldSizeProblem } from "../../domain/draft";
import type { WithholdingReason } from "../../domain/labels";
import { answerText as t } from "../../domain/texts/answer";
import { draftText as dt } from "../../domain/texts/draft";
import { docFromPlainText } from "../../editor/build";
import { renderAnswerPart, type RenderedAnswerPart } from "../../editor/content.server";
import { renderPostedJson } from "../inquiries/drafts-validation.server";
import { PASSAGE_KEY } from "../../editor/withheld";

/** A withheld passage ready to be stored as a withholding row of its part. */
export interface ValidPassage {
  passageKey: string;
  reason: WithholdingReason;
  subject: string;
  publicJustification: string;
  withheldText: string;
}

export type PartBodyResult =
  { ok: true; content: RenderedAnswerPart; passages: ValidPassage[] } | { ok: false; message: string };

function fromJson(
  json: string,
  label: string,
): { ok: true; content: RenderedAnswerPart } | { ok: false; message: string } {
  return renderPostedJson(json, label, renderAnswerPart);
}

/** Each passage's problems in German, or the passages ready to store. */
function checkPassages(content: RenderedAnswerPart, label: string): PartBodyResult {
  const passages: ValidPassage[] = [];
  const messages: string[] = [];
  content.passages.forEach((p, n) => {
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const key = str(p.key);
    const problems = withholdingProblems({
      reason: str(p.reason),
      subject: str(p.subject),
      publicJustification: str(p.justification),
      withheldText: p.text,
    });
    const own: string[] = [];
    if (!PASSAGE_KEY.test(key)) own.push(t.passageKeyInvalid);
    if (problems.includes("reason")) own.push(t.reasonMissing);
    if (problems.includes("subject")) own.push(t.subjectMissing);
    if (problems.includes("justification")) own.push(t.justificationMissing);
    if (problems.includes("withheld_text_too_long")) own.push(t.withheldTooLong);
    if (own.length > 0) {
      messages.push(t.passageProblem(n, own.join(" ")));
      return;
    }
    if (!isWithholdingReason(p.reason)) return;
    passages.push({
      passageKey: key,
      reason: p.reason,
      subject: str(p.subject).trim(),
      publicJustification: str(p.justification).trim().slice(0, JUSTIFICATION_MAX),
      withheldText: p.text,
    });
  });
  if (messages.length > 0) return { ok: false, message: `${label}: ${messages.join(" ")}` };
  return { ok: true, content, passages };
}

/**
 * The stored form of a part's text. Without JavaScript the textarea shows the full text; when it comes back
 * unchanged, the posted JSON it was made from (with its marks) is kept. A changed plain text of a part that
 * has withheld passages is refused: plain text cannot carry the marks, and the passages would become public.
 */
export function resolvePartBody(input: { rich: boolean; json: string; text: string }, label: string): PartBodyResult {
  let result: { ok: true; content: RenderedAnswerPart } | { ok: false; message: string };
  if (input.rich && input.json !== "") {
    result = fromJson(input.json, label);
  } else {
    const text = input.text.replace(/\r\n?/g, "\n");
    const problem = fieldSizeProblem({ jsonBytes: Buffer.byteLength(text, "utf8"), textLength: text.trim().length });
    if (problem)
      return { ok: false, message: problem === "too_large_json" ? dt.fieldTooLarge(label) : dt.fieldTooLong(label) };
    const original = input.json ? fromJson(input.json, label) : null;
    const unchanged =
      original?.ok === true &&
      editableText(original.content.record?.json ?? original.content.public.json).trim() === text.trim();
    if (unchanged) result = original;
    else if (original?.ok && original.content.passages.length > 0)
      return { ok: false, message: t.passagesNeedEditor(label) };
    else result = fromJson(JSON.stringify(docFromPlainText(text)), label);
  }
  if (!result.ok) return result;
  const fullText = result.content.record?.text ?? result.content.public.text;
  if (fieldSizeProblem({ jsonBytes: 0, textLength: fullText.length }) === "too_long_text") {
    return { ok: false, message: dt.fieldTooLong(label) };
  }
  return checkPassages(result.content, label);
}
