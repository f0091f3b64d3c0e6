/**
 * Runs the app as an operator would: `node scripts/start.mjs` (what `npm start` runs) on a free port on
 * 127.0.0.1, waiting for the "Quaestio läuft auf …" line. Its database, unless the options name one: in the e2e
 * project with TEST_DATABASE_URL set, a new PostgreSQL database copied from the run's seeded template
 * (startAppOnPostgresCopy, dropped with the run's others at the teardown); otherwise, or with `backend: "pglite"`, its own
 * PGLITE_DIR, a copy of the run's seeded one (seededPgliteCopy). ADR 0032 says why and what stays on PGlite.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { createDatabase, databaseUrl, dropDatabase, testDatabaseName } from "./db-template";
import { askControl, controlUrl } from "./e2e-control";

declare module "vitest" {
  export interface ProvidedContext {
    /**
     * The seeded PostgreSQL template the e2e project's apps are copied from (null without TEST_DATABASE_URL), and
     * the run id their databases are named by (testDatabaseName), so that the teardown finds left-overs.
     */
    e2ePostgresTemplate: E2ePostgresTemplate | null;
  }
}

export interface E2ePostgresTemplate {
  adminUrl: string;
  name: string;
  runId: string;
}

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

const READY_PATTERN = /läuft auf (https?:\/\/\S+)/;
// Generous: a start that hangs still fails, but a start on a loaded 2-core machine (once over 90 s at a load
// average of 25) does not. The e2e hookTimeout in vitest.config.ts is longer than this.
const READY_TIMEOUT_MS = 240_000;

export interface RunningApp {
  url: string;
  port: number;
  /** PGLITE_DIR the app was started with (null when it uses DATABASE_URL). */
  pgliteDir: string | null;
  /** The database of its own that startAppOnPostgresCopy made for it (null otherwise). */
  database?: string | null;
  process: ChildProcess;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Sends SIGTERM and resolves when the process has exited (killing it after 10 s). */
  stop(): Promise<ExitInfo>;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from SIGTERM to exit (stop() only). */
  stopMs?: number;
}

export interface AppOptions {
  /** Extra environment; DATABASE_URL here means no PGLITE_DIR is made. */
  env?: Record<string, string | undefined>;
  /** Reuse a data directory (e.g. for a restart); default: see `backend`. */
  pgliteDir?: string;
  /**
   * The database of an app with demo data, when neither env.DATABASE_URL nor pgliteDir names one: "postgres" (the
   * default when the e2e project has a PostgreSQL template, i.e. TEST_DATABASE_URL is set) a copy of that template,
   * "pglite" a copy of the run's seeded PGlite directory, for what must run on the embedded database.
   */
  backend?: "pglite" | "postgres";
  port?: number;
}

let lastPortHandedOut = -1;

/**
 * A port nobody listens on: one the system picks, or with TEST_PORTS=<first>-<last> (engineers sharing a machine,
 * each with a range of their own) a free one of that range.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.TEST_PORTS?.trim() ?? "");
  if (!range) return listenOnce(0);
  const [first, last] = [Number(range[1]), Number(range[2])];
  // Round robin from the port after the last one handed out: two apps started at once get two ports. The first
  // choice of each process starts at an offset of its own (the vitest main process and its workers all hand out
  // ports of one range; starting each at the range's first port let two of them pick a port the other had just
  // chosen and not yet listened on).
  const size = last - first + 1;
  const start =
    lastPortHandedOut >= first && lastPortHandedOut <= last ? lastPortHandedOut + 1 - first : (process.pid * 7) % size;
  for (let tried = 0; tried < size; tried += 1) {
    const port = first + ((start + tried) % size);
    const free = await listenOnce(port).catch(() => null);
    if (free !== null) return (lastPortHandedOut = free);
  }
  throw new Error(`TEST_PORTS=${process.env.TEST_PORTS}: no free port in the range`);
}

function listenOnce(wanted: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(wanted, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A new copy of the run's migrated and seeded data directory (global-e2e.ts, which seeds it on the first request
 * when the apps run on PostgreSQL) for one app: the app finds the demo data in place. Null outside the e2e project.
 */
export async function seededPgliteCopy(): Promise<string | null> {
  if (!controlUrl()) return null;
  const { dir: template } = await askControl<{ dir: string }>("/pglite-template", "the seeded PGlite directory");
  const dir = freshPgliteDir();
  // Asynchronously: the copy (~40 MB) takes seconds on a busy machine.
  await fs.promises.cp(template, dir, { recursive: true });
  return dir;
}

/** The e2e project's seeded PostgreSQL template; null without TEST_DATABASE_URL or outside the e2e project. */
export function e2ePostgresTemplate(): E2ePostgresTemplate | null {
  try {
    return inject("e2ePostgresTemplate") ?? null;
  } catch {
    return null;
  }
}

/**
 * When the demo data that the e2e project's apps start with was seeded (of the PostgreSQL template when the apps
 * run on it, else of the PGlite directory); null outside the e2e project.
 */
export function demoSeededAt(): Date | null {
  try {
    const at = inject("e2eSeededAt");
    return at ? new Date(at) : null;
  } catch {
    return null;
  }
}

/** A fresh, not yet existing directory path for PGLITE_DIR (the app must create it). */
export function freshPgliteDir(): string {
  // Inside the e2e project the globalSetup provides a directory that it removes after the run.
  const parent = inject("e2eTempDir") ?? os.tmpdir();
  return path.join(fs.mkdtempSync(path.join(parent, "app-")), "pglite");
}

function childEnvironment(options: AppOptions, port: number, pgliteDir: string | null) {
  const env: Record<string, string | undefined> = { ...process.env };
  // The child is a production server, not part of the test runner.
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key === "TEST") delete env[key];
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  Object.assign(env, { PORT: String(port), HOST: "127.0.0.1" });
  if (pgliteDir) env.PGLITE_DIR = pgliteDir;
  Object.assign(env, options.env);
  return env as NodeJS.ProcessEnv;
}

function spawnApp(options: AppOptions, port: number, pgliteDir: string | null) {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: projectRoot,
    env: childEnvironment(options, port, pgliteDir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<ExitInfo>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

/**
 * Starts the app on a new database `CREATE DATABASE … TEMPLATE` the seeded PostgreSQL template, which the e2e
 * teardown drops with the run's other databases (dropRunDatabases: one checkpoint for many, not one per app).
 * `prepare`, if given, gets the copy's URL before the app starts (to plant data the app must find in place, as the
 * attack files do).
 */
export async function startAppOnPostgresCopy(
  template: E2ePostgresTemplate,
  options: Omit<AppOptions, "pgliteDir" | "backend"> & { prepare?: (url: string) => Promise<void> } = {},
): Promise<RunningApp> {
  const { prepare, ...appOptions } = options;
  const database = testDatabaseName(template.runId);
  await createDatabase(template.adminUrl, database, template.name);
  const drop = () => dropDatabase(template.adminUrl, database);
  const url = databaseUrl(template.adminUrl, database);
  let running: RunningApp;
  try {
    await prepare?.(url);
    running = await startApp({ ...appOptions, env: { ...appOptions.env, DATABASE_URL: url } });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  const stopApp = running.stop.bind(running);
  let stopping: Promise<ExitInfo> | null = null;
  return {
    ...running,
    database,
    // The database stays until the run's teardown drops them all at once (dropRunDatabases in global-e2e.ts).
    stop: () => (stopping ??= stopApp()),
  };
}

/** Starts the app and resolves once it prints that it is listening. */
export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  // Without a database of its own the app gets a copy of the seeded one, unless it must start without demo data.
  const withDemoData = options.env?.QUAESTIO_DEMO_DATA !== "0";
  const ownDatabase = Boolean(options.env?.DATABASE_URL || options.pgliteDir);
  const postgresTemplate = e2ePostgresTemplate();
  if (!ownDatabase && withDemoData && postgresTemplate && options.backend !== "pglite") {
    return startAppOnPostgresCopy(postgresTemplate, options);
  }
  const port = options.port ?? (await freePort());
  const pgliteDir = options.env?.DATABASE_URL
    ? null
    : (options.pgliteDir ?? (withDemoData ? await seededPgliteCopy() : null) ?? freshPgliteDir());
  const { child, exited, output } = spawnApp(options, port, pgliteDir);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the app did not print "läuft auf" within ${READY_TIMEOUT_MS / 1000} s; output:\n${output()}`));
    }, READY_TIMEOUT_MS);
    const onData = () => {
      const match = READY_PATTERN.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve(match[1]!.replace(/\/$/, ""));
    };
    child.stdout!.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (code ${code}, signal ${signal}) before it was ready; output:\n${output()}`));
    });
  });

  let stopping: Promise<ExitInfo> | null = null;
  return {
    url,
    port,
    pgliteDir,
    process: child,
    output,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return exited;
        const sentAt = performance.now();
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        const info = await exited;
        clearTimeout(killer);
        return { ...info, stopMs: performance.now() - sentAt };
      })();
      return stopping;
    },
  };
}

/**
 * Runs the app expecting it to exit by itself (a configuration error); resolves with its exit status and
 * output. If it becomes ready instead, it is stopped and the promise rejects.
 */
export async function runAppUntilExit(
  options: AppOptions = {},
  timeoutMs = 60_000,
): Promise<ExitInfo & { output: string }> {
  const port = options.port ?? (await freePort());
  const pgliteDir =
    options.env?.DATABASE_URL || options.env?.PGLITE_DIR ? null : (options.pgliteDir ?? freshPgliteDir());
  const { child, exited, output } = spawnApp(options, port, pgliteDir);
  let started = false;
  child.stdout!.on("data", () => {
    if (!started && READY_PATTERN.test(output())) {
      started = true;
      child.kill("SIGTERM");
    }
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const info = await exited;
  clearTimeout(timer);
  if (started) throw new Error(`the app started instead of exiting; output:\n${output()}`);
  if (info.signal === "SIGKILL")
    throw new Error(`the app neither exited nor started within ${timeoutMs / 1000} s; output:\n${output()}`);
  return { ...info, output: output() };
}
