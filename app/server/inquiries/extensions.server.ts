/**
 * Fristverlängerung: the lead department asks for more time (extension_requests row, event
 * `extension_requested`); the council office grants it — the lifecycle event `extend_deadline`, which moves
 * the due date and writes the public deadline_extensions row — or refuses it with a note (event
 * `extension_refused`). The council office may also extend directly, without a request.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { deadlineExtensions, extensionRequests, inquiries } from "../../../db/schema";
import { isIsoDate } from "../../domain/lifecycle";
import { workflowText as t } from "../../domain/texts/workflow";
import type { Db } from "../core/db.server";
import { recordInquiryEvent } from "../core/events.server";
import { applyInquiryTransition, type TransitionResult } from "../core/transitions.server";
import {
  actorOf,
  loadWorkflowSubject,
  requireAction,
  requireVersion,
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
export async function requestExtension(db: Db, user: WorkflowUser, inquiryId: string, expectedVersion: number, input: ExtensionInput) {
  return db.transaction(async (tx) => {
    const subject = await loadWorkflowSubject(tx, user, inquiryId, { lock: true });
    requireVersion(subject, expectedVersion);
    requireAction(subject, "request_extension");
    const { inquiry } = subject;
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
    const version = inquiry.version + 1;
    await tx.update(inquiries).set({ version, updatedAt: sql`now()` }).where(eq(inquiries.id, inquiry.id));
    await recordInquiryEvent(tx, {
      bodyId: inquiry.bodyId,
      aggregateType: "inquiry",
      aggregateId: inquiry.id,
      inquiryId: inquiry.id,
      type: "extension_requested",
      actorUserId: user.id,
      public: false,
      payload: { requestId: request!.id, currentDueOn: inquiry.dueOn, requestedDueOn: input.newDueOn, reason: input.reason.trim() },
    });
    return { version };
  });
}

/** Council office extends the deadline directly (no request). */
export async function extendDeadline(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: ExtensionInput,
): Promise<TransitionResult> {
  const subject = await loadWorkflowSubject(db, user, inquiryId);
  return applyInquiryTransition(db, {
    inquiryId: subject.inquiry.id,
    bodyId: subject.inquiry.bodyId,
    expectedVersion,
    event: "extend_deadline",
    actor: actorOf(user),
    facts: { reason: input.reason, newDueOn: input.newDueOn },
  });
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
  const subject = await loadWorkflowSubject(db, user, inquiryId);
  // A colleague's decision in the meantime is a conflict, not a missing right.
  requireVersion(subject, expectedVersion);
  requireAction(subject, "decide_extension_request");
  return applyInquiryTransition(db, {
    inquiryId: subject.inquiry.id,
    bodyId: subject.inquiry.bodyId,
    expectedVersion,
    event: "extend_deadline",
    actor: actorOf(user),
    facts: { reason: input.reason, newDueOn: input.newDueOn },
    payload: { requestId: input.requestId },
    within: async (tx, inquiry) => {
      const [request] = await tx
        .select()
        .from(extensionRequests)
        .where(
          and(eq(extensionRequests.id, input.requestId), eq(extensionRequests.inquiryId, inquiry.id), eq(extensionRequests.status, "pending")),
        )
        .for("update");
      if (!request) throw new WorkflowInputError("form", t.noPendingRequest);
      // The engine has just written the extension (record_deadline_extension) in this transaction.
      const [extension] = await tx
        .select({ id: deadlineExtensions.id })
        .from(deadlineExtensions)
        .where(
          and(
            eq(deadlineExtensions.inquiryId, inquiry.id),
            eq(deadlineExtensions.previousDueOn, inquiry.dueOn!),
            eq(deadlineExtensions.newDueOn, input.newDueOn),
          ),
        )
        .orderBy(desc(deadlineExtensions.grantedAt))
        .limit(1);
      await tx
        .update(deadlineExtensions)
        .set({ requestedByOrganizationId: request.requestedByOrganizationId })
        .where(eq(deadlineExtensions.id, extension!.id));
      await tx
        .update(extensionRequests)
        .set({ status: "granted", decidedByUserId: user.id, decidedAt: sql`now()`, extensionId: extension!.id })
        .where(eq(extensionRequests.id, request.id));
    },
  });
}

/** Council office refuses a pending request; the note is required (event `extension_refused`, not public). */
export async function refuseExtension(
  db: Db,
  user: WorkflowUser,
  inquiryId: string,
  expectedVersion: number,
  input: { requestId: string; note: string },
) {
  return db.transaction(async (tx) => {
    const subject = await loadWorkflowSubject(tx, user, inquiryId, { lock: true });
    requireVersion(subject, expectedVersion);
    requireAction(subject, "decide_extension_request");
    const note = input.note.trim();
    if (!note) throw new WorkflowInputError("note", t.required);
    const [request] = await tx
      .update(extensionRequests)
      .set({ status: "refused", decidedByUserId: user.id, decidedAt: sql`now()`, decisionNote: note })
      .where(
        and(
          eq(extensionRequests.id, input.requestId),
          eq(extensionRequests.inquiryId, subject.inquiry.id),
          eq(extensionRequests.status, "pending"),
        ),
      )
      .returning({
        id: extensionRequests.id,
        requestedDueOn: extensionRequests.requestedDueOn,
        requestedByOrganizationId: extensionRequests.requestedByOrganizationId,
      });
    if (!request) throw new WorkflowInputError("form", t.noPendingRequest);
    const version = subject.inquiry.version + 1;
    await tx.update(inquiries).set({ version, updatedAt: sql`now()` }).where(eq(inquiries.id, subject.inquiry.id));
    await recordInquiryEvent(tx, {
      bodyId: subject.inquiry.bodyId,
      aggregateType: "inquiry",
      aggregateId: subject.inquiry.id,
      inquiryId: subject.inquiry.id,
      type: "extension_refused",
      actorUserId: user.id,
      public: false,
      payload: { requestId: request.id, requestedDueOn: request.requestedDueOn, requestedByOrganizationId: request.requestedByOrganizationId, note },
    });
    return { version };
  });
}
