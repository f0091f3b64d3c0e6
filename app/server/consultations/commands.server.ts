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
import { and, eq, inArray, ne } from "drizzle-orm";
import {
  answerContributors,
  consultationRecommendations,
  consultations,
  inquiryContributors,
  organizations,
} from "../../../db/schema";
import {
  ITEMS_MAX,
  STATEMENT_TITLE_MAX,
  addresseeKindFor,
  dueDateProblem,
  isVerdict,
  letterDateProblem,
  validateItems,
  type ConsultationKind,
  type ItemInput,
  type ValidItem,
} from "../../domain/consultation";
import { consultationText as t } from "../../domain/texts/consultation";
import type { RenderedContent } from "../../editor/content.server";
import type { Db, Tx } from "../core/db.server";
import { getDb } from "../core/db.server";
import { resolveRichField, type RichFieldInput } from "../inquiries/drafts-validation.server";
import { recordEvent } from "../core/events.server";
import { applyAnswerTransition, StaleVersionError } from "../core/transitions.server";
import { answerAccess, consultationAccess, NotFound, type Actor, type AnswerAccess } from "./access.server";

export { NotFound, StaleVersionError };

/** Bad input or a refused step: German messages by field ("form" for the whole form). */
export class ConsultationInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors)[0] ?? "");
    this.name = "ConsultationInputError";
  }
}

function refuse(field: string, message: string): never {
  throw new ConsultationInputError({ [field]: message });
}

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

function richOrError(
  errors: Record<string, string>,
  field: string,
  input: RichFieldInput,
  label: string,
  emptyMessage?: string,
): RenderedContent | null {
  const result = resolveRichField(input, label);
  if (!result.ok) {
    errors[field] = result.message;
    return null;
  }
  if (emptyMessage && result.content.text === "") {
    errors[field] = emptyMessage;
    return null;
  }
  return result.content;
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
    await recordEvent(tx, {
      bodyId: access.bodyId,
      aggregateType: "consultation",
      aggregateId: row!.id,
      inquiryId: access.inquiry.id,
      type: input.kind === "department" ? "contribution_requested" : "authority_letter_received",
      actorUserId: actor.id,
      public: false,
      payload: {
        answerId: access.answer.id,
        addresseeOrganizationId: input.addresseeOrganizationId,
        ...(dueOn ? { dueOn } : { letterOn }),
      },
    });
    return row!.id;
  });
}

export interface StatementInput {
  version: number;
  title: string;
  statement: RichFieldInput;
  items: ItemInput[];
  verdict: string;
  /** Submit (the consultation is answered) rather than save a draft. */
  submit: boolean;
}

function validateStatement(
  kind: ConsultationKind,
  input: StatementInput,
): { title: string | null; statement: RenderedContent | null; items: ValidItem[] } {
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (title.length > STATEMENT_TITLE_MAX) errors.title = t.errors.titleTooLong;
  const label = kind === "department" ? t.statement.contributionBody : t.statement.body;
  const statement = richOrError(
    errors,
    "statement",
    input.statement,
    label,
    input.submit ? t.errors.statementEmpty : undefined,
  );
  const checked = validateItems(kind === "department" ? [] : input.items);
  if (checked.tooMany) errors.items = t.errors.tooManyItems(ITEMS_MAX);
  for (const [index, problem] of checked.problems) errors[`item-${index}`] = t.errors.item[problem];
  if (kind !== "department") {
    if (input.verdict !== "" && !isVerdict(input.verdict)) errors.verdict = t.errors.verdictUnknown;
    else if (input.submit && input.verdict === "") errors.verdict = t.errors.verdictMissing;
  }
  if (Object.keys(errors).length > 0) throw new ConsultationInputError(errors);
  return {
    title: title || null,
    statement: statement && statement.text !== "" ? statement : null,
    items: checked.items,
  };
}

async function replaceItems(tx: Tx, consultationId: string, items: readonly ValidItem[]) {
  await tx.delete(consultationRecommendations).where(eq(consultationRecommendations.consultationId, consultationId));
  if (items.length > 0) {
    await tx
      .insert(consultationRecommendations)
      .values(items.map((item, index) => ({ consultationId, position: index + 1, kind: item.kind, text: item.text })));
  }
}

/** The consultation under a row lock, at the version the form was rendered from, and still awaiting its answer. */
async function lockOpenConsultation(tx: Tx, actor: Actor, consultationId: string, expectedVersion: number) {
  const access = await consultationAccess(tx, actor, consultationId, { lock: true });
  if (access.consultation.version !== expectedVersion) throw new StaleVersionError();
  if (access.consultation.status !== "requested") refuse("form", t.errors.alreadyAnswered);
  return access;
}

/**
 * The consulted office saves (draft) or submits its statement. Submitting a DPO statement while the answer
 * waits for it is the lifecycle step consultation_answered (consultation → drafting).
 */
export async function saveStatement(
  actor: Actor,
  consultationId: string,
  input: StatementInput,
  db?: Db,
): Promise<{ version: number }> {
  const database = db ?? (await getDb());
  const before = await consultationAccess(database, actor, consultationId);
  if (!before.mayWrite || before.consultation.kind === "supervisory_authority") refuse("form", t.errors.forbidden);
  const valid = validateStatement(before.consultation.kind, input);
  return database.transaction(async (tx) => {
    const access = await lockOpenConsultation(tx, actor, consultationId, input.version);
    const c = access.consultation;
    const version = c.version + 1;
    await tx
      .update(consultations)
      .set({
        statementTitle: valid.title,
        statementJson: valid.statement?.json ?? null,
        statementHtml: valid.statement?.html ?? null,
        statementText: valid.statement?.text ?? null,
        verdict: c.kind === "department" || input.verdict === "" ? null : (input.verdict as typeof c.verdict),
        ...(input.submit ? { status: "answered" as const, answeredOn: access.today } : {}),
        version,
      })
      .where(eq(consultations.id, c.id));
    if (c.kind !== "department") await replaceItems(tx, c.id, valid.items);
    if (!input.submit) return { version };

    const payload = { consultationId: c.id, verdict: input.verdict || null, items: valid.items.length };
    // The answer waits for this statement: the lifecycle step, unless another DPO consultation is still open.
    const othersOpen = await tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(
        and(
          eq(consultations.answerId, c.answerId),
          eq(consultations.kind, "dpo"),
          eq(consultations.status, "requested"),
          ne(consultations.id, c.id),
        ),
      );
    if (c.kind === "dpo" && access.answer.status === "consultation" && othersOpen.length === 0) {
      await applyAnswerTransition(tx as unknown as Db, {
        answerId: c.answerId,
        bodyId: access.bodyId,
        expectedVersion: access.answer.version,
        event: "consultation_answered",
        actor: { userId: actor.id, memberships: actor.memberships },
        payload,
      });
    } else {
      await recordEvent(tx, {
        bodyId: access.bodyId,
        aggregateType: "consultation",
        aggregateId: c.id,
        inquiryId: access.inquiry.id,
        type: c.kind === "department" ? "contribution_delivered" : "consultation_answered",
        actorUserId: actor.id,
        public: false,
        payload,
      });
    }
    return { version };
  });
}

/** The lead department decides whether the statement is published with the answer. */
export async function setQuoted(
  actor: Actor,
  consultationId: string,
  input: { version: number; quoted: boolean },
  db?: Db,
): Promise<{ version: number }> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const access = await consultationAccess(tx, actor, consultationId, { lock: true });
    const c = access.consultation;
    if (!access.isLead || c.kind === "department") refuse("form", t.errors.forbidden);
    if (c.version !== input.version) throw new StaleVersionError();
    if (c.status !== "answered") refuse("form", t.errors.notAnswered);
    // What was published stays as it was published (a correction is the answers module's new version).
    if (access.answer.status === "published") refuse("form", t.errors.answerNotDrafting);
    const version = c.version + 1;
    await tx
      .update(consultations)
      .set({ publishedWithAnswer: input.quoted, version })
      .where(eq(consultations.id, c.id));
    await recordEvent(tx, {
      bodyId: access.bodyId,
      aggregateType: "consultation",
      aggregateId: c.id,
      inquiryId: access.inquiry.id,
      type: "consultation_quote_changed",
      actorUserId: actor.id,
      public: false,
      payload: { quoted: input.quoted },
    });
    return { version };
  });
}

/** The lead department records its reply letter to a supervisory authority; the exchange is then answered. */
export async function recordReply(
  actor: Actor,
  consultationId: string,
  input: { version: number; reply: RichFieldInput; repliedOn: string },
  db?: Db,
): Promise<{ version: number }> {
  const database = db ?? (await getDb());
  const before = await consultationAccess(database, actor, consultationId);
  if (before.consultation.kind !== "supervisory_authority" || !before.mayWrite) refuse("form", t.errors.forbidden);
  const errors: Record<string, string> = {};
  const reply = richOrError(errors, "reply", input.reply, t.reply.body, t.errors.replyEmpty);
  const problem = letterDateProblem(input.repliedOn, before.today);
  if (problem) errors.repliedOn = t.errors.letterDate[problem];
  else if (before.consultation.answeredOn && input.repliedOn.trim() < before.consultation.answeredOn)
    errors.repliedOn = t.errors.replyBeforeLetter;
  if (Object.keys(errors).length > 0 || !reply) throw new ConsultationInputError(errors);
  return database.transaction(async (tx) => {
    const access = await lockOpenConsultation(tx, actor, consultationId, input.version);
    const c = access.consultation;
    const version = c.version + 1;
    await tx
      .update(consultations)
      .set({
        replyJson: reply.json,
        replyHtml: reply.html,
        replyText: reply.text,
        repliedOn: input.repliedOn.trim(),
        status: "answered",
        version,
      })
      .where(eq(consultations.id, c.id));
    await recordEvent(tx, {
      bodyId: access.bodyId,
      aggregateType: "consultation",
      aggregateId: c.id,
      inquiryId: access.inquiry.id,
      type: "authority_reply_sent",
      actorUserId: actor.id,
      public: false,
      payload: { repliedOn: input.repliedOn.trim() },
    });
    return { version };
  });
}
