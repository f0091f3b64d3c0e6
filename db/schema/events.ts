/** The append-only event log: audit trail and, filtered to public events, the public timeline. */
import { bigserial, boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { EventName } from "../../app/domain/events";
import { bodies } from "./bodies";
import { users } from "./organizations";

export const events = pgTable(
  "events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    bodyId: uuid().references(() => bodies.id, { onDelete: "cascade" }),
    /** "inquiry", "answer", "consultation", "user", "session" … */
    aggregateType: text().notNull(),
    aggregateId: uuid().notNull(),
    /** One of app/domain/events.ts (typed, not a database enum: adding a name needs no migration). */
    type: text().$type<EventName>().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The date the event happened in the real world (for imported history), else the insert time. */
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    public: boolean().notNull().default(false),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.aggregateType, t.aggregateId, t.occurredAt), index().on(t.bodyId, t.recordedAt)],
);
