/**
 * The search's address (`/suche?q=…&koerperschaft=…&seite=…&sortierung=…`), read the same way by the page and
 * its CSV/JSON exports. Whatever arrives gives a usable request: bad parts are dropped with a German hint,
 * never an error (issue 14).
 */
import { INQUIRY_STATUSES } from "./labels";
import { searchTexts as t } from "./texts/search";

export const MAX_QUERY_LENGTH = 200;
/**
 * Ranking, facets and exports work on at most this many matches (the bounded candidate set): every candidate
 * costs a few index lookups, so this bounds a search's work at any archive size (ADR 0023; 500 before).
 */
export const CANDIDATE_LIMIT = 200;

export interface SearchFilterValues {
  body: string | null;
  type: string | null;
  status: string | null;
  year: string | null;
  faction: string | null;
  department: string | null;
  tool: string | null;
}

export type SearchSortValue = "relevanz" | "datum";

/** The German URL parameter of each filter (the URL is part of the public contract). */
export const FILTER_PARAMS: Record<keyof SearchFilterValues, string> = {
  body: "koerperschaft",
  type: "typ",
  status: "status",
  year: "jahr",
  faction: "fraktion",
  department: "fachbereich",
  tool: "werkzeug",
};

export interface ParsedSearch {
  /** What is searched for (control characters removed, cut to MAX_QUERY_LENGTH). */
  query: string;
  /** True when `q` was in the address at all (an empty search gets a hint). */
  asked: boolean;
  filters: SearchFilterValues;
  sort: SearchSortValue;
  page: number;
  hints: string[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const validators: Record<keyof SearchFilterValues, (value: string) => boolean> = {
  body: (v) => SLUG.test(v) && v.length <= 100,
  type: (v) => v.length <= 100,
  status: (v) => (INQUIRY_STATUSES as readonly string[]).includes(v),
  year: (v) => /^\d{4}$/.test(v),
  faction: (v) => v.length <= 200,
  department: (v) => v.length <= 200,
  tool: (v) => SLUG.test(v) && v.length <= 100,
};

/**
 * True when the address carries only parameters the search reads: then the search may come from the result
 * cache (keyed by the read values); any other parameter makes it search afresh (the bench's "kalt" rows).
 */
export function onlySearchParams(params: URLSearchParams): boolean {
  const known = new Set<string>(["q", "seite", "sortierung", ...Object.values(FILTER_PARAMS)]);
  return [...params.keys()].every((name) => known.has(name));
}

export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const hints: string[] = [];
  const rawQuery = (params.get("q") ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (rawQuery.length > MAX_QUERY_LENGTH) hints.push(t.hints.tooLong(MAX_QUERY_LENGTH));
  const query = rawQuery.slice(0, MAX_QUERY_LENGTH);

  const seite = params.get("seite");
  let page = 1;
  if (seite !== null) {
    if (/^[1-9][0-9]{0,5}$/.test(seite)) page = Number(seite);
    else hints.push(t.hints.badPage);
  }

  const filters = {} as SearchFilterValues;
  for (const key of Object.keys(FILTER_PARAMS) as (keyof SearchFilterValues)[]) {
    const value = params.get(FILTER_PARAMS[key]);
    filters[key] = null;
    if (value === null || value === "") continue;
    if (validators[key](value)) filters[key] = value;
    else if (!hints.includes(t.hints.badFilter)) hints.push(t.hints.badFilter);
  }

  const sortParam = params.get("sortierung");
  let sort: SearchSortValue = "relevanz";
  if (sortParam === "datum" || sortParam === "relevanz") sort = sortParam;
  else if (sortParam !== null && sortParam !== "") hints.push(t.hints.badSort);

  if (query === "" && params.has("q")) hints.push(t.hints.empty);
  return { query, asked: params.has("q"), filters, sort, page, hints };
}

/** The address of a search with some parameters changed (null removes one); `seite` is dropped unless given. */
export function searchHref(
  base: "/suche" | "/suche.csv" | "/suche.json",
  search: Pick<ParsedSearch, "query" | "filters" | "sort">,
  changes: Partial<Record<keyof SearchFilterValues | "seite" | "sortierung", string | null>> = {},
): string {
  const params = new URLSearchParams();
  params.set("q", search.query);
  for (const key of Object.keys(FILTER_PARAMS) as (keyof SearchFilterValues)[]) {
    const value = key in changes ? changes[key] : search.filters[key];
    if (value) params.set(FILTER_PARAMS[key], value);
  }
  const sort = "sortierung" in changes ? changes.sortierung : search.sort;
  if (sort && sort !== "relevanz") params.set("sortierung", sort);
  if (changes.seite) params.set("seite", changes.seite);
  return `${base}?${params.toString()}`;
}

/**
 * True when an address of the search page is in the one form the page's own links and form produce (only the
 * search's parameters, each once and valid, in searchHref's order and encoding; `seite` only above 1), or is the
 * bare `/suche`: such an address is the public page cache's key for a search result page, so that spelling
 * variants of one search (`seite=1`, reordered or repeated parameters) render afresh instead of filling the cache.
 */
export function isCanonicalSearchAddress(search: string): boolean {
  if (search === "") return true;
  const params = new URLSearchParams(search);
  if (!onlySearchParams(params) || !params.has("q")) return false;
  const parsed = parseSearchParams(params);
  if (parsed.hints.length > 0) return false;
  return search === searchHref("/suche", parsed, { seite: parsed.page > 1 ? String(parsed.page) : null }).slice(6);
}
