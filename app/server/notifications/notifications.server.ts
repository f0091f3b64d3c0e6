/**
 * Notifications (in-app and e-mail through the outbox) caused by inquiry events and deadline reminders.
 * Contract used by core/events.server.ts: `notifyInquiryEvent(tx, event)` runs inside the event's
 * transaction and writes the notification and outbox rows for everyone who should hear of the event and
 * wants to — so nothing is sent for a change that rolls back, and nothing is lost for one that commits.
 *
 * Recipients come from memberships in the inquiry's body (never another body), are active, are never the
 * actor, and must be allowed to see the inquiry (maySeeInquiry). Each one's preference per kind decides the
 * channels (no stored row: the default of app/domain/notifications.ts).
 */
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import {
  bodies,
  extensionRequests,
  inquiries,
  inquiryTypes,
  memberships,
  notificationPreferences,
  notifications,
  users,
} from "../../../db/schema";
import { formatReference } from "../../domain/format";
import {
  effectivePreference,
  notificationTargets,
  type Audience,
  type NotificationKind,
  type NotificationPreference,
} from "../../domain/notifications";
import { DEPARTMENT_ROLES } from "../../domain/acting-roles";
import { maySeeInquiry, type MembershipFact, type Role } from "../../domain/policy";
import { notificationText as t, type NotificationFacts } from "../../domain/texts/notifications";
import { publicOrigin } from "../core/config.server";
import type { Db, Tx } from "../core/db.server";
import type { RecordedInquiryEvent } from "../core/events.server";
import { responsibilityFacts } from "../inquiries/scope.server";
import { enqueueMail } from "../core/outbox.server";
import { notifySubscribers } from "../subscriptions/notices.server";

/** What notifications need to know about one inquiry, read inside the caller's transaction. */
export interface InquiryNotificationContext {
  id: string;
  bodyId: string;
  bodyName: string;
  timeZone: string;
  status: string;
  visibility: "public" | "internal";
  originatorOrganizationId: string | null;
  leadOrganizationId: string | null;
  contributorIds: string[];
  /** Lead, contributing and answering departments: for the visibility check. */
  responsibleOrganizationIds: string[];
  consultedOrganizationIds: string[];
  facts: NotificationFacts;
}

export async function loadInquiryContext(
  tx: Db | Tx,
  inquiryId: string,
  bodyId: string,
): Promise<InquiryNotificationContext | null> {
  const [row] = await tx
    .select({
      id: inquiries.id,
      bodyId: inquiries.bodyId,
      bodyName: bodies.name,
      timeZone: bodies.timeZone,
      status: inquiries.status,
      visibility: inquiries.visibility,
      originatorOrganizationId: inquiries.originatorOrganizationId,
      leadOrganizationId: inquiries.leadOrganizationId,
      title: inquiries.title,
      reference: inquiries.reference,
      typeName: inquiryTypes.name,
      dueOn: inquiries.dueOn,
      dueRuleLabel: inquiries.dueRuleLabel,
      motionDecision: inquiries.motionDecision,
    })
    .from(inquiries)
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(and(eq(inquiries.id, inquiryId), eq(inquiries.bodyId, bodyId)));
  if (!row) return null;
  const responsibility = await responsibilityFacts(tx, inquiryId, row.leadOrganizationId);
  return {
    id: row.id,
    bodyId: row.bodyId,
    bodyName: row.bodyName,
    timeZone: row.timeZone,
    status: row.status,
    visibility: row.visibility,
    originatorOrganizationId: row.originatorOrganizationId,
    leadOrganizationId: row.leadOrganizationId,
    contributorIds: responsibility.contributorIds,
    responsibleOrganizationIds: responsibility.responsibleOrganizationIds,
    consultedOrganizationIds: responsibility.consultedOrganizationIds,
    facts: {
      reference: formatReference(row.typeName, row.reference),
      title: row.title,
      dueOn: row.dueOn,
      dueRuleLabel: row.dueRuleLabel,
      decision: row.motionDecision,
    },
  };
}

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
}

/** Which memberships of the inquiry's body make up an audience (null: nobody). */
function audienceCondition(
  inquiry: InquiryNotificationContext,
  audience: Audience,
  requester: string | null,
): SQL | null {
  const departments = (ids: readonly (string | null)[]) => {
    const list = ids.filter((id): id is string => typeof id === "string");
    return list.length
      ? and(inArray(memberships.role, [...DEPARTMENT_ROLES]), inArray(memberships.organizationId, list))!
      : null;
  };
  switch (audience.kind) {
    case "council_office":
      return eq(memberships.role, "council_office");
    case "faction":
      return inquiry.originatorOrganizationId
        ? and(eq(memberships.role, "faction_member"), eq(memberships.organizationId, inquiry.originatorOrganizationId))!
        : null;
    case "departments":
      return departments([inquiry.leadOrganizationId, ...inquiry.contributorIds]);
    case "lead_department":
      return departments([inquiry.leadOrganizationId]);
    case "organizations":
      return departments(audience.organizationIds);
    case "requesting_department":
      return departments([audience.organizationId ?? requester]);
    case "dpo_office":
      return and(eq(memberships.role, "dpo"), eq(memberships.organizationId, audience.organizationId))!;
  }
}

/**
 * Active users of the audience in the inquiry's body who may see the inquiry, without the actor.
 * `requester` resolves the audience "requesting_department" when the event did not name it.
 */
export async function resolveAudience(
  tx: Db | Tx,
  inquiry: InquiryNotificationContext,
  audience: Audience,
  options: { exceptUserId?: string | null; requester?: string | null } = {},
): Promise<Recipient[]> {
  const condition = audienceCondition(inquiry, audience, options.requester ?? null);
  if (!condition) return [];
  const rows = await tx
    .selectDistinct({ userId: users.id, email: users.email, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.bodyId, inquiry.bodyId), eq(users.active, true), condition));
  const candidates = rows.filter((r) => r.userId !== options.exceptUserId);
  if (candidates.length === 0) return [];
  const facts = await tx
    .select({
      userId: memberships.userId,
      bodyId: memberships.bodyId,
      organizationId: memberships.organizationId,
      role: memberships.role,
    })
    .from(memberships)
    .where(
      inArray(
        memberships.userId,
        candidates.map((c) => c.userId),
      ),
    );
  const visibility = {
    bodyId: inquiry.bodyId,
    visibility: inquiry.visibility,
    status: inquiry.status,
    originatorOrganizationId: inquiry.originatorOrganizationId,
    responsibleOrganizationIds: inquiry.responsibleOrganizationIds,
    consultedOrganizationIds: inquiry.consultedOrganizationIds,
  };
  return candidates.filter((c) => {
    const own: MembershipFact[] = facts
      .filter((f) => f.userId === c.userId)
      .map((f) => ({ ...f, role: f.role as Role }));
    return maySeeInquiry(own, visibility);
  });
}

/** Effective preferences of several users for one kind. */
export async function preferencesFor(
  tx: Db | Tx,
  userIds: string[],
  kind: NotificationKind,
): Promise<Map<string, NotificationPreference>> {
  const stored = userIds.length
    ? await tx
        .select()
        .from(notificationPreferences)
        .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind)))
    : [];
  return new Map(
    userIds.map((id) => [
      id,
      effectivePreference(
        kind,
        stored.find((s) => s.userId === id),
      ),
    ]),
  );
}

/** Where links in mails point: PUBLIC_URL, else the address the server listens on (config.server.ts). */
export { publicOrigin };

export const inquiryLink = (inquiryId: string) => `/arbeitsbereich/vorgaenge/${inquiryId}`;

/**
 * Writes one kind of notification for the recipients according to their preferences. With a dedupe key, a
 * recipient who already has that notification gets nothing (neither row nor mail); the reminder row is then
 * the record that the reminder went out — stored as already read when the user wants it by e-mail only.
 * Returns the number of recipients who got something.
 */
export async function deliver(
  tx: Db | Tx,
  input: {
    inquiry: InquiryNotificationContext;
    kind: NotificationKind;
    recipients: Recipient[];
    preferences: Map<string, NotificationPreference>;
    eventId?: number | null;
    dedupeKey?: string;
  },
): Promise<number> {
  const { inquiry, kind } = input;
  const title = t.title(kind, inquiry.facts);
  const link = inquiryLink(inquiry.id);
  const origin = publicOrigin();
  let delivered = 0;
  for (const recipient of input.recipients) {
    const preference = input.preferences.get(recipient.userId);
    if (!preference || (!preference.inApp && !preference.email)) continue;
    if (preference.inApp || input.dedupeKey) {
      const inserted = await tx
        .insert(notifications)
        .values({
          userId: recipient.userId,
          eventId: input.eventId ?? null,
          kind,
          bodyId: inquiry.bodyId,
          inquiryId: inquiry.id,
          dedupeKey: input.dedupeKey ?? null,
          title,
          link,
          readAt: preference.inApp ? null : new Date(),
        })
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      if (inserted.length === 0) continue;
    }
    if (preference.email) {
      await enqueueMail(tx, {
        recipient: recipient.email,
        subject: t.mail.subject(title),
        bodyText: t.mail.body({
          displayName: recipient.displayName,
          bodyName: inquiry.bodyName,
          title,
          facts: inquiry.facts,
          link: `${origin}${link}`,
          preferencesLink: `${origin}/konto/benachrichtigungen`,
        }),
        eventId: input.eventId ?? null,
      });
    }
    delivered++;
  }
  return delivered;
}

/** The department that asked for the extension a refusal answers, when the event does not name it. */
async function latestRequester(tx: Tx, inquiryId: string): Promise<string | null> {
  const rows = await tx
    .select({
      organizationId: extensionRequests.requestedByOrganizationId,
      status: extensionRequests.status,
      createdAt: extensionRequests.createdAt,
    })
    .from(extensionRequests)
    .where(
      and(
        eq(extensionRequests.inquiryId, inquiryId),
        or(eq(extensionRequests.status, "refused"), eq(extensionRequests.status, "pending")),
      ),
    );
  rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return rows.find((r) => r.status === "refused")?.organizationId ?? rows[0]?.organizationId ?? null;
}

export async function notifyInquiryEvent(tx: Tx, event: RecordedInquiryEvent): Promise<void> {
  // Anonymous e-mail subscribers of a public inquiry, its body, faction or tools (issue 14).
  await notifySubscribers(tx, event);
  const targets = notificationTargets({ aggregateType: event.aggregateType, type: event.type, payload: event.payload });
  if (targets.length === 0) return;
  const inquiry = await loadInquiryContext(tx, event.inquiryId, event.bodyId);
  if (!inquiry) return;
  const needsRequester = targets.some(
    (target) => target.audience.kind === "requesting_department" && !target.audience.organizationId,
  );
  const requester = needsRequester ? await latestRequester(tx, inquiry.id) : null;
  // One notification of a kind per user, even when they belong to two audiences of the same event.
  const notified = new Set<string>();
  for (const target of targets) {
    const recipients = (
      await resolveAudience(tx, inquiry, target.audience, { exceptUserId: event.actorUserId, requester })
    ).filter((r) => !notified.has(`${target.kind}:${r.userId}`));
    recipients.forEach((r) => notified.add(`${target.kind}:${r.userId}`));
    if (recipients.length === 0) continue;
    const preferences = await preferencesFor(
      tx,
      recipients.map((r) => r.userId),
      target.kind,
    );
    await deliver(tx, { inquiry, kind: target.kind, recipients, preferences, eventId: event.id });
  }
}
