/** Meetings (Sitzungen) and their agenda items (Tagesordnungspunkte, TOP). */
import { boolean, date, index, integer, pgTable, text, time, unique, uuid } from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, id } from "./columns";
import { organizations } from "./organizations";

export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    date: date({ mode: "string" }).notNull(),
    startsAt: time(),
    location: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.bodyId, t.date), unique().on(t.organizationId, t.date, t.name)],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: id(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /**
     * As numbered in the agenda, e.g. "26.7"; null when the source does not give the number (a Vorlage
     * names its Beratungsfolge, not the TOP it will have).
     */
    number: text(),
    title: text().notNull(),
    public: boolean().notNull().default(true),
    position: integer().notNull(),
  },
  (t) => [unique().on(t.meetingId, t.number)],
);
