/**
 * The search result cache's rules without a database (app/server/public/search/result-cache.server.ts): equal
 * keys share a result, any public change drops everything, a search that ran across a change is not stored,
 * entries expire and the least recently used go first; only addresses with the search's own parameters use it.
 */
import { describe, expect, it } from "vitest";
import { PAGE_MAX_AGE_MS, publicChangeCount, publicPagesChanged } from "../../app/server/core/public-page-cache.server";
import { SearchResultCache } from "../../app/server/public/search/result-cache.server";
import { onlySearchParams } from "../../app/domain/search-params";

function counting() {
  let runs = 0;
  return {
    compute: (value: string) => async () => {
      runs++;
      return value;
    },
    runs: () => runs,
  };
}

describe("SearchResultCache", () => {
  it("answers a repeated key from memory and drops everything on a public change", async () => {
    let changes = 0;
    const cache = new SearchResultCache<string>(10, () => changes);
    const c = counting();
    expect(await cache.get("a", c.compute("A1"))).toBe("A1");
    expect(await cache.get("a", c.compute("A2"))).toBe("A1");
    expect(c.runs()).toBe(1);
    changes++;
    expect(await cache.get("a", c.compute("A3"))).toBe("A3");
    expect(c.runs()).toBe(2);
  });

  it("does not keep a result computed while a change committed", async () => {
    let changes = 0;
    const cache = new SearchResultCache<string>(10, () => changes);
    await cache.get("a", async () => {
      changes++;
      return "stale";
    });
    expect(cache.size).toBe(0);
    expect(await cache.get("a", async () => "fresh")).toBe("fresh");
  });

  it("expires entries and drops the least recently used beyond its size", async () => {
    let now = 0;
    const cache = new SearchResultCache<string>(
      2,
      () => 0,
      () => now,
    );
    await cache.get("a", async () => "A");
    await cache.get("b", async () => "B");
    await cache.get("a", async () => "A'");
    await cache.get("c", async () => "C");
    expect(cache.size).toBe(2);
    expect(await cache.get("b", async () => "B'")).toBe("B'");
    now = PAGE_MAX_AGE_MS + 1;
    expect(await cache.get("b", async () => "B''")).toBe("B''");
  });

  it("follows the page cache's change count", () => {
    const before = publicChangeCount();
    publicPagesChanged(null);
    expect(publicChangeCount()).toBe(before + 1);
  });
});

describe("onlySearchParams", () => {
  it.each([
    ["q=Zoom", true],
    ["q=Zoom&koerperschaft=norderstedt&sortierung=datum&seite=2&werkzeug=zoom", true],
    ["q=Zoom&kalt=1", false],
    ["q=Zoom&utm_source=x", false],
  ])("%s → %s", (query, expected) => {
    expect(onlySearchParams(new URLSearchParams(query))).toBe(expected);
  });
});
