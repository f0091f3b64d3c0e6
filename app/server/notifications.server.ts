/**
 * Notifications (in-app and e-mail through the outbox) caused by inquiry events.
 * Contract used by inquiry-events.server.ts: `notifyInquiryEvent(tx, event)` runs inside the event's
 * transaction and writes the notification and outbox rows for everyone who should hear of the event and wants to.
 */
import type { Tx } from "./db.server";
import type { RecordedInquiryEvent } from "./inquiry-events.server";

// Replaced by the notifications work of issue 5 in this session (recipients, preferences, outbox).
export async function notifyInquiryEvent(_tx: Tx, _event: RecordedInquiryEvent): Promise<void> {}
