/**
 * Before/after of one uncached page (issue 13), measured ALTERNATELY in the same minutes: the build of another
 * checkout (`--before`, e.g. a copy of the worktree at the commit before the change) and this checkout's build,
 * both on the same PostgreSQL database, each its own process. Per pair it measures both (the order alternates:
 * AB, BA, AB, …) — app CPU ms per request from /proc/<pid>/stat, the CPU of the database's PostgreSQL backends
 * per request (/proc/<pid>/schedstat; the database must be the two apps' alone), and the statements per request
 * (X-Statement-Count). First it compares the pages' HTML of both builds (nonces and request ids stripped) and
 * stops if they differ. Load average printed with every pair; no figure here is asserted anywhere.
 * Usage: tsx test/bench/render-ab.ts --url <postgres url> --before <checkout> [--path <path>]… [--pairs 6]
 *        [--n 150] [--ports 45101,45102] [--cpu-prof <dir>] [--compare-only]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { capture, root, startApp, waitUntilIdle, type AppProcess } from "./app-process";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const all = (name: string) => args.flatMap((value, i) => (args[i - 1] === name ? [value] : []));
const url = arg("--url")!;
const beforeRoot = path.resolve(arg("--before")!);
const paths = all("--path").length ? all("--path") : ["/landtag-nrw/anfragen/17-9511?ungecacht"];
const pairs = Number(arg("--pairs") ?? 6);
const n = Number(arg("--n") ?? 150);
const [portBefore, portAfter] = (arg("--ports") ?? "45101,45102").split(",");
const profileDir = arg("--cpu-prof");
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

const monitor = postgres(url, { max: 1, onnotice: () => {} });
async function databaseCpuMs(): Promise<number> {
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

/** The page without what differs per response: the CSP nonce and the request id. */
function normalise(html: string, requestId: string | null): string {
  let text = html.replace(/nonce="[^"]*"/g, 'nonce=""');
  if (requestId) text = text.split(requestId).join("REQUEST-ID");
  return text;
}

async function page(app: AppProcess, pathname: string) {
  const response = await fetch(app.base + pathname, { headers: { "accept-encoding": "identity" } });
  const html = await response.text();
  return { status: response.status, html: normalise(html, response.headers.get("x-request-id")) };
}

const nodeArgs = (label: string) => (profileDir ? ["--cpu-prof", "--cpu-prof-dir", path.join(profileDir, label)] : []);
const target = { kind: "postgres" as const, url };
const before = await startApp(target, { PORT: portBefore! }, nodeArgs("before"), beforeRoot);
const after = await startApp(target, { PORT: portAfter! }, nodeArgs("after"), root);
try {
  await Promise.all([waitUntilIdle(before, { timeoutMs: 300_000 }), waitUntilIdle(after, { timeoutMs: 300_000 })]);
  let differ = false;
  for (const pathname of paths) {
    const [a, b] = [await page(before, pathname), await page(after, pathname)];
    const same = a.status === b.status && a.html === b.html;
    console.log(`${pathname}: HTML ${same ? "identical" : "DIFFERENT"} (${a.status}, ${a.html.length} characters)`);
    if (!same) {
      differ = true;
      const file = (label: string) => path.join(os.tmpdir(), `render-ab-${label}.html`);
      fs.writeFileSync(file("before"), a.html);
      fs.writeFileSync(file("after"), b.html);
      console.log(`  written to ${file("before")} and ${file("after")}`);
    }
  }
  if (differ || args.includes("--compare-only")) process.exitCode = differ ? 1 : 0;
  else {
    const measure = async (app: AppProcess, pathname: string) => {
      const statements = (await capture(app.base, pathname)).statements;
      for (let i = 0; i < 10; i += 1) await (await fetch(app.base + pathname)).arrayBuffer();
      const cpuBefore = app.cpuMs()!;
      const databaseBefore = await databaseCpuMs();
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < n) {
            next += 1;
            await (await fetch(app.base + pathname, { headers: { "accept-encoding": "identity" } })).arrayBuffer();
          }
        }),
      );
      return {
        app: (app.cpuMs()! - cpuBefore) / n,
        database: ((await databaseCpuMs()) - databaseBefore) / n,
        statements,
      };
    };
    for (const pathname of paths) {
      const sums = { before: { app: 0, database: 0 }, after: { app: 0, database: 0 } };
      let afterLower = 0;
      for (let pair = 0; pair < pairs; pair += 1) {
        const order = pair % 2 === 0 ? (["before", "after"] as const) : (["after", "before"] as const);
        const result: Record<string, Awaited<ReturnType<typeof measure>>> = {};
        for (const label of order) result[label] = await measure(label === "before" ? before : after, pathname);
        const [a, b] = [result.before!, result.after!];
        sums.before.app += a.app;
        sums.before.database += a.database;
        sums.after.app += b.app;
        sums.after.database += b.database;
        if (b.app + b.database < a.app + a.database) afterLower += 1;
        console.log(
          `${pathname} pair ${pair + 1} (${order.join(" first, ")}): before ${a.app.toFixed(2)} + PG ${a.database.toFixed(2)} ms (${a.statements} statements), after ${b.app.toFixed(2)} + PG ${b.database.toFixed(2)} ms (${b.statements} statements) (load ${load()})`,
        );
      }
      const mean = (value: number) => (value / pairs).toFixed(2);
      console.log(
        `${pathname}: means before ${mean(sums.before.app)} + PG ${mean(sums.before.database)} ms, after ${mean(sums.after.app)} + PG ${mean(sums.after.database)} ms; after lower in ${afterLower} of ${pairs} pairs`,
      );
    }
  }
} finally {
  await Promise.all([before.stop(), after.stop()]);
  await monitor.end();
}
