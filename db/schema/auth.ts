/** Sessions (Lucia guide: only the SHA-256 of the secret is stored) and rate-limit buckets. */
import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, id } from "./columns";
import { users } from "./organizations";

export const sessions = pgTable(
  "sessions",
  {
    /** Public session id (the part before the dot in the cookie token). */
    id: text().primaryKey(),
    /** SHA-256 of the session secret, hex. */
    secretHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mfaVerified: boolean().notNull().default(false),
    userAgent: text(),
    ipAddress: text(),
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

/** One-time recovery codes for the second factor; only their SHA-256 is stored. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull().unique(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Single-use, time-limited tokens sent by e-mail (password reset, invitation). Only the SHA-256 of the token is
 * stored; an invitation carries the membership it grants in `grant`.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: id(),
    purpose: text().notNull(),
    tokenHash: text().notNull().unique(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    email: text().notNull(),
    bodyId: uuid().references(() => bodies.id, { onDelete: "cascade" }),
    grant: jsonb().$type<{ organizationId: string; role: string }>(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("user_tokens_purpose", sql`${t.purpose} in ('password_reset', 'invitation')`),
    check(
      "invitation_has_grant",
      sql`${t.purpose} <> 'invitation' or (${t.grant} is not null and ${t.bodyId} is not null)`,
    ),
    index().on(t.email, t.purpose),
  ],
);
