/**
 * Fristverlängerung: the lead department asks for more time (extension_requests row, event
 * `extension_requested`); the council office grants it — the lifecycle event `extend_deadline`, which moves
 * the due date and writes the public deadline_extensions row — or refuses it with a note (event
 * `extension_refused`). The council office may also extend directly, without a request.
 */
import { and, eq, sql } from "drizzle-orm";
import { deadlineExtensions, extensionRequests } from "../../../db/schema";
import { isIsoDate } from "../../domain/lifecycle";
import { workflowText as t } from "../../domain/texts/workflow";
import type { Db } from "../core/db.server";
import type { TransitionResult } from "../core/transitions.server";
import {
  requiredText,
  runRecordedCommand,
  runWorkflowTransition,
  WorkflowInputError,
  type WorkflowUser,
} from "./workflow-context.server";

interface ExtensionInput {
  newDueOn: string;
  reason: string;
}

function checkExtensionInput(currentDueOn: string | null, input: ExtensionInput, reasonField = "reason") {
  if (!isIsoDate(input.newDueOn)) throw new WorkflowInputError("newDueOn", t.invalidDate);
  if (currentDueOn && input.newDueOn <= currentDueOn) throw new WorkflowInputError("newDueOn", t.dueNotAfterCurrent);
  if (!input.reason.trim()) throw new WorkflowInputError(reasonField, t.required);
}

/** Clerk or department head of the lead department asks for a later due date. */
export async function requestExtension(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: ExtensionInput,
) {
  return runRecordedCommand(
    db,
    user,
    { inquiryId, expectedVersion, action: "request_extension" },
    async (tx, { inquiry }) => {
      checkExtensionInput(inquiry.dueOn, input);
      const [request] = await tx
        .insert(extensionRequests)
        .values({
          inquiryId: inquiry.id,
          requestedByOrganizationId: inquiry.leadOrganizationId!,
          requestedByUserId: user.id,
          requestedDueOn: input.newDueOn,
          reason: input.reason.trim(),
        })
        .returning({ id: extensionRequests.id });
      return {
        event: {
          type: "extension_requested",
          public: false,
          payload: {
            requestId: request!.id,
            currentDueOn: inquiry.dueOn,
            requestedDueOn: input.newDueOn,
            reason: input.reason.trim(),
          },
        },
      };
    },
  );
}

/** Council office extends the deadline directly (no request). */
export async function extendDeadline(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: ExtensionInput,
): Promise<TransitionResult> {
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: null },
    { event: "extend_deadline", facts: { reason: input.reason, newDueOn: input.newDueOn } },
  );
}

/**
 * Council office grants a pending request, with the date and public reason it decides on (by default the
 * requested ones): `extend_deadline`, and the request is marked granted with the extension it led to.
 */
export async function grantExtension(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: ExtensionInput & { requestId: string },
): Promise<TransitionResult> {
  // The version is compared before the action is checked: a colleague's decision in the meantime is a
  // conflict, not a missing right.
  return runWorkflowTransition(
    db,
    user,
    { inquiryId, expectedVersion, action: "decide_extension_request" },
    {
      event: "extend_deadline",
      facts: { reason: input.reason, newDueOn: input.newDueOn },
      payload: { requestId: input.requestId },
      within: async (tx, inquiry, written) => {
        const [request] = await tx
          .select()
          .from(extensionRequests)
          .where(
            and(
              eq(extensionRequests.id, input.requestId),
              eq(extensionRequests.inquiryId, inquiry.id),
              eq(extensionRequests.status, "pending"),
            ),
          )
          .for("update");
        if (!request) throw new WorkflowInputError("form", t.noPendingRequest);
        // The engine has just written the extension (record_deadline_extension) in this transaction.
        const extensionId = written.extensionId!;
        await tx
          .update(deadlineExtensions)
          .set({ requestedByOrganizationId: request.requestedByOrganizationId })
          .where(eq(deadlineExtensions.id, extensionId));
        await tx
          .update(extensionRequests)
          .set({ status: "granted", decidedByUserId: user.id, decidedAt: sql`now()`, extensionId })
          .where(eq(extensionRequests.id, request.id));
      },
    },
  );
}

/** Council office refuses a pending request; the note is required (event `extension_refused`, not public). */
export async function refuseExtension(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: { requestId: string; note: string },
) {
  return runRecordedCommand(
    db,
    user,
    { inquiryId, expectedVersion, action: "decide_extension_request" },
    async (tx, { inquiry }) => {
      const note = requiredText(input.note, "note");
      const [request] = await tx
        .update(extensionRequests)
        .set({ status: "refused", decidedByUserId: user.id, decidedAt: sql`now()`, decisionNote: note })
        .where(
          and(
            eq(extensionRequests.id, input.requestId),
            eq(extensionRequests.inquiryId, inquiry.id),
            eq(extensionRequests.status, "pending"),
          ),
        )
        .returning({
          id: extensionRequests.id,
          requestedDueOn: extensionRequests.requestedDueOn,
          requestedByOrganizationId: extensionRequests.requestedByOrganizationId,
        });
      if (!request) throw new WorkflowInputError("form", t.noPendingRequest);
      return {
        event: {
          type: "extension_refused",
          public: false,
          payload: {
            requestId: request.id,
            requestedDueOn: request.requestedDueOn,
            requestedByOrganizationId: request.requestedByOrganizationId,
            note,
          },
        },
      };
    },
  );
}
