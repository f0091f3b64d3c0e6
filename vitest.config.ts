/**
 * Test configuration. Deliberately separate from vite.config.ts: the Remix Vite plugin must stay out of
 * Vitest (it rewrites routes and breaks plain module imports), so only the `~` alias is repeated here.
 *
 * `npm test` (= `vitest run`) runs three projects; select one with `npx vitest run --project unit`.
 * - unit:        test/unit, pure and fast, in parallel.
 * - integration: test/integration, against a migrated database per test file (test/support/db.ts);
 *                PGlite always, the PostgreSQL server too when TEST_DATABASE_URL is set.
 *   Both without isolation (ADR 0035): their files share the two worker processes and the modules loaded in them,
 *   one file after the other, instead of a fresh process and module graph each (~1 s CPU per file).
 *   test/support/shared-worker.ts undoes after each file what the app keeps per process (environment, parsed
 *   configuration, the process-wide database handle, page cache, fake timers).
 * - e2e:         test/e2e, the built app in headless Chromium, two files at a time (E2E_PARALLEL=<n>, ADR 0034),
 *                after the others. Its globalSetup (test/support/global-e2e.ts) launches one Chromium for the run and starts the next
 *                file's own app while a file runs. Each app runs on its own copy of the seeded demo database: on the
 *                PostgreSQL server when TEST_DATABASE_URL is set, else on PGlite (ADR 0032).
 * The machine has 2 cores, so never more than 2 workers.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { e2eFilesAtOnce } from "./test/support/e2e-parallel";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    maxWorkers: 2,
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
          // Files share worker processes, one after the other (ADR 0035); shared-worker.ts undoes what a file leaves.
          isolate: false,
          setupFiles: ["test/support/shared-worker.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          isolate: false,
          setupFiles: ["test/support/shared-worker.ts"],
          globalSetup: ["test/support/global-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // After unit, not beside it: a worker that shares files runs only one project's files, and when the next file
          // in the queue is another project's the worker is replaced (one shuffled run of both side by side: 44 s
          // of setup files and 56 s of imports in new workers, against 1 s and 12 s). Unit takes seconds.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/support/global-e2e.ts"],
          // Two files at a time by default (each has its own app and database copy; the Chromium is shared, each test
          // has its own context); E2E_PARALLEL=<n> sets how many, 1 for one at a time. Whole `npm test`, 2 cores,
          // quiet, 2026-12-05: one at a time 541 s, two 443 s, four 483 s (the cores were then full; ADR 0034).
          fileParallelism: e2eFilesAtOnce() > 1,
          maxWorkers: e2eFilesAtOnce(),
          testTimeout: 180_000,
          // expect.poll waits for what the page or the app shows; its default of 1 s is far too short when
          // the app and the browser share 2 busy cores (an e2e run failed on it waiting for TOTP enrolment).
          expect: { poll: { timeout: 30_000, interval: 100 } },
          // Starting the app (test/support/server.ts waits up to 240 s for it) took over 90 s once with the
          // load average at 25 on 2 cores; a hook must outlast that wait.
          hookTimeout: 300_000,
          // After unit and integration, so that the browser and the app don't compete with them for the cores.
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
