/** Bodies (Körperschaften), their inquiry types with deadline rules, and sign-off chain templates. */
import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import type { DeadlineRule } from "../../app/domain/deadlines";

export const bodyKind = pgEnum("body_kind", [
  "municipality", // Stadt / Gemeinde
  "joint_municipality", // Samtgemeinde
  "state_parliament", // Landtag
  "city_state", // Stadtstaat (Senat / Bürgerschaft)
]);

/** German Länder as ISO 3166-2 subdivision codes without the "DE-" prefix (used for public holidays). */
export const germanStates = [
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
] as const;

export const bodies = pgTable(
  "bodies",
  {
    id: id(),
    /** URL segment: /{slug}/anfragen */
    slug: text().notNull().unique(),
    name: text().notNull(),
    shortName: text().notNull(),
    kind: bodyKind().notNull(),
    state: text().notNull(),
    timeZone: text().notNull().default("Europe/Berlin"),
    website: text(),
    createdAt: createdAt(),
  },
  (t) => [
    check("bodies_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("bodies_state_known", sql`${t.state} in (${sql.raw(germanStates.map((s) => `'${s}'`).join(", "))})`),
  ],
);

export const inquiryLifecycle = pgEnum("inquiry_lifecycle", [
  "inquiry", // Anfrage, Kleine/Große Anfrage, Schreiben der Aufsichtsbehörde: answered
  "motion", // Antrag: put on an agenda and decided
]);

export const numberingPeriod = pgEnum("numbering_period", ["year", "term"]);

/** Deadline rule as data (the type and its meaning live in app/domain/deadlines.ts). */
export type { DeadlineRule };

export const signOffTemplates = pgTable(
  "sign_off_templates",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.bodyId, t.name)],
);

export const signOffTemplateSteps = pgTable(
  "sign_off_template_steps",
  {
    id: id(),
    templateId: uuid()
      .notNull()
      .references(() => signOffTemplates.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    /** As printed on the form, e.g. "Fachbereichsleiter/in". */
    label: text().notNull(),
    /** Only part of the chain when the answer is flagged (e.g. unplanned expenditure → Amt 11). */
    onlyWhenFlagged: text(),
    /** Membership role whose holders in the body sign this step (e.g. "department_head"); see app/domain/sign-off.ts. */
    signerRole: text(),
  },
  (t) => [unique().on(t.templateId, t.position), check("template_step_position", sql`${t.position} >= 1`)],
);

export const inquiryTypes = pgTable(
  "inquiry_types",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    code: text().notNull(),
    name: text().notNull(),
    lifecycle: inquiryLifecycle().notNull().default("inquiry"),
    numberingPeriod: numberingPeriod().notNull().default("year"),
    /** Display format of the reference; {n} = sequence, {period} = year or term. */
    referenceFormat: text().notNull().default("{n}/{period}"),
    deadlineRule: jsonb().$type<DeadlineRule>().notNull(),
    /** The rule in words, shown next to every computed due date. */
    deadlineRuleLabel: text().notNull(),
    requiresDpoConsultation: boolean().notNull().default(false),
    signOffTemplateId: uuid().references(() => signOffTemplates.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.bodyId, t.code), check("inquiry_types_code_format", sql`${t.code} ~ '^[a-z0-9-]+$'`)],
);
