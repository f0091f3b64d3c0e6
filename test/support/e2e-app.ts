/**
 * The set-up of a browser test file in one line:
 *
 *   const { app, browser } = useAppAndBrowser();          // its own app (a copy of the seeded data, freshApp())
 *   const { app, browser } = useAppAndBrowser({ env });   // its own app started with these options (startApp())
 *   const { app, browser } = useAppAndBrowser({ backend: "pglite" }); // its own app on a PGlite copy, always
 *   const { app, browser } = useAppAndBrowser("shared");  // the run's read-only app (see below)
 *
 * The seeded data is a PostgreSQL database when TEST_DATABASE_URL is set (as in CI), a PGlite directory
 * otherwise (global-e2e.ts, ADR 0032); `backend: "pglite"` is for what must run on the embedded database.
 *
 * `browser` is the run's Chromium (launchBrowser() in browser.ts); the file's contexts are its own.
 *
 * Both are started in a beforeAll and stopped in an afterAll of the file. `app` and `browser` are handles
 * that stand for what the beforeAll started: use them inside tests and hooks, not at the top level of the file.
 *
 * "shared": files that only read (they follow links and look, sign nobody in, post no form that changes
 * data) share one app per run instead of starting and seeding one each. globalSetup (global-e2e.ts) starts it
 * when the first such file asks for it and stops it after the run. A file that changes data, or that needs
 * its own environment (mail directory, scan interval), takes its own app: otherwise what it changes would
 * leak into the other files, and their order would matter.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { askControl, controlUrl } from "./e2e-control";
import { startApp, type AppOptions, type RunningApp } from "./server";

/** The shared app as a file sees it: where it runs. It is stopped by globalSetup, not by the file. */
export type SharedApp = Pick<RunningApp, "url" | "port">;

/** Asks globalSetup for the shared read-only app (started on the first request) and returns where it runs. */
export async function sharedApp(): Promise<SharedApp> {
  const { url, port } = await askControl<SharedApp>("/app", "the shared app");
  return { url, port };
}

/** An app of the file's own: what it changes nobody else sees. The file stops it (stop()) when it is done. */
export interface OwnApp extends Pick<RunningApp, "url" | "port" | "pgliteDir"> {
  /** Stops the app (in the e2e project: asks globalSetup to, which waits for the exit in the background). */
  stop(): Promise<unknown>;
}

/**
 * An app of the file's own on a new copy of the seeded data (PostgreSQL or PGlite, as startApp() would choose). In the e2e project
 * globalSetup has usually started it already while the previous file ran (see freshApps in global-e2e.ts);
 * elsewhere it is started here.
 */
export async function freshApp(): Promise<OwnApp> {
  if (!controlUrl()) return startApp();
  const what = "the file's own app";
  const { id, url, port, pgliteDir } = await askControl<SharedApp & { id: number; pgliteDir: string | null }>(
    "/fresh-app",
    what,
  );
  let stopping: Promise<unknown> | null = null;
  return { url, port, pgliteDir, stop: () => (stopping ??= askControl(`/fresh-app/stop?id=${id}`, what)) };
}

/**
 * A stand-in for an object that a beforeAll creates later: every property read goes to the object once it is
 * there (methods bound to it), and fails with a clear message before.
 */
function lateBound<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = current();
      if (!target) throw new Error(`${what} is only there once the file's beforeAll has run`);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has: (_target, property) => property in (current() ?? {}),
  });
}

export function useAppAndBrowser(): { app: OwnApp; browser: Browser };
export function useAppAndBrowser(mode: "shared"): { app: SharedApp; browser: Browser };
export function useAppAndBrowser(mode: AppOptions): { app: RunningApp; browser: Browser };
export function useAppAndBrowser(mode?: "shared" | AppOptions) {
  let app: RunningApp | OwnApp | SharedApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const starting = mode === "shared" ? sharedApp() : mode ? startApp(mode) : freshApp();
    [app, browser] = await Promise.all([starting, launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    if (app && "stop" in app) await app.stop();
  });
  return { app: lateBound("the app", () => app), browser: lateBound("the browser", () => browser) };
}
