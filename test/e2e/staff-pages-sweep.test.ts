/**
 * Issue 11, "Done means": axe (wcag2a, wcag2aa, wcag21a, wcag21aa) finds no serious or critical violation on
 * the staff pages, at 1280 px and at 320 px, and none of them scrolls sideways at 320 px (WCAG 1.4.10: the
 * workflow page, the notification settings and "Mein Konto" once did). Each demo role of Norderstedt signs in
 * and follows the links of its workspace two levels deep — as that user finds the pages — visiting every kind
 * of staff page it reaches (at most two of each kind, e.g. two inquiries; the page's kind is its path with ids
 * replaced), each page once, at 320 px: every visited page is checked for sideways scrolling, and the first
 * page of each kind (per role: what a role sees on a kind of page differs) with axe at 320 and at 1280 px.
 * Pages are only read: links that change something are not links here (forms post).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage } from "../support/browser";
import { signInFactionMember, signInStaffFirstTime } from "../support/sign-in";

const { app, browser } = useAppAndBrowser();

/** Staff pages: the workspace and what hangs off it, one's account and notifications, the body's administration. */
const STAFF_PATH = /^\/(arbeitsbereich|benachrichtigungen|konto|verwaltung)(\/|$)/;
/** Files and downloads, not pages. */
const NOT_A_PAGE = /\/anlagen\/[^/]+$|\.(csv|json|pdf|xml)$/;
const PER_KIND = 2;
const DEPTH = 2;

/** The kind of a staff page: its path with ids, references and page numbers replaced. */
function kindOf(url: URL): string {
  const path = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id");
  return url.searchParams.has("seite") ? `${path}?seite` : path;
}

async function staffLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href).filter((href) => href.startsWith("http")));
  return [...new Set(hrefs)]
    .map((href) => new URL(href))
    .filter((url) => url.origin === new URL(page.url()).origin && STAFF_PATH.test(url.pathname))
    .filter((url) => !NOT_A_PAGE.test(url.pathname))
    .map((url) => `${url.pathname}${url.search}`);
}

async function overflowAt320(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((el) => !el.closest("[role=region]"))
      .slice(0, 4)
      .map((el) => `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join("")}`);
    return `${root.scrollWidth} > ${root.clientWidth} px (${wide.join(", ")})`;
  });
}

const ACCOUNTS: { email: string; faction?: boolean; expectKinds: string[] }[] = [
  {
    email: "fraktion@norderstedt.quaestio.example",
    faction: true,
    expectKinds: ["/arbeitsbereich", "/arbeitsbereich/entwurf/:id", "/arbeitsbereich/vorgaenge/:id", "/konto"],
  },
  {
    email: "ratsbuero@norderstedt.quaestio.example",
    expectKinds: [
      "/arbeitsbereich",
      "/arbeitsbereich/vorgaenge/:id",
      "/benachrichtigungen",
      "/konto/benachrichtigungen",
    ],
  },
  {
    email: "sachbearbeitung@norderstedt.quaestio.example",
    expectKinds: [
      "/arbeitsbereich/vorgaenge/:id",
      "/arbeitsbereich/vorgaenge/:id/antwort",
      "/arbeitsbereich/vorgaenge/:id/beteiligungen",
      "/arbeitsbereich/vorgaenge/:id/werkzeuge",
    ],
  },
  { email: "datenschutz@norderstedt.quaestio.example", expectKinds: ["/arbeitsbereich/beratungen/:id"] },
  {
    email: "admin@norderstedt.quaestio.example",
    expectKinds: [
      "/verwaltung/norderstedt",
      "/verwaltung/norderstedt/protokoll",
      "/verwaltung/norderstedt/benutzer/:id",
    ],
  },
];

describe("staff pages of every Norderstedt role", () => {
  it.each(ACCOUNTS)(
    "fit 320 px on every page, and pass axe at 320 and 1280 px on each kind of page, for $email",
    async ({ email, faction, expectKinds }) => {
      const recorded = await openPage(browser);
      const { page } = recorded;
      if (faction) await signInFactionMember(page, app.url, email);
      else await signInStaffFirstTime(page, app.url, email);

      const visitedPerKind = new Map<string, number>();
      const seen = new Set<string>();
      const failures: string[] = [];
      let axeChecked = 0;
      await page.setViewportSize({ width: 320, height: 800 });
      let frontier = ["/arbeitsbereich", "/konto", "/konto/benachrichtigungen", "/benachrichtigungen"];
      for (let depth = 0; depth <= DEPTH && frontier.length; depth++) {
        const next: string[] = [];
        for (const path of frontier) {
          if (seen.has(path)) continue;
          seen.add(path);
          const kind = kindOf(new URL(path, app.url));
          if ((visitedPerKind.get(kind) ?? 0) >= PER_KIND) continue;
          visitedPerKind.set(kind, (visitedPerKind.get(kind) ?? 0) + 1);

          // One visit per page, at 320 px: the scroll check on every page; axe at 320 and 1280 px on the first
          // page of each kind (the second differs in its data, not its markup).
          const firstOfKind = visitedPerKind.get(kind) === 1;
          const response = await page.goto(`${app.url}${path}`);
          expect(response?.status(), `${email}: ${path}`).toBe(200);
          const overflow = await overflowAt320(page);
          if (overflow) failures.push(`${path} scrolls sideways at 320 px: ${overflow}`);
          if (depth < DEPTH) next.push(...(await staffLinks(page)));
          if (!firstOfKind) continue;
          axeChecked += 1;
          for (const width of [320, 1280]) {
            if (width !== 320) await page.setViewportSize({ width, height: 900 });
            try {
              await checkA11y(page);
            } catch (error) {
              failures.push(`${path} at ${width} px: ${(error as Error).message.split("\n").slice(0, 3).join(" ")}`);
            }
          }
          await page.setViewportSize({ width: 320, height: 800 });
        }
        frontier = next;
      }
      const kinds = [...visitedPerKind.keys()];
      for (const kind of expectKinds) expect(kinds, `${email} reached ${kind}`).toContain(kind);
      expect(axeChecked, `${email}: axe ran on one page of each kind`).toBe(kinds.length);
      expect(failures, `${email}:\n${failures.join("\n")}`).toEqual([]);
      recorded.assertNoPageErrors();
      await recorded.close();
    },
  );
});
