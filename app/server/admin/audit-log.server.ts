/**
 * The body's audit log for its administrators: events of the body and account events of its members.
 */
import { aliasedTable, and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { events, inquiries, inquiryTypes, memberships, users } from "../../../db/schema";
import { aggregateLabels, auditInquirySubject, auditStatus } from "../../domain/texts/admin";
import { roleLabels } from "../../domain/texts/auth";
import { getDb } from "../core/db.server";
import { adminBody, dateTimeText, type Actor } from "./access.server";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The body's audit log: its own events, plus account events without a body (sign-ins, MFA changes) of users
 * with a role in the body. Events another body recorded about the same user stay with that body.
 */
export async function loadAuditLog(actor: Actor, slug: string, page: number) {
  const db = await getDb();
  const body = await adminBody(db, actor, slug);
  const membersOfBody = db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.bodyId, body.id));
  const where = or(
    eq(events.bodyId, body.id),
    and(
      isNull(events.bodyId),
      inArray(events.aggregateType, ["user", "session"]),
      inArray(events.aggregateId, membersOfBody),
    ),
  );
  const actorUser = aliasedTable(users, "actor_user");
  const subjectUser = aliasedTable(users, "subject_user");
  const offset = (page - 1) * AUDIT_PAGE_SIZE;
  const rows = await db
    .select({
      id: events.id,
      type: events.type,
      aggregateType: events.aggregateType,
      recordedAt: events.recordedAt,
      payload: events.payload,
      actorName: actorUser.displayName,
      subjectName: subjectUser.displayName,
      subjectEmail: subjectUser.email,
      inquiryId: inquiries.id,
      inquiryReference: inquiries.reference,
      inquiryTitle: inquiries.title,
      inquiryTypeName: inquiryTypes.name,
    })
    .from(events)
    .leftJoin(actorUser, eq(actorUser.id, events.actorUserId))
    .leftJoin(subjectUser, and(eq(events.aggregateType, "user"), eq(subjectUser.id, events.aggregateId)))
    // The inquiry an event is about, of this body only: named by type, reference and title, with a link.
    .leftJoin(
      inquiries,
      and(eq(events.aggregateType, "inquiry"), eq(inquiries.id, events.aggregateId), eq(inquiries.bodyId, body.id)),
    )
    .leftJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(where)
    .orderBy(desc(events.recordedAt), desc(events.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset(offset);
  return {
    body: { id: body.id, slug: body.slug, name: body.name },
    page,
    hasNext: rows.length > AUDIT_PAGE_SIZE,
    events: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      id: r.id,
      type: r.type,
      recordedAt: r.recordedAt.toISOString(),
      recordedAtText: dateTimeText(r.recordedAt, body.timeZone),
      actorName: r.actorName,
      subject: r.subjectName
        ? `${r.subjectName} (${r.subjectEmail})`
        : r.inquiryId
          ? auditInquirySubject(r.inquiryTypeName ?? aggregateLabels.inquiry!, r.inquiryReference, r.inquiryTitle ?? "")
          : auditSubject(r.aggregateType, r.payload),
      subjectHref: r.inquiryId ? `/arbeitsbereich/vorgaenge/${r.inquiryId}` : null,
      details: auditDetails(r.payload),
    })),
  };
}

function auditSubject(aggregateType: string, payload: Record<string, unknown>): string {
  if (aggregateType === "invitation" && typeof payload.email === "string") return payload.email;
  return aggregateLabels[aggregateType] ?? aggregateType;
}

/** Only the facts an admin needs; never secrets (no payload here holds any, but keep it an allow-list). */
function auditDetails(payload: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof payload.role === "string") parts.push(roleLabels[payload.role] ?? payload.role);
  if (typeof payload.organizationName === "string") parts.push(payload.organizationName);
  if (typeof payload.ip === "string") parts.push(`IP ${payload.ip}`);
  if (typeof payload.status === "string") parts.push(auditStatus(payload.status));
  return parts.join(" · ");
}
