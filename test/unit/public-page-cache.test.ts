/**
 * The page cache's own rules without a database: which URLs are cached, eviction by bytes, which pages a
 * body's change drops, HEAD, and the after-commit hooks that carry the invalidation.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { afterCommit, withAfterCommit } from "../../app/server/core/after-commit.server";
import { migrationsPending } from "../../app/server/core/db.server";
import {
  cacheablePath,
  PAGE_MAX_AGE_MS,
  PublicPageCache,
  SEARCH_PAGE_MAX_ENTRIES,
} from "../../app/server/core/public-page-cache.server";

const ORIGIN = "http://quaestio.test";
const BODIES = new Map([
  ["id-nrw", "landtag-nrw"],
  ["id-norderstedt", "norderstedt"],
]);

describe("cacheablePath", () => {
  it.each([
    ["/", null],
    ["/werkzeuge", null],
    ["/werkzeuge/zoom", null],
    ["/werkzeuge/zoom?seite=2", null],
    ["/barrierefreiheit", null],
    ["/landtag-nrw/anfragen", "landtag-nrw"],
    ["/landtag-nrw/anfragen?seite=3", "landtag-nrw"],
    ["/landtag-nrw/anfragen/17-9511", "landtag-nrw"],
    ["/landtag-nrw/statistik", "landtag-nrw"],
  ])("caches %s (body %s)", (path, body) => {
    expect(cacheablePath(new URL(`${ORIGIN}${path}`))).toEqual({ bodySlug: body });
  });

  // Search result pages in the form of the page's own links and form (searchHref): they show every body.
  it.each([
    "/suche",
    "/suche?q=zoom",
    "/suche?q=Videokonferenz+Schule&seite=2",
    "/suche?q=Datenschutz&koerperschaft=norderstedt&sortierung=datum",
    "/suche?q=%C3%96ffentlichkeit&typ=Kleine+Anfrage&jahr=2024",
  ])("caches the search page %s (every body)", (path) => {
    expect(cacheablePath(new URL(`${ORIGIN}${path}`))).toEqual({ bodySlug: null, search: true });
  });

  it.each([
    "/suche?q=zoom&kalt=1",
    "/suche?q=zoom&seite=1",
    "/suche?seite=2&q=zoom",
    "/suche?q=zoom&q=teams",
    "/suche?q=+zoom",
    "/suche?q=zoom%20teams",
    "/suche?q=zoom&sortierung=relevanz",
    "/suche?q=zoom&sortierung=alphabet",
    "/suche?q=zoom&koerperschaft=",
    "/suche?q=zoom&status=unbekannt",
    "/suche?q=",
    "/suche?koerperschaft=norderstedt",
    "/suche.data?q=zoom",
    "/suche.csv?q=zoom",
    "/landtag-nrw/anfragen?seite=0",
    "/landtag-nrw/anfragen?seite=2&x=1",
    "/werkzeuge/zoom?kalt=1",
    "/werkzeuge/zoom?seite=x",
    "/landtag-nrw/anfragen?status=answered",
    "/landtag-nrw/anfragen/17-9511?fassung=1",
    "/landtag-nrw/anfragen/17-9511.data",
    "/?x=1",
    "/arbeitsbereich",
    "/anmelden",
    "/feedback",
    "/oparl/v1",
    "/landtag-nrw/statistik.csv",
    "/landtag-nrw/statistik?jahr=2020",
  ])("passes %s through", (path) => {
    expect(cacheablePath(new URL(`${ORIGIN}${path}`))).toBeNull();
  });
});

function page(text: string, status = 200): Response {
  return new Response(`<html><script nonce="abc">${text}</script></html>`, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "script-src 'nonce-abc'",
      "X-Request-Id": "req-1",
    },
  });
}

function cacheWith(maxBytes: number) {
  let renders = 0;
  const cache = new PublicPageCache(maxBytes, async () => BODIES);
  const render = async (request: Request) => {
    renders++;
    return page(`${new URL(request.url).pathname} ${"x".repeat(1000)}`);
  };
  const get = (path: string, method = "GET") => cache.serve(new Request(`${ORIGIN}${path}`, { method }), render, false);
  return { cache, get, renders: () => renders };
}

describe("PublicPageCache", () => {
  it("keeps pages within its byte budget, least recently used out first", async () => {
    const { cache, get, renders } = cacheWith(8_000); // pages of ~1.5 kB each, at most 2 kB per page
    for (const ref of ["a", "b", "c", "d", "e"]) await get(`/norderstedt/anfragen/${ref}`);
    await get("/norderstedt/anfragen/a"); // "a" was the oldest and is used again
    for (const ref of ["f", "g"]) await get(`/norderstedt/anfragen/${ref}`);
    expect(cache.stats().bytes).toBeLessThanOrEqual(8_000);
    const before = renders();
    await get("/norderstedt/anfragen/g");
    expect(renders()).toBe(before); // the newest is still there
    await get("/norderstedt/anfragen/b");
    expect(renders()).toBe(before + 1); // an old one is gone
  });

  it("drops a body's pages and the pages of all bodies, but not another body's", async () => {
    const { cache, get, renders } = cacheWith(1_000_000);
    const paths = ["/", "/werkzeuge", "/norderstedt/anfragen", "/landtag-nrw/anfragen", "/landtag-nrw/anfragen/1"];
    for (const path of paths) await get(path);
    const before = renders();
    cache.invalidate("id-nrw");
    for (const path of paths) await get(path);
    // Rendered again: overview, tools, the NRW list and the NRW answer; Norderstedt's list came from the cache.
    expect(renders() - before).toBe(4);
    cache.invalidate("an-unknown-body");
    for (const path of paths) await get(path);
    expect(renders() - before).toBe(9);
  });

  it("answers HEAD from the cache without a body, and does not store errors", async () => {
    const { cache, get } = cacheWith(1_000_000);
    const head = await get("/norderstedt/anfragen/x", "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(cache.stats().entries).toBe(1);
    const missing = await cache.serve(
      new Request(`${ORIGIN}/norderstedt/anfragen/y`),
      async () => page("", 404),
      false,
    );
    expect(missing.status).toBe(404);
    expect(cache.stats().entries).toBe(1);
  });

  it("remembers a not-found URL until the body changes, sent as 404 no-store, sharing one copy of the page", async () => {
    const cache = new PublicPageCache(1_000_000, async () => BODIES);
    let renders = 0;
    const notFound = async () => {
      renders++;
      return page("Seite nicht gefunden", 404);
    };
    const get = (path: string, method = "GET") =>
      cache.serve(new Request(`${ORIGIN}${path}`, { method }), notFound, false);
    const first = await get("/norderstedt/anfragen/gibt-es-nicht");
    expect(first.status).toBe(404);
    expect(first.headers.get("Cache-Control")).toBe("no-store");
    expect(first.headers.get("ETag")).toBeNull();
    const again = await get("/norderstedt/anfragen/gibt-es-nicht");
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("Seite nicht gefunden");
    // A fresh nonce per response, as for cached pages.
    expect(again.headers.get("Content-Security-Policy")).not.toContain("'nonce-abc'");
    expect((await get("/norderstedt/anfragen/gibt-es-nicht", "HEAD")).status).toBe(404);
    expect(renders).toBe(1);
    await get("/norderstedt/anfragen/auch-nicht");
    await get("/landtag-nrw/anfragen/nicht-da");
    expect(cache.stats()).toMatchObject({ entries: 0, notFound: 3, bytes: 0 });
    expect(renders).toBe(3);
    // The inquiry is published in Norderstedt: its 404s are forgotten, NRW's stays.
    cache.invalidate("id-norderstedt");
    await get("/norderstedt/anfragen/gibt-es-nicht");
    await get("/landtag-nrw/anfragen/nicht-da");
    expect(renders).toBe(4);
  });

  it("keeps at most SEARCH_PAGE_MAX_ENTRIES search pages, least recently used out first, and drops them with any body's change", async () => {
    const { cache, get, renders } = cacheWith(100_000_000);
    await get("/norderstedt/anfragen/a");
    for (let i = 0; i < SEARCH_PAGE_MAX_ENTRIES; i++) await get(`/suche?q=wort${i}`);
    await get("/suche?q=wort0"); // used again: now the most recent
    await get("/suche?q=noch+eins"); // one more than the share: the least recently used search goes
    expect(cache.stats().entries).toBe(SEARCH_PAGE_MAX_ENTRIES + 1);
    const before = renders();
    await get("/suche?q=wort0");
    await get("/norderstedt/anfragen/a"); // answer pages are not pushed out by searches
    expect(renders()).toBe(before);
    await get("/suche?q=wort1");
    expect(renders()).toBe(before + 1);
    cache.invalidate("id-norderstedt");
    await get("/suche?q=wort0");
    expect(renders()).toBe(before + 2);
  });

  it("does not store a page whose rendering overlapped a committed change", async () => {
    const cache = new PublicPageCache(1_000_000, async () => BODIES);
    const slow = async () => {
      cache.invalidate("id-norderstedt"); // a change commits while this page is being rendered
      return page("alt");
    };
    await cache.serve(new Request(`${ORIGIN}/norderstedt/anfragen/z`), slow, false);
    expect(cache.stats().entries).toBe(0);
  });
});

describe("PublicPageCache expiry", () => {
  it("renders a page again once it is older than PAGE_MAX_AGE_MS (relative dates move at midnight)", async () => {
    let clock = 1_000_000;
    let renders = 0;
    const cache = new PublicPageCache(
      1_000_000,
      async () => BODIES,
      () => clock,
    );
    const render = async () => {
      renders++;
      return page("heute");
    };
    const get = () => cache.serve(new Request(`${ORIGIN}/norderstedt/anfragen/q`), render, false);
    await get();
    clock += PAGE_MAX_AGE_MS;
    await get();
    expect(renders).toBe(1);
    clock += 1;
    await get();
    expect(renders).toBe(2);
  });
});

describe("afterCommit", () => {
  it("runs after the transaction resolved, never after a rollback, at once outside a transaction", async () => {
    const ran: string[] = [];
    await withAfterCommit(async () => {
      afterCommit(() => ran.push("committed"));
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(["committed"]);
    await expect(
      withAfterCommit(async () => {
        afterCommit(() => ran.push("rolled back"));
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    afterCommit(() => ran.push("no transaction"));
    expect(ran).toEqual(["committed", "no transaction"]);
  });
});

describe("migrationsPending (start-up skips the migrator when nothing is new)", () => {
  const folder = "db/migrations";
  it("is true without a migration table and when the journal has a newer migration", () => {
    expect(migrationsPending(null, folder)).toBe(true);
    expect(migrationsPending("0", folder)).toBe(true);
  });
  it("is false when the newest migration of the journal has been applied", () => {
    const journal = JSON.parse(fs.readFileSync(`${folder}/meta/_journal.json`, "utf8")) as {
      entries: { when: number }[];
    };
    const newest = Math.max(...journal.entries.map((entry) => entry.when));
    expect(migrationsPending(String(newest), folder)).toBe(false);
    expect(migrationsPending(String(newest - 1), folder)).toBe(true);
  });
});
