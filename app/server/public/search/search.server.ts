/**
 * Public full-text search (`/suche`): PostgreSQL German full text (websearch_to_tsquery: "…", -, or) over the
 * titles and preambles of public inquiries, their questions and the parts of their newest published answer, plus
 * every word as a part of the title, so that parts of compound words are found ("Videokonferenz" finds
 * "Videokonferenzsysteme"; served by the title's trigram index). Only what the public read model shows is
 * searched: public inquiries (publiclyVisible()) and published answer parts — withheld text lives in
 * `withholdings` and is never searched.
 * Ranking scores a bounded candidate set (CANDIDATE_LIMIT, found through the indexes: candidates.server.ts),
 * never every match; facets count that set and say so when it is capped (`facetsCapped`).
 */
import { sql, type SQL } from "drizzle-orm";
import { config } from "../../core/config.server";
import { getDb, type Db } from "../../core/db.server";
import { executePrepared, rowsOf } from "../../core/prepared.server";
import { takeToken } from "../../core/rate-limit.server";
import { candidateIdsSql, filterConditions } from "./candidates.server";
import type { PublicInquiryLink } from "../visibility.server";
import {
  CANDIDATE_LIMIT,
  MAX_QUERY_LENGTH,
  type SearchFilterValues,
  type SearchSortValue,
} from "../../../domain/search-params";

export const SEARCH_PAGE_SIZE = 10;
/** A snippet is cut from at most two texts of at most this many characters each (ts_headline parses them). */
const SNIPPET_TEXT_CHARS = 3000;
export { CANDIDATE_LIMIT, MAX_QUERY_LENGTH };

/** Filters and sort of a search; read from the address by app/domain/search-params.ts. */
export type SearchFilters = SearchFilterValues;
export type SearchSort = SearchSortValue;

export interface SearchHit extends PublicInquiryLink {
  status: string;
  date: string | null;
  /** Text with matches between \u0001 and \u0002 (the page turns them into <mark>; nothing else is HTML). */
  snippet: string;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export const FACET_NAMES = ["body", "type", "status", "faction", "department", "tool", "year"] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** True when more than CANDIDATE_LIMIT documents matched: `total` is then a lower bound. */
  capped: boolean;
  /** True when the facets counted only the first CANDIDATE_LIMIT matches (their counts are lower bounds). */
  facetsCapped: boolean;
  page: number;
  pageCount: number;
  facets: Record<FacetName, FacetValue[]>;
  /** The query had no searchable words (only operators or stop words). */
  noSearchableWords: boolean;
}

/** Words of the query without operators, for matching parts of titles. */
export function plainWords(query: string): string {
  return query
    .replace(/(^|\s)-\S*/g, " ")
    .replace(/["()|&!:*<>\\]/g, " ")
    .replace(/\bor\b/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The words matched as parts of titles (candidates.server.ts): at least 3 characters (the trigram index cannot
 * serve a shorter one), lower case, each once, at most 8.
 */
export function titleWords(query: string): string[] {
  const words = plainWords(query)
    .toLocaleLowerCase("de")
    .split(" ")
    .filter((word) => word.length >= 3);
  return [...new Set(words)].slice(0, 8);
}

/** The share of the words that the title contains (0…1), added to the full-text rank. */
function titleScore(title: string, words: string[]): number {
  if (words.length === 0) return 0;
  const lower = title.toLocaleLowerCase("de");
  return words.filter((word) => lower.includes(word)).length / words.length;
}

/** German order of labels and titles (one collator: localeCompare with a locale builds one per call). */
const german = new Intl.Collator("de");
/** ISO dates and years compare as plain strings. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function fullTextHasWords(db: Db, query: string): Promise<boolean> {
  const [probe] = rowsOf<{ nodes: number }>(
    await executePrepared(db, sql`select numnode(websearch_to_tsquery('german', ${query})) as nodes`),
  );
  return Number(probe?.nodes ?? 0) > 0;
}

type Row = {
  id: string;
  body_slug: string;
  body_name: string;
  public_ref: string;
  title: string;
  type_name: string;
  reference: string | null;
  status: string;
  date: string | null;
  year: string | null;
  faction: string | null;
  department: string | null;
  rank: number;
  /** Tool slugs of the newest published answer's inventories. */
  tools: string[];
};

export async function searchPublic(
  params: { query: string; filters: SearchFilters; page: number; sort?: SearchSort; pageSize?: number },
  database?: Db,
): Promise<SearchResult> {
  const db = database ?? (await getDb());
  const query = params.query.slice(0, MAX_QUERY_LENGTH);
  const plain = plainWords(query);
  const words = titleWords(query);
  // Whether the full-text query has words (not only operators or stop words) decides only when no word can be
  // matched in titles either; otherwise its branches simply find nothing (one statement fewer per search).
  const hasLexemes = words.length > 0 || (await fullTextHasWords(db, query));
  const empty: SearchResult = {
    hits: [],
    total: 0,
    capped: false,
    facetsCapped: false,
    page: 1,
    pageCount: 1,
    facets: { body: [], type: [], status: [], faction: [], department: [], tool: [], year: [] },
    noSearchableWords: !hasLexemes && words.length === 0,
  };
  if (!hasLexemes && words.length === 0) return empty;

  const tsq = sql`websearch_to_tsquery('german', ${query})`;
  const candidateQuery = { tsquery: tsq, hasLexemes, titleWords: words };
  // The candidate set: at most CANDIDATE_LIMIT matching public inquiries, found through the indexes.
  const found = await candidateRows(db, candidateIdsSql({ ...candidateQuery, limit: CANDIDATE_LIMIT + 1 }), {
    hasLexemes,
    tsq,
    words,
  });
  const capped = found.capped;
  const candidatesRows = found.rows;
  const { filters } = params;
  // More matches than the candidate set holds and a facet chosen: the hits come from a candidate set of their
  // own with the facet values pushed into the SQL, so that narrowing finds what the first set left out. The
  // facet counts stay those of the first set (lower bounds; the page says so).
  const filterSql = filterConditions(filters);
  const narrowed =
    capped && filterSql.length > 0
      ? await candidateRows(
          db,
          candidateIdsSql({ ...candidateQuery, limit: CANDIDATE_LIMIT + 1, filters: filterSql }),
          { hasLexemes, tsq, words },
        )
      : null;
  const toolNames = new Map([...found.toolNames, ...(narrowed?.toolNames ?? [])]);

  const keyOf: Record<Exclude<FacetName, "tool">, (row: Row) => string | null> = {
    body: (r) => r.body_slug,
    type: (r) => r.type_name,
    status: (r) => r.status,
    faction: (r) => r.faction,
    department: (r) => r.department,
    year: (r) => r.year,
  };
  const labelOf: Record<FacetName, (value: string, row: Row) => string> = {
    body: (_v, r) => r.body_name,
    type: (v) => v,
    status: (v) => v,
    faction: (v) => v,
    department: (v) => v,
    year: (v) => v,
    tool: (v) => toolNames.get(v) ?? v,
  };
  const valuesOf = (name: FacetName, row: Row): string[] => {
    if (name === "tool") return row.tools;
    const value = keyOf[name](row);
    return value ? [value] : [];
  };
  const matchesExcept = (row: Row, except: FacetName | null) =>
    FACET_NAMES.every((name) => name === except || !filters[name] || valuesOf(name, row).includes(filters[name]!));
  // Each facet counts the candidates that match the other selected facets, so that choosing one narrows the rest.
  const facetOf = (name: FacetName) => {
    const counts = new Map<string, FacetValue>();
    for (const row of candidatesRows) {
      if (!matchesExcept(row, name)) continue;
      for (const value of valuesOf(name, row)) {
        const entry = counts.get(value) ?? { value, label: labelOf[name](value, row), count: 0 };
        entry.count++;
        counts.set(value, entry);
      }
    }
    return [...counts.values()].sort((a, b) =>
      name === "year" ? compareText(b.value, a.value) : b.count - a.count || german.compare(a.label, b.label),
    );
  };
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, facetOf(name)])) as Record<
    FacetName,
    FacetValue[]
  >;

  const byDate = (a: Row, b: Row) => compareText(b.date ?? "", a.date ?? "");
  const byRank = (a: Row, b: Row) => Number(b.rank) - Number(a.rank);
  const filtered = (narrowed?.rows ?? candidatesRows)
    .filter((row) => matchesExcept(row, null))
    .sort(
      (a, b) =>
        (params.sort === "datum" ? byDate(a, b) || byRank(a, b) : byRank(a, b) || byDate(a, b)) ||
        german.compare(a.title, b.title),
    );
  const pageSize = params.pageSize ?? SEARCH_PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(Math.max(1, params.page), pageCount);
  const pageRows = filtered.slice((page - 1) * pageSize, page * pageSize);

  // Snippets only for the shown page, each from at most two texts of at most SNIPPET_TEXT_CHARS: the title and
  // preamble, questions and parts of the newest published answer whose stored tsvector matches (no parsing of
  // every text of a hit); when none matches (a title found by a part of a word), the preamble or first question.
  const snippets = new Map<string, string>();
  if (pageRows.length > 0) {
    const ids = pageRows.map((row) => row.id);
    const hq = hasLexemes ? tsq : sql`plainto_tsquery('german', ${plain})`;
    const snippetRows = rowsOf<{ id: string; snippet: string }>(
      await executePrepared(
        db,
        sql`
        select i.id, ts_headline('german', coalesce(texts.text, i.title), ${hq},
          'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
        from inquiries i
        left join lateral (
          select string_agg(left(x.t, ${SNIPPET_TEXT_CHARS}), ' ' order by x.matched desc, x.o, x.pos) as text from (
            select y.t, y.matched, y.o, y.pos from (
              select coalesce(i.preamble_text, '') as t, i.search @@ ${hq} as matched, 0 as o, 0 as pos
                where i.question_text_hidden_reason is null and i.preamble_text is not null
              union all (select q.body_text, q.search @@ ${hq}, 1, q.position from questions q
                where q.inquiry_id = i.id and i.question_text_hidden_reason is null
                order by (q.search @@ ${hq}) desc, q.position limit 2)
              union all (select p.body_text, true, 2, p.position from answers a
                join answer_versions v on v.answer_id = a.id and v.published_at is not null
                join answer_parts p on p.version_id = v.id
                where a.inquiry_id = i.id and p.search @@ ${hq}
                  and v.version_number = (select max(v2.version_number) from answer_versions v2
                                          where v2.answer_id = a.id and v2.published_at is not null)
                order by p.position limit 2)
            ) y order by y.matched desc, y.o, y.pos limit 2
          ) x
        ) texts on true
        where i.id in ${ids}`,
      ),
    );
    for (const row of snippetRows) snippets.set(row.id, row.snippet);
  }

  return {
    hits: pageRows.map((row) => ({
      bodySlug: row.body_slug,
      bodyName: row.body_name,
      publicRef: row.public_ref,
      title: row.title,
      typeName: row.type_name,
      reference: row.reference,
      status: row.status,
      date: row.date,
      snippet: snippets.get(row.id) ?? "",
    })),
    total: filtered.length,
    capped: narrowed ? narrowed.capped : capped,
    facetsCapped: capped,
    page,
    pageCount,
    facets,
    noSearchableWords: false,
  };
}

/**
 * The candidates' facts for ranking, facets and the page (one statement for the whole bounded set). The ids
 * may repeat (candidates.server.ts); `capped` says that the id query reached its limit.
 */
async function candidateRows(
  db: Db,
  ids: SQL,
  q: { hasLexemes: boolean; tsq: SQL; words: string[] },
): Promise<{ rows: Row[]; capped: boolean; toolNames: Map<string, string> }> {
  const rows = rowsOf<Omit<Row, "tools"> & { raw: number | string; tool_list: string[] | string | null }>(
    await executePrepared(
      db,
      sql`
      with found as (${ids}), candidate as (select distinct id from found)
      select i.id, b.slug as body_slug, b.name as body_name, i.public_ref, i.title, t.name as type_name, i.reference,
             i.status::text as status, coalesce(i.received_on, i.submitted_on)::text as date,
             extract(year from coalesce(i.received_on, i.submitted_on))::int::text as year,
             faction.name as faction, department.name as department,
             ${q.hasLexemes ? sql`ts_rank(i.search, ${q.tsq}) * 2` : sql`0`} as rank,
             (select count(*) from found) as raw,
             -- The tools the newest published answer version lists ("slug<US>name"), for the tool facet
             -- (tool_answer_facts, kept by triggers: one primary-key lookup per candidate).
             array(select tl.slug || chr(31) || tl.name from tool_answer_facts f join tools tl on tl.id = f.tool_id
                   where f.inquiry_id = i.id) as tool_list
      from candidate c
      join inquiries i on i.id = c.id
      join bodies b on b.id = i.body_id
      join inquiry_types t on t.id = i.type_id
      left join organizations faction on faction.id = i.originator_organization_id
      left join answers ans on ans.inquiry_id = i.id and ans.body_id = i.body_id
      left join organizations department on department.id = coalesce(ans.lead_organization_id, i.lead_organization_id)`,
    ),
  );
  const capped = rows.length > 0 && Number(rows[0]!.raw) > CANDIDATE_LIMIT;
  const toolNames = new Map<string, string>();
  const result = rows.slice(0, CANDIDATE_LIMIT).map(({ raw: _raw, tool_list, ...row }) => {
    const tools: string[] = [];
    for (const entry of textArray(tool_list)) {
      const [slug, name] = entry.split("\u001f") as [string, string];
      tools.push(slug);
      toolNames.set(slug, name);
    }
    return { ...row, rank: Number(row.rank) + titleScore(row.title, q.words), tools };
  });
  return { rows: result, capped, toolNames };
}

/** A text[] as the driver gives it: an array (postgres.js, PGlite) or, should a driver not parse it, '{a,b}'. */
function textArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  if (value === "{}") return [];
  return value
    .slice(1, -1)
    .split(",")
    .map((item) => item.replace(/^"(.*)"$/, "$1").replace(/\\(.)/g, "$1"));
}

/** Searches per client address: a burst of 30, then one every 2 seconds (shared by all app processes). */
export const SEARCH_RATE_LIMIT = { capacity: 30, refillSeconds: 2 };

/**
 * Takes one search token for the client; when none is left, says how many seconds to wait. The burst is
 * SEARCH_RATE_LIMIT_BURST (default 30); 0 switches the limit off — only `npm run bench` does that, to measure
 * the search rather than the limiter's 429 answers.
 */
export async function takeSearchToken(
  clientIp: string,
  database?: Db,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const burst = config().searchRateLimitBurst;
  if (burst === 0) return { allowed: true, retryAfterSeconds: 0 };
  const db = database ?? (await getDb());
  return takeToken(db, `search:${clientIp}`, { ...SEARCH_RATE_LIMIT, capacity: burst });
}
