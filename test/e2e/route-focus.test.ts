/**
 * Focus after a client-side navigation (app/components/route-focus.tsx, WCAG 2.4.3), on the run's shared
 * read-only app: the first load leaves the focus where the browser puts it (body); following a link in the
 * header or in the page moves it to `main#inhalt`, without a visible outline or box around the content, and
 * the next Tab goes on inside the new page's content; a search sent from the search page keeps the focus in
 * its field; a search sent from the header is a full page load (the header's plain form) with the focus where
 * the browser puts it; and a user who moves on to another field while a navigation is loading keeps the focus
 * there and can go on typing (before the fix it jumped to main mid-word). Every navigation here is checked to
 * be client-side (the window survives it), except the header search's.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { useFilePage } from "../support/browser";

const { app, browser } = useAppAndBrowser("shared");
const filePage = useFilePage(browser);

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
    const { page, assertNoPageErrors, close } = await filePage();
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
    const { page, assertNoPageErrors, close } = await filePage();
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

  it("leaves the focus in the header search when a search is sent from there: a plain form, so a full page load", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/werkzeuge`);
    await page.waitForFunction(() => !!(window as { __remixRouter?: unknown }).__remixRouter);
    await page.waitForLoadState("networkidle");
    await markWindow(page);
    await page.locator("#kopf-suche").focus();
    await page.keyboard.type("Videokonferenz");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/suche" && url.searchParams.get("q") === "Videokonferenz");
    await page.locator(".search-hit").first().waitFor();
    await page.waitForLoadState("networkidle");
    // The header's form works without JavaScript and is not Remix's <Form>: the browser loads the results page,
    // RouteFocus (first load) leaves the focus where the browser puts it, and the next Tab starts at the skip link.
    expect(await sameWindow(page)).toBe(false);
    expect((await focused(page)).tag).toBe("body");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#inhalt");
    assertNoPageErrors();
    await close();
  });

  it("does not take the focus from a field the user moved to while the navigation was loading", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/werkzeuge`);
    await page.waitForFunction(() => !!(window as { __remixRouter?: unknown }).__remixRouter);
    await page.waitForLoadState("networkidle");
    await markWindow(page);
    // Hold the next page's data until the user has moved on (a handshake, not a sleep).
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let requested!: () => void;
    const dataRequested = new Promise<void>((resolve) => (requested = resolve));
    await page.route(
      (url) => url.pathname.endsWith(".data"),
      async (route) => {
        requested();
        await released;
        await route.continue();
      },
    );
    await page.locator("header a.site-name").focus();
    await page.keyboard.press("Enter");
    await dataRequested;
    // While the overview loads, the user goes on to the header search and starts typing.
    await page.locator("#kopf-suche").focus();
    await page.keyboard.type("Video");
    release();
    await page.waitForURL((url) => url.pathname === "/");
    await page.locator("main h1").waitFor();
    await page.waitForLoadState("networkidle");
    await page.keyboard.type("konferenz");
    expect(await sameWindow(page)).toBe(true);
    expect((await focused(page)).id).toBe("kopf-suche");
    expect(await page.locator("#kopf-suche").inputValue()).toBe("Videokonferenz");
    await page.unrouteAll({ behavior: "ignoreErrors" });
    assertNoPageErrors();
    await close();
  });
});
