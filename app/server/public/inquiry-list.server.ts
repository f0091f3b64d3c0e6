/**
 * A body's public list of inquiries (/{body}/anfragen): search, filters and pages — only what the public may
 * see (visibility.server.ts).
 */
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import {
  answerVersions,
  answers,
  inquiries,
  inquiryCounts,
  inquiryOriginators,
  inquiryTypes,
  organizations,
} from "../../../db/schema/index";
import { isoDateInTimeZone } from "../../domain/format";
import type { InquiryLifecycle, InquiryStatus, MotionDecision } from "../../domain/labels";
import { getDb, type Db } from "../core/db.server";
import { findBody, type PublicBody } from "./bodies.server";
import { groupBy } from "../core/group-by.server";
import { publiclyVisible, publishedDocumentColumns, publishedVersion } from "./visibility.server";
import { typeKind, type TypeKind } from "../../domain/texts/type-words";

export const PUBLIC_PAGE_SIZE = 20;

// ---- a body's list (/{body}/anfragen) ---------------------------------------------------------------------

export interface PublicInquiryListItem {
  publicRef: string;
  title: string;
  typeName: string;
  lifecycle: InquiryLifecycle;
  reference: string | null;
  status: InquiryStatus;
  motionDecision: MotionDecision | null;
  originators: string[];
  receivedOn: string | null;
  submittedOn: string | null;
  dueOn: string | null;
  answer: {
    documentKind: string | null;
    documentReference: string | null;
    documentDate: string | null;
    publishedOn: string;
  } | null;
}

export interface PublicInquiryList {
  body: PublicBody;
  items: PublicInquiryListItem[];
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  /** The kinds of Vorgang the whole list holds (all pages), for its heading: "Anfragen", "Anträge" … */
  kinds: TypeKind[];
}

/**
 * One page of a body's public inquiries, newest first. Null when the body is unknown or the page does not
 * exist (page 1 always exists, even when the list is empty).
 */
export async function listPublicInquiries(
  params: { bodySlug: string; page: number; pageSize?: number },
  database?: Db,
): Promise<PublicInquiryList | null> {
  const db = database ?? (await getDb());
  const pageSize = params.pageSize ?? PUBLIC_PAGE_SIZE;
  if (!Number.isInteger(params.page) || params.page < 1) return null;

  const body = await findBody(db, params.bodySlug);
  if (!body) return null;

  // The total and the kinds of inquiry the list holds from inquiry_counts (kept by a trigger), instead of
  // counting or scanning the body's archive per request.
  const publicCounts = and(eq(inquiryCounts.bodyId, body.id), eq(inquiryCounts.isPublic, true));
  const [[totalRow], typeRows] = await Promise.all([
    db
      .select({ total: sql<number>`coalesce(sum(${inquiryCounts.count}), 0)`.mapWith(Number) })
      .from(inquiryCounts)
      .where(publicCounts),
    db
      .selectDistinct({ lifecycle: inquiryTypes.lifecycle, code: inquiryTypes.code, name: inquiryTypes.name })
      .from(inquiryCounts)
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiryCounts.typeId))
      .where(and(publicCounts, gt(inquiryCounts.count, 0))),
  ]);
  const kinds = [...new Set(typeRows.map((t) => typeKind(t)))];
  const total = totalRow?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (params.page > pageCount) return null;

  // The page's ids first: an index-only walk of inquiries_public_list_idx (its predicate is publiclyVisible,
  // its keys the sort below), so that a deep page skips index entries rather than sorting the body's archive.
  // Then the rows of those ids only.
  const pageIds = await db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(and(eq(inquiries.bodyId, body.id), publiclyVisible()))
    .orderBy(sql`${inquiries.listedOn} desc nulls last`, desc(inquiries.createdAt), desc(inquiries.id))
    .limit(pageSize)
    .offset((params.page - 1) * pageSize);
  const order = new Map(pageIds.map((row, index) => [row.id, index]));

  const rows = pageIds.length
    ? (
        await db
          .select({
            id: inquiries.id,
            publicRef: inquiries.publicRef,
            title: inquiries.title,
            typeName: inquiryTypes.name,
            lifecycle: inquiryTypes.lifecycle,
            reference: inquiries.reference,
            status: inquiries.status,
            motionDecision: inquiries.motionDecision,
            originatorOrganizationName: organizations.name,
            receivedOn: inquiries.receivedOn,
            submittedOn: inquiries.submittedOn,
            dueOn: inquiries.dueOn,
          })
          .from(inquiries)
          .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
          .leftJoin(organizations, eq(organizations.id, inquiries.originatorOrganizationId))
          .where(and(eq(inquiries.bodyId, body.id), inArray(inquiries.id, [...order.keys()])))
      ).sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    : [];

  const ids = rows.map((row) => row.id);
  const [originatorRows, versionRows] = ids.length
    ? await Promise.all([
        db
          .select({ inquiryId: inquiryOriginators.inquiryId, label: inquiryOriginators.label })
          .from(inquiryOriginators)
          .where(inArray(inquiryOriginators.inquiryId, ids))
          .orderBy(asc(inquiryOriginators.inquiryId), asc(inquiryOriginators.position)),
        db
          .select({
            inquiryId: answers.inquiryId,
            ...publishedDocumentColumns,
          })
          .from(answerVersions)
          .innerJoin(answers, eq(answers.id, answerVersions.answerId))
          .where(and(inArray(answers.inquiryId, ids), eq(answers.bodyId, body.id), publishedVersion()))
          .orderBy(desc(answerVersions.versionNumber)),
      ])
    : [[], []];

  const originatorsByInquiry = groupBy(originatorRows, (row) => row.inquiryId);
  const latestVersionByInquiry = new Map<string, (typeof versionRows)[number]>();
  for (const row of versionRows)
    if (!latestVersionByInquiry.has(row.inquiryId)) latestVersionByInquiry.set(row.inquiryId, row);

  const items = rows.map((row): PublicInquiryListItem => {
    const labels = (originatorsByInquiry.get(row.id) ?? []).map((o) => o.label);
    const version = latestVersionByInquiry.get(row.id);
    return {
      publicRef: row.publicRef!,
      title: row.title,
      typeName: row.typeName,
      lifecycle: row.lifecycle,
      reference: row.reference,
      status: row.status,
      motionDecision: row.motionDecision,
      originators: labels.length ? labels : row.originatorOrganizationName ? [row.originatorOrganizationName] : [],
      receivedOn: row.receivedOn,
      submittedOn: row.submittedOn,
      dueOn: row.dueOn,
      answer: version
        ? {
            documentKind: version.documentKind,
            documentReference: version.documentReference,
            documentDate: version.documentDate,
            publishedOn: isoDateInTimeZone(version.publishedAt!, body.timeZone),
          }
        : null,
    };
  });

  return { body, items, page: params.page, pageCount, total, pageSize, kinds };
}
