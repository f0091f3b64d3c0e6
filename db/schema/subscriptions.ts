/**
 * Anonymous e-mail subscriptions (issue 14): a reader follows an inquiry, a body, a faction or a tool by e-mail.
 * Double opt-in: nothing is sent before the confirmation link is used. The address is personal data: it is
 * stored only here, only as long as the subscription exists (unsubscribing deletes the row), and never shown.
 * Tokens are stored as SHA-256 hashes only; the mail carries the token itself.
 */
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, id } from "./columns";

export const emailSubscriptionTopic = pgEnum("email_subscription_topic", ["inquiry", "body", "faction", "tool"]);

export const emailSubscriptions = pgTable(
  "email_subscriptions",
  {
    id: id(),
    /** Lower case; never shown anywhere public. */
    email: text().notNull(),
    topic: emailSubscriptionTopic().notNull(),
    /** The body of an inquiry, body or faction subscription; null for a tool (the catalogue spans bodies). */
    bodyId: uuid().references(() => bodies.id, { onDelete: "cascade" }),
    /** The inquiry's, the faction's (organisation) or the tool's id; the body's id for a body subscription. */
    targetId: uuid().notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_subscriptions_once").on(t.email, t.topic, t.targetId),
    index().on(t.topic, t.targetId),
    check("email_subscriptions_body", sql`${t.topic} = 'tool' or ${t.bodyId} is not null`),
  ],
);

export const emailSubscriptionTokenPurpose = pgEnum("email_subscription_token_purpose", ["confirm", "unsubscribe"]);

/**
 * One row per link sent: the confirmation link (single use, expires) and the unsubscribe link of every mail
 * (valid as long as the subscription exists; deleting the subscription deletes its tokens).
 */
export const emailSubscriptionTokens = pgTable(
  "email_subscription_tokens",
  {
    tokenHash: text().primaryKey(),
    subscriptionId: uuid()
      .notNull()
      .references(() => emailSubscriptions.id, { onDelete: "cascade" }),
    purpose: emailSubscriptionTokenPurpose().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.subscriptionId)],
);
