/**
 * The signed-in user's own notifications (list, unread count, mark read) and their preferences per kind.
 * Writing notifications is notifications.server.ts; this module only reads and updates the user's own rows.
 */
import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { notificationPreferences, notifications } from "../../../db/schema";
import {
  MAX_DUE_SOON_DAYS,
  MIN_DUE_SOON_DAYS,
  NOTIFICATION_KINDS,
  effectivePreference,
  type NotificationKind,
  type NotificationPreference,
} from "../../domain/notifications";
import type { MembershipFact } from "../../domain/policy";
import { getDb } from "../core/db.server";
import { reusableQuery } from "../core/prepared.server";
export const PAGE_SIZE = 20;

/** Notifications of bodies the user still works in (a role taken away takes its notifications' titles with it). */
function ownNotifications(user: { id: string; memberships: readonly MembershipFact[] }): SQL {
  const bodyIds = [...new Set(user.memberships.map((m) => m.bodyId))];
  const inBodies = bodyIds.length
    ? or(isNull(notifications.bodyId), inArray(notifications.bodyId, bodyIds))!
    : isNull(notifications.bodyId);
  return and(eq(notifications.userId, user.id), inBodies)!;
}

/**
 * The header's count on every signed-in page: one statement, built once and prepared (reusableQuery); the same
 * rows as ownNotifications (an empty list of bodies matches no body, so only the rows without one count).
 */
const unreadCount = reusableQuery("unread_notification_count", (db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, sql.placeholder("userId")),
        or(isNull(notifications.bodyId), sql`${notifications.bodyId} = any(${sql.placeholder("bodyIds")})`),
        isNull(notifications.readAt),
      ),
    ),
);

export async function unreadNotificationCount(user: {
  id: string;
  memberships: readonly MembershipFact[];
}): Promise<number> {
  const bodyIds = [...new Set(user.memberships.map((m) => m.bodyId))];
  const [row] = await unreadCount(await getDb(), { userId: user.id, bodyIds });
  return Number(row?.n ?? 0);
}

export interface NotificationListItem {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  read: boolean;
  /** "23.11.2026, 14:05" (Europe/Berlin, the time zone of all current bodies). */
  createdAt: string;
  createdAtIso: string;
}

export interface NotificationPage {
  items: NotificationListItem[];
  page: number;
  pages: number;
  unread: number;
}

const timeFormat = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  dateStyle: "medium",
  timeStyle: "short",
});

/** One page of the user's notifications, newest first; a page beyond the last shows the last. */
export async function listNotifications(
  user: { id: string; memberships: readonly MembershipFact[] },
  requestedPage: number,
): Promise<NotificationPage> {
  const db = await getDb();
  const where = ownNotifications(user);
  const [totals] = await db
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)` })
    .from(notifications)
    .where(where);
  const total = Number(totals?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pages);
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return {
    page,
    pages,
    unread: Number(totals?.unread ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      link: r.link,
      read: r.readAt !== null,
      createdAt: timeFormat.format(r.createdAt),
      createdAtIso: r.createdAt.toISOString(),
    })),
  };
}

/** Marks one of the user's own notifications read; false when the user has none with that id. */
export async function markNotificationRead(
  user: { id: string; memberships: readonly MembershipFact[] },
  notificationId: string,
): Promise<boolean> {
  const db = await getDb();
  const [own] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(ownNotifications(user), eq(notifications.id, notificationId)));
  if (!own) return false;
  if (own.readAt === null) {
    await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(eq(notifications.id, notificationId), eq(notifications.userId, user.id), isNull(notifications.readAt)),
      );
  }
  return true;
}

export async function markAllNotificationsRead(user: {
  id: string;
  memberships: readonly MembershipFact[];
}): Promise<void> {
  const db = await getDb();
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(ownNotifications(user), isNull(notifications.readAt)));
}

export interface PreferenceRow extends NotificationPreference {
  kind: NotificationKind;
}

export async function loadNotificationPreferences(userId: string): Promise<PreferenceRow[]> {
  const db = await getDb();
  const stored = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    ...effectivePreference(
      kind,
      stored.find((s) => s.kind === kind),
    ),
  }));
}

export class InvalidPreferences extends Error {
  constructor(readonly field: "dueSoonDays") {
    super(`invalid notification preference: ${field}`);
    this.name = "InvalidPreferences";
  }
}

/** Stores the user's choice for every kind (one row per kind, replacing the previous choice). */
export async function saveNotificationPreferences(
  userId: string,
  input: { channels: Record<NotificationKind, { inApp: boolean; email: boolean }>; dueSoonDays: number },
): Promise<void> {
  if (
    !Number.isInteger(input.dueSoonDays) ||
    input.dueSoonDays < MIN_DUE_SOON_DAYS ||
    input.dueSoonDays > MAX_DUE_SOON_DAYS
  ) {
    throw new InvalidPreferences("dueSoonDays");
  }
  const db = await getDb();
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const row = {
        inApp: input.channels[kind].inApp,
        email: input.channels[kind].email,
        dueSoonDays: kind === "due_soon" ? input.dueSoonDays : null,
        updatedAt: now,
      };
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind, ...row })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: row });
    }
  });
}
