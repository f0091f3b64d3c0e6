/**
 * Validation of a draft as posted: the rich text fields (Tiptap JSON from the editor, or plain text from the
 * form without JavaScript), their limits, the title and the number of questions. Collects every problem as a
 * German message keyed by field, so the form can show them next to the fields and keep the input.
 */
import { docFromPlainText } from "../../editor/build";
import { InvalidContentError, renderContent, type RenderedContent } from "../../editor/content.server";
import {
  QUESTIONS_MAX,
  editableText,
  fieldSizeProblem,
  normaliseLevels,
  numberQuestions,
  questionCountProblem,
  titleProblem,
  type QuestionLevel,
} from "../../domain/draft";
import { parseBoundedJson } from "../../domain/request-limits";
import { draftText as t } from "../../domain/texts/draft";

/** One rich text field as posted. */
export interface RichFieldInput {
  /** Tiptap JSON as a string (hidden input kept current by the editor). */
  json?: string;
  /** Plain text from the textarea shown without JavaScript. */
  text?: string;
  /** The editor was running: `json` is what the author sees. Without it, `text` is. */
  rich: boolean;
}

export interface DraftInput {
  title: string;
  preamble: RichFieldInput;
  questions: Array<{ level: QuestionLevel; body: RichFieldInput }>;
}

export interface ValidQuestion {
  position: number;
  number: string;
  level: QuestionLevel;
  parentIndex: number | null;
  body: RenderedContent;
}

export interface ValidDraft {
  title: string;
  /** Null when the preamble is empty. */
  preamble: RenderedContent | null;
  questions: ValidQuestion[];
}

/** Field keys: "title", "preamble", "questions", "question-<index>". */
export type FieldErrors = Record<string, string>;

export class DraftValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("Der Entwurf enthält ungültige Angaben.");
    this.name = "DraftValidationError";
  }
}

const normaliseNewlines = (s: string) => s.replace(/\r\n?/g, "\n");

type FieldResult = { ok: true; content: RenderedContent } | { ok: false; message: string };

/**
 * One field's posted editor JSON, checked as every editor field is — its size, a bounded parse, then `render`
 * (renderContent; the answer's parts: renderAnswerPart) — with the German message at the field's `label`.
 */
export function renderPostedJson<T>(
  json: string,
  label: string,
  render: (value: unknown) => T,
): { ok: true; content: T } | { ok: false; message: string } {
  if (fieldSizeProblem({ jsonBytes: Buffer.byteLength(json, "utf8") }) === "too_large_json") {
    return { ok: false, message: t.fieldTooLarge(label) };
  }
  const parsed = parseBoundedJson(json);
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.reason === "too_deep" ? t.fieldInvalid(label, t.contentTooDeep) : t.fieldNotJson(label),
    };
  }
  try {
    return { ok: true, content: render(parsed.value) };
  } catch (error) {
    if (error instanceof InvalidContentError) return { ok: false, message: t.fieldInvalid(label, error.message) };
    throw error;
  }
}

function fromJson(json: string, label: string): FieldResult {
  return renderPostedJson(json, label, renderContent);
}

/**
 * What a refused form may show again of one field's posted JSON: its normalised form when it is valid content,
 * else nothing (the plain text is echoed beside it). Raw refused JSON is never sent back — a deeply nested value
 * made serialising the answer throw and the connection close without a response.
 */
export function echoableContent(json: string): unknown {
  if (!json) return null;
  const result = fromJson(json, "");
  return result.ok ? result.content.json : null;
}

/**
 * The stored form of one field. Without JavaScript the textarea shows the field's plain text; when it comes
 * back unchanged, the formatted JSON it was made from (posted beside it) is kept, so that saving without
 * JavaScript does not strip formatting someone else added.
 */
export function resolveRichField(input: RichFieldInput, label: string): FieldResult {
  let result: FieldResult;
  if (input.rich && input.json !== undefined && input.json !== "") {
    result = fromJson(input.json, label);
  } else {
    const text = normaliseNewlines(input.text ?? "");
    const problem = fieldSizeProblem({ jsonBytes: Buffer.byteLength(text, "utf8"), textLength: text.trim().length });
    if (problem)
      return { ok: false, message: problem === "too_large_json" ? t.fieldTooLarge(label) : t.fieldTooLong(label) };
    const original = input.json ? fromJson(input.json, label) : null;
    const unchanged = original?.ok === true && editableText(original.content.json).trim() === text.trim();
    result = unchanged ? original : { ok: true, content: renderContent(docFromPlainText(text)) };
  }
  if (result.ok && fieldSizeProblem({ jsonBytes: 0, textLength: result.content.text.length }) === "too_long_text") {
    return { ok: false, message: t.fieldTooLong(label) };
  }
  return result;
}

/**
 * Validates a whole draft. While drafting, empty questions are fine; for submission (`forSubmission`) the
 * draft needs at least one question and no empty one. Throws DraftValidationError with every problem found.
 */
export function validateDraft(input: DraftInput, options: { forSubmission: boolean }): ValidDraft {
  const errors: FieldErrors = {};
  const title = input.title.trim();
  const titleIssue = titleProblem(title);
  if (titleIssue === "empty") errors.title = t.titleEmpty;
  if (titleIssue === "too_long") errors.title = t.titleTooLong;

  const countIssue = questionCountProblem(input.questions.length, options.forSubmission);
  if (countIssue === "too_many") errors.questions = t.tooManyQuestions(input.questions.length);
  if (countIssue === "none") errors.questions = t.noQuestions;

  const preamble = resolveRichField(input.preamble, t.preambleLabel);
  if (!preamble.ok) errors.preamble = preamble.message;

  const questions: ValidQuestion[] = [];
  // With too many questions, the count is the message; checking each of 200 fields would bury it.
  if (countIssue !== "too_many" && input.questions.length <= QUESTIONS_MAX) {
    const levelled = normaliseLevels(input.questions);
    const slots = numberQuestions(levelled.map((q) => q.level));
    levelled.forEach((q, index) => {
      const slot = slots[index]!;
      const body = resolveRichField(q.body, t.question(slot.number));
      if (!body.ok) {
        errors[`question-${index}`] = body.message;
        return;
      }
      if (options.forSubmission && body.content.text === "") {
        errors[`question-${index}`] = t.questionEmpty(slot.number);
        return;
      }
      questions.push({ ...slot, body: body.content });
    });
  }

  if (Object.keys(errors).length > 0) throw new DraftValidationError(errors);
  return {
    title,
    preamble: preamble.ok && preamble.content.text !== "" ? preamble.content : null,
    questions,
  };
}
