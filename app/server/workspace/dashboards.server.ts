/**
 * The sections of the workspace dashboard (/arbeitsbereich) for one user: per body, what their roles there
 * call for — faction drafts and progress, the council office's intake, overdue and due-this-week lists and
 * pending extension requests, the departments' assigned inquiries, the DPO's consultations.
 * Every query is bounded, filtered by body and by the user's scope, and runs once per section and body
 * (no per-row queries); each shows the top of its list beside a count that stops at COUNT_CAP, and links to the
 * section's full, paged list (section-lists.server.ts) where it cuts. The council office's sections are in
 * office-dashboard.server.ts, what the sections share in dashboard-rows.server.ts.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { answers, consultations, inquiries, inquiryTypes } from "../../../db/schema";
import {
  deadlineBadge,
  dashboardWindow,
  sectionsForRoles,
  type DashboardSection,
  type DashboardWindow,
  type DeadlineBadge,
} from "../../domain/dashboard";
import { isoDateInTimeZone } from "../../domain/format";
import type { Role } from "../../domain/policy";
import type { CurrentUser } from "../accounts/auth.server";
import { getDb, type Db } from "../core/db.server";
import { reusableShapes } from "../core/prepared.server";
import {
  ANSWERED_LIMIT,
  bodyIdPlaceholder,
  inSection,
  listing,
  SECTION_LIMIT,
  tagged,
  type Listing,
} from "./dashboard-rows.server";
import { officeSections, type OfficeDashboard } from "./office-dashboard.server";
import {
  bodyScopes,
  cappedTotalColumn,
  cappedTotalOfColumn,
  COUNT_CAP,
  inquiryColumns,
  sectionQuery,
  toInquiry,
  windowPlaceholders,
  windowValues,
  type BodyScopes,
  type DashboardInquiry,
} from "./section-lists.server";
import { loadWorkspace, type WorkspaceBody } from "./workspace.server";
import { listNoun, typeKind } from "../../domain/texts/type-words";

export type { DashboardInquiry } from "./section-lists.server";
export type { Listing } from "./dashboard-rows.server";
export { ANSWERED_LIMIT, OVERDUE_LIMIT, SECTION_LIMIT } from "./dashboard-rows.server";
export type { ExtensionRequestRow, OfficeDashboard, OverdueGroup } from "./office-dashboard.server";

export interface DraftRow extends DashboardInquiry {
  createdByMe: boolean;
  coauthoredByMe: boolean;
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
  office?: OfficeDashboard;
  department?: { assigned: Listing<AssignedRow> };
  dpo?: { consultations: Listing<ConsultationRow> };
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

const FACTION_SECTIONS = [
  ["faction_drafts", SECTION_LIMIT],
  ["faction_in_progress", SECTION_LIMIT],
  ["faction_due_soon", SECTION_LIMIT],
  ["faction_answered", ANSWERED_LIMIT],
] as const;

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
