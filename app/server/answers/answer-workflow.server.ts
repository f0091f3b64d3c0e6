/**
 * The answer page's workflow forms as one command: send to sign-off, sign, return for revision, publish (with
 * Beratungsfolge), the holding answer and the correction steps. Each is authorised in its own command; this
 * only dispatches and turns a refusal into German messages keyed by the posted field (`form` for the form as
 * a whole), so that the page shows them next to the field and in the form's error summary.
 */
import type { BeratungsfolgeRow } from "../../domain/beratungsfolge";
import { answerText as t } from "../../domain/texts/answer";
import { StaleVersionError, TransitionRefused } from "../core/transitions.server";
import type { AnswerUser } from "./answer-access.server";
import { publishCorrection, signCorrection, startCorrection } from "./answer-correction.server";
import { AnswerValidationError } from "./answer-drafts.server";
import { publishHoldingAnswer } from "./answer-holding.server";
import { publishAnswer } from "./answer-publication.server";
import { returnForRevision, sendToSignOff, signStep } from "./answer-sign-off.server";

/** The posted form, as the page's zod schema reads it (the confirmation already checked there). */
export interface AnswerWorkflowCommand {
  intent:
    | "send_to_sign_off"
    | "sign"
    | "return"
    | "publish"
    | "start_correction"
    | "publish_correction"
    | "sign_correction"
    | "holding_answer";
  version: number;
  stepId?: string;
  contentHash?: string;
  comment?: string;
  documentReference?: string;
  documentDate?: string;
  correctionNote?: string;
  holdingMessage?: string;
  holdingExpectedOn?: string;
  /** The publication's Beratungsfolge, one row per step as posted (`beratungsfolge-<i>-…`). */
  beratungsfolge?: BeratungsfolgeRow[];
}

export type AnswerWorkflowOutcome = { ok: true } | { ok: false; status: number; errors: Record<string, string> };

const refused = (errors: Record<string, string>, status = 400): AnswerWorkflowOutcome => ({
  ok: false,
  status,
  errors,
});
const MALFORMED = refused({ form: t.malformed });

export async function runAnswerWorkflow(
  user: AnswerUser,
  inquiryId: string,
  p: AnswerWorkflowCommand,
): Promise<AnswerWorkflowOutcome> {
  const expectedVersion = p.version;
  try {
    switch (p.intent) {
      case "send_to_sign_off":
        await sendToSignOff(user, inquiryId, expectedVersion);
        break;
      case "sign":
        if (!p.stepId || !p.contentHash) return MALFORMED;
        await signStep(user, { inquiryId, expectedVersion, stepId: p.stepId, seenHash: p.contentHash });
        break;
      case "return":
        await returnForRevision(user, { inquiryId, expectedVersion, comment: p.comment ?? "" });
        break;
      case "publish":
        await publishAnswer(user, {
          inquiryId,
          expectedVersion,
          documentReference: p.documentReference ?? "",
          documentDate: p.documentDate ?? "",
          beratungsfolge: p.beratungsfolge ?? [],
        });
        break;
      case "sign_correction":
        if (!p.contentHash) return MALFORMED;
        await signCorrection(user, { inquiryId, expectedVersion, seenHash: p.contentHash });
        break;
      case "holding_answer":
        await publishHoldingAnswer(user, {
          inquiryId,
          expectedVersion,
          message: p.holdingMessage ?? "",
          expectedOn: p.holdingExpectedOn ?? "",
        });
        break;
      case "start_correction":
        await startCorrection(user, { inquiryId, expectedVersion });
        break;
      case "publish_correction":
        await publishCorrection(user, { inquiryId, expectedVersion, correctionNote: p.correctionNote ?? "" });
        break;
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof StaleVersionError) return refused({ form: t.stale }, 409);
    if (error instanceof AnswerValidationError) return refused(error.fieldErrors);
    if (error instanceof TransitionRefused) {
      // The guards whose message belongs to a field; every other refusal concerns the form as a whole.
      const field =
        error.guard === "comment_given"
          ? "comment"
          : error.guard === "correction_note_given"
            ? "correctionNote"
            : "form";
      return refused({ [field]: error.message });
    }
    throw error;
  }
}
