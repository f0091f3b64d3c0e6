/**
 * Read queries of the public side: the overview of bodies, a body's list of inquiries and one inquiry with its
 * published answer. Everything here is what an anonymous reader may see, so every query
 *   - filters by the body,
 *   - shows only inquiries with visibility `public` that are past `draft` and have a public reference,
 *   - shows only answer versions with `publishedAt` set,
 *   - never selects `withholdings.withheld_text`, consultations not published with the answer, non-public
 *     events, attachments or agenda items, or file contents.
 * The detail is loaded in a fixed number of queries (no query per question or per row).
 */
import { and, asc, count, desc, eq, inArray, isNotNull, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  agendaItems,
  answerVersions,
  answers,
  bodies,
  deadlineExtensions,
  events,
  inquiries,
  inquiryAgendaItems,
  inquiryOriginators,
  inquiryTypes,
  meetings,
  organizations,
  questions,
} from "../../../db/schema/index";
import { isoDateInTimeZone } from "../../domain/format";
import type { AgendaPurpose, BodyKind, InquiryLifecycle, InquiryStatus, MotionDecision } from "../../domain/labels";
import { publicEventNote } from "../../domain/labels";
import { getDb, type Db } from "../core/db.server";
import { findBody, type PublicBody } from "./bodies.server";
import { publiclyVisible } from "./visibility.server";
import { loadToolFactsCitingInquiry, type CitedToolFact } from "./tool-facts.server";
import {
  answeredOn,
  groupBy,
  loadPublishedAnswer,
  type PublicQuestion,
  type PublicAnswer,
} from "./answers.server";
export type {
  PublicQuestion,
  PublicWithholding,
  PublicAnswerPart,
  QaRow,
  PublicInventoryRow,
  PublicUsageMatrix,
  PublicCriteriaAssessment,
  PublicToolInventory,
  PublicConsultation,
  PublicAnswerVersion,
  PublicAnswer,
} from "./answers.server";
export { arrangeQuestionsAndParts } from "./answers.server";
export type { PublicBody } from "./bodies.server";

export const PUBLIC_PAGE_SIZE = 20;


/** The body's "today" as a SQL date (the body's time zone decides, not the server's). */
const bodyToday = sql`(now() at time zone ${bodies.timeZone})::date`;

/** Statuses in which an inquiry still waits for its answer. */
const OPEN_STATUSES: InquiryStatus[] = ["submitted", "accepted", "assigned", "answering"];

// ---- overview (/) ---------------------------------------------------------------------------------------

export interface PublicBodySummary {
  slug: string;
  name: string;
  shortName: string;
  kind: BodyKind;
  publicInquiryCount: number;
}

export interface LatestAnswer {
  bodySlug: string;
  bodyName: string;
  publicRef: string;
  title: string;
  typeName: string;
  reference: string | null;
  documentKind: string | null;
  documentReference: string | null;
  documentDate: string | null;
  /** Calendar date of publication in the body's time zone. */
  publishedOn: string;
}

export interface OverdueInquiry {
  bodySlug: string;
  bodyName: string;
  publicRef: string;
  title: string;
  typeName: string;
  reference: string | null;
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

  const bodyRows = await db
    .select({
      slug: bodies.slug,
      name: bodies.name,
      shortName: bodies.shortName,
      kind: bodies.kind,
      publicInquiryCount: count(inquiries.id),
    })
    .from(bodies)
    .leftJoin(inquiries, and(eq(inquiries.bodyId, bodies.id), publiclyVisible()))
    .groupBy(bodies.id)
    .orderBy(asc(bodies.name));

  // Newest published version per inquiry: fetch a few more rows than needed and keep the first per inquiry.
  const answerRows = await db
    .select({
      inquiryId: inquiries.id,
      bodySlug: bodies.slug,
      bodyName: bodies.name,
      timeZone: bodies.timeZone,
      publicRef: inquiries.publicRef,
      title: inquiries.title,
      typeName: inquiryTypes.name,
      reference: inquiries.reference,
      documentKind: answerVersions.documentKind,
      documentReference: answerVersions.documentReference,
      documentDate: answerVersions.documentDate,
      publishedAt: answerVersions.publishedAt,
    })
    .from(answerVersions)
    .innerJoin(answers, eq(answers.id, answerVersions.answerId))
    .innerJoin(inquiries, and(eq(inquiries.id, answers.inquiryId), eq(inquiries.bodyId, answers.bodyId)))
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(and(publiclyVisible(), isNotNull(answerVersions.publishedAt)))
    .orderBy(desc(answerVersions.publishedAt), desc(answerVersions.versionNumber))
    .limit(latestLimit * 3);

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
    .select({
      bodySlug: bodies.slug,
      bodyName: bodies.name,
      publicRef: inquiries.publicRef,
      title: inquiries.title,
      typeName: inquiryTypes.name,
      reference: inquiries.reference,
      receivedOn: inquiries.receivedOn,
      dueOn: inquiries.dueOn,
    })
    .from(inquiries)
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(
      and(
        publiclyVisible(),
        eq(inquiryTypes.lifecycle, "inquiry"),
        inArray(inquiries.status, OPEN_STATUSES),
        isNotNull(inquiries.dueOn),
        sql`${inquiries.dueOn} < ${bodyToday}`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(answers)
            .innerJoin(answerVersions, eq(answerVersions.answerId, answers.id))
            .where(and(eq(answers.inquiryId, inquiries.id), isNotNull(answerVersions.publishedAt))),
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

  const where = and(eq(inquiries.bodyId, body.id), publiclyVisible());
  const [totalRow] = await db.select({ total: count() }).from(inquiries).where(where);
  const total = Number(totalRow?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (params.page > pageCount) return null;

  const rows = await db
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
    .where(where)
    .orderBy(
      sql`coalesce(${inquiries.receivedOn}, ${inquiries.submittedOn}) desc nulls last`,
      desc(inquiries.createdAt),
      desc(inquiries.id),
    )
    .limit(pageSize)
    .offset((params.page - 1) * pageSize);

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
            documentKind: answerVersions.documentKind,
            documentReference: answerVersions.documentReference,
            documentDate: answerVersions.documentDate,
            publishedAt: answerVersions.publishedAt,
          })
          .from(answerVersions)
          .innerJoin(answers, eq(answers.id, answerVersions.answerId))
          .where(and(inArray(answers.inquiryId, ids), eq(answers.bodyId, body.id), isNotNull(answerVersions.publishedAt)))
          .orderBy(desc(answerVersions.versionNumber)),
      ])
    : [[], []];

  const originatorsByInquiry = groupBy(originatorRows, (row) => row.inquiryId);
  const latestVersionByInquiry = new Map<string, (typeof versionRows)[number]>();
  for (const row of versionRows) if (!latestVersionByInquiry.has(row.inquiryId)) latestVersionByInquiry.set(row.inquiryId, row);

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

  return { body, items, page: params.page, pageCount, total, pageSize };
}

// ---- one inquiry (/{body}/anfragen/{ref}) -----------------------------------------------------------------

export interface PublicAgendaEntry {
  purpose: AgendaPurpose;
  roleLabel: string | null;
  organizationName: string;
  meetingName: string;
  meetingDate: string;
  itemNumber: string;
  itemTitle: string;
}

export interface PublicInquiryDetail {
  body: PublicBody;
  inquiry: {
    publicRef: string;
    reference: string | null;
    title: string;
    typeName: string;
    lifecycle: InquiryLifecycle;
    status: InquiryStatus;
    motionDecision: MotionDecision | null;
    motionDecisionNote: string | null;
    preambleLabel: string | null;
    preambleHtml: string | null;
    originators: string[];
    originatorOrganizationName: string | null;
    addressee: string | null;
    submittedOn: string | null;
    receivedOn: string | null;
    dueOn: string | null;
    dueRuleLabel: string | null;
    withdrawnOn: string | null;
    withdrawalNote: string | null;
  };
  /** Set when the deadline was missed: answered after the due date, or still open after it. */
  deadlineMissed: { kind: "answered_late"; answeredOn: string } | { kind: "overdue" } | null;
  extensions: { previousDueOn: string; newDueOn: string; reason: string; grantedOn: string }[];
  questions: PublicQuestion[];
  agenda: PublicAgendaEntry[];
  answer: PublicAnswer | null;
  timeline: { id: number; type: string; occurredOn: string; note: string | null }[];
  /** Tool facts that cite this inquiry's documents as their source. */
  toolFacts: CitedToolFact[];
}

const leadOrganization = alias(organizations, "lead_organization");

/**
 * Everything the public detail page shows. Null when the body or the inquiry is unknown or not public, or when
 * a version number is asked for that has not been published.
 */
export async function loadPublicInquiry(
  params: { bodySlug: string; publicRef: string; versionNumber?: number },
  database?: Db,
): Promise<PublicInquiryDetail | null> {
  const db = database ?? (await getDb());
  const body = await findBody(db, params.bodySlug);
  if (!body) return null;

  // Query 1: the inquiry with its type and organisations.
  const [inquiry] = await db
    .select({
      id: inquiries.id,
      publicRef: inquiries.publicRef,
      reference: inquiries.reference,
      title: inquiries.title,
      typeName: inquiryTypes.name,
      lifecycle: inquiryTypes.lifecycle,
      typeDeadlineRuleLabel: inquiryTypes.deadlineRuleLabel,
      status: inquiries.status,
      motionDecision: inquiries.motionDecision,
      motionDecisionNote: inquiries.motionDecisionNote,
      preambleLabel: inquiries.preambleLabel,
      preambleHtml: inquiries.preambleHtml,
      originatorOrganizationName: organizations.name,
      leadOrganizationName: leadOrganization.name,
      addressee: inquiries.addressee,
      submittedOn: inquiries.submittedOn,
      receivedOn: inquiries.receivedOn,
      dueOn: inquiries.dueOn,
      dueRuleLabel: inquiries.dueRuleLabel,
      withdrawnOn: inquiries.withdrawnOn,
      withdrawalNote: inquiries.withdrawalNote,
    })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .leftJoin(organizations, eq(organizations.id, inquiries.originatorOrganizationId))
    .leftJoin(leadOrganization, eq(leadOrganization.id, inquiries.leadOrganizationId))
    .where(and(eq(inquiries.bodyId, body.id), eq(inquiries.publicRef, params.publicRef), publiclyVisible()))
    .limit(1);
  if (!inquiry) return null;

  // Round 2: everything that hangs off the inquiry directly.
  const answerIds = db.select({ id: answers.id }).from(answers).where(eq(answers.inquiryId, inquiry.id));
  const [originatorRows, questionRows, agendaRows, extensionRows, answerRows, eventRows, citedFacts] = await Promise.all([
    db
      .select({ label: inquiryOriginators.label })
      .from(inquiryOriginators)
      .where(eq(inquiryOriginators.inquiryId, inquiry.id))
      .orderBy(asc(inquiryOriginators.position)),
    db
      .select({
        id: questions.id,
        number: questions.number,
        leadIn: questions.leadIn,
        bodyHtml: questions.bodyHtml,
        parentId: questions.parentId,
      })
      .from(questions)
      .where(eq(questions.inquiryId, inquiry.id))
      .orderBy(asc(questions.position)),
    db
      .select({
        purpose: inquiryAgendaItems.purpose,
        roleLabel: inquiryAgendaItems.roleLabel,
        organizationName: organizations.name,
        meetingName: meetings.name,
        meetingDate: meetings.date,
        itemNumber: agendaItems.number,
        itemTitle: agendaItems.title,
      })
      .from(inquiryAgendaItems)
      .innerJoin(agendaItems, eq(agendaItems.id, inquiryAgendaItems.agendaItemId))
      .innerJoin(meetings, and(eq(meetings.id, agendaItems.meetingId), eq(meetings.bodyId, body.id)))
      .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
      .where(and(eq(inquiryAgendaItems.inquiryId, inquiry.id), eq(agendaItems.public, true)))
      .orderBy(asc(meetings.date), asc(agendaItems.position)),
    db
      .select({
        previousDueOn: deadlineExtensions.previousDueOn,
        newDueOn: deadlineExtensions.newDueOn,
        reason: deadlineExtensions.reason,
        grantedAt: deadlineExtensions.grantedAt,
      })
      .from(deadlineExtensions)
      .where(eq(deadlineExtensions.inquiryId, inquiry.id))
      .orderBy(asc(deadlineExtensions.grantedAt)),
    db
      .select({
        id: answers.id,
        leadOrganizationName: organizations.name,
      })
      .from(answers)
      .leftJoin(organizations, eq(organizations.id, answers.leadOrganizationId))
      .where(and(eq(answers.inquiryId, inquiry.id), eq(answers.bodyId, body.id)))
      .limit(1),
    db
      .select({ id: events.id, type: events.type, occurredAt: events.occurredAt, payload: events.payload })
      .from(events)
      .where(
        and(
          eq(events.bodyId, body.id),
          eq(events.public, true),
          or(
            and(eq(events.aggregateType, "inquiry"), eq(events.aggregateId, inquiry.id)),
            and(eq(events.aggregateType, "answer"), inArray(events.aggregateId, answerIds)),
          ),
        ),
      )
      .orderBy(asc(events.occurredAt), asc(events.id)),
    loadToolFactsCitingInquiry(db, inquiry.id),
  ]);

  const questionList: PublicQuestion[] = questionRows;
  const answerRow = answerRows[0];
  const answer = answerRow
    ? await loadPublishedAnswer(db, body, {
        answerId: answerRow.id,
        leadOrganizationName: answerRow.leadOrganizationName ?? inquiry.leadOrganizationName,
        questionList,
        versionNumber: params.versionNumber,
      })
    : null;
  if (params.versionNumber !== undefined && !answer) return null;

  const originators = originatorRows.map((row) => row.label);
  const today = isoDateInTimeZone(new Date(), body.timeZone);
  const firstAnswerOn = answer ? answeredOn(answer.versions[0]!) : null;
  let deadlineMissed: PublicInquiryDetail["deadlineMissed"] = null;
  if (inquiry.dueOn && inquiry.lifecycle === "inquiry") {
    if (firstAnswerOn && firstAnswerOn > inquiry.dueOn) deadlineMissed = { kind: "answered_late", answeredOn: firstAnswerOn };
    else if (!firstAnswerOn && OPEN_STATUSES.includes(inquiry.status) && today > inquiry.dueOn) deadlineMissed = { kind: "overdue" };
  }

  return {
    body,
    inquiry: {
      publicRef: inquiry.publicRef!,
      reference: inquiry.reference,
      title: inquiry.title,
      typeName: inquiry.typeName,
      lifecycle: inquiry.lifecycle,
      status: inquiry.status,
      motionDecision: inquiry.motionDecision,
      motionDecisionNote: inquiry.motionDecisionNote,
      preambleLabel: inquiry.preambleLabel,
      preambleHtml: inquiry.preambleHtml,
      originators: originators.length ? originators : inquiry.originatorOrganizationName ? [inquiry.originatorOrganizationName] : [],
      originatorOrganizationName: inquiry.originatorOrganizationName,
      addressee: inquiry.addressee,
      submittedOn: inquiry.submittedOn,
      receivedOn: inquiry.receivedOn,
      dueOn: inquiry.dueOn,
      dueRuleLabel: inquiry.dueRuleLabel ?? inquiry.typeDeadlineRuleLabel,
      withdrawnOn: inquiry.withdrawnOn,
      withdrawalNote: inquiry.withdrawalNote,
    },
    deadlineMissed,
    extensions: extensionRows.map((row) => ({
      previousDueOn: row.previousDueOn,
      newDueOn: row.newDueOn,
      reason: row.reason,
      grantedOn: isoDateInTimeZone(row.grantedAt, body.timeZone),
    })),
    questions: questionList,
    agenda: agendaRows.map((row) => ({ ...row, purpose: row.purpose as AgendaPurpose })),
    answer,
    timeline: eventRows.map((row) => ({
      id: row.id,
      type: row.type,
      occurredOn: isoDateInTimeZone(row.occurredAt, body.timeZone),
      note: publicEventNote(row.type, row.payload),
    })),
    toolFacts: citedFacts,
  };
}
