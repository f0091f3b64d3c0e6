/**
 * globalSetup of the e2e project: makes sure Chromium is there (installing Debian's package when it can)
 * and builds the app once, so that scripts/start.mjs serves what is in the work tree. It also migrates and
 * seeds one PGlite data directory, of which every app a test starts gets its own copy (startApp in
 * test/support/server.ts): the app's start then finds the schema and the demo data in place instead of
 * migrating and seeding (argon2 hashes, hundreds of rows) once per test file. In a run with the integration
 * project that directory is the one its globalSetup seeded (global-db.ts), otherwise it is seeded here, while
 * the build runs.
 * It also hands out the shared read-only app (useAppAndBrowser("shared") in test/support/e2e-app.ts): a small
 * control server on 127.0.0.1 starts that app on its own copy of the seeded directory when the first file
 * asks for it, gives every later file the same one, and stops it after the run.
 * E2E_SKIP_BUILD=1 skips the build when you know the build is fresh (iterating on a browser test).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "./chromium";
import {
  createPgliteTemplate,
  createSeededPgliteTemplate,
  sharedSeededPgliteTemplate,
  type SeededPgliteTemplate,
} from "./db-template";
import { startApp, type RunningApp } from "./server";

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

async function buildApp() {
  const cli = createRequire(import.meta.url).resolve("@remix-run/dev/dist/cli.js");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  const started = performance.now();
  const child = spawn(process.execPath, [cli, "vite:build"], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  if (code !== 0) {
    const last = output.trim().split("\n").slice(-60).join("\n");
    throw new Error(`\`remix vite:build\` failed (exit ${code ?? signal}); last output:\n${last}`);
  }
  console.log(`[e2e] app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Migrates and seeds a PGlite directory inside tempDir (when no other project did so in this run). */
async function seedDemoDatabase(tempDir: string): Promise<SeededPgliteTemplate> {
  const started = performance.now();
  const seededAt = new Date();
  const templateDir = await createPgliteTemplate(tempDir);
  const dir = await createSeededPgliteTemplate(templateDir, tempDir);
  fs.rmSync(templateDir, { recursive: true, force: true });
  console.log(`[e2e] demo database seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dir, seededAt };
}

/**
 * The control server of the shared read-only app: GET /app starts it (once) and answers `{ url, port }`.
 * Resolves with the server's URL and a function that stops the app (if it was started) and the server.
 */
async function serveSharedApp(seededDir: string, tempDir: string) {
  let app: Promise<RunningApp> | null = null;
  const start = () => {
    const pgliteDir = path.join(fs.mkdtempSync(path.join(tempDir, "shared-app-")), "pglite");
    fs.cpSync(seededDir, pgliteDir, { recursive: true });
    const started = performance.now();
    return startApp({ pgliteDir }).then((running) => {
      console.log(`[e2e] shared read-only app started in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return running;
    });
  };
  const server = http.createServer((request, response) => {
    const answer = (status: number, body: object) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (request.url !== "/app") return answer(404, { error: "not found" });
    app ??= start();
    app.then(
      (running) => answer(200, { url: running.url, port: running.port }),
      (error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as import("node:net").AddressInfo;
  const stop = async () => {
    server.close();
    const running = await app?.catch(() => null);
    await running?.stop();
  };
  return { url: `http://127.0.0.1:${port}`, stop };
}

export default async function setup(project: TestProject) {
  ensureChromium();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-e2e-"));
  const teardown = () => fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  try {
    const shared = sharedSeededPgliteTemplate();
    if (shared) console.log("[e2e] using the demo database the integration project seeded in this run");
    if (process.env.E2E_SKIP_BUILD === "1") console.log("[e2e] E2E_SKIP_BUILD=1: using the existing build/");
    // The build (Vite) and the seeding (PGlite, argon2) each keep one core busy: side by side they take the
    // longer of the two, not the sum. Both are awaited, so that a failure of one is never left unhandled.
    const [built, seeded] = await Promise.allSettled([
      process.env.E2E_SKIP_BUILD === "1" ? Promise.resolve() : buildApp(),
      shared ?? seedDemoDatabase(tempDir),
    ]);
    if (built.status === "rejected") throw built.reason;
    if (seeded.status === "rejected") throw seeded.reason;
    project.provide("e2eTempDir", tempDir);
    project.provide("e2eSeededPgliteDir", seeded.value.dir);
    project.provide("e2eSeededAt", seeded.value.seededAt.toISOString());
    const control = await serveSharedApp(seeded.value.dir, tempDir);
    project.provide("e2eSharedAppControl", control.url);
    return async () => {
      await control.stop();
      teardown();
    };
  } catch (error) {
    teardown();
    throw error;
  }
}
