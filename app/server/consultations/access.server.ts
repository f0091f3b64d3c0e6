/**
 * Who may see and act on an answer's consultations. Every command and loader of this folder starts here:
 * the answer (or the consultation) is looked up by id *and* the user's bodies, the same visibility rule as
 * the staff inquiry view decides (maySeeAdministrationWork), and anything the user may not see is NotFound —
 * the route answers 404, never 403, so ids of other bodies cannot be probed.
 */
import { and, eq, inArray } from "drizzle-orm";
import { answers, bodies, consultations, inquiries, inquiryTypes } from "../../../db/schema";
import { isLeadDrafter, mayWriteStatement } from "../../domain/consultation";
import { isoDateInTimeZone } from "../../domain/format";
import { maySeeAdministrationWork, type MembershipFact } from "../../domain/policy";
import type { InquiryEventName } from "../../domain/events";
import { NotFound } from "../core/errors.server";
import type { Db, Tx } from "../core/db.server";
import { recordEvent } from "../core/events.server";
import { responsibilityFacts } from "../inquiries/scope.server";

export { NotFound };

export interface Actor {
  id: string;
  memberships: readonly MembershipFact[];
}

export interface AnswerAccess {
  answer: typeof answers.$inferSelect;
  inquiry: {
    id: string;
    title: string;
    status: string;
    visibility: "public" | "internal";
    reference: string | null;
    typeName: string;
    requiresDpoConsultation: boolean;
  };
  bodyId: string;
  bodySlug: string;
  today: string;
  leadOrganizationId: string | null;
  isLead: boolean;
}

function bodyIdsOf(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.bodyId))];
}

/** The answer of an inquiry, if the user may see the administration's work on it. `lock` takes a row lock. */
export async function answerAccess(
  db: Db | Tx,
  actor: Actor,
  inquiryId: string,
  options: { lock?: boolean } = {},
): Promise<AnswerAccess | null> {
  const bodyIds = bodyIdsOf(actor);
  if (bodyIds.length === 0) throw new NotFound();
  const [inquiry] = await db
    .select({
      id: inquiries.id,
      bodyId: inquiries.bodyId,
      title: inquiries.title,
      status: inquiries.status,
      visibility: inquiries.visibility,
      reference: inquiries.reference,
      originatorOrganizationId: inquiries.originatorOrganizationId,
      leadOrganizationId: inquiries.leadOrganizationId,
      typeName: inquiryTypes.name,
      requiresDpoConsultation: inquiryTypes.requiresDpoConsultation,
      bodySlug: bodies.slug,
      timeZone: bodies.timeZone,
    })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .where(and(eq(inquiries.id, inquiryId), inArray(inquiries.bodyId, bodyIds)));
  if (!inquiry) throw new NotFound();
  const facts = {
    bodyId: inquiry.bodyId,
    visibility: inquiry.visibility,
    status: inquiry.status,
    originatorOrganizationId: inquiry.originatorOrganizationId,
    ...(await responsibilityFacts(db, inquiry.id, inquiry.leadOrganizationId)),
  };
  if (!maySeeAdministrationWork(actor.memberships, facts)) throw new NotFound();
  const query = db
    .select()
    .from(answers)
    .where(and(eq(answers.inquiryId, inquiry.id), eq(answers.bodyId, inquiry.bodyId)));
  const [answer] = options.lock ? await query.for("update") : await query;
  if (!answer) return null;
  const leadOrganizationId = answer.leadOrganizationId ?? inquiry.leadOrganizationId;
  return {
    answer,
    inquiry: {
      id: inquiry.id,
      title: inquiry.title,
      status: inquiry.status,
      visibility: inquiry.visibility,
      reference: inquiry.reference,
      typeName: inquiry.typeName,
      requiresDpoConsultation: inquiry.requiresDpoConsultation,
    },
    bodyId: inquiry.bodyId,
    bodySlug: inquiry.bodySlug,
    today: isoDateInTimeZone(new Date(), inquiry.timeZone),
    leadOrganizationId,
    isLead: isLeadDrafter(actor.memberships, inquiry.bodyId, leadOrganizationId),
  };
}

export interface ConsultationAccess extends AnswerAccess {
  consultation: typeof consultations.$inferSelect;
  mayWrite: boolean;
}

/** One consultation by id, with its answer; NotFound unless the user may see the answer's work. */
export async function consultationAccess(
  db: Db | Tx,
  actor: Actor,
  consultationId: string,
  options: { lock?: boolean } = {},
): Promise<ConsultationAccess> {
  const bodyIds = bodyIdsOf(actor);
  if (bodyIds.length === 0) throw new NotFound();
  const query = db
    .select({ consultation: consultations, inquiryId: answers.inquiryId })
    .from(consultations)
    .innerJoin(answers, eq(answers.id, consultations.answerId))
    .where(and(eq(consultations.id, consultationId), inArray(consultations.bodyId, bodyIds)));
  const [row] = options.lock ? await query.for("update", { of: consultations }) : await query;
  if (!row) throw new NotFound();
  const access = await answerAccess(db, actor, row.inquiryId, options);
  if (!access || access.answer.id !== row.consultation.answerId) throw new NotFound();
  return {
    ...access,
    consultation: row.consultation,
    mayWrite: mayWriteStatement(actor.memberships, {
      bodyId: access.bodyId,
      kind: row.consultation.kind,
      addresseeOrganizationId: row.consultation.addresseeOrganizationId,
      leadOrganizationId: access.leadOrganizationId,
    }),
  };
}

/**
 * A consultation's event: on its inquiry's timeline (the inquiry's people are notified) and never public — a
 * consultation is the administration's internal work.
 */
export async function recordConsultationEvent(
  tx: Tx,
  access: Pick<AnswerAccess, "bodyId" | "inquiry">,
  actor: Actor,
  consultationId: string,
  type: InquiryEventName,
  payload: Record<string, unknown>,
): Promise<void> {
  await recordEvent(tx, {
    bodyId: access.bodyId,
    aggregateType: "consultation",
    aggregateId: consultationId,
    inquiryId: access.inquiry.id,
    type,
    actorUserId: actor.id,
    public: false,
    payload,
  });
}
