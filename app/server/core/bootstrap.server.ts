/**
 * Start-up and shut-down of the server process: open the configured database, apply migrations, load the
 * demo data when the database has none, start the outbox worker and the deadline-reminder scan, and on
 * shutdown stop both before closing the database cleanly (PGlite otherwise keeps the process alive and can be left inconsistent).
 */
import { seedDemoData, type DemoLogin } from "../../../db/seed";
import { checkPublicConfiguration, configFor } from "./config.server";
import { closeDatabase, connectDatabase } from "./db.server";
import {
  deadlineScanBusy,
  startDeadlineScanner,
  stopDeadlineScanner,
} from "../notifications/deadline-reminders.server";
import { outboxWorkerBusy, startOutboxWorker, stopOutboxWorker } from "../notifications/outbox-worker.server";

export async function startup(): Promise<{ demoLogins: DemoLogin[] }> {
  // A production installation without PUBLIC_URL would have no origin for the links in its mails.
  checkPublicConfiguration();
  const handle = await connectDatabase();
  await handle.migrate();
  // QUAESTIO_DEMO_DATA=0 keeps a production database free of the demo bodies and their shared password.
  const demoLogins = demoDataEnabled() ? await seedDemoData(handle.db) : [];
  startOutboxWorker();
  startDeadlineScanner();
  return { demoLogins };
}

export async function shutdown(): Promise<void> {
  await Promise.all([stopOutboxWorker(), stopDeadlineScanner()]);
  await closeDatabase();
}

/**
 * Whether background work is in progress: the start's first deadline scan (until it ends), a later scan, or a run
 * of the outbox worker. scripts/start.mjs releases memory only when this is false and no request is in flight.
 */
export function backgroundWorkBusy(): boolean {
  return deadlineScanBusy() || outboxWorkerBusy();
}

/** QUAESTIO_DEMO_DATA: on unless 0, false, nein or no. */
export function demoDataEnabled(env?: Record<string, string | undefined>): boolean {
  return configFor(env).demoData;
}
