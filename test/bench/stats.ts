/** Pure statistics and formatting for `npm run bench` (tested in test/unit/bench-stats.test.ts). */

/** The median of the samples (mean of the middle two for an even count); NaN for none. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0–100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** App throughput as a share of the plain server's, in per cent. */
export function ratioPercent(app: number, plain: number): number {
  return plain > 0 ? (app / plain) * 100 : Number.NaN;
}

/** Kilobytes from a /proc/<pid>/status line such as "VmRSS:   123456 kB"; null when absent. */
export function procStatusKb(status: string, field: "VmRSS" | "VmHWM"): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
  return match ? Number(match[1]) : null;
}

/** One RSS reading of the app process: milliseconds since an origin, kilobytes. */
export interface RssSample {
  atMs: number;
  kb: number;
}

/**
 * Whether RSS has stopped falling: the readings span more than `stableMs`, and none of the last `stableMs` is
 * lower than the lowest reading before them by more than `toleranceKb` (issue 13: V8 and the app give memory back
 * some time after the work that grew it, so a single early reading measures the last burst, not the rest).
 */
export function rssSettled(samples: readonly RssSample[], stableMs = 30_000, toleranceKb = 1024): boolean {
  const last = samples.at(-1);
  if (!last) return false;
  const windowStart = last.atMs - stableMs;
  const before = samples.filter((s) => s.atMs <= windowStart);
  const within = samples.filter((s) => s.atMs > windowStart);
  if (before.length === 0 || within.length === 0) return false;
  return Math.min(...within.map((s) => s.kb)) >= Math.min(...before.map((s) => s.kb)) - toleranceKb;
}

export interface PageResult {
  name: string;
  path: string;
  status: number;
  present: boolean;
  bytes: number;
  statements: number | null;
  appRps: number | null;
  plainRps: number | null;
  ratioPercent: number | null;
  p50: number | null;
  /** autocannon has no p95; p97.5 is its next percentile above, so p97.5 under a target means p95 is too. */
  p97_5?: number | null;
  p99: number | null;
  /** Milliseconds of the first request after the start (an uncached render: the page cache is still empty). */
  firstMs?: number | null;
  non2xx: number | null;
  note?: string;
}

const number = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits);

/** One Markdown row per page: req/s (share of plain) · first request ms · p50/p97.5/p99 ms · statements · size. */
export function markdownTable(pages: readonly PageResult[]): string {
  const lines = [
    "| page | status | app req/s | plain req/s | % of plain | first ms | p50 / p97.5 / p99 ms | statements | kB | note |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const p of pages) {
    if (!p.present) {
      lines.push(`| ${p.name} \`${p.path}\` | ${p.status} | ${p.note ?? "not present"} | | | | | | | |`);
      continue;
    }
    const ratio =
      p.ratioPercent === null ? "–" : `${p.ratioPercent < 1 ? p.ratioPercent.toFixed(2) : p.ratioPercent.toFixed(1)} %`;
    lines.push(
      `| ${p.name} \`${p.path}\` | ${p.status}${p.non2xx ? ` (${p.non2xx} non-2xx)` : ""} | ${number(p.appRps, 1)} | ${number(p.plainRps)} | ${ratio} | ${number(p.firstMs)} | ${number(p.p50)} / ${number(p.p97_5)} / ${number(p.p99)} | ${number(p.statements)} | ${number(p.bytes / 1024, 1)} | ${p.note ?? ""} |`,
    );
  }
  return lines.join("\n");
}
