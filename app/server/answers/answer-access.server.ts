/**
 * Who may do what with one answer, decided on the locked row: see it (else NotFound — also for another body's
 * answer), edit it (clerks and department heads of the lead department), sign the current step, publish
 * (council office). Shared by the answer page's loader and every answer command.
 */
import { and, eq } from "drizzle-orm";
import { answers, inquiries } from "../../../db/schema";
import { maySeeAdministrationWork, type MembershipFact } from "../../domain/policy";
import { getDb, type Db, type Tx } from "../core/db.server";
import { responsibilityFacts } from "../inquiries/scope.server";
import { NotFound } from "../core/transitions.server";

export type AnswerRow = typeof answers.$inferSelect;
export type InquiryRow = typeof inquiries.$inferSelect;

export interface AnswerUser {
  id: string;
  memberships: readonly MembershipFact[];
}

export interface AnswerSubject {
  answer: AnswerRow;
  inquiry: InquiryRow;
  leadOrganizationId: string | null;
  /** Lead department staff: may edit while the answer is not approved or published. */
  isLeadStaff: boolean;
  isCouncilOffice: boolean;
}

const EDITABLE_STATES = new Set(["drafting", "consultation", "sign_off"]);

/** A published answer is editable only through a correction's new version (the save checks the version). */
export function mayEdit(subject: AnswerSubject): boolean {
  return subject.isLeadStaff && (EDITABLE_STATES.has(subject.answer.status) || subject.answer.status === "published");
}

/**
 * Loads the answer of an inquiry (by inquiry id, as the page's URL has it) and checks that the user may see the
 * administration's work on it. `lock` locks the answer row for the rest of the transaction.
 */
export async function loadAnswerSubject(
  db: Db | Tx,
  user: AnswerUser,
  inquiryId: string,
  options: { lock?: boolean } = {},
): Promise<AnswerSubject> {
  const [inquiry] = await db.select().from(inquiries).where(eq(inquiries.id, inquiryId));
  if (!inquiry) throw new NotFound();
  const facts = await responsibilityFacts(db, inquiry.id, inquiry.leadOrganizationId);
  if (!maySeeAdministrationWork(user.memberships, { ...inquiry, ...facts })) throw new NotFound();
  const query = db
    .select()
    .from(answers)
    .where(and(eq(answers.inquiryId, inquiry.id), eq(answers.bodyId, inquiry.bodyId)));
  const [answer] = options.lock ? await query.for("update") : await query;
  if (!answer) throw new NotFound();
  const leadOrganizationId = answer.leadOrganizationId ?? inquiry.leadOrganizationId;
  const inBody = user.memberships.filter((m) => m.bodyId === inquiry.bodyId);
  return {
    answer,
    inquiry,
    leadOrganizationId,
    isLeadStaff:
      leadOrganizationId !== null &&
      inBody.some(
        (m) => m.organizationId === leadOrganizationId && (m.role === "clerk" || m.role === "department_head"),
      ),
    isCouncilOffice: inBody.some((m) => m.role === "council_office"),
  };
}

/**
 * One answer command's frame: a transaction in which the inquiry's answer is loaded and its row locked
 * (loadAnswerSubject with `lock`) before `command` reads or changes it.
 */
export async function withLockedAnswer<T>(
  user: AnswerUser,
  inquiryId: string,
  command: (tx: Tx, subject: AnswerSubject) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => command(tx, await loadAnswerSubject(tx, user, inquiryId, { lock: true })));
}
