/**
 * The sections of the workspace dashboard (/arbeitsbereich) for one user: per body, what their roles there
 * call for — faction drafts and progress, the council office's intake, overdue and due-this-week lists and
 * pending extension requests, the departments' assigned inquiries, the DPO's consultations.
 * Every query is bounded, filtered by body and by the user's scope, and runs once per section and body
 * (no per-row queries); each shows the top of its list beside a count that stops at COUNT_CAP, and links to the
 * section's full, paged list (section-lists.server.ts) where it cuts.
 */
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
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
import { getDb, reusableShapes, type Db } from "../core/db.server";
import {
  bodyScopes,
  cappedTotalColumn,
  cappedTotalOfColumn,
  COUNT_CAP,
  inquiryColumns,
  sectionQuery,
  toInquiry,
  totalOf,
  windowPlaceholders,
  windowValues,
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
  // Every value as a placeholder: each section's statement is built once per shape of the role's scope and
  // prepared (reusableShapes); `values` fills it.
  const scopes = bodyScopes(user, body.bodyId, true);
  const values = { ...scopes.values, ...windowValues(w), userId: user.id };
  const { faction, office, department, dpo } = scopes;
  const [factionData, officeData, departmentData, dpoData] = await Promise.all([
    faction.condition ? factionSections(db, scopes, values, w) : undefined,
    office.condition ? officeSections(db, scopes, values, w) : undefined,
    department.condition ? departmentSection(db, scopes, values, w) : undefined,
    dpo.condition ? dpoSection(db, scopes, values, today) : undefined,
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

const bodyIdPlaceholder = sql.placeholder("bodyId");

/** The faction's four sections as one statement (tagged): each section's top rows with its capped count. */
function factionUnion(db: Db, scopes: BodyScopes) {
  const coauthored = sql<boolean>`exists (select 1 from inquiry_coauthors c where c.inquiry_id = ${inquiries.id} and c.user_id = ${sql.placeholder("userId")})`;
  const branches = FACTION_SECTIONS.map(([section, limit]) => {
    const query = sectionQuery(section, scopes, bodyIdPlaceholder, windowPlaceholders)!;
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
  return unionAll(first!, second!, ...rest);
}

const factionStatement = reusableShapes<Awaited<ReturnType<typeof factionUnion>>>("dashboard_faction");
const officeStatement = reusableShapes<Awaited<ReturnType<typeof officeUnion>>>("dashboard_office");
const requestsStatement = reusableShapes<Awaited<ReturnType<typeof requestQuery>>>("dashboard_extension_requests");
const departmentStatement = reusableShapes<Awaited<ReturnType<typeof departmentQuery>>>("dashboard_department");
const dpoStatement = reusableShapes<Awaited<ReturnType<typeof consultationQuery>>>("dashboard_dpo");

async function factionSections(db: Db, scopes: BodyScopes, values: Record<string, unknown>, w: DashboardWindow) {
  const userId = values.userId as string;
  const rows = await factionStatement(db, scopes.faction.key, () => factionUnion(db, scopes), values);
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

/** Intake, the most overdue with the counts per department, and this week as one statement (tagged). */
function officeUnion(db: Db, scopes: BodyScopes) {
  const overdue = sectionQuery("office_overdue", scopes, bodyIdPlaceholder, windowPlaceholders)!;
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
    const query = sectionQuery(section, scopes, bodyIdPlaceholder, windowPlaceholders)!;
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
  return unionAll(
    branch("office_intake", SECTION_LIMIT),
    branch("office_overdue", OVERDUE_LIMIT),
    branch("office_due_this_week", SECTION_LIMIT),
  );
}

async function officeSections(db: Db, scopes: BodyScopes, values: Record<string, unknown>, w: DashboardWindow) {
  const scope = scopes.office.condition!;
  const key = scopes.office.key;
  const [rows, requests] = await Promise.all([
    officeStatement(db, key, () => officeUnion(db, scopes), values),
    requestsStatement(db, key, () => requestQuery(db, scope), values),
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

/** The pending extension requests (the top SECTION_LIMIT, each row with the capped count of all). */
function requestQuery(db: Db, scope: SQL) {
  const rows = (total: SQL<number>) =>
    db
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
      .where(and(scope, eq(inquiries.bodyId, bodyIdPlaceholder), eq(extensionRequests.status, "pending")))
      .orderBy(asc(extensionRequests.createdAt), asc(extensionRequests.id));
  return rows(cappedTotalOfColumn(rows(sql<number>`0`).limit(COUNT_CAP))).limit(SECTION_LIMIT);
}

/**
 * Open inquiries a department works on: what its scope covers (lead department, contributing department named
 * by the council office, or lead/contributor on the answer — see scopeCondition).
 */
function departmentQuery(db: Db, scopes: BodyScopes) {
  const query = sectionQuery("department_assigned", scopes, bodyIdPlaceholder, windowPlaceholders)!;
  const isLead = scopes.department.oneOf(inquiries.leadOrganizationId);
  return db
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
}

async function departmentSection(db: Db, scopes: BodyScopes, values: Record<string, unknown>, w: DashboardWindow) {
  const rows = await departmentStatement(db, scopes.department.key, () => departmentQuery(db, scopes), values);
  return {
    assigned: listing(rows, ({ lead, ...row }) => ({
      ...toInquiry(row, w.today),
      ourRole: lead ? ("lead" as const) : ("contributor" as const),
    })),
  };
}

/** The DPO office's consultations (the top SECTION_LIMIT, each row with the capped count of all). */
function consultationQuery(db: Db, scopes: BodyScopes) {
  const scope = scopes.dpo.condition!;
  const rows = (total: SQL<number>) =>
    db
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
          eq(consultations.bodyId, bodyIdPlaceholder),
          eq(inquiries.bodyId, bodyIdPlaceholder),
          scopes.dpo.oneOf(consultations.addresseeOrganizationId),
        ),
      )
      .orderBy(
        sql`case when ${consultations.status} = 'requested' then 0 else 1 end`,
        sql`${consultations.requestedOn} asc nulls last`,
        asc(consultations.id),
      );
  return rows(cappedTotalOfColumn(rows(sql<number>`0`).limit(COUNT_CAP))).limit(SECTION_LIMIT);
}

async function dpoSection(db: Db, scopes: BodyScopes, values: Record<string, unknown>, today: string) {
  const rows = await dpoStatement(db, scopes.dpo.key, () => consultationQuery(db, scopes), values);
  return {
    consultations: listing(rows, ({ consultationId, consultationStatus, requestedOn, ...row }) => ({
      id: consultationId,
      status: consultationStatus,
      requestedOn,
      inquiry: toInquiry(row, today),
    })),
  };
}
