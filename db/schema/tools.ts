/**
 * The tool catalogue (shared across bodies) and the facts known about each tool. Every fact cites its source;
 * a fact that no source states is simply absent, which pages show as "unbekannt".
 */
import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, id } from "./columns";

export const sourceKind = pgEnum("source_kind", ["answer", "letter", "motion", "guideline", "website", "other"]);

export const sources = pgTable(
  "sources",
  {
    id: id(),
    /** Null for sources not tied to one body (e.g. a vendor website). */
    bodyId: uuid().references(() => bodies.id, { onDelete: "cascade" }),
    kind: sourceKind().notNull(),
    /** Citation as shown, e.g. "Senatskanzlei Hamburg, Schreiben vom 26. März 2021". */
    citation: text().notNull(),
    url: text(),
    date: date({ mode: "string" }),
    /** The inquiry whose documents are the source, when it is in Quaestio. */
    inquiryId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.citation)],
);

export const tools = pgTable(
  "tools",
  {
    id: id(),
    slug: text().notNull().unique(),
    name: text().notNull().unique(),
    /** Category, e.g. "Videokonferenz", "Bürosoftware / Cloud". */
    category: text(),
    /** Using this tool in an answer's inventory makes a DPO consultation required (like inquiryTypes.requiresDpoConsultation). */
    requiresDpoConsultation: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [check("tools_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

export const deploymentVariant = pgEnum("deployment_variant", ["on_premise", "public_cloud", "hybrid", "unknown"]);

export const toolFactKey = pgEnum("tool_fact_key", [
  "vendor",
  "vendor_country",
  "deployment",
  "open_source",
  "end_to_end_encryption",
  "data_location",
  "third_country_transfer",
  "dpa_status", // Auftragsverarbeitungsvertrag
  "threshold_analysis", // Schwellwertanalyse
  "protection_needs", // Schutzbedarfsfeststellung
  "risk_assessment", // Risikobetrachtung
  "dpia", // Datenschutz-Folgenabschätzung
  "license", // e.g. free vs. licensed version in use
  "pilot_status",
  "lawful_basis", // Rechtsgrundlage der Verarbeitung
  "usage_status", // planned / in use / retired
]);

export const toolFacts = pgTable(
  "tool_facts",
  {
    id: id(),
    toolId: uuid()
      .notNull()
      .references(() => tools.id, { onDelete: "cascade" }),
    /** Null when the fact holds for the tool in general; set when it describes one body's use. */
    bodyId: uuid().references(() => bodies.id, { onDelete: "cascade" }),
    key: toolFactKey().notNull(),
    /** The fact in words, close to the source's wording. */
    value: text().notNull(),
    /** Verbatim passage of the source supporting the fact. */
    quote: text(),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    asOf: date({ mode: "string" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.toolId), unique().on(t.toolId, t.bodyId, t.key, t.sourceId)],
);
