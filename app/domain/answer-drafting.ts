/**
 * Answer drafting rules, pure: the sentence before a joint answer, the limits of the answer form, and the
 * checks of one part's questions and withholding.
 */
import { WITHHOLDING_REASONS, withholdingReasonLabels, type WithholdingReason } from "./labels";
import { isIsoDate } from "./lifecycle";

export const ANSWER_PARTS_MAX = 100;
export const SHORT_TEXT_MAX = 300;
export const JUSTIFICATION_MAX = 2000;
export const WITHHELD_TEXT_MAX = 20_000;

export function isWithholdingReason(value: unknown): value is WithholdingReason {
  return (WITHHOLDING_REASONS as readonly unknown[]).includes(value);
}

/** "1", "1 und 2", "1, 2 und 3". */
export function listNumbers(numbers: readonly string[]): string {
  if (numbers.length <= 1) return numbers.join("");
  return `${numbers.slice(0, -1).join(", ")} und ${numbers[numbers.length - 1]}`;
}

/**
 * The sentence a joint answer starts with, as the NRW answer words it: "Die Fragen 3 und 4 werden wegen des
 * Sachzusammenhangs gemeinsam beantwortet." Null for a part that answers one question or none.
 */
export function jointNoteFor(numbers: readonly string[]): string | null {
  if (numbers.length < 2) return null;
  return `Die Fragen ${listNumbers(numbers)} werden wegen des Sachzusammenhangs gemeinsam beantwortet.`;
}

/** The longest sentence an author may put before a joint answer. */
export const JOINT_NOTE_MAX = 500;

/**
 * The sentence stored before a joint answer: the author's own wording when given (e.g. the NRW answer's "… wegen
 * des bestehenden Sachzusammenhangs …"), else the generated one. `custom` equal to `generatedShown` — the
 * generated sentence the form showed, which a form without JavaScript posts back unchanged after its questions
 * were changed — counts as "not edited", so the sentence follows the questions. Null for a part that is not joint.
 */
export function jointNoteOf(numbers: readonly string[], custom: string, generatedShown = ""): string | null {
  const generated = jointNoteFor(numbers);
  if (generated === null) return null;
  const own = custom.replace(/\s+/g, " ").trim();
  if (own === "" || own === generatedShown.replace(/\s+/g, " ").trim()) return generated;
  return own;
}

/** What the form shows as the author's own sentence: "" when the stored one is the generated sentence. */
export function customJointNote(stored: string | null, numbers: readonly string[]): string {
  return stored !== null && stored !== jointNoteFor(numbers) ? stored : "";
}

export interface PartWithholdingInput {
  reason: string;
  subject: string;
  publicJustification: string;
  withheldText: string;
}

export type WithholdingProblem = "reason" | "subject" | "justification" | "withheld_text_too_long";

/** What is wrong with a part's withholding as entered, field by field. */
export function withholdingProblems(input: PartWithholdingInput): WithholdingProblem[] {
  const problems: WithholdingProblem[] = [];
  if (!isWithholdingReason(input.reason)) problems.push("reason");
  const subject = input.subject.trim();
  if (subject === "" || subject.length > SHORT_TEXT_MAX) problems.push("subject");
  const justification = input.publicJustification.trim();
  if (justification === "" || justification.length > JUSTIFICATION_MAX) problems.push("justification");
  if (input.withheldText.length > WITHHELD_TEXT_MAX) problems.push("withheld_text_too_long");
  return problems;
}

/**
 * What the public reads in place of a withheld passage, inline in the part's text:
 * "[Zurückgehalten – IT-Sicherheit: <Begründung>]". The reason label and justification are public.
 */
export function passageNotice(reason: unknown, justification: unknown): string {
  const label = isWithholdingReason(reason) ? withholdingReasonLabels[reason] : withholdingReasonLabels.other;
  const text = typeof justification === "string" ? justification.trim() : "";
  return `[Zurückgehalten – ${label}${text ? `: ${text}` : ""}]`;
}

export const HOLDING_MESSAGE_MAX = 2000;

export type HoldingProblem = "message" | "expected_on";

/**
 * A holding answer (Zwischennachricht, the UK's "holding answer") says why the answer is late and when it is
 * expected: a message and a real date after today (ISO dates compare as strings).
 */
export function holdingAnswerProblems(message: string, expectedOn: string, today: string): HoldingProblem[] {
  const problems: HoldingProblem[] = [];
  const text = message.trim();
  if (text === "" || text.length > HOLDING_MESSAGE_MAX) problems.push("message");
  if (!isIsoDate(expectedOn) || expectedOn <= today) problems.push("expected_on");
  return problems;
}
