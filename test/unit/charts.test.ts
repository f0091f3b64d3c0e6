import { describe, expect, it } from "vitest";
import { barChartLayout, CHART_WIDTH } from "../../app/domain/charts";

describe("barChartLayout", () => {
  it.each([
    { values: [52413, 100], longest: 0 },
    { values: [3, 9, 6], longest: 1 },
  ])("scales bars to the largest value ($values)", ({ values, longest }) => {
    const layout = barChartLayout(values.map((value, i) => ({ label: `Zeile ${i}`, value })));
    const widths = layout.bars.map((bar) => bar.barWidth);
    expect(Math.max(...widths)).toBe(widths[longest]);
    expect(widths[longest]).toBeLessThan(CHART_WIDTH);
    for (const bar of layout.bars) expect(bar.valueX).toBeGreaterThan(bar.barWidth);
  });

  it("keeps a tiny non-zero value visible and a zero empty", () => {
    const layout = barChartLayout([
      { label: "a", value: 100000 },
      { label: "b", value: 1 },
      { label: "c", value: 0 },
    ]);
    expect(layout.bars[1]!.barWidth).toBeGreaterThanOrEqual(1);
    expect(layout.bars[2]!.barWidth).toBe(0);
  });

  it("stacks rows without overlap and sizes the drawing to them", () => {
    const layout = barChartLayout([
      { label: "a", value: 1 },
      { label: "b", value: 2 },
    ]);
    expect(layout.bars[1]!.labelY).toBeGreaterThan(layout.bars[0]!.barY + layout.barHeight);
    expect(layout.height).toBeGreaterThanOrEqual(layout.bars[1]!.barY + layout.barHeight);
  });

  it("draws nothing for no data and does not divide by zero", () => {
    expect(barChartLayout([]).bars).toEqual([]);
    expect(barChartLayout([{ label: "a", value: 0 }]).bars[0]!.barWidth).toBe(0);
  });
});
