/**
 * Gapless reference numbers and the submission of a draft.
 *
 * The counter is one `reference_counters` row per body, type and period, incremented by an upsert inside the
 * submitting transaction: the row lock it takes serialises concurrent submitters of the same type and period
 * (the second waits until the first commits, then sees its value), and a transaction that rolls back takes its
 * increment with it — no gap, no duplicate. The unique constraint `inquiries_number_unique` is the last line of
 * defence, never the mechanism.
 *
 * Submission (submitInquiry) is one command of the lifecycle engine that uses this numbering and the
 * deadline helper in the same transaction.
 *
 * Term numbering: the schema has no table of terms (Wahlperioden). The current term is the period of the most
 * recent numbered inquiry of the same type, else of any term-numbered type of the body; a caller may pass it
 * explicitly (required for a body's very first term-numbered submission, and when a new term begins).
 */
import { isUuid } from "../../domain/format";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { bodies, inquiries, inquiryTypes, referenceCounters } from "../../../db/schema";
import {
  NumberingError,
  assertPeriod,
  numberedReference,
  numberingMessages,
  periodFor,
  receiptDate,
  type NumberedReference,
} from "../../domain/numbering";
import type { Db, Tx } from "../core/db.server";
import { dueDateForInquiry } from "./deadlines.server";
import {
  NotFound,
  StaleVersionError,
  TransitionRefused,
  applyInquiryTransition,
  type TransitionActor,
} from "../core/transitions.server";

export { NumberingError, NotFound };

/**
 * Takes the next number of (body, type, period) and formats it. Must run inside the caller's transaction:
 * the counter row stays locked until that transaction ends.
 */
export async function assignReference(
  tx: Tx,
  params: { bodyId: string; typeId: string; period: string },
): Promise<NumberedReference> {
  const { bodyId, typeId, period } = params;
  assertPeriod(period);
  const [type] = await tx
    .select({ code: inquiryTypes.code, referenceFormat: inquiryTypes.referenceFormat })
    .from(inquiryTypes)
    .where(and(eq(inquiryTypes.id, typeId), eq(inquiryTypes.bodyId, bodyId)));
  if (!type) throw new NumberingError(`inquiry type ${typeId} does not belong to body ${bodyId}`);
  // Formats before counting: a misconfigured format must not burn a number (it would not anyway — the
  // transaction rolls back — but the error is clearer before the lock is taken).
  numberedReference({ referenceFormat: type.referenceFormat, typeCode: type.code, n: 1, period });

  const [counter] = await tx
    .insert(referenceCounters)
    .values({ bodyId, typeId, period, lastValue: 1 })
    .onConflictDoUpdate({
      target: [referenceCounters.bodyId, referenceCounters.typeId, referenceCounters.period],
      set: { lastValue: sql`reference_counters.last_value + 1` },
    })
    .returning({ lastValue: referenceCounters.lastValue });
  if (!counter) throw new Error("reference counter upsert returned no row");
  const assigned = numberedReference({
    referenceFormat: type.referenceFormat,
    typeCode: type.code,
    n: counter.lastValue,
    period,
  });
  // Two types whose formats write the same text (or an inquiry imported under that publicRef) would collide
  // on inquiries_public_ref_unique; say so in words instead of a constraint error. The number is not lost:
  // the caller's transaction rolls back with it.
  const [clash] = await tx
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(and(eq(inquiries.bodyId, bodyId), eq(inquiries.publicRef, assigned.publicRef)))
    .limit(1);
  if (clash) throw new NumberingError(numberingMessages.publicRefTaken(assigned.publicRef));
  return assigned;
}

/** The body's current term for a type (see the module comment), or null when none is known. */
export async function currentTerm(tx: Tx | Db, params: { bodyId: string; typeId: string }): Promise<string | null> {
  const numbered = and(
    eq(inquiries.bodyId, params.bodyId),
    isNotNull(inquiries.period),
    isNotNull(inquiries.reference),
  );
  const latest = [
    sql`coalesce(${inquiries.receivedOn}, ${inquiries.submittedOn}) desc nulls last`,
    sql`${inquiries.createdAt} desc`,
  ];
  const [sameType] = await tx
    .select({ period: inquiries.period })
    .from(inquiries)
    .where(and(numbered, eq(inquiries.typeId, params.typeId)))
    .orderBy(...latest)
    .limit(1);
  if (sameType?.period) return sameType.period;
  const [anyType] = await tx
    .select({ period: inquiries.period })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(and(numbered, eq(inquiryTypes.numberingPeriod, "term")))
    .orderBy(...latest)
    .limit(1);
  return anyType?.period ?? null;
}

export interface SubmissionResult {
  inquiryId: string;
  /** Null only for an inquiry numbered outside Quaestio (imported with its reference but no sequence). */
  sequence: number | null;
  period: string | null;
  reference: string;
  publicRef: string | null;
  status: (typeof inquiries.$inferSelect)["status"];
  receivedOn: string | null;
  dueOn: string | null;
  dueRuleLabel: string | null;
  version: number;
  /** True when the inquiry was already submitted (double click, retry): nothing was numbered or recorded. */
  alreadySubmitted: boolean;
}

export interface SubmitInquiryCommand {
  inquiryId: string;
  bodyId: string;
  actor: TransitionActor;
  /** The version the submitting form was rendered from. */
  expectedVersion: number;
  /** A client-generated key of this submit action, recorded in the event for tracing retries. */
  submissionKey?: string;
  /** The body's current term, for term-numbered types when no numbered inquiry shows it yet. */
  term?: string;
  now?: Date;
}

/**
 * Submits a draft as ONE transaction of the lifecycle engine (event `submit`): the engine locks the inquiry row,
 * hides it from whoever may not see it (NotFound), rejects a stale version, lets only a member of the
 * originating faction submit (TransitionRefused), sets the status and writes the `submit` event. Inside that
 * transaction `within` numbers the inquiry (assignReference) and computes its due date (dueDateForInquiry, with
 * today in the body's time zone as the date of receipt); `dueRuleLabel` is the type's label and the computed
 * explanation goes into the event payload.
 *
 * Idempotency (double click, retry after a lost response): the engine checks status and version under the row
 * lock, so a second submit that waited for the first one is refused there (stale version, or "submit" not
 * allowed in state submitted) before anything is numbered. That refusal is then turned into the existing
 * reference — but only for an inquiry that has left the draft state and only for someone who could have
 * submitted it (a member of its originating faction); everyone else gets the engine's error unchanged.
 * A draft with a stale version (edited in between) stays a StaleVersionError.
 */
export async function submitInquiry(db: Db, command: SubmitInquiryCommand): Promise<SubmissionResult> {
  const { inquiryId, bodyId, actor } = command;
  if (!isUuid(inquiryId) || !isUuid(bodyId)) throw new NotFound();
  // Filled inside the transaction, before the engine writes the event (it spreads the payload after `within`).
  const payload: Record<string, unknown> = {};
  let numbered: { sequence: number; period: string; reference: string; publicRef: string } | undefined;
  let dates: { receivedOn: string; dueOn: string | null; dueRuleLabel: string } | undefined;
  try {
    const result = await applyInquiryTransition(db, {
      inquiryId,
      bodyId,
      actor,
      expectedVersion: command.expectedVersion,
      event: "submit",
      payload,
      within: async (tx, inquiry) => {
        const [context] = await tx
          .select({
            timeZone: bodies.timeZone,
            numberingPeriod: inquiryTypes.numberingPeriod,
            dueRuleLabel: inquiryTypes.deadlineRuleLabel,
          })
          .from(inquiryTypes)
          .innerJoin(bodies, eq(bodies.id, inquiryTypes.bodyId))
          .where(and(eq(inquiryTypes.id, inquiry.typeId), eq(inquiryTypes.bodyId, bodyId)));
        if (!context) throw new NumberingError(`inquiry type ${inquiry.typeId} does not belong to body ${bodyId}`);

        const today = receiptDate(command.now ?? new Date(), context.timeZone);
        const term =
          context.numberingPeriod === "term"
            ? (command.term ?? (await currentTerm(tx, { bodyId, typeId: inquiry.typeId })))
            : null;
        if (context.numberingPeriod === "term" && !term) throw new NumberingError(numberingMessages.termUnknown);
        const period = periodFor(context.numberingPeriod, { receivedOn: today, currentTerm: term });

        const assigned = await assignReference(tx, { bodyId, typeId: inquiry.typeId, period });
        const due = await dueDateForInquiry(tx, { bodyId, typeId: inquiry.typeId, receivedOn: today });
        numbered = assigned;
        dates = { receivedOn: today, dueOn: due.dueOn, dueRuleLabel: context.dueRuleLabel };
        Object.assign(payload, {
          reference: assigned.reference,
          publicRef: assigned.publicRef,
          period: assigned.period,
          sequence: assigned.sequence,
          receivedOn: today,
          dueOn: due.dueOn,
          dueRuleLabel: context.dueRuleLabel,
          dueExplanation: due.explanation,
          ...(command.submissionKey ? { submissionKey: command.submissionKey } : {}),
        });
        return {
          period: assigned.period,
          sequence: assigned.sequence,
          reference: assigned.reference,
          publicRef: assigned.publicRef,
          submittedOn: today,
          receivedOn: today,
          dueOn: due.dueOn,
          dueRuleLabel: context.dueRuleLabel,
        };
      },
    });
    return {
      inquiryId,
      status: result.status as SubmissionResult["status"],
      version: result.version,
      ...numbered!,
      ...dates!,
      alreadySubmitted: false,
    };
  } catch (error) {
    const maybeDuplicate =
      error instanceof StaleVersionError ||
      (error instanceof TransitionRefused && error.reason === "not_allowed_in_state");
    if (!maybeDuplicate) throw error;
    const existing = await alreadySubmitted(db, command);
    if (!existing) throw error;
    return existing;
  }
}

/** The inquiry as submitted earlier, if it is past draft and the actor could have submitted it; else null. */
async function alreadySubmitted(db: Db, command: SubmitInquiryCommand): Promise<SubmissionResult | null> {
  const [row] = await db
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.id, command.inquiryId), eq(inquiries.bodyId, command.bodyId)));
  if (!row || row.status === "draft" || !row.reference) return null;
  const submitter = command.actor.memberships.some(
    (m) =>
      m.bodyId === command.bodyId && m.role === "faction_member" && m.organizationId === row.originatorOrganizationId,
  );
  if (!submitter) return null;
  return earlierSubmission({ ...row, reference: row.reference });
}

/** The result a repeated submit answers with: the inquiry as it was submitted before (nothing new numbered). */
export function earlierSubmission(
  row: Pick<
    typeof inquiries.$inferSelect,
    "id" | "status" | "version" | "sequence" | "period" | "publicRef" | "receivedOn" | "dueOn" | "dueRuleLabel"
  > & {
    reference: string;
  },
): SubmissionResult {
  return {
    inquiryId: row.id,
    status: row.status,
    version: row.version,
    sequence: row.sequence,
    period: row.period,
    reference: row.reference,
    publicRef: row.publicRef,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    dueRuleLabel: row.dueRuleLabel,
    alreadySubmitted: true,
  };
}
