/**
 * One autocannon run per dashboard (council office, faction) against the built app on a database, after the app
 * is at rest — the bench's dashboard rows without the rest of the bench (which drops its database).
 * Usage: tsx test/bench/dashboards-cannon.ts --url <postgres url> | --pglite <dir>  [--port N] [--duration 10]
 *        [--connections 10]
 */
import os from "node:os";
import autocannon from "autocannon";
import { signIn, startApp, waitUntilIdle, type DatabaseTarget } from "./app-process";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target: DatabaseTarget = arg("--url")
  ? { kind: "postgres", url: arg("--url")! }
  : { kind: "pglite", dir: arg("--pglite") ?? "/tmp/perf2/pglite" };
const duration = Number(arg("--duration") ?? 10);
const connections = Number(arg("--connections") ?? 10);
const port = arg("--port");

const app = await startApp(target, port ? { PORT: port } : {});
await waitUntilIdle(app, { timeoutMs: 300_000 });
try {
  const pages: Array<[string, string]> = [
    ["Dashboard Ratsbüro", await signIn(app.base, "ratsbuero@norderstedt.quaestio.example")],
    ["Dashboard Fraktion", await signIn(app.base, "fraktion@norderstedt.quaestio.example")],
  ];
  for (const [label, cookie] of pages) {
    const load = os.loadavg()[0]!.toFixed(1);
    const result = await autocannon({
      url: `${app.base}/arbeitsbereich`,
      connections,
      duration,
      headers: { cookie },
    });
    console.log(
      `${label}: ${result.requests.average.toFixed(1)} req/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors + result.timeouts} (load average ${load} at the start)`,
    );
  }
} finally {
  await app.stop();
}
