/**
 * The OParl 1.1 read API (`/oparl/v1`): one entry point for the resource routes. Paths:
 *   /oparl/v1                      System
 *   /oparl/v1/body                 list of bodies
 *   /oparl/v1/body/{slug}          Body
 *   /oparl/v1/body/{slug}/{kind}   a body's list of organization, person, meeting, agendaItem, paper,
 *                                  consultation or file (paginated, with the OParl filters)
 *   /oparl/v1/{kind}/{id}          one object
 * Everything else is a 404 with a JSON body; bad filters are a 400.
 */
import { getDb, type Db } from "../../core/db.server";
import { oparlTexts } from "../../../domain/texts/oparl";
import { findExposed, listExposed } from "./exposure.server";
import { parseListFilters, pageQuery, type ListCursor, type ListFilters } from "./filters.server";
import { buildBody, buildObjects, buildSystem, loadBodyRows, type OparlObject } from "./objects.server";
import { isOparlObjectKind, oparlOrigin, OparlUrls, type OparlObjectKind } from "./urls.server";

export interface OparlResponse {
  status: 200 | 400 | 404;
  body: unknown;
}

/**
 * A list page (OParl 1.1 "Paginierung"): `links.next` on every page but the last, `first` and `self`; the
 * optional totalElements/totalPages/currentPage and `last`/`prev` are left out, since counting the whole list
 * or paging by number cost seconds at 100,000 inquiries (ADR 0014 addendum).
 */
interface OparlList {
  data: OparlObject[];
  pagination: { elementsPerPage: number };
  links: { first: string; self: string; next?: string };
}

const notFound = (): OparlResponse => ({ status: 404, body: { error: oparlTexts.notFound } });
const badRequest = (message: string): OparlResponse => ({
  status: 400,
  body: { error: oparlTexts.badRequest, message },
});

function listResponse(
  baseUrl: string,
  filters: ListFilters,
  data: OparlObject[],
  next: ListCursor | null,
): OparlResponse {
  const link = (after: ListCursor | null) => `${baseUrl}${pageQuery(filters, after)}`;
  const list: OparlList = {
    data,
    pagination: { elementsPerPage: filters.limit },
    links: { first: link(null), self: link(filters.after), ...(next ? { next: link(next) } : {}) },
  };
  return { status: 200, body: list };
}

// Object ids: UUIDs, and for consultations three parts joined by "~".
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ID_PATTERN: Record<OparlObjectKind, RegExp> = {
  organization: new RegExp(`^${UUID}$`),
  person: new RegExp(`^${UUID}$`),
  meeting: new RegExp(`^${UUID}$`),
  agendaItem: new RegExp(`^${UUID}$`),
  paper: new RegExp(`^${UUID}$`),
  file: new RegExp(`^${UUID}$`),
  consultation: new RegExp(`^${UUID}~${UUID}~(raised|answer|decision)$`),
};

/** Answers a GET of an OParl path (the part after /oparl/v1, split into segments). */
export async function handleOparlRequest(request: Request, segments: string[], database?: Db): Promise<OparlResponse> {
  const db = database ?? (await getDb());
  const urls = new OparlUrls(oparlOrigin(request));
  const params = new URL(request.url).searchParams;
  const [first, second, third, ...rest] = segments;
  if (rest.length > 0) return notFound();

  if (first === undefined) return { status: 200, body: buildSystem(urls) };

  if (first === "body") {
    if (second === undefined) {
      const parsed = parseListFilters(params);
      if (!parsed.ok) return badRequest(parsed.message);
      const all = (await loadBodyRows(db)).map((body) => buildBody(urls, body));
      const { filters } = parsed;
      // Few bodies: filtered and paged in memory, by the same (modified, id) keyset as the other lists.
      const cursorOf = (body: OparlObject): ListCursor => ({
        modified: String(body.modified),
        id: body.id.slice(body.id.lastIndexOf("/") + 1),
      });
      const key = (c: ListCursor) => [c.modified.replace(/\.(\d{3})Z$/, ".$1000Z"), c.id] as const;
      const after = filters.after ? key(filters.after) : null;
      const matching = all
        .filter(
          (body) =>
            (!filters.createdSince || String(body.created) >= filters.createdSince.toISOString()) &&
            (!filters.createdUntil || String(body.created) <= filters.createdUntil.toISOString()) &&
            (!filters.modifiedSince || String(body.modified) >= filters.modifiedSince.toISOString()) &&
            (!filters.modifiedUntil || String(body.modified) <= filters.modifiedUntil.toISOString()),
        )
        .map((body) => ({ body, key: key(cursorOf(body)) }))
        .sort((a, b) => (a.key[0] + a.key[1] < b.key[0] + b.key[1] ? -1 : 1))
        .filter(({ key: k }) => !after || k[0] > after[0] || (k[0] === after[0] && k[1] > after[1]));
      const page = matching.slice(0, filters.limit).map(({ body }) => body);
      const next = matching.length > filters.limit ? cursorOf(page[page.length - 1]!) : null;
      return listResponse(urls.bodies(), filters, page, next);
    }
    const [body] = await loadBodyRows(db, second);
    if (!body) return notFound();
    if (third === undefined) return { status: 200, body: buildBody(urls, body) };
    if (!isOparlObjectKind(third)) return notFound();
    const parsed = parseListFilters(params);
    if (!parsed.ok) return badRequest(parsed.message);
    const { rows, next } = await listExposed(db, third, body.id, parsed.filters);
    const data = await buildObjects(db, urls, third, rows);
    return listResponse(urls.bodyList(body.slug, third), parsed.filters, data, next);
  }

  if (isOparlObjectKind(first) && second !== undefined && third === undefined) {
    if (!ID_PATTERN[first].test(second)) return notFound();
    const row = await findExposed(db, first, second);
    if (!row) return notFound();
    const [object] = await buildObjects(db, urls, first, [row]);
    return object ? { status: 200, body: object } : notFound();
  }
  return notFound();
}
