/**
 * The consultations published with an answer (DPO statements, departments' contributions, a supervisory
 * authority's letter) with their recommendations: only answered ones the lead department chose to quote.
 */
import { and, asc, eq } from "drizzle-orm";
import { consultationRecommendations, consultations, organizations, people } from "../../../db/schema/index";
import type { ConsultationKind, ConsultationVerdict, RecommendationKind } from "../../domain/labels";
import type { Db } from "../core/db.server";
import { groupBy } from "../core/group-by.server";

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

export async function loadPublishedConsultations(
  db: Db,
  bodyId: string,
  answerId: string,
): Promise<PublicConsultation[]> {
  const published = and(
    eq(consultations.answerId, answerId),
    eq(consultations.bodyId, bodyId),
    eq(consultations.publishedWithAnswer, true),
    eq(consultations.status, "answered"),
  );
  const [consultationRows, recommendationRows] = await Promise.all([
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
      })
      .from(consultations)
      .innerJoin(organizations, eq(organizations.id, consultations.addresseeOrganizationId))
      .leftJoin(people, eq(people.id, consultations.authorPersonId))
      .where(published)
      .orderBy(asc(consultations.answeredOn), asc(consultations.createdAt)),
    db
      .select({
        id: consultationRecommendations.id,
        consultationId: consultationRecommendations.consultationId,
        kind: consultationRecommendations.kind,
        text: consultationRecommendations.text,
      })
      .from(consultationRecommendations)
      .innerJoin(consultations, eq(consultations.id, consultationRecommendations.consultationId))
      .where(published)
      .orderBy(asc(consultationRecommendations.position)),
  ]);
  const recommendationsByConsultation = groupBy(recommendationRows, (row) => row.consultationId);
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
    recommendations: (recommendationsByConsultation.get(row.id) ?? []).map(({ consultationId: _c, ...rest }) => rest),
  }));
}
