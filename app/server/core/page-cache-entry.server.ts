/**
 * One entry of the public page cache (public-page-cache.server.ts): the rendered page split at its per-response
 * slots (CSP nonce, correlation id), its headers computed once, and its gzip compressed once; and the answer to one
 * request from it — 200 with a fresh nonce and id, 304, or HEAD — as plain status, headers and bytes, so that
 * scripts/start.mjs can send a hit without building a `Request` or reaching Remix (issue 13).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { acceptsGzip, gzipFill, gzipTemplate, type GzipTemplate } from "./gzip-template.server";
import { validatorsMatch } from "./http-cache.server";

/**
 * Browsers and shared caches may store a page but must ask again before every use (a cheap 304 when nothing
 * changed), so that a correction or a withdrawal from publication is visible at once — with max-age=60 a
 * reader's browser showed the old answer for a minute after a correction (reproduce-nrw browser test).
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, no-cache";

const NONCE_MARK = "\u0000quaestio-nonce\u0000";
const REQUEST_ID_MARK = "\u0000quaestio-request-id\u0000";
const REQUEST_ID_HEADER = "X-Request-Id";
/** Headers that belong to one response, not to the page: they are made fresh each time. */
const PER_RESPONSE_HEADERS = ["content-security-policy", "x-request-id", "cache-control", "content-length", "date"];

export interface Entry {
  /** 200, or 404 for a remembered not-found page. */
  status: 200 | 404;
  /** The page split at the markers: text, slot, text, slot … (slots are NONCE_MARK or REQUEST_ID_MARK). */
  parts: Buffer[];
  slots: string[];
  csp: string;
  /** The page's own headers, the validators and the Cache-Control included (per-response ones are added). */
  headers: Record<string, string>;
  etag: string;
  lastModified: Date;
  /** The body the page belongs to (first path segment), or null for pages that show every body. */
  bodySlug: string | null;
  /** The page compressed once, for clients that accept gzip (gzip-template.server.ts). */
  gzip: GzipTemplate;
  bytes: number;
  storedAt: number;
}

/** A request as the cache needs it: from a `Request`, or from Node's request before any `Request` is made. */
export interface PageRequest {
  /** The absolute URL (the checked host). */
  url: string;
  method: string;
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
  /** The page is sent gzipped (compressed when it was stored) when this allows it. */
  acceptEncoding?: string | null;
}

/** A cached page's answer: status, headers and bytes (null for HEAD and 304). */
export interface PageHit {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The stored form of a rendered page, or null when the response must not be stored. */
export async function toEntry(response: Response, bodySlug: string | null, storedAt: number): Promise<Entry | null> {
  const csp = response.headers.get("Content-Security-Policy") ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  const requestId = response.headers.get(REQUEST_ID_HEADER);
  if (
    (response.status !== 200 && response.status !== 404) ||
    !response.body ||
    !(response.headers.get("Content-Type") ?? "").startsWith("text/html") ||
    response.headers.has("Set-Cookie") ||
    !nonce ||
    !requestId
  ) {
    return null;
  }
  const html = await response.text();
  const template = html.split(nonce).join(NONCE_MARK).split(requestId).join(REQUEST_ID_MARK);
  const pieces = template.split(new RegExp(`(${NONCE_MARK}|${REQUEST_ID_MARK})`));
  const parts: Buffer[] = [];
  const slots: string[] = [];
  pieces.forEach((piece, index) => (index % 2 === 0 ? parts.push(Buffer.from(piece)) : slots.push(piece)));
  const status = response.status === 404 ? 404 : 200;
  // Weak: the bytes differ from response to response by the nonce and the correlation id, nothing else.
  const etag = `W/"${createHash("sha256").update(template).digest("base64url").slice(0, 27)}"`;
  const lastModified = new Date(storedAt);
  // The headers every answer of this entry sends, computed once (a hit only adds the per-response ones).
  const headers = new Headers();
  for (const [name, value] of response.headers) {
    if (!PER_RESPONSE_HEADERS.includes(name.toLowerCase())) headers.append(name, value);
  }
  // The same URL is a different page once signed in (staff links): a browser or proxy must not hand its stored
  // anonymous copy to a request that carries a session cookie.
  headers.append("Vary", "Cookie");
  // The cache answers gzip itself to clients that accept it (the compression middleware leaves it alone then).
  headers.append("Vary", "Accept-Encoding");
  headers.set("X-Content-Type-Options", "nosniff");
  if (status === 200) {
    headers.set("ETag", etag);
    headers.set("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
    headers.set("Last-Modified", lastModified.toUTCString());
  } else {
    // A 404 goes out as before: no-store, no validators (as publicResponse sends errors).
    headers.set("Cache-Control", "no-store");
  }
  const gzip = gzipTemplate(parts);
  const bytes = parts.reduce((sum, part) => sum + part.length, 0) + gzip.bytes;
  return {
    status,
    parts,
    slots,
    csp: csp.split(nonce).join(NONCE_MARK),
    headers: Object.fromEntries(headers),
    etag,
    lastModified,
    bodySlug,
    gzip,
    bytes: bytes + 512,
    storedAt,
  };
}

/** Nonces from a pool of random bytes, drawn in blocks (one call to the generator per 256 nonces). */
let noncePool = Buffer.alloc(0);
let noncePoolOffset = 0;
function freshNonce(): string {
  if (noncePoolOffset + 16 > noncePool.length) {
    noncePool = randomBytes(4096);
    noncePoolOffset = 0;
  }
  noncePoolOffset += 16;
  return noncePool.toString("base64", noncePoolOffset - 16, noncePoolOffset);
}

/**
 * A cached page with a fresh nonce and correlation id: 200 with the bytes, 304 when the client's copy is current
 * (RFC 9110 §13, as publicResponse decides), no body to HEAD.
 */
export function answer(entry: Entry, request: PageRequest): PageHit {
  const nonce = freshNonce();
  const requestId = randomUUID();
  const headers: Record<string, string> = { ...entry.headers };
  headers[REQUEST_ID_HEADER] = requestId;
  if (
    entry.status === 200 &&
    validatorsMatch(request.ifNoneMatch, request.ifModifiedSince, entry.etag, entry.lastModified)
  ) {
    // A 304 updates the headers of the client's stored copy: a CSP with a fresh nonce would no longer match
    // the nonce in that copy's scripts, so the stored CSP stays (none is sent).
    delete headers["content-type"];
    return { status: 304, headers, body: null };
  }
  headers["Content-Security-Policy"] = entry.csp.split(NONCE_MARK).join(nonce);
  if (request.method === "HEAD") return { status: entry.status, headers, body: null };
  const fill: Record<string, Buffer> = { [NONCE_MARK]: Buffer.from(nonce), [REQUEST_ID_MARK]: Buffer.from(requestId) };
  const slots = entry.slots.map((slot) => fill[slot]!);
  let chunks: Buffer[];
  if (acceptsGzip(request.acceptEncoding)) {
    chunks = gzipFill(entry.gzip, slots);
    headers["Content-Encoding"] = "gzip";
  } else {
    chunks = entry.parts.flatMap((part, index) => (index < slots.length ? [part, slots[index]!] : [part]));
  }
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  headers["Content-Length"] = String(length);
  return { status: entry.status, headers, body: Buffer.concat(chunks, length) };
}

export function respond(request: Request, entry: Entry): Response {
  const hit = answer(entry, {
    url: request.url,
    method: request.method,
    ifNoneMatch: request.headers.get("If-None-Match"),
    ifModifiedSince: request.headers.get("If-Modified-Since"),
    acceptEncoding: request.headers.get("Accept-Encoding"),
  });
  // A Uint8Array is a valid body; TypeScript's DOM types only lack the ArrayBufferLike variant.
  return new Response(hit.body as BodyInit | null, { status: hit.status, headers: hit.headers });
}
