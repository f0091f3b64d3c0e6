/**
 * The signed-in user's start page: their roles and the non-public inquiries they may see ("Alle Vorgänge",
 * the latest ALL_INQUIRIES_LIMIT with the full count). The role-specific sections are in dashboards.server.ts.
 */
import { desc, eq, sql } from "drizzle-orm";
import { inquiries, inquiryTypes, type inquiryStatus } from "../../../db/schema";
import { inquiryScopeFor } from "../../domain/policy";
import type { CurrentUser } from "../accounts/auth.server";
import { getDb } from "../core/db.server";
import { scopeCondition } from "../inquiries/scope.server";

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
    publicRef: string | null;
  }>;
  /** How many inquiries the user may see in all (the list holds the first ALL_INQUIRIES_LIMIT). */
  inquiriesTotal: number;
}

export const ALL_INQUIRIES_LIMIT = 50;

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
    };
    entry.roles.push({ role: m.role, organizationName: m.organizationName });
    byBody.set(m.bodyId, entry);
  }
  for (const entry of byBody.values()) {
    const filter = scopeCondition(inquiryScopeFor(user.memberships, entry.bodyId));
    if (!filter) continue;
    const rows = await db
      .select({
        total: sql<number>`count(*) over ()`.mapWith(Number),
        id: inquiries.id,
        title: inquiries.title,
        typeName: inquiryTypes.name,
        reference: inquiries.reference,
        status: inquiries.status,
        visibility: inquiries.visibility,
        dueOn: inquiries.dueOn,
        publicRef: inquiries.publicRef,
      })
      .from(inquiries)
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .where(filter)
      .orderBy(desc(inquiries.updatedAt), desc(inquiries.id))
      .limit(ALL_INQUIRIES_LIMIT);
    entry.inquiries = rows.map(({ total: _total, ...row }) => row);
    entry.inquiriesTotal = rows[0]?.total ?? 0;
  }
  return [...byBody.values()];
}
