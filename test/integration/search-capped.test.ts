/**
 * A search with more matches than the bounded candidate set (CANDIDATE_LIMIT, ADR 0023): the total and the
 * facet counts are lower bounds and say so, and narrowing by a facet searches all matches (the facet value is
 * pushed into the SQL), not only the first candidates.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "../../app/server/core/db.server";
import { CANDIDATE_LIMIT, searchPublic, type SearchFilters } from "../../app/server/public/search/search.server";
import { searchTexts } from "../../app/domain/texts/search";
import { backends, useTestDatabase } from "../support/db";

const NONE: SearchFilters = {
  body: null,
  type: null,
  status: null,
  year: null,
  faction: null,
  department: null,
  tool: null,
};
const WORD = "Quaderfenstersanierung";

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

describe.each(backends())("capped search on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });

  /** Copies of a public inquiry of the body, each with the word in its title and its own public reference. */
  async function copies(bodySlug: string, count: number, prefix: string) {
    const columns = rowsOf<{ name: string }>(
      await t.db.execute(sql`select column_name as name from information_schema.columns
        where table_name = 'inquiries' and table_schema = current_schema() and is_generated = 'NEVER'
          and column_default is distinct from 'gen_random_uuid()' and column_name <> 'id'`),
    ).map((row) => row.name);
    const replaced: Record<string, string> = {
      title: `'${WORD} Nummer ' || g`,
      public_ref: `'${prefix}-' || g`,
      reference: `'${prefix}/' || g`,
      // Numbers of their own (the numbering's unique key); far above the demo's.
      sequence: `100000 + g`,
    };
    const list = columns.map((name) => `"${name}"`).join(", ");
    const values = columns.map((name) => replaced[name] ?? `i."${name}"`).join(", ");
    await t.db.execute(
      sql.raw(`insert into inquiries (${list})
        select ${values} from generate_series(1, ${count}) g,
          (select i.* from inquiries i join bodies b on b.id = i.body_id
           where b.slug = '${bodySlug}' and i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null
           limit 1) i`),
    );
  }

  beforeAll(async () => {
    useDatabase(t.handle);
    await copies("norderstedt", CANDIDATE_LIMIT + 20, "cap-n");
    await copies("hamburg", 5, "cap-h");
  });

  it("says that the total and the facet counts are lower bounds", async () => {
    const result = await searchPublic({ query: WORD, filters: NONE, page: 1 }, t.db);
    expect(result.capped).toBe(true);
    expect(result.facetsCapped).toBe(true);
    expect(result.total).toBeLessThanOrEqual(CANDIDATE_LIMIT);
    expect(result.facets.body.reduce((sum, f) => sum + f.count, 0)).toBeLessThanOrEqual(CANDIDATE_LIMIT);
    expect(searchTexts.resultsHeading(result.total, result.capped)).toMatch(/^Mindestens /);
  });

  it("narrows by a facet over all matches, not only the first candidates", async () => {
    const hamburg = await searchPublic({ query: WORD, filters: { ...NONE, body: "hamburg" }, page: 1 }, t.db);
    expect(hamburg.total).toBe(5);
    expect(hamburg.capped).toBe(false);
    expect(hamburg.facetsCapped).toBe(true);
    expect(hamburg.hits.every((hit) => hit.bodySlug === "hamburg")).toBe(true);
  });
});
