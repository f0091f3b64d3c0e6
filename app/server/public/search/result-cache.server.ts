/**
 * In-process cache of public search results, for repeated identical searches (a link shared widely, the same
 * word searched by many readers): in addition to a fast search, never instead of it — `npm run bench` measures
 * the search with and without it ("(kalt)" rows), ADR 0023 addendum.
 *
 * - Keyed by what the search reads from the address (query, filters, sort, page), so equal searches share one
 *   entry; the route uses the cache only for addresses without other parameters (like the page cache), so an
 *   address with an extra parameter always searches (the bench's "kalt" rows).
 * - Any change of public data drops every entry: the event writer calls publicPagesChanged after each commit
 *   (core/public-page-cache.server.ts), and entries are valid only under the change count they were computed
 *   at. A search that ran while a change committed is not stored. No entry lives longer than PAGE_MAX_AGE_MS.
 * - Bounded by entries (SEARCH_CACHE_ENTRIES, least recently used out first); a result is one page of hits and
 *   the facets, a few kilobytes. Off when the page cache is off (PAGE_CACHE_MB=0). One process only.
 */
import { config } from "../../core/config.server";
import { PAGE_MAX_AGE_MS, publicChangeCount } from "../../core/public-page-cache.server";
import { searchPublic, type SearchResult, type SearchFilters, type SearchSort } from "./search.server";

export const SEARCH_CACHE_ENTRIES = 500;

interface Entry<T> {
  value: T;
  storedAt: number;
}

export class SearchResultCache<T> {
  private entries = new Map<string, Entry<T>>();
  /** The change count the entries were computed at. */
  private storedAt = -1;

  constructor(
    private readonly maxEntries: number,
    private readonly changeCount: () => number = publicChangeCount,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The stored result for the key, or the result of `compute` (stored unless a change committed meanwhile). */
  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const changeCount = this.changeCount();
    if (changeCount !== this.storedAt) {
      this.entries.clear();
      this.storedAt = changeCount;
    }
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      if (this.now() - cached.storedAt <= PAGE_MAX_AGE_MS) {
        // Least recently used first: a hit moves the entry to the end.
        this.entries.set(key, cached);
        return cached.value;
      }
    }
    const value = await compute();
    if (this.changeCount() !== changeCount || this.storedAt !== changeCount) return value;
    this.entries.set(key, { value, storedAt: this.now() });
    for (const oldestKey of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldestKey);
    }
    return value;
  }
}

let instance: SearchResultCache<SearchResult> | null = null;

/** searchPublic through the process's result cache (searchPublic itself when the page cache is off). */
export function cachedSearchPublic(params: {
  query: string;
  filters: SearchFilters;
  page: number;
  sort: SearchSort;
}): Promise<SearchResult> {
  if (config().pageCacheBytes === 0) return searchPublic(params);
  instance ??= new SearchResultCache<SearchResult>(SEARCH_CACHE_ENTRIES);
  const { query, filters, page, sort } = params;
  return instance.get(JSON.stringify([query, filters, sort, page]), () => searchPublic({ query, filters, page, sort }));
}
