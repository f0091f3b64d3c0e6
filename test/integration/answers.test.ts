/**
 * The answer workflow against the database (issue 10): starting to answer creates the answer with the body's
 * sign-off chain; the lead department saves with an optimistic version; the chain is signed in order by the
 * step's role holders, each signature bound to the content hash; an edit after a signature invalidates it and
 * returns the answer to drafting; a return for revision needs a comment; sign-off waits for open
 * consultations; the council office publishes once, and the public read model shows the answer and the
 * justification of a withholding but never the withheld text. Other bodies' users get NotFound throughout.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  answerParts,
  answerVersions,
  answers,
  consultations,
  events,
  inquiries,
  notifications,
  organizations,
  signatures,
  signOffSteps,
} from "../../db/schema";
import type { CurrentUser } from "../../app/server/accounts/auth.server";
import { useDatabase } from "../../app/server/core/db.server";
import { runWorkflowCommand } from "../../app/server/inquiries/intake.server";
import { loadPublicInquiry } from "../../app/server/public/inquiries.server";
import { NotFound, StaleVersionError, TransitionRefused } from "../../app/server/core/transitions.server";
import {
  AnswerConflict,
  AnswerRefused,
  AnswerValidationError,
  loadAnswerPage,
  saveAnswer,
} from "../../app/server/answers/answer-drafts.server";
import type { PostedAnswer } from "../../app/server/answers/answer-form.server";
import { loadAnswerQueue } from "../../app/server/answers/answer-queue.server";
import { publishCorrection, signCorrection, startCorrection } from "../../app/server/answers/answer-correction.server";
import { loadFollowUpLinks, mayStartFollowUp, startFollowUp } from "../../app/server/answers/answer-follow-up.server";
import { DraftRefused } from "../../app/server/inquiries/drafts.server";
import { publishHoldingAnswer } from "../../app/server/answers/answer-holding.server";
import { publishAnswer } from "../../app/server/answers/answer-publication.server";
import { comparePublishedVersions } from "../../app/server/public/answers.server";
import { returnForRevision, sendToSignOff, signStep } from "../../app/server/answers/answer-sign-off.server";
import { backends, describeOnOneBackend, useTestDatabase } from "../support/db";
import { chainSigners, roleHolders, signNext } from "../support/answer-sign-off";
import { assignedCopyOf } from "../support/inquiry-copies";
import { currentUserFor } from "../support/users";

const SCHOOLS = "Ausstattung der Schulen mit digitalen Endgeräten";
const WITHHELD = "Seriennummern der Tablets: XK-4711-GEHEIM";
const JUSTIFICATION = "Die Angaben würden Angriffe auf die Schul-IT erleichtern.";
const OPEN_SOURCE = "Open-Source-Software in den Ministerien";

// On both backends: what is stored and read back — the optimistic versions, the withholding in the public read
// model, publication, correction and the two-connection races. The workflow's own rules (the chain, signature
// order and hash, returns, validation messages, access by body, follow-ups) are app code over the same queries and
// run on one backend (describeOnOneBackend; TEST_BOTH_BACKENDS=1 for both; ADR 0001, addendum on issue 9).
describe.each(backends())("answer workflow on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  const norderstedt = (local: string) => currentUserFor(t.db, `${local}@norderstedt.quaestio.example`);

  async function inquiryById(id: string) {
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    return row!;
  }

  /** A user holding `role` in `organizationId` (the demo accounts have no department head or councillor). */
  const userWithRole = roleHolders(() => t.db, `signer-${backend}`);

  /** A new copy of the schools inquiry (assignedCopyOf), answering started by the Norderstedt clerk. */
  async function startAnswering() {
    const clerk = await norderstedt("sachbearbeitung");
    const inquiry = await inquiryById(await assignedCopyOf(t.db, SCHOOLS, "norderstedt"));
    await runWorkflowCommand(clerk, inquiry.id, inquiry.version, { intent: "start_answering" });
    return { clerk, inquiry: await inquiryById(inquiry.id) };
  }

  function valuesOf(
    page: Awaited<ReturnType<typeof loadAnswerPage>>,
    change: Partial<PostedAnswer> = {},
  ): PostedAnswer {
    return {
      documentKind: page.values.documentKind,
      documentReference: page.values.documentReference,
      title: page.values.title,
      issuedByLabel: page.values.issuedByLabel,
      caseOfficerLabel: page.values.caseOfficerLabel,
      flagged: page.answer.flagged,
      preamble: {
        json: page.values.preamble.json ? JSON.stringify(page.values.preamble.json) : "",
        text: page.values.preamble.text,
      },
      parts: page.values.parts.map((p) => ({
        questionIds: p.questionIds,
        jointNote: p.jointNote,
        body: { json: JSON.stringify(p.body.json), text: p.body.text },
        withheld: p.withholding !== null,
        reason: p.withholding?.reason ?? "",
        subject: p.withholding?.subject ?? "",
        justification: p.withholding?.publicJustification ?? "",
        withheldText: p.withholding?.withheldText ?? "",
      })),
      ...change,
    };
  }
  const docOf = (text: string) =>
    JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

  /** One part answering every question, with the tablets' serial numbers withheld (IT security). */
  const jointValues = (page: Awaited<ReturnType<typeof loadAnswerPage>>) =>
    valuesOf(page, {
      documentKind: "Mitteilungsvorlage",
      parts: [
        {
          questionIds: page.questions.map((q) => q.id),
          body: { json: docOf("An den Schulen stehen 1.240 Tablets zur Verfügung."), text: "" },
          withheld: true,
          reason: "it_security",
          subject: "Seriennummern",
          justification: JUSTIFICATION,
          withheldText: WITHHELD,
        },
      ],
    });

  // ---- the states the tests start from, each built on a new inquiry through the real server commands ----

  /** Answering started; the answer is in drafting with the (empty) part per question. */
  async function answering() {
    const { inquiry, clerk } = await startAnswering();
    return { inquiryId: inquiry.id, clerk };
  }

  /** One part answering both questions, with the tablets' serial numbers withheld (IT security). */
  async function jointlyAnswered() {
    const state = await answering();
    const { inquiryId, clerk } = state;
    const page = await loadAnswerPage(clerk, inquiryId);
    const values = jointValues(page);
    await saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values, rich: true });
    return state;
  }

  const signersFor = (inquiryId: string) => chainSigners(t.db, inquiryId, userWithRole);

  /** In sign-off, signed by everyone but the mayor, the last step. */
  async function signedUpToTheMayor() {
    const state = await jointlyAnswered();
    const { inquiryId, clerk } = state;
    const signers = await signersFor(inquiryId);
    const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
    await sendToSignOff(clerk, inquiryId, answer!.version);
    for (const signer of [clerk, signers.head, signers.head, signers.councillor]) await signNext(signer, inquiryId);
    return { ...state, ...signers };
  }

  /** Back in drafting with the tablets' count changed to 1.250 (the text the publication tests look for). */
  async function revisedTo1250() {
    const state = await jointlyAnswered();
    const { inquiryId, clerk } = state;
    const page = await loadAnswerPage(clerk, inquiryId);
    const values = valuesOf(page);
    values.parts[0]!.body = { json: docOf("An den Schulen stehen 1.250 Tablets zur Verfügung."), text: "" };
    await saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values, rich: true });
    return { ...state, ...(await signersFor(inquiryId)) };
  }

  /** Signed by the whole chain and published by the council office as M 26/0001. */
  async function published() {
    const state = await revisedTo1250();
    const { inquiryId, clerk, head, councillor } = state;
    const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
    await sendToSignOff(clerk, inquiryId, answer!.version);
    const mayor = await norderstedt("verwaltungsspitze");
    for (const signer of [clerk, head, head, councillor, mayor]) await signNext(signer, inquiryId);
    const [approved] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
    const office = await norderstedt("ratsbuero");
    await publishAnswer(office, {
      inquiryId,
      expectedVersion: approved!.version,
      documentReference: "M 26/0001",
      documentDate: "",
    });
    return state;
  }

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("creates the answer with parts per question and the Norderstedt chain when answering starts", async () => {
      const started = await startAnswering();
      const inquiryId = started.inquiry.id;
      const clerk = started.clerk;
      expect(started.inquiry.status).toBe("answering");
      const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
      expect(answer!.status).toBe("drafting");
      const steps = await t.db
        .select()
        .from(signOffSteps)
        .where(eq(signOffSteps.answerId, answer!.id))
        .orderBy(asc(signOffSteps.position));
      expect(steps.map((s) => [s.label, s.signerRole, s.status])).toEqual([
        ["Sachbearbeiter/in", "clerk", "pending"],
        ["Fachbereichsleiter/in", "department_head", "pending"],
        ["Amtsleiter/in", "department_head", "pending"],
        ["mitzeichnendes Amt", "co_signer", "not_required"],
        ["Stadtrat/Stadträtin", "councillor", "pending"],
        ["Oberbürgermeisterin", "mayor", "pending"],
      ]);
      const page = await loadAnswerPage(clerk, inquiryId);
      expect(page.values.parts).toHaveLength(2);
      expect(page.rights.edit).toBe(true);
      expect(page.values.issuedByLabel).not.toBe("");
    });
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("answers 404 to another body's clerk and read-only to the mayor", async () => {
      const { inquiryId, clerk } = await answering();
      const nrwClerk = await currentUserFor(t.db, "sachbearbeitung@landtag-nrw.quaestio.example");
      await expect(loadAnswerPage(nrwClerk, inquiryId)).rejects.toThrow(NotFound);
      const page = await loadAnswerPage(clerk, inquiryId);
      await expect(
        saveAnswer(nrwClerk, { inquiryId, expectedVersion: page.answer.version, values: valuesOf(page), rich: true }),
      ).rejects.toThrow(NotFound);
      const faction = await norderstedt("fraktion");
      await expect(loadAnswerPage(faction, inquiryId)).rejects.toThrow(NotFound);
      const mayor = await norderstedt("verwaltungsspitze");
      const mayorPage = await loadAnswerPage(mayor, inquiryId);
      expect(mayorPage.rights.edit).toBe(false);
      await expect(
        saveAnswer(mayor, { inquiryId, expectedVersion: page.answer.version, values: valuesOf(page), rich: true }),
      ).rejects.toThrow(AnswerRefused);
    });
  });

  it("saves a joint answer with a withholding, and refuses a stale version without writing", async () => {
    const { inquiryId, clerk } = await answering();
    const page = await loadAnswerPage(clerk, inquiryId);
    const qs = page.questions.map((q) => q.id);
    const values = jointValues(page);
    const saved = await saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values, rich: true });
    expect(saved.version).toBe(page.answer.version + 1);
    const after = await loadAnswerPage(clerk, inquiryId);
    expect(after.values.parts).toHaveLength(1);
    expect(after.values.parts[0]!.questionIds).toEqual(qs);
    expect(after.values.parts[0]!.withholding).toMatchObject({ reason: "it_security", withheldText: WITHHELD });

    // The second save of the same loaded version: conflict, nothing written.
    const stale = saveAnswer(clerk, {
      inquiryId,
      expectedVersion: page.answer.version,
      values: valuesOf(page),
      rich: true,
    });
    await expect(stale).rejects.toThrow(AnswerConflict);
    await expect(stale).rejects.toMatchObject({ currentVersion: saved.version });
    // It names who saved the other version and when.
    await expect(stale).rejects.toMatchObject({
      lastSave: { savedBy: clerk.displayName, time: expect.stringMatching(/^\d{2}:\d{2}$/) },
    });
    expect((await loadAnswerPage(clerk, inquiryId)).values.parts).toHaveLength(1);
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("writes the joint note for a part answering two questions", async () => {
      const { inquiryId } = await jointlyAnswered();
      const [row] = await t.db
        .select({ jointNote: answerParts.jointNote })
        .from(answerParts)
        .innerJoin(answerVersions, eq(answerVersions.id, answerParts.versionId))
        .innerJoin(answers, eq(answers.id, answerVersions.answerId))
        .where(eq(answers.inquiryId, inquiryId));
      expect(row!.jointNote).toBe("Die Fragen 1 und 2 werden wegen des Sachzusammenhangs gemeinsam beantwortet.");
    });
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("keeps the author's own sentence before a joint answer, refuses an overlong one, and restores the default", async () => {
      const { inquiryId, clerk } = await jointlyAnswered();
      const GENERATED = "Die Fragen 1 und 2 werden wegen des Sachzusammenhangs gemeinsam beantwortet.";
      const OWN = "Die Fragen 1 und 2 werden wegen des bestehenden Sachzusammenhangs gemeinsam beantwortet.";
      const stored = async () =>
        (
          await t.db
            .select({ jointNote: answerParts.jointNote })
            .from(answerParts)
            .innerJoin(answerVersions, eq(answerVersions.id, answerParts.versionId))
            .innerJoin(answers, eq(answers.id, answerVersions.answerId))
            .where(eq(answers.inquiryId, inquiryId))
        )[0]!.jointNote;
      const withNote = async (jointNote: string, jointNoteShown = GENERATED) => {
        const page = await loadAnswerPage(clerk, inquiryId);
        const values = valuesOf(page);
        values.parts = values.parts.map((p) => ({ ...p, jointNote, jointNoteShown }));
        return saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values, rich: true });
      };
      await withNote(OWN);
      expect(await stored()).toBe(OWN);
      expect((await loadAnswerPage(clerk, inquiryId)).values.parts[0]!.jointNote).toBe(OWN);
      const before = await loadAnswerPage(clerk, inquiryId);
      await expect(withNote("x".repeat(501))).rejects.toMatchObject({
        fieldErrors: { "p-0-jointNote": "Der einleitende Satz darf höchstens 500 Zeichen lang sein." },
      });
      expect((await loadAnswerPage(clerk, inquiryId)).answer.version).toBe(before.answer.version);
      expect(await stored()).toBe(OWN);
      // An emptied field, or the generated sentence posted back unchanged, is the default again.
      await withNote("");
      expect(await stored()).toBe(GENERATED);
      expect((await loadAnswerPage(clerk, inquiryId)).values.parts[0]!.jointNote).toBe("");
      await withNote(GENERATED);
      expect(await stored()).toBe(GENERATED);
    });
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("refuses a withholding without reason or public justification, with messages by field", async () => {
      const { inquiryId, clerk } = await jointlyAnswered();
      const page = await loadAnswerPage(clerk, inquiryId);
      const values = valuesOf(page);
      values.parts[0] = { ...values.parts[0]!, reason: "geheim", justification: "  " };
      const attempt = saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values, rich: true });
      await expect(attempt).rejects.toThrow(AnswerValidationError);
      await expect(attempt).rejects.toMatchObject({
        fieldErrors: {
          "p-0-reason": expect.stringContaining("Grund"),
          "p-0-justification": expect.stringContaining("Begründung"),
        },
      });
    });
  });

  it("publishes a holding answer with the expected date on the public timeline, without closing the inquiry", async () => {
    const { inquiryId, clerk } = await answering();
    let page = await loadAnswerPage(clerk, inquiryId);
    const now = new Date("2026-12-02T10:00:00Z");
    const refused = publishHoldingAnswer(
      clerk,
      { inquiryId, expectedVersion: page.answer.version, message: " ", expectedOn: "2026-12-02" },
      now,
    );
    await expect(refused).rejects.toMatchObject({
      fieldErrors: { holdingMessage: expect.any(String), holdingExpectedOn: expect.any(String) },
    });
    const faction = await norderstedt("fraktion");
    await expect(
      publishHoldingAnswer(
        faction,
        { inquiryId, expectedVersion: page.answer.version, message: "x", expectedOn: "2027-01-15" },
        now,
      ),
    ).rejects.toThrow(NotFound);
    await publishHoldingAnswer(
      clerk,
      {
        inquiryId,
        expectedVersion: page.answer.version,
        message: "Die Zahlen der Schulen liegen noch nicht vollständig vor.",
        expectedOn: "2027-01-15",
      },
      now,
    );
    const inquiry = await inquiryById(inquiryId);
    expect(inquiry.status).toBe("answering");
    const detail = await loadPublicInquiry({ bodySlug: "norderstedt", publicRef: inquiry.publicRef! }, t.db);
    expect(detail!.timeline.find((e) => e.type === "holding_answer")?.note).toBe(
      "Die Zahlen der Schulen liegen noch nicht vollständig vor. (Antwort voraussichtlich bis 15.01.2027)",
    );
    page = await loadAnswerPage(clerk, inquiryId);
    expect(page.answer.status).toBe("drafting");
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("waits for an open consultation before sign-off", async () => {
      const { inquiryId, clerk } = await jointlyAnswered();
      const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
      const [dpo] = await t.db
        .select()
        .from(organizations)
        .where(and(eq(organizations.bodyId, answer!.bodyId), eq(organizations.kind, "dpo_office")));
      const [open] = await t.db
        .insert(consultations)
        .values({
          bodyId: answer!.bodyId,
          answerId: answer!.id,
          kind: "dpo",
          addresseeOrganizationId: dpo!.id,
          status: "requested",
        })
        .returning({ id: consultations.id });
      const attempt = sendToSignOff(clerk, inquiryId, answer!.version);
      await expect(attempt).rejects.toThrow(TransitionRefused);
      await expect(attempt).rejects.toMatchObject({ guard: "no_open_consultation" });
      await t.db.delete(consultations).where(eq(consultations.id, open!.id));
    });
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("is signed in order by the holders of each step's role, each signature bound to the content hash", async () => {
      const { inquiryId, clerk } = await jointlyAnswered();
      const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
      await sendToSignOff(clerk, inquiryId, answer!.version);
      const { head, councillor } = await signersFor(inquiryId);
      const mayor = await norderstedt("verwaltungsspitze");

      let page = await loadAnswerPage(head, inquiryId);
      // Not the department head's turn yet: the case officer signs first.
      expect(page.rights.signStepId).toBeNull();
      await expect(
        signStep(head, {
          inquiryId,
          expectedVersion: page.answer.version,
          stepId: page.steps[0]!.id,
          seenHash: page.contentHash,
        }),
      ).rejects.toThrow(TransitionRefused);
      page = await loadAnswerPage(clerk, inquiryId);
      // A hash of other content is refused.
      await expect(
        signStep(clerk, {
          inquiryId,
          expectedVersion: page.answer.version,
          stepId: page.rights.signStepId!,
          seenHash: "0".repeat(64),
        }),
      ).rejects.toThrow(TransitionRefused);
      await signStep(clerk, {
        inquiryId,
        expectedVersion: page.answer.version,
        stepId: page.rights.signStepId!,
        seenHash: page.contentHash,
      });
      // The department head's dashboard lists the answer as waiting for their signature; the mayor's not yet.
      const bodyId = answer!.bodyId;
      // (The demo data has an answer of its own waiting in this chain, at the Amtsleitung.)
      expect((await loadAnswerQueue(head, bodyId)).toSign.filter((i) => i.inquiryId === inquiryId)).toEqual([
        expect.objectContaining({ inquiryId, stepLabel: "Fachbereichsleiter/in" }),
      ]);
      expect((await loadAnswerQueue(mayor, bodyId)).toSign.map((i) => i.inquiryId)).not.toContain(inquiryId);
      for (const signer of [head, head]) {
        page = await loadAnswerPage(signer, inquiryId);
        expect(page.rights.signStepId).not.toBeNull();
        await signStep(signer, {
          inquiryId,
          expectedVersion: page.answer.version,
          stepId: page.rights.signStepId!,
          seenHash: page.contentHash,
        });
      }
      page = await loadAnswerPage(councillor, inquiryId);
      await signStep(councillor, {
        inquiryId,
        expectedVersion: page.answer.version,
        stepId: page.rights.signStepId!,
        seenHash: page.contentHash,
      });
      const rows = await t.db
        .select({ hash: signatures.contentHash })
        .from(signatures)
        .innerJoin(signOffSteps, eq(signOffSteps.id, signatures.stepId))
        .where(and(eq(signOffSteps.answerId, answer!.id), isNull(signatures.invalidatedAt)));
      expect(rows).toHaveLength(4);
      expect(new Set(rows.map((r) => r.hash))).toEqual(new Set([page.contentHash]));
      expect(page.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect((await loadAnswerPage(mayor, inquiryId)).rights.signStepId).not.toBeNull();
    });
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("sends the answer back to drafting and invalidates every signature when the text changes after signing", async () => {
      const { inquiryId, clerk } = await signedUpToTheMayor();
      const page = await loadAnswerPage(clerk, inquiryId);
      const values = valuesOf(page);
      values.parts[0]!.body = { json: docOf("An den Schulen stehen 1.250 Tablets zur Verfügung."), text: "" };
      const saved = await saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values, rich: true });
      expect(saved.signaturesLapsed).toBe(true);
      const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
      expect(answer!.status).toBe("drafting");
      const valid = await t.db
        .select()
        .from(signatures)
        .innerJoin(signOffSteps, eq(signOffSteps.id, signatures.stepId))
        .where(and(eq(signOffSteps.answerId, answer!.id), isNull(signatures.invalidatedAt)));
      expect(valid).toHaveLength(0);
      const steps = await t.db.select().from(signOffSteps).where(eq(signOffSteps.answerId, answer!.id));
      expect(steps.filter((s) => s.status === "signed")).toHaveLength(0);
      const [revise] = await t.db
        .select()
        .from(events)
        .where(and(eq(events.aggregateId, answer!.id), eq(events.type, "revise")));
      expect(revise).toMatchObject({
        public: false,
        payload: expect.objectContaining({ from: "sign_off", to: "drafting" }),
      });
    });
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("returns for revision only with a comment, from the signer whose turn it is", async () => {
      const { inquiryId, clerk, head } = await revisedTo1250();
      let [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
      await sendToSignOff(clerk, inquiryId, answer!.version);
      await signNext(clerk, inquiryId);
      const page = await loadAnswerPage(head, inquiryId);
      await expect(
        returnForRevision(head, { inquiryId, expectedVersion: page.answer.version, comment: " " }),
      ).rejects.toMatchObject({ guard: "comment_given" });
      await returnForRevision(head, {
        inquiryId,
        expectedVersion: page.answer.version,
        comment: "Bitte die Zahl der Laptops ergänzen.",
      });
      [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
      expect(answer!.status).toBe("drafting");
      const [returned] = await t.db
        .select()
        .from(events)
        .where(and(eq(events.aggregateId, answer!.id), eq(events.type, "return_for_revision")));
      expect(returned!.payload).toMatchObject({ comment: "Bitte die Zahl der Laptops ergänzen." });
    });
  });

  it("publishes once from a double submit, answers the inquiry, notifies the faction and shows no withheld text publicly", async () => {
    const { inquiryId, clerk, head, councillor } = await revisedTo1250();
    let [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
    await sendToSignOff(clerk, inquiryId, answer!.version);
    const mayor = await norderstedt("verwaltungsspitze");
    for (const signer of [clerk, head, head, councillor, mayor]) await signNext(signer, inquiryId);
    [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
    expect(answer!.status).toBe("approved");

    const office = await norderstedt("ratsbuero");
    expect((await loadAnswerQueue(office, answer!.bodyId)).toPublish.map((i) => i.inquiryId)).toContain(inquiryId);
    await expect(
      publishAnswer(clerk, {
        inquiryId,
        expectedVersion: answer!.version,
        documentReference: "M 26/0001",
        documentDate: "",
      }),
    ).rejects.toThrow(TransitionRefused);
    const input = { inquiryId, expectedVersion: answer!.version, documentReference: "M 26/0001", documentDate: "" };
    expect(await publishAnswer(office, input)).toEqual({ alreadyPublished: false });
    expect(await publishAnswer(office, input)).toEqual({ alreadyPublished: true });
    const published = await t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateId, answer!.id), eq(events.type, "publish")));
    expect(published).toHaveLength(1);
    const inquiry = await inquiryById(inquiryId);
    expect(inquiry.status).toBe("answered");
    const faction = await norderstedt("fraktion");
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, faction.id));
    expect(notes.length).toBeGreaterThan(0);

    const detail = await loadPublicInquiry({ bodySlug: "norderstedt", publicRef: inquiry.publicRef! }, t.db);
    expect(detail?.answer?.version.documentReference).toBe("M 26/0001");
    const publicJson = JSON.stringify(detail);
    expect(publicJson).toContain("1.250 Tablets");
    expect(publicJson).toContain(JUSTIFICATION);
    expect(publicJson).not.toContain("XK-4711");
    // A published answer is not edited in place.
    const page = await loadAnswerPage(clerk, inquiryId);
    expect(page.rights.edit).toBe(false);
    await expect(
      saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values: valuesOf(page), rich: true }),
    ).rejects.toThrow(AnswerRefused);
  });

  it("corrects a published answer with a new version, a public note and a word-level comparison", async () => {
    const { inquiryId, clerk } = await published();
    const office = await norderstedt("ratsbuero");
    let page = await loadAnswerPage(clerk, inquiryId);
    expect(page.rights.startCorrection).toBe(true);
    await expect(startCorrection(office, { inquiryId, expectedVersion: page.answer.version })).rejects.toThrow(
      TransitionRefused,
    );
    await startCorrection(clerk, { inquiryId, expectedVersion: page.answer.version });
    page = await loadAnswerPage(clerk, inquiryId);
    expect(page.correctionDraft).toBe(true);
    expect(page.rights.edit).toBe(true);
    const values = valuesOf(page);
    expect(values.parts[0]!.withheldText).toBe(WITHHELD);
    values.parts[0]!.body = { json: docOf("An den Schulen stehen 1.260 Tablets zur Verfügung."), text: "" };
    await saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values, rich: true });
    page = await loadAnswerPage(office, inquiryId);
    expect(page.rights.publishCorrection).toBe(true);
    await expect(
      publishCorrection(office, { inquiryId, expectedVersion: page.answer.version, correctionNote: " " }),
    ).rejects.toMatchObject({
      guard: "correction_note_given",
    });
    // Not before the chain's last step (the mayor) has signed the corrected content (ADR 0011 addendum).
    expect(page.correction).toMatchObject({ stepLabel: "Oberbürgermeisterin", signed: false, maySign: false });
    await expect(
      publishCorrection(office, {
        inquiryId,
        expectedVersion: page.answer.version,
        correctionNote: "Zahl der Tablets berichtigt.",
      }),
    ).rejects.toMatchObject({ reason: "guard_failed", message: expect.stringContaining("nicht gezeichnet") });
    const mayor = await norderstedt("verwaltungsspitze");
    await expect(
      signCorrection(clerk, { inquiryId, expectedVersion: page.answer.version, seenHash: page.contentHash }),
    ).rejects.toThrow(TransitionRefused);
    let mayorPage = await loadAnswerPage(mayor, inquiryId);
    expect(mayorPage.correction).toMatchObject({ maySign: true, signed: false });
    await expect(
      signCorrection(mayor, { inquiryId, expectedVersion: mayorPage.answer.version, seenHash: "0".repeat(64) }),
    ).rejects.toThrow(TransitionRefused);
    await signCorrection(mayor, {
      inquiryId,
      expectedVersion: mayorPage.answer.version,
      seenHash: mayorPage.contentHash,
    });
    // An edit after the signature makes it lapse: signed again before publication.
    page = await loadAnswerPage(clerk, inquiryId);
    const edited = valuesOf(page);
    edited.parts[0]!.body = { json: docOf("An den Schulen stehen 1.260 Tablets zur Verfügung!"), text: "" };
    await saveAnswer(clerk, { inquiryId, expectedVersion: page.answer.version, values: edited, rich: true });
    mayorPage = await loadAnswerPage(mayor, inquiryId);
    expect(mayorPage.correction).toMatchObject({ signed: false });
    edited.parts[0]!.body = { json: docOf("An den Schulen stehen 1.260 Tablets zur Verfügung."), text: "" };
    await saveAnswer(clerk, {
      inquiryId,
      expectedVersion: mayorPage.answer.version,
      values: edited,
      rich: true,
    });
    mayorPage = await loadAnswerPage(mayor, inquiryId);
    await signCorrection(mayor, {
      inquiryId,
      expectedVersion: mayorPage.answer.version,
      seenHash: mayorPage.contentHash,
    });
    page = await loadAnswerPage(office, inquiryId);
    expect(page.correction).toMatchObject({ signed: true });
    await publishCorrection(office, {
      inquiryId,
      expectedVersion: page.answer.version,
      correctionNote: "Zahl der Tablets berichtigt.",
    });

    const inquiry = await inquiryById(inquiryId);
    const detail = await loadPublicInquiry({ bodySlug: "norderstedt", publicRef: inquiry.publicRef! }, t.db);
    expect(detail!.answer!.version).toMatchObject({ versionNumber: 2, correctionNote: "Zahl der Tablets berichtigt." });
    expect(detail!.answer!.versions.map((v) => v.versionNumber)).toEqual([1, 2]);
    const earlier = await loadPublicInquiry(
      { bodySlug: "norderstedt", publicRef: inquiry.publicRef!, versionNumber: 1 },
      t.db,
    );
    expect(JSON.stringify(earlier)).toContain("1.250 Tablets");
    const comparison = await comparePublishedVersions(
      { body: detail!.body, publicRef: inquiry.publicRef!, from: 1, to: 2 },
      t.db,
    );
    expect(
      comparison!.segments
        .filter((s) => s.kind === "removed")
        .map((s) => s.text)
        .join(""),
    ).toBe("250");
    expect(
      comparison!.segments
        .filter((s) => s.kind === "added")
        .map((s) => s.text)
        .join(""),
    ).toBe("260");
    expect(JSON.stringify(comparison)).toContain(JUSTIFICATION);
    expect(JSON.stringify(comparison)).not.toContain("XK-4711");
    expect(
      await comparePublishedVersions({ body: detail!.body, publicRef: inquiry.publicRef!, from: 3, to: 2 }, t.db),
    ).toBeNull();
  });

  describeOnOneBackend(backend, "the workflow's own rules", () => {
    it("lets the originating faction start a follow-up linked to the published answer; both pages link it", async () => {
      const { inquiryId, clerk } = await published();
      const faction = await norderstedt("fraktion");
      await expect(startFollowUp(clerk, inquiryId)).rejects.toThrow(DraftRefused);
      expect(await mayStartFollowUp(faction, inquiryId)).toBe(true);
      expect(await mayStartFollowUp(clerk, inquiryId)).toBe(false);
      const draftId = await startFollowUp(faction, inquiryId);
      const [draft] = await t.db.select().from(inquiries).where(eq(inquiries.id, draftId));
      expect(draft).toMatchObject({
        status: "draft",
        title: expect.stringMatching(/^Nachfrage zu .+: Ausstattung der Schulen/),
      });
      expect((await loadFollowUpLinks(inquiryId, faction)).followUps.map((l) => l.inquiryId)).toEqual([draftId]);
      expect((await loadFollowUpLinks(draftId, faction)).followsUp?.inquiryId).toBe(inquiryId);
      // A draft is the faction's own: neither the public nor the administration sees the link yet.
      expect((await loadFollowUpLinks(inquiryId, null)).followUps).toEqual([]);
      expect((await loadFollowUpLinks(inquiryId, clerk)).followUps).toEqual([]);
    });
  });

  it("refuses a stale publish that was not the same form", async () => {
    const { inquiryId } = await published();
    const office = await norderstedt("ratsbuero");
    await expect(
      publishAnswer(office, { inquiryId, expectedVersion: 1, documentReference: "M 26/0002", documentDate: "" }),
    ).rejects.toThrow(StaleVersionError);
  });

  describe("races (two connections at once on PostgreSQL; one after the other on PGlite)", () => {
    const nrw = (local: string) => currentUserFor(t.db, `${local}@landtag-nrw.quaestio.example`);

    /** A new copy of the open-source inquiry (assignedCopyOf), answering started by the NRW clerk. */
    async function nrwAnswering() {
      const nrwClerk = await nrw("sachbearbeitung");
      const inquiry = await inquiryById(await assignedCopyOf(t.db, OPEN_SOURCE, "landtag-nrw"));
      await runWorkflowCommand(nrwClerk, inquiry.id, inquiry.version, { intent: "start_answering" });
      return { id: inquiry.id, nrwClerk };
    }

    /** nrwAnswering, and the first part saved once (as the winner of the first race leaves it). */
    async function nrwSavedOnce() {
      const state = await nrwAnswering();
      const page = await loadAnswerPage(state.nrwClerk, state.id);
      const values = valuesOf(page);
      values.parts[0]!.body = { json: docOf("Fassung A"), text: "" };
      await saveAnswer(state.nrwClerk, {
        inquiryId: state.id,
        expectedVersion: page.answer.version,
        values,
        rich: true,
      });
      return state;
    }

    it("two clerks saving one answer at once: one saves, the other gets the conflict and writes nothing", async () => {
      const { id, nrwClerk } = await nrwAnswering();
      const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, id));
      const secondClerk = await userWithRole("clerk", answer!.leadOrganizationId!);
      const page = await loadAnswerPage(nrwClerk, id);
      const save = (user: CurrentUser, text: string) => {
        const values = valuesOf(page);
        values.parts[0]!.body = { json: docOf(text), text: "" };
        return saveAnswer(user, { inquiryId: id, expectedVersion: page.answer.version, values, rich: true });
      };
      const results = await Promise.allSettled([save(nrwClerk, "Fassung A"), save(secondClerk, "Fassung B")]);
      const won = results.findIndex((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toBeGreaterThanOrEqual(0);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(AnswerConflict);
      const after = await loadAnswerPage(nrwClerk, id);
      expect(after.answer.version).toBe(page.answer.version + 1);
      expect(after.values.parts[0]!.body.text).toBe(won === 0 ? "Fassung A" : "Fassung B");
    });

    it("an edit racing a signature never leaves a signature on content the signer did not see", async () => {
      const { id, nrwClerk } = await nrwSavedOnce();
      let page = await loadAnswerPage(nrwClerk, id);
      await sendToSignOff(nrwClerk, id, page.answer.version);
      page = await loadAnswerPage(nrwClerk, id);
      const values = valuesOf(page);
      values.parts[0]!.body = { json: docOf("Geänderte Fassung während der Zeichnung"), text: "" };
      const results = await Promise.allSettled([
        signStep(nrwClerk, {
          inquiryId: id,
          expectedVersion: page.answer.version,
          stepId: page.rights.signStepId!,
          seenHash: page.contentHash,
        }),
        saveAnswer(nrwClerk, { inquiryId: id, expectedVersion: page.answer.version, values, rich: true }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const after = await loadAnswerPage(nrwClerk, id);
      const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, id));
      const valid = await t.db
        .select({ hash: signatures.contentHash })
        .from(signatures)
        .innerJoin(signOffSteps, eq(signOffSteps.id, signatures.stepId))
        .where(
          and(
            eq(signOffSteps.answerId, answer!.id),
            isNull(signatures.invalidatedAt),
            eq(signatures.decision, "signed"),
          ),
        );
      // Whichever won: every signature that stands is on the content as it is now.
      for (const signature of valid) expect(signature.hash).toBe(after.contentHash);
      if (results[0]!.status === "fulfilled") expect(valid).toHaveLength(1);
      else expect(valid).toHaveLength(0);
    });

    it("two publishes at once publish once", async () => {
      const { id, nrwClerk } = await nrwSavedOnce();
      let page = await loadAnswerPage(nrwClerk, id);
      if (page.answer.status === "drafting") {
        await sendToSignOff(nrwClerk, id, page.answer.version);
        page = await loadAnswerPage(nrwClerk, id);
      }
      if (page.rights.signStepId) {
        await signStep(nrwClerk, {
          inquiryId: id,
          expectedVersion: page.answer.version,
          stepId: page.rights.signStepId,
          seenHash: page.contentHash,
        });
      }
      const mayor = await nrw("verwaltungsspitze");
      page = await loadAnswerPage(mayor, id);
      await signStep(mayor, {
        inquiryId: id,
        expectedVersion: page.answer.version,
        stepId: page.rights.signStepId!,
        seenHash: page.contentHash,
      });
      const office = await nrw("ratsbuero");
      page = await loadAnswerPage(office, id);
      expect(page.rights.publish).toBe(true);
      const input = {
        inquiryId: id,
        expectedVersion: page.answer.version,
        documentReference: "18/1",
        documentDate: "",
      };
      const results = await Promise.all([publishAnswer(office, input), publishAnswer(office, input)]);
      expect(results.map((r) => r.alreadyPublished).sort()).toEqual([false, true]);
      const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, id));
      expect(
        await t.db
          .select()
          .from(events)
          .where(and(eq(events.aggregateId, answer!.id), eq(events.type, "publish"))),
      ).toHaveLength(1);
      expect(
        await t.db
          .select()
          .from(events)
          .where(and(eq(events.aggregateId, id), eq(events.type, "answer"))),
      ).toHaveLength(1);
    });
  });
});
