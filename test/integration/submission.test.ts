/**
 * Submission as one command (submitInquiry): the lifecycle engine's `submit` with numbering and the due date in
 * the same transaction, on the seeded demo drafts (each submitted by one test only; the refusals meet drafts of their
 * own, issue 9), on one backend (see below).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bodies, events, inquiries, inquiryTypes, referenceCounters, users } from "../../db/schema";
import { computeDueDate } from "../../app/domain/deadlines";
import { useDatabase } from "../../app/server/core/db.server";
import { numberedReference, receiptDate } from "../../app/domain/numbering";
import { NotFound, submitInquiry } from "../../app/server/inquiries/numbering.server";
import {
  StaleVersionError,
  TransitionRefused,
  membershipFactsOf,
  type TransitionActor,
} from "../../app/server/core/transitions.server";
import { oneBackend, useTestDatabase } from "../support/db";
import { draftCopyOf } from "../support/inquiry-copies";

const NRW_DRAFT = "Einsatz von Cloud-Diensten in den Landesbehörden";
const NORDERSTEDT_DRAFT = "Nutzung von Messenger-Diensten in der Verwaltung";

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): roles and due dates on submission are app code;
// numbering (including the race of 50 submissions) runs on both backends in numbering.test.ts, and the double-click
// race here is a real race only on the server.
describe.each(oneBackend())("submitting an inquiry on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => {
    useDatabase(t.handle); // the draft command of draftCopyOf uses the process-wide handle
  });

  async function actor(local: string, body: string): Promise<TransitionActor> {
    const [user] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, `${local}@${body}.quaestio.example`));
    if (!user) throw new Error(`no user ${local}@${body}`);
    return { userId: user.id, memberships: await membershipFactsOf(t.db, user.id) };
  }

  /** The demo inquiry `title`: the oldest of that title (the tests' own drafts below have the same title). */
  async function draft(title: string) {
    const [row] = await t.db
      .select()
      .from(inquiries)
      .where(eq(inquiries.title, title))
      .orderBy(asc(inquiries.createdAt))
      .limit(1);
    if (!row) throw new Error(`no inquiry ${title}`);
    return row;
  }

  /**
   * A test's own NRW draft like the demo one (issue 9): the refusals below must meet a draft whatever order the
   * tests run in, and the demo draft is the one the faction submits in another test.
   */
  async function ownNrwDraft() {
    const id = await draftCopyOf(t.db, NRW_DRAFT, "landtag-nrw");
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    expect(row!.status).toBe("draft");
    return row!;
  }

  async function typeContext(typeId: string) {
    const [row] = await t.db
      .select({
        code: inquiryTypes.code,
        referenceFormat: inquiryTypes.referenceFormat,
        rule: inquiryTypes.deadlineRule,
        label: inquiryTypes.deadlineRuleLabel,
        state: bodies.state,
        timeZone: bodies.timeZone,
      })
      .from(inquiryTypes)
      .innerJoin(bodies, eq(bodies.id, inquiryTypes.bodyId))
      .where(eq(inquiryTypes.id, typeId));
    return row!;
  }

  async function counter(row: { bodyId: string; typeId: string }, period: string) {
    const [c] = await t.db
      .select({ lastValue: referenceCounters.lastValue })
      .from(referenceCounters)
      .where(
        and(
          eq(referenceCounters.bodyId, row.bodyId),
          eq(referenceCounters.typeId, row.typeId),
          eq(referenceCounters.period, period),
        ),
      );
    return c?.lastValue ?? 0;
  }

  async function submitEvents(inquiryId: string) {
    return t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateType, "inquiry"), eq(events.aggregateId, inquiryId), eq(events.type, "submit")));
  }

  /** Everything a refused submission must leave untouched. */
  async function snapshot(row: { id: string; bodyId: string; typeId: string }, period: string) {
    const [current] = await t.db.select().from(inquiries).where(eq(inquiries.id, row.id));
    if (!current) throw new Error(`inquiry ${row.id} vanished`);
    return {
      status: current.status,
      version: current.version,
      reference: current.reference,
      dueOn: current.dueOn,
      counter: await counter(row, period),
      events: (await submitEvents(row.id)).length,
    };
  }

  it("the seeded references follow the numbering rule of new submissions", async () => {
    const nrw = await draft(NRW_DRAFT);
    const type = await typeContext(nrw.typeId);
    const numbered = await t.db
      .select({
        sequence: inquiries.sequence,
        reference: inquiries.reference,
        publicRef: inquiries.publicRef,
        period: inquiries.period,
      })
      .from(inquiries)
      .where(and(eq(inquiries.bodyId, nrw.bodyId), eq(inquiries.typeId, nrw.typeId)));
    const seeded = numbered.filter((r) => r.sequence !== null);
    expect(seeded.length).toBeGreaterThanOrEqual(2);
    for (const r of seeded) {
      const expected = numberedReference({
        referenceFormat: type.referenceFormat,
        typeCode: type.code,
        n: r.sequence!,
        period: r.period!,
      });
      expect({ reference: r.reference, publicRef: r.publicRef }).toEqual({
        reference: expected.reference,
        publicRef: expected.publicRef,
      });
    }
    expect(seeded.map((r) => r.publicRef)).toContain("kleine-anfrage-18-1");
  });

  it("a clerk, a member of another faction and a stale form cannot submit the draft; nothing changes", async () => {
    const nrw = await ownNrwDraft();
    const before = await snapshot(nrw, "18");
    const clerk = await actor("sachbearbeitung", "landtag-nrw");
    const office = await actor("ratsbuero", "landtag-nrw");
    const faction = await actor("fraktion", "landtag-nrw");
    const otherFaction: TransitionActor = {
      userId: faction.userId,
      memberships: [{ bodyId: nrw.bodyId, organizationId: randomUUID(), role: "faction_member" }],
    };
    const command = { inquiryId: nrw.id, bodyId: nrw.bodyId, expectedVersion: nrw.version };

    for (const who of [clerk, office, otherFaction]) {
      const error = await submitInquiry(t.db, { ...command, actor: who }).catch((e: unknown) => e);
      // The engine decides: whoever may not see the draft gets NotFound, whoever sees it a refusal.
      expect(error instanceof NotFound || (error instanceof TransitionRefused && error.reason === "forbidden")).toBe(
        true,
      );
    }
    await expect(submitInquiry(t.db, { ...command, actor: faction, expectedVersion: nrw.version - 1 })).rejects.toThrow(
      StaleVersionError,
    );
    expect(await snapshot(nrw, "18")).toEqual(before);
  });

  it("another body's user gets NotFound and nothing changes", async () => {
    const nrw = await ownNrwDraft();
    const before = await snapshot(nrw, "18");
    const stranger = await actor("fraktion", "norderstedt");
    const strangerBody = stranger.memberships[0]!.bodyId;
    await expect(
      submitInquiry(t.db, { inquiryId: nrw.id, bodyId: nrw.bodyId, expectedVersion: nrw.version, actor: stranger }),
    ).rejects.toThrow(NotFound);
    await expect(
      submitInquiry(t.db, { inquiryId: nrw.id, bodyId: strangerBody, expectedVersion: nrw.version, actor: stranger }),
    ).rejects.toThrow(NotFound);
    expect(await snapshot(nrw, "18")).toEqual(before);
  });

  it("a faction member submits the NRW demo draft: reference, publicRef, due date four weeks on, one submit event", async () => {
    const nrw = await draft(NRW_DRAFT);
    const type = await typeContext(nrw.typeId);
    const faction = await actor("fraktion", "landtag-nrw");
    const k = await counter(nrw, "18");
    const now = new Date();
    const today = receiptDate(now, type.timeZone);
    const due = computeDueDate(today, type.rule, { state: type.state });
    const expected = numberedReference({
      referenceFormat: type.referenceFormat,
      typeCode: type.code,
      n: k + 1,
      period: "18",
    });
    expect(type.rule).toMatchObject({ kind: "weeks", amount: 4 });
    expect(due.dueOn! >= today).toBe(true);

    const result = await submitInquiry(t.db, {
      inquiryId: nrw.id,
      bodyId: nrw.bodyId,
      actor: faction,
      expectedVersion: nrw.version,
      submissionKey: "submit-1",
      now,
    });

    expect(result).toEqual({
      inquiryId: nrw.id,
      status: "submitted",
      version: nrw.version + 1,
      sequence: k + 1,
      period: "18",
      reference: String(k + 1),
      publicRef: `kleine-anfrage-18-${k + 1}`,
      receivedOn: today,
      dueOn: due.dueOn,
      dueRuleLabel: type.label,
      alreadySubmitted: false,
    });
    expect(expected.publicRef).toBe(result.publicRef);
    expect(await draft(NRW_DRAFT)).toMatchObject({
      status: "submitted",
      version: nrw.version + 1,
      sequence: k + 1,
      reference: expected.reference,
      publicRef: expected.publicRef,
      submittedOn: today,
      receivedOn: today,
      dueOn: due.dueOn,
      dueRuleLabel: type.label,
    });
    expect(await counter(nrw, "18")).toBe(k + 1);
    const recorded = await submitEvents(nrw.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      bodyId: nrw.bodyId,
      actorUserId: faction.userId,
      public: false, // the demo draft is internal
      payload: {
        from: "draft",
        to: "submitted",
        reference: expected.reference,
        publicRef: expected.publicRef,
        period: "18",
        sequence: k + 1,
        receivedOn: today,
        dueOn: due.dueOn,
        dueRuleLabel: type.label,
        dueExplanation: due.explanation,
        submissionKey: "submit-1",
      },
    });
  });

  it("a double-clicked submit (at once, then again with the stale and the new version) gives one number and one event", async () => {
    const draftRow = await draft(NORDERSTEDT_DRAFT);
    const faction = await actor("fraktion", "norderstedt");
    const type = await typeContext(draftRow.typeId);
    const now = new Date();
    const period = receiptDate(now, type.timeZone).slice(0, 4);
    const k = await counter(draftRow, period);
    const submit = (expectedVersion: number) =>
      submitInquiry(t.db, { inquiryId: draftRow.id, bodyId: draftRow.bodyId, actor: faction, expectedVersion, now });

    const [a, b] = await Promise.all([submit(draftRow.version), submit(draftRow.version)]);
    const stale = await submit(draftRow.version);
    const fresh = await submit(draftRow.version + 1);

    const expected = numberedReference({
      referenceFormat: type.referenceFormat,
      typeCode: type.code,
      n: k + 1,
      period,
    });
    for (const r of [a, b, stale, fresh]) {
      expect(r).toMatchObject({
        status: "submitted",
        sequence: k + 1,
        reference: expected.reference,
        publicRef: expected.publicRef,
      });
    }
    expect([a, b, stale, fresh].filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    expect(await counter(draftRow, period)).toBe(k + 1);
    expect(await submitEvents(draftRow.id)).toHaveLength(1);
    expect((await draft(NORDERSTEDT_DRAFT)).version).toBe(draftRow.version + 1);

    // The duplicate answer is only for whoever could have submitted it: the clerk still gets the engine's error.
    const clerk = await actor("sachbearbeitung", "norderstedt");
    await expect(
      submitInquiry(t.db, {
        inquiryId: draftRow.id,
        bodyId: draftRow.bodyId,
        actor: clerk,
        expectedVersion: draftRow.version + 1,
        now,
      }),
    ).rejects.toThrow();
    expect(await submitEvents(draftRow.id)).toHaveLength(1);
  });
});
