/**
 * Layout of the horizontal bar charts the public pages draw as SVG on the server: pure geometry, so that the
 * component only renders and the numbers can be tested. Each bar has its label on a line above it, so that long
 * labels ("Cisco-WebEx (On-Premise), Landtag NRW, 07.07.2020") need no left margin and fit a phone.
 */
export interface BarInput {
  label: string;
  value: number;
}

export interface BarLayout extends BarInput {
  labelY: number;
  barY: number;
  barWidth: number;
  valueX: number;
}

export interface BarChartLayout {
  width: number;
  height: number;
  barHeight: number;
  bars: BarLayout[];
}

export const CHART_WIDTH = 400;
const ROW = 46;
const LABEL_LINE = 16;
const BAR_HEIGHT = 18;
/** Room right of the longest bar for its value ("52.413"). */
const VALUE_ROOM = 64;

export function barChartLayout(inputs: BarInput[], width = CHART_WIDTH): BarChartLayout {
  const max = Math.max(0, ...inputs.map((input) => input.value));
  const usable = width - VALUE_ROOM;
  const bars = inputs.map((input, index) => {
    const barWidth = max > 0 ? Math.max(input.value > 0 ? 1 : 0, (input.value / max) * usable) : 0;
    return {
      ...input,
      labelY: index * ROW + LABEL_LINE - 2,
      barY: index * ROW + LABEL_LINE + 4,
      barWidth: Math.round(barWidth * 10) / 10,
      valueX: Math.round((barWidth + 6) * 10) / 10,
    };
  });
  return { width, height: Math.max(ROW, inputs.length * ROW), barHeight: BAR_HEIGHT, bars };
}
