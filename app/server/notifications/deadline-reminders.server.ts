/**
 * Deadline reminders: a scan over the open inquiries with a due date writes `due_soon` (lead and contributing
 * departments and the council office, each user's N days before — default 3) and `overdue` (lead department
 * and council office, once the due date has passed). "Today" is the body's today, in its time zone.
 *
 * Idempotent through the notifications' dedupe key (`due_soon:{inquiryId}:{dueOn}`): running the scan again
 * writes nothing new; an extension gives a new due date and so new reminders. Once an inquiry's overdue
 * reminders are written for a due date, the scan no longer reads it (overdue_reminders_done): who joins the
 * lead department or the council office later sees it on the dashboard's overdue list, not as a reminder. The running app scans at start
 * and then every DEADLINE_SCAN_MS (15 minutes by default); each inquiry is its own short transaction. After
 * each scan it logs one line with the number of reminders written.
 */
import { and, eq, inArray, isNotNull, lte, max, notExists, sql } from "drizzle-orm";
import { inquiries, notificationPreferences, overdueRemindersDone } from "../../../db/schema";
import { addDays } from "../../domain/dashboard";
import { isoDateInTimeZone } from "../../domain/format";
import {
  DEFAULT_DUE_SOON_DAYS,
  MAX_DUE_SOON_DAYS,
  OPEN_FOR_DEADLINES,
  daysBetween,
  isDueSoon,
  isOverdue,
  reminderDedupeKey,
} from "../../domain/notifications";
import { configFor } from "../core/config.server";
import { getDb, type Db } from "../core/db.server";
import { deliver, loadInquiryContext, preferencesFor, resolveAudience, type Recipient } from "./notifications.server";
import { nudgeOutboxWorker } from "./outbox-worker.server";

export interface ScanResult {
  /** Recipients who got a reminder in this run. */
  dueSoon: number;
  overdue: number;
}

function unique(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => (seen.has(r.userId) ? false : (seen.add(r.userId), true)));
}

/**
 * Lets the event loop run (HTTP requests, timers) before the next inquiry. PGlite runs every statement on
 * this thread and its promises resolve as microtasks, so without it a scan over thousands of inquiries held
 * every request until it ended (issue 13: a page waited 54 s behind the first scan over the 100k corpus).
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function scanDeadlines(db: Db, now: Date = new Date()): Promise<ScanResult> {
  // Only what can be due soon or overdue is loaded: nothing due beyond the widest reminder window anyone has
  // chosen (the default's 3 days unless someone asked for more; one day of margin for the bodies' time zones),
  // so inquiries due in weeks or months cost no work every 15 minutes.
  const [widest] = await db
    .select({ days: max(notificationPreferences.dueSoonDays) })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.kind, "due_soon"));
  const windowDays = Math.min(MAX_DUE_SOON_DAYS, Math.max(DEFAULT_DUE_SOON_DAYS, widest?.days ?? 0));
  const latestDue = addDays(isoDateInTimeZone(now, "UTC"), windowDays + 1);
  // Overdue inquiries whose overdue reminders were written for this due date are skipped
  // (overdue_reminders_done), so an archive with a backlog of overdue inquiries costs nothing per scan; the
  // predicate matches the partial index inquiries_open_due_idx.
  const open = await db
    .select({ id: inquiries.id, bodyId: inquiries.bodyId })
    .from(inquiries)
    .where(
      and(
        inArray(inquiries.status, [...OPEN_FOR_DEADLINES]),
        isNotNull(inquiries.dueOn),
        lte(inquiries.dueOn, latestDue),
        notExists(
          db
            .select({ one: sql`1` })
            .from(overdueRemindersDone)
            .where(
              and(eq(overdueRemindersDone.inquiryId, inquiries.id), eq(overdueRemindersDone.dueOn, inquiries.dueOn)),
            ),
        ),
      ),
    );
  const result: ScanResult = { dueSoon: 0, overdue: 0 };
  for (const { id, bodyId } of open) {
    await yieldToEventLoop();
    await db.transaction(async (tx) => {
      const inquiry = await loadInquiryContext(tx, id, bodyId);
      const dueOn = inquiry?.facts.dueOn;
      if (!inquiry || !dueOn || !(OPEN_FOR_DEADLINES as readonly string[]).includes(inquiry.status)) return;
      const today = isoDateInTimeZone(now, inquiry.timeZone);
      if (isOverdue(today, dueOn)) {
        const recipients = unique([
          ...(await resolveAudience(tx, inquiry, { kind: "lead_department" })),
          ...(await resolveAudience(tx, inquiry, { kind: "council_office" })),
        ]);
        const preferences = await preferencesFor(
          tx,
          recipients.map((r) => r.userId),
          "overdue",
        );
        const dedupeKey = reminderDedupeKey("overdue", inquiry.id, dueOn);
        result.overdue += await deliver(tx, { inquiry, kind: "overdue", recipients, preferences, dedupeKey });
        await tx.insert(overdueRemindersDone).values({ inquiryId: inquiry.id, dueOn }).onConflictDoNothing();
        return;
      }
      if (daysBetween(today, dueOn) > MAX_DUE_SOON_DAYS) return;
      const candidates = unique([
        ...(await resolveAudience(tx, inquiry, { kind: "departments" })),
        ...(await resolveAudience(tx, inquiry, { kind: "council_office" })),
      ]);
      const preferences = await preferencesFor(
        tx,
        candidates.map((r) => r.userId),
        "due_soon",
      );
      const recipients = candidates.filter((r) => isDueSoon(today, dueOn, preferences.get(r.userId)!.dueSoonDays));
      const dedupeKey = reminderDedupeKey("due_soon", inquiry.id, dueOn);
      result.dueSoon += await deliver(tx, { inquiry, kind: "due_soon", recipients, preferences, dedupeKey });
    });
  }
  return result;
}

// ---- the periodic scan of the running app -------------------------------------------------------------

const STOP_WAIT_MS = 1_000;

/** DEADLINE_SCAN_MS, else 15 minutes. */
export function scanIntervalMs(env?: Record<string, string | undefined>): number {
  return configFor(env).deadlineScanMs;
}

let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;
let firstScanDone = false;

function tick() {
  if (running) return;
  running = getDb()
    .then((db) => scanDeadlines(db))
    .then((r) => {
      // One line per scan: the operator sees that the scan runs, and a browser test can wait for the end of
      // a scan instead of sleeping (test/e2e/notifications.test.ts).
      console.log(`[Fristen] Fristenprüfung beendet: ${r.dueSoon} × bald fällig, ${r.overdue} × überfällig`);
      if (r.dueSoon + r.overdue > 0) nudgeOutboxWorker();
    })
    .catch((error) => console.error("[Fristen] Fehler bei der Fristenprüfung:", error))
    .finally(() => {
      running = null;
      firstScanDone = true;
    });
}

/** Whether the scanner runs and its first scan (the start's) has not ended yet, or a scan is in progress. */
export function deadlineScanBusy(): boolean {
  return running !== null || (timer !== null && !firstScanDone);
}

/** The first scan waits this long after start-up, so that the first pages are not queued behind it. */
const FIRST_SCAN_DELAY_MS = 3_000;
let firstScan: NodeJS.Timeout | null = null;

export function startDeadlineScanner(firstScanDelayMs = FIRST_SCAN_DELAY_MS): void {
  if (timer) return;
  firstScanDone = false;
  timer = setInterval(tick, scanIntervalMs());
  timer.unref();
  firstScan = setTimeout(tick, firstScanDelayMs);
  firstScan.unref();
}

/** Stops the loop and waits briefly for a scan in progress, so that the database can be closed after it. */
export async function stopDeadlineScanner(): Promise<void> {
  if (timer) clearInterval(timer);
  if (firstScan) clearTimeout(firstScan);
  timer = null;
  firstScan = null;
  if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
}
