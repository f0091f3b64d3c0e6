/**
 * globalSetup of the e2e project: makes sure Chromium is there (installing Debian's package when it can)
 * and builds the app once, so that scripts/start.mjs serves what is in the work tree. Beside the build it makes
 * the seeded database that every app a test starts gets its own copy of (startApp in test/support/server.ts):
 * the app's start then finds the schema and the demo data in place instead of migrating and seeding (argon2
 * hashes, hundreds of rows) once per test file.
 * - With TEST_DATABASE_URL (as in CI) the apps run on the PostgreSQL server: each on a new database
 *   `CREATE DATABASE … TEMPLATE` a seeded template, dropped once the app has exited, and whatever is left of
 *   this run's databases at the teardown. An app starts and serves pages with far less CPU there than on a
 *   PGlite copy (ADR 0032). The template is the one the integration project's globalSetup seeded in this run
 *   (global-db.ts), otherwise it is seeded here.
 * - Without it, and for what must run on the embedded database (backend: "pglite", explicit data directories),
 *   the apps get a copy of a seeded PGlite directory: the integration project's in a run with it, otherwise
 *   one seeded here, beside the build when the apps need it, on the first request when they run on PostgreSQL.
 * A small control server on 127.0.0.1 (serveControl) then hands out what the files share or should not wait for:
 * the shared read-only app (useAppAndBrowser("shared") in test/support/e2e-app.ts), started on its own copy of
 * the seeded database when the first file asks for it; each file's own app (freshApp()), the next one already
 * started while the previous file runs; the seeded PGlite directory; and the run's one Chromium (launchBrowser()
 * in browser.ts). It stops all of them after the run.
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
  createPostgresTemplate,
  createSeededPgliteTemplate,
  createSeededPostgresTemplate,
  dropDatabase,
  dropRunDatabases,
  dropStaleDatabases,
  newRunId,
  sharedSeededPgliteTemplate,
  sharedSeededPostgresTemplate,
  type SeededPgliteTemplate,
  type SeededPostgresTemplate,
} from "./db-template";
import { e2eFilesAtOnce } from "./e2e-parallel";
import { startApp, startAppOnPostgresCopy, type E2ePostgresTemplate, type RunningApp } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Directory for the browser tests' data directories; removed after the run. */
    e2eTempDir: string;
    /**
     * When the demo data that the apps copy was seeded (its fictional dates are relative to this day): of the
     * PostgreSQL template when TEST_DATABASE_URL is set, else of the PGlite directory.
     */
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

/** Migrates and seeds a PostgreSQL template database (when the integration project did not in this run). */
async function seedDemoPostgres(adminUrl: string, runId: string): Promise<SeededPostgresTemplate> {
  const started = performance.now();
  await dropStaleDatabases(adminUrl);
  const migrated = await createPostgresTemplate(adminUrl, runId);
  try {
    const seededAt = new Date();
    const name = await createSeededPostgresTemplate(adminUrl, runId, migrated, seededAt);
    console.log(`[e2e] demo database seeded on PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { adminUrl, name, seededAt };
  } finally {
    await dropDatabase(adminUrl, migrated);
  }
}

/** What the apps are copied from: the PostgreSQL template (when TEST_DATABASE_URL is set), the PGlite directory. */
interface SeededCopies {
  postgres: E2ePostgresTemplate | null;
  /** The seeded PGlite directory, seeded on the first call unless it was already. */
  pglite: () => Promise<SeededPgliteTemplate>;
  tempDir: string;
}

/**
 * Starts an app on its own new copy of the seeded database (see the top of the file), logging how long the start
 * took. Its stop() drops a PostgreSQL copy; stopAndRemove also removes a PGlite copy.
 */
async function startOnSeededCopy(seeded: SeededCopies, prefix: string, what: string) {
  const started = performance.now();
  let running: RunningApp;
  if (seeded.postgres) {
    running = await startAppOnPostgresCopy(seeded.postgres);
  } else {
    const { dir } = await seeded.pglite();
    const pgliteDir = path.join(fs.mkdtempSync(path.join(seeded.tempDir, prefix)), "pglite");
    // Asynchronously: the copy (~40 MB) takes seconds on a busy machine, and this process reports the running file.
    await fs.promises.cp(dir, pgliteDir, { recursive: true });
    running = await startApp({ pgliteDir });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[e2e] ${what} started in ${seconds} s (with the copy, ${seeded.postgres ? "PostgreSQL" : "PGlite"})`);
  return running;
}

/** Stops an app and then removes its PGlite copy, if it had one (a PostgreSQL copy goes with its stop()). */
async function stopAndRemove(running: RunningApp) {
  await running.stop();
  if (running.pgliteDir) await fs.promises.rm(path.dirname(running.pgliteDir), { recursive: true, force: true });
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
 * app runs on a new copy of the seeded database and serves one file only, which stops it. While a file runs,
 * the next app is already starting, so that the next file does not wait for the start (files run one at a
 * time, and a start mostly waits for the database and the build to load). `spares` is how many are kept ready: one
 * per file that runs at the same time (two with E2E_PARALLEL), so that two files starting together both find
 * one; 0 when the run has one file: then the app is started when the file asks for it, and nothing else.
 */
function freshApps(seeded: SeededCopies, spares: number) {
  const handedOut = new Map<number, RunningApp>();
  const stopping = new Set<Promise<unknown>>();
  let nextId = 1;
  const ready: Promise<RunningApp>[] = [];
  const start = () => {
    const starting = startOnSeededCopy(seeded, "app-", "app of its own");
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
      // Its database goes once it has exited; stopAll waits for that.
      handedOut.delete(id);
      stopping.add(stopAndRemove(running).catch((error: unknown) => console.error(error)));
      return Promise.resolve({ stopping: true });
    },
    async stopAll() {
      const spareApps = await Promise.all(ready.splice(0).map((starting) => starting.catch(() => null)));
      await Promise.all([
        ...spareApps.map((spareApp) => spareApp && stopAndRemove(spareApp)),
        ...[...handedOut.values()].map((running) => stopAndRemove(running)),
        ...stopping,
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
 * - GET /pglite-template: the seeded PGlite directory to copy (never to open), `{ dir, seededAt }`;
 * - GET /browser: the run's Chromium (see runBrowser), `{ wsEndpoint }`.
 * Resolves with the server's URL and a function that stops what it started and the server.
 */
async function serveControl(seeded: SeededCopies, spares: number) {
  let app: Promise<RunningApp> | null = null;
  const fresh = freshApps(seeded, spares);
  const browser = runBrowser();
  const routes: Record<string, (url: URL) => Promise<object>> = {
    "/app": async () => {
      const running = await (app ??= startOnSeededCopy(seeded, "shared-app-", "shared read-only app"));
      return { url: running.url, port: running.port };
    },
    "/fresh-app": () => fresh.take(),
    "/fresh-app/stop": (url) => fresh.stop(Number(url.searchParams.get("id"))),
    "/pglite-template": async () => {
      const { dir, seededAt } = await seeded.pglite();
      return { dir, seededAt: seededAt.toISOString() };
    },
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
    await Promise.all([running && stopAndRemove(running), fresh.stopAll(), browser.stop()]);
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
  const cleanups: (() => Promise<unknown>)[] = [
    async () => fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 }),
  ];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  };
  try {
    const adminUrl = process.env.TEST_DATABASE_URL?.trim() || null;
    const runId = newRunId();
    // What is left of this run's app databases when it ends (an app a killed worker had started).
    if (adminUrl) cleanups.push(() => dropRunDatabases(adminUrl, runId));
    const sharedPostgres = adminUrl ? sharedSeededPostgresTemplate(adminUrl) : undefined;
    const sharedPglite = sharedSeededPgliteTemplate();
    if (sharedPostgres ?? sharedPglite) console.log("[e2e] using the demo database the integration project seeded");
    if (process.env.E2E_SKIP_BUILD === "1") console.log("[e2e] E2E_SKIP_BUILD=1: using the existing build/");
    let pglite: Promise<SeededPgliteTemplate> | null = null;
    const seededPglite = () => (pglite ??= sharedPglite ? Promise.resolve(sharedPglite) : seedDemoDatabase(tempDir));
    const seededPostgres = async (url: string) => {
      if (sharedPostgres) return sharedPostgres;
      const seeded = await seedDemoPostgres(url, runId);
      cleanups.push(() => dropDatabase(url, seeded.name));
      return seeded;
    };
    // The build (Vite) and the seeding (argon2 here, the queries in PGlite or the server) each keep one core busy:
    // side by side they take the longer of the two, not the sum. Both are awaited, so that a failure of one is
    // never left unhandled. The PGlite directory is seeded now only when the apps run on it.
    const [built, seeded] = await Promise.allSettled([
      process.env.E2E_SKIP_BUILD === "1" ? Promise.resolve() : buildApp(),
      adminUrl ? seededPostgres(adminUrl) : seededPglite(),
    ]);
    if (built.status === "rejected") throw built.reason;
    if (seeded.status === "rejected") throw seeded.reason;
    const postgres = adminUrl && "name" in seeded.value ? { adminUrl, name: seeded.value.name, runId } : null;
    project.provide("e2eTempDir", tempDir);
    project.provide("e2ePostgresTemplate", postgres);
    project.provide("e2eSeededAt", seeded.value.seededAt.toISOString());
    // One spare app per file running at the same time; none when the run has only one file.
    const spares = (await runsFiles(project)) > 1 ? e2eFilesAtOnce() : 0;
    const control = await serveControl({ postgres, pglite: seededPglite, tempDir }, spares);
    cleanups.push(async () => {
      await control.stop();
      // A PGlite directory still being seeded on request is waited for, then removed with tempDir.
      await pglite?.catch(() => null);
    });
    project.provide("e2eSharedAppControl", control.url);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
