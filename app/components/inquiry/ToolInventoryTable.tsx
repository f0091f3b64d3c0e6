import { TableRegion } from "~/components/table-region";
import { formatNumber, formatQuestionNumbers } from "~/domain/format";
import type { PublicInventoryRow } from "~/server/public/inquiries.server";

interface InventoryProps {
  id: string;
  title: string;
  countLabel: string | null;
  questionNumber: string | null;
  rows: PublicInventoryRow[];
}

/** Caption suffix naming the question the inventory answers: "(Antwort zu Frage 2)". */
export function answerToSuffix(questionNumber: string | null): string {
  return questionNumber ? ` (Antwort zu ${formatQuestionNumbers([questionNumber])})` : "";
}

/**
 * The inventory as written in the answer: tool labels exactly as printed, counts in German number format, an
 * empty cell where the source gives no number, footnotes below.
 */
export function ToolInventoryTable({ inventory }: { inventory: InventoryProps }) {
  const footnotes = footnotesOf(inventory.rows);
  const footnoteId = (mark: string) => `fn-${inventory.id}-${slugMark(mark)}`;
  return (
    <>
      <TableRegion
        className="inventory-table"
        caption={
          <>
            {inventory.title}
            {answerToSuffix(inventory.questionNumber)}
          </>
        }
      >
        <thead>
          <tr>
            <th scope="col">{inventory.title}</th>
            {inventory.countLabel ? (
              <th scope="col" className="num">
                {inventory.countLabel}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {inventory.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.label}
                {row.footnoteMark ? (
                  <>
                    {" "}
                    <a href={`#${footnoteId(row.footnoteMark)}`} className="footnote-ref">
                      <sup>{row.footnoteMark}</sup>
                      <span className="visually-hidden"> (siehe Fußnote)</span>
                    </a>
                  </>
                ) : null}
              </th>
              {inventory.countLabel ? (
                <td className="num">
                  {row.workplaceCount === null ? (
                    <span className="visually-hidden">keine Angabe</span>
                  ) : (
                    formatNumber(row.workplaceCount)
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {footnotes.length ? (
        <div className="footnotes">
          {footnotes.map((note) => (
            <p key={note.mark} id={footnoteId(note.mark)} className="footnote">
              {note.mark} {note.text}
            </p>
          ))}
        </div>
      ) : null}
      {inventory.countLabel ? <ToolCountChart inventory={inventory} /> : null}
    </>
  );
}

function footnotesOf(rows: PublicInventoryRow[]): { mark: string; text: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows)
    if (row.footnoteMark && row.footnote && !seen.has(row.footnoteMark)) seen.set(row.footnoteMark, row.footnote);
  return [...seen].map(([mark, text]) => ({ mark, text }));
}

function slugMark(mark: string): string {
  return mark.replace(/[^A-Za-z0-9]+/g, "") || "x";
}

const BAR_HEIGHT = 20;
const BAR_GAP = 8;
const LABEL_WIDTH = 260;
const BAR_AREA = 380;
const VALUE_WIDTH = 80;
const FONT_SIZE = 13;

/**
 * A horizontal bar chart of the counts, drawn on the server as plain SVG (no script, no inline styles).
 * Rows without a count cannot be drawn; they are named below the chart. The table above carries the same
 * numbers for screen readers, so the chart is one image with a summary.
 */
export function ToolCountChart({ inventory }: { inventory: InventoryProps }) {
  const counted = inventory.rows.filter(
    (row): row is PublicInventoryRow & { workplaceCount: number } => row.workplaceCount !== null,
  );
  const uncounted = inventory.rows.filter((row) => row.workplaceCount === null);
  if (counted.length === 0) return null;
  const max = Math.max(...counted.map((row) => row.workplaceCount), 1);
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const height = counted.length * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
  const countLabel = inventory.countLabel ?? "Anzahl";
  const titleId = `chart-${inventory.id}-title`;
  const summary = `Balkendiagramm: ${countLabel} je Eintrag der Übersicht „${inventory.title}“, größter Wert ${formatNumber(max)}`;
  return (
    <figure className="bar-chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="bar-chart__svg"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={titleId}>{summary}</title>
        {counted.map((row, index) => {
          const y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP);
          const barWidth = row.workplaceCount === 0 ? 0 : Math.max(1, (row.workplaceCount / max) * BAR_AREA);
          const textY = y + BAR_HEIGHT / 2;
          return (
            <g key={row.id}>
              <text
                x={LABEL_WIDTH - 8}
                y={textY}
                textAnchor="end"
                dominantBaseline="central"
                fontSize={FONT_SIZE}
                className="bar-chart__label"
              >
                {row.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={barWidth} height={BAR_HEIGHT} className="bar-chart__bar" />
              <text
                x={LABEL_WIDTH + barWidth + 6}
                y={textY}
                dominantBaseline="central"
                fontSize={FONT_SIZE}
                className="bar-chart__value"
              >
                {formatNumber(row.workplaceCount)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {countLabel} je Eintrag (Diagramm zur Tabelle „{inventory.title}“).
        {uncounted.length ? (
          <> Ohne Zahlenangabe und deshalb nicht im Diagramm: {uncounted.map((row) => row.label).join(", ")}.</>
        ) : null}
      </figcaption>
    </figure>
  );
}
