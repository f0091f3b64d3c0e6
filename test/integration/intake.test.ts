/**
 * The workflow commands of the staff view against the database, through the page's one entry point
 * (runWorkflowCommand): intake, assignment with contributing departments (and what they then see),
 * visibility, agenda links, extension requests granted and refused, withdrawal, and a motion put on the
 * agenda and decided. Refusals change nothing.
 */
import { addDays } from "../../app/domain/dashboard";
import { receiptDate } from "../../app/domain/numbering";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  agendaItems,
  deadlineExtensions,
  events,
  extensionRequests,
  inquiries,
  inquiryAgendaItems,
  inquiryContributors,
  meetings,
  organizations,
} from "../../db/schema";
import type { CurrentUser } from "../../app/server/accounts/auth.server";
import { useDatabase } from "../../app/server/core/db.server";
import { runWorkflowCommand, WorkflowInputError, type WorkflowCommand } from "../../app/server/inquiries/intake.server";
import { loadPublicInquiry } from "../../app/server/public/inquiries.server";
import { loadStaffInquiry } from "../../app/server/inquiries/staff-read-model.server";
import { NotFound, StaleVersionError, TransitionRefused } from "../../app/server/core/transitions.server";
import { loadWorkspace } from "../../app/server/workspace/workspace.server";
import { oneBackend, useTestDatabase } from "../support/db";
import { assignedCopyOf, submittedCopyOf } from "../support/inquiry-copies";
import { currentUserFor } from "../support/users";

const NORDERSTEDT_SUBMITTED = "Barrierefreiheit der Videokonferenzsysteme";
const NRW_SUBMITTED = "Barrierefreiheit der Videokonferenzsysteme in der Landesverwaltung";
const NRW_ANSWERING = "Nutzung von Messenger-Diensten in der Landesverwaltung";
const SCHARNEBECK_MOTION = "Sichere Video-/ Telefonkonferenzen nicht nur zu Coronazeiten";

/**
 * A date n days after today (Berlin). The demo data's deadlines are relative to the day it was loaded (today),
 * so requested and granted extensions must be too — well after the demo's 4-week deadline.
 */
const LATER = (n: number) => addDays(receiptDate(new Date(), "Europe/Berlin"), n);

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): the workflow commands are app code over the lifecycle
// engine, whose locking and versions transitions.test.ts tests on both backends.
describe.each(oneBackend())("inquiry workflow on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  const userFor = (email: string) => currentUserFor(t.db, email);

  const norderstedt = (local: string) => userFor(`${local}@norderstedt.quaestio.example`);
  const nrw = (local: string) => userFor(`${local}@landtag-nrw.quaestio.example`);

  async function inquiry(title: string) {
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.title, title));
    return row!;
  }
  async function org(name: string) {
    const [row] = await t.db.select().from(organizations).where(eq(organizations.name, name));
    return row!;
  }
  async function eventsOf(id: string) {
    return t.db.select().from(events).where(eq(events.aggregateId, id)).orderBy(events.id);
  }
  async function snapshot(id: string) {
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    return { row, events: (await eventsOf(id)).length };
  }
  async function inquiryById(id: string) {
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    return row!;
  }
  async function run(user: CurrentUser, title: string, command: WorkflowCommand) {
    const row = await inquiry(title);
    return runWorkflowCommand(user, row.id, row.version, command);
  }
  /** The command on the inquiry `id` at its current version. */
  async function runOn(user: CurrentUser, id: string, command: WorkflowCommand) {
    const row = await inquiryById(id);
    return runWorkflowCommand(user, row.id, row.version, command);
  }

  describe("intake and assignment (Norderstedt)", () => {
    // Each test has its own copy of the submitted demo inquiry (issue 9), brought to the state it starts from
    // through the real commands: submitted, or assigned as "accepts, then assigns" leaves it.
    const submittedCopy = () => submittedCopyOf(t.db, NORDERSTEDT_SUBMITTED, "norderstedt");
    /** A copy accepted and assigned to Amt 17 as lead, with the named departments contributing. */
    async function assignedCopy(contributorNames: string[]) {
      const lead = await org("Amt 17");
      const contributorIds = await Promise.all(contributorNames.map(async (name) => (await org(name)).id));
      return assignedCopyOf(t.db, NORDERSTEDT_SUBMITTED, "norderstedt", {
        leadOrganizationId: lead.id,
        contributorIds,
      });
    }

    it("lets neither the faction nor another body's council office accept, and writes nothing", async () => {
      const id = await submittedCopy();
      const before = await snapshot(id);
      const byFaction = runOn(await norderstedt("fraktion"), id, { intent: "accept" });
      await expect(byFaction).rejects.toMatchObject({ name: "TransitionRefused", reason: "forbidden" });
      await expect(runOn(await nrw("ratsbuero"), id, { intent: "accept" })).rejects.toThrow(NotFound);
      expect(await snapshot(id)).toEqual(before);
    });

    it("refuses a stale version and an inadmissibility without reason, and changes nothing", async () => {
      const office = await norderstedt("ratsbuero");
      const row = await inquiryById(await submittedCopy());
      const before = await snapshot(row.id);
      await expect(runWorkflowCommand(office, row.id, row.version - 1 || 99, { intent: "accept" })).rejects.toThrow(
        StaleVersionError,
      );
      const noReason = runOn(office, row.id, { intent: "declare_inadmissible", reason: "   " });
      await expect(noReason).rejects.toMatchObject({
        name: "TransitionRefused",
        guard: "reason_given",
        message: "Bitte geben Sie eine Begründung an.",
      });
      expect(await snapshot(row.id)).toEqual(before);
    });

    it("accepts, then assigns the lead and a contributing department in one step", async () => {
      const office = await norderstedt("ratsbuero");
      const id = await submittedCopy();
      await runOn(office, id, { intent: "accept" });
      expect((await inquiryById(id)).status).toBe("accepted");

      const amt17 = await org("Amt 17");
      const hauptamt = await org("13 - Hauptamt");
      const otherBodyDepartment = await org("Polizei NRW");
      const faction = await org("Fraktion (Demo)");
      const before = await snapshot(id);
      // Another body's department or a faction cannot take part; nothing is written.
      const foreign = runOn(office, id, {
        intent: "assign",
        leadOrganizationId: amt17.id,
        contributorIds: [otherBodyDepartment.id],
      });
      await expect(foreign).rejects.toMatchObject({ name: "WorkflowInputError", field: "contributorIds" });
      const factionLead = runOn(office, id, {
        intent: "assign",
        leadOrganizationId: faction.id,
        contributorIds: [],
      });
      await expect(factionLead).rejects.toBeInstanceOf(WorkflowInputError);
      expect(await snapshot(before.row!.id)).toEqual(before);

      await runOn(office, id, {
        intent: "assign",
        leadOrganizationId: amt17.id,
        contributorIds: [hauptamt.id, amt17.id],
      });
      const assigned = await inquiryById(id);
      expect(assigned.status).toBe("assigned");
      expect(assigned.leadOrganizationId).toBe(amt17.id);
      const contributors = await t.db
        .select()
        .from(inquiryContributors)
        .where(eq(inquiryContributors.inquiryId, assigned.id));
      // The lead is not its own contributor.
      expect(contributors.map((c) => c.organizationId)).toEqual([hauptamt.id]);
      const assign = (await eventsOf(assigned.id)).at(-1)!;
      expect(assign).toMatchObject({ type: "assign", public: false });
      expect(assign.payload).toMatchObject({ leadOrganizationId: amt17.id, contributorIds: [hauptamt.id] });
    });

    it("shows the inquiry to the contributing department's clerk, who may not act for the lead", async () => {
      const id = await assignedCopy(["13 - Hauptamt"]);
      const clerk = await norderstedt("sachbearbeitung"); // clerk of 13 - Hauptamt
      const listed = (await loadWorkspace(clerk)).flatMap((b) => b.inquiries);
      const titles = listed.map((i) => i.title);
      expect(titles).toContain(NORDERSTEDT_SUBMITTED);
      // This test's own copy, not only another one of the same title.
      expect(listed.map((i) => i.id)).toContain(id);
      const row = await inquiryById(id);
      const view = await loadStaffInquiry(clerk, row.id);
      expect(view?.workflow.contributors.map((c) => c.name)).toEqual(["13 - Hauptamt"]);
      expect(view?.workflow.actions).toEqual([]);
      // The originating faction sees its inquiry, but not who in the administration works on it.
      const factionView = await loadStaffInquiry(await norderstedt("fraktion"), row.id);
      expect(factionView?.workflow.contributors).toEqual([]);
      await expect(runOn(clerk, id, { intent: "start_answering" })).rejects.toBeInstanceOf(TransitionRefused);
      expect((await inquiryById(id)).status).toBe("assigned");
    });

    it("removes a contributor later; the department then no longer finds the inquiry", async () => {
      const id = await assignedCopy(["13 - Hauptamt"]);
      const office = await norderstedt("ratsbuero");
      await runOn(office, id, { intent: "change_contributors", contributorIds: [] });
      const row = await inquiryById(id);
      expect((await eventsOf(row.id)).at(-1)).toMatchObject({ type: "contributors_changed", public: false });
      const clerk = await norderstedt("sachbearbeitung");
      expect(await loadStaffInquiry(clerk, row.id)).toBeNull();
      await expect(runOn(clerk, id, { intent: "request_extension", newDueOn: LATER(48), reason: "x" })).rejects.toThrow(
        NotFound,
      );
    });

    it("links the inquiry to an existing agenda item and to a new TOP; a taken TOP number is refused", async () => {
      const id = await assignedCopy([]);
      const office = await norderstedt("ratsbuero");
      const [meeting] = await t.db.select().from(meetings).where(eq(meetings.date, "2020-06-15"));
      const [item] = await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting!.id));
      const common = {
        meetingId: meeting!.id,
        newMeeting: null,
        newItemNumber: null,
        newItemTitle: null,
        roleLabel: "Kenntnisnahme",
      };
      await runOn(office, id, {
        intent: "link_agenda",
        ...common,
        agendaItemId: item!.id,
        purpose: "answer",
      });
      const taken = runOn(office, id, {
        intent: "link_agenda",
        ...common,
        agendaItemId: null,
        newItemNumber: item!.number,
        newItemTitle: "Doppelt",
        purpose: "raised",
      });
      await expect(taken).rejects.toMatchObject({ name: "WorkflowInputError", field: "newItemNumber" });
      await runOn(office, id, {
        intent: "link_agenda",
        ...common,
        agendaItemId: null,
        newItemNumber: "12.3",
        newItemTitle: "Anfrage zur Barrierefreiheit",
        purpose: "raised",
      });
      const row = await inquiryById(id);
      const links = await t.db
        .select({
          purpose: inquiryAgendaItems.purpose,
          number: agendaItems.number,
          roleLabel: inquiryAgendaItems.roleLabel,
        })
        .from(inquiryAgendaItems)
        .innerJoin(agendaItems, eq(agendaItems.id, inquiryAgendaItems.agendaItemId))
        .where(eq(inquiryAgendaItems.inquiryId, row.id));
      expect(links).toHaveLength(2);
      expect(links).toContainEqual({ purpose: "raised", number: "12.3", roleLabel: "Kenntnisnahme" });
      expect((await eventsOf(row.id)).filter((e) => e.type === "agenda_linked")).toHaveLength(2);
    });

    it("a 'new' meeting of an organ on the day it already meets is that meeting, not a second one", async () => {
      const id = await assignedCopy([]);
      const office = await norderstedt("ratsbuero");
      const row = await inquiryById(id);
      const [organ] = await t.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.bodyId, row.bodyId), eq(organizations.name, "Hauptausschuss")));
      const [seeded] = await t.db
        .select()
        .from(meetings)
        .where(eq(meetings.organizationId, organ!.id))
        .orderBy(desc(meetings.date))
        .limit(1);
      const count = async () =>
        (await t.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.bodyId, row.bodyId))).length;
      const before = await count();
      await runOn(office, id, {
        intent: "link_agenda",
        meetingId: null,
        agendaItemId: null,
        newMeeting: { organizationId: organ!.id, date: seeded!.date },
        newItemNumber: "31.4",
        newItemTitle: "Anfrage zur Barrierefreiheit (Beantwortung)",
        roleLabel: "Kenntnisnahme",
        purpose: "answer",
      });
      expect(await count()).toBe(before);
      const [item] = await t.db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, seeded!.id), eq(agendaItems.number, "31.4")));
      expect(item).toBeDefined();
    });

    it("changes the visibility only with a reason and only by the council office", async () => {
      const id = await assignedCopy([]);
      const office = await norderstedt("ratsbuero");
      const row = await inquiryById(id);
      const before = await snapshot(row.id);
      await expect(
        runOn(office, id, { intent: "change_visibility", visibility: "public", reason: " " }),
      ).rejects.toMatchObject({
        field: "reason",
      });
      await expect(
        runOn(await norderstedt("fraktion"), id, {
          intent: "change_visibility",
          visibility: "public",
          reason: "weil",
        }),
      ).rejects.toBeInstanceOf(TransitionRefused);
      expect(await snapshot(row.id)).toEqual(before);
      // Two colleagues act on the same version: the second one is told, and nothing of theirs is written.
      const seen = await inquiryById(id);
      await runWorkflowCommand(office, seen.id, seen.version, {
        intent: "change_visibility",
        visibility: "public",
        reason: "Von allgemeinem Interesse",
      });
      await expect(
        runWorkflowCommand(office, seen.id, seen.version, {
          intent: "change_contributors",
          contributorIds: [(await org("13 - Hauptamt")).id],
        }),
      ).rejects.toThrow(StaleVersionError);
      expect(await t.db.select().from(inquiryContributors).where(eq(inquiryContributors.inquiryId, seen.id))).toEqual(
        [],
      );
      const after = await inquiryById(id);
      expect(after).toMatchObject({ visibility: "public", visibilityReason: "Von allgemeinem Interesse" });
      expect((await eventsOf(row.id)).at(-1)).toMatchObject({ type: "visibility_changed", public: false });
    });
  });

  describe("deadline extensions (Landtag NRW)", () => {
    it("lets the lead department request, the council office refuse with a note, then grant a new request", async () => {
      const office = await nrw("ratsbuero");
      const clerk = await nrw("sachbearbeitung"); // clerk of the MWIDE
      const mwide = await org("Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie");
      await run(office, NRW_SUBMITTED, { intent: "accept" });
      await run(office, NRW_SUBMITTED, { intent: "assign", leadOrganizationId: mwide.id, contributorIds: [] });
      const assigned = await inquiry(NRW_SUBMITTED);
      const dueOn = assigned.dueOn!;

      const tooEarly = run(clerk, NRW_SUBMITTED, { intent: "request_extension", newDueOn: dueOn, reason: "Mehr Zeit" });
      await expect(tooEarly).rejects.toMatchObject({ name: "WorkflowInputError", field: "newDueOn" });
      await run(clerk, NRW_SUBMITTED, {
        intent: "request_extension",
        newDueOn: LATER(67),
        reason: "Zulieferung der Ressorts fehlt",
      });
      const [request] = await t.db.select().from(extensionRequests).where(eq(extensionRequests.inquiryId, assigned.id));
      expect(request).toMatchObject({
        status: "pending",
        requestedDueOn: LATER(67),
        requestedByOrganizationId: mwide.id,
      });
      expect((await eventsOf(assigned.id)).at(-1)).toMatchObject({ type: "extension_requested", public: false });
      const officeView = await loadStaffInquiry(office, assigned.id);
      expect(officeView?.workflow.pendingRequests).toEqual([expect.objectContaining({ requestedDueOn: LATER(67) })]);
      expect(officeView?.workflow.actions).toContain("decide_extension_request");
      // The faction does not see the administration's internal request.
      expect((await loadStaffInquiry(await nrw("fraktion"), assigned.id))?.workflow.pendingRequests).toEqual([]);
      // One open request at a time.
      await expect(
        run(clerk, NRW_SUBMITTED, { intent: "request_extension", newDueOn: LATER(70), reason: "noch mehr" }),
      ).rejects.toBeInstanceOf(TransitionRefused);

      const noNote = run(office, NRW_SUBMITTED, { intent: "refuse_extension", requestId: request!.id, note: "" });
      await expect(noNote).rejects.toMatchObject({ field: "note" });
      await run(office, NRW_SUBMITTED, {
        intent: "refuse_extension",
        requestId: request!.id,
        note: "Die Frist ist gesetzlich bestimmt.",
      });
      const [refused] = await t.db.select().from(extensionRequests).where(eq(extensionRequests.id, request!.id));
      expect(refused).toMatchObject({ status: "refused", decisionNote: "Die Frist ist gesetzlich bestimmt." });
      expect((await inquiry(NRW_SUBMITTED)).dueOn).toBe(dueOn);

      await run(clerk, NRW_SUBMITTED, {
        intent: "request_extension",
        newDueOn: LATER(53),
        reason: "Abstimmung mit zwei Ressorts",
      });
      const [second] = await t.db
        .select()
        .from(extensionRequests)
        .where(and(eq(extensionRequests.inquiryId, assigned.id), eq(extensionRequests.status, "pending")));
      // The clerk cannot grant their own request.
      await expect(
        run(clerk, NRW_SUBMITTED, {
          intent: "grant_extension",
          requestId: second!.id,
          newDueOn: LATER(53),
          reason: "x",
        }),
      ).rejects.toBeInstanceOf(TransitionRefused);

      await run(office, NRW_SUBMITTED, {
        intent: "change_visibility",
        visibility: "public",
        reason: "Öffentliche Anfrage",
      });
      await run(office, NRW_SUBMITTED, {
        intent: "grant_extension",
        requestId: second!.id,
        newDueOn: LATER(53),
        reason: "Abstimmung mit zwei Ressorts",
      });
      const extended = await inquiry(NRW_SUBMITTED);
      expect(extended.dueOn).toBe(LATER(53));
      const [extension] = await t.db
        .select()
        .from(deadlineExtensions)
        .where(eq(deadlineExtensions.inquiryId, extended.id));
      expect(extension).toMatchObject({
        previousDueOn: dueOn,
        newDueOn: LATER(53),
        requestedByOrganizationId: mwide.id,
      });
      const [granted] = await t.db.select().from(extensionRequests).where(eq(extensionRequests.id, second!.id));
      expect(granted).toMatchObject({ status: "granted", extensionId: extension!.id });
      expect((await eventsOf(extended.id)).at(-1)).toMatchObject({ type: "extend_deadline", public: true });

      const publicPage = await loadPublicInquiry({ bodySlug: "landtag-nrw", publicRef: extended.publicRef! }, t.db);
      expect(publicPage?.extensions).toEqual([
        expect.objectContaining({ newDueOn: LATER(53), reason: "Abstimmung mit zwei Ressorts" }),
      ]);
    });
  });

  describe("withdrawal", () => {
    it("needs a public note, is only for the originating faction, and ends the inquiry", async () => {
      const faction = await nrw("fraktion");
      const row = await inquiry(NRW_ANSWERING);
      await expect(
        run(await norderstedt("fraktion"), NRW_ANSWERING, { intent: "withdraw", publicNote: "x" }),
      ).rejects.toThrow(NotFound);
      await expect(run(faction, NRW_ANSWERING, { intent: "withdraw", publicNote: "" })).rejects.toMatchObject({
        guard: "public_note_given",
      });
      expect((await inquiry(NRW_ANSWERING)).status).toBe(row.status);
      await run(faction, NRW_ANSWERING, {
        intent: "withdraw",
        publicNote: "Hat sich durch die Haushaltsberatung erledigt.",
      });
      expect(await inquiry(NRW_ANSWERING)).toMatchObject({
        status: "withdrawn",
        withdrawalNote: "Hat sich durch die Haushaltsberatung erledigt.",
      });
    });
  });

  describe("motion (Antrag, Scharnebeck)", () => {
    it("goes on the agenda with its TOP and is decided with a note shown publicly", async () => {
      const office = await userFor("ratsbuero@scharnebeck.quaestio.example");
      const motion = await inquiry(SCHARNEBECK_MOTION);
      const [rat] = await t.db
        .select()
        .from(organizations)
        .where(and(eq(organizations.bodyId, motion.bodyId), eq(organizations.name, "Samtgemeinderat")));
      const faction = await org("Bündnis90/ Die GRÜNEN");

      const tooEarly = run(office, SCHARNEBECK_MOTION, {
        intent: "decide",
        decision: "adopted",
        meetingId: "00000000-0000-4000-8000-000000000000",
        note: null,
      });
      await expect(tooEarly).rejects.toMatchObject({ reason: "not_allowed_in_state" });
      // The form creates a new meeting of the council (next to the demo data's meetings); a faction holds none.
      const meetingsOfBody = () =>
        t.db
          .select({ id: meetings.id, name: meetings.name, date: meetings.date })
          .from(meetings)
          .where(eq(meetings.bodyId, motion.bodyId))
          .orderBy(meetings.date, meetings.id);
      const meetingsBefore = await meetingsOfBody();
      const agenda = { meetingId: null, agendaItemId: null } as const;
      const byFaction = run(office, SCHARNEBECK_MOTION, {
        intent: "put_on_agenda",
        ...agenda,
        newMeeting: { organizationId: faction.id, date: LATER(73) },
        newItemNumber: "7",
        newItemTitle: "Antrag",
        roleLabel: null,
      });
      await expect(byFaction).rejects.toMatchObject({ field: "newMeetingOrganizationId" });
      expect((await inquiry(SCHARNEBECK_MOTION)).status).toBe("submitted");
      expect(await meetingsOfBody()).toEqual(meetingsBefore);
      await run(office, SCHARNEBECK_MOTION, {
        intent: "put_on_agenda",
        ...agenda,
        newMeeting: { organizationId: rat!.id, date: LATER(73) },
        newItemNumber: "7",
        newItemTitle: "Antrag: Sichere Video- und Telefonkonferenzen",
        roleLabel: "Entscheidung",
      });
      const onAgenda = await inquiry(SCHARNEBECK_MOTION);
      expect(onAgenda.status).toBe("on_agenda");
      const [link] = await t.db.select().from(inquiryAgendaItems).where(eq(inquiryAgendaItems.inquiryId, motion.id));
      expect(link).toMatchObject({ purpose: "decision", roleLabel: "Entscheidung" });
      const added = (await meetingsOfBody()).filter((m) => !meetingsBefore.some((b) => b.id === m.id));
      expect(added.map(({ name, date }) => ({ name, date }))).toEqual([
        { name: "Sitzung: Samtgemeinderat", date: LATER(73) },
      ]);
      const [item] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, link!.agendaItemId));
      expect(item).toMatchObject({ meetingId: added[0]!.id, number: "7" });
      expect((await eventsOf(motion.id)).at(-1)).toMatchObject({ type: "put_on_agenda", public: true });

      // The meeting lies in the future: no decision can be recorded for it (domain guard, checked by the command).
      const future = run(office, SCHARNEBECK_MOTION, {
        intent: "decide",
        decision: "referred",
        meetingId: added[0]!.id,
        note: "In den Ausschuss für Digitalisierung überwiesen.",
      });
      await expect(future).rejects.toMatchObject({ reason: "guard_failed", guard: "decision_meeting_held" });
      expect((await inquiry(SCHARNEBECK_MOTION)).status).toBe("on_agenda");
      // Nor for a meeting the motion is not on the agenda of for decision.
      const [otherMeeting] = meetingsBefore;
      const unrelated = run(office, SCHARNEBECK_MOTION, {
        intent: "decide",
        decision: "referred",
        meetingId: otherMeeting!.id,
        note: null,
      });
      await expect(unrelated).rejects.toMatchObject({ reason: "guard_failed", guard: "decision_meeting_held" });
      // The council met today instead (an urgent item): on the day of the meeting the decision can be recorded.
      await run(office, SCHARNEBECK_MOTION, {
        intent: "link_agenda",
        ...agenda,
        newMeeting: { organizationId: rat!.id, date: LATER(0) },
        newItemNumber: "3",
        newItemTitle: "Dringlichkeitsantrag: Sichere Video- und Telefonkonferenzen",
        purpose: "decision",
        roleLabel: "Entscheidung",
      });
      const today = (await meetingsOfBody()).find((m) => m.date === LATER(0) && m.name === "Sitzung: Samtgemeinderat");
      await run(office, SCHARNEBECK_MOTION, {
        intent: "decide",
        decision: "referred",
        meetingId: today!.id,
        note: "In den Ausschuss für Digitalisierung überwiesen.",
      });
      const decided = await inquiry(SCHARNEBECK_MOTION);
      expect(decided).toMatchObject({
        status: "decided",
        motionDecision: "referred",
        motionDecisionNote: "In den Ausschuss für Digitalisierung überwiesen.",
      });
      const publicPage = await loadPublicInquiry({ bodySlug: "scharnebeck", publicRef: decided.publicRef! }, t.db);
      expect(publicPage?.inquiry).toMatchObject({
        motionDecision: "referred",
        motionDecisionNote: "In den Ausschuss für Digitalisierung überwiesen.",
      });
      expect(publicPage?.agenda).toEqual([
        expect.objectContaining({ itemNumber: "3" }),
        expect.objectContaining({ itemNumber: "7" }),
      ]);
    });
  });
});
