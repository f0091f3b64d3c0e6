/**
 * Gapless numbering and idempotent submission against the seeded demo data, on PGlite and (with
 * TEST_DATABASE_URL) on the PostgreSQL server — there also with 50 submissions racing on a pool of real
 * connections. Submission goes through the lifecycle engine (submitInquiry); its role and due-date behaviour
 * is tested in submission.test.ts.
 */
import { and, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { bodies, events, inquiries, inquiryTypes, memberships, referenceCounters } from "../../db/schema";
import type { Db } from "../../app/server/core/db.server";
import {
  NotFound,
  NumberingError,
  assignReference,
  submitInquiry,
  type SubmissionResult,
} from "../../app/server/inquiries/numbering.server";
import { membershipFactsOf } from "../../app/server/core/transitions.server";
import { backends, createSeededTestDatabase, type SeededTestDatabase } from "../support/db";
import { databaseUrl } from "../support/db-template";

/** 11:00 in Berlin on a weekday of November 2026: period "2026" for year-numbered types. */
const NOW = new Date("2026-11-20T10:00:00Z");

/** application_name of the racing connections, to find them in pg_stat_activity. */
const RACE_APPLICATION = "quaestio-numbering-race";

describe.each(backends())("numbering and submission on %s", (backend) => {
  let database: SeededTestDatabase;
  beforeAll(async () => {
    database = await createSeededTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });
  const db = () => database.db;

  async function typeOf(bodySlug: string, code: string) {
    const [row] = await db()
      .select({ bodyId: bodies.id, typeId: inquiryTypes.id })
      .from(inquiryTypes)
      .innerJoin(bodies, eq(bodies.id, inquiryTypes.bodyId))
      .where(and(eq(bodies.slug, bodySlug), eq(inquiryTypes.code, code)));
    if (!row) throw new Error(`no type ${code} in ${bodySlug}`);
    const [member] = await db()
      .select({ userId: memberships.userId, factionId: memberships.organizationId })
      .from(memberships)
      .where(and(eq(memberships.bodyId, row.bodyId), eq(memberships.role, "faction_member")))
      .limit(1);
    if (!member) throw new Error(`no faction member in ${bodySlug}`);
    return { ...row, userId: member.userId, factionId: member.factionId };
  }

  type Target = { bodyId: string; typeId: string; userId: string; factionId: string | null };

  /** Submits a freshly inserted draft (version 1) as the target's faction member, through the lifecycle engine. */
  async function submitDraft(
    using: Db,
    params: { inquiryId: string; bodyId: string; userId: string; submissionKey?: string; term?: string; now?: Date },
  ): Promise<SubmissionResult> {
    const { userId, ...rest } = params;
    return submitInquiry(using, {
      ...rest,
      actor: { userId, memberships: await membershipFactsOf(db(), userId) },
      expectedVersion: 1,
    });
  }

  /** Drafts inserted directly, as the faction's editor would leave them. */
  async function insertDrafts(target: Target, count = 1): Promise<string[]> {
    const rows = await db()
      .insert(inquiries)
      .values(
        Array.from({ length: count }, (_, i) => ({
          bodyId: target.bodyId,
          typeId: target.typeId,
          title: `Testentwurf ${i + 1}`,
          status: "draft" as const,
          originatorOrganizationId: target.factionId,
          createdByUserId: target.userId,
        })),
      )
      .returning({ id: inquiries.id });
    return rows.map((r) => r.id);
  }

  async function counter(target: { bodyId: string; typeId: string }, period: string): Promise<number> {
    const [row] = await db()
      .select({ lastValue: referenceCounters.lastValue })
      .from(referenceCounters)
      .where(
        and(
          eq(referenceCounters.bodyId, target.bodyId),
          eq(referenceCounters.typeId, target.typeId),
          eq(referenceCounters.period, period),
        ),
      );
    return row?.lastValue ?? 0;
  }

  async function submittedEvents(inquiryId: string) {
    return db()
      .select({
        payload: events.payload,
        actorUserId: events.actorUserId,
        bodyId: events.bodyId,
        public: events.public,
      })
      .from(events)
      .where(and(eq(events.aggregateType, "inquiry"), eq(events.aggregateId, inquiryId), eq(events.type, "submit")));
  }

  async function inquiry(id: string) {
    const [row] = await db().select().from(inquiries).where(eq(inquiries.id, id));
    return row!;
  }

  it("numbers a draft with the counter's next value and records one submitted event", async () => {
    const anfrage = await typeOf("norderstedt", "anfrage");
    const k = await counter(anfrage, "2026");
    expect(k).toBeGreaterThanOrEqual(2); // the demo data numbered two Anfragen in 2026
    const [id] = await insertDrafts(anfrage);

    const result = await submitDraft(db(), {
      inquiryId: id!,
      bodyId: anfrage.bodyId,
      userId: anfrage.userId,
      submissionKey: "k-1",
      now: NOW,
    });

    expect(result).toMatchObject({
      inquiryId: id,
      status: "submitted",
      sequence: k + 1,
      period: "2026",
      reference: `Anfrage ${k + 1}/2026`,
      publicRef: `Anfrage-${k + 1}-2026`,
      receivedOn: "2026-11-20",
      alreadySubmitted: false,
    });
    expect(await counter(anfrage, "2026")).toBe(k + 1);
    const row = await inquiry(id!);
    expect(row).toMatchObject({
      status: "submitted",
      sequence: k + 1,
      period: "2026",
      reference: `Anfrage ${k + 1}/2026`,
      publicRef: `Anfrage-${k + 1}-2026`,
      submittedOn: "2026-11-20",
      receivedOn: "2026-11-20",
      version: 2,
    });
    const recorded = await submittedEvents(id!);
    expect(recorded).toEqual([
      {
        bodyId: anfrage.bodyId,
        actorUserId: anfrage.userId,
        public: false,
        payload: expect.objectContaining({
          from: "draft",
          to: "submitted",
          reference: `Anfrage ${k + 1}/2026`,
          publicRef: `Anfrage-${k + 1}-2026`,
          period: "2026",
          sequence: k + 1,
          submissionKey: "k-1",
        }),
      },
    ]);

    // Submitting it again (a retry after a lost response) numbers nothing and records nothing.
    const again = await submitDraft(db(), { inquiryId: id!, bodyId: anfrage.bodyId, userId: anfrage.userId, now: NOW });
    expect(again).toMatchObject({
      alreadySubmitted: true,
      sequence: k + 1,
      reference: `Anfrage ${k + 1}/2026`,
      status: "submitted",
    });
    expect(await counter(anfrage, "2026")).toBe(k + 1);
    expect(await submittedEvents(id!)).toHaveLength(1);
    expect((await inquiry(id!)).version).toBe(2);
  });

  it("a double-clicked submit (two at once) gives one number and one event", async () => {
    const anfrage = await typeOf("norderstedt", "anfrage");
    const k = await counter(anfrage, "2026");
    const [id] = await insertDrafts(anfrage);
    const submit = () =>
      submitDraft(db(), { inquiryId: id!, bodyId: anfrage.bodyId, userId: anfrage.userId, now: NOW });

    const [a, b] = await Promise.all([submit(), submit()]);

    expect(a.reference).toBe(`Anfrage ${k + 1}/2026`);
    expect(b.reference).toBe(a.reference);
    expect(b.sequence).toBe(a.sequence);
    expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
    expect(await counter(anfrage, "2026")).toBe(k + 1);
    expect(await submittedEvents(id!)).toHaveLength(1);
    expect((await inquiry(id!)).version).toBe(2);
  });

  it("a transaction that takes a number and rolls back leaves no gap", async () => {
    const anfrage = await typeOf("norderstedt", "anfrage");
    const k = await counter(anfrage, "2026");
    let taken: number | undefined;
    await expect(
      db().transaction(async (tx) => {
        taken = (await assignReference(tx, { bodyId: anfrage.bodyId, typeId: anfrage.typeId, period: "2026" }))
          .sequence;
        throw new Error("abgebrochen");
      }),
    ).rejects.toThrow("abgebrochen");
    expect(taken).toBe(k + 1);
    expect(await counter(anfrage, "2026")).toBe(k);

    const [id] = await insertDrafts(anfrage);
    const result = await submitDraft(db(), {
      inquiryId: id!,
      bodyId: anfrage.bodyId,
      userId: anfrage.userId,
      now: NOW,
    });
    expect(result.sequence).toBe(k + 1);
  });

  it("another body's id does not find the draft, and nothing is numbered", async () => {
    const anfrage = await typeOf("norderstedt", "anfrage");
    const other = await typeOf("landtag-nrw", "kleine-anfrage");
    const k = await counter(anfrage, "2026");
    const [id] = await insertDrafts(anfrage);

    await expect(
      submitDraft(db(), { inquiryId: id!, bodyId: other.bodyId, userId: other.userId, now: NOW }),
    ).rejects.toThrow(NotFound);
    await expect(
      submitDraft(db(), { inquiryId: "not-a-uuid", bodyId: anfrage.bodyId, userId: anfrage.userId }),
    ).rejects.toThrow(NotFound);

    expect((await inquiry(id!)).status).toBe("draft");
    expect(await counter(anfrage, "2026")).toBe(k);
    expect(await submittedEvents(id!)).toHaveLength(0);
  });

  it("the year is the year of receipt in the body's time zone (New Year's Eve, 23:30 UTC, is 2027 in Berlin)", async () => {
    const anfrage = await typeOf("norderstedt", "anfrage");
    expect(await counter(anfrage, "2027")).toBe(0);
    const [first, second] = await insertDrafts(anfrage, 2);
    const newYear = new Date("2026-12-31T23:30:00Z");

    const a = await submitDraft(db(), {
      inquiryId: first!,
      bodyId: anfrage.bodyId,
      userId: anfrage.userId,
      now: newYear,
    });
    const b = await submitDraft(db(), {
      inquiryId: second!,
      bodyId: anfrage.bodyId,
      userId: anfrage.userId,
      now: newYear,
    });

    expect(a).toMatchObject({
      period: "2027",
      sequence: 1,
      reference: "Anfrage 1/2027",
      publicRef: "Anfrage-1-2027",
      receivedOn: "2027-01-01",
    });
    expect(b).toMatchObject({ period: "2027", sequence: 2, reference: "Anfrage 2/2027" });
    expect(await counter(anfrage, "2027")).toBe(2);
  });

  it("term-numbered types continue the current term of the latest numbered inquiry", async () => {
    const kleine = await typeOf("landtag-nrw", "kleine-anfrage");
    const k = await counter(kleine, "18");
    expect(k).toBeGreaterThanOrEqual(2); // demo data: two Kleine Anfragen of term 18
    const [id] = await insertDrafts(kleine);

    const result = await submitDraft(db(), { inquiryId: id!, bodyId: kleine.bodyId, userId: kleine.userId, now: NOW });

    expect(result).toMatchObject({
      period: "18",
      sequence: k + 1,
      reference: String(k + 1),
      publicRef: `kleine-anfrage-18-${k + 1}`,
    });

    // Große Anfrage has no numbered inquiry yet: the body's current term (18) applies; a passed term wins.
    const grosse = await typeOf("landtag-nrw", "grosse-anfrage");
    const [g1, g2] = await insertDrafts(grosse, 2);
    expect(
      await submitDraft(db(), { inquiryId: g1!, bodyId: grosse.bodyId, userId: grosse.userId, now: NOW }),
    ).toMatchObject({
      period: "18",
      sequence: 1,
      reference: "1",
      publicRef: "grosse-anfrage-18-1",
    });
    expect(
      await submitDraft(db(), { inquiryId: g2!, bodyId: grosse.bodyId, userId: grosse.userId, term: "19", now: NOW }),
    ).toMatchObject({ period: "19", sequence: 1, publicRef: "grosse-anfrage-19-1" });
  });

  it("without any known term, submission is refused in German and the draft stays a draft", async () => {
    const [body] = await db().select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, "hamburg"));
    const [type] = await db()
      .insert(inquiryTypes)
      .values({
        bodyId: body!.id,
        code: "buergerschaftsanfrage",
        name: "Schriftliche Kleine Anfrage",
        numberingPeriod: "term",
        referenceFormat: "Drs. {period}/{n}",
        deadlineRule: { kind: "calendar_days", amount: 8 },
        deadlineRuleLabel: "binnen acht Tagen",
      })
      .returning({ id: inquiryTypes.id });
    const [member] = await db()
      .select({ userId: memberships.userId, factionId: memberships.organizationId })
      .from(memberships)
      .where(and(eq(memberships.bodyId, body!.id), eq(memberships.role, "faction_member")))
      .limit(1);
    const target = { bodyId: body!.id, typeId: type!.id, userId: member!.userId, factionId: member!.factionId };
    const [id] = await insertDrafts(target);
    const { factionId: _faction, typeId: _type, ...who } = target;

    await expect(submitDraft(db(), { inquiryId: id!, ...who, now: NOW })).rejects.toThrow(NumberingError);
    await expect(submitDraft(db(), { inquiryId: id!, ...who, now: NOW })).rejects.toThrow(/Wahlperiode/);
    expect((await inquiry(id!)).status).toBe("draft");

    const result = await submitDraft(db(), { inquiryId: id!, ...who, term: "22", now: NOW });
    expect(result).toMatchObject({ period: "22", sequence: 1, reference: "Drs. 22/1", publicRef: "Drs-22-1" });
  });

  it("a format that would repeat another type's publicRef is refused in words, and no number is used up", async () => {
    const anfrage = await typeOf("norderstedt", "anfrage");
    const [type] = await db()
      .insert(inquiryTypes)
      .values({
        bodyId: anfrage.bodyId,
        code: "dringlichkeitsanfrage",
        name: "Dringlichkeitsanfrage",
        numberingPeriod: "year",
        referenceFormat: "Anfrage {n}/{period}", // as the ordinary Anfrage: "Anfrage-1-2026" exists already
        deadlineRule: { kind: "calendar_days", amount: 7 },
        deadlineRuleLabel: "binnen einer Woche",
      })
      .returning({ id: inquiryTypes.id });
    const target = { ...anfrage, typeId: type!.id };
    const [id] = await insertDrafts(target);

    await expect(
      submitDraft(db(), { inquiryId: id!, bodyId: target.bodyId, userId: target.userId, now: NOW }),
    ).rejects.toThrow(/„Anfrage-1-2026“ ist in dieser Körperschaft schon vergeben/);
    expect((await inquiry(id!)).status).toBe("draft");
    expect(await counter(target, "2026")).toBe(0);
  });

  /** A pool of real connections to this file's PostgreSQL database, for submissions that truly run at once. */
  async function withRacePool<T>(fn: (pool: Db, client: postgres.Sql) => Promise<T>): Promise<T> {
    const client = postgres(databaseUrl(process.env.TEST_DATABASE_URL!.trim(), database.location), {
      max: 20,
      onnotice: () => {},
      connection: { application_name: RACE_APPLICATION },
    });
    try {
      return await fn(drizzle(client, { schema, casing: "snake_case" }) as unknown as Db, client);
    } finally {
      await client.end({ timeout: 5 });
    }
  }

  async function waitingOnLocks(client: postgres.Sql): Promise<number> {
    const [row] = await client<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where application_name = ${RACE_APPLICATION} and wait_event_type = 'Lock'`;
    return row?.n ?? 0;
  }

  it.runIf(backend === "postgres")(
    "three submits of one draft that are all in flight at the same moment give one number and one event",
    async () => {
      const anfrage = await typeOf("norderstedt", "anfrage");
      const k = await counter(anfrage, "2026");
      const [id] = await insertDrafts(anfrage);
      const results = await withRacePool(async (pool, client) => {
        // Hold the draft's row so that all three submissions are under way before any can finish.
        const gate = await client.reserve();
        try {
          await gate`begin`;
          await gate`select id from inquiries where id = ${id!} for update`;
          const submits = [1, 2, 3].map((n) =>
            submitDraft(pool, {
              inquiryId: id!,
              bodyId: anfrage.bodyId,
              userId: anfrage.userId,
              submissionKey: `click-${n}`,
              now: NOW,
            }),
          );
          const deadline = Date.now() + 10_000;
          while ((await waitingOnLocks(client)) < 3) {
            if (Date.now() > deadline) throw new Error("the three submissions never waited together");
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await gate`commit`;
          return await Promise.all(submits);
        } finally {
          gate.release();
        }
      });
      expect(new Set(results.map((r) => r.reference))).toEqual(new Set([`Anfrage ${k + 1}/2026`]));
      expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
      expect(await counter(anfrage, "2026")).toBe(k + 1);
      expect(await submittedEvents(id!)).toHaveLength(1);
      expect((await inquiry(id!)).version).toBe(2);
    },
  );

  it.runIf(backend === "postgres")(
    "50 drafts submitted at once over 20 real connections get exactly the numbers k+1 … k+50",
    async () => {
      const anfrage = await typeOf("norderstedt", "anfrage");
      const k = await counter(anfrage, "2026");
      const ids = await insertDrafts(anfrage, 50);
      await withRacePool(async (pool, client) => {
        const settled = await Promise.allSettled(
          ids.map((inquiryId) =>
            submitDraft(pool, { inquiryId, bodyId: anfrage.bodyId, userId: anfrage.userId, now: NOW }),
          ),
        );
        // A violated unique constraint (or any other error) would show up here.
        const failures = settled
          .filter((s) => s.status === "rejected")
          .map((s) => String((s as PromiseRejectedResult).reason));
        expect(failures).toEqual([]);
        const results = settled.map((s) => (s as PromiseFulfilledResult<SubmissionResult>).value);

        const sequences = results.map((r) => r.sequence!).sort((a, b) => a - b);
        expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => k + 1 + i));
        expect(new Set(results.map((r) => r.publicRef)).size).toBe(50);
        expect(results.every((r) => !r.alreadySubmitted)).toBe(true);
        // The submissions really overlapped: the pool had to open more than one connection.
        const [row] = await client<{ connections: number }[]>`
          select count(*)::int as connections from pg_stat_activity where application_name = ${RACE_APPLICATION}`;
        expect(row?.connections ?? 0).toBeGreaterThan(1);
      });

      expect(await counter(anfrage, "2026")).toBe(k + 50);
      const stored = await db()
        .select({ sequence: inquiries.sequence, status: inquiries.status })
        .from(inquiries)
        .where(inArray(inquiries.id, ids));
      expect(stored.map((r) => r.sequence).sort((a, b) => a! - b!)).toEqual(
        Array.from({ length: 50 }, (_, i) => k + 1 + i),
      );
      expect(stored.every((r) => r.status === "submitted")).toBe(true);
      const recorded = await db()
        .select({ id: events.aggregateId })
        .from(events)
        .where(and(eq(events.type, "submit"), inArray(events.aggregateId, ids)));
      expect(recorded).toHaveLength(50);
    },
  );
});
