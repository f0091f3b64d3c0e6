/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement the public search sends, for the bench's search shapes, and the
 * search's wall time in this process (issue 14, ADR 0023). Usage:
 *   tsx test/bench/search-explain.ts --url <postgres url> | --pglite <dir>  [--plans] [--runs 20]
 *     [--module <path of a search.server.ts>] [--shapes "q=…|q=…"]
 * Prints per shape: statements, each statement's execution time (median of the runs after one warm-up) and,
 * with --plans, the plans.
 */
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, type Db } from "../../app/server/core/db.server";
import path from "node:path";
import { parseSearchParams } from "../../app/domain/search-params";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const handle = await openDatabase(
  arg("--url") ? { kind: "postgres", url: arg("--url")! } : { kind: "pglite", dir: arg("--pglite")! },
);
const runs = Number(arg("--runs") ?? 10);
const modulePath = path.resolve(arg("--module") ?? "app/server/public/search/search.server.ts");
const { searchPublic } = (await import(modulePath)) as typeof import("../../app/server/public/search/search.server");
const showPlans = args.includes("--plans");
const shapes = (
  arg("--shapes") ??
  "q=Videokonferenz|q=Datenschutz|q=Datenschutz&koerperschaft=norderstedt&sortierung=datum|q=Datenschutz&seite=20"
).split("|");

const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];

function explaining(db: Db, log: { plan: string; ms: number }[]): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      // No session: executePrepared falls back to db.execute, which is explained here.
      if (prop === "session") return undefined;
      if (prop !== "execute") return Reflect.get(target, prop, receiver);
      return async (query: SQL) => {
        const plan = rowsOf(await target.execute(sql`explain (analyze, buffers) ${query}`))
          .map((row) => String(Object.values(row)[0]))
          .join("\n");
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
        log.push({ plan, ms });
        return target.execute(query);
      };
    },
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  for (const shape of shapes) {
    const parsed = parseSearchParams(new URLSearchParams(shape));
    const input = { query: parsed.query, filters: parsed.filters, page: parsed.page, sort: parsed.sort };
    const perStatement: number[][] = [];
    let plans: string[] = [];
    for (let r = 0; r <= runs; r++) {
      const log: { plan: string; ms: number }[] = [];
      await searchPublic(input, explaining(handle.db, log));
      if (r === 0) continue;
      log.forEach((entry, i) => (perStatement[i] ??= []).push(entry.ms));
      plans = log.map((l) => l.plan);
    }
    const wall: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await searchPublic(input, handle.db);
      wall.push(performance.now() - t0);
    }
    console.log(
      `${shape}: ${perStatement.length} statements, execution ms (median) ${perStatement.map((xs) => median(xs).toFixed(2)).join(" + ")}; search wall ms median ${median(wall).toFixed(1)}`,
    );
    if (showPlans) plans.forEach((p, i) => console.log(`--- statement ${i + 1}\n${p}\n`));
  }
} finally {
  await handle.close();
}
