/**
 * The tool inventories of a published answer version: rows, usage matrices and criteria assessments, in one
 * statement however many inventories the version has.
 */
import { sql, type SQL } from "drizzle-orm";
import type { AssessmentResult, DeploymentVariant } from "../../domain/labels";
import type { Db } from "../core/db.server";
import { reusableStatement } from "../core/prepared.server";
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

/** The inventories of one published answer version, in document order: one statement. */
export async function loadPublishedInventories(db: Db, versionId: string): Promise<PublicToolInventory[]> {
  // Built once and prepared: the page of a published answer runs this on every request (issue 13).
  const [row] = await inventoriesOfOneVersion(db, { versionId });
  return assemble(JSON.parse(row!.tree) as InventoryTree);
}

const inventoriesOfOneVersion = reusableStatement<{ tree: string }, { versionId: string }>("public_inventories", () =>
  inventoryTreeStatement(sql`version_id = ${sql.placeholder("versionId")}`, true),
);

/**
 * The inventories of several versions at once (OParl's paper lists), by version id: one statement; without the
 * usage matrices when `withMatrices` is false (`matrix` is null then; OParl does not show them).
 */
export async function loadPublishedInventoriesOfVersions(
  db: Db,
  versionIds: string[],
  options: { withMatrices?: boolean } = {},
): Promise<Map<string, PublicToolInventory[]>> {
  const result = new Map<string, PublicToolInventory[]>();
  if (versionIds.length === 0) return result;
  const tree = await loadInventoryTree(
    db,
    sql`version_id in (${sql.join(
      versionIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
    options.withMatrices ?? true,
  );
  const built = assemble(tree);
  tree.inventories.forEach((row, index) =>
    result.set(row.versionId, [...(result.get(row.versionId) ?? []), built[index]!]),
  );
  return result;
}

/** What the one statement returns: each list as the separate queries returned it before, as JSON arrays. */
interface InventoryTree {
  inventories: {
    id: string;
    versionId: string;
    title: string;
    countLabel: string | null;
    questionNumber: string | null;
  }[];
  rows: (PublicInventoryRow & { inventoryId: string })[];
  matrices: {
    id: string;
    inventoryId: string;
    title: string | null;
    rowHeading: string;
    columnHeading: string;
    footnoteMark: string | null;
    footnote: string | null;
  }[];
  columns: { id: string; matrixId: string; inventoryRowId: string; label: string }[];
  matrixRows: { id: string; matrixId: string; label: string }[];
  cells: { rowId: string; columnId: string }[];
  sets: {
    inventoryId: string;
    criteriaSetId: string;
    statusNote: string | null;
    title: string;
    issuer: string;
    issuedOn: string | null;
    url: string | null;
  }[];
  criteria: { id: string; criteriaSetId: string; position: number; text: string }[];
  assessments: {
    inventoryRowId: string;
    criteriaSetId: string;
    criterionId: string | null;
    result: AssessmentResult;
    comment: string | null;
  }[];
}

/**
 * Round 4: the inventories of the versions and their rows, usage matrices and criteria assessments in one
 * statement (issue 13: it was 1 + 8 statements, each a round trip and a query to build). Each list is a JSON
 * array in the order the separate queries had; the text is parsed here, so that PostgreSQL and PGlite agree.
 */
async function loadInventoryTree(db: Db, versionCondition: SQL, withMatrices = true): Promise<InventoryTree> {
  const result = await db.execute(inventoryTreeStatement(versionCondition, withMatrices));
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows;
  return JSON.parse((rows[0] as { tree: string }).tree) as InventoryTree;
}

/** The one statement of loadInventoryTree (its `tree` column is the JSON text of an InventoryTree). */
function inventoryTreeStatement(versionCondition: SQL, withMatrices: boolean): SQL {
  const list = (object: SQL, from: SQL, order: SQL | null = null) =>
    sql`(select coalesce(json_agg(${object}${order ? sql` order by ${order}` : sql``}), '[]'::json) ${from})`;
  // The usage matrices' four lists are empty when the caller does not show them.
  const matrixList = (object: SQL, from: SQL, order: SQL | null = null) =>
    withMatrices ? list(object, from, order) : sql`'[]'::json`;
  return sql`
    with inv as (select id, version_id, position, title, count_label, question_number
                 from tool_inventories where ${versionCondition})
    select json_build_object(
      'inventories', ${list(
        sql`json_build_object('id', inv.id, 'versionId', inv.version_id, 'title', inv.title,
              'countLabel', inv.count_label, 'questionNumber', inv.question_number)`,
        sql`from inv`,
        sql`inv.position`,
      )},
      'rows', ${list(
        sql`json_build_object('id', r.id, 'inventoryId', r.inventory_id, 'label', r.label,
              'workplaceCount', r.workplace_count, 'footnoteMark', r.footnote_mark, 'footnote', r.footnote,
              'variant', r.variant, 'toolSlug', t.slug, 'toolName', t.name)`,
        sql`from tool_inventory_rows r join tools t on t.id = r.tool_id where r.inventory_id in (select id from inv)`,
        sql`r.position`,
      )},
      'matrices', ${matrixList(
        sql`json_build_object('id', m.id, 'inventoryId', m.inventory_id, 'title', m.title,
              'rowHeading', m.row_heading, 'columnHeading', m.column_heading, 'footnoteMark', m.footnote_mark,
              'footnote', m.footnote)`,
        sql`from tool_usage_matrices m where m.inventory_id in (select id from inv)`,
      )},
      'columns', ${matrixList(
        sql`json_build_object('id', c.id, 'matrixId', c.matrix_id, 'inventoryRowId', c.inventory_row_id,
              'label', r.label)`,
        sql`from tool_usage_matrix_columns c join tool_usage_matrices m on m.id = c.matrix_id
            join tool_inventory_rows r on r.id = c.inventory_row_id where m.inventory_id in (select id from inv)`,
        sql`c.position`,
      )},
      'matrixRows', ${matrixList(
        sql`json_build_object('id', mr.id, 'matrixId', mr.matrix_id, 'label', mr.label)`,
        sql`from tool_usage_matrix_rows mr join tool_usage_matrices m on m.id = mr.matrix_id
            where m.inventory_id in (select id from inv)`,
        sql`mr.position`,
      )},
      'cells', ${matrixList(
        sql`json_build_object('rowId', cell.row_id, 'columnId', cell.column_id)`,
        sql`from tool_usage_matrix_cells cell join tool_usage_matrix_rows mr on mr.id = cell.row_id
            join tool_usage_matrices m on m.id = mr.matrix_id
            where m.inventory_id in (select id from inv) and cell.uses`,
      )},
      'sets', ${list(
        sql`json_build_object('inventoryId', ics.inventory_id, 'criteriaSetId', cs.id, 'statusNote', ics.status_note,
              'title', cs.title, 'issuer', cs.issuer, 'issuedOn', cs.issued_on, 'url', cs.url)`,
        sql`from inventory_criteria_sets ics join criteria_sets cs on cs.id = ics.criteria_set_id
            where ics.inventory_id in (select id from inv)`,
        sql`cs.title`,
      )},
      'criteria', ${list(
        sql`json_build_object('id', cr.id, 'criteriaSetId', cr.criteria_set_id, 'position', cr.position, 'text', cr.text)`,
        sql`from criteria cr join inventory_criteria_sets ics on ics.criteria_set_id = cr.criteria_set_id
            where ics.inventory_id in (select id from inv)`,
        sql`cr.position`,
      )},
      'assessments', ${list(
        sql`json_build_object('inventoryRowId', a.inventory_row_id, 'criteriaSetId', a.criteria_set_id,
              'criterionId', a.criterion_id, 'result', a.result, 'comment', a.comment)`,
        sql`from tool_assessments a join tool_inventory_rows r on r.id = a.inventory_row_id
            where r.inventory_id in (select id from inv)`,
      )}
    )::text as tree`;
}

/** The inventories built from the lists, in document order. */
function assemble({
  inventories,
  rows: rowRows,
  matrices: matrixRows,
  columns: columnRows,
  matrixRows: matrixRowRows,
  cells: cellRows,
  sets: setRows,
  criteria: criterionRows,
  assessments: assessmentRows,
}: InventoryTree): PublicToolInventory[] {
  const inventoryRows = inventories.map(({ versionId: _v, ...rest }) => rest);
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
