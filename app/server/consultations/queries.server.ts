/**
 * Read models of the consultation pages: the overview of an answer's consultations (with the forms' options
 * for the lead department) and one consultation with its statement, items, letters and what the reader may do.
 * Authorisation as in access.server.ts: NotFound for anything the reader may not see.
 */
import { and, asc, eq } from "drizzle-orm";
import { consultationRecommendations, consultations, inquiries, inquiryTypes, organizations } from "../../../db/schema";
import type { ConsultationKind, RecommendationKind, Verdict } from "../../domain/consultation";
import type { RichTextDoc } from "../../../db/schema/columns";
import { getDb, type Db } from "../core/db.server";
import { answerAccess, consultationAccess, type Actor } from "./access.server";
import { consultationFiles, type ConsultationFiles } from "./attachments.server";
import { addresseeOptions } from "./commands.server";
import { consultationRequirement, type ConsultationRequirement } from "./requirement.server";

export interface ConsultationSummary {
  id: string;
  kind: ConsultationKind;
  addresseeName: string;
  status: "requested" | "answered" | "withdrawn";
  requestedOn: string | null;
  dueOn: string | null;
  answeredOn: string | null;
  verdict: Verdict | null;
  publishedWithAnswer: boolean;
}

export interface ConsultationOverview {
  inquiry: { id: string; title: string; reference: string | null; typeName: string };
  today: string;
  answer: { id: string; status: string; version: number } | null;
  isLead: boolean;
  consultations: ConsultationSummary[];
  options: Record<ConsultationKind, Array<{ id: string; name: string }>>;
  requirement: ConsultationRequirement | null;
}

export async function loadConsultationOverview(
  actor: Actor,
  inquiryId: string,
  db?: Db,
): Promise<ConsultationOverview> {
  const database = db ?? (await getDb());
  const access = await answerAccess(database, actor, inquiryId);
  if (!access) {
    // The inquiry is visible (answerAccess checked that) but nobody has started answering yet.
    const [row] = await database
      .select({ id: inquiries.id, title: inquiries.title, reference: inquiries.reference, typeName: inquiryTypes.name })
      .from(inquiries)
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .where(eq(inquiries.id, inquiryId));
    return {
      inquiry: row!,
      today: "",
      answer: null,
      isLead: false,
      consultations: [],
      options: { dpo: [], department: [], supervisory_authority: [] },
      requirement: null,
    };
  }
  const rows = await database
    .select({
      id: consultations.id,
      kind: consultations.kind,
      addresseeName: organizations.name,
      status: consultations.status,
      requestedOn: consultations.requestedOn,
      dueOn: consultations.dueOn,
      answeredOn: consultations.answeredOn,
      verdict: consultations.verdict,
      publishedWithAnswer: consultations.publishedWithAnswer,
    })
    .from(consultations)
    .innerJoin(organizations, eq(organizations.id, consultations.addresseeOrganizationId))
    .where(and(eq(consultations.answerId, access.answer.id), eq(consultations.bodyId, access.bodyId)))
    .orderBy(asc(consultations.createdAt), asc(consultations.id));
  const options = access.isLead
    ? {
        dpo: await addresseeOptions(database, access, "dpo"),
        department: await addresseeOptions(database, access, "department"),
        supervisory_authority: await addresseeOptions(database, access, "supervisory_authority"),
      }
    : { dpo: [], department: [], supervisory_authority: [] };
  return {
    inquiry: {
      id: access.inquiry.id,
      title: access.inquiry.title,
      reference: access.inquiry.reference,
      typeName: access.inquiry.typeName,
    },
    today: access.today,
    answer: { id: access.answer.id, status: access.answer.status, version: access.answer.version },
    isLead: access.isLead,
    consultations: rows,
    options,
    requirement: await consultationRequirement(database, access.answer.id),
  };
}

export interface ConsultationDetail extends ConsultationSummary {
  version: number;
  inquiry: { id: string; title: string; reference: string | null; typeName: string };
  answerStatus: string;
  questionsHtml: string | null;
  questionsPut: string | null;
  statementTitle: string | null;
  statementJson: RichTextDoc | null;
  statementHtml: string | null;
  statementText: string | null;
  items: Array<{ kind: RecommendationKind; text: string }>;
  replyJson: RichTextDoc | null;
  replyHtml: string | null;
  replyText: string | null;
  repliedOn: string | null;
  today: string;
  mayWrite: boolean;
  isLead: boolean;
  files: ConsultationFiles;
}

export async function loadConsultation(actor: Actor, consultationId: string, db?: Db): Promise<ConsultationDetail> {
  const database = db ?? (await getDb());
  const access = await consultationAccess(database, actor, consultationId);
  const c = access.consultation;
  const [addressee] = await database
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, c.addresseeOrganizationId));
  const items = await database
    .select({ kind: consultationRecommendations.kind, text: consultationRecommendations.text })
    .from(consultationRecommendations)
    .where(eq(consultationRecommendations.consultationId, c.id))
    .orderBy(asc(consultationRecommendations.position));
  return {
    id: c.id,
    kind: c.kind,
    addresseeName: addressee?.name ?? "",
    status: c.status,
    requestedOn: c.requestedOn,
    dueOn: c.dueOn,
    answeredOn: c.answeredOn,
    verdict: c.verdict,
    publishedWithAnswer: c.publishedWithAnswer,
    version: c.version,
    inquiry: {
      id: access.inquiry.id,
      title: access.inquiry.title,
      reference: access.inquiry.reference,
      typeName: access.inquiry.typeName,
    },
    answerStatus: access.answer.status,
    questionsHtml: c.questionsHtml,
    questionsPut: c.questionsPut,
    statementTitle: c.statementTitle,
    statementJson: c.statementJson,
    statementHtml: c.statementHtml,
    statementText: c.statementText,
    items,
    replyJson: c.replyJson,
    replyHtml: c.replyHtml,
    replyText: c.replyText,
    repliedOn: c.repliedOn,
    today: access.today,
    mayWrite: access.mayWrite,
    isLead: access.isLead,
    files: await consultationFiles(database, actor, access),
  };
}
