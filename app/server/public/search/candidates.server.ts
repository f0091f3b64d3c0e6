/**
 * The search's candidate set as SQL: at most CANDIDATE_LIMIT + 1 public inquiries that match, found through
 * the indexes — never by testing every inquiry (docs/decisions/0023-search-and-statistics-at-archive-size.md).
 *
 * One branch per place a word can be found, each index-backed and each with its own LIMIT, appended with
 * UNION ALL under an outer LIMIT, so that PostgreSQL stops as soon as enough ids came (the first branches
 * usually give them all):
 *   1. inquiries.search @@ tsquery          (GIN inquiries_search_idx; title and preamble)
 *   2. every plain word in inquiries.title  (ILIKE '%word%', GIN inquiries_title_trgm_idx; parts of compound
 *                                            words: "Videokonferenz" finds "Videokonferenzlizenzen")
 *   3. questions.search @@ tsquery          (GIN questions_search_idx)
 *   4. answer_parts.search @@ tsquery       (GIN answer_parts_search_idx; the newest published version only)
 * A single WHERE with the four conditions joined by OR (what this replaced) cannot use any index: at 100,000
 * inquiries it walked the whole table by primary key (EXPLAIN: Index Scan using inquiries_pkey, 297 ms).
 * Branch 2 was `words <% title` (word_similarity): its selectivity is estimated from a sample, and for a word
 * that the sample shows in a few per cent of the titles the planner chose `Seq Scan on inquiries` under the
 * LIMIT, computing word_similarity title by title (300–400 ms for "Videokonferenz" at 100,000). A substring
 * test per word is cheap per row and its trigram index scan is 2–3 ms (ADR 0023, addendum).
 *
 * The ids may repeat across branches; the caller removes duplicates. Filters (facet values) can be pushed into
 * every branch, for a capped search narrowed by a facet (search.server.ts).
 */
import { sql, type SQL } from "drizzle-orm";
import type { SearchFilterValues } from "../../../domain/search-params";

/** Conditions on the inquiry `i` for the selected facet values (names and slugs as the facets show them). */
export function filterConditions(filters: SearchFilterValues): SQL[] {
  const conditions: SQL[] = [];
  // A scalar subquery (slugs are unique): PostgreSQL runs it once before the scan (an InitPlan), so even the
  // generic plan of the prepared statement ANDs the body's index with the text index. With `in (select …)` the
  // generic plan joined bodies after the text index and fetched every match of all bodies (2,687 heap rows and
  // 2,226 blocks for "Datenschutz" in Norderstedt at 100k, 14 ms; ADR 0023 addendum).
  if (filters.body) conditions.push(sql`i.body_id = (select b.id from bodies b where b.slug = ${filters.body})`);
  if (filters.type)
    conditions.push(sql`i.type_id in (select t.id from inquiry_types t where t.name = ${filters.type})`);
  if (filters.status) conditions.push(sql`i.status::text = ${filters.status}`);
  if (filters.year)
    conditions.push(sql`extract(year from coalesce(i.received_on, i.submitted_on)) = ${Number(filters.year)}`);
  if (filters.faction)
    conditions.push(
      sql`i.originator_organization_id in (select o.id from organizations o where o.name = ${filters.faction})`,
    );
  if (filters.department)
    conditions.push(sql`coalesce((select ans.lead_organization_id from answers ans
                                  where ans.inquiry_id = i.id and ans.body_id = i.body_id limit 1),
                                 i.lead_organization_id)
                        in (select o.id from organizations o where o.name = ${filters.department})`);
  if (filters.tool)
    // tool_answer_facts: the tools of the newest published answer version (kept by triggers, ADR 0023).
    conditions.push(sql`exists (select 1 from tool_answer_facts f join tools tl on tl.id = f.tool_id
                                where f.inquiry_id = i.id and tl.slug = ${filters.tool})`);
  return conditions;
}

export function candidateIdsSql(params: {
  tsquery: SQL;
  hasLexemes: boolean;
  /** The query's words without operators (titleWords), each matched as a part of the title; empty: none. */
  titleWords: string[];
  limit: number;
  filters?: SQL[];
}): SQL {
  const { tsquery, hasLexemes, titleWords, limit } = params;
  const publicAnd = sql.join(
    [sql`i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null`, ...(params.filters ?? [])],
    sql` and `,
  );
  const branches: SQL[] = [];
  if (hasLexemes) {
    // A hidden question text (question_text_hidden_reason) is not searched: then only the title counts.
    branches.push(sql`(select i.id from inquiries i
      where i.search @@ ${tsquery}
        and (i.question_text_hidden_reason is null or to_tsvector('german', i.title) @@ ${tsquery})
        and ${publicAnd}
      limit ${limit})`);
  }
  if (titleWords.length > 0) {
    const contains = sql.join(
      // The pattern as an InitPlan `(select …)`: the planner cannot see its value, so it estimates the default
      // share of matches instead of the word's share in its sample of titles. For a word in a few per cent of
      // the titles (Videokonferenz) that share made a sequential scan under the branch's LIMIT look cheaper
      // than the trigram index — which PGlite, planning every statement with its values, chose (4,900 titles
      // tested, 55–77 ms; ADR 0023 addendum 2). The pattern still serves as the index condition.
      titleWords.map((word) => sql`i.title ilike (select ${`%${word.replace(/[\\%_]/g, "\\$&")}%`}::text)`),
      sql` and `,
    );
    branches.push(sql`(select i.id from inquiries i where ${contains} and ${publicAnd} limit ${limit})`);
  }
  if (hasLexemes) {
    branches.push(sql`(select i.id from questions q join inquiries i on i.id = q.inquiry_id
      where q.search @@ ${tsquery} and i.question_text_hidden_reason is null and ${publicAnd}
      limit ${limit})`);
    branches.push(sql`(select i.id from answer_parts p
      join answer_versions v on v.id = p.version_id and v.published_at is not null
      join answers a on a.id = v.answer_id
      join inquiries i on i.id = a.inquiry_id
      where p.search @@ ${tsquery} and ${publicAnd}
        and not exists (select 1 from answer_versions newer where newer.answer_id = a.id
                        and newer.published_at is not null and newer.version_number > v.version_number)
      limit ${limit})`);
  }
  if (branches.length === 0) return sql`select null::uuid as id where false`;
  return sql`select found.id from (${sql.join(branches, sql` union all `)}) found limit ${limit}`;
}
