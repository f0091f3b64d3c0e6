/**
 * Facts that stay the same for the whole of one request and that several loaders of it need — the session and
 * its user, read by the root loader and again by the page's loader — are read once per request. Remix hands
 * each loader its own copy of the Request, so the request object cannot carry them; the HTTP server runs every
 * request in a scope of its own (entry.server.tsx, servePublicPage), and code outside one (tests calling the
 * handler directly, scripts) simply reads again.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<Map<string, unknown>>();

/** Runs one request's work in a fresh scope. */
export function withRequestScope<T>(work: () => T): T {
  return scope.run(new Map(), work);
}

/** The value under `key` in this request's scope, made by `make` the first time; outside a scope, `make()`. */
export function requestMemo<T>(key: string, make: () => T): T {
  const store = scope.getStore();
  if (!store) return make();
  if (!store.has(key)) store.set(key, make());
  return store.get(key) as T;
}
