/**
 * What the dashboard's sections share (dashboards.server.ts, office-dashboard.server.ts): the size of each
 * section's top, the listing shape (the top rows with their capped count) and the tags that let several sections'
 * top rows share one statement (UNION ALL).
 */
import { sql, type SQL } from "drizzle-orm";
import type { ListSection } from "../../domain/dashboard";
import { totalOf } from "./section-lists.server";

/** The top of each section; the rest is on the section's full list (section-lists.server.ts). */
export const SECTION_LIMIT = 10;
export const OVERDUE_LIMIT = 10;
export const ANSWERED_LIMIT = 10;

export interface Listing<T> {
  items: T[];
  /** All matching rows, of which `items` are the first — counted up to COUNT_CAP (then `capped`). */
  total: number;
  capped: boolean;
}

/** The rows of a section's statement with their capped count (cappedTotalColumn), mapped to the page's shape. */
export function listing<R extends { total: number }, T>(rows: R[], map: (row: Omit<R, "total">) => T): Listing<T> {
  return { items: rows.map(({ total: _total, ...row }) => map(row)), ...totalOf(rows) };
}

/**
 * The columns that let several sections' top rows share one statement (UNION ALL): the section's name and each
 * row's place in the section's own order, so that the order does not rest on how PostgreSQL appends the branches.
 */
export function tagged<S extends ListSection>(section: S, orderBy: SQL[]) {
  return {
    section: sql<S>`${section}::text`.as("section"),
    place: sql<number>`row_number() over (order by ${sql.join(orderBy, sql`, `)})`.mapWith(Number).as("place"),
  };
}

/** One section's rows of a tagged UNION ALL, in the section's order. */
export function inSection<R extends { section: string; place: number }>(rows: R[], section: string): R[] {
  return rows.filter((r) => r.section === section).sort((a, b) => a.place - b.place);
}

export const bodyIdPlaceholder = sql.placeholder("bodyId");
