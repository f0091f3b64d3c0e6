/**
 * CPU milliseconds and statements per request of a few pages (ADR 0022's method): the built app on a database,
 * N sequential-ish requests from 4 parallel fetch loops, CPU from /proc/<pid>/stat, X-Statement-Count once.
 * With --url, also the CPU of the PostgreSQL backends serving the app (/proc/<pid>/schedstat of every session
 * of that database; the database must be the app's alone). --pages search: the search shapes of the bench,
 * cached and "kalt" (ADR 0023 addendum) instead of the dashboards.
 * --port: listen there instead of a free port the system picks; --cpu-prof <dir>: run the app under node's profiler.
 * Usage: tsx test/bench/cpu-per-request.ts --pglite <dir> | --url <postgres url>  [--n 200] [--pages search]
 *        [--port N] [--cpu-prof <dir>] [--paths "/werkzeuge/zoom?kalt=1;/landtag-nrw/statistik?kalt=1"]
 */
import fs from "node:fs";
import postgres from "postgres";
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
const searchPages = arg("--pages") === "search";
/** --paths "/a;/b?x=1": these public pages instead (no sign-in), each as it is. */
const publicPaths = arg("--paths")?.split(";").filter(Boolean);

/** CPU milliseconds of the PostgreSQL sessions of the app's database so far (0 for PGlite). */
const monitor = target.kind === "postgres" ? postgres(target.url, { max: 1, onnotice: () => {} }) : null;
async function databaseCpuMs(): Promise<number> {
  if (!monitor) return 0;
  const rows = await monitor<{ pid: number }[]>`select pid from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`;
  let ns = 0;
  for (const { pid } of rows) {
    try {
      ns += Number(fs.readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A session that ended meanwhile.
    }
  }
  return ns / 1e6;
}

const port = arg("--port");
const profileDir = arg("--cpu-prof");
const app = await startApp(
  target,
  port ? { PORT: port } : {},
  profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [],
);
await waitUntilIdle(app, { timeoutMs: 300_000 });
try {
  // The search pages are public: no sign-in (which the sign-in rate limit may refuse on repeated runs).
  const signedIn = !searchPages && !publicPaths;
  const office = !signedIn ? undefined : await signIn(app.base, "ratsbuero@norderstedt.quaestio.example");
  const faction = !signedIn ? undefined : await signIn(app.base, "fraktion@norderstedt.quaestio.example");
  const search = [
    "/suche?q=Videokonferenz",
    "/suche?q=Datenschutz",
    "/suche?q=Datenschutz&koerperschaft=norderstedt&sortierung=datum",
    "/suche?q=Datenschutz&seite=20",
  ];
  const pages: Array<[string, string, string | undefined]> = publicPaths
    ? publicPaths.map((path): [string, string, undefined] => [path, path, undefined])
    : searchPages
      ? search.flatMap((path): Array<[string, string, string | undefined]> => [
          [`${path} (kalt)`, `${path}&kalt=1`, undefined],
          [path, path, undefined],
        ])
      : [
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
    const databaseBefore = await databaseCpuMs();
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
    const databaseCpu = ((await databaseCpuMs()) - databaseBefore) / n;
    const database = monitor ? ` + PostgreSQL ${databaseCpu.toFixed(2)} ms` : "";
    console.log(
      `${label}: status ${first.status}, ${(body.byteLength / 1024).toFixed(1)} kB, ${statements} statements, ${cpu.toFixed(2)} ms CPU/request${database}`,
    );
  }
} finally {
  await app.stop();
  await monitor?.end();
}
