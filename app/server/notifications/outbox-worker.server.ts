/**
 * Delivers the e-mail outbox. Each run claims due rows with FOR UPDATE SKIP LOCKED (several app processes
 * never send the same mail; PGlite runs the same SQL), marks them `sending` under a lease, delivers them and
 * marks them `sent` — or, when delivery throws, puts them back as `pending` with exponential backoff and the
 * error text, until after MAX_ATTEMPTS they are `failed`. A row left `sending` by a crashed process is
 * claimed again once its lease has run out.
 */
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { outbox } from "../../../db/schema";
import { config } from "../core/config.server";
import { getDb, type Db } from "../core/db.server";
import { deliverMail, type DeliverMail } from "../core/mail.server";

export const MAX_ATTEMPTS = 8;
const BASE_RETRY_MS = 30_000;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
const LEASE_MS = 10 * 60 * 1000;
const BATCH_SIZE = 20;

/** Wait before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min, … capped at 6 h. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1));
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

export async function drainOutboxOnce(
  db: Db,
  options: { deliver?: DeliverMail; now?: Date; batchSize?: number } = {},
): Promise<DrainResult> {
  const deliver = options.deliver ?? deliverMail;
  const now = options.now ?? new Date();
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(inArray(outbox.status, ["pending", "sending"]), lte(outbox.nextAttemptAt, now)))
      .orderBy(outbox.id)
      .limit(options.batchSize ?? BATCH_SIZE)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        status: "sending",
        attempts: sql`${outbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + LEASE_MS),
      })
      .where(
        inArray(
          outbox.id,
          due.map((r) => r.id),
        ),
      )
      .returning();
  });

  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  for (const mail of claimed.sort((a, b) => a.id - b.id)) {
    try {
      await deliver({
        id: mail.id,
        recipient: mail.recipient,
        subject: mail.subject,
        bodyText: mail.bodyText,
        listUnsubscribe: mail.listUnsubscribe,
      });
      await db
        .update(outbox)
        .set({ status: "sent", sentAt: new Date(), lastError: null })
        .where(eq(outbox.id, mail.id));
      result.sent++;
    } catch (error) {
      const lastError = String((error as Error)?.message ?? error).slice(0, 1000);
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      await db
        .update(outbox)
        .set({
          status: giveUp ? "failed" : "pending",
          lastError,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)),
        })
        .where(eq(outbox.id, mail.id));
      if (giveUp) result.failed++;
      else result.retried++;
      console.error(`[Outbox] E-Mail ${mail.id} an Versuch ${mail.attempts} nicht zugestellt: ${lastError}`);
    }
  }
  return result;
}

// ---- the background loop of the running app -------------------------------------------------------

const STOP_WAIT_MS = 1_000;

let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;
let again = false;
/** Whether the last run had mails to deliver: more may be waiting for the next (a backlog after the first scan). */
let delivering = false;
/** Mails handled since the outbox was last found empty. */
let streak = 0;

function tick() {
  if (running) {
    again = true;
    return;
  }
  running = getDb()
    .then((db) => drainOutboxOnce(db))
    .then((result) => {
      const handled = result.sent + result.retried + result.failed;
      delivering = handled > 0;
      if (delivering) streak += handled;
      else if (streak > 0) {
        // One line when the outbox is empty again: the operator sees a backlog end (the first scan over an archive
        // queues thousands of reminders), and the bench waits for it before it reads the memory at rest.
        console.log(`[Outbox] Postausgang abgearbeitet: ${streak} E-Mail(s) bearbeitet`);
        streak = 0;
      }
    })
    .catch((error) => console.error("[Outbox] Fehler beim Abarbeiten:", error))
    .finally(() => {
      running = null;
      if (again && timer) {
        again = false;
        tick();
      }
    });
}

export function startOutboxWorker(): void {
  if (timer) return;
  timer = setInterval(tick, config().outboxPollMs);
  timer.unref();
  tick();
}

/** Whether a run is in progress or asked for, or the last one delivered mails (the outbox may not be empty yet). */
export function outboxWorkerBusy(): boolean {
  return running !== null || again || delivering;
}

/** Asks the running worker to look at the outbox now (after a transaction that queued a mail committed). */
export function nudgeOutboxWorker(): void {
  if (timer) setImmediate(tick);
}

/** Stops the loop and waits briefly for a run in progress, so that the database can be closed after it. */
export async function stopOutboxWorker(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = null;
  again = false;
  delivering = false;
  streak = 0;
  if (running) {
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
  }
}
