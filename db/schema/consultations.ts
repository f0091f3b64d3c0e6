/** Consultations of the DPO, the supervisory authority or another department, with statement and recommendations. */
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { answers } from "./answers";
import { bodies } from "./bodies";
import { createdAt, id, optionalRichText, type RichTextDoc } from "./columns";
import { files } from "./files";
import { organizations, people, users } from "./organizations";

export const consultationKind = pgEnum("consultation_kind", ["dpo", "supervisory_authority", "department"]);
export const consultationStatus = pgEnum("consultation_status", ["requested", "answered", "withdrawn"]);
export const consultationVerdict = pgEnum("consultation_verdict", ["no_objection", "conditions", "objection"]);

export const consultations = pgTable(
  "consultations",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    answerId: uuid()
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    kind: consultationKind().notNull(),
    addresseeOrganizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** The questions put to the consulted office (plain text; derived from questionsJson when written in Quaestio). */
    questionsPut: text(),
    /** The questions put as formatted text, when written in Quaestio's editor. */
    questionsJson: jsonb().$type<RichTextDoc>(),
    questionsHtml: text(),
    /** When the consulted office should answer. */
    dueOn: date({ mode: "string" }),
    status: consultationStatus().notNull().default("requested"),
    /** Heading of the statement as written, e.g. "Kurzbetrachtung Zoom Videokonferenz-System". */
    statementTitle: text(),
    ...optionalRichText("statement"),
    verdict: consultationVerdict(),
    /** Published with the answer (Norderstedt published the DPO statement verbatim). */
    publishedWithAnswer: boolean().notNull().default(false),
    authorPersonId: uuid().references(() => people.id),
    requestedOn: date({ mode: "string" }),
    answeredOn: date({ mode: "string" }),
    /**
     * External consultation (supervisory authority): the administration's reply letter to the authority's letter
     * (the letter itself is the statement, the authority its sender).
     */
    ...optionalRichText("reply"),
    repliedOn: date({ mode: "string" }),
    createdAt: createdAt(),
    /** Optimistic concurrency: every change raises it; a form posts the version it was rendered from. */
    version: integer().notNull().default(1),
  },
  (t) => [
    index().on(t.answerId),
    // OParl's person list: the statements a person wrote.
    index("consultations_author_idx")
      .on(t.authorPersonId)
      .where(sql`author_person_id is not null`),
    check("answered_has_statement", sql`${t.status} <> 'answered' or ${t.statementJson} is not null`),
  ],
);

export const recommendationKind = pgEnum("recommendation_kind", ["restriction", "recommendation"]);

export const consultationRecommendations = pgTable(
  "consultation_recommendations",
  {
    id: id(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    kind: recommendationKind().notNull(),
    text: text().notNull(),
  },
  (t) => [unique().on(t.consultationId, t.position)],
);

/**
 * Which letter of a consultation a file belongs to: `request` — the request with the questions put (for a
 * supervisory authority: its incoming letter); `reply` — the administration's reply letter to the authority.
 */
export const consultationAttachmentPart = pgEnum("consultation_attachment_part", ["request", "reply"]);

/** Files attached to a consultation (ADR 0015 addendum); the bytes live in `files` like an answer's Anlagen. */
export const consultationAttachments = pgTable(
  "consultation_attachments",
  {
    id: id(),
    consultationId: uuid()
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    part: consultationAttachmentPart().notNull().default("request"),
    position: integer().notNull(),
    title: text().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => files.id),
    addedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.consultationId, t.part, t.position), index().on(t.fileId)],
);
