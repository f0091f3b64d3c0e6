/**
 * The inventory's organisation × tool matrix (which organisation uses which tool, with footnotes) and its
 * assessment against a criteria set (meets / does not meet / not yet assessed, with a comment). Both are
 * saved whole from their forms, in one transaction with the inventory's version check and an event.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  criteria,
  criteriaSets,
  inventoryCriteriaSets,
  organizations,
  toolAssessments,
  toolInventoryRows,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
} from "../../../db/schema";
import { toolInventoryText as t } from "../../domain/texts/tool-inventory";
import { getDb, type Db } from "../core/db.server";
import { lockEditableInventory, recordInventoryChange, ToolInputError, type Actor } from "./inventory-access.server";

export interface MatrixInput {
  version: number;
  /** The answer's name for the matrix when it is a part of its own ("Anlage zur Antwort auf Frage 1"); empty for none. */
  title?: string;
  rowHeading: string;
  columnHeading: string;
  footnoteMark: string;
  footnote: string;
  /** In the order shown; an empty organisation drops the row. `uses` holds inventory row ids. */
  rows: Array<{ organizationId: string; label: string; uses: string[] }>;
}

const clean = (v: string) => v.replace(/\r\n?/g, "\n").trim();

export async function saveMatrix(
  actor: Actor,
  inquiryId: string,
  input: MatrixInput,
  db?: Db,
): Promise<{ version: number }> {
  const database = db ?? (await getDb());
  const errors: Record<string, string> = {};
  const title = clean(input.title ?? "") || null;
  if (title && title.length > 200) errors.title = t.errors.tooLong(200);
  const rowHeading = clean(input.rowHeading);
  const columnHeading = clean(input.columnHeading);
  // Each message on the field it is about (the form shows it there): a missing or too long heading.
  for (const [field, value] of [
    ["rowHeading", rowHeading],
    ["columnHeading", columnHeading],
  ] as const) {
    if (!value) errors[field] = t.matrix.headingMissing;
    else if (value.length > 200) errors[field] = t.errors.tooLong(200);
  }
  const footnoteMark = clean(input.footnoteMark) || null;
  const footnote = clean(input.footnote) || null;
  if ((footnoteMark === null) !== (footnote === null))
    errors[footnoteMark === null ? "footnoteMark" : "footnote"] = "Fußnotenzeichen und Fußnote gehören zusammen.";
  // A message names the line as posted (its index in the form), also when empty lines are skipped.
  const rows = input.rows.map((r, line) => ({ ...r, line })).filter((r) => r.organizationId !== "");
  rows.forEach((r) => {
    if (clean(r.label).length > 300) errors[`mrow-${r.line}-label`] = t.errors.tooLong(300);
  });
  if (Object.keys(errors).length > 0) throw new ToolInputError(errors);
  return database.transaction(async (tx) => {
    const access = await lockEditableInventory(tx, actor, inquiryId, input.version);
    const inventoryRows = await tx
      .select({ id: toolInventoryRows.id })
      .from(toolInventoryRows)
      .where(eq(toolInventoryRows.inventoryId, access.inventory.id))
      .orderBy(asc(toolInventoryRows.position));
    if (inventoryRows.length === 0) throw new ToolInputError({ form: t.matrix.noRows });
    const orgIds = [...new Set(rows.map((r) => r.organizationId))];
    const orgs = orgIds.length
      ? await tx
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(and(inArray(organizations.id, orgIds), eq(organizations.bodyId, access.answer.bodyId)))
      : [];
    const rowErrors: Record<string, string> = {};
    rows.forEach((r) => {
      if (!orgs.some((o) => o.id === r.organizationId))
        rowErrors[`mrow-${r.line}-organization`] = t.errors.unknownOption;
    });
    const validColumns = new Set(inventoryRows.map((r) => r.id));
    if (rows.some((r) => r.uses.some((u) => !validColumns.has(u))))
      throw new ToolInputError({ form: t.errors.unknownRow });
    if (Object.keys(rowErrors).length > 0) throw new ToolInputError(rowErrors);

    // Rebuilt whole: the matrix is small and its cells follow its rows and columns.
    await tx.delete(toolUsageMatrices).where(eq(toolUsageMatrices.inventoryId, access.inventory.id));
    const [matrix] = await tx
      .insert(toolUsageMatrices)
      .values({ inventoryId: access.inventory.id, title, rowHeading, columnHeading, footnoteMark, footnote })
      .returning({ id: toolUsageMatrices.id });
    const columns = await tx
      .insert(toolUsageMatrixColumns)
      .values(inventoryRows.map((r, i) => ({ matrixId: matrix!.id, position: i + 1, inventoryRowId: r.id })))
      .returning({ id: toolUsageMatrixColumns.id, inventoryRowId: toolUsageMatrixColumns.inventoryRowId });
    for (const [i, r] of rows.entries()) {
      const name = orgs.find((o) => o.id === r.organizationId)!.name;
      const [row] = await tx
        .insert(toolUsageMatrixRows)
        .values({
          matrixId: matrix!.id,
          position: i + 1,
          organizationId: r.organizationId,
          label: clean(r.label) || name,
        })
        .returning({ id: toolUsageMatrixRows.id });
      const cells = columns
        .filter((c) => r.uses.includes(c.inventoryRowId))
        .map((c) => ({ rowId: row!.id, columnId: c.id, uses: true }));
      if (cells.length > 0) await tx.insert(toolUsageMatrixCells).values(cells);
    }
    await recordInventoryChange(tx, access, actor, "matrix", { rows: rows.length });
    return { version: access.nextVersion };
  });
}

export const ASSESSMENT_RESULTS = ["meets", "does_not_meet", "not_assessed"] as const;

export interface AssessmentInput {
  version: number;
  criteriaSetId: string;
  statusNote: string;
  /** criterionId "" is the overall result of the row for the set. */
  results: Array<{ inventoryRowId: string; criterionId: string; result: string; comment: string }>;
}

export async function saveAssessment(
  actor: Actor,
  inquiryId: string,
  input: AssessmentInput,
  db?: Db,
): Promise<{ version: number }> {
  const database = db ?? (await getDb());
  const errors: Record<string, string> = {};
  input.results.forEach((r, i) => {
    if (!(ASSESSMENT_RESULTS as readonly string[]).includes(r.result)) errors[`result-${i}`] = t.errors.unknownOption;
    if (clean(r.comment).length > 1000) errors[`comment-${i}`] = t.assessment.commentTooLong;
  });
  if (clean(input.statusNote).length > 1000) errors.statusNote = t.errors.tooLong(1000);
  if (Object.keys(errors).length > 0) throw new ToolInputError(errors);
  return database.transaction(async (tx) => {
    const access = await lockEditableInventory(tx, actor, inquiryId, input.version);
    const [set] = await tx
      .select({ id: criteriaSets.id })
      .from(criteriaSets)
      .where(eq(criteriaSets.id, input.criteriaSetId));
    if (!set) throw new ToolInputError({ form: t.errors.unknownOption }); // a hidden field: the form-level message
    const criterionIds = new Set(
      (await tx.select({ id: criteria.id }).from(criteria).where(eq(criteria.criteriaSetId, set.id))).map((c) => c.id),
    );
    const rowIds = new Set(
      (
        await tx
          .select({ id: toolInventoryRows.id })
          .from(toolInventoryRows)
          .where(eq(toolInventoryRows.inventoryId, access.inventory.id))
      ).map((r) => r.id),
    );
    if (
      input.results.some(
        (r) => !rowIds.has(r.inventoryRowId) || (r.criterionId !== "" && !criterionIds.has(r.criterionId)),
      )
    ) {
      throw new ToolInputError({ form: t.errors.unknownRow });
    }
    await tx
      .insert(inventoryCriteriaSets)
      .values({ inventoryId: access.inventory.id, criteriaSetId: set.id, statusNote: clean(input.statusNote) || null })
      .onConflictDoUpdate({
        target: [inventoryCriteriaSets.inventoryId, inventoryCriteriaSets.criteriaSetId],
        set: { statusNote: clean(input.statusNote) || null },
      });
    if (rowIds.size > 0) {
      await tx
        .delete(toolAssessments)
        .where(and(eq(toolAssessments.criteriaSetId, set.id), inArray(toolAssessments.inventoryRowId, [...rowIds])));
    }
    const values = input.results.map((r) => ({
      inventoryRowId: r.inventoryRowId,
      criteriaSetId: set.id,
      criterionId: r.criterionId || null,
      result: r.result as (typeof ASSESSMENT_RESULTS)[number],
      comment: clean(r.comment) || null,
    }));
    if (values.length > 0) await tx.insert(toolAssessments).values(values);
    await recordInventoryChange(tx, access, actor, "assessment", { criteriaSetId: set.id });
    return { version: access.nextVersion };
  });
}
