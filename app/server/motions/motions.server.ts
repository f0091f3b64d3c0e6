/**
 * Anträge: the motion lifecycle's `put_on_agenda` (with its agenda link, purpose "decision", written by
 * meetings/meetings.server.ts) and `decide` (adopted, rejected, referred, with a public note).
 */
import type { MotionDecision } from "../../domain/labels";
import type { Db } from "../core/db.server";
import type { TransitionResult } from "../core/transitions.server";
import { runWorkflowTransition, type WorkflowUser } from "../inquiries/workflow-context.server";
import { writeAgendaLink, type AgendaLinkInput } from "../meetings/meetings.server";

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

/** Council office: records what the council decided on a motion. */
export async function decideMotion(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: { decision: MotionDecision; note: string | null },
): Promise<TransitionResult> {
  const note = input.note?.trim() || null;
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: null },
    {
      event: "decide",
      facts: { decision: input.decision },
      payload: note ? { decisionNote: note } : {},
      within: async () => ({ motionDecisionNote: note }),
    },
  );
}
