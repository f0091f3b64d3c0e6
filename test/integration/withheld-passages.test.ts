/**
 * Withheld passages (issue 10, ADR 0011): the clerk marks a passage of a part's text as withheld. On save the
 * server derives the part's PUBLIC body with the justification notice in the passage's place and keeps the full
 * text only in the non-public record and the withholding row; the editor gets the full text back; the one
 * answer read model gives the public the notice and the staff the marked passage; a bad mark (unknown reason,
 * empty justification, broken key) is refused with a German message at the field and nothing is written; the
 * content hash includes the passage (format v2), so changing only its justification changes the hash.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answerParts, answerVersions, answers, inquiries, withholdings } from "../../db/schema";
import type { CurrentUser } from "../../app/server/accounts/auth.server";
import { useDatabase } from "../../app/server/core/db.server";
import { runWorkflowCommand } from "../../app/server/inquiries/intake.server";
import { AnswerValidationError, loadAnswerPage, saveAnswer } from "../../app/server/answers/answer-drafts.server";
import type { PostedAnswer } from "../../app/server/answers/answer-form.server";
import { loadAnswerContent } from "../../app/server/answers/read-model.server";
import { loadStaffInquiry } from "../../app/server/inquiries/staff-read-model.server";
import { oneBackend, useTestDatabase } from "../support/db";
import { assignedCopyOf } from "../support/inquiry-copies";
import { currentUserFor } from "../support/users";

const SCHOOLS = "Ausstattung der Schulen mit digitalen Endgeräten";
const SECRET = "Firewall-Modell FW-9000 in Raum 0815";
const JUSTIFICATION = "Angaben zur Sicherheitstechnik würden Angriffe erleichtern.";

function partDoc(mark: Record<string, unknown> | null, secret = SECRET) {
  return JSON.stringify({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Die Schulen sind durch " },
          mark
            ? { type: "text", text: secret, marks: [{ type: "withheld", attrs: mark }] }
            : { type: "text", text: secret },
          { type: "text", text: " geschützt." },
        ],
      },
    ],
  });
}

const mark = (change: Record<string, unknown> = {}) => ({
  key: "p1",
  reason: "it_security",
  subject: "Sicherheitstechnik",
  justification: JUSTIFICATION,
  ...change,
});

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): deriving the public text of a part is app code; the
// answer read model's queries run on both backends in answers.test.ts and public-inquiries.test.ts.
describe.each(oneBackend())("withheld passages on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  // The inquiry the current test works on: every test sets both first, from a new inquiry of its own (so that
  // no test depends on another's order).
  let clerk: CurrentUser;
  let inquiryId: string;

  /** A new copy of the schools inquiry (assignedCopyOf), answering started by the Norderstedt clerk. */
  async function answering() {
    const user = await currentUserFor(t.db, "sachbearbeitung@norderstedt.quaestio.example");
    const id = await assignedCopyOf(t.db, SCHOOLS, "norderstedt");
    const [inquiry] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    await runWorkflowCommand(user, id, inquiry!.version, { intent: "start_answering" });
    return { clerk: user, inquiryId: id };
  }

  /** answering, and one part answering both questions with the passage SECRET withheld (key p1). */
  async function withPassage() {
    const state = await answering();
    const p = await loadAnswerPage(state.clerk, state.inquiryId);
    await saveAnswer(state.clerk, {
      inquiryId: state.inquiryId,
      expectedVersion: p.answer.version,
      values: values(p, partDoc(mark())),
      rich: true,
    });
    return state;
  }

  async function page() {
    return loadAnswerPage(clerk, inquiryId);
  }

  function values(p: Awaited<ReturnType<typeof loadAnswerPage>>, body: string): PostedAnswer {
    return {
      documentKind: "Mitteilungsvorlage",
      documentReference: "",
      title: p.values.title,
      issuedByLabel: p.values.issuedByLabel,
      caseOfficerLabel: "",
      flagged: false,
      preamble: { json: "", text: "" },
      parts: [
        {
          questionIds: p.questions.map((q) => q.id),
          body: { json: body, text: "" },
          withheld: false,
          reason: "",
          subject: "",
          justification: "",
          withheldText: "",
        },
      ],
    };
  }

  async function partRow() {
    const [row] = await t.db
      .select({
        id: answerParts.id,
        versionId: answerParts.versionId,
        bodyJson: answerParts.bodyJson,
        bodyHtml: answerParts.bodyHtml,
        bodyText: answerParts.bodyText,
        nonPublicBodyHtml: answerParts.nonPublicBodyHtml,
        contentHash: answerVersions.contentHash,
      })
      .from(answerParts)
      .innerJoin(answerVersions, eq(answerVersions.id, answerParts.versionId))
      .innerJoin(answers, eq(answers.id, answerVersions.answerId))
      .where(eq(answers.inquiryId, inquiryId));
    return row!;
  }

  it("stores the public body with the notice and the full text only in the non-public record", async () => {
    ({ clerk, inquiryId } = await answering());
    const before = await page();
    await saveAnswer(clerk, {
      inquiryId,
      expectedVersion: before.answer.version,
      values: values(before, partDoc(mark())),
      rich: true,
    });

    const row = await partRow();
    const notice = `[Zurückgehalten – IT-Sicherheit: ${JUSTIFICATION}]`;
    expect(row.bodyText).toBe(`Die Schulen sind durch ${notice} geschützt.`);
    for (const publicColumn of [row.bodyText, row.bodyHtml, JSON.stringify(row.bodyJson)]) {
      expect(publicColumn).not.toContain("FW-9000");
    }
    expect(row.nonPublicBodyHtml).toContain(SECRET);
    expect(row.nonPublicBodyHtml).toContain('class="withheld-passage"');

    const held = await t.db.select().from(withholdings).where(eq(withholdings.partId, row.id));
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      passageKey: "p1",
      reason: "it_security",
      subject: "Sicherheitstechnik",
      publicJustification: JUSTIFICATION,
      withheldText: SECRET,
    });

    // The editor gets the full text back, with the mark; the part has no whole-part withholding.
    const after = await page();
    expect(JSON.stringify(after.values.parts[0]!.body.json)).toContain(SECRET);
    expect(JSON.stringify(after.values.parts[0]!.body.json)).toContain('"withheld"');
    expect(after.values.parts[0]!.withholding).toBeNull();
  });

  it("gives the public audience the notice and the staff audience the marked passage (one read model)", async () => {
    ({ clerk, inquiryId } = await withPassage());
    const row = await partRow();
    const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
    const query = { bodyId: answer!.bodyId, answerId: answer!.id, versionIds: [row.versionId], withAttachments: true };
    const publicContent = await loadAnswerContent(t.db, { ...query, audience: "public" });
    const staffContent = await loadAnswerContent(t.db, { ...query, audience: "staff" });
    expect(JSON.stringify(publicContent)).not.toContain("FW-9000");
    // The public answer page's one JSON statement (issue 13) reads what the per-call statements read.
    const oneStatement = await loadAnswerContent(t.db, {
      ...query,
      audience: "public",
      withSignOff: true,
      prepared: true,
    });
    expect(oneStatement).toEqual(await loadAnswerContent(t.db, { ...query, audience: "public", withSignOff: true }));
    expect(oneStatement.parts[0]!.passages).toHaveLength(1);
    expect(JSON.stringify(oneStatement)).not.toContain("FW-9000");
    expect(publicContent.parts[0]!.bodyHtml).toContain("[Zurückgehalten – IT-Sicherheit:");
    expect(publicContent.parts[0]!.passages[0]).toMatchObject({ passageKey: "p1", withheldText: null });
    expect(staffContent.parts[0]!.bodyHtml).toContain(SECRET);
    expect(staffContent.parts[0]!.passages[0]!.withheldText).toBe(SECRET);

    const staff = await loadStaffInquiry(clerk, inquiryId);
    const part = staff!.answer!.versions[0]!.parts[0]!;
    expect(part.bodyHtml).toContain('data-label="zurückgehalten: IT-Sicherheit"');
    expect(part.passages[0]!.withheldText).toBe(SECRET);
    expect(staff!.containsNonPublicMaterial).toBe(true);
  });

  it("binds the hash to the passage: a changed justification alone changes it", async () => {
    ({ clerk, inquiryId } = await withPassage());
    const before = await partRow();
    const p = await page();
    await saveAnswer(clerk, {
      inquiryId,
      expectedVersion: p.answer.version,
      values: values(p, partDoc(mark({ justification: "Eine andere Begründung." }))),
      rich: true,
    });
    const after = await partRow();
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.bodyText).toContain("Eine andere Begründung.");
  });

  it("refuses an unknown reason, an empty justification or a broken key at the field, keeping what was stored", async () => {
    ({ clerk, inquiryId } = await withPassage());
    const stored = await partRow();
    for (const [bad, expected] of [
      [mark({ reason: "geheim" }), "rechtlichen Grund"],
      [mark({ justification: "   " }), "öffentliche Begründung"],
      [mark({ subject: "" }), "was zurückgehalten wird"],
      [mark({ key: "<script>" }), "Markierung ist ungültig"],
    ] as const) {
      const p = await page();
      const attempt = saveAnswer(clerk, {
        inquiryId,
        expectedVersion: p.answer.version,
        values: values(p, partDoc(bad)),
        rich: true,
      });
      await expect(attempt).rejects.toThrow(AnswerValidationError);
      await expect(attempt).rejects.toMatchObject({
        fieldErrors: { "p-0-body": expect.stringContaining(expected) },
      });
    }
    expect(await partRow()).toEqual(stored);
  });

  it("refuses the withheld mark in any other rich text field (the preamble)", async () => {
    ({ clerk, inquiryId } = await withPassage());
    const p = await page();
    const v = values(p, partDoc(mark()));
    v.preamble = { json: partDoc(mark()), text: "" };
    const attempt = saveAnswer(clerk, { inquiryId, expectedVersion: p.answer.version, values: v, rich: true });
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { preamble: expect.stringContaining("withheld") } });
  });

  it("without JavaScript keeps the passages of unchanged text and refuses changed plain text", async () => {
    ({ clerk, inquiryId } = await withPassage());
    const p = await page();
    const json = JSON.stringify(p.values.parts[0]!.body.json);
    const plain = (text: string): PostedAnswer => {
      const v = values(p, json);
      v.parts[0]!.body = { json, text };
      return v;
    };
    const changed = saveAnswer(clerk, {
      inquiryId,
      expectedVersion: p.answer.version,
      values: plain(`${p.values.parts[0]!.body.text} Neu.`),
      rich: false,
    });
    await expect(changed).rejects.toMatchObject({
      fieldErrors: { "p-0-body": expect.stringContaining("nur im Editor") },
    });
    await saveAnswer(clerk, {
      inquiryId,
      expectedVersion: p.answer.version,
      values: plain(p.values.parts[0]!.body.text),
      rich: false,
    });
    const held = await t.db
      .select()
      .from(withholdings)
      .where(and(eq(withholdings.partId, (await partRow()).id), isNotNull(withholdings.passageKey)));
    expect(held.map((w) => w.withheldText)).toEqual([SECRET]);
  });
});
