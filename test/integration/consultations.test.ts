/**
 * Consultations through their server commands, on one backend (see below): the DPO writes and submits a statement with
 * restrictions and recommendations and a verdict (the answer's lifecycle step consultation_answered), the lead
 * department requests a statement and a contribution, records a supervisory authority's letter and reply, and
 * decides whether the statement is published. Authorisation (404 for other bodies, refusals for the wrong
 * office), bad input with German messages and stale versions change nothing.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  answers,
  consultationRecommendations,
  consultations,
  events,
  inquiries,
  inquiryTypes,
  memberships,
  notifications,
  organizations,
  users,
} from "../../db/schema";
import { isoDateInTimeZone } from "../../app/domain/format";
import { addDays } from "../../app/domain/dashboard";
import type { CurrentUser } from "../../app/server/accounts/auth.server";
import {
  ConsultationInputError,
  recordReply,
  requestConsultation,
  saveStatement,
  setQuoted,
  type StatementInput,
} from "../../app/server/consultations/commands.server";
import { loadConsultation, loadConsultationOverview } from "../../app/server/consultations/queries.server";
import { useDatabase } from "../../app/server/core/db.server";
import { applyAnswerTransition, NotFound, StaleVersionError } from "../../app/server/core/transitions.server";
import { dpoAnsweredCopyOf, dpoRequestedCopyOf } from "../support/consultation-copies";
import { oneBackend, useTestDatabase } from "../support/db";
import { answeringCopyOf } from "../support/inquiry-copies";
import { currentUserFor } from "../support/users";

const NORDERSTEDT_ANSWERING = "Aufzeichnungen von Videokonferenzen";
const NRW_ANSWERING = "Nutzung von Messenger-Diensten in der Landesverwaltung";
const today = () => isoDateInTimeZone(new Date(), "Europe/Berlin");
const doc = (text: string) =>
  JSON.stringify({
    type: "doc",
    content: [{ type: "paragraph", ...(text ? { content: [{ type: "text", text }] } : {}) }],
  });
const richInput = (text: string) => ({ rich: true, json: doc(text), text: "" });

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): the consultation commands are app code over the
// lifecycle engine (both backends in transitions.test.ts).
describe.each(oneBackend())("consultations on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  const user = (email: string) => currentUserFor(t.db, email);
  const norderstedt = (local: string) => user(`${local}@norderstedt.quaestio.example`);
  const nrw = (local: string) => user(`${local}@landtag-nrw.quaestio.example`);

  async function answerOf(title: string) {
    const [row] = await t.db
      .select({ answer: answers, inquiryId: inquiries.id, typeId: inquiries.typeId, bodyId: inquiries.bodyId })
      .from(answers)
      .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
      .where(eq(inquiries.title, title));
    return row!;
  }
  /** The answer of the inquiry `id` (a test's own copy). */
  async function answerOfInquiry(id: string) {
    const [row] = await t.db
      .select({ answer: answers, inquiryId: inquiries.id, typeId: inquiries.typeId, bodyId: inquiries.bodyId })
      .from(answers)
      .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
      .where(eq(inquiries.id, id));
    return row!;
  }
  async function consultationsOf(answerId: string) {
    return t.db
      .select()
      .from(consultations)
      .where(eq(consultations.answerId, answerId))
      .orderBy(consultations.createdAt);
  }
  async function snapshot(consultationId: string) {
    const [row] = await t.db.select().from(consultations).where(eq(consultations.id, consultationId));
    const items = await t.db
      .select()
      .from(consultationRecommendations)
      .where(eq(consultationRecommendations.consultationId, consultationId));
    const [{ n }] = (await t.db.select({ n: sql<number>`count(*)::int` }).from(events)) as [{ n: number }];
    return { row, items, events: n };
  }
  /** The user's notifications of a kind (about the inquiry `inquiryId` only, if given). */
  async function notificationsFor(email: string, kind: string, inquiryId?: string) {
    return t.db
      .select({ title: notifications.title })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(
        and(
          eq(users.email, email),
          eq(notifications.kind, kind),
          inquiryId ? eq(notifications.inquiryId, inquiryId) : undefined,
        ),
      );
  }
  /** A second account in an organisation (e.g. a clerk of a contributing department). */
  async function memberOf(orgName: string, role: "clerk" | "dpo", email: string): Promise<CurrentUser> {
    const [org] = await t.db.select().from(organizations).where(eq(organizations.name, orgName));
    const [u] = await t.db.insert(users).values({ email, displayName: email, passwordHash: "x" }).returning();
    await t.db.insert(memberships).values({ userId: u!.id, bodyId: org!.bodyId, organizationId: org!.id, role });
    return user(email);
  }

  const statement = (version: number, over: Partial<StatementInput> = {}): StatementInput => ({
    version,
    title: "Kurzbetrachtung Aufzeichnungen",
    statement: richInput("Gegen Aufzeichnungen bestehen Bedenken, soweit Dritte erkennbar sind."),
    items: [
      { kind: "restriction", text: "Keine Aufzeichnung nicht öffentlicher Tagesordnungspunkte." },
      { kind: "recommendation", text: "Dienstanweisung zur Speicherdauer erlassen." },
    ],
    verdict: "conditions",
    submit: false,
    ...over,
  });

  describe("the DPO's statement (Norderstedt, requested in the demo data)", () => {
    // Each test has its own copy of the inquiry whose clerk requested the statement as the demo data does
    // (dpoRequestedCopyOf), so that no test relies on another having left the demo's consultation as it needs it.
    const requestedCopy = async () => {
      const { inquiryId } = await dpoRequestedCopyOf(t.db, NORDERSTEDT_ANSWERING, "norderstedt");
      return answerOfInquiry(inquiryId);
    };

    it("is not visible to another body's DPO or to the faction (404), and the lead clerk may not write it", async () => {
      const { answer } = await requestedCopy();
      const [c] = await consultationsOf(answer.id);
      const before = await snapshot(c!.id);
      await expect(loadConsultation(await nrw("datenschutz"), c!.id, t.db)).rejects.toThrow(NotFound);
      await expect(loadConsultation(await norderstedt("fraktion"), c!.id, t.db)).rejects.toThrow(NotFound);
      await expect(saveStatement(await nrw("datenschutz"), c!.id, statement(c!.version), t.db)).rejects.toThrow(
        NotFound,
      );
      await expect(
        saveStatement(await norderstedt("sachbearbeitung"), c!.id, statement(c!.version), t.db),
      ).rejects.toMatchObject({
        name: "ConsultationInputError",
        fieldErrors: { form: "Dazu sind Sie bei dieser Beteiligung nicht berechtigt." },
      });
      expect(await snapshot(c!.id)).toEqual(before);
      // The lead clerk reads it (and may decide on quoting later), but may not write it.
      const view = await loadConsultation(await norderstedt("sachbearbeitung"), c!.id, t.db);
      expect(view).toMatchObject({ mayWrite: false, isLead: true, status: "requested" });
    });

    it("refuses bad input with a German message per field and writes nothing", async () => {
      const dpo = await norderstedt("datenschutz");
      const { answer } = await requestedCopy();
      const [c] = await consultationsOf(answer.id);
      const before = await snapshot(c!.id);
      const bad = saveStatement(
        dpo,
        c!.id,
        statement(c!.version, {
          submit: true,
          statement: { rich: true, json: "{not json", text: "" },
          verdict: "vielleicht",
          items: [
            { kind: "restriction", text: "x".repeat(2001) },
            { kind: "anything", text: "Punkt" },
            { kind: "recommendation", text: "   " },
          ],
        }),
        t.db,
      );
      await expect(bad).rejects.toBeInstanceOf(ConsultationInputError);
      const errors = ((await bad.catch((e) => e)) as ConsultationInputError).fieldErrors;
      expect(Object.keys(errors).sort()).toEqual(["item-0", "item-1", "statement", "verdict"]);
      expect(errors["item-0"]).toBe("Ein Punkt darf höchstens 2.000 Zeichen lang sein.");
      expect(errors.verdict).toBe("Bitte wählen Sie eines der angebotenen Ergebnisse.");
      // An empty statement cannot be submitted; a missing verdict neither.
      const empty = saveStatement(
        dpo,
        c!.id,
        statement(c!.version, { submit: true, statement: richInput(""), verdict: "" }),
        t.db,
      );
      await expect(empty).rejects.toMatchObject({
        fieldErrors: {
          statement: "Bitte schreiben Sie die Stellungnahme, bevor Sie sie abgeben.",
          verdict: "Bitte wählen Sie ein Ergebnis.",
        },
      });
      await expect(saveStatement(dpo, c!.id, statement(c!.version + 5), t.db)).rejects.toThrow(StaleVersionError);
      expect(await snapshot(c!.id)).toEqual(before);
    });

    it("saves a draft with ordered items, then submits: an event of the consultation, and the lead department hears of it", async () => {
      const dpo = await norderstedt("datenschutz");
      const { answer, inquiryId } = await requestedCopy();
      // The clerk asked the DPO through the request command (as in the demo data): the answer waits for the statement.
      expect(answer.status).toBe("consultation");
      const [c] = await consultationsOf(answer.id);
      const saved = await saveStatement(dpo, c!.id, statement(c!.version), t.db);
      expect(saved.version).toBe(c!.version + 1);
      let view = await loadConsultation(dpo, c!.id, t.db);
      expect(view).toMatchObject({ status: "requested", verdict: "conditions", mayWrite: true });
      expect(view.items.map((i) => i.kind)).toEqual(["restriction", "recommendation"]);

      // Reordered and one removed: the stored order is the posted order.
      const submitted = await saveStatement(
        dpo,
        c!.id,
        statement(saved.version, {
          submit: true,
          items: [
            { kind: "recommendation", text: "Dienstanweisung zur Speicherdauer erlassen." },
            { kind: "restriction", text: "Keine Aufzeichnung nicht öffentlicher Tagesordnungspunkte." },
            { kind: "restriction", text: "" },
          ],
        }),
        t.db,
      );
      view = await loadConsultation(dpo, c!.id, t.db);
      expect(view).toMatchObject({ status: "answered", answeredOn: today(), version: submitted.version });
      expect(view.items).toEqual([
        { kind: "recommendation", text: "Dienstanweisung zur Speicherdauer erlassen." },
        { kind: "restriction", text: "Keine Aufzeichnung nicht öffentlicher Tagesordnungspunkte." },
      ]);
      expect(view.statementHtml).toContain("Bedenken");
      // The statement was what the answer waited for: the lifecycle step back to drafting, on the answer.
      const after = await answerOfInquiry(inquiryId);
      expect(after.answer).toMatchObject({ status: "drafting", version: answer.version + 1 });
      const [event] = await t.db
        .select()
        .from(events)
        .where(and(eq(events.aggregateId, answer.id), eq(events.type, "consultation_answered")));
      expect(event).toMatchObject({
        aggregateType: "answer",
        public: false,
        payload: { from: "consultation", to: "drafting", consultationId: c!.id, verdict: "conditions", items: 2 },
      });
      expect(
        await notificationsFor("sachbearbeitung@norderstedt.quaestio.example", "consultation_answered", inquiryId),
      ).toHaveLength(1);
      // Once answered, it cannot be changed again.
      await expect(saveStatement(dpo, c!.id, statement(submitted.version), t.db)).rejects.toMatchObject({
        fieldErrors: { form: "Diese Beteiligung ist bereits beantwortet." },
      });
    });

    it("lets only the lead department decide that the statement is published with the answer", async () => {
      // The DPO has submitted her statement on this test's own request.
      const { answer } = await requestedCopy();
      const [requested] = await consultationsOf(answer.id);
      await saveStatement(
        await norderstedt("datenschutz"),
        requested!.id,
        statement(requested!.version, { submit: true }),
        t.db,
      );
      const [c] = await consultationsOf(answer.id);
      expect(c!.status).toBe("answered");
      await expect(
        setQuoted(await norderstedt("datenschutz"), c!.id, { version: c!.version, quoted: true }, t.db),
      ).rejects.toBeInstanceOf(ConsultationInputError);
      await expect(
        setQuoted(await norderstedt("sachbearbeitung"), c!.id, { version: c!.version - 1, quoted: true }, t.db),
      ).rejects.toThrow(StaleVersionError);
      await setQuoted(await norderstedt("sachbearbeitung"), c!.id, { version: c!.version, quoted: true }, t.db);
      const [row] = await t.db.select().from(consultations).where(eq(consultations.id, c!.id));
      expect(row!.publishedWithAnswer).toBe(true);
    });
  });

  describe("requesting a statement (NRW)", () => {
    it("refuses bad input and another body's office, and writes nothing", async () => {
      const clerk = await nrw("sachbearbeitung");
      const { answer, inquiryId } = await answerOf(NRW_ANSWERING);
      const [nrwDpo] = await t.db
        .select()
        .from(organizations)
        .where(and(eq(organizations.bodyId, answer.bodyId), eq(organizations.kind, "dpo_office")));
      const [otherDpo] = await t.db
        .select()
        .from(organizations)
        .where(and(eq(organizations.kind, "dpo_office"), sql`${organizations.bodyId} <> ${answer.bodyId}`));
      const count = async () => (await consultationsOf(answer.id)).length;
      const before = await count();
      const bad = requestConsultation(
        clerk,
        inquiryId,
        {
          kind: "dpo",
          answerVersion: answer.version,
          addresseeOrganizationId: otherDpo!.id,
          questions: richInput("  "),
          dueOn: addDays(today(), -1),
        },
        t.db,
      );
      await expect(bad).rejects.toMatchObject({
        fieldErrors: {
          addresseeOrganizationId: "Bitte wählen Sie einen der angebotenen Adressaten.",
          questions: "Bitte formulieren Sie die Fragen.",
          dueOn: "Das Datum liegt in der Vergangenheit.",
        },
      });
      const notADate = requestConsultation(
        clerk,
        inquiryId,
        {
          kind: "dpo",
          answerVersion: answer.version,
          addresseeOrganizationId: nrwDpo!.id,
          questions: richInput("Frage"),
          dueOn: "31.02.2027",
        },
        t.db,
      );
      await expect(notADate).rejects.toMatchObject({
        fieldErrors: { dueOn: "Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ)." },
      });
      // Only the lead department asks; the DPO or another body's clerk cannot.
      const input = {
        kind: "dpo" as const,
        answerVersion: answer.version,
        addresseeOrganizationId: nrwDpo!.id,
        questions: richInput("Frage"),
        dueOn: addDays(today(), 7),
      };
      await expect(requestConsultation(await nrw("datenschutz"), inquiryId, input, t.db)).rejects.toMatchObject({
        fieldErrors: { form: "Dazu sind Sie bei dieser Beteiligung nicht berechtigt." },
      });
      await expect(requestConsultation(await norderstedt("sachbearbeitung"), inquiryId, input, t.db)).rejects.toThrow(
        NotFound,
      );
      expect(await count()).toBe(before);
      expect((await answerOf(NRW_ANSWERING)).answer.version).toBe(answer.version);
    });

    it("a required statement blocks the sign-off until the DPO has answered", async () => {
      const clerk = await nrw("sachbearbeitung");
      // This test's own copy of the NRW inquiry in answering (answeringCopyOf): its answer is in drafting, with no
      // statement and none open (the demo inquiry itself has an open DPO consultation).
      const copyId = await answeringCopyOf(t.db, NRW_ANSWERING, "landtag-nrw");
      const { answer, inquiryId, typeId } = await answerOfInquiry(copyId);
      // The demo data's own requests and statements have told these two already.
      const requestedBefore = (
        await notificationsFor("datenschutz@landtag-nrw.quaestio.example", "consultation_requested")
      ).length;
      const answeredBefore = (
        await notificationsFor("sachbearbeitung@landtag-nrw.quaestio.example", "consultation_answered")
      ).length;
      await t.db.update(inquiryTypes).set({ requiresDpoConsultation: true }).where(eq(inquiryTypes.id, typeId));
      try {
        const overview = await loadConsultationOverview(clerk, inquiryId, t.db);
        expect(overview.requirement).toMatchObject({ required: true, satisfied: false, reasons: [{ kind: "type" }] });
        const send = {
          answerId: answer.id,
          bodyId: answer.bodyId,
          actor: { userId: clerk.id, memberships: clerk.memberships },
          event: "send_to_sign_off",
        };
        await expect(applyAnswerTransition(t.db, { ...send, expectedVersion: answer.version })).rejects.toMatchObject({
          guard: "required_consultation_answered",
        });

        const dpoOffice = overview.options.dpo[0]!;
        const id = await requestConsultation(
          clerk,
          inquiryId,
          {
            kind: "dpo",
            answerVersion: answer.version,
            addresseeOrganizationId: dpoOffice.id,
            questions: richInput("Ist Threema zulässig?"),
            dueOn: addDays(today(), 10),
          },
          t.db,
        );
        const requested = await answerOfInquiry(copyId);
        expect(requested.answer).toMatchObject({ status: "consultation", version: answer.version + 1 });
        const [c] = await t.db.select().from(consultations).where(eq(consultations.id, id));
        expect(c).toMatchObject({
          kind: "dpo",
          status: "requested",
          dueOn: addDays(today(), 10),
          questionsPut: "Ist Threema zulässig?",
        });
        expect(
          await notificationsFor("datenschutz@landtag-nrw.quaestio.example", "consultation_requested"),
        ).toHaveLength(requestedBefore + 1);
        // A second request while the first is open is refused by the lifecycle (the answer is in consultation).
        await expect(
          requestConsultation(
            clerk,
            inquiryId,
            {
              kind: "dpo",
              answerVersion: requested.answer.version,
              addresseeOrganizationId: dpoOffice.id,
              questions: richInput("Noch eine"),
              dueOn: addDays(today(), 10),
            },
            t.db,
          ),
        ).rejects.toMatchObject({ name: "TransitionRefused" });

        await saveStatement(
          await nrw("datenschutz"),
          id,
          statement(c!.version, { submit: true, verdict: "no_objection", items: [] }),
          t.db,
        );
        const answered = await answerOfInquiry(copyId);
        expect(answered.answer).toMatchObject({ status: "drafting", version: answer.version + 2 });
        const [event] = await t.db
          .select()
          .from(events)
          .where(and(eq(events.aggregateId, answer.id), eq(events.type, "consultation_answered")));
        expect(event).toMatchObject({
          aggregateType: "answer",
          public: false,
          payload: { from: "consultation", to: "drafting", consultationId: id },
        });
        expect(
          await notificationsFor("sachbearbeitung@landtag-nrw.quaestio.example", "consultation_answered"),
        ).toHaveLength(answeredBefore + 1);
        expect((await loadConsultationOverview(clerk, inquiryId, t.db)).requirement?.satisfied).toBe(true);
        const sent = await applyAnswerTransition(t.db, { ...send, expectedVersion: answered.answer.version });
        expect(sent.status).toBe("sign_off");
      } finally {
        await t.db.update(inquiryTypes).set({ requiresDpoConsultation: false }).where(eq(inquiryTypes.id, typeId));
      }
    });
  });

  describe("contributions (Norderstedt: Amt 17 contributes)", () => {
    it("the lead requests, the contributing department delivers, each with an event and a notification", async () => {
      const lead = await norderstedt("sachbearbeitung");
      const contributor = await memberOf("Amt 17", "clerk", "amt17@norderstedt.quaestio.example");
      // This test's own copy of the inquiry (Amt 17 contributing as in the demo), whose DPO statement is in: the
      // answer is back in drafting and the DPO takes part in it (dpoAnsweredCopyOf).
      const copy = await dpoAnsweredCopyOf(t.db, NORDERSTEDT_ANSWERING, "norderstedt");
      const { answer, inquiryId } = await answerOfInquiry(copy.inquiryId);
      const overview = await loadConsultationOverview(lead, inquiryId, t.db);
      expect(overview.options.department.map((o) => o.name)).toEqual(["Amt 17"]);
      const amt17 = overview.options.department[0]!;
      // A department that does not take part in the inquiry cannot be asked.
      const [hauptamt] = await t.db.select().from(organizations).where(eq(organizations.name, "13 - Hauptamt"));
      await expect(
        requestConsultation(
          lead,
          inquiryId,
          {
            kind: "department",
            answerVersion: answer.version,
            addresseeOrganizationId: hauptamt!.id,
            questions: richInput("?"),
            dueOn: addDays(today(), 3),
          },
          t.db,
        ),
      ).rejects.toMatchObject({
        fieldErrors: { addresseeOrganizationId: "Bitte wählen Sie einen der angebotenen Adressaten." },
      });

      const id = await requestConsultation(
        lead,
        inquiryId,
        {
          kind: "department",
          answerVersion: answer.version,
          addresseeOrganizationId: amt17.id,
          questions: richInput("Wie lange speichert Amt 17 Aufzeichnungen?"),
          dueOn: addDays(today(), 5),
        },
        t.db,
      );
      // A contribution does not change the answer's state or version.
      expect((await answerOfInquiry(inquiryId)).answer).toMatchObject({
        status: answer.status,
        version: answer.version,
      });
      expect(await notificationsFor("amt17@norderstedt.quaestio.example", "contribution_requested")).toHaveLength(1);

      const [c] = await t.db.select().from(consultations).where(eq(consultations.id, id));
      // The DPO is not the contributor.
      await expect(
        saveStatement(await norderstedt("datenschutz"), id, statement(c!.version), t.db),
      ).rejects.toBeInstanceOf(ConsultationInputError);
      await saveStatement(
        contributor,
        id,
        { ...statement(c!.version, { submit: true, verdict: "" }), statement: richInput("Amt 17 speichert 30 Tage.") },
        t.db,
      );
      const view = await loadConsultation(lead, id, t.db);
      expect(view).toMatchObject({
        kind: "department",
        status: "answered",
        statementText: "Amt 17 speichert 30 Tage.",
        verdict: null,
        items: [],
      });
      const types = (await t.db.select().from(events).where(eq(events.aggregateId, id)).orderBy(events.id)).map(
        (e) => e.type,
      );
      expect(types).toEqual(["contribution_requested", "contribution_delivered"]);
      expect(
        await notificationsFor("sachbearbeitung@norderstedt.quaestio.example", "contribution_delivered"),
      ).toHaveLength(1);
    });
  });

  describe("a supervisory authority's letter and the reply", () => {
    it("the lead records the authority's letter as sender, then the reply letter", async () => {
      const lead = await norderstedt("sachbearbeitung");
      // This test's own copy of the inquiry whose DPO statement is in (dpoAnsweredCopyOf): the answer is back in
      // drafting, and the DPO takes part in it but not in the authority's letter.
      const copy = await dpoAnsweredCopyOf(t.db, NORDERSTEDT_ANSWERING, "norderstedt");
      const { inquiryId, bodyId } = await answerOfInquiry(copy.inquiryId);
      const [authority] = await t.db
        .insert(organizations)
        .values({
          bodyId,
          kind: "supervisory_authority",
          name: "Unabhängiges Landeszentrum für Datenschutz (Test)",
          external: true,
        })
        .returning();
      const fresh = (await answerOfInquiry(inquiryId)).answer;
      const futureLetter = requestConsultation(
        lead,
        inquiryId,
        {
          kind: "supervisory_authority",
          answerVersion: fresh.version,
          addresseeOrganizationId: authority!.id,
          letterTitle: "Bedenken",
          letterOn: addDays(today(), 2),
          letter: richInput(""),
        },
        t.db,
      );
      await expect(futureLetter).rejects.toMatchObject({
        fieldErrors: {
          letterOn: "Das Datum liegt in der Zukunft.",
          letter: "Bitte geben Sie den Inhalt des Schreibens ein.",
        },
      });
      const id = await requestConsultation(
        lead,
        inquiryId,
        {
          kind: "supervisory_authority",
          answerVersion: fresh.version,
          addresseeOrganizationId: authority!.id,
          letterTitle: "Aufsichtsbehördliche Bedenken",
          letterOn: "2021-03-05",
          letter: richInput("Wir haben Bedenken gegen Zoom."),
        },
        t.db,
      );
      let view = await loadConsultation(lead, id, t.db);
      expect(view).toMatchObject({
        kind: "supervisory_authority",
        addresseeName: authority!.name,
        answeredOn: "2021-03-05",
        status: "requested",
        mayWrite: true,
      });
      const [c] = await t.db.select().from(consultations).where(eq(consultations.id, id));
      await expect(
        recordReply(lead, id, { version: c!.version, reply: richInput("Antwort"), repliedOn: "2021-03-01" }, t.db),
      ).rejects.toMatchObject({
        fieldErrors: { repliedOn: "Das Antwortschreiben kann nicht vor dem Schreiben der Aufsichtsbehörde liegen." },
      });
      await expect(
        recordReply(
          await norderstedt("datenschutz"),
          id,
          { version: c!.version, reply: richInput("x"), repliedOn: "2021-03-26" },
          t.db,
        ),
      ).rejects.toBeInstanceOf(ConsultationInputError);
      await recordReply(
        lead,
        id,
        {
          version: c!.version,
          reply: richInput("Ich bin zuversichtlich, dass diese nicht greifen."),
          repliedOn: "2021-03-26",
        },
        t.db,
      );
      view = await loadConsultation(lead, id, t.db);
      expect(view).toMatchObject({
        status: "answered",
        repliedOn: "2021-03-26",
        replyText: "Ich bin zuversichtlich, dass diese nicht greifen.",
      });
      const types = (await t.db.select().from(events).where(eq(events.aggregateId, id)).orderBy(events.id)).map(
        (e) => e.type,
      );
      expect(types).toEqual(["authority_letter_received", "authority_reply_sent"]);
    });
  });
});
