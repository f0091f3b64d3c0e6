/**
 * Read queries of the public side: one inquiry with its published answer (the overview of bodies and a body's
 * list are in overview.server.ts and inquiry-list.server.ts). Everything here is what an anonymous reader may
 * see, so every query
 *   - filters by the body,
 *   - shows only inquiries with visibility `public` that are past `draft` and have a public reference,
 *   - shows only answer versions with `publishedAt` set,
 *   - never selects `withholdings.withheld_text`, consultations not published with the answer, non-public
 *     events, attachments or agenda items, or file contents.
 * The detail is loaded in a fixed number of queries (no query per question or per row).
 */
import { and, asc, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  agendaItems,
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
import { isOpenStatus } from "../../domain/dashboard";
import { publicInquiryDateColumns, publiclyVisible } from "./visibility.server";
import type { AgendaPurpose, InquiryLifecycle, InquiryStatus, MotionDecision } from "../../domain/labels";
import { publicEventNote } from "../../domain/labels";
import { getDb, type Db, type Tx } from "../core/db.server";
import { jsonList, jsonRow, reusableQuery, reusableStatement } from "../core/prepared.server";
import { publicBodyColumns, type PublicBody } from "./bodies.server";
import { loadToolFactsCitingInquiry, type CitedToolFact } from "./tool-facts.server";
import { answeredOn, loadPublishedAnswer, type PublicQuestion, type PublicAnswer } from "./answers.server";
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

// The overview and the list live in their own modules; re-exported for the routes that load them from here.
export {
  loadPublicOverview,
  type PublicOverview,
  type PublicBodySummary,
  type LatestAnswer,
  type OverdueInquiry,
} from "./overview.server";
export {
  listPublicInquiries,
  PUBLIC_PAGE_SIZE,
  type PublicInquiryList,
  type PublicInquiryListItem,
} from "./inquiry-list.server";

// ---- one inquiry (/{body}/anfragen/{ref}) -----------------------------------------------------------------

export interface PublicAgendaEntry {
  purpose: AgendaPurpose;
  roleLabel: string | null;
  organizationName: string;
  meetingName: string;
  meetingDate: string;
  /** Null when the source does not give the TOP number (e.g. a Vorlage's Beratungsfolge). */
  itemNumber: string | null;
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
    /** Set when the council office hid the question text: the public note why (preamble and questions empty). */
    questionTextHiddenReason: string | null;
  };
  /** Set when the deadline was missed: answered after the due date, or still open after it. */
  deadlineMissed: { kind: "answered_late"; answeredOn: string } | { kind: "overdue" } | null;
  extensions: { previousDueOn: string; newDueOn: string; reason: string; grantedOn: string }[];
  questions: PublicQuestion[];
  agenda: PublicAgendaEntry[];
  answer: PublicAnswer | null;
  /** `occurredAt` is the exact instant (ISO 8601), for the inquiry's Atom feed. */
  timeline: { id: number; type: string; occurredOn: string; occurredAt: string; note: string | null }[];
  /** Tool facts that cite this inquiry's documents as their source. */
  toolFacts: CitedToolFact[];
}

const leadOrganization = alias(organizations, "lead_organization");
const answerLeadOrganization = alias(organizations, "answer_lead_organization");

// Query 1 of the page: built once per database handle (issue 13).
const findPublicInquiry = reusableQuery("public_inquiry", (db) =>
  db
    .select({
      body: publicBodyColumns,
      answerId: answers.id,
      answerLeadOrganizationName: answerLeadOrganization.name,
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
      originatorOrganizationId: organizations.id,
      originatorOrganizationKind: organizations.kind,
      originatorOrganizationBodyId: organizations.bodyId,
      leadOrganizationName: leadOrganization.name,
      addressee: inquiries.addressee,
      ...publicInquiryDateColumns,
      questionTextHiddenReason: inquiries.questionTextHiddenReason,
    })
    .from(inquiries)
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .leftJoin(organizations, eq(organizations.id, inquiries.originatorOrganizationId))
    .leftJoin(leadOrganization, eq(leadOrganization.id, inquiries.leadOrganizationId))
    .leftJoin(answers, and(eq(answers.inquiryId, inquiries.id), eq(answers.bodyId, inquiries.bodyId)))
    .leftJoin(answerLeadOrganization, eq(answerLeadOrganization.id, answers.leadOrganizationId))
    .where(
      and(
        eq(bodies.slug, sql.placeholder("bodySlug")),
        eq(inquiries.publicRef, sql.placeholder("publicRef")),
        publiclyVisible(),
      ),
    )
    .limit(1),
);

// The answers of the inquiry, for its events (a subquery of loadEvents).
const answerIdsOfInquiry = (db: Db | Tx) =>
  db
    .select({ id: answers.id })
    .from(answers)
    .where(eq(answers.inquiryId, sql.placeholder("inquiryId")));

// Round 2 of the page: the lists that hang off the inquiry, each select one JSON array of ONE statement (one
// round trip instead of five, issue 13), built once per database handle. Timestamps arrive as ISO strings.
const originatorsList = (db: Db | Tx) =>
  db
    .select(jsonRow({ label: inquiryOriginators.label }))
    .from(inquiryOriginators)
    .where(eq(inquiryOriginators.inquiryId, sql.placeholder("inquiryId")))
    .orderBy(asc(inquiryOriginators.position));

const questionsList = (db: Db | Tx) =>
  db
    .select(
      jsonRow({
        id: questions.id,
        number: questions.number,
        leadIn: questions.leadIn,
        bodyHtml: questions.bodyHtml,
        parentId: questions.parentId,
      }),
    )
    .from(questions)
    .where(eq(questions.inquiryId, sql.placeholder("inquiryId")))
    .orderBy(asc(questions.position));

const agendaList = (db: Db | Tx) =>
  db
    .select(
      jsonRow({
        purpose: inquiryAgendaItems.purpose,
        roleLabel: inquiryAgendaItems.roleLabel,
        organizationName: organizations.name,
        meetingName: meetings.name,
        meetingDate: meetings.date,
        itemNumber: agendaItems.number,
        itemTitle: agendaItems.title,
      }),
    )
    .from(inquiryAgendaItems)
    .innerJoin(agendaItems, eq(agendaItems.id, inquiryAgendaItems.agendaItemId))
    .innerJoin(meetings, and(eq(meetings.id, agendaItems.meetingId), eq(meetings.bodyId, sql.placeholder("bodyId"))))
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .where(and(eq(inquiryAgendaItems.inquiryId, sql.placeholder("inquiryId")), eq(agendaItems.public, true)))
    .orderBy(asc(meetings.date), asc(agendaItems.position));

const extensionsList = (db: Db | Tx) =>
  db
    .select(
      jsonRow({
        previousDueOn: deadlineExtensions.previousDueOn,
        newDueOn: deadlineExtensions.newDueOn,
        reason: deadlineExtensions.reason,
        grantedAt: deadlineExtensions.grantedAt,
      }),
    )
    .from(deadlineExtensions)
    .where(eq(deadlineExtensions.inquiryId, sql.placeholder("inquiryId")))
    .orderBy(asc(deadlineExtensions.grantedAt));

const eventsList = (db: Db | Tx) =>
  db
    .select(jsonRow({ id: events.id, type: events.type, occurredAt: events.occurredAt, payload: events.payload }))
    .from(events)
    .where(
      and(
        eq(events.bodyId, sql.placeholder("bodyId")),
        eq(events.public, true),
        or(
          and(eq(events.aggregateType, "inquiry"), eq(events.aggregateId, sql.placeholder("inquiryId"))),
          // `= any(array(…))`, not `in (…)`: the array is computed once, so both branches are index scans on
          // (aggregate_type, aggregate_id) combined by a BitmapOr; with `in (subquery)` PostgreSQL read all of
          // the body's events and filtered them (385k rows at 100k inquiries on PGlite: 252 ms → 1 ms).
          and(eq(events.aggregateType, "answer"), sql`${events.aggregateId} = any(array(${answerIdsOfInquiry(db)}))`),
        ),
      ),
    )
    .orderBy(asc(events.occurredAt), asc(events.id));

const loadInquiryLists = reusableStatement<
  {
    originators: { label: string }[];
    questions: PublicQuestion[];
    agenda: PublicAgendaEntry[];
    extensions: { previousDueOn: string; newDueOn: string; reason: string; grantedAt: string }[];
    events: { id: number; type: string; occurredAt: string; payload: Record<string, unknown> }[];
  },
  { inquiryId: string; bodyId: string }
>(
  "public_inquiry_lists",
  (db) => sql`select
    ${jsonList(originatorsList(db))} as "originators",
    ${jsonList(questionsList(db))} as "questions",
    ${jsonList(agendaList(db))} as "agenda",
    ${jsonList(extensionsList(db))} as "extensions",
    ${jsonList(eventsList(db))} as "events"`,
);

/**
 * Everything the public detail page shows. Null when the body or the inquiry is unknown or not public, or when
 * a version number is asked for that has not been published.
 */
export async function loadPublicInquiry(
  params: { bodySlug: string; publicRef: string; versionNumber?: number },
  database?: Db,
): Promise<PublicInquiryDetail | null> {
  return (await loadPublicInquiryWithKeys(params, database))?.detail ?? null;
}

/**
 * The same, with the keys the answer page needs for its further reads (follow-up links, the originating faction)
 * so that it does not look the inquiry up again by its reference. The keys stay on the server: the page's loader
 * does not pass them to the browser.
 */
export async function loadPublicInquiryWithKeys(
  params: { bodySlug: string; publicRef: string; versionNumber?: number },
  database?: Db,
): Promise<{
  detail: PublicInquiryDetail;
  inquiryId: string;
  /** The originating organisation when it is a faction of this body (for its feed and subscription links). */
  faction: { id: string; name: string } | null;
} | null> {
  const db = database ?? (await getDb());

  // Query 1: the inquiry with its body, type, organisations and the key of its answer (issue 13: the body and the
  // answer's key were two statements of their own, the second in a round of its own before the answer's).
  const [found] = await findPublicInquiry(db, { bodySlug: params.bodySlug, publicRef: params.publicRef });
  if (!found) return null;
  const { body, answerId, answerLeadOrganizationName, ...inquiry } = found;

  // Round 2: everything that hangs off the inquiry directly.
  const keys = { inquiryId: inquiry.id, bodyId: body.id };
  const [[lists], citedFacts] = await Promise.all([
    loadInquiryLists(db, keys),
    loadToolFactsCitingInquiry(db, inquiry.id),
  ]);
  const {
    originators: originatorRows,
    questions: questionRows,
    agenda: agendaRows,
    extensions: extensionRows,
    events: eventRows,
  } = lists!;

  // A hidden question text never leaves the server: neither the questions nor the preamble.
  const hidden = inquiry.questionTextHiddenReason !== null;
  const questionList: PublicQuestion[] = hidden ? [] : questionRows;
  const answer = answerId
    ? await loadPublishedAnswer(db, body, {
        answerId,
        leadOrganizationName: answerLeadOrganizationName ?? inquiry.leadOrganizationName,
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
    if (firstAnswerOn && firstAnswerOn > inquiry.dueOn)
      deadlineMissed = { kind: "answered_late", answeredOn: firstAnswerOn };
    else if (!firstAnswerOn && isOpenStatus(inquiry.status) && today > inquiry.dueOn)
      deadlineMissed = { kind: "overdue" };
  }

  const faction =
    inquiry.originatorOrganizationId &&
    inquiry.originatorOrganizationKind === "faction" &&
    inquiry.originatorOrganizationBodyId === body.id
      ? { id: inquiry.originatorOrganizationId, name: inquiry.originatorOrganizationName! }
      : null;
  const detail: PublicInquiryDetail = {
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
      preambleHtml: hidden ? null : inquiry.preambleHtml,
      originators: originators.length
        ? originators
        : inquiry.originatorOrganizationName
          ? [inquiry.originatorOrganizationName]
          : [],
      originatorOrganizationName: inquiry.originatorOrganizationName,
      addressee: inquiry.addressee,
      submittedOn: inquiry.submittedOn,
      receivedOn: inquiry.receivedOn,
      dueOn: inquiry.dueOn,
      dueRuleLabel: inquiry.dueRuleLabel ?? inquiry.typeDeadlineRuleLabel,
      withdrawnOn: inquiry.withdrawnOn,
      withdrawalNote: inquiry.withdrawalNote,
      questionTextHiddenReason: inquiry.questionTextHiddenReason,
    },
    deadlineMissed,
    extensions: extensionRows.map((row) => ({
      previousDueOn: row.previousDueOn,
      newDueOn: row.newDueOn,
      reason: row.reason,
      grantedOn: isoDateInTimeZone(new Date(row.grantedAt), body.timeZone),
    })),
    questions: questionList,
    agenda: agendaRows,
    answer,
    timeline: eventRows.map((row) => ({
      id: row.id,
      type: row.type,
      occurredOn: isoDateInTimeZone(new Date(row.occurredAt), body.timeZone),
      occurredAt: new Date(row.occurredAt).toISOString(),
      note: publicEventNote(row.type, row.payload),
    })),
    toolFacts: citedFacts,
  };
  return { detail, inquiryId: inquiry.id, faction };
}
