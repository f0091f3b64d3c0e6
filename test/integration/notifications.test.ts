/**
 * Notifications written by the real commands (submitInquiry, applyInquiryTransition, recordEvent) in
 * the event's transaction: who gets which kind, preferences per channel, visibility, deactivated accounts,
 * other bodies — and nothing at all when the transaction rolls back. On one backend (see below).
 *
 * The tests follow one inquiry's story (submit, accept, assign, extend, …). So that any test runs alone and
 * in any order, each gets its own copy of the seeded database and replays the steps before its own (the
 * same commands, without the assertions) before it takes its step and checks it.
 */
import { addDays } from "../../app/domain/dashboard";
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extensionRequests, inquiryContributors, notifications, outbox } from "../../db/schema";
import { useDatabase } from "../../app/server/core/db.server";
import { recordEvent } from "../../app/server/core/events.server";
import { submitInquiry } from "../../app/server/inquiries/numbering.server";
import { StaleVersionError, applyInquiryTransition } from "../../app/server/core/transitions.server";
import { createSeededTestDatabase, oneBackend, type SeededTestDatabase } from "../support/db";
import {
  actorOf,
  addDepartment,
  addUser,
  inquiryByTitle,
  kindsFor,
  mailsTo,
  membershipOf,
  notificationsFor,
  setPreference,
  userId,
} from "../support/notifications-fixtures";

const NRW_DRAFT = "Einsatz von Cloud-Diensten in den Landesbehörden";
const nrw = (local: string) => `${local}@landtag-nrw.quaestio.example`;
const FACTION = nrw("fraktion");
const OFFICE = nrw("ratsbuero");
const CLERK = nrw("sachbearbeitung");
const DPO = nrw("datenschutz");
const SECOND_MEMBER = "zweites.mitglied@fraktion.example";
const CONTRIBUTOR = "beteiligt@ministerium.example";
const HEAD_WITHOUT_INAPP = "leitung@ministerium.example";
const UNINVOLVED = "unbeteiligt@ministerium.example";
const FORMER = "ehemals@ratsbuero.example";

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): who gets which notification is app code; that it is
// written in the event's transaction and rolled back with it is tested here on the one backend and the transaction
// itself on both in transitions.test.ts.
describe.each(oneBackend())("notifications of inquiry events on %s", (backend) => {
  let database: SeededTestDatabase | undefined;
  const t = {
    get db() {
      if (!database) throw new Error("the test database exists only inside a test");
      return database.db;
    },
  };
  let bodyId: string;
  let leadDepartment: string;
  let contributingDepartment: string;
  let otherDepartment: string;
  let inquiryId: string;
  let ids: Record<string, string> = {};

  beforeEach(async () => {
    database = await createSeededTestDatabase(backend);
    useDatabase(database.handle);
    ids = {};
    const faction = await membershipOf(t.db, FACTION);
    const office = await membershipOf(t.db, OFFICE);
    const clerk = await membershipOf(t.db, CLERK);
    bodyId = faction.bodyId;
    leadDepartment = clerk.organizationId;
    contributingDepartment = await addDepartment(t.db, bodyId, "Beteiligtes Ministerium (Test)");
    otherDepartment = await addDepartment(t.db, bodyId, "Unbeteiligtes Ministerium (Test)");
    await addUser(t.db, {
      email: SECOND_MEMBER,
      bodyId,
      organizationId: faction.organizationId,
      role: "faction_member",
    });
    await addUser(t.db, { email: CONTRIBUTOR, bodyId, organizationId: contributingDepartment, role: "clerk" });
    await addUser(t.db, { email: HEAD_WITHOUT_INAPP, bodyId, organizationId: leadDepartment, role: "department_head" });
    await addUser(t.db, { email: UNINVOLVED, bodyId, organizationId: otherDepartment, role: "clerk" });
    await addUser(t.db, {
      email: FORMER,
      bodyId,
      organizationId: office.organizationId,
      role: "council_office",
      active: false,
    });
    for (const email of [
      FACTION,
      OFFICE,
      CLERK,
      DPO,
      SECOND_MEMBER,
      CONTRIBUTOR,
      HEAD_WITHOUT_INAPP,
      UNINVOLVED,
      FORMER,
    ]) {
      ids[email] = await userId(t.db, email);
    }
    for (const local of ["ratsbuero", "sachbearbeitung", "fraktion"]) {
      const email = `${local}@norderstedt.quaestio.example`;
      ids[email] = await userId(t.db, email);
    }
    inquiryId = (await inquiryByTitle(t.db, NRW_DRAFT)).id;
  });

  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  const kinds = (email: string) => kindsFor(t.db, ids[email]!, inquiryId);
  const current = () => inquiryByTitle(t.db, NRW_DRAFT);
  const totals = async () => {
    const [n] = await t.db.select({ n: count() }).from(notifications);
    const [m] = await t.db.select({ n: count() }).from(outbox);
    return { notifications: Number(n!.n), mails: Number(m!.n) };
  };

  // ---- the story's steps, in order; each test replays those before its own -----------------------------

  const submit = async () => {
    const draft = await current();
    return submitInquiry(t.db, {
      inquiryId,
      bodyId,
      expectedVersion: draft.version,
      actor: await actorOf(t.db, FACTION),
    });
  };
  const accept = async () => {
    const inquiry = await current();
    await applyInquiryTransition(t.db, {
      inquiryId,
      bodyId,
      expectedVersion: inquiry.version,
      event: "accept",
      actor: await actorOf(t.db, OFFICE),
    });
  };
  const assignPreferences = async () => {
    await setPreference(t.db, ids[CONTRIBUTOR]!, "assigned", { inApp: true, email: false });
    await setPreference(t.db, ids[HEAD_WITHOUT_INAPP]!, "assigned", { inApp: false, email: true });
  };
  const assign = async () => {
    const inquiry = await current();
    await applyInquiryTransition(t.db, {
      inquiryId,
      bodyId,
      expectedVersion: inquiry.version,
      event: "assign",
      actor: await actorOf(t.db, OFFICE),
      facts: { leadOrganizationId: leadDepartment },
      // What the intake command does in the same transaction: the contributing departments.
      within: async (tx) => {
        await tx.insert(inquiryContributors).values({ inquiryId, organizationId: contributingDepartment });
      },
    });
  };
  const extendPreferences = () => setPreference(t.db, ids[CLERK]!, "extended", { inApp: false, email: false });
  const extend = async () => {
    const inquiry = await current();
    await applyInquiryTransition(t.db, {
      inquiryId,
      bodyId,
      expectedVersion: inquiry.version,
      event: "extend_deadline",
      actor: await actorOf(t.db, OFFICE),
      facts: { reason: "Umfangreiche Abfrage bei den Ressorts", newDueOn: addDays(inquiry.dueOn!, 60) },
    });
  };
  const recordContributorsChanged = () =>
    t.db.transaction(async (tx) => {
      await recordEvent(tx, {
        bodyId,
        aggregateType: "inquiry",
        aggregateId: inquiryId,
        inquiryId,
        type: "contributors_changed",
        actorUserId: ids[OFFICE]!,
        public: false,
        payload: { added: [otherDepartment], removed: [] },
      });
    });
  const addContributorAndRecord = () =>
    t.db.transaction(async (tx) => {
      await tx.insert(inquiryContributors).values({ inquiryId, organizationId: otherDepartment });
      await recordEvent(tx, {
        bodyId,
        aggregateType: "inquiry",
        aggregateId: inquiryId,
        inquiryId,
        type: "contributors_changed",
        actorUserId: ids[OFFICE]!,
        public: false,
        payload: { added: [otherDepartment], removed: [] },
      });
    });
  const refuse = (payload: Record<string, unknown>) =>
    t.db.transaction(async (tx) => {
      await recordEvent(tx, {
        bodyId,
        aggregateType: "inquiry",
        aggregateId: inquiryId,
        inquiryId,
        type: "extension_refused",
        actorUserId: ids[OFFICE]!,
        public: false,
        payload,
      });
    });
  const addRefusedLeadRequest = () =>
    t.db.insert(extensionRequests).values({
      inquiryId,
      requestedByOrganizationId: leadDepartment,
      requestedByUserId: ids[CLERK]!,
      requestedDueOn: "2027-06-30",
      reason: "Mehr Zeit für die Abstimmung",
      status: "refused",
      decidedAt: new Date(),
      decidedByUserId: ids[OFFICE]!,
      decisionNote: "Die Frist ist bereits verlängert.",
    });

  const story = [
    ["submit", submit],
    ["accept", accept],
    ["assign", async () => (await assignPreferences(), await assign())],
    ["extend", async () => (await extendPreferences(), await extend())],
    ["contributors_changed", async () => (await recordContributorsChanged(), await addContributorAndRecord())],
    [
      "extension_refused",
      async () => {
        await refuse({ requestedByOrganizationId: contributingDepartment });
        await addRefusedLeadRequest();
        await refuse({});
      },
    ],
  ] as const;
  type Step = (typeof story)[number][0];
  /** Replays the story's steps before `step`. */
  const replayUntil = async (step: Step) => {
    for (const [name, run] of story) {
      if (name === step) return;
      await run();
    }
  };
  /** Replays the whole story (for the tests after its last step). */
  const replayAll = async () => {
    for (const [, run] of story) await run();
  };

  // ---- the tests -------------------------------------------------------------------------------------

  it("submit: the council office hears of it, the other faction members get number and due date, the submitter nothing", async () => {
    await replayUntil("submit");
    const result = await submit();

    expect(await kinds(OFFICE)).toEqual(["received"]);
    expect(await kinds(SECOND_MEMBER)).toEqual(["number_assigned"]);
    expect(await kinds(FACTION)).toEqual([]);
    expect(await kinds(FORMER)).toEqual([]);
    for (const email of [CLERK, DPO, CONTRIBUTOR, UNINVOLVED]) expect(await kinds(email)).toEqual([]);
    for (const local of ["ratsbuero", "sachbearbeitung", "fraktion"])
      expect(await kinds(`${local}@norderstedt.quaestio.example`)).toEqual([]);

    const [numbered] = await notificationsFor(t.db, ids[SECOND_MEMBER]!, inquiryId);
    expect(numbered!.title).toContain(result.reference);
    expect(numbered!.link).toBe(`/arbeitsbereich/vorgaenge/${inquiryId}`);
    expect(numbered!.readAt).toBeNull();
    expect(numbered!.bodyId).toBe(bodyId);
    // number_assigned goes out by e-mail by default; "received" only in the workspace.
    const [mail, ...more] = await mailsTo(t.db, SECOND_MEMBER);
    expect(more).toEqual([]);
    expect(mail!.bodyText).toContain(`/arbeitsbereich/vorgaenge/${inquiryId}`);
    expect(mail!.bodyText).toMatch(new RegExp(`https?://[^\\s/]+/arbeitsbereich/vorgaenge/${inquiryId}`));
    expect(mail!.bodyText).toContain(result.dueOn!.split("-").reverse().join("."));
    expect(mail!.eventId).toBe(numbered!.eventId);
    expect(await mailsTo(t.db, OFFICE)).toEqual([]);
  });

  it("accept: the faction hears of it, the council member who accepted does not", async () => {
    await replayUntil("accept");
    await accept();
    expect(await kinds(FACTION)).toEqual(["accepted"]);
    expect(await kinds(SECOND_MEMBER)).toEqual(["accepted", "number_assigned"]);
    expect(await kinds(OFFICE)).toEqual(["received"]);
  });

  it("assign: lead and contributing departments, by their preferences; other departments and bodies get nothing", async () => {
    await replayUntil("assign");
    await assignPreferences();
    const mailsBefore = (await mailsTo(t.db, CLERK)).length;
    await assign();

    expect(await kinds(CLERK)).toEqual(["assigned"]);
    expect((await mailsTo(t.db, CLERK)).length).toBe(mailsBefore + 1);
    // E-mail off: the workspace row, no mail.
    expect(await kinds(CONTRIBUTOR)).toEqual(["assigned"]);
    expect(await mailsTo(t.db, CONTRIBUTOR)).toEqual([]);
    // In-app off: the mail, no row.
    expect(await kinds(HEAD_WITHOUT_INAPP)).toEqual([]);
    const headMails = await mailsTo(t.db, HEAD_WITHOUT_INAPP);
    expect(headMails).toHaveLength(1);
    expect(headMails[0]!.subject).toContain("Ihnen zugewiesen");
    for (const email of [UNINVOLVED, DPO, FACTION, FORMER])
      expect((await kinds(email)).includes("assigned")).toBe(false);
    expect(await kinds("sachbearbeitung@norderstedt.quaestio.example")).toEqual([]);
  });

  it("both channels off: nothing at all", async () => {
    await replayUntil("extend");
    await extendPreferences();
    const mailsBefore = (await mailsTo(t.db, CLERK)).length;
    await extend();
    expect(await kinds(CLERK)).toEqual(["assigned"]);
    expect((await mailsTo(t.db, CLERK)).length).toBe(mailsBefore);
    expect(await kinds(CONTRIBUTOR)).toEqual(["assigned", "extended"]);
    expect((await kinds(FACTION)).includes("extended")).toBe(true);
    expect(await kinds(UNINVOLVED)).toEqual([]);
  });

  it("a refused (stale) transition writes no notification and no mail", async () => {
    await replayUntil("contributors_changed");
    const before = await totals();
    const inquiry = await current();
    await expect(
      applyInquiryTransition(t.db, {
        inquiryId,
        bodyId,
        expectedVersion: inquiry.version - 1,
        event: "withdraw",
        actor: await actorOf(t.db, FACTION),
        facts: { publicNote: "Hat sich erledigt." },
      }),
    ).rejects.toThrow(StaleVersionError);
    expect(await totals()).toEqual(before);
  });

  it("an event whose transaction rolls back leaves no notification and no mail", async () => {
    await replayUntil("contributors_changed");
    const before = await totals();
    const failed = t.db.transaction(async (tx) => {
      await recordEvent(tx, {
        bodyId,
        aggregateType: "inquiry",
        aggregateId: inquiryId,
        inquiryId,
        type: "extension_requested",
        actorUserId: ids[CLERK]!,
        public: false,
        payload: { requestedDueOn: "2027-06-30" },
      });
      // Inside the transaction the council office's notification exists …
      const [row] = await tx
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, ids[OFFICE]!), eq(notifications.kind, "extension_requested")));
      expect(Number(row!.n)).toBe(1);
      throw new Error("something later in the command fails");
    });
    await expect(failed).rejects.toThrow("something later in the command fails");
    // … and is gone with it.
    expect(await totals()).toEqual(before);
    expect((await kinds(OFFICE)).includes("extension_requested")).toBe(false);
  });

  it("contributors_changed: a newly added department is told — only once it can see the inquiry", async () => {
    await replayUntil("contributors_changed");
    // An event that names a department which is not (yet) a contributor: that department may not see it.
    await recordContributorsChanged();
    expect(await kinds(UNINVOLVED)).toEqual([]);
    await addContributorAndRecord();
    expect(await kinds(UNINVOLVED)).toEqual(["assigned"]);
    expect(await kinds(CONTRIBUTOR)).toEqual(["assigned", "extended"]);
  });

  it("extension_refused: only the department that asked hears of it (named in the event, else its request)", async () => {
    await replayUntil("extension_refused");
    await refuse({ requestedByOrganizationId: contributingDepartment });
    expect((await kinds(CONTRIBUTOR)).filter((k) => k === "extension_refused")).toHaveLength(1);
    expect((await kinds(CLERK)).includes("extension_refused")).toBe(false);

    // Without the department in the payload: the refused request of the lead department tells.
    await addRefusedLeadRequest();
    await refuse({});
    expect((await kinds(CLERK)).filter((k) => k === "extension_refused")).toHaveLength(1);
    expect((await kinds(CONTRIBUTOR)).filter((k) => k === "extension_refused")).toHaveLength(1);
    expect((await kinds(UNINVOLVED)).includes("extension_refused")).toBe(false);
  });

  it("withdraw: council office and departments hear of it; deactivated accounts never do", async () => {
    await replayAll();
    const inquiry = await current();
    await applyInquiryTransition(t.db, {
      inquiryId,
      bodyId,
      expectedVersion: inquiry.version,
      event: "withdraw",
      actor: await actorOf(t.db, FACTION),
      facts: { publicNote: "Die Fragen haben sich durch die Presseerklärung erledigt." },
    });
    expect((await kinds(OFFICE)).includes("withdrawn")).toBe(true);
    expect((await kinds(CLERK)).includes("withdrawn")).toBe(true);
    expect((await kinds(UNINVOLVED)).includes("withdrawn")).toBe(true);
    expect(await kinds(FORMER)).toEqual([]);
    expect(await mailsTo(t.db, FORMER)).toEqual([]);
    expect((await kinds(FACTION)).includes("withdrawn")).toBe(false);
  });
});
