/**
 * Deadline reminders (scanDeadlines) on two NRW inquiries made by each test, next to the seeded demo data: one being
 * answered (due 30 November 2026, lead department = the demo clerk's) and one only submitted (due 14 December
 * 2026). Due soon by each user's days, in the body's time zone; overdue for the lead department and the
 * council office only; once per due date however often the scan runs; again after an extension; never for
 * deactivated accounts. Every scan gets its "now" explicitly, so the test does not depend on the day it runs
 * (the demo cases' dates are relative to the seed day; their reminders are told apart by inquiry and title). Each
 * test scans from the days it starts at and looks only at its own inquiries, so none depends on another's scans
 * (issue 9). On one backend (see below).
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inquiries, inquiryContributors, inquiryTypes } from "../../db/schema";
import { useDatabase } from "../../app/server/core/db.server";
import { scanDeadlines } from "../../app/server/notifications/deadline-reminders.server";
import { applyInquiryTransition } from "../../app/server/core/transitions.server";
import { oneBackend, useTestDatabase } from "../support/db";
import { accountLike } from "../support/users";
import {
  actorOf,
  addDepartment,
  addUser,
  mailsTo,
  membershipOf,
  notificationsFor,
  setPreference,
  userId,
} from "../support/notifications-fixtures";

const ANSWERING = "Fristerinnerung (Test): Vorgang in Beantwortung";
const SUBMITTED = "Fristerinnerung (Test): eingegangener Vorgang";
const nrw = (local: string) => `${local}@landtag-nrw.quaestio.example`;
const OFFICE = nrw("ratsbuero");
const CLERK = nrw("sachbearbeitung");
const FACTION = nrw("fraktion");
const CONTRIBUTOR = "beteiligt@frist.example";
const MAIL_ONLY = "nur-mail@frist.example";
const FORMER = "ehemals@frist.example";

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): the deadline scan computes due-soon and overdue in app
// code (the body's time zone included); its query is tested on both backends in lists-and-counts.test.ts.
describe.each(oneBackend())("deadline reminders on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  const ids: Record<string, string> = {};
  let bodyId: string;
  let leadOrganizationId: string;
  let factionOrganizationId: string;
  let typeId: string;
  let contributing: string;
  let cases = 0;

  beforeAll(async () => {
    useDatabase(t.handle);
    const clerk = await membershipOf(t.db, CLERK);
    bodyId = clerk.bodyId;
    leadOrganizationId = clerk.organizationId;
    contributing = await addDepartment(t.db, clerk.bodyId, "Beteiligtes Ressort (Test)");
    await addUser(t.db, { email: CONTRIBUTOR, bodyId: clerk.bodyId, organizationId: contributing, role: "clerk" });
    await addUser(t.db, {
      email: MAIL_ONLY,
      bodyId: clerk.bodyId,
      organizationId: clerk.organizationId,
      role: "department_head",
    });
    await addUser(t.db, {
      email: FORMER,
      bodyId: clerk.bodyId,
      organizationId: clerk.organizationId,
      role: "clerk",
      active: false,
    });
    for (const email of [OFFICE, CLERK, FACTION, CONTRIBUTOR, MAIL_ONLY, FORMER])
      ids[email] = await userId(t.db, email);
    factionOrganizationId = (await membershipOf(t.db, FACTION)).organizationId;
    const [type] = await t.db
      .select({ id: inquiryTypes.id })
      .from(inquiryTypes)
      .where(and(eq(inquiryTypes.bodyId, clerk.bodyId), eq(inquiryTypes.code, "kleine-anfrage")));
    typeId = type!.id;
    await setPreference(t.db, ids[MAIL_ONLY]!, "due_soon", { inApp: false, email: true });
  });

  /**
   * Each test's own two inquiries (issue 9: no test depends on the reminders an earlier test's scans wrote): one
   * being answered, due 30 November 2026, with the clerk's department as lead and the test department
   * contributing, and one only submitted, due 14 December 2026. Titles numbered, so that mails are told apart.
   */
  async function newCase() {
    const n = ++cases;
    const answeringTitle = `${ANSWERING} (${n})`;
    const insert = async (
      values: Omit<typeof inquiries.$inferInsert, "bodyId" | "typeId" | "originatorOrganizationId">,
    ) => {
      const [row] = await t.db
        .insert(inquiries)
        .values({ bodyId, typeId, originatorOrganizationId: factionOrganizationId, ...values })
        .returning({ id: inquiries.id });
      return row!.id;
    };
    const answeringId = await insert({
      title: answeringTitle,
      status: "answering",
      reference: `T ${n}.1`,
      receivedOn: "2026-10-30",
      dueOn: "2026-11-30",
      leadOrganizationId,
    });
    const submittedId = await insert({
      title: `${SUBMITTED} (${n})`,
      status: "submitted",
      reference: `T ${n}.2`,
      receivedOn: "2026-11-13",
      dueOn: "2026-12-14",
    });
    await t.db.insert(inquiryContributors).values({ inquiryId: answeringId, organizationId: contributing });
    return { answeringId, answeringTitle, submittedId };
  }

  /** The scans of "three days before" below: from the 27th in Berlin, three times. */
  async function scanFromThreeDaysBefore() {
    await scanDeadlines(t.db, new Date("2026-11-26T23:30:00Z"));
    await scanDeadlines(t.db, new Date("2026-11-27T08:00:00Z"));
    await scanDeadlines(t.db, new Date("2026-11-28T08:00:00Z"));
  }

  const reminders = async (email: string, inquiryId: string) =>
    (await notificationsFor(t.db, ids[email]!, inquiryId))
      .filter((n) => n.kind === "due_soon" || n.kind === "overdue")
      .map((n) => n.dedupeKey);
  const soon = (dueOn: string, id: string) => `due_soon:${id}:${dueOn}`;
  /** The reminder mails about the case's answering inquiry (demo cases may be due around the same days). */
  const dueSoonMails = async (email: string, answeringTitle: string) =>
    (await mailsTo(t.db, email)).filter(
      (m) => m.subject.includes("Frist läuft bald ab") && m.subject.includes(answeringTitle),
    );

  it("nothing four days before the due date (default: 3 days), in the body's time zone", async () => {
    const { answeringId } = await newCase();
    // 22:30 UTC on 26 November is 23:30 in Berlin: still the 26th, four days before.
    await scanDeadlines(t.db, new Date("2026-11-26T22:30:00Z"));
    for (const email of [OFFICE, CLERK, CONTRIBUTOR, MAIL_ONLY])
      expect(await reminders(email, answeringId)).toEqual([]);
  });

  it("three days before: lead and contributing departments and the council office, once however often the scan runs", async () => {
    const { answeringId, answeringTitle } = await newCase();
    // 23:30 UTC on 26 November is already the 27th in Berlin.
    const first = await scanDeadlines(t.db, new Date("2026-11-26T23:30:00Z"));
    await scanDeadlines(t.db, new Date("2026-11-27T08:00:00Z"));
    await scanDeadlines(t.db, new Date("2026-11-28T08:00:00Z"));
    expect(first.dueSoon).toBeGreaterThanOrEqual(4);
    for (const email of [OFFICE, CLERK, CONTRIBUTOR])
      expect(await reminders(email, answeringId)).toEqual([soon("2026-11-30", answeringId)]);
    expect(await reminders(FACTION, answeringId)).toEqual([]);
    expect(await reminders(FORMER, answeringId)).toEqual([]);
    expect(await mailsTo(t.db, FORMER)).toEqual([]);
    // The clerk wants due_soon by e-mail (default): exactly one mail for three scans.
    expect(await dueSoonMails(CLERK, answeringTitle)).toHaveLength(1);
  });

  it("e-mail only: one mail, and the reminder is recorded as read so that it is not sent again", async () => {
    const { answeringId, answeringTitle } = await newCase();
    await scanFromThreeDaysBefore();
    expect(await dueSoonMails(MAIL_ONLY, answeringTitle)).toHaveLength(1);
    const [record] = await notificationsFor(t.db, ids[MAIL_ONLY]!, answeringId);
    expect(record!.readAt).not.toBeNull();
  });

  it("each user's own number of days: 20 days brings the submitted inquiry due on 14 December", async () => {
    const { submittedId } = await newCase();
    // A council office account of its own (like the demo one): its 20 days must not reach the other tests.
    const office = nrw("ratsbuero-zwanzig-tage");
    ids[office] = await accountLike(t.db, OFFICE, office);
    // With the default three days, the scans of the 27th and 28th leave the submitted inquiry alone.
    await scanFromThreeDaysBefore();
    expect(await reminders(office, submittedId)).toEqual([]);
    await setPreference(t.db, ids[office]!, "due_soon", { inApp: true, email: false, dueSoonDays: 20 });
    await scanDeadlines(t.db, new Date("2026-11-28T08:00:00Z"));
    expect(await reminders(office, submittedId)).toEqual([soon("2026-12-14", submittedId)]);
    // Not yet assigned: no department hears of its deadline.
    expect(await reminders(CLERK, submittedId)).toEqual([]);
  });

  it("overdue the day after the due date: lead department and council office, not the contributors", async () => {
    const { answeringId } = await newCase();
    await scanFromThreeDaysBefore();
    await scanDeadlines(t.db, new Date("2026-12-01T07:00:00Z"));
    await scanDeadlines(t.db, new Date("2026-12-02T07:00:00Z"));
    const overdue = `overdue:${answeringId}:2026-11-30`;
    expect(await reminders(CLERK, answeringId)).toEqual([soon("2026-11-30", answeringId), overdue]);
    expect(await reminders(OFFICE, answeringId)).toEqual([soon("2026-11-30", answeringId), overdue]);
    expect(await reminders(CONTRIBUTOR, answeringId)).toEqual([soon("2026-11-30", answeringId)]);
    expect(await reminders(FORMER, answeringId)).toEqual([]);
  });

  it("closed inquiries get no reminders", async () => {
    const { submittedId } = await newCase();
    // Three days before its due date of 14 December: the council office is reminded once.
    await scanDeadlines(t.db, new Date("2026-12-11T08:00:00Z"));
    expect(await reminders(OFFICE, submittedId)).toEqual([soon("2026-12-14", submittedId)]);
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, submittedId));
    await applyInquiryTransition(t.db, {
      inquiryId: submittedId,
      bodyId: row!.bodyId,
      expectedVersion: row!.version,
      event: "withdraw",
      actor: await actorOf(t.db, FACTION),
      facts: { publicNote: "Erledigt." },
    });
    // Past its due date of 14 December, but withdrawn: no overdue reminder.
    await scanDeadlines(t.db, new Date("2026-12-20T08:00:00Z"));
    expect(await reminders(OFFICE, submittedId)).toEqual([soon("2026-12-14", submittedId)]);
  });

  it("an extension gives a new due date and so a new reminder before it", async () => {
    const { answeringId } = await newCase();
    // Reminded three days before the first due date, overdue the day after it.
    await scanFromThreeDaysBefore();
    await scanDeadlines(t.db, new Date("2026-12-01T07:00:00Z"));
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, answeringId));
    await applyInquiryTransition(t.db, {
      inquiryId: answeringId,
      bodyId: row!.bodyId,
      expectedVersion: row!.version,
      event: "extend_deadline",
      actor: await actorOf(t.db, OFFICE),
      facts: { reason: "Abstimmung mit den Ressorts", newDueOn: "2026-12-18" },
    });
    await scanDeadlines(t.db, new Date("2026-12-10T08:00:00Z"));
    expect(await reminders(CLERK, answeringId)).toEqual([
      soon("2026-11-30", answeringId),
      `overdue:${answeringId}:2026-11-30`,
    ]);
    await scanDeadlines(t.db, new Date("2026-12-15T08:00:00Z"));
    await scanDeadlines(t.db, new Date("2026-12-16T08:00:00Z"));
    expect(await reminders(CLERK, answeringId)).toEqual([
      soon("2026-11-30", answeringId),
      `overdue:${answeringId}:2026-11-30`,
      soon("2026-12-18", answeringId),
    ]);
    expect(await reminders(CONTRIBUTOR, answeringId)).toEqual([
      soon("2026-11-30", answeringId),
      soon("2026-12-18", answeringId),
    ]);
  });
});

// Always on PGlite (the embedded database's own behaviour, not the app's logic): PGlite runs every statement on
// this thread and its promises resolve as microtasks, so only there does a scan without a yield starve the server.
describe("deadline scan on PGlite", () => {
  const t = useTestDatabase("pglite", { seeded: true });
  it("lets the server answer while it scans: the event loop gets a turn between inquiries", async () => {
    // PGlite runs every statement on this thread and its promises resolve as microtasks: without a yield, a
    // scan over thousands of inquiries kept HTTP answers and timers waiting until it ended (54 s at 100k).
    let turns = 0;
    let scanning = true;
    const spin = () => {
      if (!scanning) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const result = await scanDeadlines(t.db, new Date("2026-12-17T08:00:00Z"));
    expect(result.dueSoon + result.overdue, "the demo's open inquiries give the scan work").toBeGreaterThan(0);
    scanning = false;
    expect(turns).toBeGreaterThanOrEqual(1);
  });
});
