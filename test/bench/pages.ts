/** The pages `npm run bench` measures (test/bench/bench.ts), kept apart so that the targets (targets.ts) and their tests can name them. */

export type Role = "public" | "councilOffice" | "faction";

export interface Page {
  name: string;
  /** A function of N, for pages whose path depends on the corpus size (the deep list page). */
  path: string | ((n: number) => string);
  as?: Role;
  /** The status that counts as present (404 for the not-found page). */
  expect?: number;
  /** What non-2xx answers mean on this page, shown when there are any. */
  non2xxNote?: string;
  /** Always shown in the note column (how the page is measured). */
  note?: string;
}

/** A month before the run, for the OParl `modified_since` list (the corpus's dates are relative to now). */
const monthAgo = () => new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

/**
 * The search runs with SEARCH_RATE_LIMIT_BURST=0 (the per-address limit off for the bench's app only), so
 * that the search is measured and not the limiter's 429 answers; the limit stays on by default.
 */
const SEARCH_NOTE = "rate limit off for the bench (SEARCH_RATE_LIMIT_BURST=0)";
/**
 * A "(kalt)" page carries a query parameter the page ignores: the page cache stores only addresses without
 * one, so every request renders — the cold render under load, next to the cached (warm) page.
 */
const COLD_NOTE = "every request renders (page cache bypassed)";
/**
 * A search address in the form of the page's own links is a page of the public page cache (ADR 0023 addendum):
 * repeated, it is sent from memory. Other spellings of the same search (`seite=1`) render every time but take
 * the results from the in-process result cache (search/result-cache.server.ts); a search address with a
 * parameter the search does not read bypasses both, so the "(kalt)" rows show the search's own cost.
 */
const SEARCH_CACHED_NOTE = `${SEARCH_NOTE}; repeated: sent from the page cache`;
const SEARCH_RESULT_CACHE_NOTE = `${SEARCH_NOTE}; every request renders, the results from the result cache`;
const SEARCH_COLD_NOTE = `${SEARCH_NOTE}; every request searches and renders (both caches bypassed)`;

/** The pages measured, in order. Add a page here. */
export const PAGES: Page[] = [
  { name: "Start", path: "/" },
  { name: "Liste", path: "/norderstedt/anfragen" },
  {
    name: "Liste, tiefe Seite",
    path: (n) => `/norderstedt/anfragen?seite=${Math.max(2, Math.round((1000 * n) / 100_000))}`,
  },
  { name: "Antwort (veröffentlicht)", path: "/landtag-nrw/anfragen/17-9511" },
  // Any query parameter other than ?seite passes the page cache by (cacheablePath): the same page, rendered each time.
  { name: "Antwort, ungecacht", path: "/landtag-nrw/anfragen/17-9511?ungecacht" },
  { name: "404", path: "/norderstedt/anfragen/gibt-es-nicht", expect: 404 },
  { name: "Ratsbüro-Arbeitsbereich", path: "/arbeitsbereich", as: "councilOffice" },
  { name: "Fraktions-Arbeitsbereich", path: "/arbeitsbereich", as: "faction" },
  {
    name: "Suche",
    path: "/suche?q=Videokonferenz",
    note: SEARCH_CACHED_NOTE,
    non2xxNote: "non-2xx are 429 answers of the search rate limit (per client IP)",
  },
  { name: "Suche (Ergebniscache)", path: "/suche?q=Videokonferenz&seite=1", note: SEARCH_RESULT_CACHE_NOTE },
  { name: "Suche (kalt)", path: "/suche?q=Videokonferenz&kalt=1", note: SEARCH_COLD_NOTE },
  { name: "Suche, häufiges Wort", path: "/suche?q=Datenschutz", note: SEARCH_CACHED_NOTE },
  { name: "Suche, häufiges Wort (kalt)", path: "/suche?q=Datenschutz&kalt=1", note: SEARCH_COLD_NOTE },
  {
    name: "Suche, Facette und Datum",
    path: "/suche?q=Datenschutz&koerperschaft=norderstedt&sortierung=datum",
    note: SEARCH_CACHED_NOTE,
  },
  {
    name: "Suche, Facette und Datum (kalt)",
    path: "/suche?q=Datenschutz&koerperschaft=norderstedt&sortierung=datum&kalt=1",
    note: SEARCH_COLD_NOTE,
  },
  { name: "Suche, Seite 20", path: "/suche?q=Datenschutz&seite=20", note: SEARCH_CACHED_NOTE },
  { name: "Suche, Seite 20 (kalt)", path: "/suche?q=Datenschutz&seite=20&kalt=1", note: SEARCH_COLD_NOTE },
  { name: "Werkzeuge", path: "/werkzeuge" },
  { name: "Werkzeuge (kalt)", path: "/werkzeuge?kalt=1", note: COLD_NOTE },
  { name: "Werkzeug", path: "/werkzeuge/zoom" },
  { name: "Werkzeug (kalt)", path: "/werkzeuge/zoom?kalt=1", note: COLD_NOTE },
  { name: "Statistik", path: "/landtag-nrw/statistik" },
  { name: "Statistik (kalt)", path: "/landtag-nrw/statistik?kalt=1", note: COLD_NOTE },
  { name: "Statistik (kalt, Norderstedt)", path: "/norderstedt/statistik?kalt=1", note: COLD_NOTE },
  { name: "OParl Bodies", path: "/oparl/v1/body" },
  { name: "OParl Papers", path: "/oparl/v1/body/landtag-nrw/paper" },
  { name: "OParl Papers, modified_since", path: () => `/oparl/v1/body/landtag-nrw/paper?modified_since=${monthAgo()}` },
  { name: "Atom-Feed", path: "/feeds/alle.atom" },
  { name: "Atom-Feed Körperschaft", path: "/feeds/norderstedt.atom" },
];
