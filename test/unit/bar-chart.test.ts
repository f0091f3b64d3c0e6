/**
 * The bar chart's SVG is built as one string (BarChart.tsx); it must be the markup React renders from the same
 * elements — the chart as it was drawn before — escapes included, so the pages stay byte for byte the same.
 */
import { createElement as h, useId } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "../../app/components/charts/BarChart";
import { barChartLayout, type BarInput } from "../../app/domain/charts";
import { formatNumber } from "../../app/domain/format";

/** The chart as React elements (the component before it built its inside as a string). */
function ElementChart({ title, description, bars }: { title: string; description: string; bars: BarInput[] }) {
  const id = useId();
  const layout = barChartLayout(bars);
  return h(
    "figure",
    { className: "chart" },
    h(
      "svg",
      {
        className: "chart__svg",
        viewBox: `0 0 ${layout.width} ${layout.height}`,
        role: "img",
        "aria-labelledby": `${id}-title ${id}-desc`,
        preserveAspectRatio: "xMinYMin meet",
      },
      h("title", { id: `${id}-title` }, title),
      h("desc", { id: `${id}-desc` }, description),
      layout.bars.map((bar, index) =>
        h(
          "g",
          { key: index },
          h("text", { x: 0, y: bar.labelY, className: "chart__label" }, bar.label),
          h("rect", { x: 0, y: bar.barY, width: bar.barWidth, height: layout.barHeight, className: "chart__bar" }),
          h(
            "text",
            { x: bar.valueX, y: bar.barY + layout.barHeight - 4, className: "chart__value" },
            formatNumber(bar.value),
          ),
        ),
      ),
    ),
  );
}

describe("BarChart", () => {
  const cases: Array<{ name: string; title: string; description: string; bars: BarInput[] }> = [
    { name: "no bars", title: "Leer", description: "Keine Werte.", bars: [] },
    {
      name: "a tool page's bars",
      title: "Arbeitsplätze mit Zoom nach Antwort",
      description: "Balkendiagramm: Zahl der Arbeitsplätze. Dieselben Zahlen stehen in der Tabelle darunter.",
      bars: [
        { label: "20.01.2026, Landtag Nordrhein-Westfalen: Zoom (Public-Cloud)", value: 2522 },
        { label: "26.01.2026, Freie und Hansestadt Hamburg: Zoom", value: 0 },
        { label: "11.02.2026, Stadt Norderstedt: Zoom (On-Premise)", value: 52413 },
      ],
    },
    {
      name: "text that must be escaped",
      title: `Werkzeug <b>"A" & 'B'</b>`,
      description: `Median < 10 & > 2 "Tage" 'x'`,
      bars: [
        { label: `Amt <13> & "Fachbereich" 'IT'`, value: 12.5 },
        { label: "ohne Angabe", value: 3 },
      ],
    },
  ];
  it.each(cases)("draws the same markup as React's elements: $name", ({ title, description, bars }) => {
    expect(renderToStaticMarkup(h(BarChart, { title, description, bars }))).toBe(
      renderToStaticMarkup(h(ElementChart, { title, description, bars })),
    );
  });
});
