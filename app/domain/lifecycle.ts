/**
 * The lifecycle engine shared by the inquiry, motion (Antrag) and answer lifecycles: each lifecycle is a
 * transition table (rows of from, event, to, guards, side effects, public flag, roles) and `decide` is the one
 * function that reads a table. Pure: the server passes in what it knows (facts) and applies the outcome.
 */
import { isIsoDate } from "./dates";
import type { Role } from "./policy";
import { lifecycleText } from "./texts/lifecycle";

/**
 * Guards are named so that tables stay data and each failure has its own German message.
 * The facts they read are passed in by the caller (the server derives the database facts itself).
 */
export type GuardId =
  | "reason_given"
  | "lead_department_given"
  | "published_answer_exists"
  | "public_note_given"
  | "due_date_set"
  | "new_due_date_after_current"
  | "decision_given"
  | "decision_meeting_held"
  | "comment_given"
  | "all_required_steps_signed"
  | "correction_note_given"
  | "no_open_consultation"
  | "required_consultation_answered";

/** What the guards may look at. Every field is optional; a guard that needs a missing fact fails. */
export interface TransitionFacts {
  /** Reason for an inadmissibility declaration or a deadline extension. */
  reason?: string | null;
  /** Lead department (Federführung) chosen on assignment. */
  leadOrganizationId?: string | null;
  /** Whether the inquiry's answer has a published version. */
  publishedAnswerExists?: boolean;
  /** Public note on a withdrawal. */
  publicNote?: string | null;
  /** ISO date (YYYY-MM-DD) of the current due date. */
  currentDueOn?: string | null;
  /** ISO date (YYYY-MM-DD) of the requested new due date. */
  newDueOn?: string | null;
  /** Outcome of a motion: adopted, rejected or referred. */
  decision?: string | null;
  /** ISO date of the meeting the decision is recorded for. */
  decisionMeetingOn?: string | null;
  /** ISO date of today in the body's time zone. */
  today?: string | null;
  /** Comment when an answer is returned for revision. */
  comment?: string | null;
  /** Whether every required step of the sign-off chain has signed the current content. */
  allRequiredStepsSigned?: boolean;
  /** Whether a consultation of the answer is still open, or a required one (by inquiry type) is missing. */
  consultationOpen?: boolean;
  /** What a correction of a published answer changed. */
  correctionNote?: string | null;
  /** No DPO statement is required for the answer, or the required one has been given. */
  requiredConsultationAnswered?: boolean;
}

/** Effects the server carries out together with the state change (in the same transaction). */
export type SideEffect =
  | "assign_reference"
  | "compute_due_date"
  | "set_lead_department"
  | "record_withdrawal"
  | "record_deadline_extension"
  | "record_motion_decision"
  | "invalidate_signatures"
  | "publish_answer_version"
  | "create_corrected_version";

export interface TransitionRow<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
  /** All must hold; the first that fails gives the message. */
  guards?: readonly GuardId[];
  sideEffects?: readonly SideEffect[];
  /** Whether the resulting event belongs on the public timeline (of a public inquiry). */
  publicEvent: boolean;
  /** Roles (in the body of the aggregate) that may fire the event. */
  roles: readonly Role[];
}

/** Submitting a draft, the same for inquiries and motions: the faction submits, it is numbered and given a due date. */
export const SUBMIT_TRANSITION: TransitionRow<"draft" | "submitted", "submit"> = {
  from: "draft",
  event: "submit",
  to: "submitted",
  sideEffects: ["assign_reference", "compute_due_date"],
  publicEvent: true,
  roles: ["faction_member"],
};

/**
 * Withdrawing, the same for inquiries and motions: the faction withdraws from any of the open states, with a
 * public note, and the withdrawal shows on the public timeline.
 */
export function withdrawalTransitions<S extends string>(from: readonly S[], to: S): TransitionRow<S, "withdraw">[] {
  return from.map((state) => ({
    from: state,
    event: "withdraw",
    to,
    guards: ["public_note_given"],
    sideEffects: ["record_withdrawal"],
    publicEvent: true,
    roles: ["faction_member"],
  }));
}

export interface Lifecycle<S extends string, E extends string> {
  name: LifecycleName;
  states: readonly S[];
  events: readonly E[];
  transitions: readonly TransitionRow<S, E>[];
}

export type LifecycleName = "inquiry" | "motion" | "answer";

export type Decision<S extends string> =
  | { ok: true; to: S; publicEvent: boolean; sideEffects: readonly SideEffect[] }
  | { ok: false; reason: "not_allowed_in_state" | "guard_failed" | "forbidden"; message: string; guard?: GuardId };

const given = (value: string | null | undefined) => typeof value === "string" && value.trim().length > 0;

// The one ISO-date check (./dates), re-exported for the guards' callers.
export { isIsoDate };

/** The meeting has taken place (today counts): only then can its decision be recorded; ISO dates compare as strings. */
export function decisionMeetingHeld(meetingOn: string | null | undefined, today: string | null | undefined): boolean {
  return isIsoDate(meetingOn) && isIsoDate(today) && meetingOn <= today;
}

export const MOTION_OUTCOMES = ["adopted", "rejected", "referred"] as const;

const guardChecks: Record<GuardId, (f: TransitionFacts) => boolean> = {
  reason_given: (f) => given(f.reason),
  lead_department_given: (f) => given(f.leadOrganizationId),
  published_answer_exists: (f) => f.publishedAnswerExists === true,
  public_note_given: (f) => given(f.publicNote),
  due_date_set: (f) => isIsoDate(f.currentDueOn),
  // ISO dates compare correctly as strings.
  new_due_date_after_current: (f) => isIsoDate(f.newDueOn) && isIsoDate(f.currentDueOn) && f.newDueOn > f.currentDueOn,
  decision_given: (f) => (MOTION_OUTCOMES as readonly (string | null | undefined)[]).includes(f.decision),
  // A council decides in its meeting: a decision for a meeting that has not taken place yet is not a fact.
  decision_meeting_held: (f) => decisionMeetingHeld(f.decisionMeetingOn, f.today),
  comment_given: (f) => given(f.comment),
  all_required_steps_signed: (f) => f.allRequiredStepsSigned === true,
  no_open_consultation: (f) => f.consultationOpen === false,
  correction_note_given: (f) => given(f.correctionNote),
  required_consultation_answered: (f) => f.requiredConsultationAnswered === true,
};

export function guardHolds(guard: GuardId, facts: TransitionFacts): boolean {
  return guardChecks[guard](facts);
}

/** The table row for (state, event), if the lifecycle allows that event in that state at all. */
export function findTransition<S extends string, E extends string>(
  lifecycle: Lifecycle<S, E>,
  state: string,
  event: string,
): TransitionRow<S, E> | undefined {
  return lifecycle.transitions.find((row) => row.from === state && row.event === event);
}

/**
 * Decides whether `event` may happen to an aggregate in `state`, fired by someone holding `actorRoles` in the
 * aggregate's body. Checked in this order: the table allows the event in the state, the actor has a role for
 * it, its guards hold — so that a user without the right is not told which facts are missing.
 */
export function decide<S extends string, E extends string>(
  lifecycle: Lifecycle<S, E>,
  state: string,
  event: string,
  facts: TransitionFacts,
  actorRoles: readonly Role[],
): Decision<S> {
  const row = findTransition(lifecycle, state, event);
  if (!row) {
    return {
      ok: false,
      reason: "not_allowed_in_state",
      message: lifecycleText.notAllowedInState(lifecycle.name, state, event),
    };
  }
  if (!row.roles.some((role) => actorRoles.includes(role))) {
    return { ok: false, reason: "forbidden", message: lifecycleText.forbidden(lifecycle.name, event) };
  }
  for (const guard of row.guards ?? []) {
    if (!guardHolds(guard, facts))
      return { ok: false, reason: "guard_failed", guard, message: lifecycleText.guard[guard] };
  }
  return { ok: true, to: row.to, publicEvent: row.publicEvent, sideEffects: row.sideEffects ?? [] };
}

/** Events that the table allows in a state (for offering buttons); roles and guards are not checked. */
export function eventsFrom<S extends string, E extends string>(lifecycle: Lifecycle<S, E>, state: string): E[] {
  return lifecycle.transitions.filter((row) => row.from === state).map((row) => row.event);
}
