/**
 * The sign-off chain and the answer drafting rules, pure: chain from a template with the conditional step,
 * whose turn it is and who may sign it, the canonical content that signatures bind to, the invalidation rule,
 * and the sentence before a joint answer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  customJointNote,
  holdingAnswerProblems,
  jointNoteFor,
  jointNoteOf,
  listNumbers,
  withholdingProblems,
} from "~/domain/answer-drafting";
import type { MembershipFact } from "~/domain/policy";
import {
  DEFAULT_CHAIN,
  applyFlag,
  canonicalAnswerContent,
  canonicalAnswerContentV1,
  canonicalAnswerContentV2,
  canonicalJson,
  chainFromTemplate,
  correctionStep,
  currentStep,
  isLastPendingStep,
  maySignStep,
  signaturesToInvalidate,
  type SignableContent,
} from "~/domain/sign-off";

const NORDERSTEDT = [
  { position: 1, label: "Sachbearbeiter/in", onlyWhenFlagged: null, signerRole: "clerk" },
  { position: 2, label: "Fachbereichsleiter/in", onlyWhenFlagged: null, signerRole: "department_head" },
  { position: 3, label: "Amtsleiter/in", onlyWhenFlagged: null, signerRole: "department_head" },
  {
    position: 4,
    label: "mitzeichnendes Amt",
    onlyWhenFlagged: "bei über-/ außerplanm. Ausgaben: Amt 11",
    signerRole: "co_signer",
  },
  { position: 5, label: "Stadtrat/Stadträtin", onlyWhenFlagged: null, signerRole: "councillor" },
  { position: 6, label: "Oberbürgermeisterin", onlyWhenFlagged: null, signerRole: "mayor" },
];

describe("chain from a template", () => {
  it("keeps the order and leaves the flagged step out unless the answer is flagged", () => {
    expect(chainFromTemplate(NORDERSTEDT, false).map((s) => s.status)).toEqual([
      "pending",
      "pending",
      "pending",
      "not_required",
      "pending",
      "pending",
    ]);
    expect(chainFromTemplate(NORDERSTEDT, true).every((s) => s.status === "pending")).toBe(true);
  });
  it("uses the default chain when the body configured none, and the executive for a step without a role", () => {
    expect(chainFromTemplate([], false).map((s) => s.signerRole)).toEqual(DEFAULT_CHAIN.map((s) => s.signerRole));
    expect(
      chainFromTemplate([{ position: 1, label: "Minister/in", onlyWhenFlagged: null, signerRole: null }], false)[0]!
        .signerRole,
    ).toBe("mayor");
  });
  it("switches the conditional step with the flag but never a signed step", () => {
    const steps = [
      { condition: "Amt 11", status: "not_required" },
      { condition: null, status: "pending" },
      { condition: "Amt 11", status: "signed" },
    ];
    expect(applyFlag(steps, true).map((s) => s.status)).toEqual(["pending", "pending", "signed"]);
    expect(applyFlag(applyFlag(steps, true), false).map((s) => s.status)).toEqual([
      "not_required",
      "pending",
      "signed",
    ]);
  });
});

describe("whose turn it is", () => {
  const steps = [
    { id: "a", position: 1, signerRole: "clerk", status: "signed" },
    { id: "b", position: 2, signerRole: "department_head", status: "pending" },
    { id: "c", position: 3, signerRole: "co_signer", status: "not_required" },
    { id: "d", position: 4, signerRole: "mayor", status: "pending" },
  ];
  it("is the first pending step; the last pending one approves", () => {
    expect(currentStep(steps)?.id).toBe("b");
    expect(isLastPendingStep(steps, steps[1]!)).toBe(false);
    const lastTurn = steps.map((s) => (s.id === "b" ? { ...s, status: "signed" } : s));
    expect(currentStep(lastTurn)?.id).toBe("d");
    expect(isLastPendingStep(lastTurn, lastTurn[3]!)).toBe(true);
  });
  const m = (role: MembershipFact["role"], organizationId = "lead", bodyId = "body"): MembershipFact => ({
    role,
    organizationId,
    bodyId,
  });
  it.each([
    ["department head of the lead department", [m("department_head")], true],
    ["department head of another department", [m("department_head", "other")], false],
    ["department head in another body", [m("department_head", "lead", "elsewhere")], false],
    ["clerk of the lead department (not the step's role)", [m("clerk")], false],
    ["mayor", [m("mayor", "executive")], false],
  ])("the department head's step, signed by a %s", (_name, memberships, expected) => {
    expect(maySignStep(memberships, "body", { signerRole: "department_head" }, "lead")).toBe(expected);
  });
  it("lets the executive sign the executive's step from any organisation of the body", () => {
    expect(maySignStep([m("mayor", "executive")], "body", { signerRole: "mayor" }, "lead")).toBe(true);
    expect(maySignStep([m("mayor", "executive")], "body", { signerRole: null }, "lead")).toBe(false);
  });
});

const content = (change: Partial<SignableContent> = {}): SignableContent => ({
  documentKind: "Mitteilungsvorlage",
  documentReference: "M 20/0226",
  title: "Videokonferenzen",
  issuedByLabel: "13 - Hauptamt",
  caseOfficerLabel: null,
  preamble: null,
  flagged: false,
  parts: [
    {
      position: 1,
      questionIds: ["q1"],
      jointNote: null,
      body: { type: "doc", content: [{ type: "paragraph" }] },
      withholding: null,
    },
    {
      position: 2,
      questionIds: ["q3", "q2"],
      jointNote: "Die Fragen 2 und 3 …",
      body: { content: [], type: "doc" },
      withholding: {
        reason: "it_security",
        subject: "Hersteller",
        publicJustification: "IT-Sicherheit",
        withheldText: "Geheim",
      },
    },
  ],
  ...change,
});

describe("canonical content", () => {
  it("does not depend on key order, part order or question order", () => {
    const a = content();
    const b = content({
      parts: [{ ...a.parts[1]!, questionIds: ["q2", "q3"], body: { type: "doc", content: [] } }, a.parts[0]!],
    });
    expect(canonicalAnswerContent(b)).toBe(canonicalAnswerContent(a));
  });
  it("treats blank and missing metadata alike and trims", () => {
    expect(canonicalAnswerContent(content({ caseOfficerLabel: "  " }))).toBe(
      canonicalAnswerContent(content({ caseOfficerLabel: null })),
    );
    expect(canonicalAnswerContent(content({ title: " Videokonferenzen " }))).toBe(canonicalAnswerContent(content()));
  });
  it.each([
    [
      "a word of the text",
      {
        parts: [
          {
            ...content().parts[0]!,
            body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] },
          },
          content().parts[1]!,
        ],
      },
    ],
    [
      "the withheld text",
      {
        parts: [
          content().parts[0]!,
          { ...content().parts[1]!, withholding: { ...content().parts[1]!.withholding!, withheldText: "Anders" } },
        ],
      },
    ],
    [
      "the questions a part answers",
      { parts: [{ ...content().parts[0]!, questionIds: ["q1", "q2"] }, content().parts[1]!] },
    ],
    ["the flag", { flagged: true }],
    ["the document reference", { documentReference: "M 20/0227" }],
  ])("changes with %s", (_name, change) => {
    expect(canonicalAnswerContent(content(change as Partial<SignableContent>))).not.toBe(
      canonicalAnswerContent(content()),
    );
  });
  it("canonicalJson sorts keys at every level and is stable under re-ordering (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(
          JSON.stringify(value, (_k, v: unknown) =>
            v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
          ),
        );
        expect(canonicalJson(reordered)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe("the invalidation rule", () => {
  it("invalidates exactly the valid signatures on other content", () => {
    const signatures = [
      { id: "1", contentHash: "old", invalidatedAt: null },
      { id: "2", contentHash: "new", invalidatedAt: null },
      { id: "3", contentHash: "old", invalidatedAt: new Date() },
    ];
    expect(signaturesToInvalidate(signatures, "new").map((s) => s.id)).toEqual(["1"]);
    expect(signaturesToInvalidate(signatures, "old").map((s) => s.id)).toEqual(["2"]);
  });
});

describe("joint answers and withholdings", () => {
  it.each([
    [[], null],
    [["1"], null],
    [["3", "4"], "Die Fragen 3 und 4 werden wegen des Sachzusammenhangs gemeinsam beantwortet."],
    [["1", "2", "5"], "Die Fragen 1, 2 und 5 werden wegen des Sachzusammenhangs gemeinsam beantwortet."],
  ])("%j → %s", (numbers, expected) => {
    expect(jointNoteFor(numbers)).toBe(expected);
  });
  it("lists numbers in German", () => expect(listNumbers(["1", "2a", "3"])).toBe("1, 2a und 3"));
  const NRW = "Die Fragen 3 und 4 werden wegen des bestehenden Sachzusammenhangs gemeinsam beantwortet.";
  const generated34 = "Die Fragen 3 und 4 werden wegen des Sachzusammenhangs gemeinsam beantwortet.";
  it.each([
    ["the author's own wording is kept exactly (the NRW seed)", ["3", "4"], NRW, generated34, NRW],
    ["an empty field gives the generated sentence", ["3", "4"], "   ", generated34, generated34],
    ["whitespace is tidied", ["3", "4"], `  ${NRW.replace(" ", "\n ")} `, "", NRW],
    [
      "an unchanged generated sentence follows the questions (no JavaScript, questions changed)",
      ["3", "4", "5"],
      generated34,
      generated34,
      "Die Fragen 3, 4 und 5 werden wegen des Sachzusammenhangs gemeinsam beantwortet.",
    ],
    ["a part that is not joint has no sentence, whatever was typed", ["3"], NRW, "", null],
  ] as const)("%s", (_label, numbers, custom, shown, expected) => {
    expect(jointNoteOf(numbers, custom, shown)).toBe(expected);
  });
  it("shows a stored sentence as the author's own only when it is not the generated one", () => {
    expect(customJointNote(NRW, ["3", "4"])).toBe(NRW);
    expect(customJointNote(generated34, ["3", "4"])).toBe("");
    expect(customJointNote(null, ["3", "4"])).toBe("");
  });
  it("an author's sentence survives the round trip of storing and showing it", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (typed) => {
        const stored = jointNoteOf(["1", "2"], typed);
        const shown = customJointNote(stored, ["1", "2"]);
        // Shown again and posted back unchanged, it is stored the same.
        expect(jointNoteOf(["1", "2"], shown || jointNoteFor(["1", "2"])!, jointNoteFor(["1", "2"])!)).toBe(stored);
      }),
    );
  });
  it("needs a known reason, a subject and a public justification", () => {
    expect(
      withholdingProblems({ reason: "it_security", subject: "S", publicJustification: "B", withheldText: "" }),
    ).toEqual([]);
    expect(
      withholdingProblems({ reason: "x", subject: " ", publicJustification: "", withheldText: "a".repeat(20_001) }),
    ).toEqual(["reason", "subject", "justification", "withheld_text_too_long"]);
  });
});

describe("holding answer", () => {
  it.each([
    ["Noch in Abstimmung.", "2026-12-03", []],
    ["Noch in Abstimmung.", "2026-12-02", ["expected_on"]],
    ["Noch in Abstimmung.", "2026-02-30", ["expected_on"]],
    ["  ", "2027-01-01", ["message"]],
  ])("%j by %s (today 2026-12-02) → %j", (message, expectedOn, problems) => {
    expect(holdingAnswerProblems(message, expectedOn, "2026-12-02")).toEqual(problems);
  });
});

describe("attachments in the signed content (ADR 0017)", () => {
  const pdf = { position: 1, title: "Anlage 1", sha256: "a".repeat(64), public: true };
  it("leaves the hash input of an answer without attachments as it was", () => {
    expect(canonicalAnswerContent(content({ attachments: [] }))).toBe(canonicalAnswerContent(content()));
  });
  it("changes when an attachment is added", () => {
    expect(canonicalAnswerContent(content({ attachments: [pdf] }))).not.toBe(canonicalAnswerContent(content()));
  });
  it.each([
    ["has other bytes", { ...pdf, sha256: "b".repeat(64) }],
    ["is marked non-public", { ...pdf, public: false }],
    ["is retitled", { ...pdf, title: "Anlage 2" }],
  ])("changes when an attachment %s", (_, changed) => {
    expect(canonicalAnswerContent(content({ attachments: [changed] }))).not.toBe(
      canonicalAnswerContent(content({ attachments: [pdf] })),
    );
  });
  it("orders attachments by position, not by how they were read", () => {
    const second = { ...pdf, position: 2, title: "Anlage 2", sha256: "c".repeat(64) };
    expect(canonicalAnswerContent(content({ attachments: [second, pdf] }))).toBe(
      canonicalAnswerContent(content({ attachments: [pdf, second] })),
    );
  });
});

describe("correctionStep", () => {
  const step = (position: number, status: string, signerRole: string | null) => ({
    id: `s${position}`,
    position,
    status,
    signerRole,
  });
  it.each([
    ["the last applying step", [step(1, "signed", "clerk"), step(2, "signed", "mayor")], "s2", "mayor"],
    [
      "not a step that did not apply",
      [step(1, "signed", "clerk"), step(2, "signed", "councillor"), step(3, "not_required", "co_signer")],
      "s2",
      "councillor",
    ],
    [
      "the mayor for a paper step without role",
      [step(1, "unrecorded", null), step(2, "unrecorded", null)],
      "s2",
      "mayor",
    ],
  ])("is %s", (_, steps, id, role) => {
    expect(correctionStep(steps)).toMatchObject({ id, signerRole: role });
  });
  it("is none without steps", () => {
    expect(correctionStep([])).toBeUndefined();
  });
});

describe("withheld passages in the signed content (ADR 0011, addendum)", () => {
  const passage = {
    key: "p1",
    reason: "it_security",
    subject: "Serverstandort",
    publicJustification: "IT-Sicherheit",
    withheldText: "RZ 7",
  };
  const withPassage = (change: Partial<typeof passage> = {}) =>
    content({
      parts: content().parts.map((part, i) => (i === 0 ? { ...part, passages: [{ ...passage, ...change }] } : part)),
    });

  it("keeps the v1 serialisation (and so every old hash) for content without passages", () => {
    const plain = content();
    expect(canonicalAnswerContent(plain)).toBe(canonicalAnswerContentV1(plain));
    expect(canonicalAnswerContent(content({ parts: plain.parts.map((p) => ({ ...p, passages: [] })) }))).toBe(
      canonicalAnswerContentV1(plain),
    );
    expect(canonicalAnswerContentV1(plain)).toContain('"format":"quaestio-answer-v1"');
  });

  it("serialises content with passages as v2, and any change of a passage changes it", () => {
    const base = canonicalAnswerContent(withPassage());
    expect(base).toContain('"format":"quaestio-answer-v2"');
    expect(base).toBe(canonicalAnswerContentV2(withPassage()));
    expect(base).not.toBe(canonicalAnswerContent(content()));
    for (const change of [
      { reason: "personal_data" },
      { subject: "Anderes" },
      { publicJustification: "Andere Begründung" },
      { withheldText: "RZ 8" },
      { key: "p2" },
    ]) {
      expect(canonicalAnswerContent(withPassage(change))).not.toBe(base);
    }
    expect(canonicalAnswerContent(withPassage({ subject: " Serverstandort " }))).toBe(base);
  });
});
