/**
 * The sections of the workspace dashboard (/arbeitsbereich) for one user: per body, what their roles there
 * call for — faction drafts and progress, the council office's intake, overdue and due-this-week lists and
 * pending extension requests, the departments' assigned inquiries, the DPO's consultations.
 * Every query is bounded, filtered by body and by the user's scope, and runs once per section and body
 * (no per-row queries); each returns the full count beside the shown rows so the page can say when it cut.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import {
  answers,
  bodies,
  consultations,
  extensionRequests,
  inquiries,
  inquiryTypes,
  organizations,
} from "../../../db/schema";
import {
  classifyDeadline,
  dashboardWindow,
  groupByLeadDepartment,
  OPEN_STATUSES,
  sectionsForRoles,
  type DashboardSection,
  type DashboardWindow,
  type DeadlineInfo,
} from "../../domain/dashboard";
import { isoDateInTimeZone } from "../../domain/format";
import { inquiryScopeFor, type Role } from "../../domain/policy";
import type { CurrentUser } from "../accounts/auth.server";
import { getDb, type Db } from "../core/db.server";
import { scopeCondition } from "../inquiries/scope.server";
import { loadWorkspace, type WorkspaceBody } from "./workspace.server";
import { listNoun, typeKind } from "../../domain/texts/type-words";

export const SECTION_LIMIT = 20;
export const OVERDUE_LIMIT = 100;
export const ANSWERED_LIMIT = 10;

export interface Listing<T> {
  items: T[];
  /** All matching rows, of which `items` are the first. */
  total: number;
}

export interface DashboardInquiry {
  id: string;
  title: string;
  typeName: string;
  lifecycle: "inquiry" | "motion";
  reference: string | null;
  status: (typeof inquiries.status.enumValues)[number];
  motionDecision: "adopted" | "rejected" | "referred" | null;
  visibility: "public" | "internal";
  publicRef: string | null;
  receivedOn: string | null;
  deadline: DeadlineInfo | null;
}

export interface DraftRow extends DashboardInquiry {
  createdByMe: boolean;
  coauthoredByMe: boolean;
}

export interface OverdueGroup {
  organizationId: string | null;
  organizationName: string | null;
  /** Overdue inquiries of this department in all, even when the list below is cut. */
  overdueCount: number;
  items: DashboardInquiry[];
}

export interface ExtensionRequestRow {
  id: string;
  inquiry: DashboardInquiry;
  requestingDepartment: string;
  requestedDueOn: string;
  reason: string;
}

export interface AssignedRow extends DashboardInquiry {
  ourRole: "lead" | "contributor";
}

export interface ConsultationRow {
  id: string;
  status: "requested" | "answered" | "withdrawn";
  requestedOn: string | null;
  inquiry: DashboardInquiry;
}

export interface BodyDashboard extends Omit<WorkspaceBody, "inquiries"> {
  /** "Alle Vorgänge", each with its deadline as it stands today. */
  inquiries: Array<WorkspaceBody["inquiries"][number] & { deadline: DeadlineInfo | null }>;
  today: string;
  sections: DashboardSection[];
  /** What the body handles, for the sections' wording ("Anfragen", "Anträge", "Anfragen und Anträge"). */
  listNoun: string;
  faction?: {
    drafts: Listing<DraftRow>;
    inProgress: Listing<DashboardInquiry>;
    dueSoon: Listing<DashboardInquiry>;
    answered: Listing<DashboardInquiry>;
  };
  office?: {
    intake: Listing<DashboardInquiry>;
    overdue: { groups: OverdueGroup[]; shown: number; total: number };
    dueThisWeek: Listing<DashboardInquiry>;
    extensionRequests: Listing<ExtensionRequestRow>;
  };
  department?: { assigned: Listing<AssignedRow> };
  dpo?: { consultations: Listing<ConsultationRow> };
}

const openStatuses = [...OPEN_STATUSES];
const totalOver = sql<number>`count(*) over ()`.mapWith(Number);

const inquiryColumns = {
  id: inquiries.id,
  title: inquiries.title,
  typeName: inquiryTypes.name,
  lifecycle: inquiryTypes.lifecycle,
  reference: inquiries.reference,
  status: inquiries.status,
  motionDecision: inquiries.motionDecision,
  visibility: inquiries.visibility,
  publicRef: inquiries.publicRef,
  receivedOn: inquiries.receivedOn,
  dueOn: inquiries.dueOn,
};

type InquiryColumns = Omit<DashboardInquiry, "deadline"> & { dueOn: string | null };

function toInquiry(row: InquiryColumns, today: string): DashboardInquiry {
  const { dueOn, ...rest } = row;
  return { ...rest, deadline: classifyDeadline(dueOn, row.status, today) };
}

function listing<R extends { total: number }, T>(rows: R[], map: (row: R) => T): Listing<T> {
  return { items: rows.map(map), total: rows[0]?.total ?? 0 };
}

/** Every dashboard section of the user's bodies, with "today" in each body's own time zone. */
export async function loadDashboard(user: CurrentUser, now: Date = new Date()): Promise<BodyDashboard[]> {
  const db = await getDb();
  const workspace = await loadWorkspace(user);
  if (workspace.length === 0) return [];
  const zones = await db
    .select({ id: bodies.id, timeZone: bodies.timeZone })
    .from(bodies)
    .where(
      inArray(
        bodies.id,
        workspace.map((b) => b.bodyId),
      ),
    );
  const zoneOf = new Map(zones.map((z) => [z.id, z.timeZone]));
  return Promise.all(
    workspace.map((body) =>
      loadBodyDashboard(db, user, body, isoDateInTimeZone(now, zoneOf.get(body.bodyId) ?? "Europe/Berlin")),
    ),
  );
}

async function loadBodyDashboard(
  db: Db,
  user: CurrentUser,
  body: WorkspaceBody,
  today: string,
): Promise<BodyDashboard> {
  const inBody = user.memberships.filter((m) => m.bodyId === body.bodyId);
  const roles: Role[] = inBody.map((m) => m.role);
  const sections = sectionsForRoles(roles);
  const window = dashboardWindow(today);
  const types = await db
    .select({ lifecycle: inquiryTypes.lifecycle, code: inquiryTypes.code, name: inquiryTypes.name })
    .from(inquiryTypes)
    .where(eq(inquiryTypes.bodyId, body.bodyId));
  const result: BodyDashboard = {
    ...body,
    inquiries: body.inquiries.map((i) => ({ ...i, deadline: classifyDeadline(i.dueOn, i.status, today) })),
    today,
    sections,
    listNoun: listNoun(types.map((t) => typeKind(t))),
  };
  // Each role's sections are bounded by what that role alone may see (policy.ts / inquiries/scope.server.ts):
  // the drafts of a faction member who also works in the council office stay a faction matter, and the
  // council office's lists do not widen a department's.
  const scopeOf = (wanted: Role[]) => {
    const facts = inBody.filter((m) => wanted.includes(m.role));
    return {
      ids: [...new Set(facts.map((m) => m.organizationId))],
      condition: scopeCondition(inquiryScopeFor(facts, body.bodyId)),
    };
  };
  const faction = scopeOf(["faction_member"]);
  const office = scopeOf(["council_office"]);
  const department = scopeOf(["clerk", "department_head", "co_signer"]);
  const dpo = scopeOf(["dpo"]);
  const [factionData, officeData, departmentData, dpoData] = await Promise.all([
    faction.condition ? factionSections(db, faction.condition, faction.ids, user.id, window) : undefined,
    office.condition ? officeSections(db, office.condition, body.bodyId, window) : undefined,
    department.condition ? departmentSection(db, department.condition, body.bodyId, department.ids, today) : undefined,
    dpo.condition ? dpoSection(db, dpo.condition, body.bodyId, dpo.ids, today) : undefined,
  ]);
  if (factionData) result.faction = factionData;
  if (officeData) result.office = officeData;
  if (departmentData) result.department = departmentData;
  if (dpoData) result.dpo = dpoData;
  return result;
}

function inquiryQuery(db: Db, where: SQL | undefined) {
  return db
    .select({ ...inquiryColumns, total: totalOver })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(where);
}

async function factionSections(db: Db, scope: SQL, factionIds: string[], userId: string, w: DashboardWindow) {
  const ours = and(scope, inArray(inquiries.originatorOrganizationId, factionIds));
  const coauthored = sql<boolean>`exists (select 1 from inquiry_coauthors c where c.inquiry_id = ${inquiries.id} and c.user_id = ${userId})`;
  const [drafts, inProgress, dueSoon, answered] = await Promise.all([
    db
      .select({ ...inquiryColumns, total: totalOver, createdBy: inquiries.createdByUserId, coauthored })
      .from(inquiries)
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .where(and(ours, eq(inquiries.status, "draft")))
      .orderBy(desc(inquiries.updatedAt), asc(inquiries.id))
      .limit(SECTION_LIMIT),
    inquiryQuery(db, and(ours, inArray(inquiries.status, [...openStatuses, "on_agenda"])))
      .orderBy(sql`${inquiries.dueOn} asc nulls last`, asc(inquiries.receivedOn), asc(inquiries.id))
      .limit(SECTION_LIMIT),
    inquiryQuery(
      db,
      and(
        ours,
        inArray(inquiries.status, openStatuses),
        gte(inquiries.dueOn, w.today),
        lte(inquiries.dueOn, w.dueSoonUntil),
      ),
    )
      .orderBy(asc(inquiries.dueOn), asc(inquiries.id))
      .limit(SECTION_LIMIT),
    inquiryQuery(db, and(ours, eq(inquiries.status, "answered")))
      .orderBy(desc(inquiries.updatedAt), asc(inquiries.id))
      .limit(ANSWERED_LIMIT),
  ]);
  return {
    drafts: listing(drafts, ({ total: _t, createdBy, coauthored: co, ...row }) => ({
      ...toInquiry(row, w.today),
      createdByMe: createdBy === userId,
      coauthoredByMe: Boolean(co),
    })),
    inProgress: listing(inProgress, (row) => toInquiry(row, w.today)),
    dueSoon: listing(dueSoon, (row) => toInquiry(row, w.today)),
    answered: listing(answered, (row) => toInquiry(row, w.today)),
  };
}

async function officeSections(db: Db, scope: SQL, bodyId: string, w: DashboardWindow) {
  const open = and(scope, inArray(inquiries.status, openStatuses));
  const [intake, overdue, dueThisWeek, requests] = await Promise.all([
    inquiryQuery(db, and(scope, eq(inquiries.status, "submitted")))
      .orderBy(sql`${inquiries.receivedOn} asc nulls last`, asc(inquiries.createdAt), asc(inquiries.id))
      .limit(SECTION_LIMIT),
    db
      .select({
        ...inquiryColumns,
        total: totalOver,
        leadOrganizationId: inquiries.leadOrganizationId,
        leadOrganizationName: organizations.name,
        departmentTotal: sql<number>`count(*) over (partition by ${inquiries.leadOrganizationId})`.mapWith(Number),
      })
      .from(inquiries)
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .leftJoin(organizations, eq(organizations.id, inquiries.leadOrganizationId))
      .where(and(open, lt(inquiries.dueOn, w.today)))
      .orderBy(sql`${organizations.name} asc nulls last`, asc(inquiries.dueOn), asc(inquiries.id))
      .limit(OVERDUE_LIMIT),
    // From today to Sunday: what fell due earlier this week is already in the overdue table above.
    inquiryQuery(db, and(open, gte(inquiries.dueOn, w.today), lte(inquiries.dueOn, w.weekEnd)))
      .orderBy(asc(inquiries.dueOn), asc(inquiries.id))
      .limit(SECTION_LIMIT),
    db
      .select({
        ...inquiryColumns,
        total: totalOver,
        requestId: extensionRequests.id,
        requestingDepartment: organizations.name,
        requestedDueOn: extensionRequests.requestedDueOn,
        reason: extensionRequests.reason,
      })
      .from(extensionRequests)
      .innerJoin(inquiries, eq(inquiries.id, extensionRequests.inquiryId))
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .innerJoin(organizations, eq(organizations.id, extensionRequests.requestedByOrganizationId))
      .where(and(scope, eq(inquiries.bodyId, bodyId), eq(extensionRequests.status, "pending")))
      .orderBy(asc(extensionRequests.createdAt), asc(extensionRequests.id))
      .limit(SECTION_LIMIT),
  ]);
  const overdueRows = overdue.map(
    ({ total: _t, leadOrganizationId, leadOrganizationName, departmentTotal, ...row }) => ({
      ...toInquiry(row, w.today),
      leadOrganizationId,
      leadOrganizationName,
      departmentTotal,
    }),
  );
  return {
    intake: listing(intake, (row) => toInquiry(row, w.today)),
    overdue: {
      groups: groupByLeadDepartment(overdueRows).map((g) => ({
        organizationId: g.organizationId,
        organizationName: g.organizationName,
        overdueCount: g.items[0]?.departmentTotal ?? g.items.length,
        items: g.items.map(
          ({ leadOrganizationId: _l, leadOrganizationName: _n, departmentTotal: _d, ...item }) => item,
        ),
      })),
      shown: overdueRows.length,
      total: overdue[0]?.total ?? 0,
    },
    dueThisWeek: listing(dueThisWeek, (row) => toInquiry(row, w.today)),
    extensionRequests: listing(
      requests,
      ({ total: _t, requestId, requestingDepartment, requestedDueOn, reason, ...row }) => ({
        id: requestId,
        inquiry: toInquiry(row, w.today),
        requestingDepartment,
        requestedDueOn,
        reason,
      }),
    ),
  };
}

/**
 * Open inquiries a department works on: what its scope covers (lead department, contributing department named
 * by the council office, or lead/contributor on the answer — see scopeCondition).
 */
async function departmentSection(db: Db, scope: SQL, bodyId: string, departmentIds: string[], today: string) {
  const isLead = inArray(inquiries.leadOrganizationId, departmentIds);
  const rows = await db
    .select({ ...inquiryColumns, total: totalOver, lead: sql<boolean>`coalesce(${isLead}, false)` })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(and(eq(inquiries.bodyId, bodyId), inArray(inquiries.status, openStatuses), scope))
    .orderBy(sql`${inquiries.dueOn} asc nulls last`, asc(inquiries.receivedOn), asc(inquiries.id))
    .limit(SECTION_LIMIT);
  return {
    assigned: listing(rows, ({ total: _t, lead, ...row }) => ({
      ...toInquiry(row, today),
      ourRole: lead ? ("lead" as const) : ("contributor" as const),
    })),
  };
}

async function dpoSection(db: Db, scope: SQL, bodyId: string, officeIds: string[], today: string) {
  const rows = await db
    .select({
      ...inquiryColumns,
      total: totalOver,
      consultationId: consultations.id,
      consultationStatus: consultations.status,
      requestedOn: consultations.requestedOn,
    })
    .from(consultations)
    .innerJoin(answers, eq(answers.id, consultations.answerId))
    .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(
      and(
        scope,
        eq(consultations.bodyId, bodyId),
        eq(inquiries.bodyId, bodyId),
        inArray(consultations.addresseeOrganizationId, officeIds),
      ),
    )
    .orderBy(
      sql`case when ${consultations.status} = 'requested' then 0 else 1 end`,
      sql`${consultations.requestedOn} asc nulls last`,
      asc(consultations.id),
    )
    .limit(SECTION_LIMIT);
  return {
    consultations: listing(rows, ({ total: _t, consultationId, consultationStatus, requestedOn, ...row }) => ({
      id: consultationId,
      status: consultationStatus,
      requestedOn,
      inquiry: toInquiry(row, today),
    })),
  };
}
