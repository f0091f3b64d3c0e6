/**
 * Asking the e2e project's control server (test/support/global-e2e.ts) for what the run shares: the read-only
 * app, apps of a file's own that are started ahead of time, and the run's Chromium.
 */
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of global-e2e.ts's small control server on 127.0.0.1. */
    e2eSharedAppControl: string;
  }
}

/** The control server's URL; null outside the e2e project (e.g. a browser helper used by another project). */
export function controlUrl(): string | null {
  try {
    return inject("e2eSharedAppControl") ?? null;
  } catch {
    return null;
  }
}

/** GETs `path` from the control server and returns its JSON answer; fails with the server's error message. */
export async function askControl<T>(path: string, what: string): Promise<T> {
  const control = controlUrl();
  if (!control) throw new Error(`${what} is only there in the e2e project (test/support/global-e2e.ts)`);
  const response = await fetch(`${control}${path}`);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`${what}: ${body.error ?? `HTTP ${response.status}`}`);
  return body;
}
