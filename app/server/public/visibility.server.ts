/**
 * What makes an inquiry visible to the public at all, as SQL — the one condition every public read model
 * (overview.server.ts, inquiry-list.server.ts, inquiries.server.ts, the tool catalogue, OParl) filters by, in its
 * own module so that they need not import each other for it.
 */
import { and, desc, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { answerVersions, answers, bodies, inquiries, inquiryTypes } from "../../../db/schema/index";

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

/** The dates of an inquiry's public record: submitted, received, due (with the rule shown), withdrawn (with the note). */
export const publicInquiryDateColumns = {
  submittedOn: inquiries.submittedOn,
  receivedOn: inquiries.receivedOn,
  dueOn: inquiries.dueOn,
  dueRuleLabel: inquiries.dueRuleLabel,
  withdrawnOn: inquiries.withdrawnOn,
  withdrawalNote: inquiries.withdrawalNote,
};

/** The body's "today" as a SQL date (the body's time zone decides, not the server's). */
export const bodyToday = sql`(now() at time zone ${bodies.timeZone})::date`;

/** What a public list needs to name and link an inquiry (/{bodySlug}/{publicRef}). */
export interface PublicInquiryLink {
  bodySlug: string;
  bodyName: string;
  publicRef: string;
  title: string;
  typeName: string;
  reference: string | null;
}

/** The columns of a PublicInquiryLink (publicRef is not null under publiclyVisible()). */
export const publicInquiryLinkColumns = {
  bodySlug: bodies.slug,
  bodyName: bodies.name,
  publicRef: inquiries.publicRef,
  title: inquiries.title,
  typeName: inquiryTypes.name,
  reference: inquiries.reference,
};

/**
 * Published answer versions of public inquiries, newest first (the sort keys are answer_versions_published_idx's):
 * `query` selects from answer_versions (`$dynamic()`), joined here to its answer, inquiry, body and type and
 * narrowed by `condition` — the overview's latest answers and the answer feeds.
 */
export function newestPublishedAnswers<T extends PgSelect>(query: T, condition?: SQL) {
  return query
    .innerJoin(answers, eq(answers.id, answerVersions.answerId))
    .innerJoin(inquiries, and(eq(inquiries.id, answers.inquiryId), eq(inquiries.bodyId, answers.bodyId)))
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(and(publiclyVisible(), publishedVersion(), condition))
    .orderBy(desc(answerVersions.publishedAt), desc(answerVersions.versionNumber));
}
