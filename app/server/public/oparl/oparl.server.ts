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
import { parseListFilters, pageQuery, type ListFilters } from "./filters.server";
import { buildBody, buildObjects, buildSystem, loadBodyRows, type OparlObject } from "./objects.server";
import { isOparlObjectKind, oparlOrigin, OparlUrls, type OparlObjectKind } from "./urls.server";

export interface OparlResponse {
  status: 200 | 400 | 404;
  body: unknown;
}

interface OparlList {
  data: OparlObject[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; last: string; self: string; prev?: string; next?: string };
}

const notFound = (): OparlResponse => ({ status: 404, body: { error: oparlTexts.notFound } });
const badRequest = (message: string): OparlResponse => ({
  status: 400,
  body: { error: oparlTexts.badRequest, message },
});

function listResponse(baseUrl: string, filters: ListFilters, data: OparlObject[], total: number): OparlResponse {
  const totalPages = Math.max(1, Math.ceil(total / filters.limit));
  const link = (page: number) => `${baseUrl}${pageQuery(filters, page)}`;
  const list: OparlList = {
    data,
    pagination: { totalElements: total, elementsPerPage: filters.limit, currentPage: filters.page, totalPages },
    links: {
      first: link(1),
      last: link(totalPages),
      self: link(filters.page),
      ...(filters.page > 1 ? { prev: link(Math.min(filters.page - 1, totalPages)) } : {}),
      ...(filters.page < totalPages ? { next: link(filters.page + 1) } : {}),
    },
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
      const matching = all.filter(
        (body) =>
          (!filters.createdSince || String(body.created) >= filters.createdSince.toISOString()) &&
          (!filters.createdUntil || String(body.created) <= filters.createdUntil.toISOString()) &&
          (!filters.modifiedSince || String(body.modified) >= filters.modifiedSince.toISOString()) &&
          (!filters.modifiedUntil || String(body.modified) <= filters.modifiedUntil.toISOString()),
      );
      const page = matching.slice((filters.page - 1) * filters.limit, filters.page * filters.limit);
      return listResponse(urls.bodies(), filters, page, matching.length);
    }
    const [body] = await loadBodyRows(db, second);
    if (!body) return notFound();
    if (third === undefined) return { status: 200, body: buildBody(urls, body) };
    if (!isOparlObjectKind(third)) return notFound();
    const parsed = parseListFilters(params);
    if (!parsed.ok) return badRequest(parsed.message);
    const { rows, total } = await listExposed(db, third, body.id, parsed.filters);
    const data = await buildObjects(db, urls, third, rows);
    return listResponse(urls.bodyList(body.slug, third), parsed.filters, data, total);
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
