/**
 * The correlation id ("Fehler-ID") shown on error pages and written next to the full error in the
 * server log.
 *
 * How the same id reaches the log and the page:
 * - Every request gets one id in its Remix load context (`context.requestId`: created by
 *   `getLoadContext` in scripts/start.mjs, or lazily by entry.server.tsx when another server, such
 *   as the Vite dev server, passes no context). Remix hands that same context object to
 *   `handleError`, to `handleDataRequest` and to the document render, so all of them see one id.
 * - `handleError` logs the error with the id; document and data responses carry it as
 *   `X-Request-Id`.
 * - Document requests: entry.server.tsx provides the id through this context, and the root
 *   `Layout` writes it into `<meta name="request-id">`. entry.client.tsx reads that meta element
 *   before hydrating, so the client renders the same id (no hydration mismatch), even when the
 *   root loader itself failed and there is no loader data to carry it.
 * - Client-side navigations: entry.client.tsx remembers the `X-Request-Id` of each response
 *   fetched from our origin (Remix's `.data` requests), so an error boundary rendered after a
 *   failed navigation shows the id of the data request that failed, not the id of the page load.
 *   An error that happens purely in the browser has no server log entry; the id shown is then the
 *   last one seen, which at least locates the session in the log.
 */
import { createContext, useContext } from "react";

export const REQUEST_ID_HEADER = "X-Request-Id";
export const REQUEST_ID_META = "request-id";

const RequestIdContext = createContext<string>("");

export const RequestIdProvider = RequestIdContext.Provider;

// Client-side store; unused on the server, where every request has its own React tree.
let latestClientRequestId: string | null = null;

export function rememberRequestId(id: string) {
  latestClientRequestId = id;
}

/** The id the server rendered into the page; read before hydration by entry.client.tsx. */
export function readRequestIdFromDocument(): string {
  return document.querySelector(`meta[name="${REQUEST_ID_META}"]`)?.getAttribute("content") ?? "";
}

function clientRequestId(): string {
  latestClientRequestId ??= readRequestIdFromDocument();
  return latestClientRequestId;
}

export function useRequestId(): string {
  const fromServer = useContext(RequestIdContext);
  return typeof document === "undefined" ? fromServer : clientRequestId();
}
