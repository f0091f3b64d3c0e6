/**
 * Result files of `npm run bench`: bench/results/latest.md from the newest JSON of each target, and the same
 * tables in README.md between the markers <!-- bench:latest --> and <!-- /bench:latest -->.
 *   tsx test/bench/results.ts   rewrites both from the JSON files already there
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import type { CorpusResult } from "./corpus";
import { markdownTable, type PageResult } from "./stats";
import { targetsMarkdown } from "./targets";

const root = path.resolve(import.meta.dirname, "../..");

export interface TargetResult {
  target: string;
  date: string;
  commit: string;
  settings: {
    n: number;
    duration: number;
    repeats: number;
    connections: number;
    pgliteDir: string;
    seed: number;
    pages: string[] | null;
    /** The 1-client phase's bounds (results before it: absent). */
    oneClient?: { minRequests: number; minSeconds: number; maxSeconds: number };
  };
  machine: { cpus: number; loadAverageAtStart: number[] };
  startEmptyMs: number;
  startExistingMs: number;
  /** Seconds until the app was at rest after the start on the corpus (background work); pages measured after. */
  settleSeconds?: number;
  rssAtRestMb: number | null;
  /** Seconds from the app's spawn to the RSS-at-rest reading (older results: absent, read once right after rest). */
  rssAtRestSeconds?: number;
  /** Whether RSS had stopped falling when read (app-process.ts readRssAtRest); false: the wait's bound ended it. */
  rssAtRestSettled?: boolean;
  /** Seconds waited after rest for the outbox to deliver the first scan's mails; null: still not empty after 10 min. */
  outboxDrainSeconds?: number | null;
  rssPeakMb: number | null;
  corpus: CorpusResult;
  pages: PageResult[];
}

export function targetMarkdown(result: TargetResult): string {
  const c = result.corpus;
  return [
    `### ${result.target === "pglite" ? "PGlite (embedded)" : "PostgreSQL server"} — ${c.n.toLocaleString("en")} inquiries, ${result.date.slice(0, 16).replace("T", " ")} UTC, commit ${result.commit}`,
    "",
    `autocannon ${result.settings.connections} connections × ${result.settings.duration} s, median of ${result.settings.repeats}${oneClientHow(result)}; load average at start ${result.machine.loadAverageAtStart.map((l) => l.toFixed(1)).join(" / ")} on ${result.machine.cpus} CPUs.`,
    "",
    markdownTable(result.pages, result.settings.connections),
    "",
    `- Start to first 200: empty database (migrate + seed) ${(result.startEmptyMs / 1000).toFixed(1)} s; existing database with the corpus ${(result.startExistingMs / 1000).toFixed(1)} s${result.settleSeconds === undefined ? "" : `; background work after that start (first deadline scan over the corpus, outbox) settled after ${result.settleSeconds} s, pages and RSS at rest measured after it`}`,
    `- RSS: at rest ${result.rssAtRestMb ?? "–"} MB${rssAtRestHow(result)}, peak (VmHWM) ${result.rssPeakMb ?? "–"} MB`,
    corpusLine(result),
    "",
  ].join("\n");
}

/** How the 1-client phase ran (results from before it: nothing). */
export function oneClientHow(result: TargetResult): string {
  const bounds = result.settings.oneClient;
  if (!bounds) return "";
  return `; then 1 client, one request at a time, at least ${bounds.minRequests} requests and ${bounds.minSeconds} s (at most ${bounds.maxSeconds} s) per page on the idle app`;
}

/** When and how RSS at rest was read (results before the reading waited for RSS to settle: nothing). */
export function rssAtRestHow(result: TargetResult): string {
  if (result.rssAtRestSeconds === undefined) return "";
  const outbox =
    result.outboxDrainSeconds === null
      ? "the outbox still delivering the first scan's mails after 10 min"
      : "the outbox empty";
  const when =
    result.rssAtRestSettled === false
      ? "while still falling: the 180 s bound of the wait ended it"
      : "once it had not fallen for 30 s, read every 5 s";
  return ` (read ${result.rssAtRestSeconds} s after the start, idle, ${outbox}, ${when})`;
}

/** How the corpus got there: the load's rate, or the kept corpus copied (no load in this run, no rate). */
export function corpusLine(result: TargetResult): string {
  const c = result.corpus;
  if (c.reused) {
    return `- Corpus: ${c.rows.toLocaleString("en")} rows, not loaded in this run but copied from the kept corpus ${c.reused.from} (BENCH_PGLITE_CORPUS_DIR, loaded ${c.reused.createdAt.slice(0, 16).replace("T", " ")} UTC)`;
  }
  return `- Corpus bulk load: ${c.rows.toLocaleString("en")} rows in ${c.seconds.toFixed(0)} s = **${Math.round(c.rowsPerSecond).toLocaleString("en")} rows/s** (${result.target === "postgres" ? "COPY FROM STDIN, 3 streams" : "COPY FROM /dev/blob"}; GIN indexes and the statistics summary rebuilt after the load, included); demo seed ${c.seedSeconds.toFixed(1)} s, VACUUM (ANALYZE) ${c.analyzeSeconds.toFixed(1)} s`;
}

/** The paragraph above the tables: what each column means, the two latencies above all. */
export const LATENCY_EXPLAINED =
  'Throughput is compared with a plain `node:http` server sending the same bytes in the same run. The page\'s latency is given twice. "10 connections p50 / p97.5 / p99" is autocannon\'s, measured during the throughput run: 10 closed-loop connections keep the single-threaded server saturated, so it is mostly queueing (p50 ≈ 10 / throughput) — the latency under saturation, not one request\'s time; autocannon has no p95, and p97.5 under a target means p95 is under it too. "1 client p50 / p95" is one user\'s wait on an otherwise idle server: after the throughput run, once the app is idle, one client sends the same request (same headers) one at a time, each timed on the client to the last byte of the body; p50 and p95 are exact, from all the sorted samples (the JSON also has the maximum and the number of requests). "first ms" is the first request after the start, an uncached render; a page marked "(kalt)" carries an unknown query parameter so that the page cache never answers it (every request renders); statements are counted per request with `QUAESTIO_COUNT_STATEMENTS=1`. A page that answers 404 (not built yet) is shown as not present. The targets of issues 13 and 14 follow the tables, evaluated from these figures for both readings. Before/after: `before-d02fe8b.md`.';

/**
 * The newest full run of a target in `outDir`, by its recorded date. Full runs only (`2026-12-04-postgres.json`,
 * `2026-12-03-0-postgres.json`): a partial run kept under another name (`…-stop20-changed-pages-pglite.json`) must
 * not stand in for the whole table.
 */
export function newestFullRun(outDir: string, kind: string): TargetResult | undefined {
  const full = new RegExp(`^\\d{4}-\\d{2}-\\d{2}(-\\d+)?-${kind}\\.json$`);
  return fs
    .readdirSync(outDir)
    .filter((f) => full.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(outDir, f), "utf8")) as TargetResult)
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
    .at(-1);
}

/** The newest result of each target: this run's, or an earlier run's for a target not run now. */
export async function writeLatest(outDir: string, results: TargetResult[] = []) {
  const latest = ["postgres", "pglite"].flatMap((kind) => {
    const mine = results.find((r) => r.target === kind);
    if (mine) return [mine];
    const newest = newestFullRun(outDir, kind);
    return newest ? [newest] : [];
  });
  const tables = latest.map(targetMarkdown).join("\n");
  const targets = targetsMarkdown(latest);
  fs.writeFileSync(
    path.join(outDir, "latest.md"),
    [
      "# Benchmark — latest results",
      "",
      `Written by \`npm run bench\` (test/bench/bench.ts), the newest run of each target. ${LATENCY_EXPLAINED}`,
      "",
      tables,
      targets,
    ].join("\n"),
  );
  const readme = path.join(root, "README.md");
  const text = fs.readFileSync(readme, "utf8");
  const start = "<!-- bench:latest -->";
  const end = "<!-- /bench:latest -->";
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    const shifted = `${tables}\n\n${targets}`.replace(/^(##+) /gm, "$1# ");
    // Formatted as `npm run lint` expects (prettier aligns the table columns).
    const updated = `${text.slice(0, from + start.length)}\n\n${shifted}\n${text.slice(to)}`;
    const options = (await prettier.resolveConfig(readme)) ?? {};
    fs.writeFileSync(readme, await prettier.format(updated, { ...options, filepath: readme }));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeLatest(path.join(root, "bench/results"));
}
