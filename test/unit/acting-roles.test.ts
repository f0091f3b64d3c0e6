/**
 * The one rule of who acts for whom on an inquiry (app/domain/acting-roles.ts): faction members for the
 * originating faction, clerks and department heads for the lead department, everyone else body-wide.
 */
import { describe, expect, it } from "vitest";
import { effectiveRoles, isLeadDepartmentStaff, isOriginatorFactionMember } from "~/domain/acting-roles";
import type { MembershipFact, Role } from "~/domain/policy";

const BODY = "body-1";
const OTHER_BODY = "body-2";
const LEAD = "dept-lead";
const OTHER_DEPT = "dept-other";
const FACTION = "faction-a";
const OTHER_FACTION = "faction-b";
const owners = { originatorOrganizationId: FACTION, leadOrganizationId: LEAD };
const m = (role: Role, organizationId: string, bodyId = BODY): MembershipFact => ({ bodyId, organizationId, role });

describe("effectiveRoles", () => {
  it.each<[string, MembershipFact[], Role[]]>([
    ["clerk of the lead department", [m("clerk", LEAD)], ["clerk"]],
    ["clerk of another department", [m("clerk", OTHER_DEPT)], []],
    ["department head of the lead department", [m("department_head", LEAD)], ["department_head"]],
    ["department head elsewhere, clerk in the lead", [m("department_head", OTHER_DEPT), m("clerk", LEAD)], ["clerk"]],
    ["member of the originating faction", [m("faction_member", FACTION)], ["faction_member"]],
    ["member of another faction", [m("faction_member", OTHER_FACTION)], []],
    ["council office (body-wide)", [m("council_office", "office")], ["council_office"]],
    ["co-signer and mayor (body-wide)", [m("co_signer", OTHER_DEPT), m("mayor", "exec")], ["co_signer", "mayor"]],
    ["lead clerk of another body", [m("clerk", LEAD, OTHER_BODY)], []],
    ["two memberships, one role", [m("clerk", LEAD), m("clerk", LEAD)], ["clerk"]],
  ])("%s", (_name, memberships, expected) => {
    expect(effectiveRoles(memberships, BODY, owners)).toEqual(expected);
  });

  it("counts no department role while there is no lead department, and no faction without an originator", () => {
    expect(
      effectiveRoles([m("clerk", LEAD), m("faction_member", FACTION)], BODY, {
        originatorOrganizationId: null,
        leadOrganizationId: null,
      }),
    ).toEqual([]);
  });
});

describe("isLeadDepartmentStaff / isOriginatorFactionMember", () => {
  it.each<[string, MembershipFact[], string | null, boolean]>([
    ["lead clerk", [m("clerk", LEAD)], LEAD, true],
    ["lead department head", [m("department_head", LEAD)], LEAD, true],
    ["co-signer of the lead department", [m("co_signer", LEAD)], LEAD, false],
    ["clerk elsewhere", [m("clerk", OTHER_DEPT)], LEAD, false],
    ["no lead yet", [m("clerk", LEAD)], null, false],
    ["lead clerk, other body", [m("clerk", LEAD, OTHER_BODY)], LEAD, false],
  ])("lead department staff: %s", (_name, memberships, lead, expected) => {
    expect(isLeadDepartmentStaff(memberships, BODY, lead)).toBe(expected);
  });

  it.each<[string, MembershipFact[], string | null, boolean]>([
    ["own faction", [m("faction_member", FACTION)], FACTION, true],
    ["other faction", [m("faction_member", OTHER_FACTION)], FACTION, false],
    ["council office in the faction's organisation id", [m("council_office", FACTION)], FACTION, false],
    ["no originator", [m("faction_member", FACTION)], null, false],
  ])("originating faction: %s", (_name, memberships, originator, expected) => {
    expect(isOriginatorFactionMember(memberships, BODY, originator)).toBe(expected);
  });
});
