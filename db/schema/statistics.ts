/**
 * The public statistics' summary (issue 14, ADR 0023), kept by triggers so that /{body}/statistik never
 * scans the archive:
 *
 * - inquiry_statistics_facts: one row per inquiry that counts (public, past draft, with a public reference, of
 *   the answered kind): its department, faction, type, year, due date, whether it is open, the day it was
 *   answered, days to answer, extensions and withheld parts. Statement-level triggers on inquiries, answers,
 *   answer_versions, deadline_extensions and withholdings recompute the rows of the inquiries a statement
 *   touched (quaestio_refresh_statistics_facts).
 * - statistics_counts: the facts summed per body, dimension (total, department, faction, type, year), key,
 *   days to answer and open due date — a histogram, from which the page computes medians and 90 % values
 *   exactly; kept by statement-level triggers on the facts (deltas, like inquiry_counts).
 * - tool_answer_facts: per public inquiry, the tools its newest published answer version lists, with that
 *   version's dates — the tool catalogue's counts and a tool page's newest answers without walking every
 *   inventory of the archive. Kept by the same refresh (also on tool_inventories and tool_inventory_rows).
 * - tool_body_answer_counts: tool_answer_facts counted per tool and body — the catalogue's (/werkzeuge) figures
 *   from ~50 rows instead of grouping ~25,000 facts on every uncached render; kept by statement-level triggers
 *   on tool_answer_facts (deltas; migration 0018).
 */
import { date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { inquiries } from "./inquiries";

export const inquiryStatisticsFacts = pgTable("inquiry_statistics_facts", {
  inquiryId: uuid()
    .primaryKey()
    .references(() => inquiries.id, { onDelete: "cascade" }),
  bodyId: uuid().notNull(),
  departmentId: uuid(),
  factionId: uuid(),
  typeId: uuid().notNull(),
  year: integer(),
  dueOn: date({ mode: "string" }),
  /** Due date of an open, unanswered inquiry (it counts toward the on-time rate once it has passed). */
  openDueOn: date({ mode: "string" }),
  answeredOn: date({ mode: "string" }),
  days: integer(),
  extensions: integer().notNull().default(0),
  withheld: integer().notNull().default(0),
});

export const statisticsCounts = pgTable(
  "statistics_counts",
  {
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    /** total, department, faction, type or year. */
    dimension: text().notNull(),
    /** Organisation or type id, or the year, as text; null for the total and for "ohne Angabe". */
    key: text(),
    /** Days to answer (null: not answered, or no received date). */
    days: integer(),
    openDueOn: date({ mode: "string" }),
    inquiries: integer().notNull().default(0),
    answered: integer().notNull().default(0),
    onTime: integer().notNull().default(0),
    /** Answered inquiries with a due date (the answered part of the on-time rate's denominator). */
    answeredWithDue: integer().notNull().default(0),
    extensions: integer().notNull().default(0),
    withheld: integer().notNull().default(0),
  },
  (t) => [unique("statistics_counts_key").on(t.bodyId, t.dimension, t.key, t.days, t.openDueOn).nullsNotDistinct()],
);

export const toolAnswerFacts = pgTable(
  "tool_answer_facts",
  {
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    toolId: uuid().notNull(),
    bodyId: uuid().notNull(),
    documentDate: date({ mode: "string" }),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.inquiryId, t.toolId] }),
    // A tool page's newest answers (tools.server.ts loadMentions sorts the same way).
    index("tool_answer_facts_newest_idx").on(t.toolId, t.documentDate.desc().nullsFirst(), t.publishedAt.desc()),
  ],
);

export const toolBodyAnswerCounts = pgTable(
  "tool_body_answer_counts",
  {
    toolId: uuid().notNull(),
    bodyId: uuid().notNull(),
    /** Public answers of the body whose newest published version lists the tool (0 once none is left). */
    answers: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.toolId, t.bodyId] })],
);
