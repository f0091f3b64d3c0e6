import type { HeadersFunction } from "@remix-run/node";

/**
 * Page responses take their headers only from the route's `headers` export: pass on the loader's and the
 * action's (e.g. Cache-Control: no-store, Retry-After on 429). Set-Cookie is handled by Remix itself.
 */
export const mergeLoaderAndActionHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const merged = new Headers(loaderHeaders);
  actionHeaders.forEach((value, key) => {
    if (key !== "set-cookie") merged.set(key, value);
  });
  return merged;
};
