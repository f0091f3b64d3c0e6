/**
 * globalSetup of the e2e project: makes sure Chromium is there (installing Debian's package when it can)
 * and builds the app once, so that scripts/start.mjs serves what is in the work tree. It also migrates and
 * seeds one PGlite data directory, of which every app a test starts gets its own copy (startApp in
 * test/support/server.ts): the app's start then finds the schema and the demo data in place instead of
 * migrating and seeding (argon2 hashes, hundreds of rows) once per test file.
 * E2E_SKIP_BUILD=1 skips the build when you know the build is fresh (iterating on a browser test).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "./chromium";
import { createPgliteTemplate, createSeededPgliteTemplate } from "./db-template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Directory for the browser tests' data directories; removed after the run. */
    e2eTempDir: string;
    /** A migrated PGlite directory with the demo data, to be copied (never opened itself). */
    e2eSeededPgliteDir: string;
    /** When the demo data in it was seeded (its fictional dates are relative to this day). */
    e2eSeededAt: string;
  }
}

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

function buildApp() {
  const cli = createRequire(import.meta.url).resolve("@remix-run/dev/dist/cli.js");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, "vite:build"], {
    cwd: projectRoot,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-60).join("\n");
    throw new Error(`\`remix vite:build\` failed (exit ${result.status ?? result.signal}); last output:\n${output}`);
  }
  console.log(`[e2e] app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup(project: TestProject) {
  ensureChromium();
  if (process.env.E2E_SKIP_BUILD === "1") console.log("[e2e] E2E_SKIP_BUILD=1: using the existing build/");
  else buildApp();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-e2e-"));
  const teardown = () => fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  try {
    const started = performance.now();
    const seededAt = new Date();
    const templateDir = await createPgliteTemplate(tempDir);
    const seededDir = await createSeededPgliteTemplate(templateDir, tempDir);
    fs.rmSync(templateDir, { recursive: true, force: true });
    console.log(`[e2e] demo database seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    project.provide("e2eTempDir", tempDir);
    project.provide("e2eSeededPgliteDir", seededDir);
    project.provide("e2eSeededAt", seededAt.toISOString());
  } catch (error) {
    teardown();
    throw error;
  }
  return teardown;
}
