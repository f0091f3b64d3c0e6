/**
 * Every public page (issue 14) at 320 px in one browser against the run's shared read-only app: the document
 * never scrolls sideways at 320 px (`scrollWidth <= clientWidth`, WCAG 1.4.10) on any page, and axe finds no
 * serious or critical violation on one page of each template at 320 and at 1280 px — every static page and
 * the 404 page, a body's list, the first inquiry of each body (Anfrage, Antrag, Kleine Anfrage, Schreiben der
 * Aufsicht), the two richest answers (17-9511 with its ministry × tool matrix, M 20/0226 with the DPO
 * statement) and a tool. The other pages of a template differ in their texts and numbers, not in their markup;
 * what the width changes is the layout, which the scroll check sees on every page. The pages are found as a
 * reader finds them — the overview's links to every body, each body's list (every page of it) to every
 * inquiry, the tool catalogue to every tool — plus search with results, the accessibility, legal and feedback
 * pages, the subscription pages and the 404 page; each is visited once. OParl (JSON) and the feeds (XML) are
 * not pages. And one path by keyboard alone: search → result → answer page, with Tab and Enter, the focus
 * always visible, never on body.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, useFilePage, type RecordedPage } from "../support/browser";

const { app, browser } = useAppAndBrowser("shared");
const filePage = useFilePage(browser);

const STATIC_PAGES = [
  "/",
  "/werkzeuge",
  "/suche?q=Videokonferenz",
  "/suche?q=Zoom",
  "/barrierefreiheit",
  "/barrierefreiheit/leichte-sprache",
  "/barrierefreiheit/gebaerdensprache",
  "/impressum",
  "/datenschutz",
  "/feedback",
  "/abo?thema=werkzeug&werkzeug=zoom",
  "/abo/bestaetigen/ungueltig",
  "/abo/abmelden/ungueltig",
];
const NOT_FOUND = "/diese-seite-gibt-es-nicht";

async function hrefs(page: Page, selector: string): Promise<string[]> {
  const all = await page.locator(selector).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return [...new Set(all)];
}

const INQUIRY_PAGE = /^\/[a-z0-9-]+\/anfragen\/[^/]+$/;
/** The two richest answers: 17-9511 with its ministry × tool matrix, M 20/0226 with the DPO statement. */
const RICHEST = ["/landtag-nrw/anfragen/17-9511", "/norderstedt/anfragen/M-20-0226"];

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // Name the widest culprits, so that a failure says where to look.
    const wide = [...document.querySelectorAll("main *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((el) => !el.closest("[role=region]"))
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

describe("every public page", () => {
  it("fits 320 px without sideways scrolling, and each page template passes axe at 320 and 1280 px", async () => {
    const recorded: RecordedPage = await filePage();
    const { page } = recorded;
    recorded.allowHttpError(NOT_FOUND, 404);
    const visited: string[] = [];
    const templates: string[] = [];
    const overflowing: string[] = [];
    const axeFailures: string[] = [];
    // Every page is checked before the test fails, so that one run names every page that needs a fix.
    const axe = async (path: string, width: number) => {
      try {
        await checkA11y(page);
      } catch (error) {
        axeFailures.push(`${path} at ${width} px: ${(error as Error).message.split("\n").slice(0, 4).join(" ")}`);
      }
    };
    /** One visit per page, at 320 px: the scroll check always; axe at 320 and 1280 px on a template's first page. */
    const visit = async (path: string, { template }: { template: boolean }) => {
      if (visited.includes(path)) return;
      visited.push(path);
      const response = await page.goto(`${app.url}${path}`);
      expect(response?.status(), path).toBe(path === NOT_FOUND ? 404 : 200);
      const overflow = await sidewaysOverflow(page);
      if (overflow)
        overflowing.push(`${path}: ${overflow.scrollWidth} > ${overflow.clientWidth} — ${overflow.wide.join(", ")}`);
      if (!template) return;
      templates.push(path);
      await axe(path, 320);
      await page.setViewportSize({ width: 1280, height: 900 });
      await axe(path, 1280);
      await page.setViewportSize({ width: 320, height: 800 });
    };
    await page.setViewportSize({ width: 320, height: 800 });

    // As a reader finds them: the overview's links to every body's list, each list (all its pages) to every
    // inquiry, the tool catalogue to every tool. Each page is visited once; links are read on that visit.
    await visit("/", { template: true });
    const bodyLists = (await hrefs(page, 'main a[href$="/anfragen"]')).filter((p) =>
      /^\/[a-z0-9-]+\/anfragen$/.test(p),
    );
    const inquiries: string[] = [];
    for (const [index, list] of bodyLists.entries()) {
      for (let seite = 1; seite <= 20; seite++) {
        await visit(`${list}${seite > 1 ? `?seite=${seite}` : ""}`, { template: index === 0 && seite === 1 });
        inquiries.push(...(await hrefs(page, "main table a")).filter((p) => p.startsWith(`${list}/`)));
        if ((await page.locator(`a[href="${list}?seite=${seite + 1}"]`).count()) === 0) break;
      }
    }
    await visit("/werkzeuge", { template: true });
    const toolPages = (await hrefs(page, "main table a")).filter((p) => /^\/werkzeuge\/[a-z0-9-]+$/.test(p));
    // The demo data: 4 bodies' lists, every seeded public inquiry (17-9511 among them), 16 tools.
    expect(bodyLists.length).toBeGreaterThanOrEqual(4);
    expect(inquiries).toContain(RICHEST[0]);
    expect(toolPages.length).toBeGreaterThanOrEqual(16);

    // Templates: every static page and the 404 page, the first body's list, the first inquiry of each body
    // (Anfrage, Antrag, Kleine Anfrage, Schreiben der Aufsicht), the two richest answers and a tool.
    const firstOfEachBody = new Set(
      new Map(inquiries.filter((p) => INQUIRY_PAGE.test(p)).map((p) => [p.split("/")[1], p])).values(),
    );
    for (const path of [...new Set(inquiries)]) {
      await visit(path, { template: firstOfEachBody.has(path) || RICHEST.includes(path) });
    }
    for (const [index, path] of toolPages.entries()) await visit(path, { template: index === 0 });
    for (const path of STATIC_PAGES) await visit(path, { template: true });
    await visit(NOT_FOUND, { template: true });

    expect(visited.length).toBeGreaterThan(40);
    expect(templates).toEqual(expect.arrayContaining([...STATIC_PAGES, NOT_FOUND, ...RICHEST]));
    expect(templates.length).toBeGreaterThanOrEqual(STATIC_PAGES.length + 6);
    expect(axeFailures, `axe failures:\n${axeFailures.join("\n")}`).toEqual([]);
    expect(overflowing, `pages that scroll sideways at 320 px:\n${overflowing.join("\n")}`).toEqual([]);
    recorded.assertNoPageErrors();
    await recorded.close();
  });
});

describe("keyboard only", () => {
  /** Presses Tab until `matches` holds for the focused element; the focus is never on body and always visible. */
  async function tabTo(page: Page, matches: (el: { tag: string; name: string; href: string }) => boolean) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        return {
          tag: el.tagName.toLowerCase(),
          name: (el.getAttribute("name") ?? el.textContent ?? "").trim(),
          href: el instanceof HTMLAnchorElement ? el.pathname : "",
          visible: el.matches(":focus-visible"),
        };
      });
      expect(focused, "the focus left the page's controls for body").not.toBeNull();
      expect(focused!.visible, `focus on ${focused!.tag} "${focused!.name}" is not visible`).toBe(true);
      if (matches(focused!)) return;
    }
    throw new Error("the element was not reached with Tab");
  }

  it("goes from the search to a result to the answer page with Tab and Enter", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/suche`);
    await tabTo(page, (el) => el.tag === "input" && el.name === "q");
    await page.keyboard.type("Videokonferenz");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/suche" && url.searchParams.get("q") === "Videokonferenz");
    await page.locator(".search-hit").first().waitFor();
    await tabTo(page, (el) => el.tag === "a" && /^\/[a-z0-9-]+\/anfragen\/[^/]+$/.test(el.href));
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === target);
    // React Router changes the URL when the answer page's data is there and renders the page in a transition
    // afterwards: Tab pressed in between moves through the search page, whose links then leave the document
    // and take the focus with them. The answer page is on screen once the search hits are gone.
    await page.locator(".search-hit").first().waitFor({ state: "detached" });
    expect(await page.locator("h1").count()).toBe(1);
    // Onwards on the answer page: Tab still reaches a control, with the focus visible.
    await tabTo(page, () => true);
    assertNoPageErrors();
    await close();
  });
});
