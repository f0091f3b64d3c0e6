/**
 * The lifecycle tables: every (state, event) pair of every lifecycle is walked and only the pairs written
 * down here are allowed; roles and guards refuse with their German messages.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWER_EVENTS, ANSWER_STATES, answerLifecycle } from "~/domain/answer-lifecycle";
import { INQUIRY_EVENTS, INQUIRY_STATES, inquiryLifecycle } from "~/domain/inquiry-lifecycle";
import { decide, eventsFrom, isIsoDate, type GuardId, type Lifecycle, type TransitionFacts } from "~/domain/lifecycle";
import { lifecycles } from "~/domain/lifecycles";
import { MOTION_EVENTS, MOTION_STATES, motionLifecycle } from "~/domain/motion-lifecycle";
import { ALL_ROLES, type Role } from "~/domain/policy";
import { lifecycleText } from "~/domain/texts/lifecycle";

/** Facts under which every guard holds. */
const ALL_GOOD: TransitionFacts = {
  reason: "Umfangreiche Abstimmung zwischen den Ressorts",
  leadOrganizationId: "00000000-0000-0000-0000-000000000001",
  publishedAnswerExists: true,
  publicNote: "Die Fraktion zieht die Anfrage zurück, weil sich die Fragen erledigt haben.",
  currentDueOn: "2026-11-30",
  newDueOn: "2026-12-14",
  decision: "adopted",
  decisionMeetingOn: "2026-11-30",
  today: "2026-11-30",
  comment: "Bitte Frage 2 vollständig beantworten.",
  allRequiredStepsSigned: true,
  consultationOpen: false,
  correctionNote: "Zahl der Arbeitsplätze in Zeile 3 berichtigt.",
  requiredConsultationAnswered: true,
};

/** "from event to roles" — written independently of the tables, from DESIGN §3 and the issue. */
const EXPECTED: Record<string, string[]> = {
  inquiry: [
    "draft submit submitted faction_member",
    "submitted accept accepted council_office",
    "submitted declare_inadmissible inadmissible council_office",
    "accepted assign assigned council_office",
    "assigned start_answering answering clerk,department_head",
    "answering answer answered council_office",
    "submitted withdraw withdrawn faction_member",
    "accepted withdraw withdrawn faction_member",
    "assigned withdraw withdrawn faction_member",
    "answering withdraw withdrawn faction_member",
    "submitted extend_deadline submitted council_office",
    "accepted extend_deadline accepted council_office",
    "assigned extend_deadline assigned council_office",
    "answering extend_deadline answering council_office",
  ],
  motion: [
    "draft submit submitted faction_member",
    "submitted put_on_agenda on_agenda council_office",
    "on_agenda decide decided council_office",
    "submitted withdraw withdrawn faction_member",
    "on_agenda withdraw withdrawn faction_member",
  ],
  answer: [
    "drafting request_consultation consultation clerk,department_head",
    "consultation consultation_answered drafting clerk,department_head,dpo",
    "drafting send_to_sign_off sign_off clerk,department_head",
    "sign_off return_for_revision drafting co_signer,councillor,department_head,mayor",
    "sign_off revise drafting clerk,department_head",
    "sign_off approve approved mayor",
    "approved publish published council_office",
    "published correct published council_office",
  ],
};

const PUBLIC: Record<string, string[]> = {
  inquiry: ["submit", "accept", "declare_inadmissible", "assign", "answer", "withdraw", "extend_deadline"],
  motion: ["submit", "put_on_agenda", "decide", "withdraw"],
  answer: ["publish", "correct"],
};

const all: Array<[string, Lifecycle<string, string>, readonly string[], readonly string[]]> = [
  ["inquiry", inquiryLifecycle, INQUIRY_STATES, INQUIRY_EVENTS],
  ["motion", motionLifecycle, MOTION_STATES, MOTION_EVENTS],
  ["answer", answerLifecycle, ANSWER_STATES, ANSWER_EVENTS],
];

describe.each(all)("%s lifecycle", (name, lifecycle, states, events) => {
  const expected = new Map(
    EXPECTED[name]!.map((line) => {
      const [from, event, to, roles] = line.split(" ");
      return [`${from} ${event}`, { to: to!, roles: roles!.split(",") }];
    }),
  );

  it("is registered under its name and its table uses only its own states and events", () => {
    expect(lifecycles[name as keyof typeof lifecycles]).toBe(lifecycle);
    for (const row of lifecycle.transitions) {
      expect(states).toContain(row.from);
      expect(states).toContain(row.to);
      expect(events).toContain(row.event);
    }
  });

  it("has at most one row per (state, event)", () => {
    const keys = lifecycle.transitions.map((r) => `${r.from} ${r.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("allows exactly the expected (state, event) pairs — every pair walked", () => {
    let walked = 0;
    for (const state of states) {
      for (const event of events) {
        walked++;
        const result = decide(lifecycle, state, event, ALL_GOOD, ALL_ROLES);
        const want = expected.get(`${state} ${event}`);
        if (want) {
          expect(result, `${state} ${event}`).toMatchObject({ ok: true, to: want.to });
        } else {
          expect(result, `${state} ${event}`).toEqual({
            ok: false,
            reason: "not_allowed_in_state",
            message: lifecycleText.notAllowedInState(lifecycle.name, state, event),
          });
        }
      }
    }
    expect(walked).toBe(states.length * events.length);
    expect(lifecycle.transitions).toHaveLength(expected.size);
  });

  it("lets exactly the table's roles fire each event, each role on its own", () => {
    for (const [key, want] of expected) {
      const [state, event] = key.split(" ") as [string, string];
      for (const role of ALL_ROLES) {
        const result = decide(lifecycle, state, event, ALL_GOOD, [role]);
        if (want.roles.includes(role)) expect(result.ok, `${key} by ${role}`).toBe(true);
        else expect(result, `${key} by ${role}`).toMatchObject({ ok: false, reason: "forbidden" });
      }
      expect(decide(lifecycle, state, event, ALL_GOOD, [])).toMatchObject({ ok: false, reason: "forbidden" });
    }
  });

  it("marks the right events as public", () => {
    for (const row of lifecycle.transitions) {
      expect(row.publicEvent, `${row.from} ${row.event}`).toBe(PUBLIC[name]!.includes(row.event));
    }
  });

  it("refuses a transition when any one of its guards fails, naming that guard", () => {
    for (const row of lifecycle.transitions) {
      for (const guard of row.guards ?? []) {
        const facts = breakGuard(guard);
        const result = decide(lifecycle, row.from, row.event, facts, ALL_ROLES);
        expect(result, `${row.from} ${row.event} without ${guard}`).toEqual({
          ok: false,
          reason: "guard_failed",
          guard,
          message: lifecycleText.guard[guard],
        });
      }
    }
  });

  it("checks the role before the guards, so that an outsider learns nothing about missing facts", () => {
    for (const row of lifecycle.transitions.filter((r) => (r.guards ?? []).length > 0)) {
      const outsider = ALL_ROLES.filter((r) => !row.roles.includes(r));
      expect(decide(lifecycle, row.from, row.event, {}, outsider)).toMatchObject({ ok: false, reason: "forbidden" });
    }
  });

  it("property: decide allows an event only where the table has a row, and leads to that row's state", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...states, "unknown"),
        fc.constantFrom(...events, "unknown"),
        fc.subarray([...ALL_ROLES]),
        fc.record({
          reason: fc.option(fc.string()),
          publicNote: fc.option(fc.string()),
          comment: fc.option(fc.string()),
        }),
        (state, event, roles, partial) => {
          const result = decide(lifecycle, state, event, { ...ALL_GOOD, ...partial }, roles);
          const row = lifecycle.transitions.find((r) => r.from === state && r.event === event);
          if (result.ok) {
            expect(row).toBeDefined();
            expect(result.to).toBe(row!.to);
            expect(result.publicEvent).toBe(row!.publicEvent);
            expect(roles.some((r) => row!.roles.includes(r))).toBe(true);
          } else if (!row) {
            expect(result.reason).toBe("not_allowed_in_state");
          }
          expect(result.ok ? "" : result.message).not.toMatch(/undefined/);
        },
      ),
    );
  });
});

/** Facts that satisfy everything except `guard`. */
function breakGuard(guard: GuardId): TransitionFacts {
  const f = { ...ALL_GOOD };
  const broken: Record<GuardId, Partial<TransitionFacts>> = {
    reason_given: { reason: "   " },
    lead_department_given: { leadOrganizationId: null },
    published_answer_exists: { publishedAnswerExists: false },
    public_note_given: { publicNote: "" },
    due_date_set: { currentDueOn: null, newDueOn: "2026-12-14" },
    new_due_date_after_current: { newDueOn: "2026-11-30" },
    decision_given: { decision: "vertagt" },
    decision_meeting_held: { decisionMeetingOn: "2026-12-01" },
    comment_given: { comment: undefined },
    all_required_steps_signed: { allRequiredStepsSigned: false },
    no_open_consultation: { consultationOpen: true },
    correction_note_given: { correctionNote: "\n" },
    required_consultation_answered: { requiredConsultationAnswered: false },
  };
  return { ...f, ...broken[guard] };
}

describe("motion decision guard: a decision is recorded for a meeting that has taken place", () => {
  const decideMotion = (facts: TransitionFacts) =>
    decide(motionLifecycle, "on_agenda", "decide", { ...ALL_GOOD, ...facts }, ["council_office"]);

  it.each([
    ["the meeting was yesterday", "2026-11-29", "2026-11-30", true],
    ["the meeting is today", "2026-11-30", "2026-11-30", true],
    ["the meeting is tomorrow", "2026-12-01", "2026-11-30", false],
    ["the meeting is next year", "2027-01-15", "2026-11-30", false],
    ["no meeting chosen", null, "2026-11-30", false],
    ["no real date", "2026-02-30", "2026-11-30", false],
  ] as const)("%s → allowed: %s", (_label, decisionMeetingOn, today, ok) => {
    const result = decideMotion({ decisionMeetingOn, today });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result).toMatchObject({ reason: "guard_failed", guard: "decision_meeting_held" });
  });
});

describe("deadline extension guard", () => {
  const extend = (facts: TransitionFacts) =>
    decide(inquiryLifecycle, "answering", "extend_deadline", { ...ALL_GOOD, ...facts }, ["council_office"]);

  it.each([
    ["one day later", "2026-12-01", true],
    ["the same day", "2026-11-30", false],
    ["earlier", "2026-11-01", false],
    ["no real date", "2026-02-30", false],
    ["German notation", "01.12.2026", false],
    ["missing", null, false],
  ] as const)("new due date %s → allowed: %s", (_label, newDueOn, ok) => {
    expect(extend({ newDueOn }).ok).toBe(ok);
  });

  it("keeps the state: an extension is not a state change", () => {
    for (const state of ["submitted", "accepted", "assigned", "answering"] as const) {
      expect(decide(inquiryLifecycle, state, "extend_deadline", ALL_GOOD, ["council_office"])).toMatchObject({
        ok: true,
        to: state,
      });
    }
  });

  it("property: allowed exactly when the new date is a real date after the current one", () => {
    const day = fc
      .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (current, next) => {
        expect(extend({ currentDueOn: current, newDueOn: next }).ok).toBe(next > current);
      }),
    );
  });
});

describe("motion decision guard", () => {
  it.each([
    ["adopted", true],
    ["rejected", true],
    ["referred", true],
    ["angenommen", false],
    [null, false],
  ] as const)("decision %s → allowed: %s", (decision, ok) => {
    const held = { decisionMeetingOn: "2026-11-30", today: "2026-11-30" };
    expect(decide(motionLifecycle, "on_agenda", "decide", { decision, ...held }, ["council_office"]).ok).toBe(ok);
  });
});

describe("helpers and wording", () => {
  it("offers the events of a state", () => {
    expect(eventsFrom(inquiryLifecycle, "submitted").sort()).toEqual([
      "accept",
      "declare_inadmissible",
      "extend_deadline",
      "withdraw",
    ]);
    expect(eventsFrom(inquiryLifecycle, "answered")).toEqual([]);
    expect(eventsFrom(answerLifecycle, "published")).toEqual(["correct"]);
  });

  it("recognises real ISO dates only", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-1-1")).toBe(false);
  });

  it("explains refusals in German with the labels of state and event", () => {
    const refused = decide(inquiryLifecycle, "answered", "withdraw", ALL_GOOD, ["faction_member"]);
    expect(refused).toMatchObject({
      ok: false,
      message: "„Zurückziehen“ ist nicht möglich, solange die Anfrage den Status „beantwortet“ hat.",
    });
    const forbidden = decide(inquiryLifecycle, "submitted", "accept", ALL_GOOD, ["faction_member"]);
    expect(forbidden).toMatchObject({
      ok: false,
      message: "Sie haben in dieser Körperschaft keine Rolle, die „Annehmen“ erlaubt.",
    });
    for (const s of [...INQUIRY_STATES, ...MOTION_STATES, ...ANSWER_STATES]) expect(lifecycleText.state(s)).not.toBe(s);
    for (const e of [...INQUIRY_EVENTS, ...MOTION_EVENTS, ...ANSWER_EVENTS]) expect(lifecycleText.event(e)).not.toBe(e);
  });

  it("uses only known roles", () => {
    const known = new Set<Role>(ALL_ROLES);
    for (const lc of Object.values(lifecycles))
      for (const row of lc.transitions) for (const r of row.roles) expect(known.has(r)).toBe(true);
  });
});
