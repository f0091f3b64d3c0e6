/** The signed-in user's start page: their roles and the non-public inquiries they may see. */
import { desc, eq } from "drizzle-orm";
import { inquiries, inquiryTypes, type inquiryStatus } from "../../db/schema";
import { inquiryScopeFor } from "../domain/policy";
import type { CurrentUser } from "./auth.server";
import { getDb } from "./db.server";
import { scopeCondition } from "./inquiry-scope.server";

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
}

export async function loadWorkspace(user: CurrentUser): Promise<WorkspaceBody[]> {
  const db = await getDb();
  const byBody = new Map<string, WorkspaceBody>();
  for (const m of user.memberships) {
    const entry = byBody.get(m.bodyId) ?? { bodyId: m.bodyId, bodySlug: m.bodySlug, bodyName: m.bodyName, roles: [], inquiries: [] };
    entry.roles.push({ role: m.role, organizationName: m.organizationName });
    byBody.set(m.bodyId, entry);
  }
  for (const entry of byBody.values()) {
    const filter = scopeCondition(inquiryScopeFor(user.memberships, entry.bodyId));
    if (!filter) continue;
    entry.inquiries = await db
      .select({
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
      .orderBy(desc(inquiries.updatedAt))
      .limit(200);
  }
  return [...byBody.values()];
}
