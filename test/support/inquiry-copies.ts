/**
 * A test's own inquiry in a seeded test database, so that tests about an inquiry's later steps do not depend
 * on another test having taken the earlier ones (issue 9): a new inquiry like one of the demo inquiries (same
 * body, type, faction, title, questions and visibility; once assigned, the same lead and contributing
 * departments), brought to the state the test starts from through the real commands — the faction drafts and
 * submits it, the council office accepts and assigns it, the lead department starts answering. A few
 * statements per copy, against seconds for a database copy per test.
 *
 * The server commands use the process-wide handle: call `useDatabase(t.handle)` in a beforeAll first.
 */
import { asc, eq } from "drizzle-orm";
import { inquiries, inquiryContributors, questions } from "../../db/schema";
import type { Db } from "../../app/server/core/db.server";
import { createDraft, submitDraft } from "../../app/server/inquiries/drafts.server";
import { runWorkflowCommand } from "../../app/server/inquiries/intake.server";
import { currentUserFor } from "./users";

const paragraph = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }] });

async function versionOf(db: Db, id: string): Promise<number> {
  const [row] = await db.select({ version: inquiries.version }).from(inquiries).where(eq(inquiries.id, id));
  return row!.version;
}

/** The demo inquiry `title`: the oldest inquiry of that title (the demo one, not an earlier copy). */
async function modelOf(db: Db, title: string) {
  const [model] = await db
    .select()
    .from(inquiries)
    .where(eq(inquiries.title, title))
    .orderBy(asc(inquiries.createdAt))
    .limit(1);
  if (!model) throw new Error(`no demo inquiry "${title}"`);
  return model;
}

/** The faction and the council office of a body's demo data: `domain` is the e-mail addresses' part ("norderstedt"). */
const officeOf = (db: Db, domain: string) => currentUserFor(db, `ratsbuero@${domain}.quaestio.example`);

/**
 * Returns the id of a new `draft` of the faction of `domain` ("norderstedt", "landtag-nrw") with the title and
 * inquiry type of the demo inquiry `title`, made through the faction's real draft command — for a test about what
 * may or may not be done with a draft, which must not depend on whether another test submitted the demo draft.
 */
export async function draftCopyOf(db: Db, title: string, domain: string): Promise<string> {
  const model = await modelOf(db, title);
  const faction = await currentUserFor(db, `fraktion@${domain}.quaestio.example`);
  return createDraft(faction, { factionId: model.originatorOrganizationId!, typeId: model.typeId, title });
}

/**
 * Returns the id of a new `submitted` inquiry with the title, questions and visibility of the demo inquiry
 * `title` (in any state). `domain` is the body's part of the demo e-mail addresses ("norderstedt",
 * "landtag-nrw"), whose faction submits it; an internal model's copy is set internal by the council office.
 */
export async function submittedCopyOf(db: Db, title: string, domain: string): Promise<string> {
  const model = await modelOf(db, title);
  const texts = await db
    .select({ text: questions.bodyText })
    .from(questions)
    .where(eq(questions.inquiryId, model.id))
    .orderBy(asc(questions.position));
  const faction = await currentUserFor(db, `fraktion@${domain}.quaestio.example`);
  const id = await createDraft(faction, { factionId: model.originatorOrganizationId!, typeId: model.typeId, title });
  await submitDraft(faction, {
    inquiryId: id,
    expectedVersion: await versionOf(db, id),
    input: {
      title,
      preamble: { rich: true, json: paragraph("") },
      questions: texts.map((q) => ({ level: 0 as const, body: { rich: true, json: paragraph(q.text) } })),
    },
  });
  if (model.visibility !== "public") {
    await runWorkflowCommand(await officeOf(db, domain), id, await versionOf(db, id), {
      intent: "change_visibility",
      visibility: model.visibility,
      reason: "Wie die Vorlage (Testkopie)",
    });
  }
  return id;
}

/**
 * Returns the id of a new `assigned` inquiry like the demo inquiry `title` (submittedCopyOf), accepted and
 * assigned by the council office: to `assignment` if given, else to the demo inquiry's own lead and
 * contributing departments (the demo inquiry must then be assigned or further on).
 */
export async function assignedCopyOf(
  db: Db,
  title: string,
  domain: string,
  assignment?: { leadOrganizationId: string; contributorIds: string[] },
): Promise<string> {
  const model = await modelOf(db, title);
  if (!assignment && !model.leadOrganizationId) throw new Error(`the demo inquiry "${title}" is not assigned`);
  const contributors = assignment
    ? assignment.contributorIds
    : (
        await db
          .select({ id: inquiryContributors.organizationId })
          .from(inquiryContributors)
          .where(eq(inquiryContributors.inquiryId, model.id))
      ).map((c) => c.id);
  const id = await submittedCopyOf(db, title, domain);
  const office = await officeOf(db, domain);
  await runWorkflowCommand(office, id, await versionOf(db, id), { intent: "accept" });
  await runWorkflowCommand(office, id, await versionOf(db, id), {
    intent: "assign",
    leadOrganizationId: assignment?.leadOrganizationId ?? model.leadOrganizationId!,
    contributorIds: contributors,
  });
  return id;
}

/**
 * Returns the id of a new inquiry like the assigned (or further) demo inquiry `title` (assignedCopyOf) whose
 * answer the lead department's clerk (`clerk@domain`, by default the demo's "sachbearbeitung") has started: the
 * inquiry is `answering`, its answer `drafting`.
 */
export async function answeringCopyOf(db: Db, title: string, domain: string, clerk = "sachbearbeitung") {
  const id = await assignedCopyOf(db, title, domain);
  const lead = await currentUserFor(db, `${clerk}@${domain}.quaestio.example`);
  await runWorkflowCommand(lead, id, await versionOf(db, id), { intent: "start_answering" });
  return id;
}
