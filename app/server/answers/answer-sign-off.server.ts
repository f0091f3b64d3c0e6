/**
 * The sign-off chain (Schlusszeichnung): send to sign-off, sign the current step, return for revision. Each
 * signature stores the SHA-256 of the canonical content at the moment of signing; the signer's form carries
 * the hash of what they read, and a different current hash refuses the signature (ADR 0011). Every command
 * locks the answer row and compares answers.version, so an edit racing a signature leaves one of them stale.
 */
import { eq } from "drizzle-orm";
import { signatures, signOffSteps } from "../../../db/schema";
import { currentStep, isLastPendingStep, maySignStep } from "../../domain/sign-off";
import { answerText as t } from "../../domain/texts/answer";
import { getDb, type Tx } from "../core/db.server";
import { commitAnswerChange } from "../core/events.server";
import {
  applyAnswerTransition,
  StaleVersionError,
  TransitionRefused,
  type TransitionResult,
} from "../core/transitions.server";
import { loadAnswerSubject, withLockedAnswer, type AnswerSubject, type AnswerUser } from "./answer-access.server";
import { contentHash, latestVersion } from "./answer-content.server";

const actorOf = (user: AnswerUser) => ({ userId: user.id, memberships: user.memberships });

export async function sendToSignOff(
  user: AnswerUser,
  inquiryId: string,
  expectedVersion: number,
): Promise<TransitionResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { answer } = await loadAnswerSubject(tx, user, inquiryId);
    return applyAnswerTransition(tx, {
      answerId: answer.id,
      bodyId: answer.bodyId,
      expectedVersion,
      event: "send_to_sign_off",
      actor: actorOf(user),
    });
  });
}

/** The current step, if the user may act on it; else TransitionRefused with the German reason. */
async function stepOfUser(tx: Tx, user: AnswerUser, subject: AnswerSubject) {
  const steps = await tx.select().from(signOffSteps).where(eq(signOffSteps.answerId, subject.answer.id));
  const step = subject.answer.status === "sign_off" ? currentStep(steps) : undefined;
  if (!step || !maySignStep(user.memberships, subject.inquiry.bodyId, step, subject.leadOrganizationId)) {
    throw new TransitionRefused("forbidden", t.notYourStep);
  }
  return { step, steps };
}

/**
 * Signs the current step. `seenHash` is the content hash shown on the signer's page: if the content changed
 * since, nothing is signed. The last step's signature approves the answer (lifecycle event `approve`).
 */
export async function signStep(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number; stepId: string; seenHash: string },
): Promise<{ version: number; approved: boolean }> {
  return withLockedAnswer(user, input.inquiryId, async (tx, subject) => {
    const { answer } = subject;
    if (answer.version !== input.expectedVersion) throw new StaleVersionError();
    const { step, steps } = await stepOfUser(tx, user, subject);
    if (step.id !== input.stepId) throw new StaleVersionError();
    const version = await latestVersion(tx, answer.id);
    const hash = await contentHash(tx, version.id, answer.signOffFlagged);
    if (hash !== input.seenHash) throw new TransitionRefused("guard_failed", t.contentChanged);

    const writeSignature = async (inner: Tx) => {
      await inner
        .insert(signatures)
        .values({ stepId: step.id, versionId: version.id, userId: user.id, decision: "signed", contentHash: hash });
      await inner.update(signOffSteps).set({ status: "signed" }).where(eq(signOffSteps.id, step.id));
    };
    if (isLastPendingStep(steps, step)) {
      const result = await applyAnswerTransition(tx, {
        answerId: answer.id,
        bodyId: answer.bodyId,
        expectedVersion: answer.version,
        event: "approve",
        actor: actorOf(user),
        prepare: writeSignature,
        payload: { step: step.label, contentHash: hash },
      });
      return { version: result.version, approved: true };
    }
    await writeSignature(tx);
    const { version: next } = await commitAnswerChange(
      tx,
      answer,
      {},
      {
        type: "sign_off_signed",
        actorUserId: user.id,
        public: false,
        payload: { step: step.label, position: step.position, contentHash: hash },
      },
    );
    return { version: next, approved: false };
  });
}

/** "Zur Überarbeitung zurück": the current step's signer sends the answer back to drafting with a comment. */
export async function returnForRevision(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number; comment: string },
): Promise<TransitionResult> {
  return withLockedAnswer(user, input.inquiryId, async (tx, subject) => {
    const { answer } = subject;
    if (answer.version !== input.expectedVersion) throw new StaleVersionError();
    const { step } = await stepOfUser(tx, user, subject);
    const version = await latestVersion(tx, answer.id);
    const hash = await contentHash(tx, version.id, answer.signOffFlagged);
    return applyAnswerTransition(tx, {
      answerId: answer.id,
      bodyId: answer.bodyId,
      expectedVersion: answer.version,
      event: "return_for_revision",
      actor: actorOf(user),
      facts: { comment: input.comment },
      payload: { step: step.label },
      // After the engine's invalidation the return itself is recorded on the step (a comment is required).
      within: async (inner) => {
        if (input.comment.trim() === "") return;
        await inner.insert(signatures).values({
          stepId: step.id,
          versionId: version.id,
          userId: user.id,
          decision: "returned",
          comment: input.comment.trim(),
          contentHash: hash,
        });
      },
    });
  });
}
