/**
 * The e-mail outbox: mails are written in the same transaction as the event that causes them and delivered
 * later by the outbox worker, so a mail is never lost and never sent for a rolled-back change.
 */
import { outbox } from "../../../db/schema";
import type { Db, Tx } from "./db.server";

export interface OutgoingMail {
  recipient: string;
  subject: string;
  bodyText: string;
  eventId?: number | null;
  /** One-click unsubscribe URL (RFC 8058) of a subscription mail. */
  listUnsubscribe?: string | null;
}

export async function enqueueMail(tx: Db | Tx, mail: OutgoingMail): Promise<number> {
  const [row] = await tx
    .insert(outbox)
    .values({
      recipient: mail.recipient,
      subject: mail.subject,
      bodyText: mail.bodyText,
      eventId: mail.eventId ?? null,
      listUnsubscribe: mail.listUnsubscribe ?? null,
    })
    .returning({ id: outbox.id });
  return row!.id;
}
