/**
 * The consulted office's side of a consultation: it writes and submits its statement (structured restrictions
 * and recommendations, a verdict), the lead decides whether it is quoted in the answer, and a supervisory
 * authority's reply letter is recorded. Same rules as commands.server: access checked again, everything
 * validated before writing, version compared, change + event + notifications in one transaction.
 */
import { and, eq, ne } from "drizzle-orm";
import { consultationRecommendations, consultations } from "../../../db/schema";
import {
  ITEMS_MAX,
  STATEMENT_TITLE_MAX,
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
import type { RichFieldInput } from "../inquiries/drafts-validation.server";
import { applyAnswerTransition, StaleVersionError } from "../core/transitions.server";
import { consultationAccess, recordConsultationEvent, type Actor } from "./access.server";

import { ConsultationInputError, refuse, richOrError } from "./input.server";

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

/** Writes `changes` to the locked consultation `c` with its next version; returns that version. */
async function updateConsultation(
  tx: Tx,
  c: { id: string; version: number },
  changes: Partial<typeof consultations.$inferInsert>,
): Promise<number> {
  const version = c.version + 1;
  await tx
    .update(consultations)
    .set({ ...changes, version })
    .where(eq(consultations.id, c.id));
  return version;
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
    const version = await updateConsultation(tx, c, {
      statementTitle: valid.title,
      statementJson: valid.statement?.json ?? null,
      statementHtml: valid.statement?.html ?? null,
      statementText: valid.statement?.text ?? null,
      verdict: c.kind === "department" || input.verdict === "" ? null : (input.verdict as typeof c.verdict),
      ...(input.submit ? { status: "answered" as const, answeredOn: access.today } : {}),
    });
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
      await recordConsultationEvent(
        tx,
        access,
        actor,
        c.id,
        c.kind === "department" ? "contribution_delivered" : "consultation_answered",
        payload,
      );
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
    const version = await updateConsultation(tx, c, { publishedWithAnswer: input.quoted });
    await recordConsultationEvent(tx, access, actor, c.id, "consultation_quote_changed", { quoted: input.quoted });
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
    const version = await updateConsultation(tx, c, {
      replyJson: reply.json,
      replyHtml: reply.html,
      replyText: reply.text,
      repliedOn: input.repliedOn.trim(),
      status: "answered",
    });
    await recordConsultationEvent(tx, access, actor, c.id, "authority_reply_sent", {
      repliedOn: input.repliedOn.trim(),
    });
    return { version };
  });
}
