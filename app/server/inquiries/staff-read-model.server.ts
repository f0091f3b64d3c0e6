/**
 * The staff and faction view of ONE inquiry by id, including its non-public material: questions, the answer's
 * draft parts, withholdings with the withheld text, consultation requests and statements.
 *
 * Authorisation happens here again (the route checks too): the inquiry is loaded by id, then `maySeeInquiry`
 * decides; anything the user may not see is reported as "not found" — the caller answers 404, never 403, so
 * that ids of other bodies' or other factions' work cannot be probed. Every read that shows non-public
 * material writes a `non_public_read` event (the audit the body admin sees) in the same transaction as the
 * read.
 */
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import {
  answerVersions,
  answers,
  bodies,
  consultationRecommendations,
  consultations,
  inquiries,
  inquiryTypes,
  organizations,
  questions,
} from "../../../db/schema";
import type {
  AnswerStatus,
  ConsultationKind,
  ConsultationVerdict,
  InquiryStatus,
  RecommendationKind,
  WithholdingReason,
} from "../../domain/labels";
import { maySeeAdministrationWork, maySeeInquiry } from "../../domain/policy";
import { visibilityFacts } from "./scope.server";
import type { CurrentUser } from "../accounts/auth.server";
import { getDb } from "../core/db.server";
import { recordEvent } from "../core/events.server";
import { loadAnswerContent, type ReadWithholding } from "../answers/read-model.server";
import { loadWorkflowView, type WorkflowView } from "./workflow-view.server";

export interface StaffInquiryDetail {
  id: string;
  bodyId: string;
  bodySlug: string;
  bodyName: string;
  typeName: string;
  reference: string | null;
  publicRef: string | null;
  title: string;
  preambleHtml: string | null;
  status: InquiryStatus;
  visibility: "public" | "internal";
  originatorName: string | null;
  leadOrganizationName: string | null;
  receivedOn: string | null;
  dueOn: string | null;
  dueRuleLabel: string | null;
  /** True when this view shows anything the public may not read (and the read was therefore audited). */
  containsNonPublicMaterial: boolean;
  questions: Array<{ id: string; number: string; leadIn: string | null; bodyHtml: string }>;
  /** Responsibility, deadline history, agenda, and the workflow actions the user may take now. */
  workflow: WorkflowView;
  answer: null | {
    status: AnswerStatus;
    /** The user may open the answer page (/antwort): they see the administration's work on it. */
    workspace: boolean;
    versions: Array<{
      id: string;
      versionNumber: number;
      published: boolean;
      parts: Array<{
        id: string;
        position: number;
        jointNote: string | null;
        /** The administration reads the full text with withheld passages marked; a faction the public text. */
        bodyHtml: string;
        questionNumbers: string[];
        withholdings: StaffWithholding[];
        /** Withheld passages inside the text (marked in bodyHtml for the administration). */
        passages: StaffWithholding[];
      }>;
      /** Withholdings of the whole version (not of one part). */
      withholdings: StaffWithholding[];
    }>;
    consultations: Array<{
      id: string;
      kind: ConsultationKind;
      addresseeName: string;
      status: string;
      questionsPut: string | null;
      statementTitle: string | null;
      statementHtml: string | null;
      verdict: ConsultationVerdict | null;
      publishedWithAnswer: boolean;
      requestedOn: string | null;
      answeredOn: string | null;
      recommendations: Array<{ kind: RecommendationKind; text: string }>;
    }>;
  };
}

export interface StaffWithholding {
  id: string;
  reason: WithholdingReason;
  subject: string;
  publicJustification: string;
  withheldText: string | null;
}

/**
 * The inquiry with id `inquiryId` as `user` may see it, or null when it does not exist or the user may not
 * know that it exists. `inquiryId` must already be a validated UUID (the route parses it).
 */
export async function loadStaffInquiry(user: CurrentUser, inquiryId: string): Promise<StaffInquiryDetail | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: inquiries.id,
        bodyId: inquiries.bodyId,
        bodySlug: bodies.slug,
        bodyName: bodies.name,
        typeName: inquiryTypes.name,
        reference: inquiries.reference,
        publicRef: inquiries.publicRef,
        title: inquiries.title,
        preambleHtml: inquiries.preambleHtml,
        status: inquiries.status,
        visibility: inquiries.visibility,
        originatorOrganizationId: inquiries.originatorOrganizationId,
        leadOrganizationId: inquiries.leadOrganizationId,
        receivedOn: inquiries.receivedOn,
        dueOn: inquiries.dueOn,
        dueRuleLabel: inquiries.dueRuleLabel,
      })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .where(eq(inquiries.id, inquiryId))
      .limit(1);
    if (!row) return null;
    const facts = await visibilityFacts(tx, row);
    if (!maySeeInquiry(user.memberships, facts)) return null;
    // The administration's work on the answer (drafts, withheld text, consultations not published) is for
    // the staff responsible for it; a faction sees its own inquiry and, of the answer, only what is published.
    const seesAdministrationWork = maySeeAdministrationWork(user.memberships, facts);

    const orgIds = [row.originatorOrganizationId, row.leadOrganizationId].filter((x): x is string => x !== null);
    const orgRows = orgIds.length
      ? await tx
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(and(inArray(organizations.id, orgIds), eq(organizations.bodyId, row.bodyId)))
      : [];
    const orgName = (id: string | null) => (id ? (orgRows.find((o) => o.id === id)?.name ?? null) : null);

    const questionRows = await tx
      .select({ id: questions.id, number: questions.number, leadIn: questions.leadIn, bodyHtml: questions.bodyHtml })
      .from(questions)
      .where(eq(questions.inquiryId, row.id))
      .orderBy(asc(questions.position));

    const [answerRow] = await tx
      .select({ id: answers.id, status: answers.status })
      .from(answers)
      .where(and(eq(answers.inquiryId, row.id), eq(answers.bodyId, row.bodyId)))
      .limit(1);

    let answer: StaffInquiryDetail["answer"] = null;
    if (answerRow) {
      const versionRows = await tx
        .select({
          id: answerVersions.id,
          versionNumber: answerVersions.versionNumber,
          publishedAt: answerVersions.publishedAt,
        })
        .from(answerVersions)
        .where(
          seesAdministrationWork
            ? eq(answerVersions.answerId, answerRow.id)
            : and(eq(answerVersions.answerId, answerRow.id), isNotNull(answerVersions.publishedAt)),
        )
        .orderBy(desc(answerVersions.versionNumber));
      // The answer's content through the one answer read model: the administration reads the full text with
      // its withheld passages, everyone else (the faction) exactly what the public reads.
      const content = await loadAnswerContent(tx, {
        audience: seesAdministrationWork ? "staff" : "public",
        bodyId: row.bodyId,
        answerId: answerRow.id,
        versionIds: versionRows.map((v) => v.id),
      });
      const numberOf = new Map(questionRows.map((q) => [q.id, q.number]));
      const questionOrder = new Map(questionRows.map((q, i) => [q.id, i]));
      const toWithholding = (w: ReadWithholding): StaffWithholding => ({
        id: w.id,
        reason: w.reason,
        subject: w.subject,
        publicJustification: w.publicJustification,
        withheldText: w.withheldText,
      });

      const consultationRows = await tx
        .select({
          id: consultations.id,
          kind: consultations.kind,
          addresseeName: organizations.name,
          status: consultations.status,
          questionsPut: consultations.questionsPut,
          statementTitle: consultations.statementTitle,
          statementHtml: consultations.statementHtml,
          verdict: consultations.verdict,
          publishedWithAnswer: consultations.publishedWithAnswer,
          requestedOn: consultations.requestedOn,
          answeredOn: consultations.answeredOn,
        })
        .from(consultations)
        .innerJoin(organizations, eq(organizations.id, consultations.addresseeOrganizationId))
        .where(
          and(
            eq(consultations.answerId, answerRow.id),
            eq(consultations.bodyId, row.bodyId),
            seesAdministrationWork ? undefined : eq(consultations.publishedWithAnswer, true),
          ),
        )
        .orderBy(asc(consultations.createdAt));
      const consultationIds = consultationRows.map((c) => c.id);
      const recommendationRows = consultationIds.length
        ? await tx
            .select({
              consultationId: consultationRecommendations.consultationId,
              kind: consultationRecommendations.kind,
              text: consultationRecommendations.text,
            })
            .from(consultationRecommendations)
            .where(inArray(consultationRecommendations.consultationId, consultationIds))
            .orderBy(asc(consultationRecommendations.position))
        : [];

      answer = {
        status: answerRow.status,
        workspace: seesAdministrationWork,
        versions: versionRows.map((v) => ({
          id: v.id,
          versionNumber: v.versionNumber,
          published: v.publishedAt !== null,
          parts: content.parts
            .filter((p) => p.versionId === v.id)
            .map((p) => ({
              id: p.id,
              position: p.position,
              jointNote: p.jointNote,
              bodyHtml: p.bodyHtml,
              questionNumbers: p.questionIds
                .filter((id) => numberOf.has(id))
                .sort((a, b) => questionOrder.get(a)! - questionOrder.get(b)!)
                .map((id) => numberOf.get(id)!),
              withholdings: p.withholdings.map(toWithholding),
              passages: p.passages.map(toWithholding),
            })),
          withholdings: content.versionWithholdings.filter((w) => w.versionId === v.id).map(toWithholding),
        })),
        consultations: consultationRows.map((c) => ({
          ...c,
          recommendations: recommendationRows
            .filter((r) => r.consultationId === c.id)
            .map(({ kind, text }) => ({ kind, text })),
        })),
      };
    }

    const detail: StaffInquiryDetail = {
      id: row.id,
      bodyId: row.bodyId,
      bodySlug: row.bodySlug,
      bodyName: row.bodyName,
      typeName: row.typeName,
      reference: row.reference,
      publicRef: row.publicRef,
      title: row.title,
      preambleHtml: row.preambleHtml,
      status: row.status,
      visibility: row.visibility,
      originatorName: orgName(row.originatorOrganizationId),
      leadOrganizationName: orgName(row.leadOrganizationId),
      receivedOn: row.receivedOn,
      dueOn: row.dueOn,
      dueRuleLabel: row.dueRuleLabel,
      containsNonPublicMaterial: false,
      questions: questionRows,
      workflow: await loadWorkflowView(tx, user, row.id, { administration: seesAdministrationWork }),
      answer,
    };
    detail.containsNonPublicMaterial = containsNonPublicMaterial(detail);
    if (detail.containsNonPublicMaterial) {
      await recordEvent(tx, {
        bodyId: row.bodyId,
        aggregateType: "inquiry",
        aggregateId: row.id,
        type: "non_public_read",
        actorUserId: user.id,
        public: false,
        payload: { sessionId: user.sessionId, status: row.status, visibility: row.visibility },
      });
    }
    return detail;
  });
}

/**
 * Whether the view shows anything the public page would not: an inquiry that is not published (internal or a
 * draft), an open extension request, a non-public agenda item, an unpublished answer version, a withheld
 * text, or a consultation not published with the answer.
 */
export function containsNonPublicMaterial(detail: StaffInquiryDetail): boolean {
  if (detail.visibility !== "public" || detail.status === "draft" || detail.publicRef === null) return true;
  // Open extension requests and non-public agenda items are the administration's internal work.
  if (detail.workflow.pendingRequests.length > 0 || detail.workflow.agenda.some((a) => !a.public)) return true;
  if (!detail.answer) return false;
  if (detail.answer.versions.some((v) => !v.published)) return true;
  const allWithholdings = detail.answer.versions.flatMap((v) => [
    ...v.withholdings,
    ...v.parts.flatMap((p) => [...p.withholdings, ...p.passages]),
  ]);
  if (allWithholdings.some((w) => w.withheldText !== null)) return true;
  return detail.answer.consultations.some((c) => !c.publishedWithAnswer);
}
