/**
 * A reader finds the Landtag NRW's answer to Kleine Anfrage 3761 (Drucksache 17/9511) from the home page
 * and sees the inventory of video-conference tools exactly as the answer lists it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage } from "../support/browser";
import { linkTo } from "../support/links";

const LIST_PATH = "/landtag-nrw/anfragen";
const ANSWER_PATH = "/landtag-nrw/anfragen/17-9511";
/** German number format as printed in the answer: 52.413, 22. */
const COUNT = /^\d{1,3}(?:\.\d{3})*$/;

const { app, browser } = useAppAndBrowser("shared");

/** Follows the list's pagination (?seite=N) until a link to `pathname` shows up. */
async function findOnListPages(page: Page, pathname: string, maxPages = 30) {
  for (let n = 1; n <= maxPages; n++) {
    const link = linkTo(page, pathname);
    if ((await link.count()) > 0) return link.first();
    const next = page.locator(`a[href*="seite=${n + 1}"]`).first();
    if ((await next.count()) === 0) break;
    await next.click();
    await page.waitForURL((url) => url.searchParams.get("seite") === String(n + 1));
    await checkA11y(page);
  }
  throw new Error(`no link to ${pathname} on the list pages`);
}

describe("Landtag NRW, answer to Kleine Anfrage 3761 (Drucksache 17/9511)", () => {
  it("is reachable from the home page and shows the 16 tools of the inventory", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);

    await page.goto(`${app.url}/`);
    await checkA11y(page);

    await linkTo(page, LIST_PATH).first().click();
    await page.waitForURL((url) => url.pathname === LIST_PATH);
    await checkA11y(page);

    const answerLink = await findOnListPages(page, ANSWER_PATH);
    await answerLink.click();
    await page.waitForURL((url) => url.pathname === ANSWER_PATH);
    await checkA11y(page);

    const table = page.locator("table", { has: page.locator("caption", { hasText: "Videokonferenz-Tools" }) });
    await expect.poll(() => table.count()).toBe(1);
    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        cells: Array.from(tr.querySelectorAll("th, td"), (cell) =>
          (cell.textContent ?? "").replace(/\s+/g, " ").trim(),
        ),
        hasSup: tr.querySelector("th sup, td sup") !== null,
      })),
    );

    expect(rows).toHaveLength(16);
    const counted = rows.filter((row) => row.cells.some((cell) => COUNT.test(cell)));
    expect(counted).toHaveLength(15);
    expect(counted[0]!.cells).toContain("Cisco-ViKo (On-Premise)");
    expect(counted[0]!.cells).toContain("52.413");
    expect(counted[14]!.cells).toContain("Nextcloud Talk (On-Premise)");
    expect(counted[14]!.cells).toContain("22");

    const zoom = rows.filter((row) => row.cells[0]?.startsWith("Zoom"));
    expect(zoom, "exactly one Zoom row").toHaveLength(1);
    const zoomRow = zoom[0]!;
    expect(
      zoomRow.cells.some((cell) => COUNT.test(cell)),
      "Zoom has no workplace count",
    ).toBe(false);
    // The footnote mark (¹, *, a superscript …) follows the name in the same cell.
    const footnoteMark = zoomRow.hasSup || /^Zoom\s*[*¹²³⁴⁵⁶⁷⁸⁹⁰†‡\d]/.test(zoomRow.cells[0]!);
    expect(footnoteMark, `Zoom carries a footnote mark: ${JSON.stringify(zoomRow.cells)}`).toBe(true);

    assertNoPageErrors();
    await close();
  });
});
