import { describe, expect, it } from "vitest";
import {
  FIELD_JSON_MAX_BYTES,
  FIELD_TEXT_MAX_LENGTH,
  QUESTIONS_MAX,
  TITLE_MAX_LENGTH,
  applyQuestionOp,
  draftRights,
  draftingFactions,
  fieldSizeProblem,
  numberQuestions,
  parseQuestionOp,
  questionCountProblem,
  titleProblem,
  type DraftFacts,
  type QuestionLevel,
  type QuestionOp,
} from "~/domain/draft";
import type { MembershipFact } from "~/domain/policy";

describe("numberQuestions", () => {
  it.each<[string, QuestionLevel[], string[]]>([
    ["none", [], []],
    ["one", [0], ["1"]],
    ["three main questions", [0, 0, 0], ["1", "2", "3"]],
    ["sub-questions a, b under 2", [0, 0, 1, 1, 0], ["1", "2", "2a", "2b", "3"]],
    ["sub-questions restart per main question", [0, 1, 0, 1, 1], ["1", "1a", "2", "2a", "2b"]],
    ["a leading sub-question counts as main question", [1, 1, 0], ["1", "1a", "2"]],
  ])("%s", (_name, levels, numbers) => {
    expect(numberQuestions(levels).map((s) => s.number)).toEqual(numbers);
  });

  it("gives positions 1…n and points sub-questions at their parent", () => {
    expect(numberQuestions([0, 0, 1, 1, 0])).toEqual([
      { position: 1, number: "1", level: 0, parentIndex: null },
      { position: 2, number: "2", level: 0, parentIndex: null },
      { position: 3, number: "2a", level: 1, parentIndex: 1 },
      { position: 4, number: "2b", level: 1, parentIndex: 1 },
      { position: 5, number: "3", level: 0, parentIndex: null },
    ]);
  });

  it("never repeats a number, even with more than 26 sub-questions", () => {
    const numbers = numberQuestions([0, ...Array<QuestionLevel>(30).fill(1)]).map((s) => s.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.slice(25, 28)).toEqual(["1y", "1z", "1aa"]);
  });
});

describe("applyQuestionOp", () => {
  type Q = { id: string; level: QuestionLevel };
  const list = (spec: string): Q[] =>
    spec.split(" ").map((s) => ({ id: s.replace(">", ""), level: s.startsWith(">") ? 1 : 0 }));
  const show = (items: Q[]) => items.map((q) => (q.level === 1 ? `>${q.id}` : q.id)).join(" ");
  const blank = (level: QuestionLevel): Q => ({ id: "new", level });

  it.each<[string, string, QuestionOp, string]>([
    ["add appends a main question", "A B", { kind: "add" }, "A B new"],
    [
      "add_sub appends a sub-question after the last sub-question",
      "A >a B",
      { kind: "add_sub", index: 0 },
      "A >a >new B",
    ],
    ["add_sub from a sub-question adds to its parent", "A >a B", { kind: "add_sub", index: 1 }, "A >a >new B"],
    ["remove a question", "A B C", { kind: "remove", index: 1 }, "A C"],
    ["remove the first main question promotes its first sub-question", "A >a >b", { kind: "remove", index: 0 }, "a >b"],
    ["up moves a main question with its sub-questions", "A B >b C", { kind: "up", index: 1 }, "B >b A C"],
    ["up over a question with sub-questions", "A >a B", { kind: "up", index: 2 }, "B A >a"],
    ["up of the first question does nothing", "A B", { kind: "up", index: 0 }, "A B"],
    ["down moves a main question over the next block", "A >a B >b C", { kind: "down", index: 0 }, "B >b A >a C"],
    ["down of the last question does nothing", "A B", { kind: "down", index: 1 }, "A B"],
    ["a sub-question moves only among its siblings", "A >a >b B", { kind: "up", index: 2 }, "A >b >a B"],
    ["a first sub-question cannot move above its parent", "A >a B", { kind: "up", index: 1 }, "A >a B"],
    ["a last sub-question cannot move below its parent's block", "A >a B", { kind: "down", index: 1 }, "A >a B"],
    ["indent makes a sub-question of the previous question", "A B C", { kind: "indent", index: 1 }, "A >B C"],
    ["indent of the first question does nothing", "A B", { kind: "indent", index: 0 }, "A B"],
    ["outdent makes a main question", "A >a >b", { kind: "outdent", index: 1 }, "A a >b"],
    ["an index out of range does nothing", "A B", { kind: "remove", index: 5 }, "A B"],
  ])("%s", (_name, before, op, after) => {
    expect(show(applyQuestionOp(list(before), op, blank))).toBe(after);
  });

  it("does not change the list it was given", () => {
    const before = list("A B >b");
    applyQuestionOp(before, { kind: "up", index: 1 }, blank);
    expect(show(before)).toBe("A B >b");
  });
});

describe("parseQuestionOp", () => {
  it.each<[string, QuestionOp | null]>([
    ["add", { kind: "add" }],
    ["up:3", { kind: "up", index: 3 }],
    ["remove:0", { kind: "remove", index: 0 }],
    ["add_sub:2", { kind: "add_sub", index: 2 }],
    ["up", null],
    ["up:-1", null],
    ["up:1e3", null],
    ["drop:1", null],
    ["add:1", null],
  ])("%j", (value, op) => {
    expect(parseQuestionOp(value)).toEqual(op);
  });
});

describe("draftRights", () => {
  const BODY = "body-1";
  const FACTION = "faction-1";
  const member = (
    organizationId = FACTION,
    bodyId = BODY,
    role: MembershipFact["role"] = "faction_member",
  ): MembershipFact[] => [{ bodyId, organizationId, role }];
  const draft: DraftFacts = {
    bodyId: BODY,
    status: "draft",
    originatorOrganizationId: FACTION,
    createdByUserId: "creator",
    coauthorUserIds: ["coauthor"],
  };
  const R = (read: boolean, edit: boolean, del: boolean) => ({
    read,
    edit,
    submit: edit,
    delete: del,
    manageCoauthors: del,
  });

  it.each<[string, string, MembershipFact[], Partial<DraftFacts>, ReturnType<typeof R>]>([
    ["the creator may do everything", "creator", member(), {}, R(true, true, true)],
    ["a co-author may edit and submit, not delete", "coauthor", member(), {}, R(true, true, false)],
    ["another member of the faction may only read", "other", member(), {}, R(true, false, false)],
    ["a member of another faction sees nothing", "other", member("faction-2"), {}, R(false, false, false)],
    [
      "the same faction id in another body does not count",
      "other",
      member(FACTION, "body-2"),
      {},
      R(false, false, false),
    ],
    [
      "the council office sees nothing of a draft",
      "other",
      member(FACTION, BODY, "council_office"),
      {},
      R(false, false, false),
    ],
    ["a body admin sees nothing of a draft", "other", member("office", BODY, "body_admin"), {}, R(false, false, false)],
    ["a creator who left the faction loses every right", "creator", member("faction-2"), {}, R(false, false, false)],
    ["a co-author who left the faction loses every right", "coauthor", [], {}, R(false, false, false)],
    ["a submitted inquiry is no draft any more", "creator", member(), { status: "submitted" }, R(false, false, false)],
    [
      "a draft without originating faction belongs to nobody",
      "creator",
      member(),
      { originatorOrganizationId: null },
      R(false, false, false),
    ],
  ])("%s", (_name, userId, memberships, changes, rights) => {
    expect(draftRights({ userId, memberships }, { ...draft, ...changes })).toEqual(rights);
  });
});

describe("draftingFactions", () => {
  it("lists each faction of the user once and nothing else", () => {
    const memberships: MembershipFact[] = [
      { bodyId: "b1", organizationId: "f1", role: "faction_member" },
      { bodyId: "b1", organizationId: "office", role: "council_office" },
      { bodyId: "b2", organizationId: "f2", role: "faction_member" },
      { bodyId: "b1", organizationId: "f1", role: "faction_member" },
    ];
    expect(draftingFactions(memberships).map((m) => m.organizationId)).toEqual(["f1", "f2"]);
  });
});

describe("limits", () => {
  it.each<[string, string, ReturnType<typeof titleProblem>]>([
    ["a normal title", "Videokonferenzen", null],
    ["empty", "", "empty"],
    ["only spaces", "   ", "empty"],
    ["exactly the maximum", "x".repeat(TITLE_MAX_LENGTH), null],
    ["one over the maximum", "x".repeat(TITLE_MAX_LENGTH + 1), "too_long"],
  ])("title: %s", (_name, title, problem) => {
    expect(titleProblem(title)).toBe(problem);
  });

  it.each<[number, boolean, ReturnType<typeof questionCountProblem>]>([
    [0, false, null],
    [0, true, "none"],
    [1, true, null],
    [QUESTIONS_MAX, true, null],
    [QUESTIONS_MAX + 1, false, "too_many"],
    [200, true, "too_many"],
  ])("%i questions (submission: %s) → %s", (count, forSubmission, problem) => {
    expect(questionCountProblem(count, forSubmission)).toBe(problem);
  });

  it.each<[string, { jsonBytes: number; textLength?: number }, ReturnType<typeof fieldSizeProblem>]>([
    ["small", { jsonBytes: 100, textLength: 10 }, null],
    ["text at the maximum", { jsonBytes: 100_000, textLength: FIELD_TEXT_MAX_LENGTH }, null],
    ["text one over", { jsonBytes: 100_000, textLength: FIELD_TEXT_MAX_LENGTH + 1 }, "too_long_text"],
    ["JSON at the maximum", { jsonBytes: FIELD_JSON_MAX_BYTES }, null],
    ["JSON one byte over", { jsonBytes: FIELD_JSON_MAX_BYTES + 1 }, "too_large_json"],
    ["1 MB of text", { jsonBytes: 1_048_600, textLength: 1_048_576 }, "too_large_json"],
  ])("field size: %s", (_name, sizes, problem) => {
    expect(fieldSizeProblem(sizes)).toBe(problem);
  });
});

describe("clockTime", () => {
  it("shows the time of day in the body's time zone", async () => {
    const { clockTime } = await import("~/domain/draft");
    expect(clockTime(new Date("2026-11-23T13:05:00Z"), "Europe/Berlin")).toBe("14:05");
    expect(clockTime(new Date("2026-07-01T13:05:00Z"), "Europe/Berlin")).toBe("15:05");
  });
});

describe("editableText", () => {
  const p = (text: string) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
  const list = (type: string, ...items: unknown[]) => ({
    type,
    content: items.map((i) => ({ type: "listItem", content: Array.isArray(i) ? i : [p(String(i))] })),
  });
  it.each<[string, unknown, string]>([
    ["empty document", { type: "doc", content: [p("")] }, ""],
    ["paragraphs with a blank line between", { type: "doc", content: [p("Eins"), p("Zwei")] }, "Eins\n\nZwei"],
    [
      "a bullet list as '- ' lines",
      { type: "doc", content: [p("Vorher"), list("bulletList", "a", "b")] },
      "Vorher\n\n- a\n- b",
    ],
    [
      "an ordered list and a nested list, flattened",
      { type: "doc", content: [list("orderedList", [p("a"), list("bulletList", "a1")], "b")] },
      "- a\n- a1\n- b",
    ],
    [
      "a table as rows of cells",
      {
        type: "doc",
        content: [
          {
            type: "table",
            content: [
              {
                type: "tableRow",
                content: [
                  { type: "tableCell", content: [p("x")] },
                  { type: "tableCell", content: [p("y")] },
                ],
              },
            ],
          },
        ],
      },
      "x | y",
    ],
    [
      "bold text loses only its mark",
      {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "fett", marks: [{ type: "bold" }] }] }],
      },
      "fett",
    ],
  ])("%s", async (_name, doc, text) => {
    const { editableText } = await import("~/domain/draft");
    expect(editableText(doc)).toBe(text);
  });
});
