/**
 * The published answer page alone (issue 13): CPU ms per request and statements of the cached and the uncached
 * page, and autocannon req/s against a plain node:http server sending the same bytes (uncompressed, as
 * autocannon asks without Accept-Encoding), alternately.
 * Usage: tsx test/bench/answer-page.ts --url <postgres url> [--n 400] [--duration 5] [--cpuprofile]
 */
import autocannon from "autocannon";
import os from "node:os";
import { capture, startApp, startPlainServer, waitUntilIdle, type CapturedPage } from "./app-process";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const n = Number(arg("--n") ?? 400);
const duration = Number(arg("--duration") ?? 5);
const PATHS = ["/landtag-nrw/anfragen/17-9511", "/landtag-nrw/anfragen/17-9511?ungecacht"];

const app = await startApp({ kind: "postgres", url: arg("--url")! });
await waitUntilIdle(app, { timeoutMs: 300_000, minWaitMs: 5_000 });
try {
  const captured = new Map<string, CapturedPage>();
  for (const path of PATHS) {
    const page = await capture(app.base, path);
    captured.set(path, page);
    for (let i = 0; i < 20; i += 1) await (await fetch(app.base + path)).arrayBuffer();
    const before = app.cpuMs()!;
    let next = 0;
    const count = path.includes("?") ? Math.min(n, 200) : n * 5;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < count) {
          next += 1;
          await (await fetch(app.base + path)).arrayBuffer();
        }
      }),
    );
    const cpu = (app.cpuMs()! - before) / count;
    console.log(
      `${path}: status ${page.status}, ${(page.body.length / 1024).toFixed(1)} kB, ${page.statements} statements, ${cpu.toFixed(3)} ms CPU/request (load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")})`,
    );
  }
  if (!args.includes("--no-cannon")) {
    const plain = await startPlainServer(captured, Number(process.env.BENCH_PLAIN_PORT ?? 0));
    try {
      for (const path of PATHS) {
        const run = async (base: string) =>
          (await autocannon({ url: base + path, connections: 10, duration })).requests.average;
        const appRps = await run(app.base);
        const plainRps = await run(plain.base);
        console.log(
          `${path}: app ${appRps.toFixed(1)} req/s, plain ${plainRps.toFixed(0)} req/s, ${((100 * appRps) / plainRps).toFixed(2)} % (load ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(" ")})`,
        );
      }
    } finally {
      await plain.stop();
    }
  }
} finally {
  await app.stop();
}
