import { describe, expect, it } from "vitest";
import { inquiryScopeFor, maySeeInquiry, requiresSecondFactor, type MembershipFact, type Role } from "~/domain/policy";

const BODY = "body-a";
const OTHER_BODY = "body-b";
const FACTION = "faction-1";
const OTHER_FACTION = "faction-2";

const member = (role: Role, bodyId = BODY, organizationId = role === "faction_member" ? FACTION : "org-x"): MembershipFact => ({
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
    ["faction member does not see another faction's draft", [member("faction_member")], inquiry({ status: "draft", originatorOrganizationId: OTHER_FACTION }), false],
    ["faction member does not see another faction's internal submitted inquiry", [member("faction_member")], inquiry({ originatorOrganizationId: OTHER_FACTION }), false],
    ["council office sees a submitted internal inquiry", [member("council_office")], inquiry(), true],
    ["council office does not see a faction's draft", [member("council_office")], inquiry({ status: "draft" }), false],
    ["staff of another body sees nothing internal", [member("council_office", OTHER_BODY)], inquiry(), false],
    ["faction member of another body sees nothing internal", [member("faction_member", OTHER_BODY)], inquiry({ status: "draft" }), false],
    ["DPO sees a submitted internal inquiry of the body", [member("dpo")], inquiry({ status: "answering" }), true],
  ];
  it.each(cases)("%s", (_name, memberships, subject, expected) => {
    expect(maySeeInquiry(memberships, subject)).toBe(expected);
  });
});

describe("inquiryScopeFor", () => {
  it("gives staff the whole body and faction members only their factions", () => {
    expect(inquiryScopeFor([member("clerk")], BODY)).toEqual({ kind: "body", bodyId: BODY });
    expect(inquiryScopeFor([member("faction_member"), member("faction_member", BODY, OTHER_FACTION)], BODY)).toEqual({
      kind: "factions",
      bodyId: BODY,
      organizationIds: [FACTION, OTHER_FACTION],
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
