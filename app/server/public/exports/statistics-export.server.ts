/** The CSV of a body's statistics (/{body}/statistik.csv): the total and every group, one line each. */
import { exportFileName, toCsv } from "../../../domain/csv";
import { statisticsTexts as t } from "../../../domain/texts/statistics";
import type { Db } from "../../core/db.server";
import { loadBodyStatistics, STATISTICS_DIMENSIONS, type StatisticsRow } from "../statistics.server";
import type { ExportFile } from "./response.server";

export async function statisticsExport(bodySlug: string, db?: Db): Promise<ExportFile | null> {
  const statistics = await loadBodyStatistics(bodySlug, db);
  if (!statistics) return null;
  const line = (dimension: string, group: string, row: StatisticsRow) => [
    dimension,
    group,
    row.inquiries,
    row.answered,
    row.medianDays,
    row.p90Days,
    row.onTime,
    row.deadlineJudged,
    row.onTimeRate === null ? null : Math.round(row.onTimeRate * 1000) / 10,
    row.extensions,
    row.withheldParts,
  ];
  const c = t.columns;
  return {
    format: "csv",
    baseName: exportFileName("statistik", statistics.body.slug),
    body: toCsv(
      [
        t.csv.dimension,
        t.csv.group,
        c.inquiries,
        c.answered,
        c.median,
        c.p90,
        c.onTime,
        t.csv.deadlineJudged,
        t.csv.onTimeRatePercent,
        c.extensions,
        c.withheld,
      ],
      [
        line(t.csv.total, statistics.body.name, statistics.total),
        ...STATISTICS_DIMENSIONS.flatMap((dimension) =>
          statistics.groups[dimension].map((row) =>
            line(t.dimensionColumn[dimension], row.label ?? t.noGroupLabel, row),
          ),
        ),
      ],
    ),
  };
}
