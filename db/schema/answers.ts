/**
 * Answers: versioned, each version with parts that cover one or several questions, withholdings,
 * attachments (Anlagen), and the sign-off chain with signatures bound to a content hash.
 */
import { sql } from "drizzle-orm";
import {
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
} from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, germanVector, id, optionalRichText, richText } from "./columns";
import { files } from "./files";
import { inquiries, questions } from "./inquiries";
import { organizations, people, users } from "./organizations";

export const answerStatus = pgEnum("answer_status", ["drafting", "consultation", "sign_off", "approved", "published"]);

export const answers = pgTable(
  "answers",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    inquiryId: uuid()
      .notNull()
      .unique()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    status: answerStatus().notNull().default("drafting"),
    /** Lead department (Federführung). */
    leadOrganizationId: uuid().references(() => organizations.id),
    /** Set when the sign-off chain includes the flagged step (e.g. unplanned expenditure). */
    signOffFlagged: boolean().notNull().default(false),
    createdAt: createdAt(),
    /** Who last saved the working version, and when: named in the message when a save meets a newer version. */
    lastSavedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    lastSavedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [index().on(t.bodyId, t.status)],
);

export const answerContributors = pgTable(
  "answer_contributors",
  {
    answerId: uuid()
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    role: text().notNull().default("contributor"),
  },
  (t) => [
    primaryKey({ columns: [t.answerId, t.organizationId] }),
    check("contributor_role", sql`${t.role} in ('lead', 'contributor')`),
  ],
);

/**
 * One version of an answer. Published versions are never changed: a correction is a new version whose
 * correctionNote says what changed; the old one stays readable.
 */
export const answerVersions = pgTable(
  "answer_versions",
  {
    id: id(),
    answerId: uuid()
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    versionNumber: integer().notNull(),
    /** Kind of document as named by the body: "Mitteilungsvorlage", "Drucksache", "Schreiben". */
    documentKind: text(),
    /** Document reference, e.g. "M 20/0226", "17/9511". */
    documentReference: text(),
    documentDate: date({ mode: "string" }),
    title: text(),
    /** Issuing organisation as printed, e.g. "13 - Hauptamt". */
    issuedByLabel: text(),
    /** Case officer as printed on the document (Bearb.), if any. */
    caseOfficerLabel: text(),
    /** Introductory text before the answers (Sachverhalt, cover sentence). */
    ...optionalRichText("intro"),
    /** e.g. "Vorbemerkung der Landesregierung". */
    preambleLabel: text(),
    ...optionalRichText("preamble"),
    /** Closing text after the answers (e.g. a letter's closing paragraphs). */
    ...optionalRichText("closing"),
    signatoryPersonId: uuid().references(() => people.id),
    /** Hash of the content that signatures bind to. */
    contentHash: text(),
    publishedAt: timestamp({ withTimezone: true }),
    correctionNote: text(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.answerId, t.versionNumber),
    // The overview's latest answers walk this index instead of sorting every published version.
    index("answer_versions_published_idx")
      .on(t.publishedAt.desc().nullsFirst(), t.versionNumber.desc().nullsFirst())
      .where(sql`published_at is not null`),
    // OParl's person list: the published versions a person signed.
    index("answer_versions_signatory_idx")
      .on(t.signatoryPersonId)
      .where(sql`signatory_person_id is not null`),
    check("answer_version_number_positive", sql`${t.versionNumber} >= 1`),
    check(
      "correction_note_on_later_versions",
      sql`${t.versionNumber} = 1 or ${t.publishedAt} is null or ${t.correctionNote} is not null`,
    ),
  ],
);

export const answerParts = pgTable(
  "answer_parts",
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    /** Explanation written before a joint answer, e.g. "Die Fragen 3 und 4 werden … gemeinsam beantwortet." */
    jointNote: text(),
    /**
     * The PUBLIC body: what every public output (page, print, exports, feeds, OParl, search) shows. Withheld
     * passages are already replaced by their justification notice here (derived on save, ADR 0011).
     */
    ...richText("body"),
    /**
     * The NON-PUBLIC record of the body: the full text with its withheld passages marked (Tiptap mark
     * `withheld`). Null when the part has no withheld passage. Public read models never select these columns.
     */
    ...optionalRichText("nonPublicBody"),
    search: germanVector(`coalesce(body_text, '')`),
  },
  (t) => [unique().on(t.versionId, t.position), index("answer_parts_search_idx").using("gin", t.search)],
);

/** Which questions a part answers — several rows for a joint answer. */
export const answerPartQuestions = pgTable(
  "answer_part_questions",
  {
    partId: uuid()
      .notNull()
      .references(() => answerParts.id, { onDelete: "cascade" }),
    questionId: uuid()
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.partId, t.questionId] })],
);

export const withholdingReason = pgEnum("withholding_reason", [
  "it_security",
  "personal_data",
  "trade_secret",
  "ongoing_proceedings",
  "state_welfare",
  "other",
]);

/**
 * Withheld content of a part (or of the whole version when partId is null). The public justification is shown
 * in place of the withheld text; the withheld text itself is non-public and null when the source does not
 * contain it.
 */
export const withholdings = pgTable(
  "withholdings",
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    partId: uuid().references(() => answerParts.id, { onDelete: "cascade" }),
    reason: withholdingReason().notNull(),
    /** What is withheld, in one phrase, e.g. "Technologien und Hersteller der Anlagen der Polizei NRW". */
    subject: text().notNull(),
    publicJustification: text().notNull(),
    withheldText: text(),
    /**
     * Set for a withheld PASSAGE inside the part's text: the key of its `withheld` mark in the part's
     * non-public body. Null for a withholding of the whole part or version.
     */
    passageKey: text(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("withholding_justified", sql`char_length(trim(${t.publicJustification})) > 0`),
    check("withholding_passage_on_part", sql`${t.passageKey} is null or ${t.partId} is not null`),
    unique("withholdings_part_passage_key").on(t.partId, t.passageKey),
    // Every reader of an answer version's withholdings (the public answer page on every request, issue 13) asks
    // by version: without it, a scan of all withholdings (2,400 rows in the 100k bench corpus).
    index("withholdings_version_idx").on(t.versionId),
  ],
);

export const answerAttachments = pgTable(
  "answer_attachments",
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    title: text().notNull(),
    fileId: uuid().references(() => files.id),
    public: boolean().notNull().default(true),
  },
  (t) => [unique().on(t.versionId, t.position)],
);

export const signOffStepStatus = pgEnum("sign_off_step_status", [
  "pending",
  "signed",
  "returned",
  "not_required",
  /** Signed on paper before the answer came into Quaestio; who signed is not recorded. */
  "unrecorded",
]);

export const signOffSteps = pgTable(
  "sign_off_steps",
  {
    id: id(),
    answerId: uuid()
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    label: text().notNull(),
    /** As printed, e.g. "bei über-/ außerplanm. Ausgaben: Amt 11". */
    condition: text(),
    organizationId: uuid().references(() => organizations.id),
    /** Membership role whose holders in the body may sign this step; null for steps signed on paper (seed). */
    signerRole: text(),
    status: signOffStepStatus().notNull().default("pending"),
  },
  (t) => [unique().on(t.answerId, t.position)],
);

export const signatures = pgTable(
  "signatures",
  {
    id: id(),
    stepId: uuid()
      .notNull()
      .references(() => signOffSteps.id, { onDelete: "cascade" }),
    versionId: uuid()
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    decision: text().notNull(),
    comment: text(),
    contentHash: text().notNull(),
    signedAt: createdAt(),
    /** Set when a later edit changed the content the signature was bound to. */
    invalidatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("signature_decision", sql`${t.decision} in ('signed', 'returned')`),
    check("return_has_comment", sql`${t.decision} = 'signed' or char_length(trim(coalesce(${t.comment}, ''))) > 0`),
  ],
);

/**
 * A follow-up question (Nachfrage): an inquiry the faction started from a published answer. Both pages show
 * the link; an inquiry is the follow-up of at most one answer.
 */
export const answerFollowUps = pgTable(
  "answer_follow_ups",
  {
    answerId: uuid()
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    inquiryId: uuid()
      .notNull()
      .unique()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.inquiryId] })],
);
