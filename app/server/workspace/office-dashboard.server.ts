/**
 * The council office's dashboard sections: intake, the most overdue grouped by lead department (with every
 * department's count), due this week — one statement — and the pending extension requests.
 */
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { extensionRequests, inquiries, inquiryTypes, organizations } from "../../../db/schema";
import { groupByLeadDepartment, type DashboardWindow } from "../../domain/dashboard";
import type { Db } from "../core/db.server";
import { reusableShapes } from "../core/prepared.server";
import {
  bodyIdPlaceholder,
  inSection,
  listing,
  OVERDUE_LIMIT,
  SECTION_LIMIT,
  tagged,
  type Listing,
} from "./dashboard-rows.server";
import {
  cappedTotalColumn,
  cappedTotalOfColumn,
  COUNT_CAP,
  inquiryColumns,
  sectionQuery,
  toInquiry,
  windowPlaceholders,
  type BodyScopes,
  type DashboardInquiry,
} from "./section-lists.server";

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

type OfficeListSection = "office_intake" | "office_overdue" | "office_due_this_week";
const officeStatement = reusableShapes<Awaited<ReturnType<typeof officeUnion>>>("dashboard_office");
const requestsStatement = reusableShapes<Awaited<ReturnType<typeof requestQuery>>>("dashboard_extension_requests");

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

export async function officeSections(db: Db, scopes: BodyScopes, values: Record<string, unknown>, w: DashboardWindow) {
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

export interface OfficeDashboard {
  intake: Listing<DashboardInquiry>;
  overdue: { groups: OverdueGroup[]; shown: number; total: number };
  dueThisWeek: Listing<DashboardInquiry>;
  extensionRequests: Listing<ExtensionRequestRow>;
}
