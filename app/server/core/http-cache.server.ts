/**
 * Conditional GET for public, non-personal responses (feeds, exports, API objects, cached pages): a strong
 * `ETag` from the bytes, an optional `Last-Modified`, and 304 Not Modified when the client already has them
 * (RFC 9110 §13: `If-None-Match` decides; `If-Modified-Since` only when no `If-None-Match` was sent).
 * Anything personal must not come through here: it is `no-store` (entry.server).
 */
import { createHash } from "node:crypto";

export type PublicBody = string | Uint8Array;

export interface PublicResponseOptions {
  contentType: string;
  /** When the underlying data last changed; sent as `Last-Modified` (second precision). */
  lastModified?: Date | null;
  /** Default: shared caches may keep it for a minute, then revalidate. */
  cacheControl?: string;
  status?: number;
  headers?: Record<string, string> | Headers;
  /**
   * An entity tag decided by the caller instead of the hash of the bytes: a cached page whose bytes differ
   * per response only by its CSP nonce sends a weak tag (`W/"…"`) over its template (public-page-cache).
   */
  etag?: string;
}

export const DEFAULT_PUBLIC_CACHE_CONTROL = "public, max-age=60, must-revalidate";

/** A strong entity tag over the exact bytes sent. */
export function entityTag(body: PublicBody): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** True when the request's validators match what we would send (so 304 is the answer). */
export function isNotModified(request: Request, etag: string, lastModified?: Date | null): boolean {
  return validatorsMatch(
    request.headers.get("If-None-Match"),
    request.headers.get("If-Modified-Since"),
    etag,
    lastModified,
  );
}

/** The same from the two header values (for callers without a `Request`, e.g. the page cache's hits). */
export function validatorsMatch(
  ifNoneMatch: string | null | undefined,
  ifModifiedSince: string | null | undefined,
  etag: string,
  lastModified?: Date | null,
): boolean {
  if (ifNoneMatch !== null && ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === "*") return true;
    // If-None-Match uses the weak comparison (RFC 9110 §8.8.3.2): W/ is ignored on both sides.
    const opaque = etag.replace(/^W\//, "");
    return ifNoneMatch
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .includes(opaque);
  }
  if (ifModifiedSince && lastModified) {
    const since = Date.parse(ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

/**
 * The response for a public GET/HEAD: 200 with the body and its validators, or 304 without a body when the
 * client's copy is current. Errors (status other than 200) are sent as they are, `no-store`.
 */
export function publicResponse(request: Request, body: PublicBody, options: PublicResponseOptions): Response {
  const status = options.status ?? 200;
  const headers = new Headers(options.headers);
  headers.set("Content-Type", options.contentType);
  headers.set("X-Content-Type-Options", "nosniff");
  if (status !== 200) {
    headers.set("Cache-Control", "no-store");
    return new Response(body as BodyInit, { status, headers });
  }
  const etag = options.etag ?? entityTag(body);
  headers.set("ETag", etag);
  headers.set("Cache-Control", options.cacheControl ?? DEFAULT_PUBLIC_CACHE_CONTROL);
  if (options.lastModified) headers.set("Last-Modified", options.lastModified.toUTCString());
  if (isNotModified(request, etag, options.lastModified)) {
    headers.delete("Content-Type");
    // A 304 updates the headers of the client's stored copy: a CSP with a fresh nonce would no longer match
    // the nonce in that copy's scripts, so the stored CSP stays.
    headers.delete("Content-Security-Policy");
    return new Response(null, { status: 304, headers });
  }
  // A Uint8Array is a valid body; TypeScript's DOM types only lack the ArrayBufferLike variant.
  return new Response(request.method === "HEAD" ? null : (body as BodyInit), { status, headers });
}
