/**
 * The answer page: load everything the editor, the sign-off block and the publication form need, and save the
 * working version (metadata, preamble, parts with their questions and withholdings) in one transaction with
 * an optimistic check on answers.version. A save that changes the content after a signature sends the answer
 * back to drafting through the lifecycle engine (event `revise`, all signatures invalidated).
 */
import { eq } from "drizzle-orm";
import {
  answerPartQuestions,
  answerParts,
  answerVersions,
  bodies,
  questions,
  signOffSteps,
  withholdings,
} from "../../../db/schema";
import {
  ANSWER_PARTS_MAX,
  SHORT_TEXT_MAX,
  isWithholdingReason,
  JOINT_NOTE_MAX,
  jointNoteOf,
  withholdingProblems,
} from "../../domain/answer-drafting";
import { clockTime } from "../../domain/draft";
import type { WithholdingReason } from "../../domain/labels";
import { applyFlag } from "../../domain/sign-off";
import { answerText as t } from "../../domain/texts/answer";
import type { RenderedAnswerPart } from "../../editor/content.server";
import { resolveRichField } from "../inquiries/drafts-validation.server";
import { lastSaveOf, type LastSave } from "../inquiries/drafts.server";
import { FieldInputError } from "../core/errors.server";
import { mayEdit, withLockedAnswer, type AnswerUser } from "./answer-access.server";
import { commitContentChange, latestVersion } from "./answer-content.server";
import type { PostedAnswer } from "./answer-form.server";
import { resolvePartBody, type ValidPassage } from "./answer-part-body.server";

// The page the form is rendered from (answer-page.server.ts); re-exported for the route and the sign-off block.
export { loadAnswerPage, type AnswerPage, type AnswerPartView, type SignOffStepView } from "./answer-page.server";

/** Someone saved or signed since this form was loaded; nothing was written. `lastSave`: the last save's author. */
export class AnswerConflict extends Error {
  constructor(
    readonly currentVersion: number,
    readonly lastSave: LastSave | null = null,
  ) {
    super(t.conflict);
    this.name = "AnswerConflict";
  }
}

/** Field keys: "documentKind" …, "preamble", "parts", "p-<i>-body", "p-<i>-questions", "p-<i>-reason" … */
export class AnswerValidationError extends FieldInputError {
  override name = "AnswerValidationError";
  constructor(fieldErrors: Record<string, string>) {
    super(fieldErrors, "Die Antwort enthält ungültige Angaben.");
  }
}

/** The user may see the answer but not do this with it; `message` is German. */
export class AnswerRefused extends Error {
  override name = "AnswerRefused";
}

interface ValidPart {
  questionIds: string[];
  jointNote: string | null;
  /** The public body (passages replaced by their notice) and, with passages, the non-public record. */
  body: RenderedAnswerPart;
  passages: ValidPassage[];
  withholding: null | {
    reason: WithholdingReason;
    subject: string;
    publicJustification: string;
    withheldText: string | null;
  };
}

function validate(values: PostedAnswer, rich: boolean, questionNumbers: Map<string, string>) {
  const errors: Record<string, string> = {};
  for (const key of ["documentKind", "documentReference", "title", "issuedByLabel", "caseOfficerLabel"] as const) {
    if (values[key].trim().length > SHORT_TEXT_MAX) errors[key] = t.fieldTooLong(fieldLabel[key]);
  }
  const field = (v: { json: string; text: string }) => ({ rich: rich && v.json !== "", json: v.json, text: v.text });
  const preamble = resolveRichField(field(values.preamble), t.preamble);
  if (!preamble.ok) errors.preamble = preamble.message;
  if (values.parts.length > ANSWER_PARTS_MAX) errors.parts = t.tooManyParts(ANSWER_PARTS_MAX);
  const parts: ValidPart[] = [];
  if (values.parts.length <= ANSWER_PARTS_MAX) {
    values.parts.forEach((part, i) => {
      const ids = [...new Set(part.questionIds)];
      if (ids.some((id) => !questionNumbers.has(id))) errors[`p-${i}-questions`] = t.unknownQuestion;
      if ((part.jointNote ?? "").trim().length > JOINT_NOTE_MAX)
        errors[`p-${i}-jointNote`] = t.jointNoteTooLong(JOINT_NOTE_MAX);
      const body = resolvePartBody(field(part.body), t.partBody(i));
      if (!body.ok) errors[`p-${i}-body`] = body.message;
      let withholding: ValidPart["withholding"] = null;
      if (part.withheld) {
        const problems = withholdingProblems({
          reason: part.reason,
          subject: part.subject,
          publicJustification: part.justification,
          withheldText: part.withheldText,
        });
        if (problems.includes("reason")) errors[`p-${i}-reason`] = t.reasonMissing;
        if (problems.includes("subject")) errors[`p-${i}-subject`] = t.subjectMissing;
        if (problems.includes("justification")) errors[`p-${i}-justification`] = t.justificationMissing;
        if (problems.includes("withheld_text_too_long")) errors[`p-${i}-withheldText`] = t.withheldTooLong;
        if (problems.length === 0 && isWithholdingReason(part.reason)) {
          withholding = {
            reason: part.reason,
            subject: part.subject.trim(),
            publicJustification: part.justification.trim(),
            withheldText: part.withheldText.trim() === "" ? null : part.withheldText.replace(/\r\n?/g, "\n"),
          };
        }
      }
      if (body.ok) {
        const numbers = ids
          .filter((id) => questionNumbers.has(id))
          .map((id) => ({ id, number: questionNumbers.get(id)! }));
        parts.push({
          questionIds: numbers.map((n) => n.id),
          jointNote: jointNoteOf(
            numbers.map((n) => n.number),
            part.jointNote ?? "",
            part.jointNoteShown,
          ),
          body: body.content,
          passages: body.passages,
          withholding,
        });
      }
    });
  }
  if (Object.keys(errors).length > 0) throw new AnswerValidationError(errors);
  return { preamble: preamble.ok && preamble.content.text !== "" ? preamble.content : null, parts };
}

const fieldLabel = {
  documentKind: t.documentKind,
  documentReference: t.documentReference,
  title: t.title,
  issuedByLabel: t.issuedBy,
  caseOfficerLabel: t.caseOfficer,
};

export interface SaveResult {
  version: number;
  savedAtTime: string;
  /** The save changed signed content: the signatures lapsed and the answer is back in drafting. */
  signaturesLapsed: boolean;
}

/**
 * Saves the working version. Throws NotFound (→ 404), AnswerRefused (may see, may not edit), AnswerConflict
 * (stale version: nothing written) or AnswerValidationError (German messages by field).
 */
export async function saveAnswer(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number; values: PostedAnswer; rich: boolean },
): Promise<SaveResult> {
  return withLockedAnswer(user, input.inquiryId, async (tx, subject) => {
    const { answer, inquiry } = subject;
    if (!mayEdit(subject)) throw new AnswerRefused(subject.isLeadStaff ? t.lockedNotice : t.readOnlyNotice);
    if (answer.version !== input.expectedVersion)
      throw new AnswerConflict(
        answer.version,
        await lastSaveOf(tx, answer.bodyId, answer.lastSavedByUserId, answer.lastSavedAt),
      );
    const version = await latestVersion(tx, answer.id);
    if (version.publishedAt) throw new AnswerRefused(t.lockedNotice);

    const questionRows = await tx
      .select({ id: questions.id, number: questions.number })
      .from(questions)
      .where(eq(questions.inquiryId, inquiry.id));
    const valid = validate(input.values, input.rich, new Map(questionRows.map((q) => [q.id, q.number])));
    const v = input.values;
    const blank = (s: string) => (s.trim() === "" ? null : s.trim());
    await tx
      .update(answerVersions)
      .set({
        documentKind: blank(v.documentKind),
        documentReference: blank(v.documentReference),
        title: blank(v.title),
        issuedByLabel: blank(v.issuedByLabel),
        caseOfficerLabel: blank(v.caseOfficerLabel),
        preambleJson: valid.preamble?.json ?? null,
        preambleHtml: valid.preamble?.html ?? null,
        preambleText: valid.preamble?.text ?? null,
      })
      .where(eq(answerVersions.id, version.id));
    // Parts are replaced as a whole (their questions and withholdings go with them by cascade).
    await tx.delete(answerParts).where(eq(answerParts.versionId, version.id));
    for (const [index, part] of valid.parts.entries()) {
      const [row] = await tx
        .insert(answerParts)
        .values({
          versionId: version.id,
          position: index + 1,
          jointNote: part.jointNote,
          // The public body never holds a withheld passage; the full text is only in the non-public record.
          bodyJson: part.body.public.json,
          bodyHtml: part.body.public.html,
          bodyText: part.body.public.text,
          nonPublicBodyJson: part.body.record?.json ?? null,
          nonPublicBodyHtml: part.body.record?.html ?? null,
          nonPublicBodyText: part.body.record?.text ?? null,
        })
        .returning({ id: answerParts.id });
      if (part.questionIds.length)
        await tx
          .insert(answerPartQuestions)
          .values(part.questionIds.map((questionId) => ({ partId: row!.id, questionId })));
      if (part.withholding) {
        await tx
          .insert(withholdings)
          .values({ versionId: version.id, partId: row!.id, ...part.withholding, createdByUserId: user.id });
      }
      if (part.passages.length > 0) {
        await tx
          .insert(withholdings)
          .values(
            part.passages.map((p) => ({ versionId: version.id, partId: row!.id, ...p, createdByUserId: user.id })),
          );
      }
    }
    // The conditional steps follow the flag while nobody has signed.
    if (v.flagged !== answer.signOffFlagged) {
      const steps = await tx.select().from(signOffSteps).where(eq(signOffSteps.answerId, answer.id));
      for (const step of applyFlag(steps, v.flagged)) {
        await tx.update(signOffSteps).set({ status: step.status }).where(eq(signOffSteps.id, step.id));
      }
    }
    const { version: newVersion, signaturesLapsed } = await commitContentChange(tx, user, answer, version.id, {
      flagged: v.flagged,
      changes: { signOffFlagged: v.flagged, lastSavedByUserId: user.id, lastSavedAt: new Date() },
      event: null,
    });
    const [body] = await tx.select({ timeZone: bodies.timeZone }).from(bodies).where(eq(bodies.id, inquiry.bodyId));
    return {
      version: newVersion,
      savedAtTime: clockTime(new Date(), body?.timeZone ?? "Europe/Berlin"),
      signaturesLapsed,
    };
  });
}
