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
 * - Search result pages (`/suche?q=…`, only in the canonical form of the page's own links: isCanonicalSearchAddress)
 *   show public inquiries of every body, so any change drops them; at most SEARCH_PAGE_MAX_ENTRIES of them
 *   (ADR 0023, addendum). Any other parameter (the bench's `kalt=1`) renders, and searches, every time.
 * - A 404 of a cached path (an unknown or unpublished inquiry, an unknown body) is remembered too, as the URL
 *   pointing to one shared rendering of the not-found page (the page is the same for every such URL, apart from
 *   nonce and correlation id): NOT_FOUND_MAX_ENTRIES URLs at most, least recently used out first, dropped with
 *   the body's pages (a publication turns the 404 into the page at once). It is sent `no-store`, as before
 *   (docs/decisions/0022-dashboards-and-not-found-at-archive-size.md).
 */
import { bodies } from "../../../db/schema";
import { isCanonicalSearchAddress } from "../../domain/search-params";
import { config } from "./config.server";
import { getDb } from "./db.server";
import { answer, respond, toEntry, type Entry, type PageHit, type PageRequest } from "./page-cache-entry.server";

export { PUBLIC_PAGE_CACHE_CONTROL, type PageHit, type PageRequest } from "./page-cache-entry.server";

/**
 * A safety net for what changes without an event: pages show relative dates ("in 3 Tagen", overdue since
 * today), which move at midnight. No entry is served for longer than this.
 */
export const PAGE_MAX_AGE_MS = 10 * 60 * 1000;
/** How many not-found URLs are remembered (each a key and a reference to a shared page: ~1 MB in all). */
export const NOT_FOUND_MAX_ENTRIES = 10_000;
/**
 * How many search result pages are kept (about 30 kB each, least recently used out first): searches are as many
 * as readers can type, so they get a share of the cache of their own and never push out the answer pages.
 */
export const SEARCH_PAGE_MAX_ENTRIES = 200;

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

const SEARCH_PAGE = "/suche";

interface CacheablePath {
  bodySlug: string | null;
  /** A search result page (counted against SEARCH_PAGE_MAX_ENTRIES). */
  search?: true;
}

/**
 * Whether a URL is one of the cached public pages, and which body it belongs to. Other query parameters
 * (filters, search) are passed through uncached: they would let anyone fill the cache with variants.
 */
export function cacheablePath(url: URL): CacheablePath | null {
  const { pathname } = url;
  const params = [...url.searchParams.keys()];
  // Search result pages list every body's inquiries: dropped with any change, like the overview.
  if (pathname === SEARCH_PAGE) return isCanonicalSearchAddress(url.search) ? { bodySlug: null, search: true } : null;
  const list = BODY_LIST.exec(pathname);
  // Paged lists: the inquiry list and a tool page's answers (`?seite=N`).
  if (list || TOOL_PAGE.test(pathname)) {
    const onlyPage = params.every((name) => name === "seite") && params.length <= 1;
    const page = url.searchParams.get("seite");
    if (!onlyPage || (page !== null && !/^[1-9]\d{0,5}$/.test(page))) return null;
    return { bodySlug: list ? list[1]! : null };
  }
  if (params.length > 0 || url.search !== "") return null;
  if (STATIC_PATHS.has(pathname)) return { bodySlug: null };
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
  /** The keys of the stored search result pages, least recently used first. */
  private searchKeys = new Set<string>();

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
    if (generation === this.generation && entry.bytes <= this.maxBytes / 4) this.store(key, entry, path.search);
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
      if (this.searchKeys.delete(key)) this.searchKeys.add(key);
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
      this.searchKeys.clear();
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

  private store(key: string, entry: Entry, search = false) {
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    if (search) {
      this.searchKeys.add(key);
      for (const oldestKey of this.searchKeys) {
        if (this.searchKeys.size <= SEARCH_PAGE_MAX_ENTRIES) break;
        this.remove(oldestKey, this.entries.get(oldestKey)!);
      }
    }
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldestKey, oldest);
    }
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.searchKeys.delete(key);
    this.bytes -= entry.bytes;
  }
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

let changes = 0;

/**
 * How many times public data changed in this process (publicPagesChanged calls): other in-process caches of
 * public data (the search's results, search/result-cache.server.ts) keep an entry only while it is unchanged.
 */
export function publicChangeCount(): number {
  return changes;
}

/** Called after the commit of a change that may alter public pages of a body (null: of every body). */
export function publicPagesChanged(bodyId: string | null): void {
  changes++;
  instance?.invalidate(bodyId);
}
