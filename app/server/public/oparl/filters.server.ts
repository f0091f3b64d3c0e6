/**
 * Query parameters of OParl lists (OParl 1.1, "Filter" and "Paginierung"): created_since, created_until,
 * modified_since, modified_until (ISO 8601 date-times), omit_deleted=true, `limit`, the spec's `elementsPerPage`
 * (a wish the server may cap: above 100 the page has 100), and the keyset cursor `after` that `links.next`
 * carries (ADR 0014 addendum: no page numbers, no counting; `page=1` is the first page, a later page number is
 * a 400 that points to links.next). Bad values are reported, never guessed.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ListFilters {
  createdSince: Date | null;
  createdUntil: Date | null;
  modifiedSince: Date | null;
  modifiedUntil: Date | null;
  omitDeleted: boolean;
  /** Keyset cursor: the page starts after this (modified, id); null for the first page. */
  after: ListCursor | null;
  limit: number;
}

/** Where a list page ends: the last element's `modified` to the microsecond (UTC) and its id. */
export interface ListCursor {
  modified: string;
  id: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)_([0-9a-z~-]{1,120})$/;

export function formatCursor(cursor: ListCursor): string {
  return `${cursor.modified}_${cursor.id}`;
}

export type FilterParseResult = { ok: true; filters: ListFilters } | { ok: false; message: string };

// Full date-time with a zone (the spec asks for ISO 8601 with a time zone); a bare date is accepted as midnight UTC.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

function parseDate(name: string, raw: string | null): Date | null | string {
  if (raw === null) return null;
  if (!DATE_TIME.test(raw)) return `${name} muss ein Zeitpunkt nach ISO 8601 sein, z. B. 2026-01-31T00:00:00+01:00.`;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) return `${name} ist kein gültiger Zeitpunkt.`;
  return date;
}

function parsePositive(name: string, raw: string | null, fallback: number, max: number): number | string {
  if (raw === null) return fallback;
  if (!/^[1-9][0-9]{0,6}$/.test(raw) || Number(raw) > max) return `${name} muss eine ganze Zahl von 1 bis ${max} sein.`;
  return Number(raw);
}

export function parseListFilters(params: URLSearchParams): FilterParseResult {
  const createdSince = parseDate("created_since", params.get("created_since"));
  const createdUntil = parseDate("created_until", params.get("created_until"));
  const modifiedSince = parseDate("modified_since", params.get("modified_since"));
  const modifiedUntil = parseDate("modified_until", params.get("modified_until"));
  // OParl 1.1 names `elementsPerPage` as the client's page size and lets the server not keep to it: a larger
  // wish gets the largest page, not an error. Our own `limit` stays strict (1–100).
  const wish = params.get("elementsPerPage");
  const limit =
    params.get("limit") === null && wish !== null && /^[1-9][0-9]{0,6}$/.test(wish)
      ? Math.min(Number(wish), MAX_PAGE_SIZE)
      : parsePositive(
          params.get("limit") === null && wish !== null ? "elementsPerPage" : "limit",
          params.get("limit") ?? wish,
          DEFAULT_PAGE_SIZE,
          MAX_PAGE_SIZE,
        );
  const omit = params.get("omit_deleted");
  // A page number is not ours (the spec leaves the URLs of list pages to the server); page 1 is the list's start.
  if (params.has("page") && !(params.getAll("page").length === 1 && params.get("page") === "1"))
    return {
      ok: false,
      message: "page wird nicht unterstützt: Folgen Sie links.next, um zur nächsten Seite zu gelangen.",
    };
  const rawAfter = params.get("after");
  const cursor = rawAfter === null ? null : CURSOR.exec(rawAfter);
  if (rawAfter !== null && (!cursor || Number.isNaN(Date.parse(cursor[1]!))))
    return { ok: false, message: "after ist keine gültige Fortsetzungsmarke; folgen Sie links.next." };
  for (const value of [createdSince, createdUntil, modifiedSince, modifiedUntil, limit]) {
    if (typeof value === "string") return { ok: false, message: value };
  }
  if (omit !== null && omit !== "true" && omit !== "false")
    return { ok: false, message: "omit_deleted muss true oder false sein." };
  return {
    ok: true,
    filters: {
      createdSince: createdSince as Date | null,
      createdUntil: createdUntil as Date | null,
      modifiedSince: modifiedSince as Date | null,
      modifiedUntil: modifiedUntil as Date | null,
      omitDeleted: omit === "true",
      after: cursor ? { modified: cursor[1]!, id: cursor[2]! } : null,
      limit: limit as number,
    },
  };
}

/** The query string of a list page's link: the same filters, starting after `after` (null: the first page). */
export function pageQuery(filters: ListFilters, after: ListCursor | null): string {
  const params = new URLSearchParams();
  if (filters.createdSince) params.set("created_since", filters.createdSince.toISOString());
  if (filters.createdUntil) params.set("created_until", filters.createdUntil.toISOString());
  if (filters.modifiedSince) params.set("modified_since", filters.modifiedSince.toISOString());
  if (filters.modifiedUntil) params.set("modified_until", filters.modifiedUntil.toISOString());
  if (filters.omitDeleted) params.set("omit_deleted", "true");
  if (filters.limit !== DEFAULT_PAGE_SIZE) params.set("limit", String(filters.limit));
  if (after) params.set("after", formatCursor(after));
  const query = params.toString();
  return query ? `?${query}` : "";
}
