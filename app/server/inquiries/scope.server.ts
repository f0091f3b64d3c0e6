/**
 * The SQL side of app/domain/policy.ts: which non-public inquiries a scope covers, and the facts the policy
 * needs about one inquiry (responsible departments, consulted offices). Keep both in step with
 * `inquiryScopeFor` / `maySeeInquiry`.
 */
import { and, eq, exists, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { answerContributors, answers, consultations, inquiries, inquiryContributors } from "../../../db/schema";
import { scopeReach, type InquiryScope, type InquiryVisibilityFacts } from "../../domain/policy";
import type { Db, Tx } from "../core/db.server";

/** Condition on `inquiries` for the inquiries of one body that a scope lets the user see; null = none. */
export function scopeCondition(scope: InquiryScope): SQL | null {
  if (scope.kind === "none") return null;
  const inBody = eq(inquiries.bodyId, scope.bodyId);
  const submitted = ne(inquiries.status, "draft");
  if (scope.kind === "body") {
    // Everything submitted, and the drafts of the user's own factions.
    return scope.factionIds.length
      ? and(inBody, or(submitted, inArray(inquiries.originatorOrganizationId, scope.factionIds)))!
      : and(inBody, submitted)!;
  }
  // The same reach as maySeeAdministrationWork / maySeeInquiry (policy.ts scopeReach), written as SQL.
  const reach = scopeReach(scope);
  const alternatives: SQL[] = [];
  if (reach.originatorIds.length) alternatives.push(inArray(inquiries.originatorOrganizationId, reach.originatorIds));
  if (reach.responsibleIds.length) {
    const orgs = reach.responsibleIds;
    alternatives.push(
      and(
        submitted,
        or(
          inArray(inquiries.leadOrganizationId, orgs),
          // Contributing offices chosen by the council office on assignment (Beteiligung).
          exists(
            sql`(select 1 from ${inquiryContributors} where ${inquiryContributors.inquiryId} = ${inquiries.id}
              and ${inArray(inquiryContributors.organizationId, orgs)})`,
          ),
          exists(
            sql`(select 1 from ${answers} where ${answers.inquiryId} = ${inquiries.id} and (${inArray(answers.leadOrganizationId, orgs)}
              or exists (select 1 from ${answerContributors} where ${answerContributors.answerId} = ${answers.id}
                and ${inArray(answerContributors.organizationId, orgs)})))`,
          ),
        ),
      )!,
    );
  }
  if (reach.consultedIds.length) {
    alternatives.push(
      and(
        submitted,
        exists(
          sql`(select 1 from ${consultations} join ${answers} on ${answers.id} = ${consultations.answerId}
            where ${answers.inquiryId} = ${inquiries.id} and ${inArray(consultations.addresseeOrganizationId, reach.consultedIds)})`,
        ),
      )!,
    );
  }
  return and(inBody, or(...alternatives))!;
}

/**
 * Lead/contributing departments and consulted offices of one inquiry, for `maySeeInquiry`; `contributorIds`
 * are the contributing departments named on the inquiry itself (inquiry_contributors).
 */
export async function responsibilityFacts(
  db: Db | Tx,
  inquiryId: string,
  leadOrganizationId: string | null,
): Promise<{ responsibleOrganizationIds: string[]; consultedOrganizationIds: string[]; contributorIds: string[] }> {
  const answerRows = await db
    .select({ id: answers.id, lead: answers.leadOrganizationId })
    .from(answers)
    .where(eq(answers.inquiryId, inquiryId));
  const answerIds = answerRows.map((a) => a.id);
  const inquiryLevel = await db
    .select({ id: inquiryContributors.organizationId })
    .from(inquiryContributors)
    .where(eq(inquiryContributors.inquiryId, inquiryId));
  const [contributors, consulted] = answerIds.length
    ? await Promise.all([
        db
          .select({ id: answerContributors.organizationId })
          .from(answerContributors)
          .where(inArray(answerContributors.answerId, answerIds)),
        db
          .select({ id: consultations.addresseeOrganizationId })
          .from(consultations)
          .where(inArray(consultations.answerId, answerIds)),
      ])
    : [[], []];
  const responsible = [
    leadOrganizationId,
    ...inquiryLevel.map((c) => c.id),
    ...answerRows.map((a) => a.lead),
    ...contributors.map((c) => c.id),
  ];
  return {
    responsibleOrganizationIds: [...new Set(responsible.filter((id): id is string => id !== null))],
    consultedOrganizationIds: [...new Set(consulted.map((c) => c.id))],
    contributorIds: inquiryLevel.map((c) => c.id),
  };
}

/** The facts `maySeeInquiry` and `maySeeAdministrationWork` decide on, for one inquiry row. */
export async function visibilityFacts(
  db: Db | Tx,
  inquiry: {
    id: string;
    bodyId: string;
    visibility: "public" | "internal";
    status: string;
    originatorOrganizationId: string | null;
    leadOrganizationId: string | null;
  },
): Promise<InquiryVisibilityFacts & Awaited<ReturnType<typeof responsibilityFacts>>> {
  return {
    bodyId: inquiry.bodyId,
    visibility: inquiry.visibility,
    status: inquiry.status,
    originatorOrganizationId: inquiry.originatorOrganizationId,
    ...(await responsibilityFacts(db, inquiry.id, inquiry.leadOrganizationId)),
  };
}
