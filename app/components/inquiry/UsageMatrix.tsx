import { TableRegion } from "~/components/table-region";
import type { PublicUsageMatrix } from "~/server/public/inquiries.server";

/**
 * Which organisation uses which tool, as the "X" table of the answer. Tool headers are set vertically by CSS
 * to keep the table narrow, but the full label stays in the markup.
 */
export function UsageMatrix({ matrix }: { matrix: PublicUsageMatrix }) {
  const footnoteId = `matrix-fn-${matrix.rows[0]?.id ?? "x"}`;
  return (
    <>
      {/* The caption leaves out the inventory title: the inventory table's caption is the one that names it. */}
      <TableRegion
        className="usage-matrix"
        caption={
          <>
            {matrix.columnHeading} je {matrix.rowHeading}
          </>
        }
      >
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="usage-matrix__corner">
              {matrix.rowHeading}
            </th>
            <th scope="colgroup" colSpan={matrix.columns.length}>
              {matrix.columnHeading}
            </th>
          </tr>
          <tr>
            {matrix.columns.map((column) => (
              <th key={column.id} scope="col" className="usage-matrix__tool">
                <span className="usage-matrix__tool-label">{column.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {matrix.columns.map((column) => (
                <td key={column.id} className="usage-matrix__cell">
                  {row.usedColumnIds.includes(column.id) ? (
                    <>
                      <span aria-hidden="true">X</span>
                      <span className="visually-hidden">genutzt</span>
                    </>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {matrix.footnote ? (
        <p id={footnoteId} className="footnote">
          {matrix.footnoteMark ? `${matrix.footnoteMark} ` : null}
          {matrix.footnote}
        </p>
      ) : null}
    </>
  );
}
