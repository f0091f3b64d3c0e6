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
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { bodies } from "../../../db/schema";
import { config } from "./config.server";
import { getDb } from "./db.server";
import { publicResponse } from "./http-cache.server";

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

/** Headers that belong to one response, not to the page: they are made fresh each time. */
const PER_RESPONSE_HEADERS = ["content-security-policy", "x-request-id", "cache-control", "content-length", "date"];

interface Entry {
  /** The page split at the markers: text, slot, text, slot … (slots are NONCE_MARK or REQUEST_ID_MARK). */
  parts: Buffer[];
  slots: string[];
  csp: string;
  headers: [string, string][];
  etag: string;
  lastModified: Date;
  /** The body the page belongs to (first path segment), or null for pages that show every body. */
  bodySlug: string | null;
  bytes: number;
  storedAt: number;
}

export interface PageCacheStats {
  entries: number;
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

  constructor(
    private readonly maxBytes: number,
    private readonly loadBodySlugs: () => Promise<Map<string, string>>,
    private readonly now: () => number = Date.now,
  ) {}

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
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

    const cached = this.entries.get(key);
    if (cached && this.now() - cached.storedAt > PAGE_MAX_AGE_MS) this.remove(key, cached);
    else if (cached) {
      this.hits++;
      // Least recently used first: a hit moves the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return respond(request, cached);
    }

    this.misses++;
    const generation = this.generation;
    // Render as GET so that a HEAD fills the cache too; the HEAD answer below has no body.
    const response = await render(request.method === "GET" ? request : new Request(request, { method: "GET" }));
    const entry = await toEntry(response, path.bodySlug, this.now());
    if (!entry) return request.method === "HEAD" ? new Response(null, response) : response;
    if (path.bodySlug !== null && ![...this.slugsById.values()].includes(path.bodySlug)) {
      this.slugsById = await this.loadBodySlugs();
    }
    // A change committed while this page was rendered: serve it this once, but do not keep it.
    if (generation === this.generation && entry.bytes <= this.maxBytes / 4) this.store(key, entry);
    return respond(request, entry);
  }

  /** Drops the pages of one body and those that show all bodies; null (or an unknown body) drops everything. */
  invalidate(bodyId: string | null) {
    this.generation++;
    const slug = bodyId === null ? undefined : this.slugsById.get(bodyId);
    if (slug === undefined) {
      this.entries.clear();
      this.bytes = 0;
      return;
    }
    for (const [key, entry] of this.entries) {
      if (entry.bodySlug === null || entry.bodySlug === slug) this.remove(key, entry);
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
    response.status !== 200 ||
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
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers) {
    if (!PER_RESPONSE_HEADERS.includes(name.toLowerCase())) headers.push([name, value]);
  }
  const bytes = parts.reduce((sum, part) => sum + part.length, 0);
  return {
    parts,
    slots,
    csp: csp.split(nonce).join(NONCE_MARK),
    headers,
    // Weak: the bytes differ from response to response by the nonce and the correlation id, nothing else.
    etag: `W/"${createHash("sha256").update(template).digest("base64url").slice(0, 27)}"`,
    lastModified: new Date(storedAt),
    bodySlug,
    bytes: bytes + 512,
    storedAt,
  };
}

function respond(request: Request, entry: Entry): Response {
  const nonce = randomBytes(16).toString("base64");
  const requestId = randomUUID();
  const fill: Record<string, Buffer> = { [NONCE_MARK]: Buffer.from(nonce), [REQUEST_ID_MARK]: Buffer.from(requestId) };
  const chunks: Buffer[] = [];
  entry.parts.forEach((part, index) => {
    chunks.push(part);
    if (index < entry.slots.length) chunks.push(fill[entry.slots[index]!]!);
  });
  const headers = new Headers(entry.headers);
  headers.set("Content-Security-Policy", entry.csp.split(NONCE_MARK).join(nonce));
  headers.set(REQUEST_ID_HEADER, requestId);
  // The same URL is a different page once signed in (staff links): a browser or proxy must not hand its stored
  // anonymous copy to a request that carries a session cookie.
  headers.append("Vary", "Cookie");
  const contentType = headers.get("Content-Type") ?? "text/html; charset=utf-8";
  return publicResponse(request, Buffer.concat(chunks), {
    contentType,
    headers,
    etag: entry.etag,
    lastModified: entry.lastModified,
    cacheControl: PUBLIC_PAGE_CACHE_CONTROL,
  });
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
