/**
 * How many browser-test files run at the same time: read by vitest.config.ts (the e2e project's workers) and by
 * global-e2e.ts (how many apps of their own it keeps started ahead). A browser-test file mostly waits (for its
 * app, for Chromium, for what a page shows), so more files than cores run at once; see ADR 0034 for the figures.
 * E2E_PARALLEL=<n> (1–6) sets it; E2E_PARALLEL=1 runs one file at a time (reading one file's output, a debugger).
 */
export const E2E_FILES_AT_ONCE_DEFAULT = 2;

export function e2eFilesAtOnce(): number {
  const wanted = Number(process.env.E2E_PARALLEL?.trim() || E2E_FILES_AT_ONCE_DEFAULT);
  return Number.isInteger(wanted) && wanted >= 1 ? Math.min(wanted, 6) : E2E_FILES_AT_ONCE_DEFAULT;
}
