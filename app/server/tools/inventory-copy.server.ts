/**
 * A correction is a new answer version (never an update of the published one): its tool inventories start as
 * copies of the published version's — rows, the organisation × tool matrix with its cells, the criteria sets
 * and the assessments — so that the corrected answer shows the same tables until someone edits them.
 */
import { eq, inArray } from "drizzle-orm";
import {
  inventoryCriteriaSets,
  toolAssessments,
  toolInventories,
  toolInventoryRows,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
} from "../../../db/schema";
import type { Tx } from "../core/db.server";

export async function copyInventories(tx: Tx, fromVersionId: string, toVersionId: string): Promise<void> {
  const inventories = await tx.select().from(toolInventories).where(eq(toolInventories.versionId, fromVersionId));
  for (const inventory of inventories) {
    const { id: oldInventoryId, versionId: _v, createdAt: _c, frozenAt: _f, version: _n, ...fields } = inventory;
    const [copy] = await tx
      .insert(toolInventories)
      .values({ ...fields, versionId: toVersionId })
      .returning({ id: toolInventories.id });
    const inventoryId = copy!.id;

    const rows = await tx.select().from(toolInventoryRows).where(eq(toolInventoryRows.inventoryId, oldInventoryId));
    const rowId = new Map<string, string>();
    if (rows.length) {
      const inserted = await tx
        .insert(toolInventoryRows)
        .values(rows.map(({ id: _id, inventoryId: _i, ...rest }) => ({ ...rest, inventoryId })))
        .returning({ id: toolInventoryRows.id, position: toolInventoryRows.position });
      const byPosition = new Map(inserted.map((r) => [r.position, r.id]));
      for (const row of rows) rowId.set(row.id, byPosition.get(row.position)!);
    }

    const sets = await tx
      .select()
      .from(inventoryCriteriaSets)
      .where(eq(inventoryCriteriaSets.inventoryId, oldInventoryId));
    if (sets.length) await tx.insert(inventoryCriteriaSets).values(sets.map((s) => ({ ...s, inventoryId })));
    if (rows.length) {
      const assessments = await tx
        .select()
        .from(toolAssessments)
        .where(inArray(toolAssessments.inventoryRowId, [...rowId.keys()]));
      if (assessments.length)
        await tx.insert(toolAssessments).values(
          assessments.map(({ id: _id, inventoryRowId, ...rest }) => ({
            ...rest,
            inventoryRowId: rowId.get(inventoryRowId)!,
          })),
        );
    }

    const [matrix] = await tx.select().from(toolUsageMatrices).where(eq(toolUsageMatrices.inventoryId, oldInventoryId));
    if (!matrix) continue;
    const { id: oldMatrixId, inventoryId: _mi, ...matrixFields } = matrix;
    const [matrixCopy] = await tx
      .insert(toolUsageMatrices)
      .values({ ...matrixFields, inventoryId })
      .returning({ id: toolUsageMatrices.id });
    const matrixId = matrixCopy!.id;
    const [columns, matrixRows] = await Promise.all([
      tx.select().from(toolUsageMatrixColumns).where(eq(toolUsageMatrixColumns.matrixId, oldMatrixId)),
      tx.select().from(toolUsageMatrixRows).where(eq(toolUsageMatrixRows.matrixId, oldMatrixId)),
    ]);
    const columnId = new Map<string, string>();
    for (const column of columns) {
      const [c] = await tx
        .insert(toolUsageMatrixColumns)
        .values({ matrixId, position: column.position, inventoryRowId: rowId.get(column.inventoryRowId)! })
        .returning({ id: toolUsageMatrixColumns.id });
      columnId.set(column.id, c!.id);
    }
    const matrixRowId = new Map<string, string>();
    for (const row of matrixRows) {
      const { id: oldId, matrixId: _m, ...rest } = row;
      const [r] = await tx
        .insert(toolUsageMatrixRows)
        .values({ ...rest, matrixId })
        .returning({ id: toolUsageMatrixRows.id });
      matrixRowId.set(oldId, r!.id);
    }
    if (matrixRows.length && columns.length) {
      const cells = await tx
        .select()
        .from(toolUsageMatrixCells)
        .where(inArray(toolUsageMatrixCells.rowId, [...matrixRowId.keys()]));
      if (cells.length)
        await tx.insert(toolUsageMatrixCells).values(
          cells.map((cell) => ({
            rowId: matrixRowId.get(cell.rowId)!,
            columnId: columnId.get(cell.columnId)!,
            uses: cell.uses,
          })),
        );
    }
  }
}
