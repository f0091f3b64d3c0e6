/**
 * The Atom feeds (issue 14) over the demo data: every feed is well-formed XML with the elements RFC 4287
 * requires, absolute URLs from the request's origin, at most 50 entries, the Atom content type, 304 for a
 * client that has the current copy, and 404 for an unknown body, faction, tool or inquiry.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "../../app/server/core/db.server";
import {
  atomResponse,
  FEED_LIMIT,
  loadAnswerFeed,
  loadInquiryFeed,
  type AnswerFeedScope,
} from "../../app/server/public/feeds/feeds.server";
import { bodies, inquiries, organizations, tools } from "../../db/schema";
import { backends, useTestDatabase } from "../support/db";

const ORIGIN = "http://feeds.quaestio.test";
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "link"].includes(name),
});

type Link = { "@rel": string; "@href": string; "@type"?: string };
type Entry = { id: string; title: { "#text": string } | string; link: Link[]; updated: string; summary: unknown };

/** Parses and checks the structure Atom requires; returns the entries. */
function checkAtom(xml: string, selfPath: string): Entry[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml);
  const feed = doc.feed;
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(feed.id).toBe(`${ORIGIN}${selfPath}`);
  expect(feed.title).toBeTruthy();
  expect(Date.parse(feed.updated)).not.toBeNaN();
  expect(feed.author.name).toBe("Quaestio");
  const self = (feed.link as Link[]).find((l) => l["@rel"] === "self");
  expect(self?.["@href"]).toBe(`${ORIGIN}${selfPath}`);
  expect((feed.link as Link[]).find((l) => l["@rel"] === "alternate")?.["@href"]).toMatch(
    /^http:\/\/feeds\.quaestio\.test\//,
  );
  const entries: Entry[] = feed.entry ?? [];
  expect(entries.length).toBeLessThanOrEqual(FEED_LIMIT);
  const ids = new Set<string>();
  for (const entry of entries) {
    expect(entry.id).toMatch(/^http:\/\/feeds\.quaestio\.test\//);
    ids.add(entry.id);
    expect(entry.title).toBeTruthy();
    expect(entry.link[0]!["@href"]).toMatch(/^http:\/\/feeds\.quaestio\.test\/[a-z0-9-]+\/anfragen\//);
    expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(entry.summary).toBeTruthy();
  }
  expect(ids.size, "entry ids are unique").toBe(entries.length);
  return entries;
}

describe.each(backends())("Atom feeds on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  const answerFeed = async (scope: AnswerFeedScope) => {
    const feed = await loadAnswerFeed(scope, ORIGIN, t.db);
    expect(feed).not.toBeNull();
    return feed!.xml;
  };

  it("all answers: valid Atom, newest first, answers of every body with published ones", async () => {
    const entries = checkAtom(await answerFeed({ kind: "all" }), "/feeds/alle.atom");
    expect(entries.length).toBeGreaterThan(3);
    const updated = entries.map((e) => e.updated);
    expect([...updated].sort().reverse()).toEqual(updated);
    const bodySlugs = new Set(entries.map((e) => new URL(e.id).pathname.split("/")[1]));
    expect(bodySlugs.size).toBeGreaterThan(1);
  });

  it("each body's feed holds only that body's answers", async () => {
    const rows = await t.db.select({ slug: bodies.slug }).from(bodies);
    for (const { slug } of rows) {
      const entries = checkAtom(await answerFeed({ kind: "body", bodySlug: slug }), `/feeds/${slug}.atom`);
      for (const entry of entries) expect(new URL(entry.id).pathname.startsWith(`/${slug}/anfragen/`)).toBe(true);
    }
  });

  it("a tool's feed holds the answers whose inventory names it (Zoom in several bodies)", async () => {
    const [zoom] = await t.db.select({ slug: tools.slug }).from(tools).where(eq(tools.slug, "zoom"));
    expect(zoom).toBeDefined();
    const entries = checkAtom(await answerFeed({ kind: "tool", toolSlug: "zoom" }), "/feeds/werkzeuge/zoom.atom");
    expect(entries.length).toBeGreaterThan(0);
  });

  it("a faction's feed holds answers to that faction's inquiries only", async () => {
    const [row] = await t.db
      .select({ factionId: organizations.id, slug: bodies.slug })
      .from(inquiries)
      .innerJoin(organizations, eq(organizations.id, inquiries.originatorOrganizationId))
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .where(and(eq(organizations.kind, "faction"), eq(inquiries.visibility, "public"), isNotNull(inquiries.publicRef)))
      .limit(1);
    expect(row).toBeDefined();
    checkAtom(
      await answerFeed({ kind: "faction", bodySlug: row!.slug, factionId: row!.factionId }),
      `/feeds/${row!.slug}/fraktionen/${row!.factionId}.atom`,
    );
  });

  it("one inquiry's feed is its public timeline (17-9511)", async () => {
    const [row] = await t.db
      .select({ slug: bodies.slug })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .where(eq(inquiries.publicRef, "17-9511"));
    const feed = await loadInquiryFeed({ bodySlug: row!.slug, publicRef: "17-9511" }, ORIGIN, t.db);
    const entries = checkAtom(feed!.xml, `/feeds/${row!.slug}/anfragen/17-9511.atom`);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.link[0]!["@href"] === `${ORIGIN}/${row!.slug}/anfragen/17-9511`)).toBe(true);
    expect(feed!.xml).toContain("Antwort veröffentlicht");
  });

  it("serves application/atom+xml with validators, and 304 when the client has the current copy", async () => {
    const feed = await loadAnswerFeed({ kind: "all" }, ORIGIN, t.db);
    const first = atomResponse(new Request(`${ORIGIN}/feeds/alle.atom`), feed);
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const etag = first.headers.get("ETag");
    expect(etag).toBeTruthy();
    expect(first.headers.get("Last-Modified")).toBeTruthy();
    // The same data rendered again gives the same bytes, so the same tag.
    const again = await loadAnswerFeed({ kind: "all" }, ORIGIN, t.db);
    const second = atomResponse(
      new Request(`${ORIGIN}/feeds/alle.atom`, { headers: { "If-None-Match": etag! } }),
      again,
    );
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    const stale = atomResponse(
      new Request(`${ORIGIN}/feeds/alle.atom`, { headers: { "If-None-Match": '"alt"' } }),
      again,
    );
    expect(stale.status).toBe(200);
  });

  it("answers 404 for an unknown body, faction, tool or inquiry", async () => {
    const [body] = await t.db.select({ slug: bodies.slug }).from(bodies).limit(1);
    expect(await loadAnswerFeed({ kind: "body", bodySlug: "gibt-es-nicht" }, ORIGIN, t.db)).toBeNull();
    expect(await loadAnswerFeed({ kind: "tool", toolSlug: "gibt-es-nicht" }, ORIGIN, t.db)).toBeNull();
    expect(
      await loadAnswerFeed(
        { kind: "faction", bodySlug: body!.slug, factionId: "00000000-0000-4000-8000-000000000000" },
        ORIGIN,
        t.db,
      ),
    ).toBeNull();
    expect(await loadInquiryFeed({ bodySlug: body!.slug, publicRef: "99-99999" }, ORIGIN, t.db)).toBeNull();
    const response = atomResponse(new Request(`${ORIGIN}/feeds/x.atom`), null);
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("does not list an internal inquiry's answer", async () => {
    const internal = await t.db
      .select({ slug: bodies.slug, publicRef: inquiries.publicRef })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .where(and(eq(inquiries.visibility, "internal"), isNotNull(inquiries.publicRef)));
    const xml = await answerFeed({ kind: "all" });
    for (const row of internal) expect(xml).not.toContain(`/${row.slug}/anfragen/${row.publicRef}?`);
  });
});
