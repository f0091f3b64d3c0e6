/**
 * Follow-up questions (Nachfrage): from a published answer, a member of the originating faction starts a new
 * draft of the same inquiry type, linked to that answer; both the original's and the follow-up's pages show
 * the link — publicly only where both inquiries are public and the follow-up is submitted.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { answerFollowUps, answers, bodies, inquiries } from "../../../db/schema";
import { draftingFactions } from "../../domain/draft";
import { maySeeInquiry, type MembershipFact } from "../../domain/policy";
import { getDb, type Db, type Tx } from "../core/db.server";
import { reusableQuery } from "../core/prepared.server";
import { createDraft, DraftRefused } from "../inquiries/drafts.server";
import { responsibilityFacts } from "../inquiries/scope.server";
import { NotFound } from "../core/transitions.server";

export const followUpTitle = (reference: string | null, title: string) =>
  `Nachfrage${reference ? ` zu ${reference}` : ""}: ${title}`.slice(0, 300);

/** Whether the user may start a follow-up of this inquiry (originating faction, answer published). */
export async function mayStartFollowUp(
  user: { memberships: readonly MembershipFact[] },
  inquiryId: string,
): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ bodyId: inquiries.bodyId, originator: inquiries.originatorOrganizationId })
    .from(inquiries)
    .innerJoin(answers, and(eq(answers.inquiryId, inquiries.id), eq(answers.status, "published")))
    .where(eq(inquiries.id, inquiryId));
  return (
    row !== undefined &&
    draftingFactions(user.memberships).some((f) => f.organizationId === row.originator && f.bodyId === row.bodyId)
  );
}

/** Starts the follow-up draft; returns its id (the route redirects to the draft editor). */
export async function startFollowUp(
  user: { id: string; memberships: readonly MembershipFact[] },
  inquiryId: string,
): Promise<string> {
  const db = await getDb();
  const [original] = await db.select().from(inquiries).where(eq(inquiries.id, inquiryId));
  if (!original) throw new NotFound();
  const facts = await responsibilityFacts(db, original.id, original.leadOrganizationId);
  if (!maySeeInquiry(user.memberships, { ...original, ...facts })) throw new NotFound();
  const faction = draftingFactions(user.memberships).find(
    (f) => f.organizationId === original.originatorOrganizationId && f.bodyId === original.bodyId,
  );
  const [answer] = await db
    .select({ id: answers.id })
    .from(answers)
    .where(and(eq(answers.inquiryId, original.id), eq(answers.status, "published")));
  if (!faction || !answer)
    throw new DraftRefused(
      "Eine Nachfrage kann nur die Fraktion stellen, die die Anfrage gestellt hat, und erst nach der Antwort.",
    );
  const draftId = await createDraft(user, {
    factionId: faction.organizationId,
    typeId: original.typeId,
    title: followUpTitle(original.reference, original.title),
  });
  await db.insert(answerFollowUps).values({ answerId: answer.id, inquiryId: draftId });
  return draftId;
}

export interface FollowUpLink {
  inquiryId: string;
  title: string;
  reference: string | null;
  /** Public page path, when the public may read it. */
  publicPath: string | null;
}

export interface FollowUpLinks {
  /** The inquiry this one follows up on. */
  followsUp: FollowUpLink | null;
  /** Follow-ups started from this inquiry's answer. */
  followUps: FollowUpLink[];
}

const originalInquiry = alias(inquiries, "original");
const followInquiry = alias(inquiries, "follow");
const pairColumns = { originalId: originalInquiry.id, followId: followInquiry.id };

/** Follow-up pairs (original, follow-up) of one body, both inquiries in it, where `side` is the inquiry. */
function pairsWhere(db: Db | Tx, side: typeof originalInquiry.id | typeof followInquiry.id) {
  return db
    .select(pairColumns)
    .from(answerFollowUps)
    .innerJoin(answers, eq(answers.id, answerFollowUps.answerId))
    .innerJoin(
      originalInquiry,
      and(eq(originalInquiry.id, answers.inquiryId), eq(originalInquiry.bodyId, answers.bodyId)),
    )
    .innerJoin(
      followInquiry,
      and(eq(followInquiry.id, answerFollowUps.inquiryId), eq(followInquiry.bodyId, originalInquiry.bodyId)),
    )
    .where(eq(side, sql.placeholder("inquiryId")));
}

// The pairs the inquiry takes part in, either side; built once per database handle, as the page of every public
// inquiry runs it (issue 13).
const followUpPairs = reusableQuery("follow_up_links", (db) =>
  pairsWhere(db, originalInquiry.id).union(pairsWhere(db, followInquiry.id)),
);

/**
 * The links of one inquiry, filtered by who reads: `reader` null is the public (public, submitted inquiries
 * only); a user sees what maySeeInquiry lets them see.
 */
export async function loadFollowUpLinks(
  inquiryId: string,
  reader: { memberships: readonly MembershipFact[] } | null,
): Promise<FollowUpLinks> {
  const db = await getDb();
  const rows = await followUpPairs(db, { inquiryId });
  const ids = [...new Set(rows.flatMap((r) => [r.originalId, r.followId]))].filter((id) => id !== inquiryId);
  if (ids.length === 0) return { followsUp: null, followUps: [] };
  const details = await db
    .select({ inquiry: inquiries, slug: bodies.slug })
    .from(inquiries)
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .where(inArray(inquiries.id, ids));
  const visible = async (row: (typeof details)[number]) => {
    const i = row.inquiry;
    const isPublic = i.visibility === "public" && i.status !== "draft" && i.publicRef !== null;
    if (reader === null) return isPublic;
    return maySeeInquiry(reader.memberships, { ...i, ...(await responsibilityFacts(db, i.id, i.leadOrganizationId)) });
  };
  const toLink = (row: (typeof details)[number]): FollowUpLink => ({
    inquiryId: row.inquiry.id,
    title: row.inquiry.title,
    reference: row.inquiry.reference,
    publicPath:
      row.inquiry.visibility === "public" && row.inquiry.status !== "draft" && row.inquiry.publicRef
        ? `/${row.slug}/anfragen/${encodeURIComponent(row.inquiry.publicRef)}`
        : null,
  });
  const links: FollowUpLinks = { followsUp: null, followUps: [] };
  for (const row of rows) {
    const otherId = row.originalId === inquiryId ? row.followId : row.originalId;
    const detail = details.find((d) => d.inquiry.id === otherId);
    if (!detail || !(await visible(detail))) continue;
    if (row.originalId === inquiryId) links.followUps.push(toLink(detail));
    else links.followsUp = toLink(detail);
  }
  return links;
}
