/**
 * CSV and JSON of an answer's tool inventories (/{body}/anfragen/{ref}/werkzeuge.csv|.json) and of the tool
 * catalogue (/werkzeuge.csv|.json), from the public read models. The CSV holds one line per inventory row with
 * the label exactly as printed and, from the usage matrix, the organisations that use it; the JSON holds the
 * inventories whole (rows, matrix, assessments). Shapes: docs/decisions/0019-public-exports.md.
 */
import { exportFileName, toCsv } from "../../../domain/csv";
import { deploymentVariantLabels } from "../../../domain/labels";
import { exportTexts as t } from "../../../domain/texts/exports";
import type { Db } from "../../core/db.server";
import { loadPublicInquiry } from "../inquiries.server";
import { loadToolCatalogue } from "../tools.server";
import { toJson, type ExportFile, type ExportFormat } from "./response.server";

/** Null (404) when the inquiry is not public or its published answer has no tool inventory. */
export async function inventoryExport(
  params: { bodySlug: string; publicRef: string; format: ExportFormat; origin: string },
  db?: Db,
): Promise<ExportFile | null> {
  const detail = await loadPublicInquiry({ bodySlug: params.bodySlug, publicRef: params.publicRef }, db);
  const inventories = detail?.answer?.inventories ?? [];
  if (!detail || !detail.answer || inventories.length === 0) return null;
  const { body, inquiry, answer } = detail;
  const baseName = exportFileName("werkzeuge", body.slug, inquiry.publicRef);
  const toolUrl = (slug: string) => `${params.origin}/werkzeuge/${slug}`;

  if (params.format === "csv") {
    const c = t.inventory;
    const lines = inventories.flatMap((inventory) => {
      const matrix = inventory.matrix;
      const usedBy = (inventoryRowId: string) => {
        const column = matrix?.columns.find((c) => c.inventoryRowId === inventoryRowId);
        return matrix && column
          ? matrix.rows.filter((row) => row.usedColumnIds.includes(column.id)).map((row) => row.label)
          : [];
      };
      return inventory.rows.map((row, index) => [
        inventory.title,
        inventory.questionNumber,
        index + 1,
        row.label,
        row.toolName,
        deploymentVariantLabels[row.variant],
        row.workplaceCount,
        row.footnoteMark,
        row.footnote,
        usedBy(row.id).join("; "),
      ]);
    });
    return {
      format: "csv",
      baseName,
      body: toCsv(
        [
          c.inventory,
          c.question,
          c.position,
          c.label,
          c.tool,
          c.variant,
          c.workplaces,
          c.footnoteMark,
          c.footnote,
          c.usedBy,
        ],
        lines,
      ),
    };
  }

  return {
    format: "json",
    baseName,
    body: toJson({
      inquiry: {
        url: `${params.origin}/${body.slug}/anfragen/${encodeURIComponent(inquiry.publicRef)}`,
        body: { slug: body.slug, name: body.name },
        reference: inquiry.reference,
        type: inquiry.typeName,
        title: inquiry.title,
      },
      answer: {
        versionNumber: answer.version.versionNumber,
        documentKind: answer.version.documentKind,
        documentReference: answer.version.documentReference,
        documentDate: answer.version.documentDate,
        publishedOn: answer.version.publishedOn,
      },
      inventories: inventories.map((inventory) => {
        const columnLabel = new Map((inventory.matrix?.columns ?? []).map((column) => [column.id, column.label]));
        return {
          title: inventory.title,
          countLabel: inventory.countLabel,
          questionNumber: inventory.questionNumber,
          rows: inventory.rows.map((row, index) => ({
            position: index + 1,
            label: row.label,
            tool: { slug: row.toolSlug, name: row.toolName, url: toolUrl(row.toolSlug) },
            variant: row.variant,
            variantLabel: deploymentVariantLabels[row.variant],
            workplaceCount: row.workplaceCount,
            footnoteMark: row.footnoteMark,
            footnote: row.footnote,
          })),
          matrix: inventory.matrix
            ? {
                title: inventory.matrix.title,
                rowHeading: inventory.matrix.rowHeading,
                columnHeading: inventory.matrix.columnHeading,
                footnoteMark: inventory.matrix.footnoteMark,
                footnote: inventory.matrix.footnote,
                columns: inventory.matrix.columns.map((column) => column.label),
                rows: inventory.matrix.rows.map((row) => ({
                  label: row.label,
                  uses: row.usedColumnIds.map((id) => columnLabel.get(id) ?? id),
                })),
              }
            : null,
          assessments: inventory.assessments.map((assessment) => ({
            title: assessment.title,
            issuer: assessment.issuer,
            issuedOn: assessment.issuedOn,
            url: assessment.url,
            statusNote: assessment.statusNote,
            criteria: assessment.criteria.map((criterion) => ({ position: criterion.position, text: criterion.text })),
            results: assessment.results.map((result) => ({
              label: result.label,
              overall: result.overall,
              overallComment: result.overallComment,
              byCriterion: Object.fromEntries(
                assessment.criteria.map((criterion) => [criterion.position, result.byCriterion[criterion.id] ?? null]),
              ),
            })),
          })),
        };
      }),
    }),
  };
}

export async function toolCatalogueExport(
  params: { format: ExportFormat; origin: string },
  db?: Db,
): Promise<ExportFile> {
  const catalogue = await loadToolCatalogue(db);
  const url = (slug: string) => `${params.origin}/werkzeuge/${slug}`;
  if (params.format === "csv") {
    const c = t.catalogue;
    return {
      format: "csv",
      baseName: "werkzeuge",
      body: toCsv(
        [c.name, c.category, c.bodies, c.answers, c.facts, c.url],
        catalogue.map((tool) => [
          tool.name,
          tool.category,
          tool.bodyNames.join("; "),
          tool.answerCount,
          tool.factCount,
          url(tool.slug),
        ]),
      ),
    };
  }
  return {
    format: "json",
    baseName: "werkzeuge",
    body: toJson({
      tools: catalogue.map((tool) => ({
        url: url(tool.slug),
        slug: tool.slug,
        name: tool.name,
        category: tool.category,
        bodies: tool.bodyNames,
        answerCount: tool.answerCount,
        factCount: tool.factCount,
      })),
    }),
  };
}
