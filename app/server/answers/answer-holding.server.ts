/**
 * The holding answer (Zwischennachricht): when the deadline cannot be met, the lead department publishes a
 * short message with the expected date. It is an event on the inquiry's timeline (public for a public
 * inquiry), not a version of the answer, and it does not close the inquiry.
 */
import { eq } from "drizzle-orm";
import { bodies } from "../../../db/schema";
import { holdingAnswerProblems } from "../../domain/answer-drafting";
import { formatDate, isoDateInTimeZone } from "../../domain/format";
import { answerText as t } from "../../domain/texts/answer";
import { commitAnswerChange } from "../core/events.server";
import { StaleVersionError, TransitionRefused } from "../core/transitions.server";
import { withLockedAnswer, type AnswerUser } from "./answer-access.server";
import { AnswerValidationError } from "./answer-drafts.server";

const IN_THE_WORKS = new Set(["drafting", "consultation", "sign_off", "approved"]);

export async function publishHoldingAnswer(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number; message: string; expectedOn: string },
  now: Date = new Date(),
): Promise<{ version: number }> {
  return withLockedAnswer(user, input.inquiryId, async (tx, subject) => {
    const { answer, inquiry } = subject;
    if (!subject.isLeadStaff || !IN_THE_WORKS.has(answer.status))
      throw new TransitionRefused("forbidden", t.holdingNotPossible);
    if (answer.version !== input.expectedVersion) throw new StaleVersionError();
    const [body] = await tx.select({ timeZone: bodies.timeZone }).from(bodies).where(eq(bodies.id, inquiry.bodyId));
    const today = isoDateInTimeZone(now, body?.timeZone ?? "Europe/Berlin");
    const problems = holdingAnswerProblems(input.message, input.expectedOn, today);
    if (problems.length) {
      throw new AnswerValidationError({
        ...(problems.includes("message") ? { holdingMessage: t.holdingMessageMissing } : {}),
        ...(problems.includes("expected_on") ? { holdingExpectedOn: t.holdingDateInvalid } : {}),
      });
    }
    const message = input.message.trim();
    const { version } = await commitAnswerChange(
      tx,
      answer,
      {},
      {
        type: "holding_answer",
        actorUserId: user.id,
        public: inquiry.visibility === "public",
        payload: { message, expectedOn: input.expectedOn, note: t.holdingNote(message, formatDate(input.expectedOn)) },
      },
    );
    return { version };
  });
}
