/**
 * Tool inventories attached to an answer version: rows as written in the answer, an organisation × tool usage
 * matrix, and assessments against a criteria set. A snapshot: frozen when the answer is published.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { answerVersions } from "./answers";
import { createdAt, id } from "./columns";
import { organizations } from "./organizations";
import { deploymentVariant, sources, tools } from "./tools";

export const toolInventories = pgTable(
  "tool_inventories",
  {
    id: id(),
    versionId: uuid()
      .notNull()
      .references(() => answerVersions.id, { onDelete: "cascade" }),
    position: integer().notNull().default(1),
    /** Column heading of the tool column, e.g. "Videokonferenz-Tools". */
    title: text().notNull(),
    /** Column heading of the count column, e.g. "Arbeitsplätze". */
    countLabel: text(),
    /** Which question the inventory answers, as a number ("2"). */
    questionNumber: text(),
    frozenAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    /** Optimistic concurrency for the inventory editor: every change to the inventory, its rows, matrix or assessment raises it. */
    version: integer().notNull().default(1),
  },
  (t) => [unique().on(t.versionId, t.position)],
);

export const toolInventoryRows = pgTable(
  "tool_inventory_rows",
  {
    id: id(),
    inventoryId: uuid()
      .notNull()
      .references(() => toolInventories.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    toolId: uuid()
      .notNull()
      .references(() => tools.id),
    variant: deploymentVariant().notNull().default("unknown"),
    /** Label exactly as written, e.g. "Cisco-ViKo (On-Premise)". */
    label: text().notNull(),
    /** Null when the source gives no number. */
    workplaceCount: integer(),
    footnoteMark: text(),
    footnote: text(),
  },
  (t) => [
    unique().on(t.inventoryId, t.position),
    check("workplace_count_non_negative", sql`${t.workplaceCount} is null or ${t.workplaceCount} >= 0`),
    check("footnote_has_mark", sql`(${t.footnote} is null) = (${t.footnoteMark} is null)`),
  ],
);

export const toolUsageMatrices = pgTable("tool_usage_matrices", {
  id: id(),
  inventoryId: uuid()
    .notNull()
    .unique()
    .references(() => toolInventories.id, { onDelete: "cascade" }),
  /**
   * What the answer calls the matrix when it is a document part of its own, e.g. "Anlage zur Antwort auf
   * Frage 1" (Landtag NRW 17/9511); null when it is only shown as further detail of the inventory.
   */
  title: text(),
  /** Row heading, e.g. "Ressort und nachgeordneter Bereich". */
  rowHeading: text().notNull(),
  /** Column group heading, e.g. "Videokonferenz-Tool". */
  columnHeading: text().notNull(),
  footnoteMark: text(),
  footnote: text(),
});

export const toolUsageMatrixColumns = pgTable(
  "tool_usage_matrix_columns",
  {
    id: id(),
    matrixId: uuid()
      .notNull()
      .references(() => toolUsageMatrices.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    inventoryRowId: uuid()
      .notNull()
      .references(() => toolInventoryRows.id, { onDelete: "cascade" }),
  },
  (t) => [unique().on(t.matrixId, t.position), unique().on(t.matrixId, t.inventoryRowId)],
);

export const toolUsageMatrixRows = pgTable(
  "tool_usage_matrix_rows",
  {
    id: id(),
    matrixId: uuid()
      .notNull()
      .references(() => toolUsageMatrices.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** Label as written, including a footnote mark if any, e.g. "Landwirtschaftskammer *". */
    label: text().notNull(),
  },
  (t) => [unique().on(t.matrixId, t.position)],
);

/** An "X" in the matrix: the organisation uses the tool. */
export const toolUsageMatrixCells = pgTable(
  "tool_usage_matrix_cells",
  {
    rowId: uuid()
      .notNull()
      .references(() => toolUsageMatrixRows.id, { onDelete: "cascade" }),
    columnId: uuid()
      .notNull()
      .references(() => toolUsageMatrixColumns.id, { onDelete: "cascade" }),
    uses: boolean().notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.rowId, t.columnId] })],
);

export const criteriaSets = pgTable("criteria_sets", {
  id: id(),
  slug: text().notNull().unique(),
  title: text().notNull(),
  issuer: text().notNull(),
  issuedOn: date({ mode: "string" }),
  url: text(),
  createdAt: createdAt(),
});

export const criteria = pgTable(
  "criteria",
  {
    id: id(),
    criteriaSetId: uuid()
      .notNull()
      .references(() => criteriaSets.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    text: text().notNull(),
    sourceId: uuid().references(() => sources.id),
  },
  (t) => [unique().on(t.criteriaSetId, t.position)],
);

export const assessmentResult = pgEnum("assessment_result", ["meets", "does_not_meet", "not_assessed"]);

/** The criteria set an inventory is assessed against, with the overall status statement. */
export const inventoryCriteriaSets = pgTable(
  "inventory_criteria_sets",
  {
    inventoryId: uuid()
      .notNull()
      .references(() => toolInventories.id, { onDelete: "cascade" }),
    criteriaSetId: uuid()
      .notNull()
      .references(() => criteriaSets.id),
    statusNote: text(),
  },
  (t) => [primaryKey({ columns: [t.inventoryId, t.criteriaSetId] })],
);

/** Result per inventory row and criterion; criterionId null means the overall result for the set. */
export const toolAssessments = pgTable(
  "tool_assessments",
  {
    id: id(),
    inventoryRowId: uuid()
      .notNull()
      .references(() => toolInventoryRows.id, { onDelete: "cascade" }),
    criteriaSetId: uuid()
      .notNull()
      .references(() => criteriaSets.id),
    criterionId: uuid().references(() => criteria.id),
    result: assessmentResult().notNull().default("not_assessed"),
    comment: text(),
  },
  (t) => [unique().on(t.inventoryRowId, t.criteriaSetId, t.criterionId).nullsNotDistinct()],
);
