/**
 * The inquiry lists behind the workspace dashboard's sections, defined once (filter and sort per section) and
 * used twice: for the top of each section on /arbeitsbereich (dashboards.server.ts) and for the full list, one
 * page at a time (/arbeitsbereich/{body}/liste/{abschnitt}?seite=N). Each filter and sort has an index
 * (db/schema/inquiries.ts; docs/performance/queries.md), and no query counts more than COUNT_CAP rows, so
 * that a dashboard costs the same for a council with 100 inquiries and a parliament with 100,000.
 */
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  lt,
  lte,
  sql,
  type AnyColumn,
  type Placeholder,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import { bodies, inquiries, inquiryTypes } from "../../../db/schema";
import {
  deadlineBadge,
  dashboardWindow,
  OPEN_STATUSES,
  type DashboardWindow,
  type DeadlineBadge,
  type ListSection,
} from "../../domain/dashboard";
import { isoDateInTimeZone } from "../../domain/format";
import { inquiryScopeFor, type Role } from "../../domain/policy";
import type { CurrentUser } from "../accounts/auth.server";
import { getDb, type Db } from "../core/db.server";
import { listShape, oneOfPlaceholder, oneOfValue, scopeCondition, scopeShape } from "../inquiries/scope.server";

/** Counts stop here: the page then says "more than COUNT_CAP" instead of counting the whole archive. */
export const COUNT_CAP = 1000;
export const SECTION_PAGE_SIZE = 20;

export interface DashboardInquiry {
  id: string;
  title: string;
  typeName: string;
  lifecycle: "inquiry" | "motion";
  reference: string | null;
  status: (typeof inquiries.status.enumValues)[number];
  motionDecision: "adopted" | "rejected" | "referred" | null;
  /** The public reference while the inquiry is public (its public page), otherwise null. */
  publicRef: string | null;
  receivedOn: string | null;
  deadline: DeadlineBadge | null;
}

export const inquiryColumns = {
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

type InquiryColumns = Omit<DashboardInquiry, "deadline"> & {
  dueOn: string | null;
  visibility: "public" | "internal";
};

/** A row as the page gets it: the deadline as it stands today, the public reference only where there is a page. */
export function toInquiry(row: InquiryColumns, today: string): DashboardInquiry {
  const { dueOn, visibility, publicRef, ...rest } = row;
  return {
    ...rest,
    publicRef: visibility === "public" ? publicRef : null,
    deadline: deadlineBadge(dueOn, row.status, today),
  };
}

/** What one group of the user's roles in a body may see, and the organisations behind it. */
export interface RoleScope {
  ids: string[];
  condition: SQL | null;
  /** `column` is one of `ids` (a list of values, or the placeholder `${role}_ids` in a statement built once). */
  oneOf(column: AnyColumn): SQL;
  /** The shape of `condition` (scopeShape): with placeholders, statements that use it are built once per key. */
  key: string;
}

export interface BodyScopes {
  /** Everything the user may see in the body ("Alle Vorgänge"). */
  all: SQL | null;
  allKey: string;
  faction: RoleScope;
  office: RoleScope;
  department: RoleScope;
  dpo: RoleScope;
  /** With placeholders: the values of every placeholder above (the body's id as `bodyId`); otherwise empty. */
  values: Record<string, unknown>;
}

/**
 * Each role's sections are bounded by what that role alone may see (policy.ts / inquiries/scope.server.ts):
 * the drafts of a faction member who also works in the council office stay a faction matter, and the council
 * office's lists do not widen a department's. With `placeholders`, every value (the body, the organisations) is a
 * placeholder named in `values`, for statements built once per shape (reusableShapes).
 */
export function bodyScopes(user: CurrentUser, bodyId: string, placeholders = false): BodyScopes {
  const inBody = user.memberships.filter((m) => m.bodyId === bodyId);
  const values: Record<string, unknown> = placeholders ? { bodyId } : {};
  const scopeOf = (prefix: string, wanted: Role[]): RoleScope => {
    const facts = inBody.filter((m) => wanted.includes(m.role));
    const ids = [...new Set(facts.map((m) => m.organizationId))];
    const scope = inquiryScopeFor(facts, bodyId);
    if (!placeholders) {
      return {
        ids,
        condition: scopeCondition(scope),
        oneOf: (column) => inArray(column, ids),
        key: "",
      };
    }
    const shape = scopeShape(scope, `${prefix}_`);
    Object.assign(values, shape.values, { [`${prefix}_ids`]: oneOfValue(ids) });
    return {
      ids,
      condition: shape.condition,
      oneOf: (column) => oneOfPlaceholder(column, `${prefix}_ids`, ids),
      // `ids` are the organisations behind the scope's lists, but the count of them is a shape of its own.
      key: `${shape.key}${listShape(ids, "I")}`,
    };
  };
  const all = inquiryScopeFor(user.memberships, bodyId);
  const allShape = placeholders ? scopeShape(all, "all_") : null;
  if (allShape) Object.assign(values, allShape.values);
  return {
    all: allShape ? allShape.condition : scopeCondition(all),
    allKey: allShape?.key ?? "",
    faction: scopeOf("faction", ["faction_member"]),
    office: scopeOf("office", ["council_office"]),
    department: scopeOf("department", ["clerk", "department_head", "co_signer"]),
    dpo: scopeOf("dpo", ["dpo"]),
    values,
  };
}

const openStatuses = [...OPEN_STATUSES];

/** The days a section's filter compares with: the dates themselves, or placeholders of the same names. */
export type SectionWindow = Record<"today" | "dueSoonUntil" | "weekEnd", string | Placeholder<string>>;

/** The placeholders of a SectionWindow, and their values in `dashboardWindow`. */
export const windowPlaceholders: SectionWindow = {
  today: sql.placeholder("today"),
  dueSoonUntil: sql.placeholder("dueSoonUntil"),
  weekEnd: sql.placeholder("weekEnd"),
};
export const windowValues = (w: DashboardWindow) => ({
  today: w.today,
  dueSoonUntil: w.dueSoonUntil,
  weekEnd: w.weekEnd,
});

/** Filter and sort of one section for this user and body; null when none of the user's roles has it. */
export function sectionQuery(
  section: ListSection,
  scopes: BodyScopes,
  bodyId: string | Placeholder<string>,
  w: SectionWindow,
): { where: SQL; orderBy: SQL[] } | null {
  const { faction, office, department } = scopes;
  const ours = faction.condition ? and(faction.condition, faction.oneOf(inquiries.originatorOrganizationId))! : null;
  const officeOpen = office.condition ? and(office.condition, inArray(inquiries.status, openStatuses))! : null;
  const byDueDate = [asc(inquiries.dueOn), asc(inquiries.id)];
  const byLatestChange = [desc(inquiries.updatedAt), asc(inquiries.id)];
  const byNextDeadline = [sql`${inquiries.dueOn} asc nulls last`, asc(inquiries.receivedOn), asc(inquiries.id)];
  const make = (where: SQL | null | undefined, orderBy: SQL[]) => (where ? { where, orderBy } : null);
  switch (section) {
    case "all":
      return make(scopes.all, [desc(inquiries.updatedAt), desc(inquiries.id)]);
    case "faction_drafts":
      return make(ours && and(ours, eq(inquiries.status, "draft")), byLatestChange);
    case "faction_in_progress":
      return make(ours && and(ours, inArray(inquiries.status, [...openStatuses, "on_agenda"])), byNextDeadline);
    case "faction_due_soon":
      return make(
        ours &&
          and(
            ours,
            inArray(inquiries.status, openStatuses),
            gte(inquiries.dueOn, w.today),
            lte(inquiries.dueOn, w.dueSoonUntil),
          ),
        byDueDate,
      );
    case "faction_answered":
      // Done for the faction: an inquiry answered, a motion decided.
      return make(ours && and(ours, inArray(inquiries.status, ["answered", "decided"])), byLatestChange);
    case "office_intake":
      return make(office.condition && and(office.condition, eq(inquiries.status, "submitted")), [
        sql`${inquiries.receivedOn} asc nulls last`,
        asc(inquiries.createdAt),
        asc(inquiries.id),
      ]);
    case "office_overdue":
      return make(officeOpen && and(officeOpen, lt(inquiries.dueOn, w.today)), byDueDate);
    case "office_due_this_week":
      // From today to Sunday: what fell due earlier this week is already in the overdue list.
      return make(
        officeOpen && and(officeOpen, gte(inquiries.dueOn, w.today), lte(inquiries.dueOn, w.weekEnd)),
        byDueDate,
      );
    case "department_assigned":
      return make(
        department.condition &&
          and(eq(inquiries.bodyId, bodyId), inArray(inquiries.status, openStatuses), department.condition),
        byNextDeadline,
      );
  }
}

/** How many rows a query returns, counted up to COUNT_CAP (then `capped`); the query carries the LIMIT. */
export async function cappedCountOf(db: Db, limited: SQLWrapper): Promise<{ total: number; capped: boolean }> {
  const [row] = await db.select({ n: count() }).from(sql`(${limited}) as limited`);
  const total = Number(row?.n ?? 0);
  return { total, capped: total >= COUNT_CAP };
}

/**
 * The capped count of a filter as a column of the statement that reads the top rows of the same filter, so that
 * a section costs one round trip instead of two. The subquery is uncorrelated (its `inquiries` is its own), so
 * PostgreSQL evaluates it once (an InitPlan), not per row. Read it with totalOf().
 */
export function cappedTotalColumn(where: SQL) {
  return cappedTotalOfColumn(sql`select 1 from ${inquiries} where ${where} limit ${COUNT_CAP}`);
}

/** cappedTotalColumn for any query that carries its own LIMIT COUNT_CAP. */
export function cappedTotalOfColumn(limited: SQLWrapper) {
  return sql<number>`(select count(*) from (${limited}) as limited)`.mapWith(Number);
}

/** The capped count carried by the rows of a statement with cappedTotalColumn (no rows: none match). */
export function totalOf(rows: ReadonlyArray<{ total: number }>): { total: number; capped: boolean } {
  const total = rows[0]?.total ?? 0;
  return { total, capped: total >= COUNT_CAP };
}

/** How many inquiries match, counted up to COUNT_CAP (then `capped`). */
export function cappedCount(db: Db, where: SQL): Promise<{ total: number; capped: boolean }> {
  return cappedCountOf(
    db,
    db
      .select({ one: sql`1` })
      .from(inquiries)
      .where(where)
      .limit(COUNT_CAP),
  );
}

export interface SectionPage {
  bodySlug: string;
  bodyName: string;
  section: ListSection;
  items: DashboardInquiry[];
  page: number;
  pageSize: number;
  hasNext: boolean;
  total: number;
  capped: boolean;
}

/**
 * One page of a section's full list for the user, or null (404) when the user has no role in that body that
 * has the section, or the page is past the end (page 1 always exists).
 */
export async function loadSectionPage(
  user: CurrentUser,
  params: { bodySlug: string; section: ListSection; page: number },
  now: Date = new Date(),
): Promise<SectionPage | null> {
  if (!Number.isInteger(params.page) || params.page < 1) return null;
  const membership = user.memberships.find((m) => m.bodySlug === params.bodySlug);
  if (!membership) return null;
  const db = await getDb();
  const [body] = await db
    .select({ timeZone: bodies.timeZone })
    .from(bodies)
    .where(eq(bodies.id, membership.bodyId))
    .limit(1);
  const today = isoDateInTimeZone(now, body?.timeZone ?? "Europe/Berlin");
  const query = sectionQuery(
    params.section,
    bodyScopes(user, membership.bodyId),
    membership.bodyId,
    dashboardWindow(today),
  );
  if (!query) return null;
  const rows = await db
    .select({ ...inquiryColumns, total: cappedTotalColumn(query.where) })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(query.where)
    .orderBy(...query.orderBy)
    .limit(SECTION_PAGE_SIZE + 1)
    .offset((params.page - 1) * SECTION_PAGE_SIZE);
  if (params.page > 1 && rows.length === 0) return null;
  const count = totalOf(rows);
  return {
    bodySlug: membership.bodySlug,
    bodyName: membership.bodyName,
    section: params.section,
    items: rows.slice(0, SECTION_PAGE_SIZE).map(({ total: _total, ...row }) => toInquiry(row, today)),
    page: params.page,
    pageSize: SECTION_PAGE_SIZE,
    hasNext: rows.length > SECTION_PAGE_SIZE,
    ...count,
  };
}
