/**
 * CPU per search, PostgreSQL backend and Node separately (issue 14, ADR 0023 addendum): searchPublic in this
 * process over one connection, N searches per shape one after another; CPU from /proc/<pid>/schedstat of the
 * PostgreSQL backend serving the connection and of this process. The machine may be loaded: CPU time is what
 * a search costs, latency is not measured here. With --pglite the database runs in this process: the CPU is all
 * this process's (reported as "Node"). Each shape also prints a hash of its result, to compare two modules'
 * results. Usage:
 *   tsx test/bench/search-cpu.ts --url <postgres url> | --pglite <dir>  [--n 100] [--module <path of a search.server.ts>]
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../app/server/core/db.server";
import { parseSearchParams } from "../../app/domain/search-params";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
process.env.DATABASE_POOL_SIZE = "1";
const n = Number(arg("--n") ?? 100);
const modulePath = path.resolve(arg("--module") ?? "app/server/public/search/search.server.ts");
const { searchPublic } = (await import(modulePath)) as typeof import("../../app/server/public/search/search.server");
const handle = await openDatabase(
  arg("--pglite") ? { kind: "pglite", dir: arg("--pglite")! } : { kind: "postgres", url: arg("--url")! },
);
const shapes = (
  arg("--shapes") ??
  "q=Videokonferenz|q=Datenschutz|q=Datenschutz&koerperschaft=norderstedt&sortierung=datum|q=Datenschutz&seite=20"
).split("|");

const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
const [{ pid }] = rowsOf(await handle.db.execute(sql`select pg_backend_pid() as pid`)) as [{ pid: number }];
const inProcess = handle.kind === "pglite";
/** Nanoseconds on a CPU (first field of schedstat). */
const cpuNs = (p: number | "self") =>
  inProcess && p !== "self" ? 0 : Number(fs.readFileSync(`/proc/${p}/schedstat`, "utf8").split(" ")[0]);

try {
  for (const shape of shapes) {
    const parsed = parseSearchParams(new URLSearchParams(shape));
    const input = { query: parsed.query, filters: parsed.filters, page: parsed.page, sort: parsed.sort };
    const first = await searchPublic(input, handle.db);
    for (let i = 0; i < 5; i++) await searchPublic(input, handle.db);
    const pg0 = cpuNs(pid);
    const node0 = cpuNs("self");
    for (let i = 0; i < n; i++) await searchPublic(input, handle.db);
    const pg = (cpuNs(pid) - pg0) / 1e6 / n;
    const node = (cpuNs("self") - node0) / 1e6 / n;
    console.log(
      `${shape}: PostgreSQL ${pg.toFixed(2)} ms + Node ${node.toFixed(2)} ms = ${(pg + node).toFixed(2)} ms CPU per search; result ${createHash("sha1").update(JSON.stringify(first)).digest("hex").slice(0, 12)}`,
    );
  }
} finally {
  await handle.close();
}
