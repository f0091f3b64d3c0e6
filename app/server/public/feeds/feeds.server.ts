/**
 * The Atom feeds' read model (issue 14): the latest published answer versions (first publications and
 * corrections) — of all bodies, one body, one faction's inquiries or the answers whose tool inventory names a
 * tool — and the public timeline of one inquiry. Only what the public read models show: public inquiries past
 * draft (visibility.server.ts), published versions, public events; of a withholding only its public
 * justification (the withheld text is never selected).
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { answerVersions, bodies, inquiries, withholdings } from "../../../../db/schema/index";
import { feedPaths } from "../../../domain/feed-paths";
import { newestUpdate, renderAtomFeed, type AtomEntry } from "../../../domain/atom";
import { formatReference, isoDateInTimeZone } from "../../../domain/format";
import { publicEventLabel } from "../../../domain/labels";
import { feedText as t } from "../../../domain/texts/feeds";
import { getDb, type Db } from "../../core/db.server";
import { publicResponse } from "../../core/http-cache.server";
import { findBody, findFaction, findTool } from "../bodies.server";
import { loadPublicInquiry } from "../inquiries.server";
import { newestPublishedAnswers, publicInquiryLinkColumns, publishedDocumentColumns } from "../visibility.server";

/** Entries per feed: the newest ones. */
export const FEED_LIMIT = 50;

export type AnswerFeedScope =
  | { kind: "all" }
  | { kind: "body"; bodySlug: string }
  | { kind: "faction"; bodySlug: string; factionId: string }
  | { kind: "tool"; toolSlug: string };

/**
 * `updated` of a feed without entries: fixed, so that an empty feed keeps its ETag (a feed needs `updated`).
 */
const EMPTY_FEED_UPDATED = "1970-01-01T00:00:00.000Z";

export interface RenderedFeed {
  xml: string;
  /** The newest entry's time, for Last-Modified. */
  lastModified: Date | null;
}

interface ResolvedScope {
  condition: SQL | undefined;
  title: string;
  subtitle: string;
  selfPath: string;
  pagePath: string;
}

async function resolveScope(db: Db, scope: AnswerFeedScope): Promise<ResolvedScope | null> {
  switch (scope.kind) {
    case "all":
      return { condition: undefined, ...t.all, selfPath: feedPaths.all(), pagePath: "/" };
    case "body": {
      const body = await findBody(db, scope.bodySlug);
      if (!body) return null;
      return {
        condition: eq(inquiries.bodyId, body.id),
        ...t.body(body.name),
        selfPath: feedPaths.body(body.slug),
        pagePath: `/${body.slug}/anfragen`,
      };
    }
    case "faction": {
      const body = await findBody(db, scope.bodySlug);
      if (!body) return null;
      const faction = await findFaction(db, body.id, scope.factionId);
      if (!faction) return null;
      return {
        condition: and(eq(inquiries.bodyId, body.id), eq(inquiries.originatorOrganizationId, faction.id)),
        ...t.faction(faction.name, body.name),
        selfPath: feedPaths.faction(body.slug, faction.id),
        pagePath: `/${body.slug}/anfragen`,
      };
    }
    case "tool": {
      const tool = await findTool(db, scope.toolSlug);
      if (!tool) return null;
      // The version's own inventory names the tool (an inventory is a snapshot of one version).
      return {
        condition: sql`exists (select 1 from tool_inventory_rows r
          join tool_inventories i on i.id = r.inventory_id
          where i.version_id = ${answerVersions.id} and r.tool_id = ${tool.id})`,
        ...t.tool(tool.name),
        selfPath: feedPaths.tool(tool.slug),
        pagePath: `/werkzeuge/${tool.slug}`,
      };
    }
  }
}

/** The feed of published answers for a scope, or null when its body, faction or tool is unknown. */
export async function loadAnswerFeed(
  scope: AnswerFeedScope,
  origin: string,
  database?: Db,
): Promise<RenderedFeed | null> {
  const db = database ?? (await getDb());
  const resolved = await resolveScope(db, scope);
  if (!resolved) return null;
  const rows = await newestPublishedAnswers(
    db
      .select({
        versionId: answerVersions.id,
        versionNumber: answerVersions.versionNumber,
        ...publishedDocumentColumns,
        correctionNote: answerVersions.correctionNote,
        ...publicInquiryLinkColumns,
        timeZone: bodies.timeZone,
      })
      .from(answerVersions)
      .$dynamic(),
    resolved.condition,
  ).limit(FEED_LIMIT);
  const justifications = rows.length
    ? await db
        .select({ versionId: withholdings.versionId, text: withholdings.publicJustification })
        .from(withholdings)
        .where(
          inArray(
            withholdings.versionId,
            rows.map((r) => r.versionId),
          ),
        )
        .orderBy(withholdings.createdAt)
    : [];
  const entries: AtomEntry[] = rows.map((row) => {
    const reference = formatReference(row.typeName, row.reference);
    const url = `${origin}/${row.bodySlug}/anfragen/${encodeURIComponent(row.publicRef!)}?fassung=${row.versionNumber}`;
    return {
      id: url,
      title: t.entry.answerTitle(reference, row.title, row.versionNumber > 1 && row.correctionNote !== null),
      link: url,
      updated: row.publishedAt!.toISOString(),
      summary: t.entry.answerSummary({
        bodyName: row.bodyName,
        reference,
        document: row.documentReference ? formatReference(row.documentKind, row.documentReference) : row.documentKind,
        date: row.documentDate ?? isoDateInTimeZone(row.publishedAt!, row.timeZone),
        correctionNote: row.correctionNote,
        withheld: justifications.filter((j) => j.versionId === row.versionId).map((j) => j.text),
      }),
    };
  });
  return render(resolved, origin, entries, rows[0]?.publishedAt ?? null);
}

/** The public timeline of one inquiry as a feed, or null when the inquiry is unknown or not public. */
export async function loadInquiryFeed(
  params: { bodySlug: string; publicRef: string },
  origin: string,
  database?: Db,
): Promise<RenderedFeed | null> {
  const detail = await loadPublicInquiry(params, database);
  if (!detail) return null;
  const reference = formatReference(detail.inquiry.typeName, detail.inquiry.reference);
  const pagePath = `/${detail.body.slug}/anfragen/${encodeURIComponent(detail.inquiry.publicRef)}`;
  const newestFirst = [...detail.timeline].reverse().slice(0, FEED_LIMIT);
  const entries: AtomEntry[] = newestFirst.map((event) => {
    const label = publicEventLabel(event.type);
    return {
      id: `${origin}${pagePath}#ereignis-${event.id}`,
      title: t.entry.eventTitle(label, reference),
      link: `${origin}${pagePath}`,
      updated: event.occurredAt,
      summary: t.entry.eventSummary(label, event.occurredOn, event.note),
    };
  });
  const newest = entries.length ? new Date(newestUpdate(entries, EMPTY_FEED_UPDATED)) : null;
  return render(
    {
      condition: undefined,
      ...t.inquiry(reference, detail.inquiry.title),
      selfPath: feedPaths.inquiry(detail.body.slug, detail.inquiry.publicRef),
      pagePath,
    },
    origin,
    entries,
    newest,
  );
}

function render(scope: ResolvedScope, origin: string, entries: AtomEntry[], lastModified: Date | null): RenderedFeed {
  const xml = renderAtomFeed({
    id: `${origin}${scope.selfPath}`,
    title: scope.title,
    subtitle: scope.subtitle,
    self: `${origin}${scope.selfPath}`,
    alternate: `${origin}${scope.pagePath}`,
    updated: newestUpdate(entries, EMPTY_FEED_UPDATED),
    author: t.author,
    entries,
  });
  return { xml, lastModified };
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/** The answer to a feed request: the feed with ETag/Last-Modified (304 when current), or a plain 404. */
export function atomResponse(request: Request, feed: RenderedFeed | null): Response {
  if (!feed) return publicResponse(request, t.notFound, { contentType: "text/plain; charset=utf-8", status: 404 });
  return publicResponse(request, feed.xml, { contentType: ATOM_CONTENT_TYPE, lastModified: feed.lastModified });
}
