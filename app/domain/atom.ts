/**
 * Atom 1.0 (RFC 4287) serialisation: pure, no I/O. Every text goes through `escapeXml`, and characters XML 1.0
 * does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, so that any stored
 * text gives a well-formed document.
 */

export interface AtomEntry {
  /** Stable IRI of the entry (the URL of what it announces, with a fragment or version). */
  id: string;
  title: string;
  /** Absolute URL of the page. */
  link: string;
  /** ISO 8601 date-time. */
  updated: string;
  /** Plain text. */
  summary: string;
}

export interface AtomFeed {
  /** Stable IRI of the feed: its own absolute URL. */
  id: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself (rel="self"). */
  self: string;
  /** Absolute URL of the HTML page it follows (rel="alternate"). */
  alternate: string;
  /** ISO 8601; the newest entry's, or the given fallback for an empty feed. */
  updated: string;
  author: string;
  entries: AtomEntry[];
}

// XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}"${type ? ` type="${type}"` : ""} href="${escapeXml(href)}"/>`;

export function renderAtomFeed(feed: AtomFeed): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">`,
    `  ${element("id", feed.id)}`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  ${link("self", feed.self, "application/atom+xml")}`,
    `  ${link("alternate", feed.alternate, "text/html")}`,
    `  ${element("updated", feed.updated)}`,
    `  <author>${element("name", feed.author)}</author>`,
    `  <generator>Quaestio</generator>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      `  <entry>`,
      `    ${element("id", entry.id)}`,
      `    <title type="text">${escapeXml(entry.title)}</title>`,
      `    ${link("alternate", entry.link, "text/html")}`,
      `    ${element("updated", entry.updated)}`,
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, ``);
  return lines.join("\n");
}

/** The newest of the entries' `updated`, or the fallback (an empty feed still needs one). */
export function newestUpdate(entries: AtomEntry[], fallback: string): string {
  return entries.reduce((newest, e) => (e.updated > newest ? e.updated : newest), entries.length ? "" : fallback);
}
