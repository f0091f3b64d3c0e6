/**
 * The set-up of a browser test file in one line:
 *
 *   const { app, browser } = useAppAndBrowser();          // its own app (a copy of the seeded data) and Chromium
 *   const { app, browser } = useAppAndBrowser("shared");  // the run's read-only app (see below) and Chromium
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
import { afterAll, beforeAll, inject } from "vitest";
import { launchBrowser } from "./browser";
import { startApp, type AppOptions, type RunningApp } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of global-e2e.ts's small control server that hands out the shared read-only app. */
    e2eSharedAppControl: string;
  }
}

/** The shared app as a file sees it: where it runs. It is stopped by globalSetup, not by the file. */
export type SharedApp = Pick<RunningApp, "url" | "port">;

/** Asks globalSetup for the shared read-only app (started on the first request) and returns where it runs. */
export async function sharedApp(): Promise<SharedApp> {
  const control = inject("e2eSharedAppControl");
  if (!control) throw new Error("the shared app is only there in the e2e project (test/support/global-e2e.ts)");
  const response = await fetch(`${control}/app`);
  const body = (await response.json()) as { url?: string; port?: number; error?: string };
  if (!response.ok || !body.url) throw new Error(`the shared app did not start: ${body.error ?? response.status}`);
  return { url: body.url, port: body.port! };
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

export function useAppAndBrowser(): { app: RunningApp; browser: Browser };
export function useAppAndBrowser(mode: "shared"): { app: SharedApp; browser: Browser };
export function useAppAndBrowser(mode: "shared" | AppOptions = {}) {
  let app: RunningApp | SharedApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([mode === "shared" ? sharedApp() : startApp(mode), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    if (app && "stop" in app) await app.stop();
  });
  return { app: lateBound("the app", () => app), browser: lateBound("the browser", () => browser) };
}
