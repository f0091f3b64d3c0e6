/**
 * The answer page: load everything the editor, the sign-off block and the publication form need, and save the
 * working version (metadata, preamble, parts with their questions and withholdings) in one transaction with
 * an optimistic check on answers.version. A save that changes the content after a signature sends the answer
 * back to drafting through the lifecycle engine (event `revise`, all signatures invalidated).
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import {
  answerPartQuestions,
  answerParts,
  answerVersions,
  answers,
  bodies,
  questions,
  signatures,
  signOffSteps,
  users,
  withholdings,
} from "../../../db/schema";
import {
  ANSWER_PARTS_MAX,
  SHORT_TEXT_MAX,
  isWithholdingReason,
  jointNoteFor,
  withholdingProblems,
} from "../../domain/answer-drafting";
import { clockTime, editableText } from "../../domain/draft";
import { formatDateTime } from "../../domain/format";
import type { AnswerStatus, SignOffStepStatus, WithholdingReason } from "../../domain/labels";
import { applyFlag, currentStep, maySignStep, signaturesToInvalidate } from "../../domain/sign-off";
import { answerText as t } from "../../domain/texts/answer";
import type { RenderedContent } from "../../editor/content.server";
import { getDb } from "../core/db.server";
import { commitAnswerChange } from "../core/events.server";
import { resolveRichField } from "../inquiries/drafts-validation.server";
import { applyAnswerTransition } from "../core/transitions.server";
import { loadAnswerSubject, mayEdit, type AnswerUser } from "./answer-access.server";
import { contentHash, latestVersion } from "./answer-content.server";
import type { PostedAnswer } from "./answer-form.server";

/** Someone saved or signed since this form was loaded; nothing was written. */
export class AnswerConflict extends Error {
  constructor(readonly currentVersion: number) {
    super(t.conflict);
    this.name = "AnswerConflict";
  }
}

/** Field keys: "documentKind" …, "preamble", "parts", "p-<i>-body", "p-<i>-questions", "p-<i>-reason" … */
export class AnswerValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("Die Antwort enthält ungültige Angaben.");
    this.name = "AnswerValidationError";
  }
}

/** The user may see the answer but not do this with it; `message` is German. */
export class AnswerRefused extends Error {
  override name = "AnswerRefused";
}

export interface AnswerPartView {
  questionIds: string[];
  body: { json: unknown; text: string };
  withholding: null | { reason: WithholdingReason; subject: string; publicJustification: string; withheldText: string };
}

export interface SignOffStepView {
  id: string;
  position: number;
  label: string;
  condition: string | null;
  status: SignOffStepStatus;
  signature: null | {
    signerName: string | null;
    signedAt: string;
    contentHash: string;
    decision: string;
    comment: string | null;
  };
}

export interface AnswerPage {
  inquiry: {
    id: string;
    title: string;
    reference: string | null;
    bodyName: string;
    bodySlug: string;
    publicRef: string | null;
    visibility: "public" | "internal";
    dueOn: string | null;
  };
  questions: Array<{ id: string; number: string; bodyHtml: string }>;
  answer: { id: string; status: AnswerStatus; version: number; flagged: boolean };
  values: {
    documentKind: string;
    documentReference: string;
    documentDate: string | null;
    title: string;
    issuedByLabel: string;
    caseOfficerLabel: string;
    preamble: { json: unknown; text: string };
    parts: AnswerPartView[];
  };
  steps: SignOffStepView[];
  contentHash: string;
  rights: {
    edit: boolean;
    signStepId: string | null;
    sendToSignOff: boolean;
    publish: boolean;
    startCorrection: boolean;
    publishCorrection: boolean;
    holdingAnswer: boolean;
  };
  /** The working version is a correction of a published answer. */
  correctionDraft: boolean;
}

export async function loadAnswerPage(user: AnswerUser, inquiryId: string): Promise<AnswerPage> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const subject = await loadAnswerSubject(tx, user, inquiryId);
    const { answer, inquiry } = subject;
    const version = await latestVersion(tx, answer.id);
    const [body] = await tx
      .select({ name: bodies.name, slug: bodies.slug, timeZone: bodies.timeZone })
      .from(bodies)
      .where(eq(bodies.id, inquiry.bodyId));
    const questionRows = await tx
      .select({ id: questions.id, number: questions.number, bodyHtml: questions.bodyHtml })
      .from(questions)
      .where(eq(questions.inquiryId, inquiry.id))
      .orderBy(asc(questions.position));
    const parts = await tx
      .select({ id: answerParts.id, bodyJson: answerParts.bodyJson })
      .from(answerParts)
      .where(eq(answerParts.versionId, version.id))
      .orderBy(asc(answerParts.position));
    const partIds = parts.map((p) => p.id);
    const [links, held] = partIds.length
      ? await Promise.all([
          tx.select().from(answerPartQuestions).where(inArray(answerPartQuestions.partId, partIds)),
          tx.select().from(withholdings).where(inArray(withholdings.partId, partIds)),
        ])
      : [[], []];
    const stepRows = await tx
      .select()
      .from(signOffSteps)
      .where(eq(signOffSteps.answerId, answer.id))
      .orderBy(asc(signOffSteps.position));
    const signatureRows = stepRows.length
      ? await tx
          .select({
            stepId: signatures.stepId,
            signedAt: signatures.signedAt,
            contentHash: signatures.contentHash,
            decision: signatures.decision,
            comment: signatures.comment,
            signerName: users.displayName,
          })
          .from(signatures)
          .leftJoin(users, eq(users.id, signatures.userId))
          .where(
            and(
              inArray(
                signatures.stepId,
                stepRows.map((s) => s.id),
              ),
              isNull(signatures.invalidatedAt),
            ),
          )
          .orderBy(asc(signatures.signedAt))
      : [];
    const hash = await contentHash(tx, version.id, answer.signOffFlagged);
    const current = answer.status === "sign_off" ? currentStep(stepRows) : undefined;
    const questionOrder = new Map(questionRows.map((q, i) => [q.id, i]));
    const published = version.publishedAt !== null;
    return {
      inquiry: {
        id: inquiry.id,
        title: inquiry.title,
        reference: inquiry.reference,
        bodyName: body?.name ?? "",
        bodySlug: body?.slug ?? "",
        publicRef: inquiry.publicRef,
        visibility: inquiry.visibility,
        dueOn: inquiry.dueOn,
      },
      questions: questionRows,
      answer: { id: answer.id, status: answer.status, version: answer.version, flagged: answer.signOffFlagged },
      values: {
        documentKind: version.documentKind ?? "",
        documentReference: version.documentReference ?? "",
        documentDate: version.documentDate,
        title: version.title ?? "",
        issuedByLabel: version.issuedByLabel ?? "",
        caseOfficerLabel: version.caseOfficerLabel ?? "",
        preamble: { json: version.preambleJson, text: editableText(version.preambleJson) },
        parts: parts.map((part) => {
          const w = held.find((h) => h.partId === part.id);
          return {
            questionIds: links
              .filter((l) => l.partId === part.id)
              .map((l) => l.questionId)
              .sort((a, b) => (questionOrder.get(a) ?? 0) - (questionOrder.get(b) ?? 0)),
            body: { json: part.bodyJson, text: editableText(part.bodyJson) },
            withholding: w
              ? {
                  reason: w.reason,
                  subject: w.subject,
                  publicJustification: w.publicJustification,
                  withheldText: w.withheldText ?? "",
                }
              : null,
          };
        }),
      },
      steps: stepRows.map((step) => {
        const signature = signatureRows.filter((s) => s.stepId === step.id).at(-1);
        return {
          id: step.id,
          position: step.position,
          label: step.label,
          condition: step.condition,
          status: step.status,
          signature: signature
            ? {
                signerName: signature.signerName,
                signedAt: formatDateTime(signature.signedAt, body?.timeZone ?? "Europe/Berlin"),
                contentHash: signature.contentHash,
                decision: signature.decision,
                comment: signature.comment,
              }
            : null,
        };
      }),
      contentHash: hash,
      rights: {
        edit: mayEdit(subject) && !published,
        signStepId:
          current && maySignStep(user.memberships, inquiry.bodyId, current, subject.leadOrganizationId)
            ? current.id
            : null,
        sendToSignOff: subject.isLeadStaff && answer.status === "drafting",
        publish: subject.isCouncilOffice && answer.status === "approved",
        startCorrection: subject.isLeadStaff && answer.status === "published" && published,
        publishCorrection: subject.isCouncilOffice && answer.status === "published" && !published,
        holdingAnswer: subject.isLeadStaff && answer.status !== "published",
      },
      correctionDraft: answer.status === "published" && !published,
    };
  });
}

interface ValidPart {
  questionIds: string[];
  jointNote: string | null;
  body: RenderedContent;
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
      const body = resolveRichField(field(part.body), t.partBody(i));
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
          jointNote: jointNoteFor(numbers.map((n) => n.number)),
          body: body.content,
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
  const db = await getDb();
  return db.transaction(async (tx) => {
    const subject = await loadAnswerSubject(tx, user, input.inquiryId, { lock: true });
    const { answer, inquiry } = subject;
    if (!mayEdit(subject)) throw new AnswerRefused(subject.isLeadStaff ? t.lockedNotice : t.readOnlyNotice);
    if (answer.version !== input.expectedVersion) throw new AnswerConflict(answer.version);
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
          bodyJson: part.body.json,
          bodyHtml: part.body.html,
          bodyText: part.body.text,
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
    }
    // The conditional steps follow the flag while nobody has signed.
    if (v.flagged !== answer.signOffFlagged) {
      const steps = await tx.select().from(signOffSteps).where(eq(signOffSteps.answerId, answer.id));
      for (const step of applyFlag(steps, v.flagged)) {
        await tx.update(signOffSteps).set({ status: step.status }).where(eq(signOffSteps.id, step.id));
      }
    }
    const hash = await contentHash(tx, version.id, v.flagged);
    await tx.update(answerVersions).set({ contentHash: hash }).where(eq(answerVersions.id, version.id));

    const validSignatures = await tx
      .select({ id: signatures.id, contentHash: signatures.contentHash, invalidatedAt: signatures.invalidatedAt })
      .from(signatures)
      .innerJoin(signOffSteps, eq(signOffSteps.id, signatures.stepId))
      .where(
        and(
          eq(signOffSteps.answerId, answer.id),
          eq(signatures.versionId, version.id),
          isNull(signatures.invalidatedAt),
        ),
      );
    const lapsed = signaturesToInvalidate(validSignatures, hash);
    let newVersion: number;
    if (lapsed.length > 0 && answer.status === "sign_off") {
      // Through the engine: state back to drafting, every signature invalidated, the event written.
      await tx.update(answers).set({ signOffFlagged: v.flagged }).where(eq(answers.id, answer.id));
      const result = await applyAnswerTransition(tx, {
        answerId: answer.id,
        bodyId: answer.bodyId,
        expectedVersion: answer.version,
        event: "revise",
        actor: { userId: user.id, memberships: user.memberships },
        payload: { invalidatedSignatures: lapsed.length, contentHash: hash },
      });
      newVersion = result.version;
    } else {
      if (lapsed.length > 0) {
        await tx
          .update(signatures)
          .set({ invalidatedAt: new Date() })
          .where(
            inArray(
              signatures.id,
              lapsed.map((s) => s.id),
            ),
          );
      }
      ({ version: newVersion } = await commitAnswerChange(tx, answer, { signOffFlagged: v.flagged }, null));
    }
    const [body] = await tx.select({ timeZone: bodies.timeZone }).from(bodies).where(eq(bodies.id, inquiry.bodyId));
    return {
      version: newVersion,
      savedAtTime: clockTime(new Date(), body?.timeZone ?? "Europe/Berlin"),
      signaturesLapsed: lapsed.length > 0 && answer.status === "sign_off",
    };
  });
}
