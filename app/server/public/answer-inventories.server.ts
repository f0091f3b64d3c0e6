/**
 * The tool inventories of a published answer version: rows, usage matrices and criteria assessments, in two
 * rounds of queries however many inventories the version has.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  criteria,
  criteriaSets,
  inventoryCriteriaSets,
  toolAssessments,
  toolInventories,
  toolInventoryRows,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
  tools,
} from "../../../db/schema/index";
import type { AssessmentResult, DeploymentVariant } from "../../domain/labels";
import type { Db } from "../core/db.server";
import { groupBy } from "../core/group-by.server";

export interface PublicInventoryRow {
  id: string;
  label: string;
  workplaceCount: number | null;
  footnoteMark: string | null;
  footnote: string | null;
  variant: DeploymentVariant;
  toolSlug: string;
  toolName: string;
}

export interface PublicUsageMatrix {
  /** The answer's own name for the matrix, e.g. "Anlage zur Antwort auf Frage 1"; null if it has none. */
  title: string | null;
  rowHeading: string;
  columnHeading: string;
  footnoteMark: string | null;
  footnote: string | null;
  /** Each column is one inventory row (the tool as labelled there). */
  columns: { id: string; label: string; inventoryRowId: string }[];
  rows: { id: string; label: string; usedColumnIds: string[] }[];
}

export interface PublicCriteriaAssessment {
  title: string;
  issuer: string;
  issuedOn: string | null;
  url: string | null;
  statusNote: string | null;
  criteria: { id: string; position: number; text: string }[];
  /** Per inventory row: the overall result and any per-criterion results. */
  results: {
    inventoryRowId: string;
    label: string;
    overall: AssessmentResult;
    overallComment: string | null;
    byCriterion: Record<string, AssessmentResult>;
  }[];
}

export interface PublicToolInventory {
  id: string;
  title: string;
  countLabel: string | null;
  questionNumber: string | null;
  rows: PublicInventoryRow[];
  matrix: PublicUsageMatrix | null;
  assessments: PublicCriteriaAssessment[];
}

/** The inventories of one published answer version, in document order. */
export async function loadPublishedInventories(db: Db, versionId: string): Promise<PublicToolInventory[]> {
  const inventoryRows = await db
    .select({
      id: toolInventories.id,
      title: toolInventories.title,
      countLabel: toolInventories.countLabel,
      questionNumber: toolInventories.questionNumber,
    })
    .from(toolInventories)
    .where(eq(toolInventories.versionId, versionId))
    .orderBy(asc(toolInventories.position));
  return loadInventories(db, inventoryRows);
}

/**
 * The inventories of several versions at once (OParl's paper lists), by version id: 1 + 8 statements, 1 + 4
 * without the usage matrices (`matrix` is null then; OParl does not show them).
 */
export async function loadPublishedInventoriesOfVersions(
  db: Db,
  versionIds: string[],
  options: { withMatrices?: boolean } = {},
): Promise<Map<string, PublicToolInventory[]>> {
  const result = new Map<string, PublicToolInventory[]>();
  if (versionIds.length === 0) return result;
  const inventoryRows = await db
    .select({
      id: toolInventories.id,
      versionId: toolInventories.versionId,
      title: toolInventories.title,
      countLabel: toolInventories.countLabel,
      questionNumber: toolInventories.questionNumber,
    })
    .from(toolInventories)
    .where(inArray(toolInventories.versionId, versionIds))
    .orderBy(asc(toolInventories.position));
  const built = await loadInventories(
    db,
    inventoryRows.map(({ versionId: _v, ...rest }) => rest),
    options.withMatrices ?? true,
  );
  inventoryRows.forEach((row, index) =>
    result.set(row.versionId, [...(result.get(row.versionId) ?? []), built[index]!]),
  );
  return result;
}

/** Round 4: rows, usage matrices and criteria assessments of all inventories of the version at once. */
async function loadInventories(
  db: Db,
  inventoryRows: { id: string; title: string; countLabel: string | null; questionNumber: string | null }[],
  withMatrices = true,
): Promise<PublicToolInventory[]> {
  if (inventoryRows.length === 0) return [];
  const inventoryIds = inventoryRows.map((row) => row.id);

  const [rowRows, matrixRows, columnRows, matrixRowRows, cellRows, setRows, criterionRows, assessmentRows] =
    await Promise.all([
      db
        .select({
          id: toolInventoryRows.id,
          inventoryId: toolInventoryRows.inventoryId,
          label: toolInventoryRows.label,
          workplaceCount: toolInventoryRows.workplaceCount,
          footnoteMark: toolInventoryRows.footnoteMark,
          footnote: toolInventoryRows.footnote,
          variant: toolInventoryRows.variant,
          toolSlug: tools.slug,
          toolName: tools.name,
        })
        .from(toolInventoryRows)
        .innerJoin(tools, eq(tools.id, toolInventoryRows.toolId))
        .where(inArray(toolInventoryRows.inventoryId, inventoryIds))
        .orderBy(asc(toolInventoryRows.position)),
      withMatrices
        ? db
            .select({
              id: toolUsageMatrices.id,
              inventoryId: toolUsageMatrices.inventoryId,
              title: toolUsageMatrices.title,
              rowHeading: toolUsageMatrices.rowHeading,
              columnHeading: toolUsageMatrices.columnHeading,
              footnoteMark: toolUsageMatrices.footnoteMark,
              footnote: toolUsageMatrices.footnote,
            })
            .from(toolUsageMatrices)
            .where(inArray(toolUsageMatrices.inventoryId, inventoryIds))
        : Promise.resolve([]),
      withMatrices
        ? db
            .select({
              id: toolUsageMatrixColumns.id,
              matrixId: toolUsageMatrixColumns.matrixId,
              inventoryRowId: toolUsageMatrixColumns.inventoryRowId,
              label: toolInventoryRows.label,
            })
            .from(toolUsageMatrixColumns)
            .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixColumns.matrixId))
            .innerJoin(toolInventoryRows, eq(toolInventoryRows.id, toolUsageMatrixColumns.inventoryRowId))
            .where(inArray(toolUsageMatrices.inventoryId, inventoryIds))
            .orderBy(asc(toolUsageMatrixColumns.position))
        : Promise.resolve([]),
      withMatrices
        ? db
            .select({
              id: toolUsageMatrixRows.id,
              matrixId: toolUsageMatrixRows.matrixId,
              label: toolUsageMatrixRows.label,
            })
            .from(toolUsageMatrixRows)
            .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixRows.matrixId))
            .where(inArray(toolUsageMatrices.inventoryId, inventoryIds))
            .orderBy(asc(toolUsageMatrixRows.position))
        : Promise.resolve([]),
      withMatrices
        ? db
            .select({ rowId: toolUsageMatrixCells.rowId, columnId: toolUsageMatrixCells.columnId })
            .from(toolUsageMatrixCells)
            .innerJoin(toolUsageMatrixRows, eq(toolUsageMatrixRows.id, toolUsageMatrixCells.rowId))
            .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixRows.matrixId))
            .where(and(inArray(toolUsageMatrices.inventoryId, inventoryIds), eq(toolUsageMatrixCells.uses, true)))
        : Promise.resolve([]),
      db
        .select({
          inventoryId: inventoryCriteriaSets.inventoryId,
          criteriaSetId: criteriaSets.id,
          statusNote: inventoryCriteriaSets.statusNote,
          title: criteriaSets.title,
          issuer: criteriaSets.issuer,
          issuedOn: criteriaSets.issuedOn,
          url: criteriaSets.url,
        })
        .from(inventoryCriteriaSets)
        .innerJoin(criteriaSets, eq(criteriaSets.id, inventoryCriteriaSets.criteriaSetId))
        .where(inArray(inventoryCriteriaSets.inventoryId, inventoryIds))
        .orderBy(asc(criteriaSets.title)),
      db
        .select({
          id: criteria.id,
          criteriaSetId: criteria.criteriaSetId,
          position: criteria.position,
          text: criteria.text,
        })
        .from(criteria)
        .innerJoin(inventoryCriteriaSets, eq(inventoryCriteriaSets.criteriaSetId, criteria.criteriaSetId))
        .where(inArray(inventoryCriteriaSets.inventoryId, inventoryIds))
        .orderBy(asc(criteria.position)),
      db
        .select({
          inventoryRowId: toolAssessments.inventoryRowId,
          criteriaSetId: toolAssessments.criteriaSetId,
          criterionId: toolAssessments.criterionId,
          result: toolAssessments.result,
          comment: toolAssessments.comment,
        })
        .from(toolAssessments)
        .innerJoin(toolInventoryRows, eq(toolInventoryRows.id, toolAssessments.inventoryRowId))
        .where(inArray(toolInventoryRows.inventoryId, inventoryIds)),
    ]);

  const rowsByInventory = groupBy(rowRows, (row) => row.inventoryId);
  const columnsByMatrix = groupBy(columnRows, (row) => row.matrixId);
  const matrixRowsByMatrix = groupBy(matrixRowRows, (row) => row.matrixId);
  const cellsByRow = groupBy(cellRows, (row) => row.rowId);
  const setsByInventory = groupBy(setRows, (row) => row.inventoryId);
  // A criteria set can be linked to several inventories; keep each criterion once per set.
  const criteriaBySet = new Map<string, { id: string; position: number; text: string }[]>();
  for (const row of criterionRows) {
    const list = criteriaBySet.get(row.criteriaSetId) ?? [];
    if (!list.some((c) => c.id === row.id)) list.push({ id: row.id, position: row.position, text: row.text });
    criteriaBySet.set(row.criteriaSetId, list);
  }

  return inventoryRows.map((inventory): PublicToolInventory => {
    const rows = (rowsByInventory.get(inventory.id) ?? []).map(({ inventoryId: _i, ...rest }) => rest);
    const matrixRow = matrixRows.find((m) => m.inventoryId === inventory.id);
    const matrix: PublicUsageMatrix | null = matrixRow
      ? {
          title: matrixRow.title,
          rowHeading: matrixRow.rowHeading,
          columnHeading: matrixRow.columnHeading,
          footnoteMark: matrixRow.footnoteMark,
          footnote: matrixRow.footnote,
          columns: (columnsByMatrix.get(matrixRow.id) ?? []).map(({ id, label, inventoryRowId }) => ({
            id,
            label,
            inventoryRowId,
          })),
          rows: (matrixRowsByMatrix.get(matrixRow.id) ?? []).map((row) => ({
            id: row.id,
            label: row.label,
            usedColumnIds: (cellsByRow.get(row.id) ?? []).map((cell) => cell.columnId),
          })),
        }
      : null;
    const assessments = (setsByInventory.get(inventory.id) ?? []).map((set): PublicCriteriaAssessment => {
      const setCriteria = criteriaBySet.get(set.criteriaSetId) ?? [];
      return {
        title: set.title,
        issuer: set.issuer,
        issuedOn: set.issuedOn,
        url: set.url,
        statusNote: set.statusNote,
        criteria: setCriteria,
        results: rows.map((row) => {
          const own = assessmentRows.filter(
            (a) => a.inventoryRowId === row.id && a.criteriaSetId === set.criteriaSetId,
          );
          const overall = own.find((a) => a.criterionId === null);
          const byCriterion: Record<string, AssessmentResult> = {};
          for (const a of own) if (a.criterionId) byCriterion[a.criterionId] = a.result;
          return {
            inventoryRowId: row.id,
            label: row.label,
            overall: overall?.result ?? "not_assessed",
            overallComment: overall?.comment ?? null,
            byCriterion,
          };
        }),
      };
    });
    return { ...inventory, rows, matrix, assessments };
  });
}
