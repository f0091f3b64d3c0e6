/**
 * The fictional demo work: every state of the inquiry and motion lifecycles is there, numbering is gapless,
 * every event is one the application itself would write (same names, same order, same public flag) and the
 * open inquiries' deadlines are relative to the seed day, so that "overdue" and "due soon" are never empty.
 * Runs on PGlite, and on the PostgreSQL server too when TEST_DATABASE_URL is set.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/server/core/db.server";
import { seedDemoData } from "../../db/seed";
import { seedDemoBody, type DemoStep } from "../../db/seed/demo-lifecycle";
import {
  bodies,
  deadlineExtensions,
  events,
  extensionRequests,
  inquiries,
  inquiryAgendaItems,
  inquiryCoauthors,
  inquiryContributors,
  inquiryTypes,
  referenceCounters,
  users,
} from "../../db/schema/index";
import { findTransition } from "../../app/domain/lifecycle";
import { answerLifecycle, inquiryLifecycle, motionLifecycle } from "../../app/domain/lifecycles";
import { INQUIRY_STATES } from "../../app/domain/inquiry-lifecycle";
import { MOTION_STATES } from "../../app/domain/motion-lifecycle";
import { isoDateInTimeZone } from "../../app/domain/format";
import {
  NON_LIFECYCLE_INQUIRY_EVENTS,
  RECORDED_EVENTS,
  inquiryEventLabel,
  publicEventLabel,
} from "../../app/domain/labels";
import { numberedReference } from "../../app/domain/numbering";
import { loadPublicInquiry } from "../../app/server/public/inquiries.server";
import { backends, useTestDatabase } from "../support/db";

const FICTIONAL = "Fiktiver Demo-Vorgang";

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function allInquiries(db: Db) {
  return db
    .select({
      id: inquiries.id,
      body: bodies.slug,
      typeId: inquiries.typeId,
      typeCode: inquiryTypes.code,
      referenceFormat: inquiryTypes.referenceFormat,
      lifecycle: inquiryTypes.lifecycle,
      title: inquiries.title,
      preamble: inquiries.preambleText,
      status: inquiries.status,
      version: inquiries.version,
      visibility: inquiries.visibility,
      period: inquiries.period,
      sequence: inquiries.sequence,
      reference: inquiries.reference,
      publicRef: inquiries.publicRef,
      receivedOn: inquiries.receivedOn,
      dueOn: inquiries.dueOn,
      withdrawalNote: inquiries.withdrawalNote,
      motionDecision: inquiries.motionDecision,
      bodyId: inquiries.bodyId,
    })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId));
}

async function inquiryEvents(db: Db, inquiryId: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.aggregateType, "inquiry"), eq(events.aggregateId, inquiryId)))
    .orderBy(asc(events.occurredAt), asc(events.id));
}

/** The checks every seed day must pass; `now` is the seed day's instant. */
function lifecycleChecks(getDb: () => Db, getNow: () => Date) {
  it("has every inquiry state and every motion outcome, in more than one body", async () => {
    const rows = await allInquiries(getDb());
    const fictional = rows.filter((r) => r.preamble?.includes(FICTIONAL));
    const inquiryStates = new Set(fictional.filter((r) => r.lifecycle === "inquiry").map((r) => r.status));
    expect([...inquiryStates].sort()).toEqual([...INQUIRY_STATES].sort());
    const motionStates = new Set(fictional.filter((r) => r.lifecycle === "motion").map((r) => r.status));
    expect([...MOTION_STATES].filter((s) => s !== "withdrawn").every((s) => motionStates.has(s))).toBe(true);
    const outcomes = fictional
      .filter((r) => r.status === "decided")
      .map((r) => r.motionDecision)
      .sort();
    expect(outcomes).toEqual(["adopted", "referred", "rejected"]);
    expect(new Set(fictional.map((r) => r.body))).toEqual(new Set(["norderstedt", "landtag-nrw", "scharnebeck"]));
    expect(new Set(fictional.map((r) => r.visibility))).toEqual(new Set(["public", "internal"]));
  });

  it("keeps references gapless: counters equal the highest number per body, type and period", async () => {
    const db = getDb();
    const rows = (await allInquiries(db)).filter((r) => r.sequence !== null);
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.bodyId}|${r.typeId}|${r.period}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const counters = await db.select().from(referenceCounters);
    expect(counters).toHaveLength(groups.size);
    for (const [key, group] of groups) {
      const sequences = group.map((r) => r.sequence!).sort((a, b) => a - b);
      expect(sequences, key).toEqual(sequences.map((_, i) => i + 1));
      const counter = counters.find((c) => `${c.bodyId}|${c.typeId}|${c.period}` === key);
      expect(counter?.lastValue, key).toBe(sequences.length);
      for (const r of group) {
        const expected = numberedReference({
          referenceFormat: r.referenceFormat,
          typeCode: r.typeCode,
          n: r.sequence!,
          period: r.period!,
        });
        expect({ reference: r.reference, publicRef: r.publicRef }).toEqual({
          reference: expected.reference,
          publicRef: expected.publicRef,
        });
      }
      // Numbers follow the order of receipt.
      const byNumber = [...group].sort((a, b) => a.sequence! - b.sequence!);
      const receipts = byNumber.map((r) => r.receivedOn ?? "");
      expect(receipts, key).toEqual([...receipts].sort());
    }
  });

  it("writes only event names that the engine or the list of non-lifecycle names knows, each with a label", async () => {
    const db = getDb();
    const written = await db
      .selectDistinct({ type: events.type, public: events.public })
      .from(events)
      .where(inArray(events.aggregateType, ["inquiry", "answer", "consultation"]));
    const known = new Set<string>([
      ...inquiryLifecycle.events,
      ...motionLifecycle.events,
      ...answerLifecycle.events,
      ...NON_LIFECYCLE_INQUIRY_EVENTS,
      ...RECORDED_EVENTS,
    ]);
    expect(written.length).toBeGreaterThan(10);
    for (const { type, public: isPublic } of written) {
      expect(known.has(type), type).toBe(true);
      expect(inquiryEventLabel(type), type).not.toBe("Bearbeitungsschritt");
      if (isPublic) expect(publicEventLabel(type), type).not.toBe("Bearbeitungsschritt");
    }
  });

  it("gives each fictional inquiry the events that lead to its state, in order, public only where the table says", async () => {
    const db = getDb();
    const rows = (await allInquiries(db)).filter((r) => r.preamble?.includes(FICTIONAL));
    for (const r of rows) {
      const lifecycle = r.lifecycle === "motion" ? motionLifecycle : inquiryLifecycle;
      const log = await inquiryEvents(db, r.id);
      expect(log[0]?.type, r.title).toBe("draft_created");
      let state = "draft";
      let transitions = 0;
      for (const e of log) {
        expect(e.occurredAt.getTime(), `${r.title}: ${e.type} lies in the future`).toBeLessThanOrEqual(
          getNow().getTime(),
        );
        expect(e.actorUserId, `${r.title}: ${e.type}`).not.toBeNull();
        if (!(lifecycle.events as readonly string[]).includes(e.type)) {
          expect(e.public, `${r.title}: ${e.type}`).toBe(false);
          continue;
        }
        const row = findTransition(lifecycle, state, e.type);
        expect(row, `${r.title}: ${e.type} in ${state}`).toBeDefined();
        expect(e.public, `${r.title}: ${e.type}`).toBe(row!.publicEvent && r.visibility === "public");
        expect(e.payload).toMatchObject({ from: state, to: row!.to });
        state = row!.to;
        transitions += 1;
      }
      expect(state, r.title).toBe(r.status);
      expect(r.version, r.title).toBe(1 + transitions);
    }
  });

  it("an assigned inquiry has submit, accept and assign in that order, with its contributing department", async () => {
    const db = getDb();
    const assigned = (await allInquiries(db)).filter((r) => r.status === "assigned" && r.preamble?.includes(FICTIONAL));
    expect(assigned.length).toBeGreaterThan(0);
    for (const r of assigned) {
      const types = (await inquiryEvents(db, r.id))
        .map((e) => e.type)
        .filter((t) => (inquiryLifecycle.events as readonly string[]).includes(t));
      expect(types).toEqual(["submit", "accept", "assign"]);
    }
    const contributors = await db
      .select()
      .from(inquiryContributors)
      .where(
        inArray(
          inquiryContributors.inquiryId,
          assigned.map((r) => r.id),
        ),
      );
    expect(contributors.length).toBeGreaterThan(0);
  });

  it("records withdrawal notes, inadmissibility reasons, extensions, requests, co-authors and agenda links", async () => {
    const db = getDb();
    const rows = (await allInquiries(db)).filter((r) => r.preamble?.includes(FICTIONAL));
    const withdrawn = rows.find((r) => r.status === "withdrawn")!;
    expect(withdrawn.withdrawalNote?.trim()).toBeTruthy();
    expect((await inquiryEvents(db, withdrawn.id)).find((e) => e.type === "withdraw")).toMatchObject({
      public: withdrawn.visibility === "public",
      payload: { publicNote: withdrawn.withdrawalNote },
    });
    const inadmissible = rows.find((r) => r.status === "inadmissible")!;
    const declared = (await inquiryEvents(db, inadmissible.id)).find((e) => e.type === "declare_inadmissible");
    expect(String(declared?.payload.reason ?? "").length).toBeGreaterThan(20);

    const [extension] = await db.select().from(deadlineExtensions);
    const extended = rows.find((r) => r.id === extension!.inquiryId)!;
    expect(extended.dueOn).toBe(extension!.newDueOn);
    const extendEvent = (await inquiryEvents(db, extended.id)).find((e) => e.type === "extend_deadline");
    expect(extendEvent).toMatchObject({
      public: true,
      payload: { previousDueOn: extension!.previousDueOn, newDueOn: extension!.newDueOn },
    });

    const requests = await db.select().from(extensionRequests);
    expect(requests.map((q) => q.status).sort()).toEqual(["granted", "pending", "refused"]);
    expect(requests.find((q) => q.status === "granted")!.extensionId).toBe(extension!.id);

    const [coauthor] = await db
      .select({ email: users.email, status: inquiries.status })
      .from(inquiryCoauthors)
      .innerJoin(users, eq(users.id, inquiryCoauthors.userId))
      .innerJoin(inquiries, eq(inquiries.id, inquiryCoauthors.inquiryId));
    expect(coauthor).toEqual({ email: "fraktion2@norderstedt.quaestio.example", status: "draft" });

    const onAgenda = rows.filter((r) => r.status === "on_agenda" || r.status === "decided");
    const links = await db
      .select()
      .from(inquiryAgendaItems)
      .where(
        inArray(
          inquiryAgendaItems.inquiryId,
          onAgenda.map((r) => r.id),
        ),
      );
    expect(links).toHaveLength(onAgenda.length);
  });

  it("dates the open inquiries relative to the seed day: one overdue, one due within three days, one later", async () => {
    const today = isoDateInTimeZone(getNow(), "Europe/Berlin");
    const open = (await allInquiries(getDb())).filter(
      (r) =>
        ["submitted", "accepted", "assigned", "answering"].includes(r.status) && r.lifecycle === "inquiry" && r.dueOn,
    );
    expect(open.some((r) => r.dueOn! < today && r.dueOn! >= addDays(today, -7))).toBe(true);
    expect(open.some((r) => r.dueOn! >= today && r.dueOn! <= addDays(today, 3))).toBe(true);
    expect(open.some((r) => r.dueOn! > addDays(today, 7))).toBe(true);
    const received = open.map((r) => r.receivedOn!);
    expect(received.some((d) => d >= addDays(today, -7))).toBe(true);
  });
}

// The demo data as seeded today: the run's seeded template of each backend (global-db.ts loads it with the same
// seedDemoData, on each backend) instead of a third and fourth seed here; `now` is the moment it was seeded. The
// seed itself runs in this file in the block below (on another day) and in seed.test.ts, on both backends.
describe.each(backends())("demo lifecycle data on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  let now = new Date();

  beforeAll(() => {
    now = t.seededAt;
  });

  lifecycleChecks(
    () => t.db,
    () => now,
  );

  it("shows the real seeds' public timelines in the engine's names", async () => {
    const timeline = async (bodySlug: string, publicRef: string) =>
      (await loadPublicInquiry({ bodySlug, publicRef }, t.db))!.timeline.map((e) => [
        e.type,
        e.occurredOn,
        publicEventLabel(e.type),
      ]);
    expect(await timeline("landtag-nrw", "17-9511")).toEqual([
      ["submit", "2020-05-28", "eingereicht"],
      ["publish", "2020-07-07", "Antwort veröffentlicht"],
      ["answer", "2020-07-07", "beantwortet"],
    ]);
    expect(await timeline("norderstedt", "M-20-0226")).toEqual([
      ["submit", "2020-05-04", "eingereicht"],
      ["publish", "2020-06-15", "Antwort veröffentlicht"],
      ["answer", "2020-06-15", "beantwortet"],
    ]);
    expect(await timeline("hamburg", "SA-1-2021")).toEqual([
      ["letter_received", "2021-03-05", "Schreiben eingegangen"],
      ["publish", "2021-03-26", "Antwort veröffentlicht"],
      ["answer", "2021-03-26", "beantwortet"],
    ]);
    // The Scharnebeck Antrag carries no date, so it has no events.
    expect(await timeline("scharnebeck", "Antrag-1-2020")).toEqual([]);
  });

  it("refuses to seed a history the lifecycle tables do not allow, and writes nothing", async () => {
    const [norderstedt] = await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, "norderstedt"));
    const none = "00000000-0000-4000-8000-000000000000";
    const accounts = {
      users: { faction: none, councilOffice: none, clerk: none, dpo: none, executive: none, admin: none },
      furtherFactionMembers: [],
      signers: {},
      organizations: { faction: none, councilOffice: none, clerk: none, dpo: none, executive: none, admin: none },
    };
    const anchor = {
      bodyId: norderstedt!.id,
      slug: "norderstedt",
      shortName: "Norderstedt",
      factionId: null,
      answeringDepartmentId: none,
      dpoOfficeId: null,
      executiveId: none,
    };
    const before = (await t.db.select({ id: inquiries.id }).from(inquiries)).length;
    const impossible = (steps: DemoStep[]) =>
      t.db.transaction((tx) =>
        seedDemoBody(
          tx,
          {
            anchor,
            accounts,
            typeCode: "anfrage",
            cases: [{ title: "Unmöglich", questions: ["?"], visibility: "internal", createdDay: -5, steps }],
          },
          new Date(),
        ),
      );
    // Accepted without having been submitted; answered without an answer step; a step in the future.
    await expect(impossible([{ event: "accept", day: -1 }])).rejects.toThrow(/accept in draft refused/);
    await expect(
      impossible([
        { event: "submit", day: -3 },
        { event: "start_answering", day: -1 },
      ]),
    ).rejects.toThrow(/start_answering in submitted refused/);
    await expect(impossible([{ event: "submit", day: 2 }])).rejects.toThrow(/demo data/);
    expect((await t.db.select({ id: inquiries.id }).from(inquiries)).length).toBe(before);
  });

  it("shows a public fictional inquiry's timeline without its internal steps", async () => {
    const [extended] = await t.db.select({ inquiryId: deadlineExtensions.inquiryId }).from(deadlineExtensions);
    const [row] = await t.db
      .select({ publicRef: inquiries.publicRef })
      .from(inquiries)
      .where(eq(inquiries.id, extended!.inquiryId));
    const detail = await loadPublicInquiry({ bodySlug: "norderstedt", publicRef: row!.publicRef! }, t.db);
    expect(detail!.timeline.map((e) => e.type)).toEqual(["submit", "accept", "assign", "extend_deadline"]);
  });
});

describe.each(backends())("demo lifecycle data seeded on 4 January 2027 on %s", (backend) => {
  const t = useTestDatabase(backend);
  // A Monday after New Year: receipts fall into two years and deadlines around the holidays.
  const now = new Date("2027-01-04T08:30:00Z");

  beforeAll(async () => {
    await seedDemoData(t.db, { now });
  });

  lifecycleChecks(
    () => t.db,
    () => now,
  );
});
