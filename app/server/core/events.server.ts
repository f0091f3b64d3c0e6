/**
 * The one place an event row is written (`recordEvent`), and the one place an inquiry's or an answer's
 * version is bumped (`commitInquiryChange`, `commitAnswerChange`, which write the event that says why).
 *
 * Callers: the lifecycle engine (transitions.server.ts) for state changes, `runRecordedCommand`
 * (inquiries/workflow-context.server.ts) for the workflow commands that change no state, the drafts module,
 * and the account and audit writers. Notifications caused by an inquiry's event are written in the same
 * transaction (DESIGN §2: never lost, never sent for something that was rolled back).
 */
import { eq, sql } from "drizzle-orm";
import { answers, events, inquiries } from "../../../db/schema";
import type { AccountEvent, EventName, InquiryEventName, SecurityEvent } from "../../domain/events";
import type { Db, Tx } from "./db.server";
import { afterCommit } from "./after-commit.server";
import { publicPagesChanged } from "./public-page-cache.server";
import { notifyInquiryEvent } from "../notifications/notifications.server";

export interface EventInput {
  bodyId: string | null;
  /** "inquiry", "answer", "consultation", "user", "session" … */
  aggregateType: string;
  aggregateId: string;
  type: EventName;
  actorUserId: string | null;
  public?: boolean;
  payload: Record<string, unknown>;
  /** The inquiry an inquiry's or answer's event belongs to: its people are notified in the same transaction. */
  inquiryId?: string;
}

export interface InquiryEventInput extends EventInput {
  bodyId: string;
  /**
   * "inquiry" for the inquiry itself, "answer" for its answer, "consultation" for a consultation of the answer
   * (aggregateId is then the answer's or the consultation's id).
   */
  aggregateType: "inquiry" | "answer" | "consultation";
  aggregateId: string;
  /** The inquiry the event belongs to (equals aggregateId for aggregateType "inquiry"); its people are notified. */
  inquiryId: string;
  type: InquiryEventName;
  actorUserId: string | null;
  public: boolean;
  payload: Record<string, unknown>;
}

export interface RecordedInquiryEvent extends InquiryEventInput {
  id: number;
}

/**
 * Inserts one event row and returns its id. An event that names its inquiry (`inquiryId`) also writes the
 * notifications it causes, so call it inside the command's transaction.
 */
export async function recordEvent(tx: Db | Tx, input: EventInput): Promise<number> {
  const { inquiryId, ...row } = input;
  const [inserted] = await tx
    .insert(events)
    .values({ ...row, public: row.public ?? false })
    .returning({ id: events.id });
  const id = inserted!.id;
  // Whatever changes a body's inquiries or answers writes an event here: its cached public pages are dropped
  // once the change has committed (publication, correction, holding answer, visibility, deadlines …).
  const bodyId = row.bodyId;
  if (bodyId !== null) afterCommit(() => publicPagesChanged(bodyId));
  if (inquiryId !== undefined) await notifyInquiryEvent(tx as Tx, { ...(input as InquiryEventInput), id });
  return id;
}

/**
 * A user's security or account event (sign-in, password, second factor, sessions): no body, never public.
 * The actor is the user themselves unless given (null for a failed sign-in, where nobody is signed in).
 */
export function recordUserEvent(
  tx: Db | Tx,
  userId: string,
  type: SecurityEvent | AccountEvent,
  payload: Record<string, unknown>,
  actorUserId: string | null = userId,
): Promise<number> {
  return recordEvent(tx, { bodyId: null, aggregateType: "user", aggregateId: userId, actorUserId, type, payload });
}

type InquiryChanges = Partial<Omit<typeof inquiries.$inferInsert, "id" | "bodyId" | "version">>;

/** What happened, for the event row; the aggregate's ids and body are taken from the row being changed. */
export interface ChangeEvent {
  type: InquiryEventName;
  actorUserId: string | null;
  public: boolean;
  payload: Record<string, unknown>;
}

/**
 * Writes the column changes with the next version and the event that explains them; returns both. `event`
 * is null only for a draft's save (autosave: the version guards concurrent editing, the log does not grow).
 * The caller holds the row lock and has compared the version the user saw.
 */
export async function commitInquiryChange(
  tx: Tx,
  inquiry: { id: string; bodyId: string; version: number },
  changes: InquiryChanges,
  event: ChangeEvent | null,
): Promise<{ version: number; eventId: number | null }> {
  const version = inquiry.version + 1;
  await tx
    .update(inquiries)
    .set({ updatedAt: sql`now()`, ...changes, version })
    .where(eq(inquiries.id, inquiry.id));
  const eventId = event
    ? await recordEvent(tx, {
        ...event,
        bodyId: inquiry.bodyId,
        aggregateType: "inquiry",
        aggregateId: inquiry.id,
        inquiryId: inquiry.id,
      })
    : null;
  return { version, eventId };
}

type AnswerChanges = Partial<Omit<typeof answers.$inferInsert, "id" | "bodyId" | "inquiryId" | "version">>;

type AnswerRef = { id: string; bodyId: string; inquiryId: string; version: number };

/**
 * The same for an answer; its event belongs to the answer's inquiry. `event` is null only for a draft's save
 * (the version guards concurrent editing, the log does not grow).
 */
export async function commitAnswerChange(
  tx: Tx,
  answer: AnswerRef,
  changes: AnswerChanges,
  event: ChangeEvent,
): Promise<{ version: number; eventId: number }>;
export async function commitAnswerChange(
  tx: Tx,
  answer: AnswerRef,
  changes: AnswerChanges,
  event: null,
): Promise<{ version: number; eventId: null }>;
export async function commitAnswerChange(
  tx: Tx,
  answer: AnswerRef,
  changes: AnswerChanges,
  event: ChangeEvent | null,
): Promise<{ version: number; eventId: number | null }> {
  const version = answer.version + 1;
  await tx
    .update(answers)
    .set({ ...changes, version })
    .where(eq(answers.id, answer.id));
  const eventId = event
    ? await recordEvent(tx, {
        ...event,
        bodyId: answer.bodyId,
        aggregateType: "answer",
        aggregateId: answer.id,
        inquiryId: answer.inquiryId,
      })
    : null;
  return { version, eventId };
}
