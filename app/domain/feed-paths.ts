/** URL paths (no origin) of the Atom feeds (issue 14): the feed routes and the pages' alternate links use these. */
export const feedPaths = {
  all: () => `/feeds/alle.atom`,
  body: (bodySlug: string) => `/feeds/${bodySlug}.atom`,
  faction: (bodySlug: string, factionId: string) => `/feeds/${bodySlug}/fraktionen/${factionId}.atom`,
  tool: (toolSlug: string) => `/feeds/werkzeuge/${toolSlug}.atom`,
  inquiry: (bodySlug: string, publicRef: string) => `/feeds/${bodySlug}/anfragen/${encodeURIComponent(publicRef)}.atom`,
};

/** The `<link rel="alternate">` descriptor of a feed for a route's `meta` export. */
export function feedAlternate(href: string, title: string) {
  return { tagName: "link", rel: "alternate", type: "application/atom+xml", href, title } as const;
}
