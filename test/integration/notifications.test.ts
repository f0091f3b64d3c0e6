/**
 * Notifications written by the real commands (submitInquiry, applyInquiryTransition, recordEvent) in
 * the event's transaction: who gets which kind, preferences per channel, visibility, deactivated accounts,
 * other bodies — and nothing at all when the transaction rolls back. PGlite and (with TEST_DATABASE_URL)
 * PostgreSQL.
 */
import { addDays } from "../../app/domain/dashboard";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { extensionRequests, inquiryContributors, notifications, outbox } from "../../db/schema";
import { useDatabase } from "../../app/server/core/db.server";
import { recordEvent } from "../../app/server/core/events.server";
import { submitInquiry } from "../../app/server/inquiries/numbering.server";
import { StaleVersionError, applyInquiryTransition } from "../../app/server/core/transitions.server";
import { backends, useTestDatabase } from "../support/db";
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

describe.each(backends())("notifications of inquiry events on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  let bodyId: string;
  let leadDepartment: string;
  let contributingDepartment: string;
  let otherDepartment: string;
  let inquiryId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    useDatabase(t.handle);
    const faction = await membershipOf(t.db, FACTION);
    const office = await membershipOf(t.db, OFFICE);
    const clerk = await membershipOf(t.db, CLERK);
    bodyId = faction.bodyId;
    leadDepartment = clerk.organizationId;
    contributingDepartment = await addDepartment(t.db, bodyId, "Beteiligtes Ministerium (Test)");
    otherDepartment = await addDepartment(t.db, bodyId, "Unbeteiligtes Ministerium (Test)");
    await addUser(t.db, { email: SECOND_MEMBER, bodyId, organizationId: faction.organizationId, role: "faction_member" });
    await addUser(t.db, { email: CONTRIBUTOR, bodyId, organizationId: contributingDepartment, role: "clerk" });
    await addUser(t.db, { email: HEAD_WITHOUT_INAPP, bodyId, organizationId: leadDepartment, role: "department_head" });
    await addUser(t.db, { email: UNINVOLVED, bodyId, organizationId: otherDepartment, role: "clerk" });
    await addUser(t.db, { email: FORMER, bodyId, organizationId: office.organizationId, role: "council_office", active: false });
    for (const email of [FACTION, OFFICE, CLERK, DPO, SECOND_MEMBER, CONTRIBUTOR, HEAD_WITHOUT_INAPP, UNINVOLVED, FORMER]) {
      ids[email] = await userId(t.db, email);
    }
    for (const local of ["ratsbuero", "sachbearbeitung", "fraktion"]) {
      const email = `${local}@norderstedt.quaestio.example`;
      ids[email] = await userId(t.db, email);
    }
    inquiryId = (await inquiryByTitle(t.db, NRW_DRAFT)).id;
  });

  const kinds = (email: string) => kindsFor(t.db, ids[email]!, inquiryId);
  const current = () => inquiryByTitle(t.db, NRW_DRAFT);
  const totals = async () => {
    const [n] = await t.db.select({ n: count() }).from(notifications);
    const [m] = await t.db.select({ n: count() }).from(outbox);
    return { notifications: Number(n!.n), mails: Number(m!.n) };
  };

  it("submit: the council office hears of it, the other faction members get number and due date, the submitter nothing", async () => {
    const draft = await current();
    const result = await submitInquiry(t.db, { inquiryId, bodyId, expectedVersion: draft.version, actor: await actorOf(t.db, FACTION) });

    expect(await kinds(OFFICE)).toEqual(["received"]);
    expect(await kinds(SECOND_MEMBER)).toEqual(["number_assigned"]);
    expect(await kinds(FACTION)).toEqual([]);
    expect(await kinds(FORMER)).toEqual([]);
    for (const email of [CLERK, DPO, CONTRIBUTOR, UNINVOLVED]) expect(await kinds(email)).toEqual([]);
    for (const local of ["ratsbuero", "sachbearbeitung", "fraktion"]) expect(await kinds(`${local}@norderstedt.quaestio.example`)).toEqual([]);

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
    const inquiry = await current();
    await applyInquiryTransition(t.db, { inquiryId, bodyId, expectedVersion: inquiry.version, event: "accept", actor: await actorOf(t.db, OFFICE) });
    expect(await kinds(FACTION)).toEqual(["accepted"]);
    expect(await kinds(SECOND_MEMBER)).toEqual(["accepted", "number_assigned"]);
    expect(await kinds(OFFICE)).toEqual(["received"]);
  });

  it("assign: lead and contributing departments, by their preferences; other departments and bodies get nothing", async () => {
    await setPreference(t.db, ids[CONTRIBUTOR]!, "assigned", { inApp: true, email: false });
    await setPreference(t.db, ids[HEAD_WITHOUT_INAPP]!, "assigned", { inApp: false, email: true });
    const mailsBefore = (await mailsTo(t.db, CLERK)).length;
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
    for (const email of [UNINVOLVED, DPO, FACTION, FORMER]) expect((await kinds(email)).includes("assigned")).toBe(false);
    expect(await kinds("sachbearbeitung@norderstedt.quaestio.example")).toEqual([]);
  });

  it("both channels off: nothing at all", async () => {
    await setPreference(t.db, ids[CLERK]!, "extended", { inApp: false, email: false });
    const mailsBefore = (await mailsTo(t.db, CLERK)).length;
    const inquiry = await current();
    await applyInquiryTransition(t.db, {
      inquiryId,
      bodyId,
      expectedVersion: inquiry.version,
      event: "extend_deadline",
      actor: await actorOf(t.db, OFFICE),
      facts: { reason: "Umfangreiche Abfrage bei den Ressorts", newDueOn: addDays(inquiry.dueOn!, 60) },
    });
    expect(await kinds(CLERK)).toEqual(["assigned"]);
    expect((await mailsTo(t.db, CLERK)).length).toBe(mailsBefore);
    expect(await kinds(CONTRIBUTOR)).toEqual(["assigned", "extended"]);
    expect((await kinds(FACTION)).includes("extended")).toBe(true);
    expect(await kinds(UNINVOLVED)).toEqual([]);
  });

  it("a refused (stale) transition writes no notification and no mail", async () => {
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
    const record = (tx: Parameters<Parameters<typeof t.db.transaction>[0]>[0]) =>
      recordEvent(tx, {
        bodyId,
        aggregateType: "inquiry",
        aggregateId: inquiryId,
        inquiryId,
        type: "contributors_changed",
        actorUserId: ids[OFFICE]!,
        public: false,
        payload: { added: [otherDepartment], removed: [] },
      });
    // An event that names a department which is not (yet) a contributor: that department may not see it.
    await t.db.transaction(async (tx) => {
      await record(tx);
    });
    expect(await kinds(UNINVOLVED)).toEqual([]);
    await t.db.transaction(async (tx) => {
      await tx.insert(inquiryContributors).values({ inquiryId, organizationId: otherDepartment });
      await record(tx);
    });
    expect(await kinds(UNINVOLVED)).toEqual(["assigned"]);
    expect(await kinds(CONTRIBUTOR)).toEqual(["assigned", "extended"]);
  });

  it("extension_refused: only the department that asked hears of it (named in the event, else its request)", async () => {
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
    await refuse({ requestedByOrganizationId: contributingDepartment });
    expect((await kinds(CONTRIBUTOR)).filter((k) => k === "extension_refused")).toHaveLength(1);
    expect((await kinds(CLERK)).includes("extension_refused")).toBe(false);

    // Without the department in the payload: the refused request of the lead department tells.
    await t.db.insert(extensionRequests).values({
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
    await refuse({});
    expect((await kinds(CLERK)).filter((k) => k === "extension_refused")).toHaveLength(1);
    expect((await kinds(CONTRIBUTOR)).filter((k) => k === "extension_refused")).toHaveLength(1);
    expect((await kinds(UNINVOLVED)).includes("extension_refused")).toBe(false);
  });

  it("withdraw: council office and departments hear of it; deactivated accounts never do", async () => {
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
