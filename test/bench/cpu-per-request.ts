/**
 * CPU milliseconds and statements per request of a few pages (ADR 0022's method): the built app on a database,
 * N sequential-ish requests from 4 parallel fetch loops, CPU from /proc/<pid>/stat, X-Statement-Count once.
 * Usage: tsx test/bench/cpu-per-request.ts --pglite <dir> | --url <postgres url>  [--n 200]
 */
import { signIn, startApp, waitUntilIdle, type DatabaseTarget } from "./app-process";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target: DatabaseTarget = arg("--url")
  ? { kind: "postgres", url: arg("--url")! }
  : { kind: "pglite", dir: arg("--pglite") ?? "/tmp/perf2/pglite" };
const n = Number(arg("--n") ?? 200);

const app = await startApp(target);
await waitUntilIdle(app, { timeoutMs: 300_000 });
try {
  const office = await signIn(app.base, "ratsbuero@norderstedt.quaestio.example");
  const faction = await signIn(app.base, "fraktion@norderstedt.quaestio.example");
  const pages: Array<[string, string, string | undefined]> = [
    ["Dashboard Ratsbüro", "/arbeitsbereich", office],
    ["Dashboard Fraktion", "/arbeitsbereich", faction],
    ["Antwort, ungecacht", "/landtag-nrw/anfragen/17-9511?ungecacht", undefined],
  ];
  for (const [label, path, cookie] of pages) {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const first = await fetch(app.base + path, { headers });
    const body = await first.arrayBuffer();
    const statements = first.headers.get("x-statement-count");
    for (let i = 0; i < 20; i += 1) await (await fetch(app.base + path, { headers })).arrayBuffer();
    const before = app.cpuMs()!;
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < n) {
          next += 1;
          await (await fetch(app.base + path, { headers })).arrayBuffer();
        }
      }),
    );
    const cpu = (app.cpuMs()! - before) / n;
    console.log(
      `${label}: status ${first.status}, ${(body.byteLength / 1024).toFixed(1)} kB, ${statements} statements, ${cpu.toFixed(2)} ms CPU/request`,
    );
  }
} finally {
  await app.stop();
}
