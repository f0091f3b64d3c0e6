/**
 * CPU milliseconds, statements, bytes and sequential latency per request of the public archive-size pages of
 * issue 14 (statistics, tools, OParl lists, feeds), uncached: the built app on a database, N requests from
 * 4 parallel fetch loops, CPU from /proc/<pid>/stat (ADR 0022's method), then 30 requests one at a time for the
 * median wall time. `--only a,b` picks pages by a substring of their label; `--cpu-prof <dir>` writes V8 CPU
 * profiles of the app (node --cpu-prof) on its exit.
 * Usage: tsx test/bench/cpu-public-pages.ts --url <postgres url> | --pglite <dir>  [--n 100] [--only Statistik]
 */
import os from "node:os";
import { startApp, waitUntilIdle, type DatabaseTarget } from "./app-process";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target: DatabaseTarget = arg("--url")
  ? { kind: "postgres", url: arg("--url")! }
  : { kind: "pglite", dir: arg("--pglite") ?? "/tmp/perf2/pglite" };
const n = Number(arg("--n") ?? 100);
const only = arg("--only")?.split(",");
const profileDir = arg("--cpu-prof");

const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
// The "kalt" parameter keeps a page out of the page cache (bench.ts COLD_NOTE): every request renders.
const pages: Array<[string, string]> = [
  ["Statistik NRW (kalt)", "/landtag-nrw/statistik?kalt=1"],
  ["Statistik Norderstedt (kalt)", "/norderstedt/statistik?kalt=1"],
  ["Werkzeuge (kalt)", "/werkzeuge?kalt=1"],
  ["Werkzeug zoom (kalt)", "/werkzeuge/zoom?kalt=1"],
  ["OParl Papers", "/oparl/v1/body/landtag-nrw/paper"],
  ["OParl Papers modified_since", `/oparl/v1/body/landtag-nrw/paper?modified_since=${monthAgo}`],
  ["Atom-Feed alle", "/feeds/alle.atom"],
  ["Atom-Feed Norderstedt", "/feeds/norderstedt.atom"],
  // The search's bench shapes (ADR 0023 addendum); "kalt" keeps them out of both caches.
  ["Suche Videokonferenz (kalt)", "/suche?q=Videokonferenz&kalt=1"],
  ["Suche Datenschutz (kalt)", "/suche?q=Datenschutz&kalt=1"],
  ["Suche Facette und Datum (kalt)", "/suche?q=Datenschutz&koerperschaft=norderstedt&sortierung=datum&kalt=1"],
].filter(([label]) => !only || only.some((o) => label!.includes(o))) as Array<[string, string]>;

const app = await startApp(target, {}, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
await waitUntilIdle(app, { timeoutMs: 300_000 });
try {
  for (const [label, path] of pages) {
    const first = await fetch(app.base + path);
    const body = await first.arrayBuffer();
    const statements = first.headers.get("x-statement-count");
    for (let i = 0; i < 10; i += 1) await (await fetch(app.base + path)).arrayBuffer();
    const before = app.cpuMs()!;
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < n) {
          next += 1;
          await (await fetch(app.base + path)).arrayBuffer();
        }
      }),
    );
    const cpu = (app.cpuMs()! - before) / n;
    const times: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const at = performance.now();
      await (await fetch(app.base + path)).arrayBuffer();
      times.push(performance.now() - at);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label}: status ${first.status}, ${(body.byteLength / 1024).toFixed(1)} kB, ${statements} statements, ` +
        `${cpu.toFixed(2)} ms CPU/request, sequential p50 ${times[15]!.toFixed(1)} ms; load ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
    );
  }
} finally {
  await app.stop();
}
