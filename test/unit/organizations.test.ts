/** Which organisations may lead or contribute to an answer (app/domain/organizations.ts). */
import { describe, expect, it } from "vitest";
import { answeringOrganizationsOf, type OrganizationKindName } from "~/domain/organizations";

const org = (name: string, kind: OrganizationKindName, external = false) => ({ name, kind, external });

describe("answeringOrganizationsOf", () => {
  const cases: Array<[string, ReturnType<typeof org>[], string[]]> = [
    [
      "a city: its departments, not the DPO's office, the mayor, the council office or a faction",
      [
        org("Amt 17", "department"),
        org("13 - Hauptamt", "department"),
        org("Behördlicher Datenschutzbeauftragter", "dpo_office"),
        org("Oberbürgermeisterin", "executive"),
        org("Ratsbüro", "council_office"),
        org("FWuD-Fraktion", "faction"),
      ],
      ["Amt 17", "13 - Hauptamt"],
    ],
    [
      "a Land: its ministries, not the government as a whole or a subordinate authority",
      [
        org("Landesregierung", "executive"),
        org("MKFFI", "department"),
        org("Polizei NRW", "other"),
        org("Landesbetrieb Straßenbau", "other"),
      ],
      ["MKFFI"],
    ],
    [
      "a Samtgemeinde without departments: its executive",
      [org("Samtgemeindebürgermeister", "executive"), org("Samtgemeinderat", "council")],
      ["Samtgemeindebürgermeister"],
    ],
    [
      "never an external body",
      [
        org("HmbBfDI", "supervisory_authority", true),
        org("Externes Amt", "department", true),
        org("Senatskanzlei", "department"),
      ],
      ["Senatskanzlei"],
    ],
  ];
  it.each(cases)("%s", (_name, orgs, expected) => {
    expect(answeringOrganizationsOf(orgs).map((o) => o.name)).toEqual(expected);
  });
});
