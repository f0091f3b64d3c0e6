import { describe, expect, it } from "vitest";
import { percentileCont } from "../../app/domain/histogram";

/** percentile_cont over the expanded values, the definition the histogram must agree with. */
function reference(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

describe("percentileCont of a histogram", () => {
  it("gives median 20 and 90 % value 28 for 10, 20, 30 (as percentile_cont)", () => {
    const bins = [
      { value: 30, count: 1 },
      { value: 10, count: 1 },
      { value: 20, count: 1 },
    ];
    expect(percentileCont(bins, 0.5)).toBe(20);
    expect(percentileCont(bins, 0.9)).toBeCloseTo(28);
  });

  it("is null without values and ignores empty bins", () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([{ value: 5, count: 0 }], 0.5)).toBeNull();
    expect(
      percentileCont(
        [
          { value: 5, count: 0 },
          { value: 7, count: 2 },
        ],
        0.9,
      ),
    ).toBe(7);
  });

  it("agrees with percentile_cont over the expanded values, also for unmerged and negative bins", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const bins = Array.from({ length: 1 + Math.floor(random() * 12) }, () => ({
        value: Math.floor(random() * 120) - 10,
        count: Math.floor(random() * 5),
      }));
      const values = bins.flatMap((bin) => Array.from({ length: bin.count }, () => bin.value));
      for (const fraction of [0, 0.1, 0.5, 0.9, 1]) {
        const expected = reference(values, fraction);
        if (expected === null) expect(percentileCont(bins, fraction)).toBeNull();
        else expect(percentileCont(bins, fraction)).toBeCloseTo(expected, 9);
      }
    }
  });

  it("refuses a fraction outside 0–1", () => {
    expect(() => percentileCont([{ value: 1, count: 1 }], 1.5)).toThrow(RangeError);
  });
});
