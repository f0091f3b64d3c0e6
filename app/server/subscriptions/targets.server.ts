/**
 * What an e-mail subscription follows, resolved as the public may see it: a public inquiry (visibility.server),
 * a body, a faction of a body, or a tool of the catalogue. Unknown or non-public targets resolve to null (404).
 */
import { and, eq } from "drizzle-orm";
import { bodies, inquiries, inquiryTypes, tools } from "../../../db/schema";
import { formatReference } from "../../domain/format";
import { subscriptionText as t, type SubscriptionTopicName } from "../../domain/texts/subscriptions";
import type { Db, Tx } from "../core/db.server";
import { findFaction, findTool } from "../public/bodies.server";
import { publiclyVisible } from "../public/visibility.server";

export interface TargetInput {
  topic: SubscriptionTopicName;
  bodySlug?: string;
  publicRef?: string;
  factionId?: string;
  toolSlug?: string;
}

export interface ResolvedTarget {
  topic: SubscriptionTopicName;
  bodyId: string | null;
  targetId: string;
  /** "der Anfrage …", "dem Werkzeug …": what the reader follows, for pages and mails. */
  what: string;
  /** The public page of the target. */
  pagePath: string;
}

export async function resolveTarget(db: Db | Tx, input: TargetInput): Promise<ResolvedTarget | null> {
  if (input.topic === "tool") {
    if (!input.toolSlug) return null;
    const tool = await findTool(db, input.toolSlug);
    return tool
      ? {
          topic: "tool",
          bodyId: null,
          targetId: tool.id,
          what: t.topicLabel.tool(tool.name),
          pagePath: `/werkzeuge/${tool.slug}`,
        }
      : null;
  }
  if (!input.bodySlug) return null;
  const [body] = await db
    .select({ id: bodies.id, name: bodies.name, slug: bodies.slug })
    .from(bodies)
    .where(eq(bodies.slug, input.bodySlug));
  if (!body) return null;
  const listPath = `/${body.slug}/anfragen`;
  if (input.topic === "body")
    return {
      topic: "body",
      bodyId: body.id,
      targetId: body.id,
      what: t.topicLabel.body(body.name),
      pagePath: listPath,
    };
  if (input.topic === "faction") {
    if (!input.factionId) return null;
    const faction = await findFaction(db, body.id, input.factionId);
    return faction
      ? {
          topic: "faction",
          bodyId: body.id,
          targetId: faction.id,
          what: t.topicLabel.faction(faction.name, body.name),
          pagePath: listPath,
        }
      : null;
  }
  if (!input.publicRef) return null;
  const [inquiry] = await db
    .select({
      id: inquiries.id,
      title: inquiries.title,
      reference: inquiries.reference,
      typeName: inquiryTypes.name,
      publicRef: inquiries.publicRef,
    })
    .from(inquiries)
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(and(eq(inquiries.bodyId, body.id), eq(inquiries.publicRef, input.publicRef), publiclyVisible()));
  return inquiry
    ? {
        topic: "inquiry",
        bodyId: body.id,
        targetId: inquiry.id,
        what: t.topicLabel.inquiry(formatReference(inquiry.typeName, inquiry.reference), inquiry.title),
        pagePath: `${listPath}/${encodeURIComponent(inquiry.publicRef!)}`,
      }
    : null;
}

/** The same description for a stored subscription (confirmation and unsubscribe pages). */
export async function describeStoredTarget(
  db: Db | Tx,
  row: { topic: SubscriptionTopicName; bodyId: string | null; targetId: string },
): Promise<{ what: string; pagePath: string } | null> {
  if (row.topic === "tool") {
    const [tool] = await db.select({ slug: tools.slug }).from(tools).where(eq(tools.id, row.targetId));
    return tool ? resolveTarget(db, { topic: "tool", toolSlug: tool.slug }) : null;
  }
  const [body] = row.bodyId ? await db.select({ slug: bodies.slug }).from(bodies).where(eq(bodies.id, row.bodyId)) : [];
  if (!body) return null;
  if (row.topic === "inquiry") {
    const [inquiry] = await db
      .select({ publicRef: inquiries.publicRef })
      .from(inquiries)
      .where(and(eq(inquiries.id, row.targetId), eq(inquiries.bodyId, row.bodyId!)));
    return inquiry?.publicRef
      ? resolveTarget(db, { topic: "inquiry", bodySlug: body.slug, publicRef: inquiry.publicRef })
      : null;
  }
  return resolveTarget(db, { topic: row.topic, bodySlug: body.slug, factionId: row.targetId });
}
