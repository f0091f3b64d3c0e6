/** What a faction member may start a draft for: their factions, each with its body's inquiry types. */
import { asc, eq, inArray } from "drizzle-orm";
import { bodies, inquiryTypes, organizations } from "../../../db/schema";
import { draftingFactions } from "../../domain/draft";
import type { MembershipFact } from "../../domain/policy";
import { getDb } from "../core/db.server";
import { NotFound } from "../core/transitions.server";

export interface DraftingOption {
  bodyId: string;
  bodyName: string;
  factionId: string;
  factionName: string;
  types: Array<{ id: string; name: string; ruleLabel: string }>;
}

/** The factions the user may draft for, each with its body's inquiry types; NotFound when there is none. */
export async function loadDraftingOptions(user: { memberships: readonly MembershipFact[] }): Promise<DraftingOption[]> {
  const factions = draftingFactions(user.memberships);
  if (factions.length === 0) throw new NotFound();
  const db = await getDb();
  const bodyIds = [...new Set(factions.map((f) => f.bodyId))];
  const types = await db
    .select({
      id: inquiryTypes.id,
      bodyId: inquiryTypes.bodyId,
      name: inquiryTypes.name,
      ruleLabel: inquiryTypes.deadlineRuleLabel,
    })
    .from(inquiryTypes)
    .where(inArray(inquiryTypes.bodyId, bodyIds))
    .orderBy(asc(inquiryTypes.name));
  const orgs = await db
    .select({ id: organizations.id, name: organizations.name, bodyName: bodies.name })
    .from(organizations)
    .innerJoin(bodies, eq(bodies.id, organizations.bodyId))
    .where(
      inArray(
        organizations.id,
        factions.map((f) => f.organizationId),
      ),
    );
  return factions.flatMap((f) => {
    const org = orgs.find((o) => o.id === f.organizationId);
    if (!org) return [];
    const own = types
      .filter((ty) => ty.bodyId === f.bodyId)
      .map(({ id, name, ruleLabel }) => ({ id, name, ruleLabel }));
    return [
      { bodyId: f.bodyId, bodyName: org.bodyName, factionId: f.organizationId, factionName: org.name, types: own },
    ];
  });
}
