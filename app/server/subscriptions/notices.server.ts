/**
 * Mails to e-mail subscribers (issue 14), written into the outbox inside the transaction of the event that
 * causes them (called by notifications.server's notifyInquiryEvent, which the one event writer calls): when an
 * answer is published or corrected, or a holding answer is posted, for a public inquiry. Who hears of it:
 * confirmed subscribers of the inquiry, its body, its faction, or a tool its published version's inventory
 * names — one mail per address, whatever they follow. The mail says what happened and links the public page;
 * it never quotes the answer (so nothing withheld can reach it).
 */
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import {
  answerVersions,
  bodies,
  emailSubscriptions,
  inquiries,
  inquiryTypes,
  toolInventories,
  toolInventoryRows,
} from "../../../db/schema";
import type { InquiryEventName } from "../../domain/events";
import { formatReference, isoDateInTimeZone } from "../../domain/format";
import { publicEventLabel, publicEventNote } from "../../domain/labels";
import { subscriptionText as t, type SubscriptionTopicName } from "../../domain/texts/subscriptions";
import { publicOrigin } from "../core/config.server";
import type { Tx } from "../core/db.server";
import { enqueueMail } from "../core/outbox.server";
import { publiclyVisible } from "../public/visibility.server";
import { issueUnsubscribeLink } from "./subscriptions.server";
import { describeStoredTarget } from "./targets.server";

/** The events subscribers are told about. */
export const SUBSCRIBER_EVENTS: ReadonlySet<string> = new Set<InquiryEventName>([
  "publish",
  "correct",
  "holding_answer",
] as InquiryEventName[]);

// The most specific subscription names the mail's reason and gives its unsubscribe link.
const SPECIFICITY: Record<SubscriptionTopicName, number> = { inquiry: 0, faction: 1, tool: 2, body: 3 };

export interface SubscriberEvent {
  id: number;
  type: string;
  bodyId: string;
  inquiryId: string;
  aggregateType: string;
  aggregateId: string;
  public: boolean;
  payload: Record<string, unknown>;
}

export async function notifySubscribers(tx: Tx, event: SubscriberEvent, now: Date = new Date()): Promise<number> {
  if (!event.public || !SUBSCRIBER_EVENTS.has(event.type)) return 0;
  const [inquiry] = await tx
    .select({
      id: inquiries.id,
      title: inquiries.title,
      reference: inquiries.reference,
      publicRef: inquiries.publicRef,
      typeName: inquiryTypes.name,
      factionId: inquiries.originatorOrganizationId,
      bodySlug: bodies.slug,
      bodyName: bodies.name,
      timeZone: bodies.timeZone,
    })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .where(and(eq(inquiries.id, event.inquiryId), eq(inquiries.bodyId, event.bodyId), publiclyVisible()));
  if (!inquiry) return 0;

  // Tools named by the inventory of the version this event published.
  const versionNumber = typeof event.payload.versionNumber === "number" ? event.payload.versionNumber : null;
  const toolRows =
    event.aggregateType === "answer" && versionNumber !== null && event.type !== "holding_answer"
      ? await tx
          .selectDistinct({ toolId: toolInventoryRows.toolId })
          .from(toolInventoryRows)
          .innerJoin(toolInventories, eq(toolInventories.id, toolInventoryRows.inventoryId))
          .innerJoin(answerVersions, eq(answerVersions.id, toolInventories.versionId))
          .where(
            and(
              eq(answerVersions.answerId, event.aggregateId),
              eq(answerVersions.versionNumber, versionNumber),
              isNotNull(toolInventoryRows.toolId),
            ),
          )
      : [];

  const followed = [
    and(eq(emailSubscriptions.topic, "inquiry"), eq(emailSubscriptions.targetId, inquiry.id)),
    and(eq(emailSubscriptions.topic, "body"), eq(emailSubscriptions.targetId, event.bodyId)),
    inquiry.factionId
      ? and(eq(emailSubscriptions.topic, "faction"), eq(emailSubscriptions.targetId, inquiry.factionId))
      : undefined,
    toolRows.length
      ? and(
          eq(emailSubscriptions.topic, "tool"),
          inArray(
            emailSubscriptions.targetId,
            toolRows.map((r) => r.toolId!),
          ),
        )
      : undefined,
  ].filter(Boolean);
  const subscriptions = await tx
    .select()
    .from(emailSubscriptions)
    .where(and(isNotNull(emailSubscriptions.confirmedAt), or(...followed)));
  if (subscriptions.length === 0) return 0;

  const byAddress = new Map<string, (typeof subscriptions)[number]>();
  for (const s of subscriptions) {
    const current = byAddress.get(s.email);
    if (!current || SPECIFICITY[s.topic] < SPECIFICITY[current.topic]) byAddress.set(s.email, s);
  }
  const reference = formatReference(inquiry.typeName, inquiry.reference);
  const label = publicEventLabel(event.type);
  const link = `${publicOrigin()}/${inquiry.bodySlug}/anfragen/${encodeURIComponent(inquiry.publicRef!)}`;
  const date = isoDateInTimeZone(now, inquiry.timeZone);
  const note = publicEventNote(event.type, event.payload);
  for (const subscription of byAddress.values()) {
    const described = await describeStoredTarget(tx, subscription);
    const unsubscribeLink = await issueUnsubscribeLink(tx, subscription.id, now);
    await enqueueMail(tx, {
      recipient: subscription.email,
      subject: t.mail.noticeSubject(label, reference),
      bodyText: t.mail.noticeBody({
        event: label,
        reference,
        title: inquiry.title,
        bodyName: inquiry.bodyName,
        date,
        note,
        link,
        what: described?.what ?? reference,
        unsubscribeLink,
      }),
      eventId: event.id,
      listUnsubscribe: unsubscribeLink,
    });
  }
  return byAddress.size;
}
