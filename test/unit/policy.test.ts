import { describe, expect, it } from "vitest";
import { inquiryScopeFor, maySeeInquiry, requiresSecondFactor, type MembershipFact, type Role } from "~/domain/policy";

const BODY = "body-a";
const OTHER_BODY = "body-b";
const FACTION = "faction-1";
const OTHER_FACTION = "faction-2";

const member = (
  role: Role,
  bodyId = BODY,
  organizationId = role === "faction_member" ? FACTION : "org-x",
): MembershipFact => ({
  role,
  bodyId,
  organizationId,
});

const inquiry = (over: Partial<Parameters<typeof maySeeInquiry>[1]> = {}) => ({
  bodyId: BODY,
  visibility: "internal" as const,
  status: "submitted",
  originatorOrganizationId: FACTION,
  ...over,
});

describe("maySeeInquiry", () => {
  const cases: Array<[string, MembershipFact[], ReturnType<typeof inquiry>, boolean]> = [
    ["anyone sees a published inquiry", [], inquiry({ visibility: "public", status: "answered" }), true],
    ["nobody anonymous sees an internal one", [], inquiry(), false],
    ["a public draft is still not public", [], inquiry({ visibility: "public", status: "draft" }), false],
    ["faction member sees own faction's draft", [member("faction_member")], inquiry({ status: "draft" }), true],
    [
      "faction member does not see another faction's draft",
      [member("faction_member")],
      inquiry({ status: "draft", originatorOrganizationId: OTHER_FACTION }),
      false,
    ],
    [
      "faction member does not see another faction's internal submitted inquiry",
      [member("faction_member")],
      inquiry({ originatorOrganizationId: OTHER_FACTION }),
      false,
    ],
    ["council office sees a submitted internal inquiry", [member("council_office")], inquiry(), true],
    ["council office does not see a faction's draft", [member("council_office")], inquiry({ status: "draft" }), false],
    // A councillor who is also in a faction: the body-wide role does not take the own faction's drafts away.
    [
      "councillor in a faction sees the own faction's draft",
      [member("councillor"), member("faction_member")],
      inquiry({ status: "draft" }),
      true,
    ],
    [
      "councillor in a faction does not see another faction's draft",
      [member("councillor"), member("faction_member")],
      inquiry({ status: "draft", originatorOrganizationId: OTHER_FACTION }),
      false,
    ],
    ["staff of another body sees nothing internal", [member("council_office", OTHER_BODY)], inquiry(), false],
    [
      "faction member of another body sees nothing internal",
      [member("faction_member", OTHER_BODY)],
      inquiry({ status: "draft" }),
      false,
    ],
    [
      "DPO does not see an internal inquiry without a consultation of their office",
      [member("dpo")],
      inquiry({ status: "answering" }),
      false,
    ],
    [
      "DPO sees an inquiry their office is consulted on",
      [member("dpo", BODY, "dpo-office")],
      inquiry({ status: "answering", consultedOrganizationIds: ["dpo-office"] }),
      true,
    ],
    [
      "clerk sees an inquiry assigned to their department",
      [member("clerk", BODY, "dept-1")],
      inquiry({ status: "assigned", responsibleOrganizationIds: ["dept-1"] }),
      true,
    ],
    [
      "clerk does not see another department's inquiry",
      [member("clerk", BODY, "dept-1")],
      inquiry({ status: "assigned", responsibleOrganizationIds: ["dept-2"] }),
      false,
    ],
    [
      "department head of the responsible department sees it",
      [member("department_head", BODY, "dept-2")],
      inquiry({ status: "answering", responsibleOrganizationIds: ["dept-1", "dept-2"] }),
      true,
    ],
    [
      "clerk never sees a faction's draft, even if assigned data says so",
      [member("clerk", BODY, "dept-1")],
      inquiry({ status: "draft", responsibleOrganizationIds: ["dept-1"] }),
      false,
    ],
    // Contributing departments (inquiry_contributors) are among the responsible ones beside the lead.
    [
      "clerk of a contributing department sees the inquiry",
      [member("clerk", BODY, "dept-contrib")],
      inquiry({ status: "assigned", responsibleOrganizationIds: ["dept-lead", "dept-contrib"] }),
      true,
    ],
    [
      "a department of the same name in another body does not",
      [member("clerk", OTHER_BODY, "dept-contrib")],
      inquiry({ status: "assigned", responsibleOrganizationIds: ["dept-lead", "dept-contrib"] }),
      false,
    ],
    ["mayor sees every submitted inquiry of the body", [member("mayor")], inquiry(), true],
    ["body admin sees every submitted inquiry of the body", [member("body_admin")], inquiry(), true],
  ];
  it.each(cases)("%s", (_name, memberships, subject, expected) => {
    expect(maySeeInquiry(memberships, subject)).toBe(expected);
  });
});

describe("inquiryScopeFor", () => {
  it("gives body-wide roles the whole body and everyone else only their factions, departments, DPO office", () => {
    expect(inquiryScopeFor([member("council_office")], BODY)).toEqual({ kind: "body", bodyId: BODY, factionIds: [] });
    expect(inquiryScopeFor([member("councillor"), member("faction_member")], BODY)).toEqual({
      kind: "body",
      bodyId: BODY,
      factionIds: [FACTION],
    });
    expect(inquiryScopeFor([member("clerk", BODY, "dept-1"), member("dpo", BODY, "dpo-office")], BODY)).toEqual({
      kind: "scoped",
      bodyId: BODY,
      factionIds: [],
      departmentIds: ["dept-1"],
      dpoOfficeIds: ["dpo-office"],
    });
    expect(inquiryScopeFor([member("faction_member"), member("faction_member", BODY, OTHER_FACTION)], BODY)).toEqual({
      kind: "scoped",
      bodyId: BODY,
      factionIds: [FACTION, OTHER_FACTION],
      departmentIds: [],
      dpoOfficeIds: [],
    });
    expect(inquiryScopeFor([member("mayor", OTHER_BODY)], BODY)).toEqual({ kind: "none" });
  });
});

describe("requiresSecondFactor", () => {
  it.each<[Role, boolean]>([
    ["faction_member", false],
    ["council_office", true],
    ["clerk", true],
    ["department_head", true],
    ["co_signer", true],
    ["councillor", true],
    ["mayor", true],
    ["dpo", true],
    ["body_admin", true],
  ])("%s → %s", (role, expected) => {
    expect(requiresSecondFactor([member(role)])).toBe(expected);
  });
});
