/**
 * Public search (app/server/public/search/ and the /suche loader) over the demo data: German full text and
 * compound-word matching, websearch syntax, facets, snippets, and bad input that gets a German hint instead of
 * an error. Withheld text and non-public inquiries are never found.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inquiries, withholdings } from "../../db/schema/index";
import { useDatabase } from "../../app/server/core/db.server";
import { searchPublic, type SearchFilters } from "../../app/server/public/search/search.server";
import { loader } from "../../app/routes/public/suche";
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
const SECRET = "Geheimwortzurueckgehalten";

describe.each(backends())("public search on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  const search = (query: string, filters: Partial<SearchFilters> = {}, page = 1) =>
    searchPublic({ query, filters: { ...NONE, ...filters }, page }, t.db);
  const loadWithInit = async (query: string, clientIp = "192.0.2.1") => {
    const response = await loader({
      request: new Request(`http://localhost/suche?${query}`),
      params: {},
      context: { clientIp },
    });
    return { data: response.data, status: response.init?.status ?? 200, headers: new Headers(response.init?.headers) };
  };
  const load = async (query: string) => (await loadWithInit(query)).data;

  beforeAll(async () => {
    useDatabase(t.handle);
    const [withholding] = await t.db.select({ id: withholdings.id }).from(withholdings).limit(1);
    await t.db
      .update(withholdings)
      .set({ withheldText: `${SECRET} Videokonferenz` })
      .where(eq(withholdings.id, withholding!.id));
  });

  it("finds compound words by a part and the NRW answer by a word of its answer text", async () => {
    const result = await search("Videokonferenz");
    expect(result.total).toBeGreaterThan(0);
    // Compound titles found by their first part: "Videokonferenzlizenzen", "Videokonferenzinfrastruktur".
    expect(result.hits.map((hit) => hit.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Videokonferenz(lizenzen|infrastruktur)/)]),
    );
    const nrw = await search("Leitplanken");
    expect(nrw.hits.some((hit) => hit.bodySlug === "landtag-nrw")).toBe(true);
    expect(nrw.hits.find((hit) => hit.bodySlug === "landtag-nrw")!.snippet).toMatch(/\u0001Leitplanken\u0002/);
  });

  it("counts facets over the matches and narrows by a facet", async () => {
    const all = await search("Videokonferenz");
    const bodyFacet = all.facets.body;
    expect(bodyFacet.reduce((sum, f) => sum + f.count, 0)).toBe(all.total);
    const first = bodyFacet[0]!;
    const narrowed = await search("Videokonferenz", { body: first.value });
    expect(narrowed.total).toBe(first.count);
    expect(narrowed.hits.every((hit) => hit.bodySlug === first.value)).toBe(true);
  });

  it("counts faction, department and tool facets and narrows by a tool", async () => {
    const all = await search("Videokonferenz");
    expect(all.facets.tool.length).toBeGreaterThan(0);
    expect(all.facets.department.length).toBeGreaterThan(0);
    expect(all.facets.faction.length).toBeGreaterThan(0);
    // A facet never counts more hits than there are.
    for (const name of ["faction", "department"] as const)
      expect(all.facets[name].reduce((sum, f) => sum + f.count, 0)).toBeLessThanOrEqual(all.total);
    const zoom = all.facets.tool.find((f) => f.value === "zoom")!;
    expect(zoom.label).toBe("Zoom");
    const narrowed = await search("Videokonferenz", { tool: "zoom" }, 1);
    expect(narrowed.total).toBe(zoom.count);
    expect(narrowed.total).toBeLessThan(all.total);
    const department = narrowed.facets.department[0]!;
    const both = await search("Videokonferenz", { tool: "zoom", department: department.value });
    expect(both.total).toBe(department.count);
  });

  it("sorts by date, newest first, when asked", async () => {
    const byDate = await searchPublic(
      { query: "Videokonferenz", filters: NONE, page: 1, sort: "datum", pageSize: 100 },
      t.db,
    );
    const dates = byDate.hits.map((hit) => hit.date ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    const byRank = await searchPublic({ query: "Videokonferenz", filters: NONE, page: 1, pageSize: 100 }, t.db);
    expect(new Set(byRank.hits.map((hit) => hit.publicRef))).toEqual(new Set(byDate.hits.map((hit) => hit.publicRef)));
  });

  it("understands websearch syntax: a minus excludes a word", async () => {
    const all = await search("Videokonferenz");
    const without = await search("Videokonferenz -Landesverwaltung");
    expect(without.total).toBeLessThanOrEqual(all.total);
  });

  it("never finds withheld text or non-public inquiries", async () => {
    expect((await search(SECRET)).total).toBe(0);
    const before = await search("Leitplanken");
    const nrw = before.hits.find((hit) => hit.bodySlug === "landtag-nrw")!;
    const [row] = await t.db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.publicRef, nrw.publicRef));
    await t.db.update(inquiries).set({ visibility: "internal" }).where(eq(inquiries.id, row!.id));
    try {
      expect((await search("Leitplanken")).hits.some((hit) => hit.publicRef === nrw.publicRef)).toBe(false);
    } finally {
      await t.db.update(inquiries).set({ visibility: "public" }).where(eq(inquiries.id, row!.id));
    }
  });

  it.each([
    ["only operators", `q=${encodeURIComponent('"-" | & ! ()')}`, /keine suchbaren Wörter/],
    ["10 kB", `q=${"Zoom ".repeat(2000)}`, /länger als 200 Zeichen/],
    ["unbalanced quotes", `q=${encodeURIComponent('"Zoom Videokonferenz')}`, null],
    ["SQL", `q=${encodeURIComponent("'; drop table inquiries; --")}`, null],
    ["tsquery syntax", `q=${encodeURIComponent("zoom & !(cisco | :*)")}`, null],
    ["unknown facet value", "q=Zoom&status=geheim&jahr=zwanzig", /Filter in der Adresse war ungültig/],
    [
      "unknown tool and a long faction",
      `q=Zoom&werkzeug=..%2F&fraktion=${"x".repeat(300)}`,
      /Filter in der Adresse war ungültig/,
    ],
    ["unknown sort", "q=Zoom&sortierung=zufall", /Diese Sortierung gibt es nicht/],
    ["tsquery operators alone", `q=${encodeURIComponent("& | ! <-> :*")}`, /keine suchbaren Wörter/],
    ["negative page", "q=Zoom&seite=-1", /Seitenzahl gibt es nicht/],
    ["huge page", "q=Zoom&seite=999999", /gezeigt wird die letzte Seite/],
    ["empty", "q=", /Bitte geben Sie einen Suchbegriff ein/],
  ])("answers %s with a normal page and a German hint where needed", async (_name, query, hint) => {
    const data = await load(query);
    if (hint) expect(data.hints.join(" ")).toMatch(hint);
    if (data.result) expect(data.result.page).toBeGreaterThanOrEqual(1);
  });

  it("answers too many searches from one address with 429, Retry-After and a German message", async () => {
    const clientIp = "198.51.100.7";
    for (let i = 0; i < 30; i++) expect((await loadWithInit("q=Zoom", clientIp)).status).toBe(200);
    // The bucket refills one search every 2 s while the loop runs, so a few more may pass before the 429 (on a
    // busy machine the 30 searches can take several seconds); it must come long before the bucket could refill.
    let limited = await loadWithInit("q=Zoom", clientIp);
    for (let extra = 0; limited.status === 200 && extra < 100; extra++)
      limited = await loadWithInit("q=Zoom", clientIp);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(limited.data.hints.join(" ")).toMatch(/sehr viele Suchanfragen/);
    expect((await loadWithInit("q=Zoom", "198.51.100.8")).status).toBe(200);
  });
});
