/**
 * setupFiles of the unit and integration projects: their test files share worker processes and module state,
 * one file after the other (`isolate: false`, ADR 0035), so each file must leave the process as it found it.
 * What the app keeps per process and the tests change is undone after every file here, whatever the file did:
 *
 * - process.env: a key the file set, changed or deleted is put back — and the file fails, naming the keys, so
 *   that the test restores what it changes itself (each file must pass alone too);
 * - the configuration parsed once from process.env (config(), resetConfig);
 * - the process-wide database handle a file installed with useDatabase (test databases forget theirs when
 *   closed already, test/support/db.ts);
 * - the in-process caches of public pages and search results (publicPagesChanged(null) drops both);
 * - fake timers and stubbed environment variables or globals (vi.restoreAllMocks runs after each file anyway).
 *
 * Module-level caches keyed to one database handle (prepared statements, session lookups) need nothing: a new
 * file has new handles.
 */
import { afterAll, beforeAll, vi } from "vitest";
import { resetConfig } from "../../app/server/core/config.server";
import { forgetDatabase } from "../../app/server/core/db.server";
import { publicPagesChanged } from "../../app/server/core/public-page-cache.server";

/** Set by Vitest itself for each file (worker and pool ids), not by the tests. */
const VITEST_OWN = /^VITEST/;

let envBefore: Record<string, string | undefined> = {};

beforeAll(() => {
  envBefore = { ...process.env };
});

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  forgetDatabase();
  publicPagesChanged(null);
  const changed = [...new Set([...Object.keys(envBefore), ...Object.keys(process.env)])].filter(
    (key) => !VITEST_OWN.test(key) && process.env[key] !== envBefore[key],
  );
  for (const key of changed) {
    const value = envBefore[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfig();
  if (changed.length > 0) {
    throw new Error(`the test file left process.env changed (${changed.join(", ")}); restore it in the file`);
  }
});
