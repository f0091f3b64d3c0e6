/**
 * The SQL side of app/domain/policy.ts: which non-public inquiries a scope covers, and the facts the policy
 * needs about one inquiry (responsible departments, consulted offices). Keep both in step with
 * `inquiryScopeFor` / `maySeeInquiry`.
 */
import { and, eq, exists, inArray, ne, or, sql, type AnyColumn, type Placeholder, type SQL } from "drizzle-orm";
import { answerContributors, answers, consultations, inquiries, inquiryContributors } from "../../../db/schema";
import { scopeReach, type InquiryScope, type InquiryVisibilityFacts } from "../../domain/policy";
import type { Db, Tx } from "../core/db.server";

/**
 * How a scope's values get into its SQL: as they are (a statement built for one call) or as placeholders of a
 * statement built once per shape and prepared (scopeShape, reusableShapes in core/db.server.ts).
 */
interface ScopeBinding {
  bodyId: string | Placeholder<string>;
  /** `column` is one of the organisations in the list (`in (…)` for values, `= any($n)` for a placeholder). */
  oneOf(column: AnyColumn, list: "factionIds" | "responsibleIds" | "consultedIds", ids: string[]): SQL;
}

/** Condition on `inquiries` for the inquiries of one body that a scope lets the user see; null = none. */
export function scopeCondition(scope: InquiryScope): SQL | null {
  if (scope.kind === "none") return null;
  return scopeSql(scope, { bodyId: scope.bodyId, oneOf: (column, _list, ids) => inArray(column, ids) });
}

/**
 * `column` is one of `ids`, written with the placeholder `name`: `column = $n` for one id (its value: the id),
 * `column = any($n)` for several (a uuid[]). The two are different shapes (see listShape): PostgreSQL plans
 * `= any($n)` for a list of unknown length, which loses the ordered index walks a single `=` gets (the faction's
 * "Beantwortet" then read all 4,500 of its rows and sorted them instead of reading the newest ten).
 */
export function oneOfPlaceholder(column: AnyColumn, name: string, ids: readonly string[]): SQL {
  return ids.length === 1 ? eq(column, sql.placeholder(name)) : sql`${column} = any(${sql.placeholder(name)})`;
}

/** The value of oneOfPlaceholder's placeholder. */
export function oneOfValue(ids: readonly string[]): string | readonly string[] {
  return ids.length === 1 ? ids[0]! : ids;
}

/** The part of a shape key that a list decides: absent, one id, several. */
export function listShape(ids: readonly string[], letter: string): string {
  return ids.length === 0 ? "" : ids.length === 1 ? letter : `${letter}n`;
}

/** A scope as a statement shape: what it covers with placeholders named `${prefix}…`, and their values. */
export interface ScopeShape {
  /**
   * Names the shape: two scopes with the same key give the same SQL text (only the values differ). It is
   * built from exactly the facts scopeSql branches on: the kind, and per list whether it is empty, has one id or
   * several (oneOfPlaceholder).
   */
  key: string;
  condition: SQL | null;
  values: Record<string, unknown>;
}

/** scopeCondition with placeholders (see ScopeShape). */
export function scopeShape(scope: InquiryScope, prefix: string): ScopeShape {
  if (scope.kind === "none") return { key: "none", condition: null, values: {} };
  const reach = scope.kind === "scoped" ? scopeReach(scope) : null;
  const lists = {
    factionIds: reach ? reach.originatorIds : scope.factionIds,
    responsibleIds: reach ? reach.responsibleIds : [],
    consultedIds: reach ? reach.consultedIds : [],
  };
  const key = `${scope.kind}${listShape(lists.factionIds, "F")}${listShape(lists.responsibleIds, "R")}${listShape(lists.consultedIds, "C")}`;
  const condition = scopeSql(scope, {
    bodyId: sql.placeholder(`${prefix}bodyId`),
    oneOf: (column, list, ids) => oneOfPlaceholder(column, `${prefix}${list}`, ids),
  });
  return {
    key,
    condition,
    values: {
      [`${prefix}bodyId`]: scope.bodyId,
      [`${prefix}factionIds`]: oneOfValue(lists.factionIds),
      [`${prefix}responsibleIds`]: oneOfValue(lists.responsibleIds),
      [`${prefix}consultedIds`]: oneOfValue(lists.consultedIds),
    },
  };
}

function scopeSql(scope: Exclude<InquiryScope, { kind: "none" }>, bind: ScopeBinding): SQL {
  const inBody = eq(inquiries.bodyId, bind.bodyId);
  const submitted = ne(inquiries.status, "draft");
  if (scope.kind === "body") {
    // Everything submitted, and the drafts of the user's own factions.
    return scope.factionIds.length
      ? and(inBody, or(submitted, bind.oneOf(inquiries.originatorOrganizationId, "factionIds", scope.factionIds)))!
      : and(inBody, submitted)!;
  }
  // The same reach as maySeeAdministrationWork / maySeeInquiry (policy.ts scopeReach), written as SQL.
  const reach = scopeReach(scope);
  const alternatives: SQL[] = [];
  if (reach.originatorIds.length)
    alternatives.push(bind.oneOf(inquiries.originatorOrganizationId, "factionIds", reach.originatorIds));
  if (reach.responsibleIds.length) {
    const orgs = reach.responsibleIds;
    const oneOf = (column: AnyColumn) => bind.oneOf(column, "responsibleIds", orgs);
    alternatives.push(
      and(
        submitted,
        or(
          oneOf(inquiries.leadOrganizationId),
          // Contributing offices chosen by the council office on assignment (Beteiligung).
          exists(
            sql`(select 1 from ${inquiryContributors} where ${inquiryContributors.inquiryId} = ${inquiries.id}
              and ${oneOf(inquiryContributors.organizationId)})`,
          ),
          exists(
            sql`(select 1 from ${answers} where ${answers.inquiryId} = ${inquiries.id} and (${oneOf(answers.leadOrganizationId)}
              or exists (select 1 from ${answerContributors} where ${answerContributors.answerId} = ${answers.id}
                and ${oneOf(answerContributors.organizationId)})))`,
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
            where ${answers.inquiryId} = ${inquiries.id} and ${bind.oneOf(consultations.addresseeOrganizationId, "consultedIds", reach.consultedIds)})`,
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
