/**
 * Server entry: streaming HTML render with a per-request CSP nonce, security headers on every
 * response Remix produces, and error logging under a correlation id.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { PassThrough, Writable } from "node:stream";
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { REQUEST_ID_HEADER, RequestIdProvider } from "~/components/request-id";
import { megabytes } from "~/domain/request-limits";
import { httpRefusalText, type RefusalStatus } from "~/domain/texts/http";
import { config } from "~/server/core/config.server";
import { publicPageCache, type PageHit, type PageRequest } from "~/server/core/public-page-cache.server";
import { withRequestScope } from "~/server/core/request-scope.server";

// Called by scripts/start.mjs through the server build (`build.entry.module.startup()`): migrate and
// seed the database before the HTTP server listens, and close it on shutdown.
export { backgroundWorkBusy, startup, shutdown } from "~/server/core/bootstrap.server";
// Used by scripts/start.mjs in front of Remix: the Host allow-list and the body limits.
// resetConfig: scripts/start.mjs changes PORT after listening on PORT=0 and has the configuration read again.
export { hostAllowed, resetConfig } from "~/server/core/config.server";
export { bodyLimitFor } from "~/domain/request-limits";
// Benchmark only (QUAESTIO_COUNT_STATEMENTS=1): scripts/start.mjs counts each request's SQL statements and
// sends the number as X-Statement-Count.
export { countStatementsOf, statementCountingEnabled } from "~/server/core/db.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Correlation id of this request; see app/components/request-id.tsx. */
    requestId?: string;
    /** Client address from the HTTP server (scripts/start.mjs), for per-IP rate limits. */
    clientIp?: string;
    /** Address of the connection's peer (never from a header), for the development mailbox. */
    peerAddress?: string;
  }
}

/** How long a streamed response may wait for pending promises before Remix rejects them. */
export const streamTimeout = 5_000;

const isDevelopment = config().development;

/**
 * The request's correlation id. scripts/start.mjs puts one into every load context; servers that
 * pass no context (the Vite dev server, tests calling the request handler directly) get one here.
 * Remix passes the same context object to handleError, handleDataRequest and handleRequest, so the
 * lazily created id is shared by all of them.
 */
export function requestIdOf(context: AppLoadContext | undefined): string {
  if (!context) return randomUUID();
  context.requestId ??= randomUUID();
  return context.requestId;
}

function contentSecurityPolicy(nonce: string): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
    // Vite's dev server injects <style> elements for CSS modules and HMR; production serves files.
    "style-src": isDevelopment ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    // Vite HMR talks over a WebSocket in development only.
    "connect-src": isDevelopment ? ["'self'", "ws:", "wss:"] : ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/**
 * Headers every response gets, HTML or not. Exported so that scripts/start.mjs can add the same
 * set to responses Remix does not pass through this module (static files, resource routes).
 */
export function baseSecurityHeaders(isHttps: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // HSTS over plain HTTP is ignored by browsers and would be wrong for a local installation.
  if (isHttps) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * A small German HTML page for requests the HTTP server refuses before Remix sees them (bad Host, malformed
 * request line, unsupported method or content type, too large a body), with the same CSP and security headers
 * as every other page. It loads nothing, so its CSP allows nothing but the page itself.
 */
export function refusalPage(
  status: RefusalStatus,
  isHttps: boolean,
  limitBytes?: number,
): { status: number; headers: Record<string, string>; body: string } {
  const text = httpRefusalText[status];
  const detail = status === 413 && limitBytes ? ` ${httpRefusalText.limit(megabytes(limitBytes))}` : "";
  const body = `<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title} – Quaestio</title></head>
<body><main><h1>${text.title}</h1><p>${text.text}${detail}</p><p><a href="/">${httpRefusalText.back}</a></p></main></body>
</html>
`;
  return {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "Cache-Control": "no-store",
      ...baseSecurityHeaders(isHttps),
    },
    body,
  };
}

const SESSION_COOKIE_PATTERN = /(?:^|;)\s*(?:__Host-)?quaestio_session=/;

/**
 * Whether a response must not be stored by the browser or any cache in between: it answers a request that
 * carries a session cookie (it may show non-public material or personal data), or it sets a cookie.
 * Exported so that scripts/start.mjs can apply the same rule to responses that bypass this module
 * (redirects of document requests, resource routes).
 */
export function mustNotBeStored(requestCookieHeader: string | null | undefined, responseSetsCookie: boolean): boolean {
  return responseSetsCookie || SESSION_COOKIE_PATTERN.test(requestCookieHeader ?? "");
}

/**
 * Used by scripts/start.mjs around Remix: anonymous requests for public pages are answered from the in-process
 * page cache (app/server/core/public-page-cache.server.ts); a request with a session cookie always renders.
 */
export function servePublicPage(request: Request, render: (request: Request) => Promise<Response>) {
  // Every request runs in a scope of its own: facts its loaders share are read once (request-scope.server.ts).
  return withRequestScope(() =>
    publicPageCache().serve(request, render, mustNotBeStored(request.headers.get("Cookie"), false)),
  );
}

/**
 * Used by scripts/start.mjs before anything else of the request is built: a page cache hit for an anonymous
 * GET/HEAD, answered straight from Node's request (no `Request`, no Remix), or null to go on as usual.
 */
export function publicPageHit(request: PageRequest & { cookie?: string | null }): PageHit | null {
  return publicPageCache().hit(request, mustNotBeStored(request.cookie, false));
}

function applyNoStore(request: Request, headers: Headers) {
  if (mustNotBeStored(request.headers.get("Cookie"), headers.has("Set-Cookie")))
    headers.set("Cache-Control", "no-store");
}

function isHttpsRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function setHeaders(target: Headers, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) target.set(name, value);
}

/**
 * A path whose decoded form starts with "//" or "/\\" (e.g. "/%5C…") is read by React Router's server
 * renderer as a protocol-relative URL and makes it throw ("Invalid URL") — a 500 for a mere typo or probe.
 * No route of the app has such a path, so it is answered with a plain 404 before rendering.
 */
export function isAmbiguousPath(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed percent-encoding: judge the raw path.
  }
  return /^\/[\\/]/.test(decoded);
}

/**
 * Whether a loader or action of this render returned a promise among its values (single fetch's deferred data,
 * which the page streams into `<Await>` as it resolves). Such a page keeps React's streaming render.
 */
export function hasDeferredData(remixContext: EntryContext): boolean {
  const { loaderData, actionData } = remixContext.staticHandlerContext;
  for (const data of [...Object.values(loaderData ?? {}), ...Object.values(actionData ?? {})]) {
    if (data === null || typeof data !== "object") continue;
    if (isThenable(data)) return true;
    for (const value of Object.values(data)) if (isThenable(value)) return true;
  }
  return false;
}

function isThenable(value: unknown): boolean {
  return value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function";
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Called a second time for the same request when the first render failed; a fresh nonce is
  // fine because the headers are set again below with `set`.
  const nonce = randomBytes(16).toString("base64");
  const requestId = requestIdOf(loadContext);

  if (isAmbiguousPath(new URL(request.url).pathname)) {
    const headers = new Headers({ "Content-Type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId });
    headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
    setHeaders(headers, baseSecurityHeaders(isHttpsRequest(request)));
    applyNoStore(request, headers);
    return new Response("Nicht gefunden.\n", { status: 404, headers });
  }

  logThrownServerErrorResponses(remixContext, requestId, request);

  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  setHeaders(responseHeaders, baseSecurityHeaders(isHttpsRequest(request)));
  responseHeaders.set(REQUEST_ID_HEADER, requestId);
  applyNoStore(request, responseHeaders);

  // Crawlers get the complete document at once; browsers get the shell as soon as it is ready — which, for a
  // page without deferred data, is the complete document a few microtasks later anyway.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  // A page whose loaders defer nothing is rendered whole into one buffer: one chunk for compression and the
  // socket instead of React's ~2 kB pieces, each passing Node's and the web's streams and its own zlib call.
  const buffered = !hasDeferredData(remixContext);

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const streamedResponse = () => {
      const body = new PassThrough();
      const response = new Response(createReadableStreamFromReadable(body), {
        headers: responseHeaders,
        status: responseStatusCode,
      });
      pipe(body);
      return response;
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdProvider value={requestId}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </RequestIdProvider>
      </NonceProvider>,
      {
        // React's own inline scripts (Suspense streaming) need the nonce as well.
        nonce,
        onShellReady() {
          shellRendered = true;
          if (!buffered && !waitForAll) resolve(streamedResponse());
        },
        onAllReady() {
          if (!buffered) {
            if (waitForAll) resolve(streamedResponse());
            return;
          }
          const chunks: Buffer[] = [];
          pipe(
            new Writable({
              write(chunk: Buffer, _encoding, done) {
                chunks.push(chunk);
                done();
              },
              final(done) {
                const html = Buffer.concat(chunks);
                // The length tells scripts/start.mjs that the body is complete: it is sent with one write.
                responseHeaders.set("Content-Length", String(html.byteLength));
                resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
                done();
              },
            }),
          );
        },
        onShellError(error: unknown) {
          // Remix catches this, calls handleError and renders the ErrorBoundary.
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reach handleError through onShellError; later ones
          // (inside Suspense boundaries) are logged here.
          if (shellRendered && !request.signal.aborted) logError(requestId, request, error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * Data requests (client-side navigations, fetchers): the same security headers minus the HTML
 * CSP, and the correlation id so that the browser can show it if the navigation fails.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request, context }) => {
  const values = { ...baseSecurityHeaders(isHttpsRequest(request)), [REQUEST_ID_HEADER]: requestIdOf(context) };
  try {
    setHeaders(response.headers, values);
    applyNoStore(request, response.headers);
    return response;
  } catch {
    // Headers of e.g. Response.redirect() are immutable; copy the response.
    const copy = new Response(response.body, response);
    setHeaders(copy.headers, values);
    applyNoStore(request, copy.headers);
    return copy;
  }
};

/**
 * Every unexpected error of a request goes to the server log in full, under the request's
 * correlation id, which the error page shows (the page never shows the message or stack).
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // A client that went away aborts its loaders; that is not an error of the application.
  if (request.signal.aborted) return;
  // 4xx from the router (a POST to a page without an action: 405; no route: 404) is the client's mistake, not
  // the application's: no stack trace in the log.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logError(requestIdOf(context), request, error);
};

function logError(requestId: string, request: Request, error: unknown) {
  const url = new URL(request.url);
  const cause = isRouteErrorResponse(error) && "error" in error && error.error ? error.error : error;
  console.error(`[Fehler-ID ${requestId}] ${request.method} ${url.pathname}${url.search}`, cause);
}

/**
 * A route that throws a Response with status 5xx bypasses handleError (Remix only reports thrown
 * errors); log it here so that the id on the error page still finds a log entry.
 */
function logThrownServerErrorResponses(remixContext: EntryContext, requestId: string, request: Request) {
  const errors = remixContext.staticHandlerContext.errors;
  if (!errors) return;
  for (const error of Object.values(errors)) {
    if (isRouteErrorResponse(error) && error.status >= 500 && !("error" in error && error.error)) {
      logError(requestId, request, `HTTP ${error.status} ${error.statusText}`.trim());
    }
  }
}
