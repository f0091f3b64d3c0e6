/** Sessions (Lucia guide: only the SHA-256 of the secret is stored) and rate-limit buckets. */
import { boolean, index, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./organizations";

export const sessions = pgTable(
  "sessions",
  {
    /** Public session id (the part before the dot in the cookie token). */
    id: text().primaryKey(),
    /** SHA-256 of the session secret, hex. */
    secretHash: text().notNull(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    mfaVerified: boolean().notNull().default(false),
    userAgent: text(),
    createdAt: createdAt(),
    lastActiveAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.userId)],
);

/** Token buckets keyed by purpose and subject, e.g. "signin:ip:127.0.0.1". */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  tokens: real().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
