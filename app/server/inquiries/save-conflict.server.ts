/**
 * A save that met a newer version (co-authors of a draft, clerks of an answer): who saved that version and
 * when, for the conflict message ("Gespeichert von … um … Uhr").
 */
import { eq } from "drizzle-orm";
import { bodies, users } from "../../../db/schema";
import { clockTime } from "../../domain/draft";
import { draftText as t } from "../../domain/texts/draft";
import type { Db, Tx } from "../core/db.server";

/** Who saved the version a conflicting save met, and when (the time of day in the body's time zone). */
export interface LastSave {
  /** Null when the account is gone or the version was not written by a save (e.g. created by import). */
  savedBy: string | null;
  time: string;
}

/** Someone saved the draft since this form was loaded; nothing was written. */
export class DraftConflict extends Error {
  constructor(
    readonly currentVersion: number,
    readonly lastSave: LastSave | null = null,
  ) {
    super(t.conflict);
    this.name = "DraftConflict";
  }
}

/** The name of who saved last and the time of day, for the conflict message. */
export async function lastSaveOf(
  db: Db | Tx,
  bodyId: string,
  savedByUserId: string | null,
  savedAt: Date | null,
): Promise<LastSave | null> {
  if (!savedAt) return null;
  const [[body], [user]] = await Promise.all([
    db.select({ timeZone: bodies.timeZone }).from(bodies).where(eq(bodies.id, bodyId)),
    savedByUserId
      ? db.select({ name: users.displayName }).from(users).where(eq(users.id, savedByUserId))
      : Promise.resolve([]),
  ]);
  return { savedBy: user?.name ?? null, time: clockTime(savedAt, body?.timeZone ?? "Europe/Berlin") };
}
