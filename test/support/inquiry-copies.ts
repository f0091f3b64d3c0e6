/**
 * A test's own inquiry in a seeded test database, so that tests about an inquiry's later steps do not depend
 * on another test having taken the earlier ones (issue 9): a new inquiry like one of the demo inquiries that
 * the demo data leaves `assigned` (same body, type, faction, questions, lead and contributing departments),
 * brought there through the real commands — the faction drafts and submits it, the council office accepts and
 * assigns it. A few statements per copy, against seconds for a database copy per test.
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

/**
 * Returns the id of a new `assigned` inquiry with the title, questions and assignment of the demo inquiry
 * `title` (the oldest inquiry of that title: the demo one, not an earlier copy). `domain` is the body's part
 * of the demo e-mail addresses ("norderstedt", "landtag-nrw"), whose faction and council office act.
 */
export async function assignedCopyOf(db: Db, title: string, domain: string): Promise<string> {
  const [model] = await db
    .select()
    .from(inquiries)
    .where(eq(inquiries.title, title))
    .orderBy(asc(inquiries.createdAt))
    .limit(1);
  if (!model || model.status !== "assigned") throw new Error(`no assigned demo inquiry "${title}"`);
  const texts = await db
    .select({ text: questions.bodyText })
    .from(questions)
    .where(eq(questions.inquiryId, model.id))
    .orderBy(asc(questions.position));
  const contributors = await db
    .select({ id: inquiryContributors.organizationId })
    .from(inquiryContributors)
    .where(eq(inquiryContributors.inquiryId, model.id));
  const faction = await currentUserFor(db, `fraktion@${domain}.quaestio.example`);
  const office = await currentUserFor(db, `ratsbuero@${domain}.quaestio.example`);
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
  await runWorkflowCommand(office, id, await versionOf(db, id), { intent: "accept" });
  await runWorkflowCommand(office, id, await versionOf(db, id), {
    intent: "assign",
    leadOrganizationId: model.leadOrganizationId!,
    contributorIds: contributors.map((c) => c.id),
  });
  return id;
}
