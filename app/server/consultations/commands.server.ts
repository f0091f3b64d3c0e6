/**
 * Commands on an answer's consultations: the lead department requests a DPO statement or a contribution
 * (or records a supervisory authority's letter and the reply), the consulted office writes and submits its
 * statement with structured restrictions and recommendations and a verdict, the lead decides whether the
 * statement is published with the answer.
 *
 * Each command checks the user again (answerAccess / consultationAccess: NotFound for what they may not see),
 * validates everything before writing (ConsultationInputError carries a German message per field), compares
 * the version the form was rendered from and writes the change, its event and its notifications in one
 * transaction. Requesting and answering a DPO consultation are answer lifecycle steps (request_consultation,
 * consultation_answered) and go through the one transition engine; contributions and letters do not change
 * the answer's state and are events of the consultation.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { answerContributors, consultations, inquiryContributors, organizations } from "../../../db/schema";
import {
  STATEMENT_TITLE_MAX,
  addresseeKindFor,
  dueDateProblem,
  letterDateProblem,
  type ConsultationKind,
} from "../../domain/consultation";
import { consultationText as t } from "../../domain/texts/consultation";
import type { RenderedContent } from "../../editor/content.server";
import type { Db, Tx } from "../core/db.server";
import { getDb } from "../core/db.server";
import type { RichFieldInput } from "../inquiries/drafts-validation.server";
import { applyAnswerTransition, StaleVersionError } from "../core/transitions.server";
import { answerAccess, NotFound, recordConsultationEvent, type Actor, type AnswerAccess } from "./access.server";
import { ConsultationInputError, refuse, richOrError } from "./input.server";

export { NotFound, StaleVersionError };
export { ConsultationInputError } from "./input.server";
export { recordReply, saveStatement, setQuoted, type StatementInput } from "./statements.server";

export type RequestInput =
  | {
      kind: "dpo" | "department";
      /** The answer's version the form was rendered from (a DPO request changes the answer's state). */
      answerVersion: number;
      addresseeOrganizationId: string;
      questions: RichFieldInput;
      dueOn: string;
    }
  | {
      kind: "supervisory_authority";
      answerVersion: number;
      addresseeOrganizationId: string;
      letterTitle: string;
      letter: RichFieldInput;
      letterOn: string;
    };

async function requireAnswer(db: Db | Tx, actor: Actor, inquiryId: string, lock = false): Promise<AnswerAccess> {
  const access = await answerAccess(db, actor, inquiryId, { lock });
  if (!access) refuse("form", t.noAnswer);
  if (!access.isLead) refuse("form", t.errors.forbidden);
  return access;
}

/** The organisations a consultation of this kind may be addressed to. */
export async function addresseeOptions(
  db: Db | Tx,
  access: AnswerAccess,
  kind: ConsultationKind,
): Promise<Array<{ id: string; name: string }>> {
  if (kind === "department") {
    const ids = [
      ...(await db
        .select({ id: inquiryContributors.organizationId })
        .from(inquiryContributors)
        .where(eq(inquiryContributors.inquiryId, access.inquiry.id))),
      ...(await db
        .select({ id: answerContributors.organizationId })
        .from(answerContributors)
        .where(eq(answerContributors.answerId, access.answer.id))),
    ]
      .map((r) => r.id)
      .filter((id) => id !== access.leadOrganizationId);
    if (ids.length === 0) return [];
    return db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(inArray(organizations.id, [...new Set(ids)]), eq(organizations.bodyId, access.bodyId)))
      .orderBy(organizations.name);
  }
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.bodyId, access.bodyId), eq(organizations.kind, addresseeKindFor(kind))))
    .orderBy(organizations.name);
}

/** Requests a consultation (or records an authority's letter); returns the new consultation's id. */
export async function requestConsultation(
  actor: Actor,
  inquiryId: string,
  input: RequestInput,
  db?: Db,
): Promise<string> {
  const database = db ?? (await getDb());
  // Checked once before the transaction so that bad input costs no lock; again inside, under the lock.
  const before = await requireAnswer(database, actor, inquiryId);
  const errors: Record<string, string> = {};
  const options = await addresseeOptions(database, before, input.kind);
  if (!options.some((o) => o.id === input.addresseeOrganizationId))
    errors.addresseeOrganizationId = t.errors.addresseeUnknown;
  let questions: RenderedContent | null = null;
  let letter: RenderedContent | null = null;
  let dueOn: string | null = null;
  let letterOn: string | null = null;
  let letterTitle: string | null = null;
  if (input.kind === "supervisory_authority") {
    letter = richOrError(errors, "letter", input.letter, t.request.letter, t.errors.letterEmpty);
    const problem = letterDateProblem(input.letterOn, before.today);
    if (problem) errors.letterOn = t.errors.letterDate[problem];
    else letterOn = input.letterOn.trim();
    letterTitle = input.letterTitle.trim() || null;
    if (letterTitle && letterTitle.length > STATEMENT_TITLE_MAX) errors.letterTitle = t.errors.titleTooLong;
  } else {
    questions = richOrError(errors, "questions", input.questions, t.request.questions, t.errors.questionsEmpty);
    const problem = dueDateProblem(input.dueOn, before.today);
    if (problem) errors.dueOn = t.errors.due[problem];
    else dueOn = input.dueOn.trim();
  }
  if (Object.keys(errors).length > 0) throw new ConsultationInputError(errors);

  const values = {
    bodyId: before.bodyId,
    answerId: before.answer.id,
    kind: input.kind,
    addresseeOrganizationId: input.addresseeOrganizationId,
    ...(questions
      ? {
          questionsPut: questions.text,
          questionsJson: questions.json,
          questionsHtml: questions.html,
          dueOn,
          requestedOn: before.today,
        }
      : {}),
    ...(letter
      ? {
          statementTitle: letterTitle,
          statementJson: letter.json,
          statementHtml: letter.html,
          statementText: letter.text,
          answeredOn: letterOn,
        }
      : {}),
  };

  if (input.kind === "dpo") {
    // A lifecycle step of the answer: drafting → consultation, with the consultation row in the same transaction.
    const id = randomUUID();
    await applyAnswerTransition(database, {
      answerId: before.answer.id,
      bodyId: before.bodyId,
      expectedVersion: input.answerVersion,
      event: "request_consultation",
      actor: { userId: actor.id, memberships: actor.memberships },
      within: async (tx) => {
        await tx.insert(consultations).values({ ...values, id });
      },
      payload: { consultationId: id, addresseeOrganizationId: input.addresseeOrganizationId, dueOn },
    });
    return id;
  }

  return database.transaction(async (tx) => {
    const access = await requireAnswer(tx, actor, inquiryId, true);
    if (access.answer.version !== input.answerVersion) throw new StaleVersionError();
    if (access.answer.status === "published") refuse("form", t.errors.answerNotDrafting);
    const [row] = await tx.insert(consultations).values(values).returning({ id: consultations.id });
    await recordConsultationEvent(
      tx,
      access,
      actor,
      row!.id,
      input.kind === "department" ? "contribution_requested" : "authority_letter_received",
      {
        answerId: access.answer.id,
        addresseeOrganizationId: input.addresseeOrganizationId,
        ...(dueOn ? { dueOn } : { letterOn }),
      },
    );
    return row!.id;
  });
}
