/**
 * The working version of an answer (the newest, not yet published one): creating the answer when answering
 * starts, and reading its content in the canonical form that signatures bind to (SHA-256, ADR 0011).
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import {
  answerAttachments,
  answerContributors,
  answerPartQuestions,
  answerParts,
  answerVersions,
  answers,
  files,
  inquiryContributors,
  inquiryTypes,
  organizations,
  questions,
  signatures,
  signOffSteps,
  signOffTemplateSteps,
  withholdings,
} from "../../../db/schema";
import {
  canonicalAnswerContent,
  chainFromTemplate,
  signaturesToInvalidate,
  type SignableContent,
} from "../../domain/sign-off";
import { doc, paragraph } from "../../editor/build";
import { renderContent } from "../../editor/content.server";
import type { InquiryEventName } from "../../domain/events";
import type { Db, Tx } from "../core/db.server";
import { commitAnswerChange } from "../core/events.server";
import { applyAnswerTransition } from "../core/transitions.server";
import type { AnswerRow, AnswerUser, InquiryRow } from "./answer-access.server";

export type VersionRow = typeof answerVersions.$inferSelect;

/** Document kinds offered by default, by how the bodies name their answers. */
export const DOCUMENT_KINDS = ["Mitteilungsvorlage", "Drucksache", "Schreiben", "Antwort"] as const;

/**
 * Creates the answer of an inquiry when the lead department starts answering, inside that transition's
 * transaction: state drafting, the lead and contributing departments, version 1 with one empty part per
 * question, and the sign-off chain from the inquiry type's template. Does nothing when the answer exists
 * (an answer imported with the demo data).
 */
export async function createAnswerFor(tx: Tx, inquiry: InquiryRow, userId: string): Promise<string | null> {
  const [existing] = await tx.select({ id: answers.id }).from(answers).where(eq(answers.inquiryId, inquiry.id));
  if (existing) return null;
  const [answer] = await tx
    .insert(answers)
    .values({
      bodyId: inquiry.bodyId,
      inquiryId: inquiry.id,
      status: "drafting",
      leadOrganizationId: inquiry.leadOrganizationId,
    })
    .returning({ id: answers.id });
  const answerId = answer!.id;

  const contributors = await tx
    .select({ id: inquiryContributors.organizationId })
    .from(inquiryContributors)
    .where(eq(inquiryContributors.inquiryId, inquiry.id));
  const contributorRows = [
    ...(inquiry.leadOrganizationId ? [{ answerId, organizationId: inquiry.leadOrganizationId, role: "lead" }] : []),
    ...contributors
      .filter((c) => c.id !== inquiry.leadOrganizationId)
      .map((c) => ({ answerId, organizationId: c.id, role: "contributor" })),
  ];
  if (contributorRows.length) await tx.insert(answerContributors).values(contributorRows);

  const [lead] = inquiry.leadOrganizationId
    ? await tx
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, inquiry.leadOrganizationId))
    : [];
  const [version] = await tx
    .insert(answerVersions)
    .values({
      answerId,
      versionNumber: 1,
      title: inquiry.title,
      issuedByLabel: lead?.name ?? null,
      createdByUserId: userId,
    })
    .returning({ id: answerVersions.id });

  const questionRows = await tx
    .select({ id: questions.id, position: questions.position })
    .from(questions)
    .where(eq(questions.inquiryId, inquiry.id))
    .orderBy(asc(questions.position));
  const empty = renderContent(doc(paragraph()));
  for (const [index, question] of questionRows.entries()) {
    const [part] = await tx
      .insert(answerParts)
      .values({
        versionId: version!.id,
        position: index + 1,
        bodyJson: empty.json,
        bodyHtml: empty.html,
        bodyText: empty.text,
      })
      .returning({ id: answerParts.id });
    await tx.insert(answerPartQuestions).values({ partId: part!.id, questionId: question.id });
  }

  const [type] = await tx
    .select({ templateId: inquiryTypes.signOffTemplateId })
    .from(inquiryTypes)
    .where(eq(inquiryTypes.id, inquiry.typeId));
  const template = type?.templateId
    ? await tx
        .select({
          position: signOffTemplateSteps.position,
          label: signOffTemplateSteps.label,
          onlyWhenFlagged: signOffTemplateSteps.onlyWhenFlagged,
          signerRole: signOffTemplateSteps.signerRole,
        })
        .from(signOffTemplateSteps)
        .where(eq(signOffTemplateSteps.templateId, type.templateId))
    : [];
  const chain = chainFromTemplate(template, false);
  await tx.insert(signOffSteps).values(
    chain.map((step) => ({
      answerId,
      position: step.position,
      label: step.label,
      condition: step.condition,
      signerRole: step.signerRole,
      status: step.status,
    })),
  );
  await tx
    .update(answerVersions)
    .set({ contentHash: await contentHash(tx, version!.id, false) })
    .where(eq(answerVersions.id, version!.id));
  return answerId;
}

/** The newest version of the answer; the one being worked on unless it is published. */
export async function latestVersion(db: Db | Tx, answerId: string): Promise<VersionRow> {
  const [row] = await db
    .select()
    .from(answerVersions)
    .where(eq(answerVersions.answerId, answerId))
    .orderBy(desc(answerVersions.versionNumber))
    .limit(1);
  if (!row) throw new Error(`answer ${answerId} has no version`);
  return row;
}

/** The content of a version as a signature sees it. */
export async function signableContent(db: Db | Tx, versionId: string, flagged: boolean): Promise<SignableContent> {
  const [version] = await db.select().from(answerVersions).where(eq(answerVersions.id, versionId));
  if (!version) throw new Error(`no answer version ${versionId}`);
  const parts = await db
    .select({
      id: answerParts.id,
      position: answerParts.position,
      jointNote: answerParts.jointNote,
      bodyJson: answerParts.bodyJson,
      nonPublicBodyJson: answerParts.nonPublicBodyJson,
    })
    .from(answerParts)
    .where(eq(answerParts.versionId, versionId))
    .orderBy(asc(answerParts.position));
  const partIds = parts.map((p) => p.id);
  const [links, held] = partIds.length
    ? await Promise.all([
        db.select().from(answerPartQuestions).where(inArray(answerPartQuestions.partId, partIds)),
        db
          .select()
          .from(withholdings)
          .where(and(eq(withholdings.versionId, versionId), inArray(withholdings.partId, partIds))),
      ])
    : [[], []];
  const attachments = await db
    .select({
      position: answerAttachments.position,
      title: answerAttachments.title,
      public: answerAttachments.public,
      sha256: files.sha256,
    })
    .from(answerAttachments)
    .innerJoin(files, eq(files.id, answerAttachments.fileId))
    .where(eq(answerAttachments.versionId, versionId));
  return {
    attachments,
    documentKind: version.documentKind,
    documentReference: version.documentReference,
    title: version.title,
    issuedByLabel: version.issuedByLabel,
    caseOfficerLabel: version.caseOfficerLabel,
    preamble: version.preambleJson,
    flagged,
    parts: parts.map((part) => {
      const w = held.find((h) => h.partId === part.id && h.passageKey === null);
      return {
        position: part.position,
        questionIds: links.filter((l) => l.partId === part.id).map((l) => l.questionId),
        jointNote: part.jointNote,
        // What the signer read: the full text with its withheld passages marked, when there are any.
        body: part.nonPublicBodyJson ?? part.bodyJson,
        passages: held
          .filter((h) => h.partId === part.id && h.passageKey !== null)
          .map((h) => ({
            key: h.passageKey!,
            reason: h.reason,
            subject: h.subject,
            publicJustification: h.publicJustification,
            withheldText: h.withheldText,
          })),
        withholding: w
          ? {
              reason: w.reason,
              subject: w.subject,
              publicJustification: w.publicJustification,
              withheldText: w.withheldText,
            }
          : null,
      };
    }),
  };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** SHA-256 (hex) of the canonical content of a version. */
export async function contentHash(db: Db | Tx, versionId: string, flagged: boolean): Promise<string> {
  return sha256(canonicalAnswerContent(await signableContent(db, versionId, flagged)));
}

/**
 * After an edit of a version (text, flag, attachments): stores the version's new content hash and returns it
 * with the signatures of that version that were bound to another hash — they lapse (commitContentChange decides
 * how).
 */
export async function rehashVersion(
  tx: Tx,
  answerId: string,
  versionId: string,
  flagged: boolean,
): Promise<{ hash: string; lapsed: Array<{ id: string }> }> {
  const hash = await contentHash(tx, versionId, flagged);
  await tx.update(answerVersions).set({ contentHash: hash }).where(eq(answerVersions.id, versionId));
  const valid = await tx
    .select({ id: signatures.id, contentHash: signatures.contentHash, invalidatedAt: signatures.invalidatedAt })
    .from(signatures)
    .innerJoin(signOffSteps, eq(signOffSteps.id, signatures.stepId))
    .where(
      and(eq(signOffSteps.answerId, answerId), eq(signatures.versionId, versionId), isNull(signatures.invalidatedAt)),
    );
  return { hash, lapsed: signaturesToInvalidate(valid, hash) };
}

/** Marks lapsed signatures invalid (outside sign-off, where no transition does it). */
async function invalidateSignatures(tx: Tx, lapsed: ReadonlyArray<{ id: string }>): Promise<void> {
  if (lapsed.length === 0) return;
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

/**
 * After an edit of the working version (text, flag, attachments): its new content hash; signatures bound to
 * another hash lapse. In sign-off the lifecycle's `revise` sends the answer back to drafting (state, every
 * signature invalidated, its event with the change's payload); otherwise the lapsed signatures are marked
 * invalid and the answer's version is bumped with `changes` and `event` (null: a draft's save, no event).
 */
export async function commitContentChange(
  tx: Tx,
  user: AnswerUser,
  answer: AnswerRow,
  versionId: string,
  edit: {
    flagged: boolean;
    changes: Parameters<typeof commitAnswerChange>[2];
    event: { type: InquiryEventName; payload: Record<string, unknown> } | null;
  },
): Promise<{ version: number; signaturesLapsed: boolean }> {
  const { hash, lapsed } = await rehashVersion(tx, answer.id, versionId, edit.flagged);
  const { changes, event } = edit;
  if (lapsed.length > 0 && answer.status === "sign_off") {
    if (Object.keys(changes).length > 0) await tx.update(answers).set(changes).where(eq(answers.id, answer.id));
    const result = await applyAnswerTransition(tx, {
      answerId: answer.id,
      bodyId: answer.bodyId,
      expectedVersion: answer.version,
      event: "revise",
      actor: { userId: user.id, memberships: user.memberships },
      payload: {
        invalidatedSignatures: lapsed.length,
        contentHash: hash,
        ...(event ? { ...event.payload, change: event.type } : {}),
      },
    });
    return { version: result.version, signaturesLapsed: true };
  }
  await invalidateSignatures(tx, lapsed);
  const { version } = event
    ? await commitAnswerChange(tx, answer, changes, {
        type: event.type,
        actorUserId: user.id,
        public: false,
        payload: { ...event.payload, contentHash: hash },
      })
    : await commitAnswerChange(tx, answer, changes, null);
  return { version, signaturesLapsed: false };
}
