/**
 * Publication by the council office: an explicit act on an approved answer, with the document reference and
 * date. In one transaction: the working version gets publishedAt (from then on immutable, guarded in the
 * database), the answer becomes published and the inquiry answered — both through the lifecycle engine, whose
 * events notify the faction. Idempotent: the form carries the answer's version; a second submit of the same
 * form (double click, retry) finds the answer published from exactly that version and reports success
 * without publishing again.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { answerVersions, events, inquiries } from "../../../db/schema";
import {
  BERATUNGSFOLGE_ROWS_MAX,
  beratungsfolgeProblems,
  filledRows,
  type BeratungsfolgeProblem,
  type BeratungsfolgeRow,
} from "../../domain/beratungsfolge";
import { isIsoDate } from "../../domain/lifecycle";
import { answerText as t } from "../../domain/texts/answer";
import { getDb } from "../core/db.server";
import { applyAnswerTransition, applyInquiryTransition, StaleVersionError } from "../core/transitions.server";
import { loadAnswerSubject, withLockedAnswer, type AnswerUser } from "./answer-access.server";
import { latestVersion } from "./answer-content.server";
import { WorkflowInputError } from "../inquiries/workflow-context.server";
import { writeAgendaLink } from "../meetings/meetings.server";
import { AnswerValidationError } from "./answer-drafts.server";

export interface PublishInput {
  inquiryId: string;
  expectedVersion: number;
  documentReference: string;
  /** ISO date; empty for "today". */
  documentDate: string;
  /**
   * Beratungsfolge as posted, one row per step (e.g. Hauptausschuss, then Stadtvertretung): `meeting` is ""
   * (none), "new" (a future meeting of the organ `organId` on `date`) or the id of a recorded meeting of the
   * body; `roleLabel` one of the offered roles ("Kenntnisnahme" …). Errors come back as
   * `beratungsfolge-<i>-meeting|organ|date|role`.
   */
  beratungsfolge?: BeratungsfolgeRow[];
}

/** Field of a row of the publication form for an error of the agenda link. */
const BERATUNGSFOLGE_FIELD: Record<string, string> = {
  meetingId: "meeting",
  agendaItemId: "meeting",
  newMeetingOrganizationId: "organ",
  newMeetingDate: "date",
};

const PROBLEM_MESSAGE: Record<BeratungsfolgeProblem, string> = {
  unknown_meeting: t.beratungsfolgeUnknownMeeting,
  organ_missing: t.beratungsfolgeOrganMissing,
  date_invalid: t.dateInvalid,
  role_invalid: t.beratungsfolgeRoleInvalid,
  duplicate: t.beratungsfolgeDuplicate,
  too_many: t.beratungsfolgeTooMany(BERATUNGSFOLGE_ROWS_MAX),
};

export async function publishAnswer(user: AnswerUser, input: PublishInput): Promise<{ alreadyPublished: boolean }> {
  const errors: Record<string, string> = {};
  const reference = input.documentReference.trim();
  if (reference === "" || reference.length > 300) errors.documentReference = t.referenceMissing;
  if (input.documentDate !== "" && !isIsoDate(input.documentDate)) errors.documentDate = t.dateInvalid;
  const folge = input.beratungsfolge ?? [];
  for (const [field, problem] of beratungsfolgeProblems(folge, t.beratungsfolgeRoles))
    errors[field] = PROBLEM_MESSAGE[problem];
  if (Object.keys(errors).length) throw new AnswerValidationError(errors);
  try {
    await withLockedAnswer(user, input.inquiryId, async (tx, subject) => {
      const { answer, inquiry } = subject;
      const version = await latestVersion(tx, answer.id);
      await applyAnswerTransition(tx, {
        answerId: answer.id,
        bodyId: answer.bodyId,
        expectedVersion: input.expectedVersion,
        event: "publish",
        actor: { userId: user.id, memberships: user.memberships },
        payload: {
          fromVersion: input.expectedVersion,
          versionNumber: version.versionNumber,
          documentReference: reference,
        },
        within: async (inner) => {
          await inner
            .update(answerVersions)
            .set({
              documentReference: reference,
              documentDate: input.documentDate || null,
              publishedAt: sql`now()`,
            })
            .where(eq(answerVersions.id, version.id));
        },
      });
      const [current] = await tx
        .select({ version: inquiries.version })
        .from(inquiries)
        .where(eq(inquiries.id, inquiry.id))
        .for("update");
      await applyInquiryTransition(tx, {
        inquiryId: inquiry.id,
        bodyId: inquiry.bodyId,
        expectedVersion: current!.version,
        event: "answer",
        actor: { userId: user.id, memberships: user.memberships },
      });
      for (const row of filledRows(folge)) {
        try {
          // In the same transaction: a refused link leaves the answer unpublished.
          await writeAgendaLink(tx, inquiry.bodyId, inquiry.id, {
            meetingId: row.meeting === "new" ? null : row.meeting,
            newMeeting: row.meeting === "new" ? { organizationId: row.organId, date: row.date } : null,
            agendaItemId: null,
            newItemNumber: null,
            newItemTitle: version.title ?? inquiry.title,
            unnumbered: true,
            purpose: "answer",
            roleLabel: row.roleLabel,
          });
        } catch (error) {
          if (!(error instanceof WorkflowInputError)) throw error;
          throw new AnswerValidationError({
            [`beratungsfolge-${row.index}-${BERATUNGSFOLGE_FIELD[error.field] ?? "meeting"}`]: error.message,
          });
        }
      }
    });
    return { alreadyPublished: false };
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    // The same form sent twice: the first one published; the second is told so, not refused.
    const db = await getDb();
    const subject = await loadAnswerSubject(db, user, input.inquiryId);
    const [last] = await db
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.aggregateId, subject.answer.id), eq(events.type, "publish")))
      .orderBy(desc(events.id))
      .limit(1);
    if (subject.answer.status === "published" && last?.payload.fromVersion === input.expectedVersion)
      return { alreadyPublished: true };
    throw error;
  }
}
