/**
 * The tool-inventory editor's read model: the inventory of the answer's current version with its rows, the
 * catalogue, the facts known about the inventory's tools (general or this body's) with their sources, the
 * matrix and the assessments. Authorisation through inventoryAccess (NotFound for what the user may not see).
 */
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import {
  criteria,
  criteriaSets,
  inventoryCriteriaSets,
  organizations,
  sources,
  toolAssessments,
  toolFacts,
  toolInventoryRows,
  tools,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
} from "../../../db/schema";
import type { DeploymentVariant, ToolFactKey } from "../../domain/labels";
import { getDb, type Db } from "../core/db.server";
import { catalogue } from "./inventory-commands.server";
import { inventoryAccess, type Actor } from "./inventory-access.server";

export interface InventoryEditorView {
  inquiry: { id: string; title: string };
  hasVersion: boolean;
  published: boolean;
  editable: boolean;
  inventory: { version: number; title: string; countLabel: string | null; questionNumber: string | null } | null;
  rows: Array<{
    id: string;
    toolId: string;
    toolName: string;
    label: string;
    variant: DeploymentVariant;
    workplaceCount: number | null;
    footnoteMark: string | null;
    footnote: string | null;
  }>;
  catalogue: Array<{ id: string; name: string; slug: string }>;
  facts: Array<{
    id: string;
    toolName: string;
    key: ToolFactKey;
    value: string;
    asOf: string | null;
    citation: string;
    url: string | null;
    bodyWide: boolean;
  }>;
  organizations: Array<{ id: string; name: string }>;
  matrix: {
    title: string | null;
    rowHeading: string;
    columnHeading: string;
    footnoteMark: string | null;
    footnote: string | null;
    rows: Array<{ organizationId: string; label: string; uses: string[] }>;
  } | null;
  criteriaSets: Array<{ id: string; title: string; criteria: Array<{ id: string; text: string }> }>;
  assessment: {
    criteriaSetId: string;
    statusNote: string | null;
    results: Array<{ inventoryRowId: string; criterionId: string; result: string; comment: string | null }>;
  } | null;
}

export async function loadInventoryEditor(actor: Actor, inquiryId: string, db?: Db): Promise<InventoryEditorView> {
  const database = db ?? (await getDb());
  const access = await inventoryAccess(database, actor, inquiryId);
  const inv = access.inventory;
  const base = {
    inquiry: { id: inquiryId, title: access.answer?.inquiry.title ?? "" },
    hasVersion: access.version !== null,
    published: access.version?.published ?? false,
    editable: access.editable,
    catalogue: access.editable ? await catalogue(database) : [],
  };
  if (!access.answer || !inv) {
    return {
      ...base,
      inventory: null,
      rows: [],
      facts: [],
      organizations: [],
      matrix: null,
      criteriaSets: [],
      assessment: null,
    };
  }
  const bodyId = access.answer.bodyId;
  const rows = await database
    .select({
      id: toolInventoryRows.id,
      toolId: toolInventoryRows.toolId,
      toolName: tools.name,
      label: toolInventoryRows.label,
      variant: toolInventoryRows.variant,
      workplaceCount: toolInventoryRows.workplaceCount,
      footnoteMark: toolInventoryRows.footnoteMark,
      footnote: toolInventoryRows.footnote,
    })
    .from(toolInventoryRows)
    .innerJoin(tools, eq(tools.id, toolInventoryRows.toolId))
    .where(eq(toolInventoryRows.inventoryId, inv.id))
    .orderBy(asc(toolInventoryRows.position));
  const toolIds = [...new Set(rows.map((r) => r.toolId))];
  const facts = toolIds.length
    ? await database
        .select({
          id: toolFacts.id,
          toolName: tools.name,
          key: toolFacts.key,
          value: toolFacts.value,
          asOf: toolFacts.asOf,
          citation: sources.citation,
          url: sources.url,
          factBody: toolFacts.bodyId,
        })
        .from(toolFacts)
        .innerJoin(tools, eq(tools.id, toolFacts.toolId))
        .innerJoin(sources, eq(sources.id, toolFacts.sourceId))
        .where(and(inArray(toolFacts.toolId, toolIds), or(isNull(toolFacts.bodyId), eq(toolFacts.bodyId, bodyId))))
        .orderBy(asc(tools.name), asc(toolFacts.key))
    : [];
  const orgs = await database
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.bodyId, bodyId))
    .orderBy(asc(organizations.name));
  const [matrix] = await database.select().from(toolUsageMatrices).where(eq(toolUsageMatrices.inventoryId, inv.id));
  let matrixView: InventoryEditorView["matrix"] = null;
  if (matrix) {
    const mRows = await database
      .select()
      .from(toolUsageMatrixRows)
      .where(eq(toolUsageMatrixRows.matrixId, matrix.id))
      .orderBy(asc(toolUsageMatrixRows.position));
    const columns = await database
      .select()
      .from(toolUsageMatrixColumns)
      .where(eq(toolUsageMatrixColumns.matrixId, matrix.id));
    const cells = mRows.length
      ? await database
          .select()
          .from(toolUsageMatrixCells)
          .where(
            inArray(
              toolUsageMatrixCells.rowId,
              mRows.map((r) => r.id),
            ),
          )
      : [];
    matrixView = {
      title: matrix.title,
      rowHeading: matrix.rowHeading,
      columnHeading: matrix.columnHeading,
      footnoteMark: matrix.footnoteMark,
      footnote: matrix.footnote,
      rows: mRows.map((r) => ({
        organizationId: r.organizationId,
        label: r.label,
        uses: cells
          .filter((c) => c.rowId === r.id && c.uses)
          .map((c) => columns.find((col) => col.id === c.columnId)!.inventoryRowId),
      })),
    };
  }
  const sets = await database
    .select({ id: criteriaSets.id, title: criteriaSets.title })
    .from(criteriaSets)
    .orderBy(asc(criteriaSets.title));
  const allCriteria = sets.length
    ? await database
        .select()
        .from(criteria)
        .where(
          inArray(
            criteria.criteriaSetId,
            sets.map((s) => s.id),
          ),
        )
        .orderBy(asc(criteria.position))
    : [];
  const [chosen] = await database
    .select()
    .from(inventoryCriteriaSets)
    .where(eq(inventoryCriteriaSets.inventoryId, inv.id))
    .limit(1);
  const results =
    chosen && rows.length
      ? await database
          .select()
          .from(toolAssessments)
          .where(
            and(
              eq(toolAssessments.criteriaSetId, chosen.criteriaSetId),
              inArray(
                toolAssessments.inventoryRowId,
                rows.map((r) => r.id),
              ),
            ),
          )
      : [];
  return {
    ...base,
    inventory: {
      version: inv.version,
      title: inv.title,
      countLabel: inv.countLabel,
      questionNumber: inv.questionNumber,
    },
    rows,
    facts: facts.map(({ factBody, ...f }) => ({ ...f, bodyWide: factBody === null })),
    organizations: orgs,
    matrix: matrixView,
    criteriaSets: sets.map((s) => ({
      ...s,
      criteria: allCriteria.filter((c) => c.criteriaSetId === s.id).map((c) => ({ id: c.id, text: c.text })),
    })),
    assessment: chosen
      ? {
          criteriaSetId: chosen.criteriaSetId,
          statusNote: chosen.statusNote,
          results: results.map((r) => ({
            inventoryRowId: r.inventoryRowId,
            criterionId: r.criterionId ?? "",
            result: r.result,
            comment: r.comment,
          })),
        }
      : null,
  };
}
