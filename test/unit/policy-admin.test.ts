/** Body administration policy: who administers which body, which roles fit which organisation, and the guards. */
import { describe, expect, it } from "vitest";
import {
  ALL_ROLES,
  STAFF_ROLES,
  assignableRoles,
  isRole,
  mayAdministerBody,
  mayAdministerBodySlug,
  mayApplyAdminChange,
  mayManageAccount,
  type MembershipFact,
  type OrganizationKindFact,
  type Role,
} from "../../app/domain/policy";

const A = "body-a";
const B = "body-b";
const m = (bodyId: string, role: Role, organizationId = `${bodyId}-org`): MembershipFact => ({
  bodyId,
  organizationId,
  role,
});

describe("mayAdministerBody", () => {
  const cases: Array<[string, MembershipFact[], string, boolean]> = [
    ["body_admin of that body", [m(A, "body_admin")], A, true],
    ["body_admin of another body", [m(B, "body_admin")], A, false],
    ["no memberships", [], A, false],
    ["body_admin here and faction member elsewhere", [m(A, "body_admin"), m(B, "faction_member")], A, true],
    ["body_admin elsewhere, faction member here", [m(A, "faction_member"), m(B, "body_admin")], A, false],
  ];
  for (const role of ALL_ROLES.filter((r) => r !== "body_admin")) {
    cases.push([`${role} of that body`, [m(A, role)], A, false]);
  }
  it.each(cases)("%s → %s", (_label, memberships, bodyId, expected) => {
    expect(mayAdministerBody(memberships, bodyId)).toBe(expected);
  });
});

describe("assignableRoles", () => {
  const kinds: Array<[OrganizationKindFact, boolean, readonly Role[]]> = [
    ["faction", false, ["faction_member"]],
    ["department", false, STAFF_ROLES],
    ["council_office", false, STAFF_ROLES],
    ["dpo_office", false, STAFF_ROLES],
    ["executive", false, STAFF_ROLES],
    ["committee", false, STAFF_ROLES],
    ["council", false, STAFF_ROLES],
    ["other", false, STAFF_ROLES],
    ["supervisory_authority", false, []],
    ["supervisory_authority", true, []],
    ["department", true, []],
  ];
  it.each(kinds)("%s (external %s)", (kind, external, expected) => {
    expect([...assignableRoles(kind, external)]).toEqual([...expected]);
  });
  it("never offers faction membership in an administrative organisation, nor staff roles in a faction", () => {
    expect(assignableRoles("department")).not.toContain("faction_member");
    for (const role of STAFF_ROLES) expect(assignableRoles("faction")).not.toContain(role);
  });
});

describe("isRole", () => {
  it.each([...ALL_ROLES])("accepts %s", (role) => expect(isRole(role)).toBe(true));
  it.each(["", "admin", "BODY_ADMIN", "body_admin ", "superuser", "' or 1=1 --"])("rejects %j", (value) => {
    expect(isRole(value)).toBe(false);
  });
});

describe("mayManageAccount", () => {
  const cases: Array<[string, MembershipFact[], MembershipFact[], boolean]> = [
    ["target only in the admin's body", [m(A, "body_admin")], [m(A, "clerk")], true],
    ["target also in a body the admin does not administer", [m(A, "body_admin")], [m(A, "clerk"), m(B, "dpo")], false],
    ["admin of both bodies", [m(A, "body_admin"), m(B, "body_admin")], [m(A, "clerk"), m(B, "dpo")], true],
    ["target without any role left", [m(A, "body_admin")], [], true],
    ["actor not admin of this body", [m(B, "body_admin")], [m(B, "clerk")], false],
  ];
  it.each(cases)("%s → %s", (_label, actor, target, expected) => {
    expect(mayManageAccount(actor, target, A)).toBe(expected);
  });
});

describe("mayApplyAdminChange", () => {
  const cases: Array<[string, Parameters<typeof mayApplyAdminChange>, boolean]> = [
    ["deactivate someone else", ["deactivate", "me", "other"], true],
    ["deactivate oneself", ["deactivate", "me", "me"], false],
    ["reset someone else's second factor", ["reset_mfa", "me", "other"], true],
    ["reset one's own second factor", ["reset_mfa", "me", "me"], false],
    ["revoke a clerk role from oneself", ["revoke_role", "me", "me", { revokedRole: "clerk" }], true],
    ["revoke a clerk role from someone", ["revoke_role", "me", "other", { revokedRole: "clerk" }], true],
    ["revoke own body_admin role", ["revoke_role", "me", "me", { revokedRole: "body_admin", adminsAfter: 3 }], false],
    [
      "revoke another admin while others remain",
      ["revoke_role", "me", "other", { revokedRole: "body_admin", adminsAfter: 1 }],
      true,
    ],
    [
      "revoke the last other admin",
      ["revoke_role", "me", "other", { revokedRole: "body_admin", adminsAfter: 0 }],
      false,
    ],
  ];
  it.each(cases)("%s → %s", (_label, args, expected) => {
    expect(mayApplyAdminChange(...args)).toBe(expected);
  });
});

describe("mayAdministerBodySlug", () => {
  const withSlug = (slug: string, role: Role) => ({ ...m(slug, role), bodySlug: slug });
  it.each([
    ["admin of that slug", [withSlug("norderstedt", "body_admin")], "norderstedt", true],
    ["admin of another slug", [withSlug("landtag-nrw", "body_admin")], "norderstedt", false],
    ["clerk of that slug", [withSlug("norderstedt", "clerk")], "norderstedt", false],
    ["prefix is not enough", [withSlug("norderstedt", "body_admin")], "norderstedt-x", false],
    ["case matters", [withSlug("norderstedt", "body_admin")], "Norderstedt", false],
  ] as const)("%s → %s", (_label, memberships, slug, expected) => {
    expect(mayAdministerBodySlug(memberships, slug)).toBe(expected);
  });
});
