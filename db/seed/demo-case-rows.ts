/**
 * FICTIONAL DEMO DATA — writes one resolved demo case (see demo-lifecycle.ts): the inquiry in its final
 * state, its questions, originator, co-author, contributing departments, deadline extensions and requests,
 * answer, agenda item, and one event row per step with the engine's payload shape.
 */
import type { TransitionFacts } from "../../app/domain/lifecycle";
import type { Role } from "../../app/domain/policy";
import {
  agendaItems,
  answerPartQuestions,
  answerParts,
  answers,
  answerVersions,
  deadlineExtensions,
  extensionRequests,
  inquiries,
  inquiryAgendaItems,
  inquiryCoauthors,
  inquiryContributors,
  inquiryOriginators,
  organizations,
  questions,
} from "../schema/index";
import { eq } from "drizzle-orm";
import { isoDateInTimeZone } from "../../app/domain/format";
import { buildDemoAnswer } from "./demo-answers";
import { addDays, type BodyContext, type Day, type DemoCase, type DemoStep } from "./demo-lifecycle";
import { answeredEvents, first, insertEvents, paragraphs, richText, type SeedEvent, type Tx } from "./support";

/** Every fictional case says so in its preamble. */
export const FICTIONAL_NOTE = "Fiktiver Demo-Vorgang – nicht aus den Quelldokumenten.";

export interface ResolvedTransition {
  step: DemoStep;
  day: Day;
  from: string;
  to: string;
  publicEvent: boolean;
  facts: TransitionFacts;
  role: Role;
}

export interface ResolvedCase {
  spec: DemoCase;
  state: string;
  /** 1 plus one per transition, as the engine counts. */
  version: number;
  receivedDay: Day | null;
  due: { dueOn: string | null; explanation: string } | null;
  /** The due date after all extensions. */
  dueOn: string | null;
  transitions: ResolvedTransition[];
  numbering: { period: string; sequence: number; reference: string; publicRef: string } | null;
}

export async function insertDemoCase(tx: Tx, ctx: BodyContext, c: ResolvedCase): Promise<void> {
  const { bodyId } = ctx;
  const { spec, numbering } = c;
  const u = ctx.body.accounts.users;
  const factionId = ctx.body.accounts.organizations.faction;
  const lead = ctx.body.anchor.answeringDepartmentId;
  const isPublic = spec.visibility === "public";
  let seq = 0;
  const at = (day: Day) => ctx.at(day, seq++);
  const actorFor: Record<string, string> = {
    faction_member: u.faction,
    council_office: u.councilOffice,
    clerk: u.clerk,
  };
  const transitionOf = new Map(c.transitions.map((t) => [t.step, t]));
  const has = (event: DemoStep["event"]) => c.transitions.find((t) => t.step.event === event);
  const withdrawal = has("withdraw");
  const decision = has("decide");
  const lastDay = c.transitions.at(-1)?.day ?? spec.createdDay;
  if ((has("assign") || has("answer")) && !lead)
    throw new Error(`demo data: ${ctx.body.anchor.slug} has no answering department`);

  const createdAt = at(spec.createdDay);
  const inquiry = first(
    await tx
      .insert(inquiries)
      .values({
        bodyId,
        typeId: ctx.type.id,
        period: numbering?.period ?? null,
        sequence: numbering?.sequence ?? null,
        reference: numbering?.reference ?? null,
        publicRef: numbering?.publicRef ?? null,
        title: spec.title,
        ...richText("preamble", paragraphs(FICTIONAL_NOTE)),
        status: c.state as (typeof inquiries.$inferInsert)["status"],
        visibility: spec.visibility,
        originatorOrganizationId: factionId,
        leadOrganizationId: has("assign") ? lead : null,
        submittedOn: c.receivedDay === null ? null : ctx.isoDay(c.receivedDay),
        receivedOn: c.receivedDay === null ? null : ctx.isoDay(c.receivedDay),
        dueOn: c.dueOn,
        dueRuleLabel: numbering ? ctx.type.ruleLabel : null,
        withdrawnOn: withdrawal ? ctx.isoDay(withdrawal.day) : null,
        withdrawalNote: withdrawal?.facts.publicNote ?? null,
        motionDecision: decision?.step.event === "decide" ? decision.step.decision : null,
        motionDecisionNote: decision?.step.event === "decide" ? decision.step.note : null,
        createdByUserId: u.faction,
        createdAt,
        updatedAt: ctx.at(lastDay, 90),
        version: c.version,
      })
      .returning({ id: inquiries.id }),
  );
  const faction = first(
    await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, factionId)),
  );
  await tx.insert(inquiryOriginators).values({ inquiryId: inquiry.id, organizationId: factionId, label: faction.name });
  const questionRows = await tx
    .insert(questions)
    .values(
      spec.questions.map((body, i) => ({
        inquiryId: inquiry.id,
        position: i + 1,
        number: String(i + 1),
        ...richText("body", paragraphs(body)),
      })),
    )
    .returning({ id: questions.id });

  const events: SeedEvent[] = [];
  const inquiryEvent = (
    type: SeedEvent["type"],
    occurredOn: Date,
    actorUserId: string,
    payload: Record<string, unknown>,
    pub = false,
  ) =>
    events.push({
      bodyId,
      aggregateType: "inquiry",
      aggregateId: inquiry.id,
      type,
      occurredOn,
      public: pub,
      actorUserId,
      payload,
    });

  inquiryEvent("draft_created", createdAt, u.faction, { title: spec.title });
  if (spec.coauthor) {
    const coauthor = ctx.body.accounts.furtherFactionMembers[0];
    if (!coauthor) throw new Error(`demo data: ${ctx.body.anchor.slug} has no second faction member`);
    await tx.insert(inquiryCoauthors).values({ inquiryId: inquiry.id, userId: coauthor });
    inquiryEvent("coauthors_changed", at(spec.createdDay), u.faction, { added: [coauthor] });
  }

  const requestExtension = async (day: Day, requestedDueOn: string, reason: string) => {
    const request = first(
      await tx
        .insert(extensionRequests)
        .values({
          inquiryId: inquiry.id,
          requestedByOrganizationId: lead!,
          requestedByUserId: u.clerk,
          requestedDueOn,
          reason,
          createdAt: ctx.at(day, seq),
        })
        .returning({ id: extensionRequests.id }),
    );
    inquiryEvent("extension_requested", at(day), u.clerk, { requestId: request.id, requestedDueOn, reason });
    return request.id;
  };

  for (const step of spec.steps) {
    if (step.event === "extension_requested") {
      const requestId = await requestExtension(step.day, ctx.isoDay(step.requestedDueDay), step.reason);
      if (step.refused) {
        const decidedAt = at(step.refused.day);
        await tx
          .update(extensionRequests)
          .set({ status: "refused", decidedByUserId: u.councilOffice, decidedAt, decisionNote: step.refused.note })
          .where(eq(extensionRequests.id, requestId));
        inquiryEvent("extension_refused", decidedAt, u.councilOffice, { requestId, note: step.refused.note });
      }
      continue;
    }
    const t = transitionOf.get(step)!;
    const actor = actorFor[t.role]!;
    const pub = t.publicEvent && isPublic;
    const base = { from: t.from, to: t.to };

    if (step.event === "submit") {
      inquiryEvent(
        "submit",
        at(t.day),
        actor,
        {
          ...base,
          reference: numbering!.reference,
          publicRef: numbering!.publicRef,
          period: numbering!.period,
          sequence: numbering!.sequence,
          receivedOn: ctx.isoDay(t.day),
          dueOn: c.due?.dueOn ?? null,
          dueRuleLabel: ctx.type.ruleLabel,
          dueExplanation: c.due?.explanation ?? null,
        },
        pub,
      );
    } else if (step.event === "assign") {
      const when = at(t.day);
      inquiryEvent("assign", when, actor, { ...base, leadOrganizationId: lead }, pub);
      const contributorIds = (step.contributors ?? []).map((name) => ctx.organizationId(name));
      if (contributorIds.length > 0) {
        await tx
          .insert(inquiryContributors)
          .values(contributorIds.map((organizationId) => ({ inquiryId: inquiry.id, organizationId, addedAt: when })));
        inquiryEvent("contributors_changed", at(t.day), actor, { added: contributorIds });
      }
    } else if (step.event === "start_answering") {
      inquiryEvent("start_answering", at(t.day), actor, base, pub);
    } else if (step.event === "extend_deadline") {
      const requestId = await requestExtension(step.requestedDay, t.facts.newDueOn!, step.reason);
      const grantedAt = at(t.day);
      const extension = first(
        await tx
          .insert(deadlineExtensions)
          .values({
            inquiryId: inquiry.id,
            previousDueOn: t.facts.currentDueOn!,
            newDueOn: t.facts.newDueOn!,
            reason: step.reason,
            requestedByOrganizationId: lead,
            grantedByUserId: actor,
            grantedAt,
          })
          .returning({ id: deadlineExtensions.id }),
      );
      await tx
        .update(extensionRequests)
        .set({ status: "granted", decidedByUserId: actor, decidedAt: grantedAt, extensionId: extension.id })
        .where(eq(extensionRequests.id, requestId));
      inquiryEvent(
        "extend_deadline",
        grantedAt,
        actor,
        {
          ...base,
          reason: step.reason,
          previousDueOn: t.facts.currentDueOn,
          newDueOn: t.facts.newDueOn,
          extensionId: extension.id,
          requestId,
        },
        pub,
      );
    } else if (step.event === "answer") {
      await insertPublishedAnswer(tx, ctx, {
        inquiryId: inquiry.id,
        questionIds: questionRows.map((q) => q.id),
        step,
        day: t.day,
        isPublic,
        at,
        events,
      });
    } else if (step.event === "put_on_agenda") {
      const meeting = ctx.meetingIds[step.meeting]!;
      meeting.items += 1;
      const item = first(
        await tx
          .insert(agendaItems)
          .values({
            meetingId: meeting.id,
            number: String(meeting.items + 4),
            title: spec.title,
            position: meeting.items,
          })
          .returning({ id: agendaItems.id }),
      );
      await tx
        .insert(inquiryAgendaItems)
        .values({ inquiryId: inquiry.id, agendaItemId: item.id, purpose: "decision", roleLabel: "Entscheidung" });
      inquiryEvent(
        "put_on_agenda",
        at(t.day),
        actor,
        { ...base, meetingDate: meeting.date, agendaItem: String(meeting.items + 4), agendaItemId: item.id },
        pub,
      );
    } else {
      // accept, declare_inadmissible, withdraw, decide: the facts the guards checked are the payload.
      const facts: Record<string, unknown> = {};
      if (step.event === "declare_inadmissible") facts.reason = step.reason;
      if (step.event === "withdraw") facts.publicNote = step.publicNote;
      if (step.event === "decide") Object.assign(facts, { decision: step.decision, note: step.note });
      inquiryEvent(step.event, at(t.day), actor, { ...base, ...facts }, pub);
    }
  }
  await insertEvents(tx, events);
  // The answer of a case being answered, through the answer commands (db/seed/demo-answers.ts).
  if (c.state === "answering")
    await buildDemoAnswer(tx, {
      inquiryId: inquiry.id,
      accounts: ctx.body.accounts,
      isoDay: ctx.isoDay,
      realDay: (day) => addDays(isoDateInTimeZone(new Date(), ctx.timeZone), day),
      draft: spec.draftAnswer ?? null,
    });
}

async function insertPublishedAnswer(
  tx: Tx,
  ctx: BodyContext,
  a: {
    inquiryId: string;
    questionIds: string[];
    step: Extract<DemoStep, { event: "answer" }>;
    day: Day;
    isPublic: boolean;
    at: (day: Day) => Date;
    events: SeedEvent[];
  },
) {
  const u = ctx.body.accounts.users;
  const lead = ctx.body.anchor.answeringDepartmentId!;
  const [leadOrg] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, lead));
  const answer = first(
    await tx
      .insert(answers)
      // drafting → sign_off → approved → published: three transitions.
      .values({ bodyId: ctx.bodyId, inquiryId: a.inquiryId, status: "published", leadOrganizationId: lead, version: 4 })
      .returning({ id: answers.id }),
  );
  const signOff = a.at(a.day - 3);
  const approved = a.at(a.day - 1);
  const publishedAt = a.at(a.day);
  const version = first(
    await tx
      .insert(answerVersions)
      .values({
        answerId: answer.id,
        versionNumber: 1,
        documentKind: a.step.documentKind,
        documentDate: ctx.isoDay(a.day),
        issuedByLabel: leadOrg?.name ?? null,
        createdByUserId: u.clerk,
        publishedAt,
      })
      .returning({ id: answerVersions.id }),
  );
  for (const [i, text] of a.step.parts.entries()) {
    const part = first(
      await tx
        .insert(answerParts)
        .values({ versionId: version.id, position: i + 1, ...richText("body", paragraphs(text)) })
        .returning({ id: answerParts.id }),
    );
    const questionId = a.questionIds[i];
    if (!questionId) throw new Error("demo data: more answer parts than questions");
    await tx.insert(answerPartQuestions).values({ partId: part.id, questionId });
  }
  const answerEvent = (type: SeedEvent["type"], occurredOn: Date, actorUserId: string, from: string, to: string) =>
    a.events.push({
      bodyId: ctx.bodyId,
      aggregateType: "answer",
      aggregateId: answer.id,
      type,
      occurredOn,
      public: false,
      actorUserId,
      payload: { from, to, inquiryId: a.inquiryId },
    });
  answerEvent("send_to_sign_off", signOff, u.clerk, "drafting", "sign_off");
  answerEvent("approve", approved, u.executive, "sign_off", "approved");
  a.events.push(
    ...answeredEvents({
      bodyId: ctx.bodyId,
      inquiryId: a.inquiryId,
      answerId: answer.id,
      publishedAt,
      actorUserId: u.councilOffice,
      public: a.isPublic,
    }),
  );
}
