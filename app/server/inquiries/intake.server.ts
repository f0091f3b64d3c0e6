/**
 * The council office's intake and the workflow commands on one inquiry: accept or declare inadmissible,
 * assign the lead and contributing departments, start answering (lead department), set the visibility,
 * withdraw (originating faction) — and `runWorkflowCommand`, the one entry point of the page's action, which
 * dispatches to these and to extensions.server.ts, meetings/meetings.server.ts and motions/motions.server.ts.
 *
 * Every command checks again what the route checked, once and inside its transaction: the inquiry is locked
 * and answered NotFound when the user may not see it (another body's included), then its version is compared;
 * state changes go through the lifecycle engine (runWorkflowTransition), the other commands through
 * runRecordedCommand, which writes the new version and the event (workflow-context.server.ts).
 */
import { and, asc, eq } from "drizzle-orm";
import { inquiryContributors, organizations } from "../../../db/schema";
import type { AgendaPurpose, MotionDecision } from "../../domain/labels";
import { answeringOrganizationsOf } from "../../domain/organizations";
import { workflowText as t } from "../../domain/texts/workflow";
import type { CurrentUser } from "../accounts/auth.server";
import { createAnswerFor } from "../answers/answer-content.server";
import { getDb, type Db, type Tx } from "../core/db.server";
import { extendDeadline, grantExtension, refuseExtension, requestExtension } from "./extensions.server";
import { linkAgenda, type AgendaLinkInput } from "../meetings/meetings.server";
import { decideMotion, putMotionOnAgenda } from "../motions/motions.server";
import { TransitionRefused } from "../core/transitions.server";
import {
  loadWorkflowSubject,
  requireParticipant,
  requiredText,
  runRecordedCommand,
  runWorkflowTransition,
  WorkflowInputError,
  type WorkflowUser,
} from "./workflow-context.server";

export { WorkflowInputError };

/**
 * The organisations of a body that can lead or contribute to an answer (domain/organizations.ts decides
 * which kinds: the administration's departments, or its executive where it has none; never the DPO's
 * office, which is consulted, nor a subordinate authority).
 */
export async function answeringOrganizationChoices(
  tx: Db | Tx,
  bodyId: string,
): Promise<Array<{ id: string; name: string }>> {
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(and(eq(organizations.bodyId, bodyId), eq(organizations.external, false)))
    .orderBy(asc(organizations.name));
  return answeringOrganizationsOf(rows).map(({ id, name }) => ({ id, name }));
}

/** Checks that every id is an answering organisation of the body; returns them without duplicates. */
async function answeringOrganizations(
  tx: Db | Tx,
  bodyId: string,
  ids: readonly string[],
  field: string,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const allowed = new Set((await answeringOrganizationChoices(tx, bodyId)).map((o) => o.id));
  if (!unique.every((id) => allowed.has(id))) throw new WorkflowInputError(field, t.unknownOrganization);
  return unique;
}

async function replaceContributors(tx: Tx, inquiryId: string, contributorIds: readonly string[]) {
  await tx.delete(inquiryContributors).where(eq(inquiryContributors.inquiryId, inquiryId));
  if (contributorIds.length)
    await tx
      .insert(inquiryContributors)
      .values(contributorIds.map((organizationId) => ({ inquiryId, organizationId })));
}

/** A lifecycle event without facts of its own (accept, start_answering). */
async function simpleTransition(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  event: "accept" | "start_answering",
) {
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: null },
    {
      event,
      // Starting to answer creates the answer (drafting, parts per question, the sign-off chain) in the same
      // transaction as the state change.
      within:
        event === "start_answering"
          ? async (tx, inquiry) => {
              await createAnswerFor(tx, inquiry, user.id);
            }
          : undefined,
    },
  );
}

export async function declareInadmissible(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  reason: string,
  questionTextHiddenReason: string | null = null,
) {
  // Hiding the question text (e.g. personnel grounds) is chosen with the declaration and recorded in its event.
  const hiddenReason = questionTextHiddenReason?.trim() || null;
  if (questionTextHiddenReason !== null && !hiddenReason)
    throw new WorkflowInputError("questionTextHiddenReason", t.questionTextHiddenReasonRequired);
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: null },
    {
      event: "declare_inadmissible",
      facts: { reason },
      payload: hiddenReason ? { questionTextHiddenReason: hiddenReason } : {},
      within: async () => (hiddenReason ? { questionTextHiddenReason: hiddenReason } : {}),
    },
  );
}

/** Council office: lead department and contributing departments; `assign` writes both in one transaction. */
export async function assignInquiry(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: { leadOrganizationId: string; contributorIds: string[] },
) {
  // Filled by `within` (after the engine's checks of state and role) and recorded in the event.
  const payload: { contributorIds?: string[] } = {};
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: null },
    {
      event: "assign",
      facts: { leadOrganizationId: input.leadOrganizationId },
      payload,
      within: async (tx, inquiry) => {
        await answeringOrganizations(tx, inquiry.bodyId, [input.leadOrganizationId], "leadOrganizationId");
        const ids = await answeringOrganizations(tx, inquiry.bodyId, input.contributorIds, "contributorIds");
        payload.contributorIds = ids.filter((id) => id !== input.leadOrganizationId);
        await replaceContributors(tx, inquiry.id, payload.contributorIds);
      },
    },
  );
}

/** Council office changes the contributing departments later (assigned, answering). */
export async function changeContributors(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  ids: string[],
) {
  return runRecordedCommand(
    db,
    user,
    { inquiryId, expectedVersion, action: "change_contributors" },
    async (tx, { inquiry }) => {
      const contributorIds = (await answeringOrganizations(tx, inquiry.bodyId, ids, "contributorIds")).filter(
        (id) => id !== inquiry.leadOrganizationId,
      );
      const before = await tx
        .select({ id: inquiryContributors.organizationId })
        .from(inquiryContributors)
        .where(eq(inquiryContributors.inquiryId, inquiry.id));
      await replaceContributors(tx, inquiry.id, contributorIds);
      return {
        event: {
          type: "contributors_changed",
          public: false,
          // `added` is what the notifications read: only newly added departments are told "assigned".
          payload: {
            before: before.map((b) => b.id),
            after: contributorIds,
            added: contributorIds.filter((id) => !before.some((b) => b.id === id)),
          },
        },
      };
    },
  );
}

/** Council office sets the inquiry public or internal, with a reason (event `visibility_changed`, not public). */
export async function changeVisibility(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: { visibility: "public" | "internal"; reason: string },
) {
  return runRecordedCommand(
    db,
    user,
    { inquiryId, expectedVersion, action: "change_visibility" },
    async (_tx, { inquiry }) => {
      const reason = requiredText(input.reason, "reason");
      if (inquiry.visibility === input.visibility) throw new WorkflowInputError("visibility", t.sameVisibility);
      return {
        changes: { visibility: input.visibility, visibilityReason: reason },
        event: {
          type: "visibility_changed",
          public: false,
          payload: { from: inquiry.visibility, to: input.visibility, reason },
        },
      };
    },
  );
}

/**
 * Council office, afterwards: hides the question text of an inadmissible inquiry publicly, with the public note
 * why (event `question_text_hidden`, not public: the page itself says it).
 */
export async function hideQuestionText(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: { questionTextHiddenReason: string },
) {
  return runRecordedCommand(
    db,
    user,
    { inquiryId, expectedVersion, action: "hide_question_text" },
    async (_tx, { inquiry }) => {
      const reason = requiredText(
        input.questionTextHiddenReason,
        "questionTextHiddenReason",
        t.questionTextHiddenReasonRequired,
      );
      if (inquiry.questionTextHiddenReason !== null)
        throw new WorkflowInputError("questionTextHiddenReason", t.questionTextAlreadyHidden);
      return {
        changes: { questionTextHiddenReason: reason },
        event: { type: "question_text_hidden", public: false, payload: { questionTextHiddenReason: reason } },
      };
    },
  );
}

/**
 * Council office: shows the hidden question text of an inadmissible inquiry publicly again (undoing
 * hideQuestionText), with an internal reason (event `question_text_shown`, not public). The event's commit drops
 * the body's cached public pages, so the public page shows the text at once.
 */
export async function showQuestionText(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: { reason: string },
) {
  return runRecordedCommand(
    db,
    user,
    { inquiryId, expectedVersion, action: "show_question_text" },
    async (_tx, { inquiry }) => {
      const reason = requiredText(input.reason, "reason");
      if (inquiry.questionTextHiddenReason === null) throw new WorkflowInputError("form", t.questionTextNotHidden);
      return {
        changes: { questionTextHiddenReason: null },
        event: {
          type: "question_text_shown",
          public: false,
          payload: { reason, previousQuestionTextHiddenReason: inquiry.questionTextHiddenReason },
        },
      };
    },
  );
}

/** A member of the originating faction withdraws the inquiry (or motion) with a public note. */
export async function withdrawInquiry(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  publicNote: string,
) {
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: null },
    { event: "withdraw", facts: { publicNote } },
  );
}

export type WorkflowCommand =
  | { intent: "accept" }
  | { intent: "declare_inadmissible"; reason: string; questionTextHiddenReason?: string | null }
  | { intent: "assign"; leadOrganizationId: string; contributorIds: string[] }
  | { intent: "change_contributors"; contributorIds: string[] }
  | { intent: "start_answering" }
  | ({ intent: "link_agenda" } & AgendaLinkInput)
  | ({ intent: "put_on_agenda" } & Omit<AgendaLinkInput, "purpose">)
  | { intent: "decide"; decision: MotionDecision; meetingId: string; note: string | null }
  | { intent: "change_visibility"; visibility: "public" | "internal"; reason: string }
  | { intent: "hide_question_text"; questionTextHiddenReason: string }
  | { intent: "show_question_text"; reason: string }
  | { intent: "request_extension"; newDueOn: string; reason: string }
  | { intent: "grant_extension"; requestId: string; newDueOn: string; reason: string }
  | { intent: "refuse_extension"; requestId: string; note: string }
  | { intent: "extend_deadline"; newDueOn: string; reason: string }
  | { intent: "withdraw"; publicNote: string };

export type WorkflowIntent = WorkflowCommand["intent"];

/**
 * The action's first check, before the posted form is read: the inquiry exists, the user may see it and
 * belongs to its body — else NotFound (404), so that a refusal of the input never tells an outsider more.
 */
export async function assertWorkflowParticipant(user: Pick<CurrentUser, "id" | "memberships">, inquiryId: string) {
  requireParticipant(
    await loadWorkflowSubject(await getDb(), { id: user.id, memberships: user.memberships }, inquiryId),
  );
}

/**
 * The page's one server call. Throws NotFound (→ 404), StaleVersionError, TransitionRefused (German message
 * for the form) or WorkflowInputError (German message for one field); returns the inquiry's new version.
 */
export async function runWorkflowCommand(
  user: Pick<CurrentUser, "id" | "memberships">,
  inquiryId: string,
  expectedVersion: number,
  command: WorkflowCommand,
): Promise<{ version: number }> {
  const db = await getDb();
  const u: WorkflowUser = { id: user.id, memberships: user.memberships };
  switch (command.intent) {
    case "accept":
    case "start_answering":
      return simpleTransition(db, u, inquiryId, expectedVersion, command.intent);
    case "declare_inadmissible":
      return declareInadmissible(
        db,
        u,
        inquiryId,
        expectedVersion,
        command.reason,
        command.questionTextHiddenReason ?? null,
      );
    case "assign":
      return assignInquiry(db, u, inquiryId, expectedVersion, command);
    case "change_contributors":
      return changeContributors(db, u, inquiryId, expectedVersion, command.contributorIds);
    case "link_agenda":
      return linkAgenda(db, u, inquiryId, expectedVersion, command);
    case "put_on_agenda":
      return putMotionOnAgenda(db, u, inquiryId, expectedVersion, command);
    case "decide":
      return decideMotion(db, u, inquiryId, expectedVersion, command);
    case "change_visibility":
      return changeVisibility(db, u, inquiryId, expectedVersion, command);
    case "hide_question_text":
      return hideQuestionText(db, u, inquiryId, expectedVersion, command);
    case "show_question_text":
      return showQuestionText(db, u, inquiryId, expectedVersion, command);
    case "request_extension":
      return requestExtension(db, u, inquiryId, expectedVersion, command);
    case "grant_extension":
      return grantExtension(db, u, inquiryId, expectedVersion, command);
    case "refuse_extension":
      return refuseExtension(db, u, inquiryId, expectedVersion, command);
    case "extend_deadline":
      return extendDeadline(db, u, inquiryId, expectedVersion, command);
    case "withdraw":
      return withdrawInquiry(db, u, inquiryId, expectedVersion, command.publicNote);
    default:
      throw new TransitionRefused("forbidden", t.unknownIntent);
  }
}

export type { AgendaLinkInput, AgendaPurpose };
