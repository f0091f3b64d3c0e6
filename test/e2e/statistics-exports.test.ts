/**
 * Issue 14 in a real browser against `npm start`: a body's statistics page (server-drawn charts with title and
 * description, the same figures in tables, a CSV download that arrives as a file), the download links under a
 * list and under the NRW answer's tool inventory, the search field in the header without JavaScript, and the
 * print view of Drucksache 17/9511 — navigation hidden and the ministry × tool matrix not cut on A4. axe and
 * sideways scrolling are checked at 1280 px and 320 px on the new pages.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, useFilePage } from "../support/browser";

const { app, browser } = useAppAndBrowser("shared");
const filePage = useFilePage(browser);

async function checkBothWidths(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page);
  await page.setViewportSize({ width: 320, height: 800 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways at 320 px`).toBeLessThanOrEqual(clientWidth);
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Printable width of A4 portrait with the site's 1.8 cm side margins, in CSS pixels (96 per inch). */
const A4_PORTRAIT_PRINTABLE_PX = Math.floor(((210 - 2 * 18) / 25.4) * 96);

describe("statistics", () => {
  it("shows the Landtag NRW's figures as charts with title and description and as tables, and downloads the CSV", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/`);
    await page.getByRole("link", { name: "Statistik" }).first().click();
    await page.waitForURL((url) => url.pathname.endsWith("/statistik"));
    await page.goto(`${app.url}/landtag-nrw/statistik`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Statistik");

    const charts = page.locator("svg[role=img]");
    expect(await charts.count()).toBe(4);
    const firstChart = charts.first();
    expect(await firstChart.locator("title").textContent()).toBe(
      "Median der Beantwortungsdauer in Tagen, nach Fachbereich",
    );
    expect(await firstChart.locator("desc").textContent()).toMatch(/Dieselben Zahlen stehen in der Tabelle/);
    const yearTable = page.getByRole("table", { name: "Beantwortung nach Jahr des Eingangs" });
    expect(await yearTable.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await yearTable.locator("thead th").allTextContents()).toContain("Median (Tage)");
    await checkBothWidths(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("statistik-landtag-nrw.csv");
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toMatch(/^\uFEFFGliederung;Gruppe;Anfragen;/);
    expect(csv.toString("utf8")).toContain("insgesamt;Landtag");
    assertNoPageErrors();
    await close();
  });

  it("answers an unknown body's statistics page and CSV with 404", async () => {
    const response = await fetch(`${app.url}/gibt-es-nicht/statistik`);
    expect(response.status).toBe(404);
    expect((await fetch(`${app.url}/gibt-es-nicht/statistik.csv`)).status).toBe(404);
  });
});

describe("downloads and the header search", () => {
  it("offers CSV and JSON under a list and the NRW tool inventory", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/landtag-nrw/anfragen`);
    const json = await page.getByRole("link", { name: "JSON" }).getAttribute("href");
    const list = (await (await fetch(`${app.url}${json}`)).json()) as { items: { publicRef: string }[] };
    expect(list.items.map((item) => item.publicRef)).toContain("17-9511");
    await checkBothWidths(page);

    await page.goto(`${app.url}/landtag-nrw/anfragen/17-9511`);
    const csvHref = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(csvHref).toBe("/landtag-nrw/anfragen/17-9511/werkzeuge.csv");
    const csv = await (await fetch(`${app.url}${csvHref}`)).text();
    expect(csv).toContain("Cisco-ViKo (On-Premise)");
    assertNoPageErrors();
    await close();
  });

  it("searches from the header of any page without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${app.url}/werkzeuge`);
    await page.getByRole("searchbox", { name: "Suche in Anfragen und Antworten" }).fill("Videokonferenz");
    await page.getByRole("search", { name: "Schnellsuche" }).getByRole("button", { name: "Suche starten" }).click();
    await page.waitForURL((url) => url.pathname === "/suche" && url.searchParams.get("q") === "Videokonferenz");
    expect(await page.locator("h2#treffer").textContent()).toMatch(/Treffer/);
    expect(await page.getByRole("heading", { name: "Werkzeug", level: 3 }).count()).toBe(1);
    await context.close();

    // The result page with its new facets, sort links and download links is accessible at both widths.
    const recorded = await filePage();
    await recorded.page.goto(`${app.url}/suche?q=Videokonferenz&sortierung=datum`);
    expect(await recorded.page.getByRole("link", { name: "nach Relevanz" }).count()).toBe(1);
    await checkBothWidths(recorded.page);
    recorded.assertNoPageErrors();
    await recorded.close();
  });
});

describe("print view", () => {
  it("prints 17-9511 without navigation and with the whole ministry × tool matrix on the page", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/landtag-nrw/anfragen/17-9511`);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: A4_PORTRAIT_PRINTABLE_PX, height: 1100 });
    const layout = await page.evaluate(() => {
      const table = document.querySelector<HTMLTableElement>("table.usage-matrix")!;
      const wrapper = table.parentElement!;
      const hidden = (selector: string) =>
        [...document.querySelectorAll(selector)].every((el) => getComputedStyle(el).display === "none");
      return {
        tableScrollWidth: table.scrollWidth,
        tableRight: table.getBoundingClientRect().right,
        wrapperWidth: wrapper.clientWidth,
        wrapperScrollWidth: wrapper.scrollWidth,
        columns: table.querySelectorAll("thead .usage-matrix__tool").length,
        navHidden: hidden(".site-nav"),
        searchHidden: hidden(".site-search"),
        downloadsHidden: hidden(".download-links"),
        footerHidden: hidden(".site-footer"),
      };
    });
    expect(layout.columns).toBeGreaterThan(5);
    expect(layout.tableRight).toBeLessThanOrEqual(A4_PORTRAIT_PRINTABLE_PX);
    expect(layout.wrapperScrollWidth).toBeLessThanOrEqual(layout.wrapperWidth);
    expect(layout).toMatchObject({ navHidden: true, searchHidden: true, downloadsHidden: true, footerHidden: true });

    const pdf = await page.pdf({ format: "A4", printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    assertNoPageErrors();
    await close();
  });
});
