/** Issues 13 and 14's targets evaluated from bench results (test/bench/targets.ts): both latency readings. */
import { describe, expect, it } from "vitest";
import { PAGES } from "../bench/pages";
import type { TargetResult } from "../bench/results";
import type { PageResult } from "../bench/stats";
import {
  atLeast,
  atMost,
  below,
  figureRows,
  latencyRows,
  latencySummaryLines,
  TARGET_PAGE_NAMES,
  targetsMarkdown,
} from "../bench/targets";

/** A measured page: 10-connection p97.5 and, unless null, one client's p95. */
function page(name: string, p97_5: number | null, p95: number | null, fields: Partial<PageResult> = {}): PageResult {
  return {
    name,
    path: `/${name}`,
    status: 200,
    present: true,
    bytes: 1000,
    statements: 1,
    appRps: 100,
    plainRps: 10_000,
    ratioPercent: 1,
    p50: p97_5 === null ? null : p97_5 / 2,
    p97_5,
    p99: p97_5,
    non2xx: 0,
    oneClient:
      p95 === null
        ? null
        : { samples: 100, seconds: 3, p50: p95 / 2, p95, max: p95 * 2, unexpectedStatus: 0, failed: 0 },
    ...fields,
  };
}

function result(target: "postgres" | "pglite", pages: PageResult[], fields: Partial<TargetResult> = {}): TargetResult {
  return {
    target,
    date: "2026-12-04T22:00:00.000Z",
    commit: "abc",
    settings: { n: 100_000, duration: 10, repeats: 3, connections: 10, pgliteDir: "x", seed: 1, pages: null },
    machine: { cpus: 2, loadAverageAtStart: [1, 1, 1] },
    startEmptyMs: 2_000,
    startExistingMs: 700,
    rssAtRestMb: 125,
    rssPeakMb: 500,
    corpus: { n: 100_000, rows: 2_000_000, seconds: 50, rowsPerSecond: 40_000 } as TargetResult["corpus"],
    pages,
    ...fields,
  };
}

const UNCACHED_SEARCHES = [
  "Suche (kalt)",
  "Suche, häufiges Wort (kalt)",
  "Suche, Facette und Datum (kalt)",
  "Suche, Seite 20 (kalt)",
];

describe("bench targets", () => {
  it("reads only pages the bench measures (a renamed page would leave its target unmeasured)", () => {
    const names = PAGES.map((p) => p.name);
    for (const name of TARGET_PAGE_NAMES) expect(names).toContain(name);
    expect(TARGET_PAGE_NAMES).toEqual(expect.arrayContaining([...UNCACHED_SEARCHES, "Start", "Werkzeug (kalt)"]));
  });

  it("compares with the target's own bound: under, at most, at least", () => {
    expect(below(49.9, 50)).toBe("met");
    expect(below(50, 50)).toBe("not met");
    expect(below(null, 50)).toBe("not measured");
    expect(below(Number.NaN, 50)).toBe("not measured");
    expect(atMost(5, 5)).toBe("met");
    expect(atMost(5.1, 5)).toBe("not met");
    expect(atLeast(30, 30)).toBe("met");
    expect(atLeast(29.9, 30)).toBe("not met");
    expect(atLeast(undefined, 30)).toBe("not measured");
  });

  it("gives each latency target a verdict per reading: queueing under 10 connections, one user's wait", () => {
    const postgres = result("postgres", [
      page("Suche (kalt)", 154, 23),
      page("Suche, häufiges Wort (kalt)", 139, 48),
      page("Suche, Facette und Datum (kalt)", 177, 50), // 50 is not under 50
      page("Suche, Seite 20 (kalt)", 40, 12),
      page("Suche", 6, 1.2),
    ]);
    const rows = latencyRows([postgres]).filter((r) => r.database === "postgres" && r.what.startsWith("search"));
    const byPage = Object.fromEntries(rows.map((r) => [r.page, r]));
    expect(byPage["Suche (kalt)"]).toMatchObject({
      counts: true,
      limitMs: 50,
      tenConnections: { p97_5: 154, verdict: "not met" },
      oneClient: { p95: 23, samples: 100, verdict: "met" },
    });
    expect(byPage["Suche, Facette und Datum (kalt)"]!.oneClient.verdict).toBe("not met");
    expect(byPage["Suche, Seite 20 (kalt)"]!.tenConnections.verdict).toBe("met");
    // The cached search is reported, but does not decide the target.
    expect(byPage["Suche"]).toMatchObject({ counts: false, oneClient: { verdict: "met" } });
    // Not run (BENCH_PAGES) or not present: not measured, never met.
    expect(byPage["Suche (Ergebniscache)"]).toMatchObject({
      tenConnections: { p97_5: null, verdict: "not measured" },
      oneClient: { p95: null, verdict: "not measured" },
    });
    const summary = latencySummaryLines(latencyRows([postgres])).find((l) => l.includes("search p95 < 50 ms"))!;
    expect(summary).toBe(
      "- Issue 14, search p95 < 50 ms, PostgreSQL: 10 connections (p97.5) **not met** (met on 1 of 4 pages); 1 client (p95) **not met** (met on 3 of 4 pages)",
    );
  });

  it("says met only when every page that counts was measured and met it", () => {
    const fast = (names: string[]) => names.map((name) => page(name, 30, 10));
    const all = result("postgres", fast(UNCACHED_SEARCHES));
    const partial = result("postgres", fast(UNCACHED_SEARCHES.slice(0, 2)));
    const notPresent = result("postgres", [
      ...fast(UNCACHED_SEARCHES.slice(1)),
      page(UNCACHED_SEARCHES[0]!, 30, 10, { present: false }),
    ]);
    const line = (r: TargetResult) =>
      latencySummaryLines(latencyRows([r])).find((l) => l.includes("search p95 < 50 ms"))!;
    expect(line(all)).toContain("10 connections (p97.5) **met** (met on 4 of 4 pages); 1 client (p95) **met**");
    expect(line(partial)).toContain("**open** (met on 2 of 4 pages, 2 not measured)");
    expect(line(notPresent)).toContain("**open** (met on 3 of 4 pages, 1 not measured)");
    // Results from before the 1-client phase: that reading is not measured.
    const older = result("postgres", [page("Start", 5, null)]);
    expect(latencySummaryLines(latencyRows([older]))[0]).toBe(
      "- Issue 13, `/`, lists and dashboards p95 < 100 ms, PostgreSQL: 10 connections (p97.5) **open** (met on 1 of 5 pages, 4 not measured); 1 client (p95) not measured",
    );
  });

  it("uses PGlite's own bound (300 ms) for its lists and searches", () => {
    const pglite = result("pglite", [page("Liste", 280, 40), page("Suche (kalt)", 301, 120)]);
    const rows = latencyRows([pglite]);
    expect(rows.find((r) => r.database === "pglite" && r.page === "Liste")).toMatchObject({
      limitMs: 300,
      tenConnections: { verdict: "met" },
    });
    expect(rows.find((r) => r.database === "pglite" && r.page === "Suche (kalt)")).toMatchObject({
      limitMs: 300,
      tenConnections: { verdict: "not met" },
      oneClient: { verdict: "met" },
    });
    // Statistics and tool pages have a PostgreSQL target only.
    expect(rows.some((r) => r.database === "pglite" && r.page === "Statistik (kalt)")).toBe(false);
  });

  it("evaluates the other figures of issue 13 from the results", () => {
    const postgres = result("postgres", [
      page("Antwort (veröffentlicht)", 8, 2, { ratioPercent: 70.2 }),
      page("Antwort, ungecacht", 158, 30, { ratioPercent: 1.9 }),
    ]);
    const pglite = result("pglite", [], {
      startExistingMs: 5_200,
      startEmptyMs: 19_000,
      rssAtRestMb: 301,
      corpus: {
        n: 100_000,
        rows: 2_000_000,
        seconds: 10,
        rowsPerSecond: 1,
        reused: { from: "/kept", createdAt: "x" },
      } as TargetResult["corpus"],
    });
    const rows = figureRows([postgres, pglite]);
    const verdict = (database: string, what: string) =>
      rows.find((r) => r.database === database && r.what.startsWith(what));
    expect(verdict("postgres", "published answer, cached")).toMatchObject({ measured: "70.2 %", verdict: "met" });
    expect(verdict("postgres", "published answer, uncached")).toMatchObject({ measured: "1.9 %", verdict: "not met" });
    expect(verdict("postgres", "start on the existing")).toMatchObject({ measured: "0.7 s", verdict: "met" });
    expect(verdict("postgres", "bulk load")).toMatchObject({ measured: "40,000 rows/s", verdict: "met" });
    expect(verdict("pglite", "published answer, cached")).toMatchObject({ measured: "–", verdict: "not measured" });
    expect(verdict("pglite", "start on the existing")).toMatchObject({ measured: "5.2 s", verdict: "not met" });
    expect(verdict("pglite", "start on an empty")).toMatchObject({ measured: "19.0 s", verdict: "met" });
    expect(verdict("pglite", "RSS at rest")).toMatchObject({ measured: "301 MB", verdict: "not met" });
    // A kept corpus copied instead of loaded has no load rate; the bulk-load target is PostgreSQL's.
    expect(rows.some((r) => r.database === "pglite" && r.what.startsWith("bulk load"))).toBe(false);
    const reusedPostgres = figureRows([result("postgres", [], { corpus: pglite.corpus })]);
    expect(reusedPostgres.find((r) => r.what.startsWith("bulk load"))).toMatchObject({ verdict: "not measured" });
  });

  it("writes the section with both readings and marks a run below 100,000 inquiries", () => {
    const small = result("postgres", [page("Suche (kalt)", 154, 23)], {
      corpus: { n: 2_000, rows: 40_000, seconds: 2, rowsPerSecond: 20_000 } as TargetResult["corpus"],
    });
    const markdown = targetsMarkdown([small]);
    expect(markdown).toContain(
      "| 14 | search p95 < 50 ms | PostgreSQL | Suche (kalt) | 2,000 (target at 100,000) | 154 | not met | 23 | met |",
    );
    expect(markdown).toContain("| 14 | search p95 < 50 ms | PostgreSQL | Suche (for comparison) |");
    expect(markdown).toContain(
      "| 13 | bulk load ≥ 20,000 rows/s | PostgreSQL | 20,000 rows/s | 2,000 (target at 100,000) | met |",
    );
    expect(markdown).toMatch(/^## Targets/);
    expect(targetsMarkdown([small], "###")).toMatch(/^### Targets/);
  });
});
