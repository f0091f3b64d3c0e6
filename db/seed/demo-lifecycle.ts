/**
 * FICTIONAL DEMO DATA — the machinery that writes the fictional demo cases of db/seed/demo-cases-*.ts.
 *
 * A case is a title, its questions and the history of what happened to it, as lifecycle events on days
 * relative to the day the seed runs (today in the body's time zone), so that "due soon", "overdue" and
 * "this week" have content on every fresh start. Each step is checked against the lifecycle table with the
 * engine's own `decide`, so the seed cannot write a history the application could not have produced; every
 * step writes its event row under the engine's name (public only where the table says so and the inquiry is
 * public) and leaves the inquiry in the state, with the version, the engine would have left it in.
 * Numbers are given per (body, type, period) in order of receipt, gapless, and the counters set to the last.
 */
import { and, eq } from "drizzle-orm";
import { answerLifecycle } from "../../app/domain/answer-lifecycle";
import { computeDueDate, type DeadlineCalendar } from "../../app/domain/deadlines";
import { isoDateInTimeZone } from "../../app/domain/format";
import { inquiryLifecycle } from "../../app/domain/inquiry-lifecycle";
import { decide, type TransitionFacts } from "../../app/domain/lifecycle";
import { motionLifecycle } from "../../app/domain/motion-lifecycle";
import { numberedReference, periodFor } from "../../app/domain/numbering";
import type { Role } from "../../app/domain/policy";
import { bodies, inquiryTypes, meetings, organizations, referenceCounters } from "../schema/index";
import type { DemoAccounts } from "./accounts";
import type { DemoDraftAnswer } from "./demo-answers";
import { insertDemoCase, type ResolvedCase } from "./demo-case-rows";
import { berlinNoon, first, type BodyAnchor, type Tx } from "./support";

/** A day relative to the seed day: 0 is today, -3 three days ago. */
export type Day = number;

export type MotionOutcome = "adopted" | "rejected" | "referred";

export type DemoStep =
  /** `dueWithin`: move the receipt up to 3 days from `day` so that the due date falls in [min, max]. */
  | { event: "submit"; day: Day; dueWithin?: [Day, Day] }
  | { event: "accept"; day: Day }
  | { event: "declare_inadmissible"; day: Day; reason: string }
  /** Lead is the body's answering department; contributors by organisation name. */
  | { event: "assign"; day: Day; contributors?: string[] }
  | { event: "start_answering"; day: Day }
  /** Granted on a department's request made on `requestedDay`; the new due date is moved off the weekend. */
  | { event: "extend_deadline"; day: Day; requestedDay: Day; newDueDay: Day; reason: string }
  | { event: "withdraw"; day: Day; publicNote: string }
  /** Sign-off from `day - 3`, approval `day - 1`, publication on `day`; one answer part per question. */
  | { event: "answer"; day: Day; documentKind: string; parts: string[] }
  | { event: "put_on_agenda"; day: Day; meeting: string }
  | { event: "decide"; meeting: string; decision: MotionOutcome; note: string }
  /** A department's request for more time that is still pending, or refused on `refused.day`. */
  | {
      event: "extension_requested";
      day: Day;
      requestedDueDay: Day;
      reason: string;
      refused?: { day: Day; note: string };
    };

export interface DemoCase {
  title: string;
  questions: string[];
  visibility: "public" | "internal";
  createdDay: Day;
  /** The body's second faction member is added as co-author on the day the draft is created. */
  coauthor?: boolean;
  steps: DemoStep[];
  /** The answer being drafted (for a case that ends in "answering"), built through the answer commands. */
  draftAnswer?: DemoDraftAnswer;
}

export interface DemoMeeting {
  /** An organisation of the body, by name. */
  organization: string;
  name: string;
  /** Moved off the weekend to the nearest weekday (Saturday → Friday, Sunday → Monday). */
  day: Day;
}

export interface DemoBody {
  anchor: BodyAnchor;
  accounts: DemoAccounts;
  /** Inquiry type code of the body (e.g. "anfrage"). */
  typeCode: string;
  /** Term for term-numbered types (Wahlperiode). */
  currentTerm?: string;
  meetings?: Record<string, DemoMeeting>;
  cases: DemoCase[];
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOffset(today: string, day: Day): Day {
  const weekday = new Date(`${addDays(today, day)}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? day - 1 : weekday === 0 ? day + 1 : day;
}

const LIFECYCLE_ROLE: Record<string, Role> = {
  submit: "faction_member",
  withdraw: "faction_member",
  start_answering: "clerk",
};

/** The seeding context shared by the cases of one body. */
export interface BodyContext {
  body: DemoBody;
  bodyId: string;
  timeZone: string;
  today: string;
  /** An instant on a relative day; `seq` orders the events of one case within a day. */
  at(day: Day, seq: number): Date;
  isoDay(day: Day): string;
  type: {
    id: string;
    code: string;
    lifecycle: "inquiry" | "motion";
    referenceFormat: string;
    numberingPeriod: "year" | "term";
    rule: typeof inquiryTypes.$inferSelect.deadlineRule;
    ruleLabel: string | null;
  };
  calendar: DeadlineCalendar;
  meetingIds: Record<string, { id: string; day: Day; date: string; items: number }>;
  organizationId(name: string): string;
}

/** Seeds one body's fictional cases; `now` fixes "today" for tests. */
export async function seedDemoBody(tx: Tx, body: DemoBody, now: Date): Promise<void> {
  const { bodyId } = body.anchor;
  const bodyRow = first(
    await tx.select({ state: bodies.state, timeZone: bodies.timeZone }).from(bodies).where(eq(bodies.id, bodyId)),
  );
  const today = isoDateInTimeZone(now, bodyRow.timeZone);
  const typeRow = first(
    await tx
      .select()
      .from(inquiryTypes)
      .where(and(eq(inquiryTypes.bodyId, bodyId), eq(inquiryTypes.code, body.typeCode))),
  );
  const orgRows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.bodyId, bodyId));
  const organizationId = (name: string) => {
    const row = orgRows.find((o) => o.name === name);
    if (!row) throw new Error(`demo data: no organisation "${name}" in ${body.anchor.slug}`);
    return row.id;
  };

  const meetingIds: BodyContext["meetingIds"] = {};
  for (const [key, m] of Object.entries(body.meetings ?? {})) {
    const day = weekdayOffset(today, m.day);
    const row = first(
      await tx
        .insert(meetings)
        .values({ bodyId, organizationId: organizationId(m.organization), name: m.name, date: addDays(today, day) })
        .returning({ id: meetings.id }),
    );
    meetingIds[key] = { id: row.id, day, date: addDays(today, day), items: 0 };
  }
  const meetingRows = await tx
    .select({ organizationId: meetings.organizationId, date: meetings.date })
    .from(meetings)
    .where(eq(meetings.bodyId, bodyId));

  const ctx: BodyContext = {
    body,
    bodyId,
    timeZone: bodyRow.timeZone,
    today,
    isoDay: (day) => addDays(today, day),
    at(day, seq) {
      // 09:00 in Berlin plus ten minutes per step, never later than now.
      const planned = berlinNoon(addDays(today, day)).getTime() - 3 * 3_600_000 + seq * 600_000;
      return new Date(Math.min(planned, now.getTime() - (200 - seq) * 1000));
    },
    type: {
      id: typeRow.id,
      code: typeRow.code,
      lifecycle: typeRow.lifecycle,
      referenceFormat: typeRow.referenceFormat,
      numberingPeriod: typeRow.numberingPeriod,
      rule: typeRow.deadlineRule,
      ruleLabel: typeRow.deadlineRuleLabel,
    },
    calendar: {
      state: bodyRow.state,
      meetings: meetingRows,
      organizationNames: Object.fromEntries(orgRows.map((o) => [o.id, o.name])),
    },
    meetingIds,
    organizationId,
  };

  const resolved = body.cases.map((c) => resolveCase(ctx, c));
  numberCases(ctx, resolved);
  for (const c of resolved) await insertDemoCase(tx, ctx, c);

  const lastByPeriod = new Map<string, number>();
  for (const c of resolved) {
    if (c.numbering)
      lastByPeriod.set(c.numbering.period, Math.max(lastByPeriod.get(c.numbering.period) ?? 0, c.numbering.sequence));
  }
  for (const [period, lastValue] of lastByPeriod) {
    await tx
      .insert(referenceCounters)
      .values({ bodyId, typeId: ctx.type.id, period, lastValue })
      .onConflictDoUpdate({
        target: [referenceCounters.bodyId, referenceCounters.typeId, referenceCounters.period],
        set: { lastValue },
      });
  }
}

/** The case with its receipt day, due date and states decided; numbering is added by numberCases. */
function resolveCase(ctx: BodyContext, c: DemoCase): ResolvedCase {
  const lifecycle = ctx.type.lifecycle === "motion" ? motionLifecycle : inquiryLifecycle;
  const submit = c.steps.find((s) => s.event === "submit");
  let receivedDay: Day | null = null;
  let due: { dueOn: string | null; explanation: string } | null = null;
  if (submit && submit.event === "submit") {
    const candidates = submit.dueWithin ? [0, -1, 1, -2, 2, -3, 3].map((d) => submit.day + d) : [submit.day];
    for (const day of candidates) {
      const result = computeDueDate(ctx.isoDay(day), ctx.type.rule, ctx.calendar);
      const [min, max] = submit.dueWithin ?? [-Infinity, Infinity];
      const dueOk =
        !submit.dueWithin ||
        (result.dueOn !== null && result.dueOn >= ctx.isoDay(min) && result.dueOn <= ctx.isoDay(max));
      if (dueOk && day <= 0) {
        receivedDay = day;
        due = result;
        break;
      }
    }
    if (receivedDay === null) throw new Error(`demo data: no receipt day gives "${c.title}" a due date in range`);
  }

  // Replays the history through the lifecycle tables; the states and versions are the engine's.
  let state = "draft";
  let version = 1;
  let dueOn = due?.dueOn ?? null;
  let lastDay = c.createdDay;
  const transitions: ResolvedCase["transitions"] = [];
  for (const step of c.steps) {
    if (step.event === "extension_requested") continue;
    const day =
      step.event === "submit" ? receivedDay! : step.event === "decide" ? ctx.meetingIds[step.meeting]!.day : step.day;
    if (day < lastDay || day > 0)
      throw new Error(`demo data: step ${step.event} of "${c.title}" is out of order or in the future`);
    lastDay = day;
    const facts: TransitionFacts = { currentDueOn: dueOn, publishedAnswerExists: step.event === "answer" };
    if (step.event === "declare_inadmissible") facts.reason = step.reason;
    if (step.event === "assign") facts.leadOrganizationId = ctx.body.anchor.answeringDepartmentId;
    if (step.event === "withdraw") facts.publicNote = step.publicNote;
    // A granted date falls on a weekday, as an office would set it.
    if (step.event === "extend_deadline")
      Object.assign(facts, { reason: step.reason, newDueOn: ctx.isoDay(weekdayOffset(ctx.today, step.newDueDay)) });
    // Recorded on the day of the meeting: the guard decision_meeting_held sees that meeting's date as today.
    if (step.event === "decide")
      Object.assign(facts, { decision: step.decision, decisionMeetingOn: ctx.isoDay(day), today: ctx.isoDay(day) });
    const role = LIFECYCLE_ROLE[step.event] ?? "council_office";
    const decision = decide(lifecycle, state, step.event, facts, [role]);
    if (!decision.ok)
      throw new Error(`demo data: "${c.title}": ${step.event} in ${state} refused: ${decision.message}`);
    transitions.push({ step, day, from: state, to: decision.to, publicEvent: decision.publicEvent, facts, role });
    state = decision.to;
    version += 1;
    if (step.event === "extend_deadline") dueOn = facts.newDueOn!;
  }
  if (c.steps.some((s) => s.event === "answer")) {
    // The answer's own transitions, checked against its table the same way.
    let answerState = "drafting";
    for (const [event, role, facts] of [
      ["send_to_sign_off", "clerk", { consultationOpen: false, requiredConsultationAnswered: true }],
      ["approve", "mayor", { allRequiredStepsSigned: true }],
      ["publish", "council_office", {}],
    ] as const) {
      const decision = decide(answerLifecycle, answerState, event, facts, [role]);
      if (!decision.ok) throw new Error(`demo data: answer of "${c.title}": ${event} refused`);
      answerState = decision.to;
    }
  }
  return { spec: c, state, version, receivedDay, due, dueOn, transitions, numbering: null };
}

/** Gapless numbers per period in order of receipt (then of listing), as submissions would have drawn them. */
function numberCases(ctx: BodyContext, cases: ResolvedCase[]) {
  const numbered = cases
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.receivedDay !== null)
    .sort((a, b) => a.c.receivedDay! - b.c.receivedDay! || a.index - b.index);
  const next = new Map<string, number>();
  for (const { c } of numbered) {
    const period = periodFor(ctx.type.numberingPeriod, {
      receivedOn: ctx.isoDay(c.receivedDay!),
      currentTerm: ctx.body.currentTerm,
    });
    const sequence = (next.get(period) ?? 0) + 1;
    next.set(period, sequence);
    const { reference, publicRef } = numberedReference({
      referenceFormat: ctx.type.referenceFormat,
      typeCode: ctx.type.code,
      n: sequence,
      period,
    });
    c.numbering = { period, sequence, reference, publicRef };
  }
}
