/**
 * The public portal's first part in a real browser against `npm start`: the tool catalogue and a tool page
 * (facts with sources, chart with its table, links to the answers), the accessibility statement with its
 * Leichte Sprache and DGS pages — each checked with axe at 1280 px and 320 px without sideways scrolling and
 * without JavaScript — plus the site files and the OParl entry point served by the running server.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, useFilePage } from "../support/browser";

const { app, browser } = useAppAndBrowser("shared");
const filePage = useFilePage(browser);

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways at ${clientWidth} px`).toBeLessThanOrEqual(clientWidth);
}

/** axe at 1280 px and at 320 px, and no sideways scrolling of the document at 320 px. */
async function checkBothWidths(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("tool pages", () => {
  it("lead from the catalogue to Cisco-ViKo with its source, chart, table and the NRW answer", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/werkzeuge`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Werkzeuge");
    const catalogue = page.locator("table", {
      has: page.locator("caption", { hasText: "Werkzeuge in veröffentlichten Antworten" }),
    });
    expect(await catalogue.locator("tbody tr").count()).toBe(16);
    await checkBothWidths(page);

    await catalogue.getByRole("link", { name: "Cisco-ViKo", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/werkzeuge/cisco-viko");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Cisco-ViKo");

    const chart = page.locator("svg[role=img]");
    expect(await chart.locator("title").textContent()).toBe("Arbeitsplätze mit Cisco-ViKo nach Antwort");
    expect(await chart.locator("desc").textContent()).toMatch(/Dieselben Zahlen stehen in der Tabelle/);
    expect(await chart.textContent()).toContain("52.413");
    const counts = page.locator("table", {
      has: page.locator("caption", { hasText: "Arbeitsplätze mit Cisco-ViKo nach Datum" }),
    });
    expect(await counts.locator("tbody tr").first().locator("td").allTextContents()).toEqual([
      "07.07.2020",
      expect.stringMatching(/Landtag/),
      "Cisco-ViKo (On-Premise)",
      "52.413",
    ]);
    const facts = page.locator("table", { has: page.locator("caption", { hasText: "Fakten zu Cisco-ViKo" }) });
    expect(await facts.textContent()).toContain("Drucksache 17/9511");
    await checkBothWidths(page);

    // The region around a wide table is reachable with the keyboard and named by its caption.
    const region = page.getByRole("region", { name: "Arbeitsplätze mit Cisco-ViKo nach Datum der Antwort" });
    expect(await region.getAttribute("tabindex")).toBe("0");

    await page.locator("table.tool-mentions").getByRole("link").first().click();
    await page.waitForURL((url) => url.pathname === "/landtag-nrw/anfragen/17-9511");
    assertNoPageErrors();
    await close();
  });

  it("answer 404 for an unknown tool", async () => {
    const recorded = await filePage();
    recorded.allowHttpError("/werkzeuge/gibt-es-nicht", 404);
    const response = await recorded.page.goto(`${app.url}/werkzeuge/gibt-es-nicht`);
    expect(response?.status()).toBe(404);
    await recorded.close();
  });
});

describe("accessibility statement", () => {
  it("has every part BITV 2.0 asks for and links the Leichte Sprache and DGS pages, all usable without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${app.url}/barrierefreiheit`);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const part of [
      "Stand der Vereinbarkeit",
      "teilweise mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vereinbar",
      "Nicht barrierefreie Inhalte",
      "Erstellung dieser Erklärung",
      "Selbstbewertung",
      "Barrieren melden",
      "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz",
      "Mauerstraße 53",
      "10117 Berlin",
      "Rechtsgrundlagen",
    ]) {
      expect(text, part).toContain(part);
    }
    expect(await page.locator('a[href="/feedback"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="https://www.schlichtungsstelle-bgg.de"]').count()).toBe(1);
    await page.locator('a[href="/barrierefreiheit/leichte-sprache"]').first().click();
    await page.waitForURL((url) => url.pathname === "/barrierefreiheit/leichte-sprache");
    expect(await page.locator("h1").textContent()).toBe("Quaestio in Leichter Sprache");
    await page.goto(`${app.url}/barrierefreiheit/gebaerdensprache`);
    expect(await page.locator("main").textContent()).toContain("Video in Deutscher Gebärdensprache");
    await context.close();
  });

  it.each(["/barrierefreiheit", "/barrierefreiheit/leichte-sprache", "/barrierefreiheit/gebaerdensprache"])(
    "%s passes axe at 1280 and 320 px without sideways scrolling",
    async (path) => {
      const { page, assertNoPageErrors, close } = await filePage();
      await page.goto(`${app.url}${path}`);
      await checkBothWidths(page);
      assertNoPageErrors();
      await close();
    },
  );
});

describe("search", () => {
  it("finds compound words, narrows by a facet and opens an answer, axe-clean at both widths", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/suche`);
    await page.getByLabel("Suchbegriffe").fill("Videokonferenz");
    await page.getByRole("button", { name: "Suchen" }).click();
    await page.waitForURL((url) => url.pathname === "/suche" && url.searchParams.get("q") === "Videokonferenz");
    await expect.poll(() => page.locator("#treffer").textContent()).toMatch(/\d+ Treffer/);
    expect(await page.locator(".search-hit").count()).toBeGreaterThan(1);
    // The kind of document once: "Anfrage 2", not "Anfrage Anfrage 2" (the reference already names it).
    const zoom = page.locator(".search-hit", { hasText: 'Videokonferenztool: "Zoom"' });
    await expect
      .poll(() => zoom.locator(".search-hit__meta").textContent())
      .toMatch(/^Stadt Norderstedt · Anfrage 2 · /);
    await checkBothWidths(page);

    const facet = page
      .locator(".search-facet", { has: page.getByRole("heading", { name: "Körperschaft" }) })
      .getByRole("link")
      .first();
    const facetText = (await facet.textContent())!;
    const expected = Number(/\((\d+)\)/.exec(facetText)![1]);
    await facet.click();
    await page.waitForURL((url) => url.searchParams.has("koerperschaft"));
    await expect.poll(() => page.locator(".search-hit").count()).toBe(Math.min(expected, 10));
    await checkBothWidths(page);

    await page.locator(".search-hit h3 a").first().click();
    await page.waitForURL((url) => /^\/[a-z0-9-]+\/anfragen\/[^/]+$/.test(url.pathname));
    assertNoPageErrors();
    await close();
  });

  it("answers bad input with a German hint and status 200", async () => {
    for (const query of ["q=%22-%22+%7C+%26", `q=${"x".repeat(10000)}`, "q=Zoom&seite=-1", "q=Zoom&status=unbekannt"]) {
      const response = await fetch(`${app.url}/suche?${query}`);
      expect(response.status, query).toBe(200);
      expect(await response.text(), query).toMatch(/role="status"/);
    }
  });
});

describe("site files and OParl on the running server", () => {
  it("serves the favicons, robots.txt, the OpenSearch description and security.txt", async () => {
    const fetchOk = async (path: string) => {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(200);
      return response;
    };
    expect((await fetchOk("/favicon.ico")).headers.get("content-type")).toMatch(/icon/);
    expect((await fetchOk("/favicon.svg")).headers.get("content-type")).toMatch(/svg/);
    expect((await fetchOk("/apple-touch-icon.png")).headers.get("content-type")).toBe("image/png");
    const robots = await (await fetchOk("/robots.txt")).text();
    for (const staff of ["/arbeitsbereich", "/verwaltung", "/konto", "/entwicklung"])
      expect(robots).toContain(`Disallow: ${staff}`);
    expect(robots).not.toMatch(/Disallow: \/\s*$/m);
    const openSearch = await fetchOk("/opensearch.xml");
    expect(openSearch.headers.get("content-type")).toMatch(/opensearchdescription\+xml/);
    expect(await openSearch.text()).toContain(`template="${app.url}/suche?q={searchTerms}"`);
    const security = await (await fetchOk("/.well-known/security.txt")).text();
    expect(security).toMatch(/^Contact: \S+/m);
    const expires = /^Expires: (\S+)$/m.exec(security)?.[1];
    expect(Date.parse(expires!)).toBeGreaterThan(Date.now());

    const { page, close } = await filePage();
    await page.goto(`${app.url}/`);
    expect(await page.locator('link[rel="search"]').getAttribute("href")).toBe("/opensearch.xml");
    await close();
  });

  it("answers the OParl System and a body's paper list as JSON with absolute URLs of this server", async () => {
    const system = await fetch(`${app.url}/oparl/v1`);
    expect(system.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await system.json()) as Record<string, string>;
    expect(body.id).toBe(`${app.url}/oparl/v1`);
    const bodies = (await (await fetch(body.body!)).json()) as { data: { paper: string }[] };
    expect(bodies.data).toHaveLength(4);
    const papers = (await (await fetch(bodies.data[0]!.paper)).json()) as { data: { id: string }[] };
    expect(papers.data.length).toBeGreaterThan(0);
    expect(papers.data[0]!.id.startsWith(`${app.url}/oparl/v1/paper/`)).toBe(true);
    expect((await fetch(`${app.url}/oparl/v1/gibt-es-nicht`)).status).toBe(404);
  });
});
