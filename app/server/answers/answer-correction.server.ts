/**
 * Corrections (Berichtigung) of a published answer: a published version is never edited in place. The lead
 * department starts a correction — a new, unpublished version copied from the published one, which it edits
 * on the answer page like a draft; the council office publishes it with a note of what changed (lifecycle
 * event `correct`, public). The earlier version stays readable and comparable on the public page.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  answerAttachments,
  answerPartQuestions,
  answerParts,
  answerVersions,
  signatures,
  signOffSteps,
  withholdings,
} from "../../../db/schema";
import { correctionStep, maySignStep } from "../../domain/sign-off";
import { answerText as t } from "../../domain/texts/answer";
import { commitAnswerChange } from "../core/events.server";
import { applyAnswerTransition, StaleVersionError, TransitionRefused } from "../core/transitions.server";
import type { Db, Tx } from "../core/db.server";
import { withLockedAnswer, type AnswerSubject, type AnswerUser } from "./answer-access.server";
import { contentHash, latestVersion } from "./answer-content.server";
import { copyInventories } from "../tools/inventory-copy.server";

/** Copies the published version into a new working version; returns the answer's new version. */
export async function startCorrection(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number },
): Promise<{ version: number }> {
  return withLockedAnswer(user, input.inquiryId, async (tx, subject) => {
    const { answer } = subject;
    if (answer.version !== input.expectedVersion) throw new StaleVersionError();
    const published = await latestVersion(tx, answer.id);
    if (!subject.isLeadStaff || answer.status !== "published" || published.publishedAt === null) {
      throw new TransitionRefused("forbidden", t.correctionNotPossible);
    }
    const {
      id: _id,
      versionNumber,
      publishedAt: _p,
      correctionNote: _c,
      createdAt: _ca,
      contentHash: _h,
      createdByUserId: _u,
      ...fields
    } = published;
    const [copy] = await tx
      .insert(answerVersions)
      .values({ ...fields, versionNumber: versionNumber + 1, createdByUserId: user.id })
      .returning({ id: answerVersions.id });
    const parts = await tx.select().from(answerParts).where(eq(answerParts.versionId, published.id));
    const partIds = parts.map((p) => p.id);
    const [links, held] = partIds.length
      ? await Promise.all([
          tx.select().from(answerPartQuestions).where(inArray(answerPartQuestions.partId, partIds)),
          tx.select().from(withholdings).where(eq(withholdings.versionId, published.id)),
        ])
      : [[], await tx.select().from(withholdings).where(eq(withholdings.versionId, published.id))];
    const newPartId = new Map<string, string>();
    for (const part of parts) {
      const { id, versionId: _v, search: _s, ...rest } = part;
      const [row] = await tx
        .insert(answerParts)
        .values({ ...rest, versionId: copy!.id })
        .returning({ id: answerParts.id });
      newPartId.set(id, row!.id);
    }
    if (links.length)
      await tx
        .insert(answerPartQuestions)
        .values(links.map((l) => ({ partId: newPartId.get(l.partId)!, questionId: l.questionId })));
    for (const w of held) {
      const { id: _wid, versionId: _wv, partId, createdAt: _wc, ...rest } = w;
      await tx
        .insert(withholdings)
        .values({ ...rest, versionId: copy!.id, partId: partId ? (newPartId.get(partId) ?? null) : null });
    }
    // The Anlagen go with the copy (the same stored files); changing them is part of the correction.
    const attachmentRows = await tx
      .select()
      .from(answerAttachments)
      .where(eq(answerAttachments.versionId, published.id));
    if (attachmentRows.length)
      await tx
        .insert(answerAttachments)
        .values(attachmentRows.map(({ id: _aid, versionId: _av, ...rest }) => ({ ...rest, versionId: copy!.id })));
    await copyInventories(tx, published.id, copy!.id);
    await tx
      .update(answerVersions)
      .set({ contentHash: await contentHash(tx, copy!.id, answer.signOffFlagged) })
      .where(eq(answerVersions.id, copy!.id));
    const { version } = await commitAnswerChange(
      tx,
      answer,
      {},
      {
        type: "correction_started",
        actorUserId: user.id,
        public: false,
        payload: { versionNumber: versionNumber + 1 },
      },
    );
    return { version };
  });
}

/**
 * The correction's sign-off (ADR 0011 addendum): the last step of the chain signs the corrected version again,
 * bound to its content hash; publishCorrection refuses until such a signature matches the current content.
 */
export interface CorrectionSignOff {
  stepId: string;
  stepLabel: string;
  signerRole: string;
  /** A valid signature on the working version bound to its current content. */
  signed: boolean;
}

export async function correctionSignOff(
  db: Db | Tx,
  subject: AnswerSubject,
  working: { id: string; publishedAt: Date | null },
  currentHash: string,
): Promise<CorrectionSignOff | null> {
  if (subject.answer.status !== "published" || working.publishedAt !== null) return null;
  const steps = await db.select().from(signOffSteps).where(eq(signOffSteps.answerId, subject.answer.id));
  const step = correctionStep(steps);
  if (!step) return null;
  const [signature] = await db
    .select({ id: signatures.id })
    .from(signatures)
    .where(
      and(
        eq(signatures.stepId, step.id),
        eq(signatures.versionId, working.id),
        eq(signatures.decision, "signed"),
        eq(signatures.contentHash, currentHash),
        isNull(signatures.invalidatedAt),
      ),
    )
    .limit(1);
  return { stepId: step.id, stepLabel: step.label, signerRole: step.signerRole, signed: Boolean(signature) };
}

export async function signCorrection(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number; seenHash: string },
): Promise<{ version: number }> {
  return withLockedAnswer(user, input.inquiryId, async (tx, subject) => {
    const { answer } = subject;
    if (answer.version !== input.expectedVersion) throw new StaleVersionError();
    const working = await latestVersion(tx, answer.id);
    const hash = await contentHash(tx, working.id, answer.signOffFlagged);
    const signOff = await correctionSignOff(tx, subject, working, hash);
    if (!signOff) throw new TransitionRefused("forbidden", t.correctionNotPossible);
    if (!maySignStep(user.memberships, subject.inquiry.bodyId, signOff, subject.leadOrganizationId))
      throw new TransitionRefused("forbidden", t.notYourStep);
    if (hash !== input.seenHash) throw new TransitionRefused("guard_failed", t.contentChanged);
    if (signOff.signed) return { version: answer.version };
    await tx.insert(signatures).values({
      stepId: signOff.stepId,
      versionId: working.id,
      userId: user.id,
      decision: "signed",
      contentHash: hash,
    });
    const { version } = await commitAnswerChange(
      tx,
      answer,
      {},
      {
        type: "correction_signed",
        actorUserId: user.id,
        public: false,
        payload: { step: signOff.stepLabel, versionNumber: working.versionNumber, contentHash: hash },
      },
    );
    return { version };
  });
}

/** Publishes the corrected version with the note of what changed (council office), once it is signed. */
export async function publishCorrection(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number; correctionNote: string },
): Promise<{ version: number }> {
  return withLockedAnswer(user, input.inquiryId, async (tx, subject) => {
    const { answer } = subject;
    const working = await latestVersion(tx, answer.id);
    if (working.publishedAt !== null) throw new TransitionRefused("forbidden", t.correctionNotPossible);
    // A missing note is the engine's guard (its message at the field); a stale form its StaleVersionError.
    if (answer.version === input.expectedVersion && input.correctionNote.trim() !== "") {
      const signOff = await correctionSignOff(
        tx,
        subject,
        working,
        await contentHash(tx, working.id, answer.signOffFlagged),
      );
      if (signOff && !signOff.signed) throw new TransitionRefused("guard_failed", t.correctionNotSigned);
    }
    const result = await applyAnswerTransition(tx, {
      answerId: answer.id,
      bodyId: answer.bodyId,
      expectedVersion: input.expectedVersion,
      event: "correct",
      actor: { userId: user.id, memberships: user.memberships },
      facts: { correctionNote: input.correctionNote },
      payload: { versionNumber: working.versionNumber },
      within: async (inner) => {
        await inner
          .update(answerVersions)
          .set({ correctionNote: input.correctionNote.trim(), publishedAt: sql`now()` })
          .where(and(eq(answerVersions.id, working.id)));
      },
    });
    return { version: result.version };
  });
}
