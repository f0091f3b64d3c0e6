/**
 * The sections of the workspace dashboard (/arbeitsbereich) for one user: per body, what their roles there
 * call for — faction drafts and progress, the council office's intake, overdue and due-this-week lists and
 * pending extension requests, the departments' assigned inquiries, the DPO's consultations.
 * Every query is bounded, filtered by body and by the user's scope, and runs once per section and body
 * (no per-row queries); each shows the top of its list beside a count that stops at COUNT_CAP, and links to the
 * section's full, paged list (section-lists.server.ts) where it cuts.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { answers, consultations, extensionRequests, inquiries, inquiryTypes, organizations } from "../../../db/schema";
import {
  deadlineBadge,
  dashboardWindow,
  groupByLeadDepartment,
  sectionsForRoles,
  type DashboardSection,
  type DashboardWindow,
  type DeadlineBadge,
  type ListSection,
} from "../../domain/dashboard";
import { isoDateInTimeZone } from "../../domain/format";
import type { Role } from "../../domain/policy";
import type { CurrentUser } from "../accounts/auth.server";
import { getDb, type Db } from "../core/db.server";
import {
  bodyScopes,
  cappedTotalColumn,
  cappedTotalOfColumn,
  COUNT_CAP,
  inquiryColumns,
  sectionQuery,
  toInquiry,
  totalOf,
  type BodyScopes,
  type DashboardInquiry,
} from "./section-lists.server";
import { loadWorkspace, type WorkspaceBody } from "./workspace.server";
import { listNoun, typeKind } from "../../domain/texts/type-words";

export type { DashboardInquiry } from "./section-lists.server";

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

export interface BodyDashboard extends Omit<WorkspaceBody, "inquiries" | "inquiryTypes"> {
  /** "Alle Vorgänge", each with its deadline as it stands today. */
  inquiries: Array<Omit<WorkspaceBody["inquiries"][number], "dueOn"> & { deadline: DeadlineBadge | null }>;
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

/** The rows of a section's statement with their capped count (cappedTotalColumn), mapped to the page's shape. */
function listing<R extends { total: number }, T>(rows: R[], map: (row: Omit<R, "total">) => T): Listing<T> {
  return { items: rows.map(({ total: _total, ...row }) => map(row)), ...totalOf(rows) };
}

/**
 * Every dashboard section of the user's bodies, with "today" in each body's own time zone (read with the session's
 * memberships). The bodies' inquiry types (for the sections' wording) come with "Alle Vorgänge" (loadWorkspace).
 */
export async function loadDashboard(user: CurrentUser, now: Date = new Date()): Promise<BodyDashboard[]> {
  const db = await getDb();
  if (user.memberships.length === 0) return [];
  const workspace = await loadWorkspace(user);
  const zoneOf = new Map(user.memberships.map((m) => [m.bodyId, m.bodyTimeZone]));
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
  const roles: Role[] = user.memberships.filter((m) => m.bodyId === body.bodyId).map((m) => m.role);
  const w = dashboardWindow(today);
  const { inquiryTypes: types, ...rest } = body;
  const result: BodyDashboard = {
    ...rest,
    inquiries: body.inquiries.map(({ dueOn, ...i }) => ({ ...i, deadline: deadlineBadge(dueOn, i.status, today) })),
    today,
    sections: sectionsForRoles(roles),
    listNoun: listNoun(types.map((t) => typeKind(t))),
  };
  const scopes = bodyScopes(user, body.bodyId);
  const { faction, office, department, dpo } = scopes;
  const [factionData, officeData, departmentData, dpoData] = await Promise.all([
    faction.condition ? factionSections(db, scopes, body.bodyId, user.id, w) : undefined,
    office.condition ? officeSections(db, scopes, body.bodyId, w) : undefined,
    department.condition ? departmentSection(db, scopes, body.bodyId, w) : undefined,
    dpo.condition ? dpoSection(db, dpo.condition, body.bodyId, dpo.ids, today) : undefined,
  ]);
  if (factionData) result.faction = factionData;
  if (officeData) result.office = officeData;
  if (departmentData) result.department = departmentData;
  if (dpoData) result.dpo = dpoData;
  return result;
}

type OfficeListSection = "office_intake" | "office_overdue" | "office_due_this_week";

/**
 * The columns that let several sections' top rows share one statement (UNION ALL): the section's name and each
 * row's place in the section's own order, so that the order does not rest on how PostgreSQL appends the branches.
 */
function tagged<S extends ListSection>(section: S, orderBy: SQL[]) {
  return {
    section: sql<S>`${section}::text`.as("section"),
    place: sql<number>`row_number() over (order by ${sql.join(orderBy, sql`, `)})`.mapWith(Number).as("place"),
  };
}

/** One section's rows of a tagged UNION ALL, in the section's order. */
function inSection<R extends { section: string; place: number }>(rows: R[], section: string): R[] {
  return rows.filter((r) => r.section === section).sort((a, b) => a.place - b.place);
}

const FACTION_SECTIONS = [
  ["faction_drafts", SECTION_LIMIT],
  ["faction_in_progress", SECTION_LIMIT],
  ["faction_due_soon", SECTION_LIMIT],
  ["faction_answered", ANSWERED_LIMIT],
] as const;

/** The faction's four sections in one statement (tagged): each section's top rows with its capped count. */
async function factionSections(db: Db, scopes: BodyScopes, bodyId: string, userId: string, w: DashboardWindow) {
  const coauthored = sql<boolean>`exists (select 1 from inquiry_coauthors c where c.inquiry_id = ${inquiries.id} and c.user_id = ${userId})`;
  const branches = FACTION_SECTIONS.map(([section, limit]) => {
    const query = sectionQuery(section, scopes, bodyId, w)!;
    return db
      .select({
        ...inquiryColumns,
        createdBy: inquiries.createdByUserId,
        coauthored: section === "faction_drafts" ? coauthored : sql<boolean>`false`,
        total: cappedTotalColumn(query.where),
        ...tagged(section, query.orderBy),
      })
      .from(inquiries)
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(limit);
  });
  const [first, second, ...rest] = branches;
  const rows = await unionAll(first!, second!, ...rest);
  const of = (section: (typeof FACTION_SECTIONS)[number][0]) => inSection(rows, section);
  const plain = (section: (typeof FACTION_SECTIONS)[number][0]) =>
    listing(of(section), ({ createdBy: _c, coauthored: _co, section: _s, place: _p, ...row }) =>
      toInquiry(row, w.today),
    );
  return {
    drafts: listing(of("faction_drafts"), ({ createdBy, coauthored: co, section: _s, place: _p, ...row }) => ({
      ...toInquiry(row, w.today),
      createdByMe: createdBy === userId,
      coauthoredByMe: Boolean(co),
    })),
    inProgress: plain("faction_in_progress"),
    dueSoon: plain("faction_due_soon"),
    answered: plain("faction_answered"),
  };
}

async function officeSections(db: Db, scopes: BodyScopes, bodyId: string, w: DashboardWindow) {
  const overdue = sectionQuery("office_overdue", scopes, bodyId, w)!;
  const scope = scopes.office.condition!;
  // Every department's count of overdue inquiries (open ones only, read from the same partial index) rides along
  // with the most overdue rows as an uncorrelated scalar subquery (an InitPlan, evaluated once): one statement, one
  // snapshot. It has rows exactly when the list has.
  const countsByDepartment = db
    .select({
      leadOrganizationId: inquiries.leadOrganizationId,
      leadOrganizationName: organizations.name,
      n: count(),
    })
    .from(inquiries)
    .leftJoin(organizations, eq(organizations.id, inquiries.leadOrganizationId))
    .where(overdue.where)
    .groupBy(inquiries.leadOrganizationId, organizations.name);
  const byDepartment = sql<Array<{ lead_organization_id: string | null; name: string | null; count: number }>>`(
    select json_agg(g order by g.name asc nulls last) from (${countsByDepartment}) as g)`;
  // Intake, the most overdue (inquiries_body_open_due_idx; grouped by lead department on the page) and this week
  // in one statement, as for the faction (sectionBranches); the extension requests read another table.
  const branch = (section: OfficeListSection, limit: number) => {
    const query = sectionQuery(section, scopes, bodyId, w)!;
    const isOverdue = section === "office_overdue";
    return db
      .select({
        ...inquiryColumns,
        leadOrganizationId: inquiries.leadOrganizationId,
        leadOrganizationName: organizations.name,
        byDepartment: isOverdue ? byDepartment : sql<null>`null::json`,
        // The overdue list's count is the sum of the departments' counts.
        total: isOverdue ? sql<number>`0`.mapWith(Number) : cappedTotalColumn(query.where),
        ...tagged(section, query.orderBy),
      })
      .from(inquiries)
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .leftJoin(organizations, eq(organizations.id, inquiries.leadOrganizationId))
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(limit);
  };
  const [rows, requests] = await Promise.all([
    unionAll(
      branch("office_intake", SECTION_LIMIT),
      branch("office_overdue", OVERDUE_LIMIT),
      branch("office_due_this_week", SECTION_LIMIT),
    ),
    requestQuery(db, scope, bodyId, cappedTotalOfColumn(requestQuery(db, scope, bodyId).limit(COUNT_CAP))).limit(
      SECTION_LIMIT,
    ),
  ]);
  const plain = (section: OfficeListSection) =>
    listing(
      inSection(rows, section),
      ({ leadOrganizationId: _l, leadOrganizationName: _n, byDepartment: _b, section: _s, place: _p, ...row }) =>
        toInquiry(row, w.today),
    );
  const intake = plain("office_intake");
  const dueThisWeek = plain("office_due_this_week");
  const overdueRows = inSection(rows, "office_overdue");
  const shownByDepartment = groupByLeadDepartment(
    overdueRows.map(
      ({
        leadOrganizationId,
        leadOrganizationName,
        byDepartment: _counts,
        section: _s,
        place: _p,
        total: _t,
        ...row
      }) => ({
        ...toInquiry(row, w.today),
        leadOrganizationId,
        leadOrganizationName,
      }),
    ),
  );
  const items = new Map(shownByDepartment.map((g) => [g.organizationId, g.items]));
  const overdueByDepartment = (overdueRows[0]?.byDepartment ?? []).map((g) => ({
    leadOrganizationId: g.lead_organization_id,
    leadOrganizationName: g.name,
    n: Number(g.count),
  }));
  const groups: OverdueGroup[] = groupByLeadDepartment(overdueByDepartment).map((g) => ({
    organizationId: g.organizationId,
    organizationName: g.organizationName,
    overdueCount: g.items[0]?.n ?? 0,
    items: (items.get(g.organizationId) ?? []).map(
      ({ leadOrganizationId: _l, leadOrganizationName: _n, ...item }) => item,
    ),
  }));
  return {
    intake,
    overdue: {
      groups,
      shown: overdueRows.length,
      total: groups.reduce((sum, g) => sum + g.overdueCount, 0),
    },
    dueThisWeek,
    extensionRequests: listing(requests, ({ requestId, requestingDepartment, requestedDueOn, reason, ...row }) => ({
      id: requestId,
      inquiry: toInquiry(row, w.today),
      requestingDepartment,
      requestedDueOn,
      reason,
    })),
  };
}

/** The pending extension requests; with `total`, each row carries the capped count (cappedTotalOfColumn). */
function requestQuery(db: Db, scope: SQL, bodyId: string, total: SQL<number> = sql<number>`0`) {
  return db
    .select({
      ...inquiryColumns,
      requestId: extensionRequests.id,
      requestingDepartment: organizations.name,
      requestedDueOn: extensionRequests.requestedDueOn,
      reason: extensionRequests.reason,
      total,
    })
    .from(extensionRequests)
    .innerJoin(inquiries, eq(inquiries.id, extensionRequests.inquiryId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .innerJoin(organizations, eq(organizations.id, extensionRequests.requestedByOrganizationId))
    .where(and(scope, eq(inquiries.bodyId, bodyId), eq(extensionRequests.status, "pending")))
    .orderBy(asc(extensionRequests.createdAt), asc(extensionRequests.id));
}

/**
 * Open inquiries a department works on: what its scope covers (lead department, contributing department named
 * by the council office, or lead/contributor on the answer — see scopeCondition).
 */
async function departmentSection(db: Db, scopes: BodyScopes, bodyId: string, w: DashboardWindow) {
  const query = sectionQuery("department_assigned", scopes, bodyId, w)!;
  const isLead = inArray(inquiries.leadOrganizationId, scopes.department.ids);
  const rows = await db
    .select({
      ...inquiryColumns,
      lead: sql<boolean>`coalesce(${isLead}, false)`,
      total: cappedTotalColumn(query.where),
    })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(query.where)
    .orderBy(...query.orderBy)
    .limit(SECTION_LIMIT);
  return {
    assigned: listing(rows, ({ lead, ...row }) => ({
      ...toInquiry(row, w.today),
      ourRole: lead ? ("lead" as const) : ("contributor" as const),
    })),
  };
}

function consultationQuery(
  db: Db,
  scope: SQL,
  bodyId: string,
  officeIds: string[],
  total: SQL<number> = sql<number>`0`,
) {
  return db
    .select({
      ...inquiryColumns,
      consultationId: consultations.id,
      consultationStatus: consultations.status,
      requestedOn: consultations.requestedOn,
      total,
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
    );
}

async function dpoSection(db: Db, scope: SQL, bodyId: string, officeIds: string[], today: string) {
  const total = cappedTotalOfColumn(consultationQuery(db, scope, bodyId, officeIds).limit(COUNT_CAP));
  const rows = await consultationQuery(db, scope, bodyId, officeIds, total).limit(SECTION_LIMIT);
  return {
    consultations: listing(rows, ({ consultationId, consultationStatus, requestedOn, ...row }) => ({
      id: consultationId,
      status: consultationStatus,
      requestedOn,
      inquiry: toInquiry(row, today),
    })),
  };
}
