/**
 * What the workflow of one inquiry needs to know about the user and the inquiry: may the user see it at all
 * (else NotFound), and which actions may they take now (app/domain/workflow.ts). Shared by the page's view
 * (workflow-view.server.ts) and the commands (intake.server.ts, extensions.server.ts, meetings/, motions/).
 */
import { and, eq } from "drizzle-orm";
import { extensionRequests, inquiries, inquiryTypes } from "../../../db/schema";
import { isLeadDepartmentStaff, isOriginatorFactionMember } from "../../domain/acting-roles";
import { maySeeInquiry, type MembershipFact, type Role } from "../../domain/policy";
import {
  availableActions,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowLifecycle,
} from "../../domain/workflow";
import { workflowText } from "../../domain/texts/workflow";
import type { Db, Tx } from "../core/db.server";
import { commitInquiryChange, type ChangeEvent } from "../core/events.server";
import { visibilityFacts } from "./scope.server";
import {
  NotFound,
  StaleVersionError,
  transitionLockedInquiry,
  TransitionRefused,
  type InquiryTransitionCommand,
  type TransitionActor,
  type TransitionResult,
} from "../core/transitions.server";

export type InquiryRow = typeof inquiries.$inferSelect;

export interface WorkflowSubject {
  inquiry: InquiryRow;
  lifecycle: WorkflowLifecycle;
  context: WorkflowContext;
  actions: WorkflowAction[];
  /** Lead and contributing departments (and answer-level ones), for the visibility policy. */
  responsibleOrganizationIds: string[];
}

export interface WorkflowUser {
  id: string;
  memberships: readonly MembershipFact[];
}

/** A form field's input was refused; `field` names the form field, `message` is German. */
export class WorkflowInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "WorkflowInputError";
  }
}

/** A text the command requires (a reason, a note), trimmed; empty: WorkflowInputError at `field`. */
export function requiredText(value: string, field: string, message: string = workflowText.required): string {
  const text = value.trim();
  if (!text) throw new WorkflowInputError(field, message);
  return text;
}

export function actorOf(user: WorkflowUser): TransitionActor {
  return { userId: user.id, memberships: user.memberships };
}

/**
 * Loads the inquiry (optionally locked for update) and decides what the user may do. Throws NotFound when the
 * inquiry does not exist or the user may not see it — the same answer for another body's inquiry.
 */
export async function loadWorkflowSubject(
  db: Db | Tx,
  user: WorkflowUser,
  inquiryId: string,
  options: { lock?: boolean } = {},
): Promise<WorkflowSubject> {
  const query = db.select().from(inquiries).where(eq(inquiries.id, inquiryId));
  const [inquiry] = options.lock ? await query.for("update") : await query;
  if (!inquiry) throw new NotFound();
  const facts = await visibilityFacts(db, inquiry);
  if (!maySeeInquiry(user.memberships, facts)) throw new NotFound();

  const [type] = await db
    .select({ lifecycle: inquiryTypes.lifecycle })
    .from(inquiryTypes)
    .where(eq(inquiryTypes.id, inquiry.typeId));
  const lifecycle: WorkflowLifecycle = type?.lifecycle === "motion" ? "motion" : "inquiry";
  const [pending] = await db
    .select({ id: extensionRequests.id })
    .from(extensionRequests)
    .where(and(eq(extensionRequests.inquiryId, inquiry.id), eq(extensionRequests.status, "pending")))
    .limit(1);

  const roles = [...new Set(user.memberships.filter((m) => m.bodyId === inquiry.bodyId).map((m) => m.role))] as Role[];
  const context: WorkflowContext = {
    lifecycle,
    state: inquiry.status,
    roles,
    isLeadDepartmentStaff: isLeadDepartmentStaff(user.memberships, inquiry.bodyId, inquiry.leadOrganizationId),
    isOriginatorFactionMember: isOriginatorFactionMember(
      user.memberships,
      inquiry.bodyId,
      inquiry.originatorOrganizationId,
    ),
    hasDueDate: inquiry.dueOn !== null,
    hasPendingExtensionRequest: pending !== undefined,
  };
  return {
    inquiry,
    lifecycle,
    context,
    actions: availableActions(context),
    responsibleOrganizationIds: facts.responsibleOrganizationIds,
  };
}

/** Refuses an action the user may not take now, with the German message for the form. */
export function requireAction(subject: WorkflowSubject, action: WorkflowAction): void {
  if (!subject.actions.includes(action)) throw new TransitionRefused("forbidden", workflowText.notAllowed);
}

export function requireVersion(subject: WorkflowSubject, expectedVersion: number): void {
  if (subject.inquiry.version !== expectedVersion) throw new StaleVersionError();
}

interface RecordedCommand {
  inquiryId: string;
  /** The version the user's form was rendered from. */
  expectedVersion: number;
  /** Checked before anything is written; null when the lifecycle engine's decision is the check. */
  action: WorkflowAction | null;
}

/**
 * Only a member of the inquiry's body takes part in its workflow. Anyone else — another body's council office
 * included, even on a public inquiry they can read — learns nothing from a workflow command: NotFound (404),
 * the same as for an inquiry they cannot see, before any input is judged.
 */
export function requireParticipant(subject: WorkflowSubject): WorkflowSubject {
  if (subject.context.roles.length === 0) throw new NotFound();
  return subject;
}

/** Locks the inquiry, shows it visible (else NotFound), compares the version the user saw, checks the action. */
async function lockedSubject(tx: Tx, user: WorkflowUser, command: RecordedCommand): Promise<WorkflowSubject> {
  const subject = requireParticipant(await loadWorkflowSubject(tx, user, command.inquiryId, { lock: true }));
  requireVersion(subject, command.expectedVersion);
  if (command.action) requireAction(subject, command.action);
  return subject;
}

/** What a command that changes no state records: the inquiry's column changes (if any) and the event. */
export interface RecordedChange {
  changes?: Parameters<typeof commitInquiryChange>[2];
  event: Omit<ChangeEvent, "actorUserId">;
}

/**
 * A workflow command that changes no state, in one transaction: the inquiry is loaded and checked once
 * (lockedSubject), `act` does the command's own work and says what to record, and commitInquiryChange writes
 * it with the next version and the event.
 */
export async function runRecordedCommand(
  db: Db,
  user: WorkflowUser,
  command: RecordedCommand,
  act: (tx: Tx, subject: WorkflowSubject) => Promise<RecordedChange>,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const subject = await lockedSubject(tx, user, command);
    const { changes, event } = await act(tx, subject);
    const { version } = await commitInquiryChange(tx, subject.inquiry, changes ?? {}, {
      ...event,
      actorUserId: user.id,
    });
    return { version };
  });
}

/** A lifecycle event: the same single check of the inquiry, then the engine decides and records. */
export async function runWorkflowTransition(
  db: Db,
  user: WorkflowUser,
  command: RecordedCommand,
  transition: Omit<InquiryTransitionCommand, "inquiryId" | "expectedVersion" | "bodyId" | "actor">,
): Promise<TransitionResult> {
  return db.transaction(async (tx) => {
    const subject = await lockedSubject(tx, user, command);
    return transitionLockedInquiry(tx, subject.inquiry, {
      ...transition,
      bodyId: subject.inquiry.bodyId,
      actor: actorOf(user),
    });
  });
}
