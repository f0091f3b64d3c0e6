/**
 * `npm run bench`: what a test file pays for its own database, as ratios to a baseline measured in the
 * same run on the same machine (so the numbers compare across machines, the milliseconds do not).
 *
 *   baseline        PGlite.create() in memory and close: the bare cost of starting the WebAssembly Postgres
 *   fresh+migrate   openDatabase in memory plus every migration (what a file would pay without a template)
 *   template copy   copy of a migrated data directory plus openDatabase (what test/support/db.ts does)
 *
 * BENCH_RUNS=n sets the repetitions (default 3); the median is reported.
 */
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../../app/server/core/db.server";
import { copyPgliteTemplate, createPgliteTemplate, createRunDirectory, removeDirectory } from "../support/db-template";

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

async function time(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function median(name: string, fn: () => Promise<void>): Promise<{ name: string; ms: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await time(fn));
  samples.sort((a, b) => a - b);
  return { name, ms: samples[Math.floor(samples.length / 2)]! };
}

const runDir = createRunDirectory();
try {
  const templateMs = await time(async () => void (await createPgliteTemplate(runDir)));
  const templateDir = `${runDir}/template`;

  const results = [
    await median("baseline: PGlite.create() in memory", async () => {
      const client = await PGlite.create();
      await client.close();
    }),
    await median("fresh in memory + migrations", async () => {
      const handle = await openDatabase({ kind: "pglite", dir: null });
      await handle.migrate();
      await handle.close();
    }),
    await median("template copy + open", async () => {
      const dir = copyPgliteTemplate(templateDir, runDir);
      const handle = await openDatabase({ kind: "pglite", dir });
      await handle.close();
      removeDirectory(dir);
    }),
  ];

  const baseline = results[0]!.ms;
  console.log(
    `PGlite per-test-file database, median of ${runs} run(s); template made once in ${templateMs.toFixed(0)} ms`,
  );
  for (const { name, ms } of results) {
    console.log(`${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / baseline).toFixed(2)}× baseline`);
  }
} finally {
  removeDirectory(runDir);
}
