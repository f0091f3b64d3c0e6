import { BarChart } from "~/components/charts/BarChart";
import { TableRegion } from "~/components/table-region";
import { formatNumber } from "~/domain/format";
import { statisticsTexts as t } from "~/domain/texts/statistics";
import type { StatisticsDimension, StatisticsRow } from "~/server/public/statistics.server";

const formatPercent = (rate: number | null) =>
  rate === null ? t.noValue : `${formatNumber(Math.round(rate * 1000) / 10)} %`;
const formatDays = (days: number | null) => (days === null ? t.noValue : formatNumber(days));

/**
 * One grouping of a body's statistics (by department, faction, type or year): a bar chart of the median time to
 * answer, drawn on the server, and the table with all figures. The chart shows only what the table also says.
 */
export function StatisticsSection({ dimension, rows }: { dimension: StatisticsDimension; rows: StatisticsRow[] }) {
  const heading = t.dimensionHeadings[dimension];
  const headingId = `statistik-${dimension}`;
  const label = (row: StatisticsRow) => row.label ?? t.noGroupLabel;
  const charted = rows.filter((row) => row.medianDays !== null);
  const dimensionText = t.dimensionPhrase[dimension];
  return (
    <section aria-labelledby={headingId} className="statistics-section">
      <h2 id={headingId}>{heading}</h2>
      <BarChart
        title={t.chartTitle(dimensionText)}
        description={t.chartDescription(
          dimensionText,
          charted.map((row) => t.chartPart(label(row), formatDays(row.medianDays))),
        )}
        bars={charted.map((row) => ({ label: label(row), value: row.medianDays ?? 0 }))}
      />
      <TableRegion caption={t.tableCaption(dimensionText)} className="statistics-table">
        <thead>
          <tr>
            <th scope="col">{t.dimensionColumn[dimension]}</th>
            <th scope="col">{t.columns.inquiries}</th>
            <th scope="col">{t.columns.answered}</th>
            <th scope="col">{t.columns.median}</th>
            <th scope="col">{t.columns.p90}</th>
            <th scope="col">{t.columns.onTime}</th>
            <th scope="col">{t.columns.onTimeRate}</th>
            <th scope="col">{t.columns.extensions}</th>
            <th scope="col">{t.columns.withheld}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key ?? "none"}>
              <th scope="row">{label(row)}</th>
              <td>{formatNumber(row.inquiries)}</td>
              <td>{formatNumber(row.answered)}</td>
              <td>{formatDays(row.medianDays)}</td>
              <td>{formatDays(row.p90Days)}</td>
              <td>{t.onTimeOf(formatNumber(row.onTime), formatNumber(row.deadlineJudged))}</td>
              <td>{formatPercent(row.onTimeRate)}</td>
              <td>{formatNumber(row.extensions)}</td>
              <td>{formatNumber(row.withheldParts)}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </section>
  );
}

/** The body's totals as a definition list. */
export function StatisticsSummary({ total }: { total: StatisticsRow }) {
  const s = t.summary;
  const items: [string, string][] = [
    [s.inquiries, formatNumber(total.inquiries)],
    [s.answered, formatNumber(total.answered)],
    [s.median, total.medianDays === null ? t.noValue : s.days(formatDays(total.medianDays))],
    [s.p90, total.p90Days === null ? t.noValue : s.days(formatDays(total.p90Days))],
    [
      s.onTimeRate,
      `${formatPercent(total.onTimeRate)} (${t.onTimeOf(formatNumber(total.onTime), formatNumber(total.deadlineJudged))})`,
    ],
    [s.extensions, formatNumber(total.extensions)],
    [s.withheld, formatNumber(total.withheldParts)],
  ];
  return (
    <dl className="meta statistics-summary">
      {items.map(([term, value]) => (
        <div key={term} className="statistics-summary__item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
