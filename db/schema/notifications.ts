/** Subscriptions, in-app notifications and the e-mail outbox (written in the same transaction as the event). */
import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, id } from "./columns";
import { events } from "./events";
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
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    eventId: bigint({ mode: "number" }).references(() => events.id, { onDelete: "cascade" }),
    title: text().notNull(),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId, t.readAt)],
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
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.status, t.nextAttemptAt)],
);
