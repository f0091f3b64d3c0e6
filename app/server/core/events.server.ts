/**
 * The one place an inquiry's event row is written — by the lifecycle engine (transitions.server.ts) and by the
 * commands that record something about an inquiry without changing its state (a visibility change, an
 * extension request, a draft's co-author list). Notifications caused by the event are written in the same
 * transaction (DESIGN §2: never lost, never sent for something that was rolled back).
 */
import { events } from "../../../db/schema";
import type { Tx } from "./db.server";
import { notifyInquiryEvent } from "../notifications/notifications.server";

export interface InquiryEventInput {
  bodyId: string;
  /**
   * "inquiry" for the inquiry itself, "answer" for its answer, "consultation" for a consultation of the answer
   * (aggregateId is then the answer's or the consultation's id).
   */
  aggregateType: "inquiry" | "answer" | "consultation";
  aggregateId: string;
  /** The inquiry the event belongs to (equals aggregateId for aggregateType "inquiry"). */
  inquiryId: string;
  type: string;
  actorUserId: string | null;
  public: boolean;
  payload: Record<string, unknown>;
}

export interface RecordedInquiryEvent extends InquiryEventInput {
  id: number;
}

/** Inserts the event row and the notifications it causes; returns the event id. Call inside a transaction. */
export async function recordInquiryEvent(tx: Tx, input: InquiryEventInput): Promise<number> {
  const { inquiryId: _inquiryId, ...row } = input;
  const [inserted] = await tx.insert(events).values(row).returning({ id: events.id });
  const id = inserted!.id;
  await notifyInquiryEvent(tx, { ...input, id });
  return id;
}
