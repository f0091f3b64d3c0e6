/**
 * In-process cache of rendered public HTML pages (published answers, a body's list, the overview, the tool
 * catalogue, the static pages) for anonymous GET/HEAD: rendered once, then served from memory until a change
 * of that body's data drops it (docs/decisions/0016-public-page-cache.md).
 *
 * - Only requests without a session cookie, only paths of the allow-list below, only `?seite=N` as a query:
 *   a signed-in user's page (staff links, personal data) is never stored and never served from here.
 * - Only a 200 HTML response without Set-Cookie is stored. Its CSP nonce and correlation id are replaced by
 *   markers; every response gets a fresh nonce and id, so the CSP stays a per-response nonce.
 * - Bounded by bytes (PAGE_CACHE_MB, least recently used out first).
 * - `publicPagesChanged(bodyId)` drops the body's pages and every page that lists all bodies; the event
 *   writer calls it after the commit of every event of a body (core/events.server.ts). A render that was
 *   running while a change committed is not stored (generation check), so no stale page outlives a commit.
 * - One process only: a second app process does not see this process's invalidations (see the ADR).
 * - A 404 of a cached path (an unknown or unpublished inquiry, an unknown body) is remembered too, as the URL
 *   pointing to one shared rendering of the not-found page (the page is the same for every such URL, apart from
 *   nonce and correlation id): NOT_FOUND_MAX_ENTRIES URLs at most, least recently used out first, dropped with
 *   the body's pages (a publication turns the 404 into the page at once). It is sent `no-store`, as before
 *   (docs/decisions/0022-dashboards-and-not-found-at-archive-size.md).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { bodies } from "../../../db/schema";
import { config } from "./config.server";
import { getDb } from "./db.server";
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
/**
 * A safety net for what changes without an event: pages show relative dates ("in 3 Tagen", overdue since
 * today), which move at midnight. No entry is served for longer than this.
 */
export const PAGE_MAX_AGE_MS = 10 * 60 * 1000;
/** How many not-found URLs are remembered (each a key and a reference to a shared page: ~1 MB in all). */
export const NOT_FOUND_MAX_ENTRIES = 10_000;

/** Headers that belong to one response, not to the page: they are made fresh each time. */
const PER_RESPONSE_HEADERS = ["content-security-policy", "x-request-id", "cache-control", "content-length", "date"];

interface Entry {
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
}

/** A cached page's answer: status, headers and bytes (null for HEAD and 304). */
export interface PageHit {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface PageCacheStats {
  entries: number;
  /** Remembered not-found URLs (not counted in `entries` and `bytes`). */
  notFound: number;
  bytes: number;
  hits: number;
  misses: number;
}

const STATIC_PATHS = new Set([
  "/",
  "/werkzeuge",
  "/barrierefreiheit",
  "/barrierefreiheit/leichte-sprache",
  "/barrierefreiheit/gebaerdensprache",
  "/impressum",
  "/datenschutz",
]);
const TOOL_PAGE = /^\/werkzeuge\/[a-z0-9-]+$/;
const BODY_LIST = /^\/([a-z0-9-]+)\/anfragen$/;
const BODY_DETAIL = /^\/([a-z0-9-]+)\/anfragen\/[A-Za-z0-9_-]+$/;
/** A body's statistics: one aggregate over its archive, the same for every reader until the body changes. */
const BODY_STATISTICS = /^\/([a-z0-9-]+)\/statistik$/;

interface CacheablePath {
  bodySlug: string | null;
}

/**
 * Whether a URL is one of the cached public pages, and which body it belongs to. Other query parameters
 * (filters, search) are passed through uncached: they would let anyone fill the cache with variants.
 */
export function cacheablePath(url: URL): CacheablePath | null {
  const { pathname } = url;
  const params = [...url.searchParams.keys()];
  const list = BODY_LIST.exec(pathname);
  if (list) {
    const onlyPage = params.every((name) => name === "seite") && params.length <= 1;
    const page = url.searchParams.get("seite");
    if (!onlyPage || (page !== null && !/^[1-9]\d{0,5}$/.test(page))) return null;
    return { bodySlug: list[1]! };
  }
  if (params.length > 0 || url.search !== "") return null;
  if (STATIC_PATHS.has(pathname) || TOOL_PAGE.test(pathname)) return { bodySlug: null };
  const detail = BODY_DETAIL.exec(pathname) ?? BODY_STATISTICS.exec(pathname);
  if (detail) return { bodySlug: detail[1]! };
  return null;
}

export class PublicPageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = 0;
  private hits = 0;
  private misses = 0;
  private slugsById = new Map<string, string>();
  /** Not-found URLs, each pointing to one of the few distinct not-found renderings in `notFoundPages`. */
  private notFound = new Map<string, Entry>();
  private notFoundPages = new Map<string, Entry>();

  constructor(
    private readonly maxBytes: number,
    private readonly loadBodySlugs: () => Promise<Map<string, string>>,
    private readonly now: () => number = Date.now,
  ) {}

  stats(): PageCacheStats {
    return {
      entries: this.entries.size,
      notFound: this.notFound.size,
      bytes: this.bytes,
      hits: this.hits,
      misses: this.misses,
    };
  }

  /**
   * The page for an anonymous request: from the cache, or rendered by `render` (Remix) and stored. `personal`
   * requests (a session cookie) always go to `render` and are never stored.
   */
  async serve(request: Request, render: (request: Request) => Promise<Response>, personal: boolean) {
    const url = new URL(request.url);
    const path = this.maxBytes > 0 && !personal ? cacheablePath(url) : null;
    if (!path || (request.method !== "GET" && request.method !== "HEAD")) return render(request);
    const key = `${url.protocol}//${url.host}${url.pathname}${url.search}`;

    const found = this.lookup(key);
    if (found) return respond(request, found);

    this.misses++;
    const generation = this.generation;
    // Render as GET so that a HEAD fills the cache too; the HEAD answer below has no body.
    const response = await render(request.method === "GET" ? request : new Request(request, { method: "GET" }));
    const entry = await toEntry(response, path.bodySlug, this.now());
    if (!entry) return request.method === "HEAD" ? new Response(null, response) : response;
    if (entry.status === 404) {
      // An unknown body's slug is not looked up on every miss; the map of known bodies is needed only to drop
      // a single body's URLs (without it every change drops all, which is safe).
      if (this.slugsById.size === 0) this.slugsById = await this.loadBodySlugs();
      if (generation === this.generation) this.storeNotFound(key, entry);
      return respond(request, entry);
    }
    if (path.bodySlug !== null && ![...this.slugsById.values()].includes(path.bodySlug)) {
      this.slugsById = await this.loadBodySlugs();
    }
    // A change committed while this page was rendered: serve it this once, but do not keep it.
    if (generation === this.generation && entry.bytes <= this.maxBytes / 4) this.store(key, entry);
    return respond(request, entry);
  }

  /**
   * The cached answer for an anonymous GET/HEAD, or null (not cached, not cacheable, personal): for
   * scripts/start.mjs, which answers a hit straight from Node's request, before a `Request` is built or Remix
   * is reached. A null leaves the request to `serve`, which renders and stores it.
   */
  hit(request: PageRequest, personal: boolean): PageHit | null {
    if (this.maxBytes <= 0 || personal || (request.method !== "GET" && request.method !== "HEAD")) return null;
    const url = new URL(request.url);
    if (!cacheablePath(url)) return null;
    const found = this.lookup(`${url.protocol}//${url.host}${url.pathname}${url.search}`);
    return found ? answer(found, request) : null;
  }

  /** The stored page for a key (a hit moves it to the most recently used end), or null. */
  private lookup(key: string): Entry | null {
    const cached = this.entries.get(key);
    if (cached && this.now() - cached.storedAt > PAGE_MAX_AGE_MS) this.remove(key, cached);
    else if (cached) {
      this.hits++;
      // Least recently used first: a hit moves the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const missing = this.notFound.get(key);
    if (missing) {
      this.notFound.delete(key);
      if (this.now() - missing.storedAt <= PAGE_MAX_AGE_MS) {
        this.hits++;
        this.notFound.set(key, missing);
        return missing;
      }
    }
    return null;
  }

  /** Drops the pages of one body and those that show all bodies; null (or an unknown body) drops everything. */
  invalidate(bodyId: string | null) {
    this.generation++;
    const slug = bodyId === null ? undefined : this.slugsById.get(bodyId);
    if (slug === undefined) {
      this.entries.clear();
      this.bytes = 0;
      this.notFound.clear();
      this.notFoundPages.clear();
      return;
    }
    for (const [key, entry] of this.entries) {
      if (entry.bodySlug === null || entry.bodySlug === slug) this.remove(key, entry);
    }
    for (const [key, entry] of this.notFound) {
      if (entry.bodySlug === null || entry.bodySlug === slug) this.notFound.delete(key);
    }
    for (const [tag, entry] of this.notFoundPages) {
      if (entry.bodySlug === null || entry.bodySlug === slug) this.notFoundPages.delete(tag);
    }
  }

  /** Remembers a not-found URL; URLs with the same not-found page share one stored copy of it. */
  private storeNotFound(key: string, entry: Entry) {
    const pageKey = `${entry.bodySlug ?? ""} ${entry.etag}`;
    // Distinct not-found pages are few (one per route and body); should they pile up, start afresh.
    if (this.notFoundPages.size >= 100) this.notFoundPages.clear();
    const shared = this.notFoundPages.get(pageKey) ?? entry;
    this.notFoundPages.set(pageKey, shared);
    this.notFound.delete(key);
    // The URL's own time, the shared page's bytes.
    this.notFound.set(key, shared === entry ? entry : { ...shared, storedAt: entry.storedAt });
    for (const oldestKey of this.notFound.keys()) {
      if (this.notFound.size <= NOT_FOUND_MAX_ENTRIES) break;
      this.notFound.delete(oldestKey);
    }
  }

  private store(key: string, entry: Entry) {
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldestKey, oldest);
    }
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** The stored form of a rendered page, or null when the response must not be stored. */
async function toEntry(response: Response, bodySlug: string | null, storedAt: number): Promise<Entry | null> {
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
  headers.set("X-Content-Type-Options", "nosniff");
  if (status === 200) {
    headers.set("ETag", etag);
    headers.set("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
    headers.set("Last-Modified", lastModified.toUTCString());
  } else {
    // A 404 goes out as before: no-store, no validators (as publicResponse sends errors).
    headers.set("Cache-Control", "no-store");
  }
  const bytes = parts.reduce((sum, part) => sum + part.length, 0);
  return {
    status,
    parts,
    slots,
    csp: csp.split(nonce).join(NONCE_MARK),
    headers: Object.fromEntries(headers),
    etag,
    lastModified,
    bodySlug,
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
function answer(entry: Entry, request: PageRequest): PageHit {
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
  const chunks: Buffer[] = [];
  let length = 0;
  entry.parts.forEach((part, index) => {
    chunks.push(part);
    length += part.length;
    if (index < entry.slots.length) {
      const slot = fill[entry.slots[index]!]!;
      chunks.push(slot);
      length += slot.length;
    }
  });
  headers["Content-Length"] = String(length);
  return { status: entry.status, headers, body: Buffer.concat(chunks, length) };
}

function respond(request: Request, entry: Entry): Response {
  const hit = answer(entry, {
    url: request.url,
    method: request.method,
    ifNoneMatch: request.headers.get("If-None-Match"),
    ifModifiedSince: request.headers.get("If-Modified-Since"),
  });
  // A Uint8Array is a valid body; TypeScript's DOM types only lack the ArrayBufferLike variant.
  return new Response(hit.body as BodyInit | null, { status: hit.status, headers: hit.headers });
}

async function loadBodySlugs(): Promise<Map<string, string>> {
  const db = await getDb();
  const rows = await db.select({ id: bodies.id, slug: bodies.slug }).from(bodies);
  return new Map(rows.map((row) => [row.id, row.slug]));
}

let instance: PublicPageCache | null = null;

/** The process's page cache (sized by PAGE_CACHE_MB when first used). */
export function publicPageCache(): PublicPageCache {
  instance ??= new PublicPageCache(config().pageCacheBytes, loadBodySlugs);
  return instance;
}

/** Called after the commit of a change that may alter public pages of a body (null: of every body). */
export function publicPagesChanged(bodyId: string | null): void {
  instance?.invalidate(bodyId);
}
