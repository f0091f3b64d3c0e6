/**
 * The public overview (/): the bodies with their counts, the latest published answers and the overdue inquiries
 * — only what the public may see (visibility.server.ts).
 */
import { and, asc, eq, inArray, isNotNull, notExists, sql } from "drizzle-orm";
import { answerVersions, answers, bodies, inquiries, inquiryCounts, inquiryTypes } from "../../../db/schema/index";
import { isoDateInTimeZone } from "../../domain/format";
import type { BodyKind } from "../../domain/labels";
import { getDb, type Db } from "../core/db.server";
import { OPEN_STATUSES } from "../../domain/dashboard";
import {
  bodyToday,
  newestPublishedAnswers,
  publicInquiryLinkColumns,
  publiclyVisible,
  publishedDocumentColumns,
  publishedVersion,
  type PublicInquiryLink,
} from "./visibility.server";

// ---- overview (/) ---------------------------------------------------------------------------------------

export interface PublicBodySummary {
  slug: string;
  name: string;
  shortName: string;
  kind: BodyKind;
  publicInquiryCount: number;
}

export interface LatestAnswer extends PublicInquiryLink {
  documentKind: string | null;
  documentReference: string | null;
  documentDate: string | null;
  /** Calendar date of publication in the body's time zone. */
  publishedOn: string;
}

export interface OverdueInquiry extends PublicInquiryLink {
  receivedOn: string | null;
  dueOn: string;
}

export interface PublicOverview {
  bodies: PublicBodySummary[];
  latestAnswers: LatestAnswer[];
  overdue: OverdueInquiry[];
}

export async function loadPublicOverview(
  options: { latestLimit?: number; overdueLimit?: number } = {},
  database?: Db,
): Promise<PublicOverview> {
  const db = database ?? (await getDb());
  const latestLimit = options.latestLimit ?? 10;
  const overdueLimit = options.overdueLimit ?? 20;

  // The counts come from inquiry_counts (kept by a trigger), not from counting the archive per request.
  const bodyRows = await db
    .select({
      slug: bodies.slug,
      name: bodies.name,
      shortName: bodies.shortName,
      kind: bodies.kind,
      publicInquiryCount: sql<number>`coalesce(sum(${inquiryCounts.count}), 0)`.mapWith(Number),
    })
    .from(bodies)
    .leftJoin(inquiryCounts, and(eq(inquiryCounts.bodyId, bodies.id), eq(inquiryCounts.isPublic, true)))
    .groupBy(bodies.id)
    .orderBy(asc(bodies.name));

  // Newest published version per inquiry, walking answer_versions_published_idx from the newest
  // (the sort keys match the index's).: fetch a few more rows than needed and keep the first per inquiry.
  const answerRows = await newestPublishedAnswers(
    db
      .select({
        inquiryId: inquiries.id,
        ...publicInquiryLinkColumns,
        timeZone: bodies.timeZone,
        ...publishedDocumentColumns,
      })
      .from(answerVersions)
      .$dynamic(),
  ).limit(latestLimit * 3);

  const seen = new Set<string>();
  const latestAnswers: LatestAnswer[] = [];
  for (const row of answerRows) {
    if (seen.has(row.inquiryId) || latestAnswers.length >= latestLimit) continue;
    seen.add(row.inquiryId);
    latestAnswers.push({
      bodySlug: row.bodySlug,
      bodyName: row.bodyName,
      publicRef: row.publicRef!,
      title: row.title,
      typeName: row.typeName,
      reference: row.reference,
      documentKind: row.documentKind,
      documentReference: row.documentReference,
      documentDate: row.documentDate,
      publishedOn: isoDateInTimeZone(row.publishedAt!, row.timeZone),
    });
  }

  const overdueRows = await db
    .select({ ...publicInquiryLinkColumns, receivedOn: inquiries.receivedOn, dueOn: inquiries.dueOn })
    .from(inquiries)
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(
      and(
        publiclyVisible(),
        eq(inquiryTypes.lifecycle, "inquiry"),
        inArray(inquiries.status, [...OPEN_STATUSES]),
        isNotNull(inquiries.dueOn),
        sql`${inquiries.dueOn} < ${bodyToday}`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(answers)
            .innerJoin(answerVersions, eq(answerVersions.answerId, answers.id))
            .where(and(eq(answers.inquiryId, inquiries.id), publishedVersion())),
        ),
      ),
    )
    .orderBy(asc(inquiries.dueOn), asc(bodies.name))
    .limit(overdueLimit);

  return {
    bodies: bodyRows.map((row) => ({ ...row, publicInquiryCount: Number(row.publicInquiryCount) })),
    latestAnswers,
    overdue: overdueRows.map((row) => ({ ...row, publicRef: row.publicRef!, dueOn: row.dueOn! })),
  };
}
