/**
 * Which workflow actions the staff view offers: a table of (lifecycle, state, who) → actions. The page shows
 * exactly these forms, so each row is what a user of that role sees on the page.
 */
import { describe, expect, it } from "vitest";
import type { Role } from "~/domain/policy";
import { availableActions, type WorkflowAction, type WorkflowContext } from "~/domain/workflow";

const ctx = (over: Partial<WorkflowContext>): WorkflowContext => ({
  lifecycle: "inquiry",
  state: "submitted",
  roles: [],
  isLeadDepartmentStaff: false,
  isOriginatorFactionMember: false,
  hasDueDate: true,
  hasPendingExtensionRequest: false,
  ...over,
});
const office: Role[] = ["council_office"];
const clerk: Role[] = ["clerk"];
const faction: Role[] = ["faction_member"];

const cases: Array<[string, WorkflowContext, WorkflowAction[]]> = [
  // intake
  [
    "council office on a submitted inquiry",
    ctx({ roles: office }),
    ["accept", "declare_inadmissible", "extend_deadline", "link_agenda", "change_visibility"],
  ],
  [
    "council office on an accepted inquiry",
    ctx({ roles: office, state: "accepted" }),
    ["assign", "extend_deadline", "link_agenda", "change_visibility"],
  ],
  [
    "council office on an assigned inquiry",
    ctx({ roles: office, state: "assigned" }),
    ["extend_deadline", "change_contributors", "link_agenda", "change_visibility"],
  ],
  [
    "council office, no due date: nothing to extend",
    ctx({ roles: office, state: "assigned", hasDueDate: false }),
    ["change_contributors", "link_agenda", "change_visibility"],
  ],
  [
    "council office with a pending request decides it",
    ctx({ roles: office, state: "answering", hasPendingExtensionRequest: true }),
    ["extend_deadline", "change_contributors", "link_agenda", "change_visibility", "decide_extension_request"],
  ],
  [
    "council office on an answered inquiry: agenda and visibility only",
    ctx({ roles: office, state: "answered" }),
    ["link_agenda", "change_visibility"],
  ],
  [
    "council office on an inadmissible inquiry",
    ctx({ roles: office, state: "inadmissible" }),
    ["link_agenda", "change_visibility", "hide_question_text", "show_question_text"],
  ],
  ["council office never edits a faction's draft", ctx({ roles: office, state: "draft" }), []],
  // departments
  [
    "lead department clerk on an assigned inquiry",
    ctx({ roles: clerk, state: "assigned", isLeadDepartmentStaff: true }),
    ["start_answering", "request_extension"],
  ],
  [
    "lead department head while answering",
    ctx({ roles: ["department_head"], state: "answering", isLeadDepartmentStaff: true }),
    ["request_extension"],
  ],
  [
    "lead clerk with a request pending asks no second time",
    ctx({ roles: clerk, state: "answering", isLeadDepartmentStaff: true, hasPendingExtensionRequest: true }),
    [],
  ],
  [
    "lead clerk without a due date cannot ask for an extension",
    ctx({ roles: clerk, state: "answering", isLeadDepartmentStaff: true, hasDueDate: false }),
    [],
  ],
  ["clerk of a contributing (not lead) department only reads", ctx({ roles: clerk, state: "assigned" }), []],
  [
    "co-signer of the lead department cannot start",
    ctx({ roles: ["co_signer"], state: "assigned", isLeadDepartmentStaff: false }),
    [],
  ],
  ["DPO has no workflow action", ctx({ roles: ["dpo"], state: "answering" }), []],
  ["lead clerk on an answered inquiry", ctx({ roles: clerk, state: "answered", isLeadDepartmentStaff: true }), []],
  // factions
  [
    "originating faction may withdraw a submitted inquiry",
    ctx({ roles: faction, isOriginatorFactionMember: true }),
    ["withdraw"],
  ],
  [
    "originating faction may withdraw while answering",
    ctx({ roles: faction, state: "answering", isOriginatorFactionMember: true }),
    ["withdraw"],
  ],
  [
    "originating faction may not withdraw an answered inquiry",
    ctx({ roles: faction, state: "answered", isOriginatorFactionMember: true }),
    [],
  ],
  ["another faction may not withdraw", ctx({ roles: faction }), []],
  [
    "originating faction edits its draft",
    ctx({ roles: faction, state: "draft", isOriginatorFactionMember: true }),
    ["edit_draft"],
  ],
  ["another faction's member gets no draft link", ctx({ roles: faction, state: "draft" }), []],
  [
    "nothing after withdrawal for the faction",
    ctx({ roles: faction, state: "withdrawn", isOriginatorFactionMember: true }),
    [],
  ],
  // motions (Anträge)
  [
    // One agenda form, not two near-identical ones: putting it on the agenda is the agenda link.
    "council office on a submitted motion",
    ctx({ lifecycle: "motion", roles: office }),
    ["put_on_agenda", "change_visibility"],
  ],
  [
    "council office on a motion on the agenda",
    ctx({ lifecycle: "motion", roles: office, state: "on_agenda" }),
    ["decide", "link_agenda", "change_visibility"],
  ],
  [
    "council office on a decided motion",
    ctx({ lifecycle: "motion", roles: office, state: "decided" }),
    ["link_agenda", "change_visibility"],
  ],
  [
    "originating faction withdraws a motion on the agenda",
    ctx({ lifecycle: "motion", roles: faction, state: "on_agenda", isOriginatorFactionMember: true }),
    ["withdraw"],
  ],
  [
    "motions have no deadline extension or assignment",
    ctx({ lifecycle: "motion", roles: [...office, ...clerk], isLeadDepartmentStaff: true }),
    ["put_on_agenda", "change_visibility"],
  ],
];

describe("availableActions", () => {
  it.each(cases)("%s", (_name, context, expected) => {
    expect(availableActions(context)).toEqual(expected);
  });

  it("offers no lifecycle event that the transition table does not allow in the state", () => {
    const all: Role[] = ["council_office", "clerk", "department_head", "faction_member"];
    const actions = availableActions(
      ctx({ roles: all, state: "answered", isLeadDepartmentStaff: true, isOriginatorFactionMember: true }),
    );
    expect(actions).not.toContain("withdraw");
    expect(actions).not.toContain("extend_deadline");
    expect(actions).not.toContain("answer");
  });
});
