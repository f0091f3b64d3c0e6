/**
 * The one way a lifecycle state changes: lock the row (by id and body), compare the version the user saw,
 * let the transition table decide, write the new state and the event row — all in one transaction, so either
 * everything happens or nothing does.
 *
 * Side effects of the tables carried out here: set_lead_department, record_withdrawal,
 * record_deadline_extension, record_motion_decision, invalidate_signatures. The others belong to the module
 * that owns the data and run through `within` in the same transaction: assign_reference and compute_due_date
 * (submission), publish_answer_version and create_corrected_version (answers).
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  answers,
  bodies,
  consultations,
  deadlineExtensions,
  inquiries,
  inquiryTypes,
  memberships,
  organizations,
  signatures,
  signOffSteps,
} from "../../../db/schema/index";
import { effectiveRoles, type InquiryOwners } from "../../domain/acting-roles";
import { answerLifecycle } from "../../domain/answer-lifecycle";
import type { InquiryEventName } from "../../domain/events";
import { isoDateInTimeZone } from "../../domain/format";
import { inquiryLifecycle } from "../../domain/inquiry-lifecycle";
import { decide, type Decision, type GuardId, type Lifecycle, type TransitionFacts } from "../../domain/lifecycle";
import { motionLifecycle } from "../../domain/motion-lifecycle";
import { maySeeAdministrationWork, maySeeInquiry, type MembershipFact, type Role } from "../../domain/policy";
import { lifecycleText } from "../../domain/texts/lifecycle";
import { NotFound } from "./errors.server";
import type { Db, Tx } from "./db.server";
import { consultationRequirement } from "../consultations/requirement.server";
import { commitAnswerChange, commitInquiryChange } from "./events.server";
import { visibilityFacts } from "../inquiries/scope.server";

export { NotFound };

/** The user saw an older version of the aggregate than the one in the database. */
export class StaleVersionError extends Error {
  constructor() {
    super(lifecycleText.staleVersion);
    this.name = "StaleVersionError";
  }
}

/** The transition table refused the event; `message` is German and meant for the user. */
export class TransitionRefused extends Error {
  constructor(
    readonly reason: "not_allowed_in_state" | "guard_failed" | "forbidden",
    message: string,
    readonly guard?: GuardId,
  ) {
    super(message);
    this.name = "TransitionRefused";
  }
}

export interface TransitionActor {
  userId: string;
  memberships: readonly MembershipFact[];
}

interface TransitionCommand {
  bodyId: string;
  /** The version the user's form was rendered from. */
  expectedVersion: number;
  event: string;
  actor: TransitionActor;
  /** Facts for the guards; the database facts (current due date, published answer, signatures) are derived here. */
  facts?: TransitionFacts;
  /** Extra data recorded in the event row. */
  payload?: Record<string, unknown>;
}

type InquiryRow = typeof inquiries.$inferSelect;
type InquiryChanges = Partial<Omit<typeof inquiries.$inferInsert, "id" | "bodyId" | "status" | "version">>;

export interface InquiryTransitionCommand extends TransitionCommand {
  inquiryId: string;
  /**
   * Work of another module that belongs to the same transaction (e.g. the submission module assigns the
   * reference number and the due date on `submit`); runs after the decision, may return column changes.
   */
  within?: (tx: Tx, inquiry: InquiryRow, written: WrittenRows) => Promise<InquiryChanges | void>;
}

/** Rows the engine's side effects wrote in this transaction, for `within` to refer to. */
export interface WrittenRows {
  /** The deadline_extensions row of record_deadline_extension. */
  extensionId?: string;
}

type AnswerRow = typeof answers.$inferSelect;

export interface AnswerTransitionCommand extends TransitionCommand {
  answerId: string;
  /**
   * Work of the answers module after the row is locked and its version checked, before the decision: e.g. the
   * last signature of the chain is written here, so that `approve` sees every step signed.
   */
  prepare?: (tx: Tx, answer: AnswerRow) => Promise<void>;
  /** Work of the answers module in the same transaction (publishing or correcting a version). */
  within?: (tx: Tx, answer: AnswerRow) => Promise<void>;
}

export interface TransitionResult {
  status: string;
  version: number;
  eventId: number;
  publicEvent: boolean;
}

function refuse(decision: Decision<string>): never {
  if (decision.ok) throw new Error("refuse() needs a refusal");
  throw new TransitionRefused(decision.reason, decision.message, decision.guard);
}

/** The actor's roles in this body that count for this aggregate (the rule of app/domain/acting-roles.ts). */
function rolesFor(actor: TransitionActor, bodyId: string, owners: InquiryOwners): Role[] {
  return effectiveRoles(actor.memberships, bodyId, owners);
}

/** Fact values worth keeping in the event row, by the guard that checked them. */
function factsForPayload(guards: readonly GuardId[], facts: TransitionFacts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const guard of guards) {
    if (guard === "reason_given") out.reason = facts.reason?.trim();
    if (guard === "lead_department_given") out.leadOrganizationId = facts.leadOrganizationId;
    if (guard === "public_note_given") out.publicNote = facts.publicNote?.trim();
    if (guard === "new_due_date_after_current")
      Object.assign(out, { previousDueOn: facts.currentDueOn, newDueOn: facts.newDueOn });
    if (guard === "decision_given") out.decision = facts.decision;
    if (guard === "decision_meeting_held") out.decisionMeetingOn = facts.decisionMeetingOn;
    if (guard === "comment_given") out.comment = facts.comment?.trim();
    if (guard === "correction_note_given") out.correctionNote = facts.correctionNote?.trim();
  }
  return out;
}

async function lockInquiry(tx: Tx, inquiryId: string, bodyId: string): Promise<InquiryRow> {
  const [row] = await tx
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.id, inquiryId), eq(inquiries.bodyId, bodyId)))
    .for("update");
  if (!row) throw new NotFound();
  return row;
}

/** Applies one event of the inquiry or motion lifecycle (chosen by the inquiry's type). */
export async function applyInquiryTransition(db: Db, command: InquiryTransitionCommand): Promise<TransitionResult> {
  const { inquiryId, bodyId, expectedVersion, actor } = command;
  return db.transaction(async (tx) => {
    const inquiry = await lockInquiry(tx, inquiryId, bodyId);
    // Whoever may not see the inquiry learns nothing about it, not even that it exists.
    if (!maySeeInquiry(actor.memberships, await visibilityFacts(tx, inquiry))) throw new NotFound();
    if (inquiry.version !== expectedVersion) throw new StaleVersionError();
    return transitionLockedInquiry(tx, inquiry, command);
  });
}

/**
 * The engine's decision and writes for an inquiry the caller has already locked, shown to be visible to the
 * actor and compared with the expected version in this transaction (runRecordedCommand does that once per
 * workflow command; applyInquiryTransition for everyone else).
 */
export async function transitionLockedInquiry(
  tx: Tx,
  inquiry: InquiryRow,
  command: Omit<InquiryTransitionCommand, "inquiryId" | "expectedVersion">,
): Promise<TransitionResult> {
  const { bodyId, event, actor } = command;
  const [type] = await tx
    .select({ lifecycle: inquiryTypes.lifecycle })
    .from(inquiryTypes)
    .where(eq(inquiryTypes.id, inquiry.typeId));
  const lifecycle: Lifecycle<string, string> = type?.lifecycle === "motion" ? motionLifecycle : inquiryLifecycle;

  const [published] = await tx
    .select({ id: answers.id })
    .from(answers)
    .where(and(eq(answers.inquiryId, inquiry.id), eq(answers.status, "published")))
    .limit(1);
  const facts: TransitionFacts = {
    ...command.facts,
    currentDueOn: inquiry.dueOn,
    publishedAnswerExists: published !== undefined,
  };

  const decision = decide(lifecycle, inquiry.status, event, facts, rolesFor(actor, bodyId, inquiry));
  if (!decision.ok) refuse(decision);
  const row = lifecycle.transitions.find((r) => r.from === inquiry.status && r.event === event)!;

  const changes: InquiryChanges = {};
  const written: WrittenRows = {};
  for (const effect of decision.sideEffects) {
    if (effect === "set_lead_department") {
      const [department] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.id, facts.leadOrganizationId!), eq(organizations.bodyId, bodyId)));
      if (!department)
        throw new TransitionRefused("guard_failed", lifecycleText.leadDepartmentNotInBody, "lead_department_given");
      changes.leadOrganizationId = department.id;
    }
    if (effect === "record_withdrawal") {
      const [body] = await tx.select({ timeZone: bodies.timeZone }).from(bodies).where(eq(bodies.id, bodyId));
      changes.withdrawnOn = isoDateInTimeZone(new Date(), body?.timeZone ?? "Europe/Berlin");
      changes.withdrawalNote = facts.publicNote!.trim();
    }
    if (effect === "record_motion_decision") changes.motionDecision = facts.decision as InquiryRow["motionDecision"];
    if (effect === "record_deadline_extension") {
      const [extension] = await tx
        .insert(deadlineExtensions)
        .values({
          inquiryId: inquiry.id,
          previousDueOn: inquiry.dueOn!,
          newDueOn: facts.newDueOn!,
          reason: facts.reason!.trim(),
          grantedByUserId: actor.userId,
        })
        .returning({ id: deadlineExtensions.id });
      written.extensionId = extension!.id;
      changes.dueOn = facts.newDueOn!;
    }
  }
  Object.assign(changes, (await command.within?.(tx, inquiry, written)) ?? {});
  if (decision.sideEffects.includes("assign_reference") && !changes.reference && !inquiry.reference) {
    throw new Error(`"${event}" needs a reference number: pass the submission module's numbering as \`within\``);
  }

  const publicEvent = decision.publicEvent && inquiry.visibility === "public";
  const { version, eventId } = await commitInquiryChange(
    tx,
    inquiry,
    { ...changes, status: decision.to as InquiryRow["status"] },
    {
      type: event as InquiryEventName,
      actorUserId: actor.userId,
      public: publicEvent,
      payload: {
        from: inquiry.status,
        to: decision.to,
        ...factsForPayload(row.guards ?? [], facts),
        ...command.payload,
      },
    },
  );
  return { status: decision.to, version, eventId: eventId!, publicEvent };
}

/** Applies one event of the answer lifecycle. */
export async function applyAnswerTransition(db: Db, command: AnswerTransitionCommand): Promise<TransitionResult> {
  const { answerId, bodyId, expectedVersion, event, actor } = command;
  return db.transaction(async (tx) => {
    const [answer] = await tx
      .select()
      .from(answers)
      .where(and(eq(answers.id, answerId), eq(answers.bodyId, bodyId)))
      .for("update");
    if (!answer) throw new NotFound();
    const [inquiry] = await tx
      .select({
        visibility: inquiries.visibility,
        status: inquiries.status,
        originatorOrganizationId: inquiries.originatorOrganizationId,
        leadOrganizationId: inquiries.leadOrganizationId,
      })
      .from(inquiries)
      .where(eq(inquiries.id, answer.inquiryId));
    if (!inquiry) throw new NotFound();
    const visibility = await visibilityFacts(tx, { ...inquiry, id: answer.inquiryId, bodyId });
    // An answer in the works is the administration's; a published one is as visible as its inquiry.
    const visible =
      maySeeAdministrationWork(actor.memberships, visibility) ||
      (answer.status === "published" && maySeeInquiry(actor.memberships, visibility));
    if (!visible) throw new NotFound();
    if (answer.version !== expectedVersion) throw new StaleVersionError();
    await command.prepare?.(tx, answer);

    const steps = await tx
      .select({ status: signOffSteps.status })
      .from(signOffSteps)
      .where(eq(signOffSteps.answerId, answer.id));
    const done = new Set(["signed", "not_required", "unrecorded"]);
    const requirement = await consultationRequirement(tx, answer.id);
    const facts: TransitionFacts = {
      ...command.facts,
      // No chain, no approval: an answer must have been signed by someone.
      allRequiredStepsSigned: steps.length > 0 && steps.every((s) => done.has(s.status)),
      requiredConsultationAnswered: !requirement.required || requirement.satisfied,
      consultationOpen: event === "send_to_sign_off" ? await consultationOpen(tx, answer) : undefined,
    };

    const decision = decide(
      answerLifecycle,
      answer.status,
      event,
      facts,
      rolesFor(actor, bodyId, {
        originatorOrganizationId: null,
        leadOrganizationId: answer.leadOrganizationId ?? inquiry.leadOrganizationId,
      }),
    );
    if (!decision.ok) refuse(decision);
    const row = answerLifecycle.transitions.find((r) => r.from === answer.status && r.event === event)!;

    if (decision.sideEffects.includes("invalidate_signatures")) {
      // Returned for revision or changed after a signature: the chain starts over.
      await tx
        .update(signOffSteps)
        .set({ status: "pending" })
        .where(and(eq(signOffSteps.answerId, answer.id), inArray(signOffSteps.status, ["signed", "returned"])));
      await tx
        .update(signatures)
        .set({ invalidatedAt: sql`now()` })
        .where(
          and(
            isNull(signatures.invalidatedAt),
            inArray(
              signatures.stepId,
              tx.select({ id: signOffSteps.id }).from(signOffSteps).where(eq(signOffSteps.answerId, answer.id)),
            ),
          ),
        );
    }
    await command.within?.(tx, answer);
    const publicEvent = decision.publicEvent && inquiry.visibility === "public";
    const { version, eventId } = await commitAnswerChange(
      tx,
      answer,
      { status: decision.to },
      {
        type: event as InquiryEventName,
        actorUserId: actor.userId,
        public: publicEvent,
        payload: {
          from: answer.status,
          to: decision.to,
          ...factsForPayload(row.guards ?? [], facts),
          ...command.payload,
        },
      },
    );
    return { status: decision.to, version, eventId, publicEvent };
  });
}

/** Whether sign-off must wait for a consultation of the answer that is still open. */
async function consultationOpen(tx: Tx, answer: AnswerRow): Promise<boolean> {
  // A DPO statement or a department's contribution still awaited. Whether a statement is required at all is
  // consultationRequirement's rule (the guard required_consultation_answered); a supervisory authority's letter
  // is answered by the answer itself, so it does not hold up the sign-off.
  const open = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(
      and(
        eq(consultations.answerId, answer.id),
        eq(consultations.bodyId, answer.bodyId),
        eq(consultations.status, "requested"),
        inArray(consultations.kind, ["dpo", "department"]),
      ),
    )
    .limit(1);
  return open.length > 0;
}

/** Loads the memberships of a user (all bodies); the transition functions filter them to the body. */
export async function membershipFactsOf(db: Db | Tx, userId: string): Promise<MembershipFact[]> {
  return db
    .select({ bodyId: memberships.bodyId, organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}
