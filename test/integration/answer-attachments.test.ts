/**
 * Attachments (Anlagen) of an answer against the database (issue 10, ADR 0017): upload with the type decided by
 * the bytes, bad input refused by field with nothing saved, 404 for other bodies, attachments bound into the
 * signed content hash, the Beratungsfolge on publication, public downloads only of public attachments of a
 * published version, and a published version's attachments immutable.
 */
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answerAttachments, answers, events, files as fileRows, inquiries } from "../../db/schema";
import type { CurrentUser } from "../../app/server/accounts/auth.server";
import {
  addAttachment,
  AttachmentRefused,
  AttachmentValidationError,
  loadAttachmentPage,
  loadStaffAttachment,
  removeAttachment,
  setAttachmentPublic,
} from "../../app/server/answers/answer-attachments.server";
import { loadAnswerPage } from "../../app/server/answers/answer-drafts.server";
import { publishAnswer } from "../../app/server/answers/answer-publication.server";
import { sendToSignOff } from "../../app/server/answers/answer-sign-off.server";
import { useDatabase } from "../../app/server/core/db.server";
import { fileDownloadResponse } from "../../app/server/core/download.server";
import { NotFound, StaleVersionError } from "../../app/server/core/transitions.server";
import { runWorkflowCommand } from "../../app/server/inquiries/intake.server";
import { loadPublicAttachment } from "../../app/server/public/attachments.server";
import { loadPublicInquiry } from "../../app/server/public/inquiries.server";
import { files } from "../support/attachment-files";
import { backends, describeOnOneBackend, useTestDatabase } from "../support/db";
import { chainSigners, roleHolders, signNext } from "../support/answer-sign-off";
import { assignedCopyOf } from "../support/inquiry-copies";
import { currentUserFor } from "../support/users";

const SCHOOLS = "Ausstattung der Schulen mit digitalen Endgeräten";

// On both backends: the file bytes stored and read back, the public downloads of a published version, and the
// immutability of its attachments (a trigger). The validation by bytes, size and name, the access rules and the
// signed hash are app code and run on one backend (describeOnOneBackend; TEST_BOTH_BACKENDS=1 for both; ADR 0001).
describe.each(backends())("answer attachments on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));
  const norderstedt = (local: string) => currentUserFor(t.db, `${local}@norderstedt.quaestio.example`);

  const userWithRole = roleHolders(() => t.db, `att-${backend}`);
  const answerRow = async (inquiryId: string) =>
    (await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId)))[0]!;
  const counts = async () => ({
    attachments: (await t.db.select({ n: count() }).from(answerAttachments))[0]!.n,
    files: (await t.db.select({ n: count() }).from(fileRows))[0]!.n,
  });

  // ---- the states the tests start from, each on a new inquiry of its own (so that no test depends on another's
  // order), built through the real server commands ----

  /** A new copy of the schools inquiry (assignedCopyOf), answering started by the Norderstedt clerk. */
  async function answering() {
    const clerk = await norderstedt("sachbearbeitung");
    const inquiryId = await assignedCopyOf(t.db, SCHOOLS, "norderstedt");
    const [inquiry] = await t.db.select().from(inquiries).where(eq(inquiries.id, inquiryId));
    await runWorkflowCommand(clerk, inquiryId, inquiry!.version, { intent: "start_answering" });
    return { clerk, inquiryId };
  }

  /** A PDF and a DOCX (public) and a non-public CSV attached, in this order. */
  async function withAttachments() {
    const { clerk, inquiryId } = await answering();
    const add = async (title: string, nonPublic: boolean, name: string, bytes: Uint8Array) =>
      addAttachment(clerk, {
        inquiryId,
        expectedVersion: (await loadAttachmentPage(clerk, inquiryId)).answerVersion,
        title,
        nonPublic,
        file: { name, bytes },
      });
    const pdf = await add("Anlage 1: Geräteübersicht", false, "Übersicht Geräte.pdf", files.pdf());
    await add("Anlage 2: Schreiben", false, "schreiben.pdf", files.docx());
    const csv = await add("Seriennummern (intern)", true, "seriennummern.csv", files.csv());
    return { clerk, inquiryId, pdfId: pdf.attachmentId, csvId: csv.attachmentId };
  }

  /** Every step of the chain signed in order (clerk, department head twice, councillor, mayor). */
  async function signedByTheWholeChain(clerk: CurrentUser, inquiryId: string) {
    const { head, councillor } = await chainSigners(t.db, inquiryId, userWithRole);
    for (const signer of [clerk, head, head, councillor, await norderstedt("verwaltungsspitze")]) {
      await signNext(signer, inquiryId);
    }
  }

  /** Signed by the whole chain and published as M 26/0042 with a Beratungsfolge of two meetings. */
  async function published() {
    const state = await withAttachments();
    const { clerk, inquiryId } = state;
    const answer = await answerRow(inquiryId);
    await sendToSignOff(clerk, inquiryId, answer.version);
    await signedByTheWholeChain(clerk, inquiryId);
    const office = await norderstedt("ratsbuero");
    const page = await loadAnswerPage(office, inquiryId);
    const hauptausschuss = page.meetingChoices!.organs.find((o) => o.name === "Hauptausschuss")!;
    await publishAnswer(office, {
      inquiryId,
      expectedVersion: page.answer.version,
      documentReference: "M 26/0042",
      documentDate: "",
      beratungsfolge: [
        { meeting: "new", organId: hauptausschuss.id, date: "2099-02-03", roleLabel: "Kenntnisnahme" },
        { meeting: page.meetingChoices!.meetings[0]!.id, organId: "", date: "", roleLabel: "Entscheidung" },
      ],
    });
    return state;
  }

  it("stores a PDF, a DOCX and a non-public CSV under the types their bytes show", async () => {
    const { clerk, inquiryId } = await answering();
    let page = await loadAttachmentPage(clerk, inquiryId);
    expect(page).toMatchObject({ edit: true, attachments: [] });
    const pdf = await addAttachment(clerk, {
      inquiryId,
      expectedVersion: page.answerVersion,
      title: "Anlage 1: Geräteübersicht",
      nonPublic: false,
      file: { name: "Übersicht Geräte.pdf", bytes: files.pdf() },
    });
    const pdfId = pdf.attachmentId;
    await addAttachment(clerk, {
      inquiryId,
      expectedVersion: pdf.version,
      // The name says PDF, the bytes say DOCX: the bytes win.
      title: "Anlage 2: Schreiben",
      nonPublic: false,
      file: { name: "schreiben.pdf", bytes: files.docx() },
    });
    page = await loadAttachmentPage(clerk, inquiryId);
    await addAttachment(clerk, {
      inquiryId,
      expectedVersion: page.answerVersion,
      title: "Seriennummern (intern)",
      nonPublic: true,
      file: { name: "seriennummern.csv", bytes: files.csv() },
    });
    page = await loadAttachmentPage(clerk, inquiryId);
    expect(page.attachments.map((a) => [a.position, a.title, a.fileName, a.mediaType, a.public])).toEqual([
      [1, "Anlage 1: Geräteübersicht", "Übersicht Geräte.pdf", "application/pdf", true],
      [2, "Anlage 2: Schreiben", "schreiben.pdf", expect.stringContaining("wordprocessingml"), true],
      [3, "Seriennummern (intern)", "seriennummern.csv", "text/csv", false],
    ]);
    const download = await loadStaffAttachment(clerk, inquiryId, pdfId);
    expect(Buffer.from(download.content).equals(Buffer.from(files.pdf()))).toBe(true);
    const added = await t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateId, (await answerRow(inquiryId)).id), eq(events.type, "attachment_added")));
    expect(added).toHaveLength(3);
  });

  describeOnOneBackend(backend, "the attachment rules of the app", () => {
    it("refuses bad files with a German message at the field and saves nothing", async () => {
      const { clerk, inquiryId } = await withAttachments();
      const page = await loadAttachmentPage(clerk, inquiryId);
      const before = await counts();
      const attempt = (title: string, name: string, bytes: Uint8Array | null) =>
        addAttachment(clerk, {
          inquiryId,
          expectedVersion: page.answerVersion,
          title,
          nonPublic: false,
          file: bytes ? { name, bytes } : null,
        });
      const cases: Array<[Promise<unknown>, Record<string, unknown>]> = [
        [attempt("Bericht", "bericht.pdf", files.htmlAsPdf()), { file: expect.stringContaining("Dateityp") }],
        [attempt("Bild", "bild.png", files.exe()), { file: expect.stringContaining("Dateityp") }],
        [attempt("Leer", "leer.pdf", new Uint8Array()), { file: "Die Datei ist leer." }],
        [
          attempt("Groß", "gross.pdf", new Uint8Array(15 * 1024 * 1024 + 1).fill(0x25)),
          { file: expect.stringContaining("höchstens 15 MB") },
        ],
        [attempt("Pfad", "../../etc/passwd.pdf", files.pdf()), { file: expect.stringContaining("Pfadangaben") }],
        [attempt("  ", "ok.pdf", files.pdf()), { title: expect.stringContaining("Titel") }],
        [attempt("Ohne Datei", "", null), { file: "Bitte wählen Sie eine Datei aus." }],
      ];
      for (const [promise, fieldErrors] of cases) {
        await expect(promise).rejects.toThrow(AttachmentValidationError);
        await expect(promise).rejects.toMatchObject({ fieldErrors });
      }
      expect(await counts()).toEqual(before);
      expect((await answerRow(inquiryId)).version).toBe(page.answerVersion);
    });
  });

  describeOnOneBackend(backend, "the attachment rules of the app", () => {
    it("answers 404 to other bodies and the faction, refuses read-only staff, and a stale form", async () => {
      const { clerk, inquiryId, pdfId } = await withAttachments();
      const nrwClerk = await currentUserFor(t.db, "sachbearbeitung@landtag-nrw.quaestio.example");
      const faction = await norderstedt("fraktion");
      const mayor = await norderstedt("verwaltungsspitze");
      const page = await loadAttachmentPage(clerk, inquiryId);
      const input = {
        inquiryId,
        expectedVersion: page.answerVersion,
        title: "x",
        nonPublic: false,
        file: { name: "a.pdf", bytes: files.pdf() },
      };
      for (const user of [nrwClerk, faction]) {
        await expect(loadAttachmentPage(user, inquiryId)).rejects.toThrow(NotFound);
        await expect(addAttachment(user, input)).rejects.toThrow(NotFound);
        await expect(loadStaffAttachment(user, inquiryId, pdfId)).rejects.toThrow(NotFound);
        await expect(
          removeAttachment(user, { inquiryId, expectedVersion: page.answerVersion, attachmentId: pdfId }),
        ).rejects.toThrow(NotFound);
      }
      // An attachment id of this answer asked for under another inquiry is not found either.
      const [other] = await t.db
        .select({ id: inquiries.id })
        .from(inquiries)
        .innerJoin(answers, eq(answers.inquiryId, inquiries.id))
        .where(eq(inquiries.title, 'Videokonferenztool: "Zoom"'));
      await expect(loadStaffAttachment(clerk, other!.id, pdfId)).rejects.toThrow(NotFound);
      expect((await loadAttachmentPage(mayor, inquiryId)).edit).toBe(false);
      await expect(addAttachment(mayor, input)).rejects.toThrow(AttachmentRefused);
      await expect(addAttachment(clerk, { ...input, expectedVersion: page.answerVersion - 1 })).rejects.toThrow(
        StaleVersionError,
      );
    });
  });

  describeOnOneBackend(backend, "the attachment rules of the app", () => {
    it("binds attachments into the signed hash: a change after a signature sends the answer back to drafting", async () => {
      const { clerk, inquiryId, csvId } = await withAttachments();
      let answer = await answerRow(inquiryId);
      await sendToSignOff(clerk, inquiryId, answer.version);
      let page = await signNext(clerk, inquiryId);
      const signedHash = page.contentHash;
      const result = await setAttachmentPublic(clerk, {
        inquiryId,
        expectedVersion: (await answerRow(inquiryId)).version,
        attachmentId: csvId,
        public: true,
      });
      expect(result.signaturesLapsed).toBe(true);
      answer = await answerRow(inquiryId);
      expect(answer.status).toBe("drafting");
      page = await loadAnswerPage(clerk, inquiryId);
      expect(page.contentHash).not.toBe(signedHash);
      // Back to non-public: the same content as signed gives the same hash again.
      await setAttachmentPublic(clerk, {
        inquiryId,
        expectedVersion: answer.version,
        attachmentId: csvId,
        public: false,
      });
      expect((await loadAnswerPage(clerk, inquiryId)).contentHash).toBe(signedHash);
    });
  });

  it("publishes with a Beratungsfolge; the public gets only the public attachments of the published version", async () => {
    const { clerk, inquiryId, pdfId, csvId } = await withAttachments();
    let answer = await answerRow(inquiryId);
    await sendToSignOff(clerk, inquiryId, answer.version);
    await signedByTheWholeChain(clerk, inquiryId);
    const office = await norderstedt("ratsbuero");
    const page = await loadAnswerPage(office, inquiryId);
    const hauptausschuss = page.meetingChoices!.organs.find((o) => o.name === "Hauptausschuss")!;
    expect(hauptausschuss).toBeDefined();
    const base = { inquiryId, expectedVersion: page.answer.version, documentReference: "M 26/0042", documentDate: "" };
    // A future meeting without its committee: refused at the field, nothing published.
    await expect(
      publishAnswer(office, {
        ...base,
        beratungsfolge: [{ meeting: "new", organId: "", date: "2099-02-03", roleLabel: "Kenntnisnahme" }],
      }),
    ).rejects.toMatchObject({ fieldErrors: { "beratungsfolge-0-organ": expect.stringContaining("Gremium") } });
    await expect(
      publishAnswer(office, {
        ...base,
        beratungsfolge: [{ meeting: "new", organId: hauptausschuss.id, date: "2099-02-03", roleLabel: "Jubel" }],
      }),
    ).rejects.toMatchObject({ fieldErrors: { "beratungsfolge-0-role": expect.any(String) } });
    // Several steps: the committee first, then the council; the same meeting twice is refused at the later row.
    const recorded = page.meetingChoices!.meetings[0]!;
    const hauptausschussStep = {
      meeting: "new",
      organId: hauptausschuss.id,
      date: "2099-02-03",
      roleLabel: "Kenntnisnahme",
    };
    await expect(
      publishAnswer(office, {
        ...base,
        beratungsfolge: [hauptausschussStep, { meeting: "", organId: "", date: "", roleLabel: "" }, hauptausschussStep],
      }),
    ).rejects.toMatchObject({ fieldErrors: { "beratungsfolge-2-meeting": expect.stringContaining("früheren") } });
    expect((await answerRow(inquiryId)).status).toBe("approved");
    await publishAnswer(office, {
      ...base,
      beratungsfolge: [hauptausschussStep, { meeting: recorded.id, organId: "", date: "", roleLabel: "Entscheidung" }],
    });
    answer = await answerRow(inquiryId);
    expect(answer.status).toBe("published");

    const [inquiry] = await t.db.select().from(inquiries).where(eq(inquiries.id, inquiryId));
    const detail = await loadPublicInquiry({ bodySlug: "norderstedt", publicRef: inquiry!.publicRef! }, t.db);
    expect(detail!.answer!.attachments.map((a) => a.title)).toEqual([
      "Anlage 1: Geräteübersicht",
      "Anlage 2: Schreiben",
    ]);
    expect(JSON.stringify(detail)).not.toContain("Seriennummern");
    expect(detail!.agenda).toContainEqual(
      expect.objectContaining({
        purpose: "answer",
        organizationName: "Hauptausschuss",
        meetingDate: "2099-02-03",
        roleLabel: "Kenntnisnahme",
        itemNumber: null,
      }),
    );
    expect(detail!.agenda.filter((a) => a.purpose === "answer").map((a) => a.roleLabel)).toEqual(
      expect.arrayContaining(["Kenntnisnahme", "Entscheidung"]),
    );
    const params = { bodySlug: "norderstedt", publicRef: inquiry!.publicRef! };
    const pub = await loadPublicAttachment(t.db, { ...params, attachmentId: pdfId });
    expect(pub?.mediaType).toBe("application/pdf");
    expect(await loadPublicAttachment(t.db, { ...params, attachmentId: csvId })).toBeNull();
    expect(
      await loadPublicAttachment(t.db, { bodySlug: "landtag-nrw", publicRef: params.publicRef, attachmentId: pdfId }),
    ).toBeNull();
    // Staff of the body still read the non-public one; the read is audited.
    expect((await loadStaffAttachment(clerk, inquiryId, csvId)).mediaType).toBe("text/csv");
    const reads = await t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateId, answer.id), eq(events.type, "non_public_read")));
    expect(reads.length).toBeGreaterThan(0);

    const response = fileDownloadResponse(pub!, { cache: "public" });
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="_bersicht Ger_te.pdf"; filename*=UTF-8''%C3%9Cbersicht%20Ger%C3%A4te.pdf`,
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
  });

  it("keeps a published version's attachments immutable, also against a direct update", async () => {
    const { clerk, inquiryId, pdfId } = await published();
    const page = await loadAttachmentPage(clerk, inquiryId);
    expect(page.edit).toBe(false);
    await expect(
      addAttachment(clerk, {
        inquiryId,
        expectedVersion: page.answerVersion,
        title: "Nachtrag",
        nonPublic: false,
        file: { name: "n.pdf", bytes: files.pdf() },
      }),
    ).rejects.toThrow(AttachmentRefused);
    const [attachment] = await t.db
      .select({ id: answerAttachments.id })
      .from(answerAttachments)
      .where(eq(answerAttachments.id, pdfId));
    await expect(
      t.db
        .update(answerAttachments)
        .set({ title: "heimlich geändert" })
        .where(eq(answerAttachments.id, attachment!.id)),
    ).rejects.toThrow();
    await expect(
      t.db.update(answerAttachments).set({ public: false }).where(eq(answerAttachments.id, attachment!.id)),
    ).rejects.toThrow();
  });
});
