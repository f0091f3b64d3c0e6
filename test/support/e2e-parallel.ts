/**
 * How many browser-test files run at the same time: read by vitest.config.ts (the e2e project's
 * fileParallelism) and by global-e2e.ts (how many apps of their own it keeps started ahead).
 */
export function e2eFilesAtOnce(): 1 | 2 {
  return process.env.E2E_PARALLEL === "1" ? 2 : 1;
}
