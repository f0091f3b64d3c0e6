/**
 * A test's own consultation (issue 9): a new copy of a demo inquiry in answering (answeringCopyOf) whose lead
 * department's clerk asks the body's data protection officer for a statement through the real request command,
 * as the demo data does for "Aufzeichnungen von Videokonferenzen" — the answer then waits in `consultation`.
 * Tests about the statement, its files or its publication then no longer depend on another test having left the
 * demo's one consultation in the state they start from.
 *
 * The server commands use the process-wide handle: call `useDatabase(t.handle)` in a beforeAll first.
 */
import { and, eq } from "drizzle-orm";
import { answers, consultations, organizations } from "../../db/schema";
import { addDays } from "../../app/domain/dashboard";
import { isoDateInTimeZone } from "../../app/domain/format";
import type { Db } from "../../app/server/core/db.server";
import { requestConsultation, saveStatement } from "../../app/server/consultations/commands.server";
import { answeringCopyOf } from "./inquiry-copies";
import { currentUserFor } from "./users";

const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** The question the demo data puts to the Norderstedt DPO. */
export const DEMO_DPO_QUESTIONS =
  "Bestehen gegen die Speicherung von Aufzeichnungen aus Videokonferenzen datenschutzrechtliche Bedenken?";

/**
 * A new copy of the demo inquiry `title` (answeringCopyOf, `clerk@domain` starts answering) whose clerk has
 * requested a DPO statement due in six days. Returns the copy's inquiry and the consultation's id.
 */
export async function dpoRequestedCopyOf(
  db: Db,
  title: string,
  domain: string,
  options: { clerk?: string; questions?: string } = {},
): Promise<{ inquiryId: string; consultationId: string }> {
  const clerkLocal = options.clerk ?? "sachbearbeitung";
  const inquiryId = await answeringCopyOf(db, title, domain, clerkLocal);
  const clerk = await currentUserFor(db, `${clerkLocal}@${domain}.quaestio.example`);
  const [answer] = await db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
  const [dpoOffice] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.bodyId, answer!.bodyId), eq(organizations.kind, "dpo_office")));
  const consultationId = await requestConsultation(
    clerk,
    inquiryId,
    {
      kind: "dpo",
      answerVersion: answer!.version,
      addresseeOrganizationId: dpoOffice!.id,
      questions: { rich: true, json: doc(options.questions ?? DEMO_DPO_QUESTIONS), text: "" },
      dueOn: addDays(isoDateInTimeZone(new Date(), "Europe/Berlin"), 6),
    },
    db,
  );
  return { inquiryId, consultationId };
}

/**
 * dpoRequestedCopyOf, and the body's DPO (`datenschutz@domain`) has submitted her statement (no objection): the
 * consultation is answered and the answer back in drafting — the DPO takes part in the answer from then on, as
 * tests about later consultations of the same answer expect.
 */
export async function dpoAnsweredCopyOf(
  db: Db,
  title: string,
  domain: string,
  options: { clerk?: string; questions?: string } = {},
): Promise<{ inquiryId: string; consultationId: string }> {
  const copy = await dpoRequestedCopyOf(db, title, domain, options);
  const dpo = await currentUserFor(db, `datenschutz@${domain}.quaestio.example`);
  const [consultation] = await db.select().from(consultations).where(eq(consultations.id, copy.consultationId));
  await saveStatement(
    dpo,
    copy.consultationId,
    {
      version: consultation!.version,
      title: "",
      statement: { rich: true, json: doc("Keine Einwände."), text: "" },
      items: [],
      verdict: "no_objection",
      submit: true,
    },
    db,
  );
  return copy;
}
