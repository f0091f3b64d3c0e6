/** Inquiries (Anfragen, Anträge, letters), their questions, originators, deadlines and numbering. */
import { sql } from "drizzle-orm";
import {
  bigint,
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
  unique,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { bodies, inquiryTypes } from "./bodies";
import { createdAt, germanVector, id, optionalRichText, richText } from "./columns";
import { agendaItems } from "./meetings";
import { organizations, people, users } from "./organizations";

export const inquiryStatus = pgEnum("inquiry_status", [
  "draft",
  "submitted",
  "inadmissible",
  "accepted",
  "assigned",
  "answering",
  "answered",
  "withdrawn",
  // Antrag (motion) lifecycle
  "on_agenda",
  "decided",
]);

/** The open statuses (app/domain/dashboard.ts OPEN_STATUSES) as SQL, for the partial deadline indexes. */
const openStatusList = sql.raw(`('submitted', 'accepted', 'assigned', 'answering')`);

export const motionDecision = pgEnum("motion_decision", ["adopted", "rejected", "referred"]);

export const visibility = pgEnum("visibility", ["public", "internal"]);

export const inquiries = pgTable(
  "inquiries",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    typeId: uuid()
      .notNull()
      .references(() => inquiryTypes.id),
    /** Numbering: gapless per body, type and period; assigned at submission, never reused. */
    period: text(),
    sequence: integer(),
    /** The reference as the body writes it, e.g. "3761" or "M 20/0226". */
    reference: text(),
    /** URL-safe reference, one path segment: /{body}/anfragen/{publicRef}. */
    publicRef: text(),
    title: text().notNull(),
    ...optionalRichText("preamble"),
    /** Heading of the preamble as in the source, e.g. "Vorbemerkung der Kleinen Anfrage". */
    preambleLabel: text(),
    status: inquiryStatus().notNull().default("draft"),
    visibility: visibility().notNull().default("internal"),
    visibilityReason: text(),
    /**
     * Set when the council office hides the question text of an inadmissible inquiry (e.g. personnel grounds):
     * the public note why. Null = the text is shown. Public pages, search, OParl and feeds then omit the
     * preamble and the questions; staff still see them.
     */
    questionTextHiddenReason: text(),
    /** Originating faction (or other organisation) — persons are in inquiry_originators. */
    originatorOrganizationId: uuid().references(() => organizations.id),
    /** Addressee as written, e.g. "Herrn Samtgemeindebürgermeister". */
    addressee: text(),
    leadOrganizationId: uuid().references(() => organizations.id),
    submittedOn: date({ mode: "string" }),
    receivedOn: date({ mode: "string" }),
    dueOn: date({ mode: "string" }),
    dueRuleLabel: text(),
    withdrawnOn: date({ mode: "string" }),
    withdrawalNote: text(),
    motionDecision: motionDecision(),
    motionDecisionNote: text(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Who last saved the draft (co-authors): named in the message when a save meets a newer version. */
    lastSavedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Optimistic concurrency: every lifecycle transition increments it. */
    version: integer().notNull().default(1),
    /**
     * The date lists sort by (received, else submitted), stored so that the list index holds it as a plain
     * column and a deep page is an index-only walk (docs/performance/queries.md).
     */
    listedOn: date({ mode: "string" }).generatedAlwaysAs(sql`coalesce(received_on, submitted_on)`),
    search: germanVector(`coalesce(title, '') || ' ' || coalesce(preamble_text, '')`),
  },
  (t) => [
    unique("inquiries_number_unique").on(t.bodyId, t.typeId, t.period, t.sequence),
    unique("inquiries_public_ref_unique").on(t.bodyId, t.publicRef),
    check("inquiries_sequence_positive", sql`${t.sequence} is null or ${t.sequence} >= 1`),
    check(
      "inquiries_public_ref_segment",
      sql`${t.publicRef} is null or ${t.publicRef} ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'`,
    ),
    check("inquiries_numbered_unless_draft", sql`${t.status} = 'draft' or ${t.reference} is not null`),
    check(
      "inquiries_due_after_receipt",
      sql`${t.dueOn} is null or ${t.receivedOn} is null or ${t.dueOn} >= ${t.receivedOn}`,
    ),
    check("inquiries_decision_only_when_decided", sql`(${t.status} = 'decided') = (${t.motionDecision} is not null)`),
    check("inquiries_title_length", sql`char_length(${t.title}) between 1 and 500`),
    index("inquiries_search_idx").using("gin", t.search),
    index("inquiries_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
    index().on(t.bodyId, t.status),
    // Every list's filter and sort has an index (docs/performance/queries.md); partial where the list is.
    index("inquiries_public_list_idx")
      .on(t.bodyId, t.listedOn.desc().nullsLast(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`visibility = 'public' and status <> 'draft' and public_ref is not null`),
    index("inquiries_body_updated_idx").on(t.bodyId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // A body's non-public inquiries (about 1 %): OParl serves those that were public as deleted objects, and the
    // paper list's branch for their answers found them by scanning every inquiry (ADR 0023, addendum on the
    // uncached statistics, tool and OParl pages).
    index("inquiries_body_not_public_idx")
      .on(t.bodyId)
      .where(sql`visibility <> 'public'`),
    index("inquiries_originator_status_updated_idx").on(
      t.originatorOrganizationId,
      t.status,
      t.updatedAt.desc().nullsFirst(),
      t.id,
    ),
    // A faction's inquiries newest change first, with status and body as trailing keys: "Alle Vorgänge" and
    // "Beantwortet" of a faction member walk it from the newest (no filtering through the whole body's
    // inquiries_body_updated_idx), and every faction section's capped count is an index-only scan of it
    // (ADR 0022, addendum of issue 13's dashboards at 100,000).
    index("inquiries_originator_updated_idx").on(
      t.originatorOrganizationId,
      t.updatedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.status,
      t.bodyId,
    ),
    index("inquiries_open_due_idx")
      .on(t.dueOn, t.id)
      .where(sql`status in ${openStatusList}`),
    index("inquiries_body_open_due_idx")
      .on(t.bodyId, t.dueOn, t.id)
      .where(sql`status in ${openStatusList}`),
    index("inquiries_body_open_lead_idx")
      .on(t.bodyId, t.leadOrganizationId, t.dueOn)
      .where(sql`status in ${openStatusList}`),
  ],
);

/**
 * How many inquiries a body holds per type, status and public visibility, kept by a statement-level trigger on
 * `inquiries` (migration 0006_query_performance) so that every write — lifecycle transitions, drafts, seeds,
 * bulk loads — keeps it right. Lists and the overview read their totals here instead of counting the archive.
 */
export const inquiryCounts = pgTable(
  "inquiry_counts",
  {
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    typeId: uuid().notNull(),
    status: inquiryStatus().notNull(),
    /** Counts toward the public lists: public visibility, past draft, with a public reference. */
    isPublic: boolean().notNull(),
    count: bigint({ mode: "number" }).notNull().default(0),
  },
  // No CHECK (count >= 0): INSERT … ON CONFLICT checks constraints on the proposed row before it finds the
  // conflict, and the trigger's one ordered upsert proposes negative deltas.
  (t) => [primaryKey({ columns: [t.bodyId, t.typeId, t.status, t.isPublic] })],
);

/** Gapless counter per body, type and period; incremented in the submitting transaction. */
export const referenceCounters = pgTable(
  "reference_counters",
  {
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    typeId: uuid()
      .notNull()
      .references(() => inquiryTypes.id, { onDelete: "cascade" }),
    period: text().notNull(),
    lastValue: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.typeId, t.period] }),
    check("counter_non_negative", sql`${t.lastValue} >= 0`),
  ],
);

export const inquiryOriginators = pgTable(
  "inquiry_originators",
  {
    id: id(),
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    personId: uuid().references(() => people.id),
    organizationId: uuid().references(() => organizations.id),
    /** As written in the document, e.g. "des Abgeordneten Matthi Bolte-Richter BÜNDNIS 90/DIE GRÜNEN". */
    label: text().notNull(),
    position: integer().notNull().default(1),
  },
  (t) => [
    unique().on(t.inquiryId, t.position),
    // OParl's person list asks, per person, whether a public inquiry names them (few rows carry a person).
    index("inquiry_originators_person_idx")
      .on(t.personId)
      .where(sql`person_id is not null`),
    check("originator_has_subject", sql`${t.personId} is not null or ${t.organizationId} is not null`),
  ],
);

/** Faction members who may edit a draft besides its creator. */
export const inquiryCoauthors = pgTable(
  "inquiry_coauthors",
  {
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.userId] })],
);

export const questions = pgTable(
  "questions",
  {
    id: id(),
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    parentId: uuid().references((): AnyPgColumn => questions.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    /** Number as shown: "1", "2", "3a". */
    number: text().notNull(),
    /** Lead-in as written before the question, e.g. "Meine Frage:" or "Ergänzend dazu die Frage". */
    leadIn: text(),
    ...richText("body"),
    search: germanVector(`coalesce(body_text, '')`),
  },
  (t) => [
    unique().on(t.inquiryId, t.number),
    unique().on(t.inquiryId, t.position),
    check("questions_position_positive", sql`${t.position} >= 1`),
    index("questions_search_idx").using("gin", t.search),
  ],
);

/** Where an inquiry was raised or its answer was put before a committee (Beratungsfolge). */
export const inquiryAgendaItems = pgTable(
  "inquiry_agenda_items",
  {
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    agendaItemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    /** "raised" (asked there) or "answer" (answer put on the agenda). */
    purpose: text().notNull(),
    /** Zuständigkeit as written, e.g. "Anhörung", "Kenntnisnahme", "Entscheidung". */
    roleLabel: text(),
  },
  (t) => [
    primaryKey({ columns: [t.inquiryId, t.agendaItemId, t.purpose] }),
    check("agenda_purpose", sql`${t.purpose} in ('raised', 'answer', 'decision')`),
  ],
);

export const deadlineExtensions = pgTable(
  "deadline_extensions",
  {
    id: id(),
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    previousDueOn: date({ mode: "string" }).notNull(),
    newDueOn: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    requestedByOrganizationId: uuid().references(() => organizations.id),
    grantedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    grantedAt: createdAt(),
  },
  (t) => [
    check("extension_moves_forward", sql`${t.newDueOn} > ${t.previousDueOn}`),
    check("extension_reason_given", sql`char_length(trim(${t.reason})) > 0`),
  ],
);

/**
 * Contributing departments (Beteiligung) beside the lead department (inquiries.leadOrganizationId), chosen by
 * the council office on assignment. They see the inquiry and are notified like the lead department.
 */
export const inquiryContributors = pgTable(
  "inquiry_contributors",
  {
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.inquiryId, t.organizationId] })],
);

export const extensionRequestStatus = pgEnum("extension_request_status", ["pending", "granted", "refused"]);

/**
 * A department asks the council office for more time (Fristverlängerung). Granting it is the lifecycle event
 * `extend_deadline`, which writes the deadline_extensions row; refusing needs a note.
 */
export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: id(),
    inquiryId: uuid()
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    requestedByOrganizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    requestedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    requestedDueOn: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    status: extensionRequestStatus().notNull().default("pending"),
    decidedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    extensionId: uuid().references(() => deadlineExtensions.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("extension_request_reason_given", sql`char_length(trim(${t.reason})) > 0`),
    check("extension_request_decided", sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
    check(
      "extension_request_refusal_note",
      sql`${t.status} <> 'refused' or char_length(trim(coalesce(${t.decisionNote}, ''))) > 0`,
    ),
    index().on(t.inquiryId, t.status),
  ],
);
