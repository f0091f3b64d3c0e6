/**
 * What makes an inquiry visible to the public at all, as SQL — the one condition every public read query
 * (overview.server.ts, inquiry-list.server.ts, inquiries.server.ts) filters by.
 */
import { and, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { bodies, inquiries } from "../../../db/schema/index";

/** Public visibility, past `draft`, with a public reference. */
export function publiclyVisible(): SQL {
  return and(eq(inquiries.visibility, "public"), ne(inquiries.status, "draft"), isNotNull(inquiries.publicRef))!;
}

/** The body's "today" as a SQL date (the body's time zone decides, not the server's). */
export const bodyToday = sql`(now() at time zone ${bodies.timeZone})::date`;
