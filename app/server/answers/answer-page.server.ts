/**
 * The answer page: everything the editor, the sign-off block and the publication form need, loaded for the
 * reading user (answer-drafts.server.ts saves it).
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import {
  answerPartQuestions,
  answerParts,
  bodies,
  questions,
  signatures,
  signOffSteps,
  users,
  withholdings,
} from "../../../db/schema";
import { customJointNote } from "../../domain/answer-drafting";
import { editableText } from "../../domain/draft";
import { formatDateTime } from "../../domain/format";
import type { AnswerStatus, SignOffStepStatus, WithholdingReason } from "../../domain/labels";
import { currentStep, maySignStep } from "../../domain/sign-off";
import { getDb } from "../core/db.server";
import { loadAnswerSubject, mayEdit, type AnswerUser } from "./answer-access.server";
import { attachmentsOfWorkingVersion, type AttachmentView } from "./answer-attachments.server";
import { contentHash, latestVersion } from "./answer-content.server";
import { correctionSignOff } from "./answer-correction.server";
import { meetingChoices, type MeetingChoices } from "../meetings/meetings.server";

export interface AnswerPartView {
  questionIds: string[];
  /** The author's own sentence before a joint answer; "" when it is the generated one. */
  jointNote: string;
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
  /** Anlagen of the version shown (managed on …/antwort/anlagen). */
  attachments: AttachmentView[];
  /** A correction being prepared: which step signs it again, whether it has, whether this user may. */
  correction: null | { stepLabel: string; signed: boolean; maySign: boolean };
  /** Meetings and organs for the Beratungsfolge, when the user may publish. */
  meetingChoices: MeetingChoices | null;
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
      // The editor works on the full text: the non-public record when the part has withheld passages.
      .select({
        id: answerParts.id,
        bodyJson: answerParts.bodyJson,
        nonPublicBodyJson: answerParts.nonPublicBodyJson,
        jointNote: answerParts.jointNote,
      })
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
          const w = held.find((h) => h.partId === part.id && h.passageKey === null);
          const body = part.nonPublicBodyJson ?? part.bodyJson;
          const questionIds = links
            .filter((l) => l.partId === part.id)
            .map((l) => l.questionId)
            .sort((a, b) => (questionOrder.get(a) ?? 0) - (questionOrder.get(b) ?? 0));
          return {
            questionIds,
            jointNote: customJointNote(
              part.jointNote,
              questionIds.map((id) => questionRows[questionOrder.get(id)!]!.number),
            ),
            body: { json: body, text: editableText(body) },
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
      attachments: await attachmentsOfWorkingVersion(tx, answer.id),
      correction: await correctionSignOff(tx, subject, version, hash).then((c) =>
        c
          ? {
              stepLabel: c.stepLabel,
              signed: c.signed,
              maySign: maySignStep(user.memberships, inquiry.bodyId, c, subject.leadOrganizationId),
            }
          : null,
      ),
      meetingChoices:
        subject.isCouncilOffice && answer.status === "approved" ? await meetingChoices(tx, inquiry.bodyId) : null,
    };
  });
}
