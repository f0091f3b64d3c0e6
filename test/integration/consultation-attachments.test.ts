/**
 * Files of a consultation (issue 10: "Request with the questions put and attachments"), on one backend: the
 * lead department attaches files to its DPO request, typed by their bytes; bad files (faked extension, oversize,
 * path in the name) are refused at the field with nothing saved; only the council office, the lead department
 * and the consulted DPO read them — the executive, the faction and another body's DPO get NotFound; an
 * authority's letter and the reply letter carry files the same way; nothing changes once the DPO has answered.
 */
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  answers,
  consultationAttachments,
  consultations,
  events,
  files,
  inquiries,
  organizations,
} from "../../db/schema";
import { isoDateInTimeZone } from "../../app/domain/format";
import {
  addConsultationAttachment,
  loadConsultationAttachment,
  removeConsultationAttachment,
} from "../../app/server/consultations/attachments.server";
import { recordReply, requestConsultation, saveStatement } from "../../app/server/consultations/commands.server";
import { loadConsultation } from "../../app/server/consultations/queries.server";
import { useDatabase } from "../../app/server/core/db.server";
import { fileDownloadResponse } from "../../app/server/core/download.server";
import { NotFound } from "../../app/server/core/transitions.server";
import { files as sample } from "../support/attachment-files";
import { dpoAnsweredCopyOf, dpoRequestedCopyOf } from "../support/consultation-copies";
import { oneBackend, useTestDatabase } from "../support/db";
import { currentUserFor } from "../support/users";

const NORDERSTEDT_ANSWERING = "Aufzeichnungen von Videokonferenzen";
const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const rich = (text: string) => ({ rich: true, json: doc(text), text: "" });

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): who reads a consultation's files is app code; storing
// and reading the bytes runs on both backends in answer-attachments.test.ts.
describe.each(oneBackend())("consultation attachments on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));
  const norderstedt = (local: string) => currentUserFor(t.db, `${local}@norderstedt.quaestio.example`);
  const nrw = (local: string) => currentUserFor(t.db, `${local}@landtag-nrw.quaestio.example`);

  /**
   * This test's own DPO consultation (issue 9): a copy of the Norderstedt inquiry in answering whose lead clerk
   * has requested the DPO's statement, as in the demo data (dpoRequestedCopyOf).
   */
  async function dpoConsultation() {
    const { inquiryId, consultationId } = await dpoRequestedCopyOf(t.db, NORDERSTEDT_ANSWERING, "norderstedt");
    const [row] = await t.db
      .select({ consultation: consultations, inquiryId: inquiries.id, bodyId: inquiries.bodyId })
      .from(consultations)
      .innerJoin(answers, eq(answers.id, consultations.answerId))
      .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
      .where(and(eq(consultations.id, consultationId), eq(inquiries.id, inquiryId)));
    return row!;
  }
  /** The lead's draft impact assessment (PDF) on the consultation's request, as the first test attaches it. */
  async function requestPdf(consultationId: string) {
    const lead = await norderstedt("sachbearbeitung");
    const pdf = await addConsultationAttachment(lead, consultationId, {
      part: "request",
      title: "Datenschutzfolgenabschätzung (Entwurf)",
      file: { name: "DSFA Entwurf.pdf", bytes: sample.pdf() },
    });
    return pdf.attachmentId;
  }
  const counts = async () => ({
    attachments: (await t.db.select({ n: count() }).from(consultationAttachments))[0]!.n,
    files: (await t.db.select({ n: count() }).from(files))[0]!.n,
  });

  it("the lead attaches files to its DPO request; the DPO sees them in her inbox and downloads them", async () => {
    const lead = await norderstedt("sachbearbeitung");
    const { consultation } = await dpoConsultation();
    expect(consultation.status).toBe("requested");
    const pdf = await addConsultationAttachment(lead, consultation.id, {
      part: "request",
      title: "Datenschutzfolgenabschätzung (Entwurf)",
      file: { name: "DSFA Entwurf.pdf", bytes: sample.pdf() },
    });
    const pdfId = pdf.attachmentId;
    // The name says PDF, the bytes say DOCX: the bytes decide the type.
    await addConsultationAttachment(lead, consultation.id, {
      part: "request",
      title: "Auftragsverarbeitungsvertrag",
      file: { name: "avv.pdf", bytes: sample.docx() },
    });
    const dpo = await norderstedt("datenschutz");
    const view = await loadConsultation(dpo, consultation.id, t.db);
    expect(view.files.attachments!.map((a) => [a.part, a.title, a.fileName, a.mediaType])).toEqual([
      ["request", "Datenschutzfolgenabschätzung (Entwurf)", "DSFA Entwurf.pdf", "application/pdf"],
      ["request", "Auftragsverarbeitungsvertrag", "avv.pdf", expect.stringContaining("wordprocessingml")],
    ]);
    expect(view.files.mayChange).toEqual({ request: false, reply: false });
    expect((await loadConsultation(lead, consultation.id, t.db)).files.mayChange.request).toBe(true);

    const download = await loadConsultationAttachment(dpo, consultation.id, pdfId, t.db);
    expect(Buffer.from(download.content).equals(Buffer.from(sample.pdf()))).toBe(true);
    const response = fileDownloadResponse(download, { cache: "private" });
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const logged = await t.db.select({ type: events.type }).from(events).where(eq(events.aggregateId, consultation.id));
    expect(logged.filter((e) => e.type === "consultation_attachment_added")).toHaveLength(2);
    expect(logged.some((e) => e.type === "non_public_read")).toBe(true);
  });

  it("refuses bad files with a German message at the field and saves nothing", async () => {
    const lead = await norderstedt("sachbearbeitung");
    const { consultation } = await dpoConsultation();
    const before = await counts();
    const attempt = (title: string, name: string, bytes: Uint8Array | null) =>
      addConsultationAttachment(lead, consultation.id, {
        part: "request",
        title,
        file: bytes ? { name, bytes } : null,
      });
    await expect(attempt("Bericht", "bericht.pdf", sample.htmlAsPdf())).rejects.toMatchObject({
      fieldErrors: { file: expect.stringContaining("Dateityp") },
    });
    await expect(attempt("Programm", "bild.png", sample.exe())).rejects.toMatchObject({
      fieldErrors: { file: expect.stringContaining("Dateityp") },
    });
    await expect(attempt("Groß", "gross.pdf", new Uint8Array(15 * 1024 * 1024 + 1).fill(0x25))).rejects.toMatchObject({
      fieldErrors: { file: expect.stringContaining("höchstens 15 MB") },
    });
    await expect(attempt("Pfad", "../etc/passwd.pdf", sample.pdf())).rejects.toMatchObject({
      fieldErrors: { file: expect.stringContaining("Pfadangaben") },
    });
    await expect(attempt("  ", "ok.pdf", sample.pdf())).rejects.toMatchObject({
      fieldErrors: { title: expect.stringContaining("Titel") },
    });
    await expect(attempt("Ohne Datei", "", null)).rejects.toMatchObject({
      fieldErrors: { file: "Bitte wählen Sie eine Datei aus." },
    });
    expect(await counts()).toEqual(before);
  });

  it("lets only the council office, the lead department and the consulted DPO read the files (404 for others)", async () => {
    const { consultation } = await dpoConsultation();
    const pdfId = await requestPdf(consultation.id);
    const read = async (who: Awaited<ReturnType<typeof norderstedt>>) =>
      loadConsultationAttachment(who, consultation.id, pdfId, t.db);
    await expect(read(await norderstedt("ratsbuero"))).resolves.toMatchObject({ fileName: "DSFA Entwurf.pdf" });
    await expect(read(await norderstedt("sachbearbeitung"))).resolves.toMatchObject({ mediaType: "application/pdf" });
    for (const outsider of [
      await norderstedt("verwaltungsspitze"),
      await norderstedt("fraktion"),
      await norderstedt("zulieferung"),
      await nrw("datenschutz"),
      await nrw("ratsbuero"),
    ]) {
      await expect(read(outsider)).rejects.toThrow(NotFound);
    }
    // The executive may see the consultation, but not its files: the page lists none for her.
    const mayor = await loadConsultation(await norderstedt("verwaltungsspitze"), consultation.id, t.db);
    expect(mayor.files.attachments).toBeNull();
    // Another body's user cannot add or remove either, and learns nothing (404); the DPO may not change them.
    const before = await counts();
    await expect(
      addConsultationAttachment(await nrw("sachbearbeitung"), consultation.id, {
        part: "request",
        title: "x",
        file: { name: "x.pdf", bytes: sample.pdf() },
      }),
    ).rejects.toThrow(NotFound);
    await expect(removeConsultationAttachment(await nrw("sachbearbeitung"), consultation.id, pdfId)).rejects.toThrow(
      NotFound,
    );
    await expect(
      addConsultationAttachment(await norderstedt("datenschutz"), consultation.id, {
        part: "request",
        title: "x",
        file: { name: "x.pdf", bytes: sample.pdf() },
      }),
    ).rejects.toMatchObject({
      name: "ConsultationInputError",
      fieldErrors: { form: expect.stringContaining("federführende") },
    });
    await expect(
      removeConsultationAttachment(await norderstedt("datenschutz"), consultation.id, pdfId),
    ).rejects.toMatchObject({
      name: "ConsultationInputError",
    });
    expect(await counts()).toEqual(before);
    // An id of another consultation's file is not found through this one.
    await expect(
      loadConsultationAttachment(await norderstedt("datenschutz"), consultation.id, crypto.randomUUID(), t.db),
    ).rejects.toThrow(NotFound);
  });

  it("freezes the request's files once the DPO has answered", async () => {
    const lead = await norderstedt("sachbearbeitung");
    const dpo = await norderstedt("datenschutz");
    const { consultation: requested } = await dpoConsultation();
    const pdfId = await requestPdf(requested.id);
    const [consultation] = await t.db.select().from(consultations).where(eq(consultations.id, requested.id));
    await saveStatement(
      dpo,
      consultation!.id,
      {
        version: consultation!.version,
        title: "",
        statement: rich("Keine Einwände."),
        items: [],
        verdict: "no_objection",
        submit: true,
      },
      t.db,
    );
    await expect(
      addConsultationAttachment(lead, consultation!.id, {
        part: "request",
        title: "Nachgereicht",
        file: { name: "n.pdf", bytes: sample.pdf() },
      }),
    ).rejects.toMatchObject({ name: "ConsultationInputError" });
    await expect(removeConsultationAttachment(lead, consultation!.id, pdfId)).rejects.toMatchObject({
      name: "ConsultationInputError",
    });
    // Still readable by the DPO after answering.
    await expect(loadConsultationAttachment(dpo, consultation!.id, pdfId, t.db)).resolves.toMatchObject({
      fileName: "DSFA Entwurf.pdf",
    });
  });

  it("an authority's letter and the reply letter carry their files", async () => {
    const lead = await norderstedt("sachbearbeitung");
    // This test's own copy of the inquiry whose DPO statement is in (dpoAnsweredCopyOf): the answer is back in
    // drafting, and the DPO takes part in it but not in the authority's letter.
    const { inquiryId } = await dpoAnsweredCopyOf(t.db, NORDERSTEDT_ANSWERING, "norderstedt");
    const [copy] = await t.db.select({ bodyId: inquiries.bodyId }).from(inquiries).where(eq(inquiries.id, inquiryId));
    const bodyId = copy!.bodyId;
    const [authority] = await t.db
      .insert(organizations)
      .values({ bodyId, kind: "supervisory_authority", name: "Landesbeauftragte (Anlagen-Test)", external: true })
      .returning();
    const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
    const today = isoDateInTimeZone(new Date(), "Europe/Berlin");
    const id = await requestConsultation(
      lead,
      inquiryId,
      {
        kind: "supervisory_authority",
        answerVersion: answer!.version,
        addresseeOrganizationId: authority!.id,
        letterTitle: "Anhörung",
        letterOn: today,
        letter: rich("Wir bitten um Stellungnahme."),
      },
      t.db,
    );
    await addConsultationAttachment(lead, id, {
      part: "request",
      title: "Schreiben der Aufsichtsbehörde (Scan)",
      file: { name: "schreiben.png", bytes: sample.png() },
    });
    const [current] = await t.db
      .select({ version: consultations.version })
      .from(consultations)
      .where(eq(consultations.id, id));
    await recordReply(lead, id, { version: current!.version, reply: rich("Unsere Antwort."), repliedOn: today }, t.db);
    // After the reply is recorded the reply letter's files can still be added (until the answer is published).
    await addConsultationAttachment(lead, id, {
      part: "reply",
      title: "Antwortschreiben (unterschrieben)",
      file: { name: "antwort.pdf", bytes: sample.pdf() },
    });
    const view = await loadConsultation(await norderstedt("ratsbuero"), id, t.db);
    expect(view.files.attachments!.map((a) => [a.part, a.fileName, a.mediaType])).toEqual([
      ["request", "schreiben.png", "image/png"],
      ["reply", "antwort.pdf", "application/pdf"],
    ]);
    expect((await loadConsultation(lead, id, t.db)).files.mayChange).toEqual({ request: false, reply: true });
    // The DPO was not consulted on this letter: it is not hers to read.
    await expect(
      loadConsultationAttachment(await norderstedt("datenschutz"), id, view.files.attachments![0]!.id, t.db),
    ).rejects.toThrow(NotFound);
  });
});
