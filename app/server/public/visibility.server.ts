/**
 * What makes an inquiry visible to the public at all, as SQL — the one condition every public read model
 * (overview.server.ts, inquiry-list.server.ts, inquiries.server.ts, the tool catalogue, OParl) filters by, in its
 * own module so that they need not import each other for it.
 */
import { and, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { answerVersions, bodies, inquiries } from "../../../db/schema/index";

/** Public visibility, past `draft`, with a public reference. */
export function publiclyVisible(): SQL {
  return and(eq(inquiries.visibility, "public"), ne(inquiries.status, "draft"), isNotNull(inquiries.publicRef))!;
}

/** Only published answer versions reach the public (their document fields below are what lists show). */
export function publishedVersion(): SQL {
  return isNotNull(answerVersions.publishedAt);
}

export const publishedDocumentColumns = {
  documentKind: answerVersions.documentKind,
  documentReference: answerVersions.documentReference,
  documentDate: answerVersions.documentDate,
  publishedAt: answerVersions.publishedAt,
};

/** The body's "today" as a SQL date (the body's time zone decides, not the server's). */
export const bodyToday = sql`(now() at time zone ${bodies.timeZone})::date`;
