/** Which notification kinds the preferences page offers to which roles (app/domain/notifications.ts). */
import { describe, expect, it } from "vitest";
import {
  KINDS_BY_RECIPIENT_ROLE,
  NOTIFICATION_KINDS,
  notificationKindsForRoles,
  notificationTargets,
} from "~/domain/notifications";

const EVENTS = [
  "submit",
  "accept",
  "declare_inadmissible",
  "assign",
  "contributors_changed",
  "extension_requested",
  "extend_deadline",
  "extension_refused",
  "withdraw",
  "answer",
  "put_on_agenda",
  "decide",
];

describe("notificationKindsForRoles", () => {
  it("offers a faction member only what the faction receives", () => {
    expect(notificationKindsForRoles(["faction_member"])).toEqual([
      "number_assigned",
      "accepted",
      "inadmissible",
      "extended",
      "answered",
      "on_agenda",
      "decided",
    ]);
  });
  it("offers a clerk the department's kinds, not the faction's or the council office's", () => {
    const kinds = notificationKindsForRoles(["clerk"]);
    expect(kinds).toContain("assigned");
    expect(kinds).not.toContain("accepted");
    expect(kinds).not.toContain("received");
  });
  it("joins the kinds of several roles, in the usual order, and offers nothing to a role that receives none", () => {
    expect(notificationKindsForRoles(["council_office", "faction_member"]).length).toBeGreaterThan(7);
    expect(notificationKindsForRoles(["body_admin"])).toEqual([]);
    expect(notificationKindsForRoles(["dpo", "body_admin"])).toEqual(["consultation_requested"]);
    const both = notificationKindsForRoles(["clerk", "council_office"]);
    expect(both).toEqual(NOTIFICATION_KINDS.filter((k) => both.includes(k)));
  });
  it("covers every kind an inquiry event sends to its audience", () => {
    const roleOf = {
      council_office: "council_office",
      faction: "faction_member",
      departments: "clerk",
      lead_department: "clerk",
      organizations: "clerk",
      requesting_department: "clerk",
      dpo_office: "dpo",
    } as const;
    for (const type of EVENTS) {
      for (const target of notificationTargets({
        aggregateType: "inquiry",
        type,
        payload: { added: ["x"], requestedByOrganizationId: "y" },
      })) {
        expect(KINDS_BY_RECIPIENT_ROLE[roleOf[target.audience.kind]], `${type} → ${target.kind}`).toContain(
          target.kind,
        );
      }
    }
  });
});
