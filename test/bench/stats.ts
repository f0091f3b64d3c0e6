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

/**
 * One client's wait: every request of the 1-connection phase timed on the client (sent to the whole body read),
 * summarised exactly from the sorted samples (nearest rank, no histogram buckets).
 */
export interface LatencySummary {
  /** Requests timed. */
  samples: number;
  /** Seconds the phase took (requests back to back, one at a time). */
  seconds: number;
  p50: number;
  p95: number;
  max: number;
  /** Answers whose status was not the page's expected one (they are timed and counted in the figures too). */
  unexpectedStatus: number;
  /** Requests that got no answer (connection error, timeout): not timed; the phase stops after a few. */
  failed: number;
}

/** p50, p95 and the maximum of a run of client-timed requests (milliseconds); null for no samples. */
export function latencySummary(
  samplesMs: readonly number[],
  seconds: number,
  counts: { unexpectedStatus?: number; failed?: number } = {},
): LatencySummary | null {
  if (samplesMs.length === 0) return null;
  return {
    samples: samplesMs.length,
    seconds,
    p50: percentile(samplesMs, 50),
    p95: percentile(samplesMs, 95),
    max: samplesMs.reduce((a, b) => Math.max(a, b)),
    unexpectedStatus: counts.unexpectedStatus ?? 0,
    failed: counts.failed ?? 0,
  };
}

/**
 * Whether the 1-client phase is done: at least `minRequests` and `minSeconds`, or `maxSeconds` reached (a page that
 * answers in 300 ms would otherwise take 30 s for 100 requests; the cap bounds it, the sample count is reported).
 */
export function oneClientDone(
  requests: number,
  elapsedMs: number,
  limits: { minRequests: number; minSeconds: number; maxSeconds: number },
): boolean {
  if (elapsedMs >= limits.maxSeconds * 1000) return requests > 0;
  return requests >= limits.minRequests && elapsedMs >= limits.minSeconds * 1000;
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
  /**
   * The same page requested by one client, one request at a time, on an otherwise idle server: what one user
   * waits (issues 13 and 14's latency targets read per request). Absent in results before it was measured.
   */
  oneClient?: LatencySummary | null;
  note?: string;
}

const number = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits);

/** Milliseconds of a client-timed request: one decimal below 10 ms (cached pages answer in 1–2 ms), whole above. */
export const clientMs = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0);

/**
 * One Markdown row per page: req/s (share of plain) · first request ms · latency under 10 connections
 * (p50/p97.5/p99, autocannon) · one client's wait (p50/p95) · statements · size.
 */
export function markdownTable(pages: readonly PageResult[], connections = 10): string {
  const lines = [
    `| page | status | app req/s | plain req/s | % of plain | first ms | ${connections} connections p50 / p97.5 / p99 ms | 1 client p50 / p95 ms | statements | kB | note |`,
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const p of pages) {
    if (!p.present) {
      lines.push(`| ${p.name} \`${p.path}\` | ${p.status} | ${p.note ?? "not present"} | | | | | | | | |`);
      continue;
    }
    const oneClient = p.oneClient ? `${clientMs(p.oneClient.p50)} / ${clientMs(p.oneClient.p95)}` : "–";
    const ratio =
      p.ratioPercent === null ? "–" : `${p.ratioPercent < 1 ? p.ratioPercent.toFixed(2) : p.ratioPercent.toFixed(1)} %`;
    lines.push(
      `| ${p.name} \`${p.path}\` | ${p.status}${p.non2xx ? ` (${p.non2xx} non-2xx)` : ""} | ${number(p.appRps, 1)} | ${number(p.plainRps)} | ${ratio} | ${number(p.firstMs)} | ${number(p.p50)} / ${number(p.p97_5)} / ${number(p.p99)} | ${oneClient} | ${number(p.statements)} | ${number(p.bytes / 1024, 1)} | ${p.note ?? ""} |`,
    );
  }
  return lines.join("\n");
}
