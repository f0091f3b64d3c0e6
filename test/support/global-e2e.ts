/**
 * globalSetup of the e2e project: makes sure Chromium is there (installing Debian's package when it can)
 * and builds the app once, so that scripts/start.mjs serves what is in the work tree. It also migrates and
 * seeds one PGlite data directory, of which every app a test starts gets its own copy (startApp in
 * test/support/server.ts): the app's start then finds the schema and the demo data in place instead of
 * migrating and seeding (argon2 hashes, hundreds of rows) once per test file. In a run with the integration
 * project that directory is the one its globalSetup seeded (global-db.ts), otherwise it is seeded here, while
 * the build runs.
 * A small control server on 127.0.0.1 (serveControl) then hands out what the files share or should not wait for:
 * the shared read-only app (useAppAndBrowser("shared") in test/support/e2e-app.ts), started on its own copy of
 * the seeded directory when the first file asks for it; each file's own app (freshApp()), the next one already
 * started while the previous file runs; and the run's one Chromium (launchBrowser() in browser.ts). It stops
 * all of them after the run.
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
import { chromium, type BrowserServer } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./chromium";
import {
  createPgliteTemplate,
  createSeededPgliteTemplate,
  sharedSeededPgliteTemplate,
  type SeededPgliteTemplate,
} from "./db-template";
import { e2eFilesAtOnce } from "./e2e-parallel";
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
  const dir = await createSeededPgliteTemplate(templateDir, tempDir, seededAt);
  fs.rmSync(templateDir, { recursive: true, force: true });
  console.log(`[e2e] demo database seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dir, seededAt };
}

/** Starts an app on its own new copy of the seeded directory, logging how long the start took. */
async function startOnSeededCopy(seededDir: string, tempDir: string, prefix: string, what: string) {
  const started = performance.now();
  const pgliteDir = path.join(fs.mkdtempSync(path.join(tempDir, prefix)), "pglite");
  // Asynchronously: the copy (~40 MB) takes seconds on a busy machine, and this process reports the running file.
  await fs.promises.cp(seededDir, pgliteDir, { recursive: true });
  const running = await startApp({ pgliteDir });
  console.log(`[e2e] ${what} started in ${((performance.now() - started) / 1000).toFixed(1)} s (with the copy)`);
  return running;
}

/**
 * The run's Chromium, as a Playwright browser server: launched on the first request, launched again if it has
 * gone away. Each file connects to it (launchBrowser in browser.ts) instead of launching a Chromium of its own;
 * a file's contexts (cookies, storage) are its own and are closed when it disconnects.
 */
function runBrowser() {
  let server: Promise<BrowserServer> | null = null;
  const launch = () =>
    chromium
      .launchServer({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS })
      .then((launched) => {
        launched.on("close", () => (server = null));
        return launched;
      });
  return {
    endpoint: async () => (await (server ??= launch())).wsEndpoint(),
    stop: async () => {
      const running = await server?.catch(() => null);
      server = null;
      await running?.close();
    },
  };
}

/**
 * Apps of their own for the files that change data (useAppAndBrowser() and freshApp() in e2e-app.ts): every
 * app runs on a new copy of the seeded directory and serves one file only, which stops it. While a file runs,
 * the next app is already starting, so that the next file does not wait for the start (files run one at a
 * time, and a start mostly waits for PGlite and the build to load). `spares` is how many are kept ready: one
 * per file that runs at the same time (two with E2E_PARALLEL), so that two files starting together both find
 * one; 0 when the run has one file: then the app is started when the file asks for it, and nothing else.
 */
function freshApps(seededDir: string, tempDir: string, spares: number) {
  const handedOut = new Map<number, RunningApp>();
  let nextId = 1;
  const ready: Promise<RunningApp>[] = [];
  const start = () => {
    const starting = startOnSeededCopy(seededDir, tempDir, "app-", "app of its own");
    starting.catch(() => {}); // reported to the file that takes it
    return starting;
  };
  return {
    warm() {
      while (ready.length < spares) ready.push(start());
    },
    async take() {
      const spareApp = ready.shift();
      let running = await (spareApp ?? start());
      // A spare that has gone while it waited (it never should) is replaced, not handed out.
      if (running.process.exitCode !== null || running.process.signalCode !== null) running = await start();
      this.warm();
      const id = nextId++;
      handedOut.set(id, running);
      return { id, url: running.url, port: running.port, pgliteDir: running.pgliteDir };
    },
    /**
     * Sends the app SIGTERM and answers at once: the file is done with it, and nobody looks at how it exits
     * (server-lifecycle.test.ts tests stopping). The stop runs on beside the next file; stopAll waits for it.
     */
    stop(id: number) {
      const running = handedOut.get(id);
      if (!running) return Promise.reject(new Error(`no app ${id}`));
      // Its data directory goes once it has exited; the rest of tempDir after the run.
      void running
        .stop()
        .then(() => fs.promises.rm(path.dirname(running.pgliteDir!), { recursive: true, force: true }));
      return Promise.resolve({ stopping: true });
    },
    async stopAll() {
      const spareApps = await Promise.all(ready.splice(0).map((starting) => starting.catch(() => null)));
      await Promise.all([
        ...spareApps.map((spareApp) => spareApp?.stop()),
        ...[...handedOut.values()].map((running) => running.stop()),
      ]);
      handedOut.clear();
    },
  };
}

/**
 * The run's control server on 127.0.0.1, which the test files ask (e2e-app.ts, browser.ts):
 * - GET /app: the shared read-only app (started on the first request), `{ url, port }`;
 * - GET /fresh-app: an app of the file's own (see freshApps), `{ id, url, port, pgliteDir }`;
 *   GET /fresh-app/stop?id=…: stops it, `{ stopping: true }`;
 * - GET /browser: the run's Chromium (see runBrowser), `{ wsEndpoint }`.
 * Resolves with the server's URL and a function that stops what it started and the server.
 */
async function serveControl(seededDir: string, tempDir: string, spares: number) {
  let app: Promise<RunningApp> | null = null;
  const fresh = freshApps(seededDir, tempDir, spares);
  const browser = runBrowser();
  const routes: Record<string, (url: URL) => Promise<object>> = {
    "/app": async () => {
      const running = await (app ??= startOnSeededCopy(seededDir, tempDir, "shared-app-", "shared read-only app"));
      return { url: running.url, port: running.port };
    },
    "/fresh-app": () => fresh.take(),
    "/fresh-app/stop": (url) => fresh.stop(Number(url.searchParams.get("id"))),
    "/browser": async () => ({ wsEndpoint: await browser.endpoint() }),
  };
  const server = http.createServer((request, response) => {
    const answer = (status: number, body: object) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    const url = new URL(request.url ?? "/", "http://control");
    const route = routes[url.pathname];
    if (!route) return answer(404, { error: "not found" });
    route(url).then(
      (body) => answer(200, body),
      (error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as import("node:net").AddressInfo;
  fresh.warm();
  const stop = async () => {
    server.close();
    const running = await app?.catch(() => null);
    await Promise.all([running?.stop(), fresh.stopAll(), browser.stop()]);
  };
  return { url: `http://127.0.0.1:${port}`, stop };
}

/**
 * How many of the project's files this run runs: the command line's file filters are Vitest's internal
 * `filenamePattern` (without them, or if that name ever goes, all files count).
 */
async function runsFiles(project: TestProject): Promise<number> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  return (await project.globTestFiles(filters)).testFiles.length;
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
    // One spare app per file running at the same time; none when the run has only one file.
    const spares = (await runsFiles(project)) > 1 ? e2eFilesAtOnce() : 0;
    const control = await serveControl(seeded.value.dir, tempDir, spares);
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
