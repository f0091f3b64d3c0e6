import { describe, expect, it } from "vitest";
import {
  dueDateProblem,
  isLeadDrafter,
  letterDateProblem,
  mayChangeConsultationFiles,
  mayReadConsultationFiles,
  mayWriteStatement,
  validateItems,
  ITEMS_MAX,
} from "../../app/domain/consultation";
import { notificationTargets } from "../../app/domain/notifications";
import type { MembershipFact } from "../../app/domain/policy";

const BODY = "b1";
const m = (organizationId: string, role: MembershipFact["role"], bodyId = BODY): MembershipFact => ({
  bodyId,
  organizationId,
  role,
});

describe("who writes a consultation's part", () => {
  const facts = (kind: "dpo" | "department" | "supervisory_authority") => ({
    bodyId: BODY,
    kind,
    addresseeOrganizationId: "office",
    leadOrganizationId: "lead",
  });
  it.each([
    ["the DPO of the office, for a DPO consultation", [m("office", "dpo")], "dpo", true],
    ["a clerk of the DPO office is not the DPO", [m("office", "clerk")], "dpo", false],
    ["the DPO of another body", [m("office", "dpo", "b2")], "dpo", false],
    ["a clerk of the contributing department", [m("office", "clerk")], "department", true],
    ["the DPO is no contributor", [m("office", "dpo")], "department", false],
    ["the lead clerk records an authority's letter", [m("lead", "clerk")], "supervisory_authority", true],
    ["the council office does not", [m("lead", "council_office")], "supervisory_authority", false],
  ] as const)("%s", (_label, memberships, kind, expected) => {
    expect(mayWriteStatement(memberships, facts(kind))).toBe(expected);
  });

  it("the lead drafter is a clerk or department head of the lead department of that body", () => {
    expect(isLeadDrafter([m("lead", "department_head")], BODY, "lead")).toBe(true);
    expect(isLeadDrafter([m("lead", "mayor")], BODY, "lead")).toBe(false);
    expect(isLeadDrafter([m("lead", "clerk", "b2")], BODY, "lead")).toBe(false);
    expect(isLeadDrafter([m("lead", "clerk")], BODY, null)).toBe(false);
  });
});

describe("statement items", () => {
  it("drops empty rows, keeps the posted order, trims, and reports problems by the posted index", () => {
    const result = validateItems([
      { kind: "recommendation", text: "  Zweitens  " },
      { kind: "restriction", text: "" },
      { kind: "restriction", text: "Erstens\r\nmit Zeile" },
      { kind: "sonstiges", text: "x" },
      { kind: "restriction", text: "y".repeat(2001) },
    ]);
    expect(result.items).toEqual([
      { kind: "recommendation", text: "Zweitens" },
      { kind: "restriction", text: "Erstens\nmit Zeile" },
    ]);
    expect([...result.problems]).toEqual([
      [3, "unknown_kind"],
      [4, "too_long"],
    ]);
    expect(result.tooMany).toBe(false);
  });

  it("counts too many items", () => {
    const rows = Array.from({ length: ITEMS_MAX + 1 }, (_, i) => ({ kind: "restriction", text: `Punkt ${i}` }));
    expect(validateItems(rows).tooMany).toBe(true);
    expect(validateItems(rows.slice(1)).tooMany).toBe(false);
  });
});

describe("dates", () => {
  it.each([
    ["", "missing"],
    ["2026-12-02", null],
    ["2026-12-01", "past"],
    ["2026-02-30", "invalid"],
    ["02.12.2026", "invalid"],
    ["2027-12-04", "too_far"],
    ["2027-12-03", null],
  ] as const)("due date %s → %s", (value, problem) => {
    expect(dueDateProblem(value, "2026-12-02")).toBe(problem);
  });

  it.each([
    ["2021-03-05", null],
    ["2026-12-03", "future"],
    ["", "missing"],
    ["5.3.2021", "invalid"],
  ] as const)("letter date %s → %s", (value, problem) => {
    expect(letterDateProblem(value, "2026-12-02")).toBe(problem);
  });
});

describe("consultation notifications", () => {
  it.each([
    [
      "answer",
      "request_consultation",
      { addresseeOrganizationId: "dpo" },
      [{ audience: { kind: "dpo_office", organizationId: "dpo" }, kind: "consultation_requested" }],
    ],
    [
      "consultation",
      "contribution_requested",
      { addresseeOrganizationId: "a17" },
      [{ audience: { kind: "organizations", organizationIds: ["a17"] }, kind: "contribution_requested" }],
    ],
    ["answer", "consultation_answered", {}, [{ audience: { kind: "lead_department" }, kind: "consultation_answered" }]],
    [
      "consultation",
      "consultation_answered",
      {},
      [{ audience: { kind: "lead_department" }, kind: "consultation_answered" }],
    ],
    [
      "consultation",
      "contribution_delivered",
      {},
      [{ audience: { kind: "lead_department" }, kind: "contribution_delivered" }],
    ],
    ["consultation", "consultation_quote_changed", {}, []],
    ["answer", "request_consultation", {}, []],
  ] as const)("%s %s", (aggregateType, type, payload, expected) => {
    expect(notificationTargets({ aggregateType, type, payload })).toEqual(expected);
  });
});

describe("who reads and changes a consultation's files", () => {
  const facts = (kind: "dpo" | "department" | "supervisory_authority") => ({
    bodyId: BODY,
    kind,
    addresseeOrganizationId: "office",
    leadOrganizationId: "lead",
  });
  it.each([
    ["the council office of the body", [m("ratsbuero", "council_office")], "dpo", true],
    ["the council office of another body", [m("ratsbuero", "council_office", "b2")], "dpo", false],
    ["a clerk of the lead department", [m("lead", "clerk")], "dpo", true],
    ["the head of the lead department", [m("lead", "department_head")], "dpo", true],
    ["the consulted DPO", [m("office", "dpo")], "dpo", true],
    ["the DPO of another body", [m("office", "dpo", "b2")], "dpo", false],
    ["a clerk in the DPO office is not the DPO", [m("office", "clerk")], "dpo", false],
    ["the mayor sees the answer, not the DPO's material", [m("spitze", "mayor")], "dpo", false],
    ["the body admin", [m("verwaltung", "body_admin")], "dpo", false],
    ["a contributing department asked for a contribution", [m("office", "clerk")], "department", true],
    ["the DPO of a department's contribution office", [m("office", "dpo")], "department", false],
    [
      "nobody of an authority (it has no accounts) but lead and council office",
      [m("office", "clerk")],
      "supervisory_authority",
      false,
    ],
    ["the lead, for an authority's letter", [m("lead", "clerk")], "supervisory_authority", true],
    [
      "a faction member in the lead organisation's id (impossible, still refused)",
      [m("lead", "faction_member")],
      "dpo",
      false,
    ],
  ] as const)("%s", (_label, memberships, kind, expected) => {
    expect(mayReadConsultationFiles(memberships, facts(kind))).toBe(expected);
  });

  const state = (
    kind: "dpo" | "department" | "supervisory_authority",
    status: "requested" | "answered" | "withdrawn",
    answerPublished = false,
  ) => ({ ...facts(kind), status, answerPublished });
  it.each([
    ["the lead adds to an open request", [m("lead", "clerk")], state("dpo", "requested"), "request", true],
    ["not once the DPO has answered", [m("lead", "clerk")], state("dpo", "answered"), "request", false],
    ["the DPO never changes the request", [m("office", "dpo")], state("dpo", "requested"), "request", false],
    ["the council office only reads", [m("r", "council_office")], state("dpo", "requested"), "request", false],
    ["a DPO request has no reply letter", [m("lead", "clerk")], state("dpo", "requested"), "reply", false],
    [
      "an authority's reply letter, after the reply is recorded",
      [m("lead", "clerk")],
      state("supervisory_authority", "answered"),
      "reply",
      true,
    ],
    [
      "nothing once the answer is published",
      [m("lead", "clerk")],
      state("supervisory_authority", "requested", true),
      "reply",
      false,
    ],
    ["nothing of a withdrawn request", [m("lead", "clerk")], state("dpo", "withdrawn"), "request", false],
  ] as const)("%s", (_label, memberships, facts, part, expected) => {
    expect(mayChangeConsultationFiles(memberships, facts, part)).toBe(expected);
  });
});
