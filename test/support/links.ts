/** Small helpers for following the app's public links in browser and HTTP tests. */
import type { Locator, Page } from "playwright-core";

/** Links to exactly this same-origin path, written relative or absolute (DESIGN §7: same-origin hrefs). */
export function linkTo(page: Page, pathname: string): Locator {
  const origin = new URL(page.url()).origin;
  const variants = [pathname, `${pathname}/`, `${origin}${pathname}`, `${origin}${pathname}/`];
  return page.locator(variants.map((href) => `a[href="${href}"]`).join(", "));
}

/** Same-origin link targets (pathname + search) in an HTML document, in document order. */
export function linksIn(html: string, baseUrl: string): string[] {
  const base = new URL(baseUrl);
  const links: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)) {
    const href = match[1]!.replace(/&amp;/g, "&");
    const url = new URL(href, base);
    if (url.origin === base.origin) links.push(url.pathname + url.search);
  }
  return links;
}

/** The number N of a list page link (`?seite=N`), or null. */
export function pageNumber(link: string): number | null {
  const value = new URL(link, "http://x").searchParams.get("seite");
  return value && /^\d+$/.test(value) ? Number(value) : null;
}
