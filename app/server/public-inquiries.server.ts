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
import { and, asc, count, desc, eq, inArray, isNotNull, ne, notExists, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  agendaItems,
  answerAttachments,
  answerContributors,
  answerPartQuestions,
  answerParts,
  answerVersions,
  answers,
  bodies,
  consultationRecommendations,
  consultations,
  criteria,
  criteriaSets,
  deadlineExtensions,
  events,
  files,
  inquiries,
  inquiryAgendaItems,
  inquiryOriginators,
  inquiryTypes,
  inventoryCriteriaSets,
  meetings,
  organizations,
  people,
  questions,
  signOffSteps,
  toolAssessments,
  toolInventories,
  toolInventoryRows,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
  tools,
  withholdings,
} from "../../db/schema/index";
import { isoDateInTimeZone } from "../domain/format";
import type {
  AgendaPurpose,
  AssessmentResult,
  BodyKind,
  ConsultationKind,
  ConsultationVerdict,
  DeploymentVariant,
  InquiryLifecycle,
  InquiryStatus,
  MotionDecision,
  RecommendationKind,
  SignOffStepStatus,
  WithholdingReason,
} from "../domain/labels";
import { getDb, type Db } from "./db.server";
import { loadToolFactsCitingInquiry, type CitedToolFact } from "./public-tool-facts.server";

export const PUBLIC_PAGE_SIZE = 20;

/** What makes an inquiry visible to the public at all. */
function publiclyVisible(): SQL {
  return and(eq(inquiries.visibility, "public"), ne(inquiries.status, "draft"), isNotNull(inquiries.publicRef))!;
}

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

export interface PublicBody {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  kind: BodyKind;
  timeZone: string;
  website: string | null;
}

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

async function findBody(db: Db, slug: string): Promise<PublicBody | null> {
  const [body] = await db
    .select({
      id: bodies.id,
      slug: bodies.slug,
      name: bodies.name,
      shortName: bodies.shortName,
      kind: bodies.kind,
      timeZone: bodies.timeZone,
      website: bodies.website,
    })
    .from(bodies)
    .where(eq(bodies.slug, slug))
    .limit(1);
  return body ?? null;
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

export interface PublicQuestion {
  id: string;
  number: string;
  leadIn: string | null;
  bodyHtml: string;
  parentId: string | null;
}

export interface PublicWithholding {
  id: string;
  reason: WithholdingReason;
  subject: string;
  publicJustification: string;
}

export interface PublicAnswerPart {
  id: string;
  position: number;
  jointNote: string | null;
  bodyHtml: string;
  questionNumbers: string[];
  withholdings: PublicWithholding[];
}

/** A row of the question/answer grid: one or several questions (a joint answer) and the parts answering them. */
export interface QaRow {
  questions: PublicQuestion[];
  parts: PublicAnswerPart[];
}

export interface PublicInventoryRow {
  id: string;
  label: string;
  workplaceCount: number | null;
  footnoteMark: string | null;
  footnote: string | null;
  variant: DeploymentVariant;
  toolSlug: string;
  toolName: string;
}

export interface PublicUsageMatrix {
  rowHeading: string;
  columnHeading: string;
  footnoteMark: string | null;
  footnote: string | null;
  columns: { id: string; label: string }[];
  rows: { id: string; label: string; usedColumnIds: string[] }[];
}

export interface PublicCriteriaAssessment {
  title: string;
  issuer: string;
  issuedOn: string | null;
  url: string | null;
  statusNote: string | null;
  criteria: { id: string; position: number; text: string }[];
  /** Per inventory row: the overall result and any per-criterion results. */
  results: {
    inventoryRowId: string;
    label: string;
    overall: AssessmentResult;
    overallComment: string | null;
    byCriterion: Record<string, AssessmentResult>;
  }[];
}

export interface PublicToolInventory {
  id: string;
  title: string;
  countLabel: string | null;
  questionNumber: string | null;
  rows: PublicInventoryRow[];
  matrix: PublicUsageMatrix | null;
  assessments: PublicCriteriaAssessment[];
}

export interface PublicConsultation {
  id: string;
  kind: ConsultationKind;
  addresseeName: string;
  questionsPut: string | null;
  statementTitle: string | null;
  statementHtml: string | null;
  verdict: ConsultationVerdict | null;
  answeredOn: string | null;
  author: string | null;
  recommendations: { id: string; kind: RecommendationKind; text: string }[];
}

export interface PublicAnswerVersion {
  versionNumber: number;
  documentKind: string | null;
  documentReference: string | null;
  documentDate: string | null;
  publishedOn: string;
  correctionNote: string | null;
}

export interface PublicAnswer {
  /** The version shown (the newest published one unless another was asked for). */
  version: PublicAnswerVersion & {
    title: string | null;
    issuedByLabel: string | null;
    caseOfficerLabel: string | null;
    introHtml: string | null;
    preambleLabel: string | null;
    preambleHtml: string | null;
    closingHtml: string | null;
    signatory: { name: string; roleLabel: string | null; organizationName: string | null } | null;
  };
  isLatest: boolean;
  versions: PublicAnswerVersion[];
  leadOrganizationName: string | null;
  contributorNames: string[];
  /** Parts in document order; `rows` arranges the same parts next to the questions. */
  parts: PublicAnswerPart[];
  rows: QaRow[];
  /** Withholdings that concern the whole version rather than one part. */
  versionWithholdings: PublicWithholding[];
  inventories: PublicToolInventory[];
  consultations: PublicConsultation[];
  signOffSteps: { position: number; label: string; condition: string | null; status: SignOffStepStatus }[];
  attachments: {
    position: number;
    title: string;
    file: { fileName: string; mediaType: string; size: number } | null;
  }[];
}

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
  timeline: { id: number; type: string; occurredOn: string }[];
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
      .select({ id: events.id, type: events.type, occurredAt: events.occurredAt })
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
    })),
    toolFacts: citedFacts,
  };
}

/** The day an answer counts as given: the date on the document, else the day it was published. */
function answeredOn(version: PublicAnswerVersion): string {
  return version.documentDate ?? version.publishedOn;
}

async function loadPublishedAnswer(
  db: Db,
  body: PublicBody,
  {
    answerId,
    leadOrganizationName,
    questionList,
    versionNumber,
  }: { answerId: string; leadOrganizationName: string | null; questionList: PublicQuestion[]; versionNumber?: number },
): Promise<PublicAnswer | null> {
  const signatory = alias(people, "signatory");
  const signatoryOrganization = alias(organizations, "signatory_organization");
  const versionRows = await db
    .select({
      id: answerVersions.id,
      versionNumber: answerVersions.versionNumber,
      documentKind: answerVersions.documentKind,
      documentReference: answerVersions.documentReference,
      documentDate: answerVersions.documentDate,
      publishedAt: answerVersions.publishedAt,
      correctionNote: answerVersions.correctionNote,
      title: answerVersions.title,
      issuedByLabel: answerVersions.issuedByLabel,
      caseOfficerLabel: answerVersions.caseOfficerLabel,
      introHtml: answerVersions.introHtml,
      preambleLabel: answerVersions.preambleLabel,
      preambleHtml: answerVersions.preambleHtml,
      closingHtml: answerVersions.closingHtml,
      signatoryName: signatory.name,
      signatoryRoleLabel: signatory.roleLabel,
      signatoryOrganizationName: signatoryOrganization.name,
    })
    .from(answerVersions)
    .leftJoin(signatory, and(eq(signatory.id, answerVersions.signatoryPersonId), eq(signatory.bodyId, body.id)))
    .leftJoin(signatoryOrganization, eq(signatoryOrganization.id, signatory.organizationId))
    .where(and(eq(answerVersions.answerId, answerId), isNotNull(answerVersions.publishedAt)))
    .orderBy(asc(answerVersions.versionNumber));
  if (versionRows.length === 0) return null;

  const shown =
    versionNumber === undefined
      ? versionRows[versionRows.length - 1]!
      : versionRows.find((row) => row.versionNumber === versionNumber);
  if (!shown) return null;

  const versions: PublicAnswerVersion[] = versionRows.map((row) => ({
    versionNumber: row.versionNumber,
    documentKind: row.documentKind,
    documentReference: row.documentReference,
    documentDate: row.documentDate,
    publishedOn: isoDateInTimeZone(row.publishedAt!, body.timeZone),
    correctionNote: row.correctionNote,
  }));

  // Round 3: the shown version's content, all in parallel.
  const [
    partRows,
    partQuestionRows,
    withholdingRows,
    attachmentRows,
    inventoryRows,
    consultationRows,
    recommendationRows,
    stepRows,
    contributorRows,
  ] = await Promise.all([
    db
      .select({ id: answerParts.id, position: answerParts.position, jointNote: answerParts.jointNote, bodyHtml: answerParts.bodyHtml })
      .from(answerParts)
      .where(eq(answerParts.versionId, shown.id))
      .orderBy(asc(answerParts.position)),
    db
      .select({ partId: answerPartQuestions.partId, questionId: answerPartQuestions.questionId })
      .from(answerPartQuestions)
      .innerJoin(answerParts, eq(answerParts.id, answerPartQuestions.partId))
      .where(eq(answerParts.versionId, shown.id)),
    // Never select withheldText: it is the non-public record.
    db
      .select({
        id: withholdings.id,
        partId: withholdings.partId,
        reason: withholdings.reason,
        subject: withholdings.subject,
        publicJustification: withholdings.publicJustification,
      })
      .from(withholdings)
      .where(eq(withholdings.versionId, shown.id))
      .orderBy(asc(withholdings.createdAt), asc(withholdings.id)),
    db
      .select({
        position: answerAttachments.position,
        title: answerAttachments.title,
        fileName: files.fileName,
        mediaType: files.mediaType,
        size: files.size,
      })
      .from(answerAttachments)
      .leftJoin(files, and(eq(files.id, answerAttachments.fileId), eq(files.bodyId, body.id)))
      .where(and(eq(answerAttachments.versionId, shown.id), eq(answerAttachments.public, true)))
      .orderBy(asc(answerAttachments.position)),
    db
      .select({
        id: toolInventories.id,
        title: toolInventories.title,
        countLabel: toolInventories.countLabel,
        questionNumber: toolInventories.questionNumber,
      })
      .from(toolInventories)
      .where(eq(toolInventories.versionId, shown.id))
      .orderBy(asc(toolInventories.position)),
    db
      .select({
        id: consultations.id,
        kind: consultations.kind,
        addresseeName: organizations.name,
        questionsPut: consultations.questionsPut,
        statementTitle: consultations.statementTitle,
        statementHtml: consultations.statementHtml,
        verdict: consultations.verdict,
        answeredOn: consultations.answeredOn,
        authorName: people.name,
        authorRoleLabel: people.roleLabel,
      })
      .from(consultations)
      .innerJoin(organizations, eq(organizations.id, consultations.addresseeOrganizationId))
      .leftJoin(people, eq(people.id, consultations.authorPersonId))
      .where(
        and(
          eq(consultations.answerId, answerId),
          eq(consultations.bodyId, body.id),
          eq(consultations.publishedWithAnswer, true),
          eq(consultations.status, "answered"),
        ),
      )
      .orderBy(asc(consultations.answeredOn), asc(consultations.createdAt)),
    db
      .select({
        id: consultationRecommendations.id,
        consultationId: consultationRecommendations.consultationId,
        kind: consultationRecommendations.kind,
        text: consultationRecommendations.text,
      })
      .from(consultationRecommendations)
      .innerJoin(consultations, eq(consultations.id, consultationRecommendations.consultationId))
      .where(
        and(
          eq(consultations.answerId, answerId),
          eq(consultations.publishedWithAnswer, true),
          eq(consultations.status, "answered"),
        ),
      )
      .orderBy(asc(consultationRecommendations.position)),
    db
      .select({
        position: signOffSteps.position,
        label: signOffSteps.label,
        condition: signOffSteps.condition,
        status: signOffSteps.status,
      })
      .from(signOffSteps)
      .where(eq(signOffSteps.answerId, answerId))
      .orderBy(asc(signOffSteps.position)),
    db
      .select({ name: organizations.name, role: answerContributors.role })
      .from(answerContributors)
      .innerJoin(organizations, eq(organizations.id, answerContributors.organizationId))
      .where(eq(answerContributors.answerId, answerId))
      .orderBy(asc(organizations.name)),
  ]);

  const questionsById = new Map(questionList.map((q) => [q.id, q]));
  const questionIdsByPart = groupBy(partQuestionRows, (row) => row.partId);
  const withholdingsByPart = groupBy(
    withholdingRows.filter((row) => row.partId !== null),
    (row) => row.partId!,
  );
  const stripPart = ({ partId: _partId, ...rest }: (typeof withholdingRows)[number]): PublicWithholding => rest;
  const questionPosition = new Map(questionList.map((q, index) => [q.id, index]));

  const parts: PublicAnswerPart[] = partRows.map((row) => {
    const questionIds = (questionIdsByPart.get(row.id) ?? [])
      .map((r) => r.questionId)
      .filter((id) => questionsById.has(id))
      .sort((a, b) => questionPosition.get(a)! - questionPosition.get(b)!);
    return {
      ...row,
      questionNumbers: questionIds.map((id) => questionsById.get(id)!.number),
      withholdings: (withholdingsByPart.get(row.id) ?? []).map(stripPart),
    };
  });
  const partQuestionIds = new Map(
    partRows.map((row) => [row.id, (questionIdsByPart.get(row.id) ?? []).map((r) => r.questionId)]),
  );

  const inventories = await loadInventories(db, inventoryRows);
  const recommendationsByConsultation = groupBy(recommendationRows, (row) => row.consultationId);

  return {
    version: {
      versionNumber: shown.versionNumber,
      documentKind: shown.documentKind,
      documentReference: shown.documentReference,
      documentDate: shown.documentDate,
      publishedOn: isoDateInTimeZone(shown.publishedAt!, body.timeZone),
      correctionNote: shown.correctionNote,
      title: shown.title,
      issuedByLabel: shown.issuedByLabel,
      caseOfficerLabel: shown.caseOfficerLabel,
      introHtml: shown.introHtml,
      preambleLabel: shown.preambleLabel,
      preambleHtml: shown.preambleHtml,
      closingHtml: shown.closingHtml,
      signatory: shown.signatoryName
        ? { name: shown.signatoryName, roleLabel: shown.signatoryRoleLabel, organizationName: shown.signatoryOrganizationName }
        : null,
    },
    isLatest: shown.versionNumber === versionRows[versionRows.length - 1]!.versionNumber,
    versions,
    leadOrganizationName,
    contributorNames: contributorRows.filter((row) => row.role !== "lead").map((row) => row.name),
    parts,
    rows: arrangeQuestionsAndParts(questionList, parts, partQuestionIds),
    versionWithholdings: withholdingRows.filter((row) => row.partId === null).map(stripPart),
    inventories,
    consultations: consultationRows.map((row) => ({
      id: row.id,
      kind: row.kind,
      addresseeName: row.addresseeName,
      questionsPut: row.questionsPut,
      statementTitle: row.statementTitle,
      statementHtml: row.statementHtml,
      verdict: row.verdict,
      answeredOn: row.answeredOn,
      author: row.authorName ? [row.authorName, row.authorRoleLabel].filter(Boolean).join(", ") : null,
      recommendations: (recommendationsByConsultation.get(row.id) ?? []).map(({ consultationId: _c, ...rest }) => rest),
    })),
    signOffSteps: stepRows,
    attachments: attachmentRows.map((row) => ({
      position: row.position,
      title: row.title,
      file: row.fileName ? { fileName: row.fileName, mediaType: row.mediaType!, size: row.size! } : null,
    })),
  };
}

/** Round 4: rows, usage matrices and criteria assessments of all inventories of the version at once. */
async function loadInventories(
  db: Db,
  inventoryRows: { id: string; title: string; countLabel: string | null; questionNumber: string | null }[],
): Promise<PublicToolInventory[]> {
  if (inventoryRows.length === 0) return [];
  const inventoryIds = inventoryRows.map((row) => row.id);

  const [rowRows, matrixRows, columnRows, matrixRowRows, cellRows, setRows, criterionRows, assessmentRows] =
    await Promise.all([
      db
        .select({
          id: toolInventoryRows.id,
          inventoryId: toolInventoryRows.inventoryId,
          label: toolInventoryRows.label,
          workplaceCount: toolInventoryRows.workplaceCount,
          footnoteMark: toolInventoryRows.footnoteMark,
          footnote: toolInventoryRows.footnote,
          variant: toolInventoryRows.variant,
          toolSlug: tools.slug,
          toolName: tools.name,
        })
        .from(toolInventoryRows)
        .innerJoin(tools, eq(tools.id, toolInventoryRows.toolId))
        .where(inArray(toolInventoryRows.inventoryId, inventoryIds))
        .orderBy(asc(toolInventoryRows.position)),
      db
        .select({
          id: toolUsageMatrices.id,
          inventoryId: toolUsageMatrices.inventoryId,
          rowHeading: toolUsageMatrices.rowHeading,
          columnHeading: toolUsageMatrices.columnHeading,
          footnoteMark: toolUsageMatrices.footnoteMark,
          footnote: toolUsageMatrices.footnote,
        })
        .from(toolUsageMatrices)
        .where(inArray(toolUsageMatrices.inventoryId, inventoryIds)),
      db
        .select({
          id: toolUsageMatrixColumns.id,
          matrixId: toolUsageMatrixColumns.matrixId,
          label: toolInventoryRows.label,
        })
        .from(toolUsageMatrixColumns)
        .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixColumns.matrixId))
        .innerJoin(toolInventoryRows, eq(toolInventoryRows.id, toolUsageMatrixColumns.inventoryRowId))
        .where(inArray(toolUsageMatrices.inventoryId, inventoryIds))
        .orderBy(asc(toolUsageMatrixColumns.position)),
      db
        .select({
          id: toolUsageMatrixRows.id,
          matrixId: toolUsageMatrixRows.matrixId,
          label: toolUsageMatrixRows.label,
        })
        .from(toolUsageMatrixRows)
        .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixRows.matrixId))
        .where(inArray(toolUsageMatrices.inventoryId, inventoryIds))
        .orderBy(asc(toolUsageMatrixRows.position)),
      db
        .select({ rowId: toolUsageMatrixCells.rowId, columnId: toolUsageMatrixCells.columnId })
        .from(toolUsageMatrixCells)
        .innerJoin(toolUsageMatrixRows, eq(toolUsageMatrixRows.id, toolUsageMatrixCells.rowId))
        .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixRows.matrixId))
        .where(and(inArray(toolUsageMatrices.inventoryId, inventoryIds), eq(toolUsageMatrixCells.uses, true))),
      db
        .select({
          inventoryId: inventoryCriteriaSets.inventoryId,
          criteriaSetId: criteriaSets.id,
          statusNote: inventoryCriteriaSets.statusNote,
          title: criteriaSets.title,
          issuer: criteriaSets.issuer,
          issuedOn: criteriaSets.issuedOn,
          url: criteriaSets.url,
        })
        .from(inventoryCriteriaSets)
        .innerJoin(criteriaSets, eq(criteriaSets.id, inventoryCriteriaSets.criteriaSetId))
        .where(inArray(inventoryCriteriaSets.inventoryId, inventoryIds))
        .orderBy(asc(criteriaSets.title)),
      db
        .select({ id: criteria.id, criteriaSetId: criteria.criteriaSetId, position: criteria.position, text: criteria.text })
        .from(criteria)
        .innerJoin(inventoryCriteriaSets, eq(inventoryCriteriaSets.criteriaSetId, criteria.criteriaSetId))
        .where(inArray(inventoryCriteriaSets.inventoryId, inventoryIds))
        .orderBy(asc(criteria.position)),
      db
        .select({
          inventoryRowId: toolAssessments.inventoryRowId,
          criteriaSetId: toolAssessments.criteriaSetId,
          criterionId: toolAssessments.criterionId,
          result: toolAssessments.result,
          comment: toolAssessments.comment,
        })
        .from(toolAssessments)
        .innerJoin(toolInventoryRows, eq(toolInventoryRows.id, toolAssessments.inventoryRowId))
        .where(inArray(toolInventoryRows.inventoryId, inventoryIds)),
    ]);

  const rowsByInventory = groupBy(rowRows, (row) => row.inventoryId);
  const columnsByMatrix = groupBy(columnRows, (row) => row.matrixId);
  const matrixRowsByMatrix = groupBy(matrixRowRows, (row) => row.matrixId);
  const cellsByRow = groupBy(cellRows, (row) => row.rowId);
  const setsByInventory = groupBy(setRows, (row) => row.inventoryId);
  // A criteria set can be linked to several inventories; keep each criterion once per set.
  const criteriaBySet = new Map<string, { id: string; position: number; text: string }[]>();
  for (const row of criterionRows) {
    const list = criteriaBySet.get(row.criteriaSetId) ?? [];
    if (!list.some((c) => c.id === row.id)) list.push({ id: row.id, position: row.position, text: row.text });
    criteriaBySet.set(row.criteriaSetId, list);
  }

  return inventoryRows.map((inventory): PublicToolInventory => {
    const rows = (rowsByInventory.get(inventory.id) ?? []).map(({ inventoryId: _i, ...rest }) => rest);
    const matrixRow = matrixRows.find((m) => m.inventoryId === inventory.id);
    const matrix: PublicUsageMatrix | null = matrixRow
      ? {
          rowHeading: matrixRow.rowHeading,
          columnHeading: matrixRow.columnHeading,
          footnoteMark: matrixRow.footnoteMark,
          footnote: matrixRow.footnote,
          columns: (columnsByMatrix.get(matrixRow.id) ?? []).map(({ id, label }) => ({ id, label })),
          rows: (matrixRowsByMatrix.get(matrixRow.id) ?? []).map((row) => ({
            id: row.id,
            label: row.label,
            usedColumnIds: (cellsByRow.get(row.id) ?? []).map((cell) => cell.columnId),
          })),
        }
      : null;
    const assessments = (setsByInventory.get(inventory.id) ?? []).map((set): PublicCriteriaAssessment => {
      const setCriteria = criteriaBySet.get(set.criteriaSetId) ?? [];
      return {
        title: set.title,
        issuer: set.issuer,
        issuedOn: set.issuedOn,
        url: set.url,
        statusNote: set.statusNote,
        criteria: setCriteria,
        results: rows.map((row) => {
          const own = assessmentRows.filter((a) => a.inventoryRowId === row.id && a.criteriaSetId === set.criteriaSetId);
          const overall = own.find((a) => a.criterionId === null);
          const byCriterion: Record<string, AssessmentResult> = {};
          for (const a of own) if (a.criterionId) byCriterion[a.criterionId] = a.result;
          return {
            inventoryRowId: row.id,
            label: row.label,
            overall: overall?.result ?? "not_assessed",
            overallComment: overall?.comment ?? null,
            byCriterion,
          };
        }),
      };
    });
    return { ...inventory, rows, matrix, assessments };
  });
}

/**
 * Arranges questions and answer parts into rows: a part that answers several questions (a joint answer) puts
 * all of them into one row, shown once; questions without a part get a row of their own; parts that answer no
 * question come last, each in its own row.
 */
export function arrangeQuestionsAndParts(
  questionList: PublicQuestion[],
  parts: PublicAnswerPart[],
  questionIdsByPart: Map<string, string[]>,
): QaRow[] {
  const partsByQuestion = new Map<string, PublicAnswerPart[]>();
  for (const part of parts) {
    for (const questionId of questionIdsByPart.get(part.id) ?? []) {
      const list = partsByQuestion.get(questionId) ?? [];
      list.push(part);
      partsByQuestion.set(questionId, list);
    }
  }
  const placedQuestions = new Set<string>();
  const placedParts = new Set<string>();
  const rows: QaRow[] = [];
  for (const question of questionList) {
    if (placedQuestions.has(question.id)) continue;
    // Close over joint answers: questions of a part, parts of those questions, … until nothing new is found.
    const rowQuestionIds = new Set([question.id]);
    const rowParts = new Map<string, PublicAnswerPart>();
    let grew = true;
    while (grew) {
      grew = false;
      for (const questionId of rowQuestionIds) {
        for (const part of partsByQuestion.get(questionId) ?? []) {
          if (rowParts.has(part.id)) continue;
          rowParts.set(part.id, part);
          grew = true;
          for (const id of questionIdsByPart.get(part.id) ?? []) rowQuestionIds.add(id);
        }
      }
    }
    const rowQuestions = questionList.filter((q) => rowQuestionIds.has(q.id));
    rowQuestions.forEach((q) => placedQuestions.add(q.id));
    rowParts.forEach((_, id) => placedParts.add(id));
    rows.push({ questions: rowQuestions, parts: [...rowParts.values()].sort((a, b) => a.position - b.position) });
  }
  for (const part of parts) {
    if (!placedParts.has(part.id)) rows.push({ questions: [], parts: [part] });
  }
  return rows;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
