/**
 * Anträge: the motion lifecycle's `put_on_agenda` (with its agenda link, purpose "decision", written by
 * meetings/meetings.server.ts) and `decide` (adopted, rejected, referred, with a public note).
 */
import { eq } from "drizzle-orm";
import { bodies, inquiries } from "../../../db/schema";
import { isoDateInTimeZone } from "../../domain/format";
import type { MotionDecision } from "../../domain/labels";
import { decisionMeetingHeld } from "../../domain/lifecycle";
import type { Db, Tx } from "../core/db.server";
import type { TransitionResult } from "../core/transitions.server";
import { runWorkflowTransition, type WorkflowUser } from "../inquiries/workflow-context.server";
import { decisionMeetingsOf, writeAgendaLink, type AgendaLinkInput } from "../meetings/meetings.server";

/** Today in the body's time zone (a council in Berlin decides on Berlin's date). */
export async function bodyToday(db: Db | Tx, bodyId: string, now = new Date()): Promise<string> {
  const [body] = await db.select({ timeZone: bodies.timeZone }).from(bodies).where(eq(bodies.id, bodyId));
  return isoDateInTimeZone(now, body?.timeZone ?? "Europe/Berlin");
}

/**
 * The meetings a decision may be recorded for: the motion's decision meetings that have taken place (today
 * counts) — the same rule as the lifecycle's guard `decision_meeting_held`.
 */
export async function heldDecisionMeetings(db: Db | Tx, bodyId: string, inquiryId: string, now = new Date()) {
  const [all, today] = await Promise.all([decisionMeetingsOf(db, bodyId, inquiryId), bodyToday(db, bodyId, now)]);
  return {
    held: all.filter((m) => decisionMeetingHeld(m.date, today)),
    upcoming: all.filter((m) => !decisionMeetingHeld(m.date, today)),
  };
}

/** Council office: a motion goes on the agenda of a meeting (the link's purpose is "decision"). */
export async function putMotionOnAgenda(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: Omit<AgendaLinkInput, "purpose">,
): Promise<TransitionResult> {
  // Filled by `within` and read by the engine when it writes the event, after `within` has run.
  const agenda: Record<string, unknown> = {};
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: null },
    {
      event: "put_on_agenda",
      within: async (tx, inquiry) => {
        Object.assign(agenda, await writeAgendaLink(tx, inquiry.bodyId, inquiry.id, { ...input, purpose: "decision" }));
      },
      payload: agenda,
    },
  );
}

/**
 * Council office: records what the council decided on a motion, in a meeting the motion is on the agenda of
 * for decision; the meeting must have taken place (guard decision_meeting_held, checked by the engine).
 */
export async function decideMotion(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: { decision: MotionDecision; meetingId: string; note: string | null; now?: Date },
): Promise<TransitionResult> {
  const note = input.note?.trim() || null;
  // The body and the meeting facts are read before the engine locks the inquiry; the engine checks visibility
  // and the version again, and a meeting's date does not change under a decision.
  const [row] = await db.select({ bodyId: inquiries.bodyId }).from(inquiries).where(eq(inquiries.id, inquiryId));
  const meetings = row ? await decisionMeetingsOf(db, row.bodyId, inquiryId) : [];
  const meeting = meetings.find((m) => m.id === input.meetingId);
  const today = row ? await bodyToday(db, row.bodyId, input.now) : null;
  // A meeting that is not one of the motion's decision meetings, or has not taken place, fails the engine's
  // guard decision_meeting_held (after the engine has checked the user's right to decide at all).
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: null },
    {
      event: "decide",
      facts: { decision: input.decision, decisionMeetingOn: meeting?.date ?? null, today },
      payload: { ...(note ? { decisionNote: note } : {}), ...(meeting ? { meetingId: meeting.id } : {}) },
      within: async () => ({ motionDecisionNote: note }),
    },
  );
}
