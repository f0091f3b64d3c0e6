/** The pure parts of `npm run bench`: statistics, /proc parsing, and the corpus text generator. */
import { describe, expect, it } from "vitest";
import { CLOSED_INQUIRY_WEIGHTS, inquiryText, pickStatus, Random, richText, splitCount } from "../bench/corpus-text";
import { rssAtRestHow, type TargetResult } from "../bench/results";
import {
  latencySummary,
  markdownTable,
  median,
  oneClientDone,
  percentile,
  procStatusKb,
  ratioPercent,
  rssSettled,
} from "../bench/stats";

describe("bench statistics", () => {
  it("takes the median of odd and even sample counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile(samples, 0)).toBe(1);
    expect(() => percentile(samples, 101)).toThrow(RangeError);
  });

  it("expresses throughput as a share of the plain server", () => {
    expect(ratioPercent(50, 10_000)).toBeCloseTo(0.5);
    expect(ratioPercent(5, 0)).toBeNaN();
  });

  it("finds RSS settled only when it has not fallen for the last 30 s", () => {
    const readings = (...mb: number[]) => mb.map((value, i) => ({ atMs: i * 5_000, kb: value * 1024 }));
    // Still falling (V8 gives its heap back): not settled.
    expect(rssSettled(readings(340, 330, 320, 310, 300, 290, 280, 270))).toBe(false);
    // Flat for 30 s after the fall (noise within 1 MB, or rising a little): settled.
    expect(rssSettled(readings(340, 300, 260, 260, 259.5, 261, 260, 262, 260))).toBe(true);
    // A fall inside the last 30 s: not yet.
    expect(rssSettled(readings(300, 300, 300, 300, 300, 300, 300, 250))).toBe(false);
    // Readings spanning less than 30 s: too early to say.
    expect(rssSettled(readings(300, 300, 300))).toBe(false);
    expect(rssSettled([])).toBe(false);
  });

  it("reads VmRSS and VmHWM from /proc/<pid>/status", () => {
    const status = "Name:\tnode\nVmHWM:\t  812345 kB\nVmRSS:\t  401234 kB\n";
    expect(procStatusKb(status, "VmRSS")).toBe(401234);
    expect(procStatusKb(status, "VmHWM")).toBe(812345);
    expect(procStatusKb("Name:\tnode\n", "VmRSS")).toBeNull();
  });

  it("shows a page that answered 404 as not present", () => {
    const table = markdownTable([
      {
        name: "Statistik",
        path: "/x/statistik",
        status: 404,
        present: false,
        bytes: 0,
        statements: null,
        appRps: null,
        plainRps: null,
        ratioPercent: null,
        p50: null,
        p99: null,
        non2xx: null,
      },
      {
        name: "Start",
        path: "/",
        status: 200,
        present: true,
        bytes: 2048,
        statements: 3,
        appRps: 75.5,
        plainRps: 10_000,
        ratioPercent: 0.755,
        p50: 120,
        p97_5: 200,
        p99: 250,
        firstMs: 310,
        non2xx: 0,
      },
    ]);
    expect(table).toContain("| Statistik `/x/statistik` | 404 | not present |");
    // A result from before the 1-client phase: its column shows "–".
    expect(table).toContain("| Start `/` | 200 | 75.5 | 10000 | 0.76 % | 310 | 120 / 200 / 250 | – | 3 | 2.0 |  |");
  });

  it("labels both latencies and shows one client's p50 / p95 beside the loaded ones", () => {
    const table = markdownTable(
      [
        {
          name: "Suche (kalt)",
          path: "/suche?q=x&kalt=1",
          status: 200,
          present: true,
          bytes: 1024,
          statements: 2,
          appRps: 100,
          plainRps: 10_000,
          ratioPercent: 1,
          p50: 93,
          p97_5: 154,
          p99: 178,
          firstMs: 34,
          non2xx: 0,
          oneClient: { samples: 120, seconds: 3.1, p50: 9.04, p95: 23.6, max: 80.2, unexpectedStatus: 0, failed: 0 },
        },
      ],
      10,
    );
    expect(table.split("\n")[0]).toBe(
      "| page | status | app req/s | plain req/s | % of plain | first ms | 10 connections p50 / p97.5 / p99 ms | 1 client p50 / p95 ms | statements | kB | note |",
    );
    // Under 10 ms with one decimal (cached pages answer in 1–2 ms), whole milliseconds above.
    expect(table).toContain("| 93 / 154 / 178 | 9.0 / 24 | 2 | 1.0 |");
    expect(markdownTable([], 4).split("\n")[0]).toContain("| 4 connections p50 / p97.5 / p99 ms |");
  });
});

describe("bench: one client's wait", () => {
  it("summarises client-timed samples with exact nearest-rank p50 and p95 and the maximum", () => {
    // 1 … 100 ms shuffled: p50 is the 50th, p95 the 95th of the sorted samples.
    const samples = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    expect(latencySummary(samples, 3.2, { unexpectedStatus: 2, failed: 1 })).toEqual({
      samples: 100,
      seconds: 3.2,
      p50: 50,
      p95: 95,
      max: 100,
      unexpectedStatus: 2,
      failed: 1,
    });
    // 20 samples: p95 is the 19th, not the maximum; p50 the 10th.
    const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(latencySummary(twenty, 1)).toMatchObject({ p50: 100, p95: 190, max: 200, unexpectedStatus: 0, failed: 0 });
    // One slow outlier among fast answers moves the maximum, not p95.
    const outlier = [...Array.from({ length: 99 }, () => 2), 900];
    expect(latencySummary(outlier, 1)).toMatchObject({ p50: 2, p95: 2, max: 900 });
    expect(latencySummary([], 0)).toBeNull();
  });

  it("runs until both the request count and the seconds are reached, or the bound", () => {
    const limits = { minRequests: 100, minSeconds: 3, maxSeconds: 60 };
    expect(oneClientDone(99, 10_000, limits)).toBe(false); // fast page: 3 s passed, not yet 100 requests
    expect(oneClientDone(100, 2_999, limits)).toBe(false); // 100 requests, not yet 3 s
    expect(oneClientDone(100, 3_000, limits)).toBe(true);
    expect(oneClientDone(40, 60_000, limits)).toBe(true); // slow page: the bound ends it
    expect(oneClientDone(0, 60_000, limits)).toBe(false); // but not before one answer
  });
});

describe("bench corpus text", () => {
  it("is the same for the same seed and differs for another", () => {
    const a = inquiryText(new Random(7), 2020, 4);
    const b = inquiryText(new Random(7), 2020, 4);
    const c = inquiryText(new Random(8), 2020, 4);
    expect([a.title, a.preamble, a.questions]).toEqual([b.title, b.preamble, b.questions]);
    expect([a.title, a.questions]).not.toEqual([c.title, c.questions]);
    expect(a.questions).toHaveLength(4);
    expect(a.title.length).toBeGreaterThan(0);
    expect(a.title.length).toBeLessThanOrEqual(500);
  });

  it("produces random UUIDs in the version-4 format", () => {
    const random = new Random(1);
    const ids = Array.from({ length: 1000 }, () => random.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("picks closed statuses in the configured proportions", () => {
    const random = new Random(42);
    const counts: Record<string, number> = {};
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const status = pickStatus(random, "inquiry", false);
      counts[status] = (counts[status] ?? 0) + 1;
    }
    const total = Object.values(CLOSED_INQUIRY_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const [status, weight] of Object.entries(CLOSED_INQUIRY_WEIGHTS)) {
      expect(counts[status]! / n).toBeCloseTo(weight / total, 1);
    }
    expect(Object.keys(counts).sort()).toEqual(Object.keys(CLOSED_INQUIRY_WEIGHTS).sort());
  });

  it("splits N by shares into whole numbers that add up to N", () => {
    const counts = splitCount(100_001, [0.45, 0.225, 0.2, 0.125]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100_001);
    expect(counts[1]).toBe(22_500);
  });

  it("stores rich text as Tiptap JSON, escaped HTML and plain text", () => {
    const rt = richText("Erster <Absatz> & mehr\n\nZweiter");
    expect(JSON.parse(rt.json)).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Erster <Absatz> & mehr" }] },
        { type: "paragraph", content: [{ type: "text", text: "Zweiter" }] },
      ],
    });
    expect(rt.html).toBe("<p>Erster &lt;Absatz&gt; &amp; mehr</p><p>Zweiter</p>");
  });
});

describe("bench results: how RSS at rest was read", () => {
  const result = (fields: Partial<TargetResult>) => ({ target: "pglite", ...fields }) as TargetResult;

  it("says when and how, and nothing for results from before the settled reading", () => {
    expect(rssAtRestHow(result({}))).toBe("");
    expect(rssAtRestHow(result({ rssAtRestSeconds: 164, rssAtRestSettled: true, outboxDrainSeconds: 210 }))).toBe(
      " (read 164 s after the start, idle, the outbox empty, once it had not fallen for 30 s, read every 5 s)",
    );
    const bounded = rssAtRestHow(result({ rssAtRestSeconds: 400, rssAtRestSettled: false, outboxDrainSeconds: null }));
    expect(bounded).toMatch(/outbox still delivering/);
    expect(bounded).toMatch(/still falling/);
  });
});
