import { useId } from "react";
import { barChartLayout, type BarChartLayout, type BarInput } from "~/domain/charts";
import { formatNumber } from "~/domain/format";

/** Text and attribute values escaped as React escapes them, so the markup is the same as React's own. */
const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * The inside of the chart's <svg> as one string. A tool page draws 50 bars (200 elements): built as text they
 * cost a fraction of what React spends on creating and rendering as many elements, on the server and when the
 * page hydrates. The markup is what React rendered from the same elements before, byte for byte
 * (test/unit/bar-chart.test.ts).
 */
function chartMarkup(id: string, title: string, description: string, layout: BarChartLayout): string {
  let markup = `<title id="${escape(id)}-title">${escape(title)}</title><desc id="${escape(id)}-desc">${escape(description)}</desc>`;
  for (const bar of layout.bars) {
    markup +=
      `<g><text x="0" y="${bar.labelY}" class="chart__label">${escape(bar.label)}</text>` +
      `<rect x="0" y="${bar.barY}" width="${bar.barWidth}" height="${layout.barHeight}" class="chart__bar"></rect>` +
      `<text x="${bar.valueX}" y="${bar.barY + layout.barHeight - 4}" class="chart__value">${escape(formatNumber(bar.value))}</text></g>`;
  }
  return markup;
}

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
        dangerouslySetInnerHTML={{ __html: chartMarkup(id, title, description, layout) }}
      />
    </figure>
  );
}
