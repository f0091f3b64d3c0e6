/**
 * Gapless reference numbers and the submission of a draft.
 *
 * The counter is one `reference_counters` row per body, type and period, incremented by an upsert inside the
 * submitting transaction: the row lock it takes serialises concurrent submitters of the same type and period
 * (the second waits until the first commits, then sees its value), and a transaction that rolls back takes its
 * increment with it — no gap, no duplicate. The unique constraint `inquiries_number_unique` is the last line of
 * defence, never the mechanism.
 *
 * Term numbering: the schema has no table of terms (Wahlperioden). The current term is the period of the most
 * recent numbered inquiry of the same type, else of any term-numbered type of the body; a caller may pass it
 * explicitly (required for a body's very first term-numbered submission, and when a new term begins).
 */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { bodies, events, inquiries, inquiryTypes, referenceCounters } from "../../db/schema";
import {
  NumberingError,
  assertPeriod,
  numberedReference,
  numberingMessages,
  periodFor,
  receiptDate,
  type NumberedReference,
} from "../domain/numbering";
import type { Db, Tx } from "./db.server";

export { NumberingError };

/** The inquiry does not exist in this body (callers answer 404). */
export class InquiryNotFound extends Error {
  override name = "InquiryNotFound";
  constructor(inquiryId: string) {
    super(`inquiry ${inquiryId} not found in this body`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  const assigned = numberedReference({ referenceFormat: type.referenceFormat, typeCode: type.code, n: counter.lastValue, period });
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
  const numbered = and(eq(inquiries.bodyId, params.bodyId), isNotNull(inquiries.period), isNotNull(inquiries.reference));
  const latest = [sql`coalesce(${inquiries.receivedOn}, ${inquiries.submittedOn}) desc nulls last`, sql`${inquiries.createdAt} desc`];
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
  /** True when the inquiry was already submitted (double click, retry): nothing was numbered or recorded. */
  alreadySubmitted: boolean;
}

/**
 * Submits a draft: numbers it, sets it `submitted` with today's date (in the body's time zone) as submission
 * and receipt date, and records a `submitted` event — all in one transaction. Idempotent: the inquiry row is
 * locked first, so a second, concurrent submit waits and then finds it no longer a draft and returns the
 * existing reference.
 *
 * Not done here: the due date (dueOn stays null; the deadline helper computes and writes it) and the check
 * whether `userId` may submit this draft (the route and the lifecycle command check that before calling).
 */
export async function submitDraft(
  db: Db,
  params: {
    inquiryId: string;
    bodyId: string;
    userId: string;
    /** A client-generated key of this submit action, recorded in the event for tracing retries. */
    submissionKey?: string;
    /** The body's current term, for term-numbered types when no numbered inquiry shows it yet. */
    term?: string;
    now?: Date;
  },
): Promise<SubmissionResult> {
  const { inquiryId, bodyId, userId } = params;
  if (!UUID.test(inquiryId) || !UUID.test(bodyId)) throw new InquiryNotFound(inquiryId);
  return db.transaction(async (tx) => {
    const [inquiry] = await tx
      .select({
        id: inquiries.id,
        typeId: inquiries.typeId,
        status: inquiries.status,
        period: inquiries.period,
        sequence: inquiries.sequence,
        reference: inquiries.reference,
        publicRef: inquiries.publicRef,
        receivedOn: inquiries.receivedOn,
      })
      .from(inquiries)
      .where(and(eq(inquiries.id, inquiryId), eq(inquiries.bodyId, bodyId)))
      .for("update");
    if (!inquiry) throw new InquiryNotFound(inquiryId);

    if (inquiry.status !== "draft") {
      return {
        inquiryId,
        status: inquiry.status,
        sequence: inquiry.sequence,
        period: inquiry.period,
        // Every inquiry past draft has a reference (check inquiries_numbered_unless_draft).
        reference: inquiry.reference ?? "",
        publicRef: inquiry.publicRef,
        receivedOn: inquiry.receivedOn,
        alreadySubmitted: true,
      };
    }

    const [context] = await tx
      .select({ timeZone: bodies.timeZone, numberingPeriod: inquiryTypes.numberingPeriod })
      .from(inquiryTypes)
      .innerJoin(bodies, eq(bodies.id, inquiryTypes.bodyId))
      .where(and(eq(inquiryTypes.id, inquiry.typeId), eq(inquiryTypes.bodyId, bodyId)));
    if (!context) throw new NumberingError(`inquiry type ${inquiry.typeId} does not belong to body ${bodyId}`);

    const today = receiptDate(params.now ?? new Date(), context.timeZone);
    const term =
      context.numberingPeriod === "term" ? (params.term ?? (await currentTerm(tx, { bodyId, typeId: inquiry.typeId }))) : null;
    if (context.numberingPeriod === "term" && !term) throw new NumberingError(numberingMessages.termUnknown);
    const period = periodFor(context.numberingPeriod, { receivedOn: today, currentTerm: term });

    const assigned = await assignReference(tx, { bodyId, typeId: inquiry.typeId, period });
    await tx
      .update(inquiries)
      .set({
        status: "submitted",
        period: assigned.period,
        sequence: assigned.sequence,
        reference: assigned.reference,
        publicRef: assigned.publicRef,
        submittedOn: today,
        receivedOn: today,
        version: sql`${inquiries.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(inquiries.id, inquiryId));
    await tx.insert(events).values({
      bodyId,
      aggregateType: "inquiry",
      aggregateId: inquiryId,
      type: "submitted",
      actorUserId: userId,
      public: false,
      payload: {
        reference: assigned.reference,
        publicRef: assigned.publicRef,
        period: assigned.period,
        sequence: assigned.sequence,
        ...(params.submissionKey ? { submissionKey: params.submissionKey } : {}),
      },
    });
    return { inquiryId, status: "submitted" as const, receivedOn: today, ...assigned, alreadySubmitted: false };
  });
}
