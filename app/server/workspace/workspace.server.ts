/**
 * The signed-in user's start page: their roles and the non-public inquiries they may see ("Alle Vorgänge",
 * the latest ALL_INQUIRIES_LIMIT with a count capped at COUNT_CAP). The role-specific sections are in dashboards.server.ts.
 */
import { desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { inquiries, inquiryTypes, type inquiryStatus } from "../../../db/schema";
import { inquiryScopeFor } from "../../domain/policy";
import type { CurrentUser } from "../accounts/auth.server";
import type { TypeFacts } from "../../domain/texts/type-words";
import { getDb, type Db } from "../core/db.server";
import { reusableShapes } from "../core/prepared.server";
import { scopeShape } from "../inquiries/scope.server";
import { cappedTotalColumn, totalOf } from "./section-lists.server";

export interface WorkspaceBody {
  bodyId: string;
  bodySlug: string;
  bodyName: string;
  roles: Array<{ role: string; organizationName: string }>;
  inquiries: Array<{
    id: string;
    title: string;
    typeName: string;
    reference: string | null;
    status: (typeof inquiryStatus.enumValues)[number];
    visibility: string;
    dueOn: string | null;
  }>;
  /** How many inquiries the user may see in all, counted up to COUNT_CAP (then `inquiriesCapped`). */
  inquiriesTotal: number;
  inquiriesCapped: boolean;
  /** The body's inquiry types (for the dashboard's wording: "Anfragen", "Anträge" …). */
  inquiryTypes: TypeFacts[];
}

/** The top of "Alle Vorgänge"; the rest is on the full list (section "all"). */
export const ALL_INQUIRIES_LIMIT = 10;

/** The newest rows of "Alle Vorgänge" with their capped count and the body's inquiry types (placeholder `bodyId`). */
function allInquiriesQuery(db: Db, filter: SQL) {
  return db
    .select({
      id: inquiries.id,
      title: inquiries.title,
      typeName: inquiryTypes.name,
      reference: inquiries.reference,
      status: inquiries.status,
      visibility: inquiries.visibility,
      dueOn: inquiries.dueOn,
      total: cappedTotalColumn(filter),
      types: sql<
        TypeFacts[]
      >`(select json_agg(json_build_object('lifecycle', t.lifecycle, 'code', t.code, 'name', t.name)) from inquiry_types t where t.body_id = ${sql.placeholder("bodyId")})`,
    })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(filter)
    .orderBy(desc(inquiries.updatedAt), desc(inquiries.id))
    .limit(ALL_INQUIRIES_LIMIT);
}

const allInquiriesStatement = reusableShapes<Awaited<ReturnType<typeof allInquiriesQuery>>>("dashboard_all");

export async function loadWorkspace(user: CurrentUser): Promise<WorkspaceBody[]> {
  const db = await getDb();
  const byBody = new Map<string, WorkspaceBody>();
  for (const m of user.memberships) {
    const entry = byBody.get(m.bodyId) ?? {
      bodyId: m.bodyId,
      bodySlug: m.bodySlug,
      bodyName: m.bodyName,
      roles: [],
      inquiries: [],
      inquiriesTotal: 0,
      inquiriesCapped: false,
      inquiryTypes: [],
    };
    entry.roles.push({ role: m.role, organizationName: m.organizationName });
    byBody.set(m.bodyId, entry);
  }
  const withoutRows: WorkspaceBody[] = [];
  for (const entry of byBody.values()) {
    const scope = scopeShape(inquiryScopeFor(user.memberships, entry.bodyId), "");
    const filter = scope.condition;
    if (!filter) {
      withoutRows.push(entry);
      continue;
    }
    // The newest rows walk inquiries_body_updated_idx; the count stops at COUNT_CAP (no window over the scope)
    // and comes with the rows, in the same statement, and so do the body's inquiry types (a few rows; one round
    // trip less per body). Built once per shape of the scope, the values as placeholders (reusableShapes).
    const rows = await allInquiriesStatement(db, scope.key, () => allInquiriesQuery(db, filter), scope.values);
    const count = totalOf(rows);
    entry.inquiries = rows.map(({ total: _total, types: _types, ...row }) => row);
    entry.inquiriesTotal = count.total;
    entry.inquiriesCapped = count.capped;
    if (rows[0]) entry.inquiryTypes = rows[0].types ?? [];
    else withoutRows.push(entry);
  }
  // A body where the user sees no inquiry yet: its types on their own, in one statement for all such bodies.
  if (withoutRows.length > 0) {
    const types = await db
      .select({
        bodyId: inquiryTypes.bodyId,
        lifecycle: inquiryTypes.lifecycle,
        code: inquiryTypes.code,
        name: inquiryTypes.name,
      })
      .from(inquiryTypes)
      .where(
        inArray(
          inquiryTypes.bodyId,
          withoutRows.map((b) => b.bodyId),
        ),
      );
    for (const entry of withoutRows) {
      entry.inquiryTypes = types.filter((t) => t.bodyId === entry.bodyId).map(({ bodyId: _b, ...t }) => t);
    }
  }
  return [...byBody.values()];
}
