/**
 * Focus after a client-side navigation (app/components/route-focus.tsx, WCAG 2.4.3), on the run's shared
 * read-only app: the first load leaves the focus where the browser puts it (body); following a link in the
 * header or in the page moves it to `main#inhalt`, without a visible outline or box around the content, and
 * the next Tab goes on inside the new page's content; a search sent from the search page keeps the focus in
 * its field. Every navigation here is checked to be client-side (the window survives it).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { openPage } from "../support/browser";

const { app, browser } = useAppAndBrowser("shared");

/** The focused element: its id, tag, whether it is inside main, and the outline and box-shadow it shows. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: "", tag: "body", inMain: false, outline: "", shadow: "" };
    const style = getComputedStyle(el);
    return {
      id: el.id,
      tag: el.tagName.toLowerCase(),
      inMain: el !== document.getElementById("inhalt") && !!el.closest("main#inhalt"),
      outline: style.outlineStyle,
      shadow: style.boxShadow,
    };
  });
}

/** Marks the window, so that a later check can tell a client-side navigation from a full page load. */
async function markWindow(page: Page) {
  await page.evaluate(() => ((window as { __sameWindow?: boolean }).__sameWindow = true));
}
async function sameWindow(page: Page) {
  return page.evaluate(() => (window as { __sameWindow?: boolean }).__sameWindow === true);
}

describe("focus after a navigation", () => {
  it("moves to main#inhalt after following a link, not on the first load", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await page.goto(`${app.url}/werkzeuge`);
    await page.locator("main h1").waitFor();
    // Hydrated: the link in the page leads client-side (Remix's <Link> only works after hydration).
    await page.waitForFunction(() => !!(window as { __remixRouter?: unknown }).__remixRouter);
    await page.waitForLoadState("networkidle");
    expect((await focused(page)).tag).toBe("body");
    await markWindow(page);

    // By keyboard from the header: the site name leads to the overview.
    await page.locator("header a.site-name").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(async () => (await focused(page)).id).toBe("inhalt");
    expect(await sameWindow(page)).toBe(true);
    const onMain = await focused(page);
    expect(onMain.outline).toBe("none");
    expect(onMain.shadow).toBe("none");
    // The next Tab goes on in the new page's content, not back at the skip link or the header.
    await page.keyboard.press("Tab");
    expect((await focused(page)).inMain).toBe(true);

    // A link in the page, which leaves the document with the page it was on.
    const list = page.locator('main a[href$="/anfragen"]').first();
    const listPath = await list.evaluate((a) => (a as HTMLAnchorElement).pathname);
    await list.click();
    await page.waitForURL((url) => url.pathname === listPath);
    await expect.poll(async () => (await focused(page)).id).toBe("inhalt");
    expect(await sameWindow(page)).toBe(true);
    assertNoPageErrors();
    await close();
  });

  it("stays in the search field when a search is sent from the search page", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await page.goto(`${app.url}/suche`);
    await page.waitForFunction(() => !!(window as { __remixRouter?: unknown }).__remixRouter);
    await page.waitForLoadState("networkidle");
    await markWindow(page);
    await page.locator("#suche-q").focus();
    await page.keyboard.type("Videokonferenz");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/suche" && url.searchParams.get("q") === "Videokonferenz");
    await page.locator(".search-hit").first().waitFor();
    expect(await sameWindow(page)).toBe(true);
    expect((await focused(page)).id).toBe("suche-q");
    assertNoPageErrors();
    await close();
  });
});
