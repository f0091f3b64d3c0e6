import { useId } from "react";
import { barChartLayout, type BarInput } from "~/domain/charts";
import { formatNumber } from "~/domain/format";

/**
 * A horizontal bar chart drawn on the server as SVG: `role="img"` with a `<title>` and `<desc>`; the page shows
 * the same numbers as a table next to it, so nothing is only in the picture.
 */
export function BarChart({ title, description, bars }: { title: string; description: string; bars: BarInput[] }) {
  const id = useId();
  const layout = barChartLayout(bars);
  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {layout.bars.map((bar, index) => (
          <g key={index}>
            <text x={0} y={bar.labelY} className="chart__label">
              {bar.label}
            </text>
            <rect x={0} y={bar.barY} width={bar.barWidth} height={layout.barHeight} className="chart__bar" />
            <text x={bar.valueX} y={bar.barY + layout.barHeight - 4} className="chart__value">
              {formatNumber(bar.value)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
