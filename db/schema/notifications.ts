/** Subscriptions, in-app notifications and the e-mail outbox (written in the same transaction as the event). */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, id } from "./columns";
import { events } from "./events";
import { inquiries } from "./inquiries";
import { users } from "./organizations";

export const subscriptionTopic = pgEnum("subscription_topic", ["all", "body", "faction", "tool", "inquiry"]);

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: id(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    /** For anonymous e-mail subscriptions (double opt-in). */
    email: text(),
    topic: subscriptionTopic().notNull(),
    bodyId: uuid().references(() => bodies.id, { onDelete: "cascade" }),
    targetId: uuid(),
    confirmTokenHash: text(),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [check("subscription_has_recipient", sql`${t.userId} is not null or ${t.email} is not null`)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: bigint({ mode: "number" }).references(() => events.id, { onDelete: "cascade" }),
    /** What happened, one of app/domain/notifications.ts NOTIFICATION_KINDS (e.g. "assigned", "due_soon"). */
    kind: text().notNull().default("general"),
    bodyId: uuid().references(() => bodies.id, { onDelete: "cascade" }),
    inquiryId: uuid().references(() => inquiries.id, { onDelete: "cascade" }),
    /** Makes repeated scans idempotent, e.g. "due_soon:{inquiryId}:{dueOn}"; unique per user. */
    dedupeKey: text(),
    title: text().notNull(),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId, t.readAt), uniqueIndex("notifications_user_dedupe_key").on(t.userId, t.dedupeKey)],
);

/**
 * The deadline scan's memory: the overdue reminders of an inquiry for one due date have been written. The scan
 * skips those inquiries, so that its work follows what newly falls due, not the size of the archive; an
 * extension gives a new due date and so a new reminder.
 */
export const overdueRemindersDone = pgTable(
  "overdue_reminders_done",
  {
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    dueOn: date({ mode: "string" }).notNull(),
    doneAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.dueOn] })],
);

/**
 * Which notifications a user wants, per kind and channel. No row means the kind's default
 * (app/domain/notifications.ts). `dueSoonDays` applies to the kind "due_soon".
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    inApp: boolean().notNull(),
    email: boolean().notNull(),
    dueSoonDays: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check("notification_due_soon_days", sql`${t.dueSoonDays} is null or ${t.dueSoonDays} between 1 and 60`),
  ],
);

export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "sent", "failed"]);

export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    eventId: bigint({ mode: "number" }).references(() => events.id, { onDelete: "set null" }),
    recipient: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    /** RFC 8058 one-click unsubscribe URL of a subscription mail; sent as List-Unsubscribe (+ -Post). */
    listUnsubscribe: text(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.status, t.nextAttemptAt)],
);
