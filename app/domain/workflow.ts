/**
 * Which workflow actions a user may take on one inquiry or motion right now — the buttons and forms of the
 * staff view (/arbeitsbereich/vorgaenge/:id). Pure: built on the transition tables (`eventsFrom` and the
 * rows' roles), so that the page never offers what the engine would refuse. The server commands check
 * everything again; this only decides what to show.
 */
import { DEPARTMENT_ROLES, roleCounts } from "./acting-roles";
import { inquiryLifecycle } from "./inquiry-lifecycle";
import { eventsFrom, findTransition, type Lifecycle } from "./lifecycle";
import { motionLifecycle } from "./motion-lifecycle";
import type { Role } from "./policy";

export type WorkflowAction =
  // lifecycle events
  | "accept"
  | "declare_inadmissible"
  | "assign"
  | "start_answering"
  | "withdraw"
  | "extend_deadline"
  | "put_on_agenda"
  | "decide"
  // commands that do not change the state
  | "change_contributors"
  | "link_agenda"
  | "change_visibility"
  | "hide_question_text"
  | "show_question_text"
  | "request_extension"
  | "decide_extension_request"
  | "edit_draft";

export type WorkflowLifecycle = "inquiry" | "motion";

export interface WorkflowContext {
  lifecycle: WorkflowLifecycle;
  state: string;
  /** The user's roles in the inquiry's body (all organisations). */
  roles: readonly Role[];
  /** The user is clerk or department head of the lead department (Federführung). */
  isLeadDepartmentStaff: boolean;
  /** The user is a member of the faction that submitted (or drafts) the inquiry. */
  isOriginatorFactionMember: boolean;
  hasDueDate: boolean;
  hasPendingExtensionRequest: boolean;
}

/** Lifecycle events that are fired elsewhere: submission by the drafting page, `answer` by publication. */
const FIRED_ELSEWHERE = new Set(["submit", "answer"]);

/** States in which the council office may change who contributes to the answer. */
const CONTRIBUTOR_STATES = new Set(["assigned", "answering"]);

function lifecycleOf(name: WorkflowLifecycle): Lifecycle<string, string> {
  return name === "motion" ? motionLifecycle : inquiryLifecycle;
}

/** The roles that count for a lifecycle event: the rule of ./acting-roles applied to the context's facts. */
function effectiveRoles(ctx: WorkflowContext): Role[] {
  return ctx.roles.filter((role) =>
    roleCounts(role, {
      inOriginatorFaction: ctx.isOriginatorFactionMember,
      inLeadDepartment: ctx.isLeadDepartmentStaff,
    }),
  );
}

export function availableActions(ctx: WorkflowContext): WorkflowAction[] {
  const lifecycle = lifecycleOf(ctx.lifecycle);
  const roles = effectiveRoles(ctx);
  const actions: WorkflowAction[] = [];
  if (ctx.state === "draft")
    return ctx.isOriginatorFactionMember && ctx.roles.includes("faction_member") ? ["edit_draft"] : [];

  for (const event of eventsFrom(lifecycle, ctx.state)) {
    if (FIRED_ELSEWHERE.has(event)) continue;
    const row = findTransition(lifecycle, ctx.state, event)!;
    if (!row.roles.some((role) => roles.includes(role))) continue;
    // Without a due date there is nothing to extend (e.g. "until the next meeting" with no meeting set).
    if (event === "extend_deadline" && !ctx.hasDueDate) continue;
    actions.push(event as WorkflowAction);
  }

  const councilOffice = ctx.roles.includes("council_office");
  const extensible =
    actions.includes("extend_deadline") ||
    (ctx.hasDueDate && eventsFrom(lifecycle, ctx.state).includes("extend_deadline"));
  if (councilOffice && ctx.lifecycle === "inquiry" && CONTRIBUTOR_STATES.has(ctx.state))
    actions.push("change_contributors");
  // A submitted motion goes on the agenda through put_on_agenda (an agenda link with its state change); a second,
  // near-identical link form beside it would only confuse. Afterwards further links (referral, a later
  // meeting) use link_agenda.
  if (councilOffice && !actions.includes("put_on_agenda")) actions.push("link_agenda");
  if (councilOffice) actions.push("change_visibility");
  // Afterwards too: an inadmissible inquiry's question text can be hidden publicly, and shown again (issue 11);
  // which of the two applies depends on whether it is hidden now (the staff view offers only that one).
  if (councilOffice && ctx.state === "inadmissible") actions.push("hide_question_text", "show_question_text");
  if (
    extensible &&
    ctx.isLeadDepartmentStaff &&
    roles.some((r) => DEPARTMENT_ROLES.includes(r)) &&
    !ctx.hasPendingExtensionRequest
  ) {
    actions.push("request_extension");
  }
  if (extensible && councilOffice && ctx.hasPendingExtensionRequest) actions.push("decide_extension_request");
  return actions;
}
