/**
 * The consultations published with an answer (DPO statements, departments' contributions, a supervisory
 * authority's letter) with their recommendations: only answered ones the lead department chose to quote.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { consultationRecommendations, consultations, organizations, people } from "../../../db/schema/index";
import type { ConsultationKind, ConsultationVerdict, RecommendationKind } from "../../domain/labels";
import type { Db } from "../core/db.server";
import { reusableQuery } from "../core/prepared.server";

export interface PublicConsultation {
  id: string;
  kind: ConsultationKind;
  addresseeName: string;
  questionsPut: string | null;
  statementTitle: string | null;
  statementHtml: string | null;
  verdict: ConsultationVerdict | null;
  answeredOn: string | null;
  author: string | null;
  recommendations: { id: string; kind: RecommendationKind; text: string }[];
}

const published = and(
  eq(consultations.answerId, sql.placeholder("answerId")),
  eq(consultations.bodyId, sql.placeholder("bodyId")),
  eq(consultations.publishedWithAnswer, true),
  eq(consultations.status, "answered"),
);

// One statement, built once per database handle: each consultation with its recommendations as a JSON list
// (issue 13: they were a second query).
const publishedConsultations = reusableQuery("public_consultations", (db) =>
  db
    .select({
      id: consultations.id,
      kind: consultations.kind,
      addresseeName: organizations.name,
      questionsPut: consultations.questionsPut,
      statementTitle: consultations.statementTitle,
      statementHtml: consultations.statementHtml,
      verdict: consultations.verdict,
      answeredOn: consultations.answeredOn,
      authorName: people.name,
      authorRoleLabel: people.roleLabel,
      recommendations: sql<string>`(select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'text', r.text)
        order by r.position), '[]'::json)::text
      from ${consultationRecommendations} r where r.consultation_id = ${consultations.id})`,
    })
    .from(consultations)
    .innerJoin(organizations, eq(organizations.id, consultations.addresseeOrganizationId))
    .leftJoin(people, eq(people.id, consultations.authorPersonId))
    .where(published)
    .orderBy(asc(consultations.answeredOn), asc(consultations.createdAt)),
);

export async function loadPublishedConsultations(
  db: Db,
  bodyId: string,
  answerId: string,
): Promise<PublicConsultation[]> {
  const consultationRows = await publishedConsultations(db, { answerId, bodyId });
  return consultationRows.map((row) => ({
    id: row.id,
    kind: row.kind,
    addresseeName: row.addresseeName,
    questionsPut: row.questionsPut,
    statementTitle: row.statementTitle,
    statementHtml: row.statementHtml,
    verdict: row.verdict,
    answeredOn: row.answeredOn,
    author: row.authorName ? [row.authorName, row.authorRoleLabel].filter(Boolean).join(", ") : null,
    recommendations: JSON.parse(row.recommendations) as PublicConsultation["recommendations"],
  }));
}
