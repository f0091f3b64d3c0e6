/**
 * Co-authors and deletion of a draft — both for its creator only (app/domain/draft.ts), both on the locked row.
 */
import { eq } from "drizzle-orm";
import { inquiries, inquiryCoauthors } from "../../../db/schema";
import type { MembershipFact } from "../../domain/policy";
import { draftText as t } from "../../domain/texts/draft";
import { getDb } from "../core/db.server";
import { DraftRefused, factionMembers, lockDraft } from "./drafts.server";
import { DraftValidationError } from "./drafts-validation.server";
import { recordEvent } from "../core/events.server";

type Actor = { id: string; memberships: readonly MembershipFact[] };

/** Replaces the co-authors (creator only); each must be an active member of the draft's faction. */
export async function setCoauthors(user: Actor, input: { inquiryId: string; userIds: string[] }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { row, rights, coauthors } = await lockDraft(tx, user, input.inquiryId);
    if (!rights.manageCoauthors) throw new DraftRefused(t.readOnlyNotice);
    const wanted = [...new Set(input.userIds)];
    const members = await factionMembers(tx, row.bodyId, row.originatorOrganizationId!);
    const allowed = new Set(members.map((m) => m.userId).filter((id) => id !== row.createdByUserId));
    if (wanted.some((id) => !allowed.has(id))) throw new DraftValidationError({ coauthors: t.coauthorsInvalid });
    const added = wanted.filter((id) => !coauthors.includes(id));
    const removed = coauthors.filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return;
    await tx.delete(inquiryCoauthors).where(eq(inquiryCoauthors.inquiryId, row.id));
    if (wanted.length > 0)
      await tx.insert(inquiryCoauthors).values(wanted.map((userId) => ({ inquiryId: row.id, userId })));
    await recordEvent(tx, {
      bodyId: row.bodyId,
      aggregateType: "inquiry",
      aggregateId: row.id,
      inquiryId: row.id,
      type: "coauthors_changed",
      actorUserId: user.id,
      public: false,
      payload: { added, removed },
    });
  });
}

/**
 * Deletes a draft with its questions, originators and co-authors (creator only). The audit row stays: an event
 * `draft_deleted` without its inquiry (the inquiry it names no longer exists, so no notifications refer to it).
 */
export async function deleteDraft(user: Actor, input: { inquiryId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { row, rights } = await lockDraft(tx, user, input.inquiryId);
    if (!rights.delete) throw new DraftRefused(t.readOnlyNotice);
    await tx.delete(inquiries).where(eq(inquiries.id, row.id));
    await recordEvent(tx, {
      bodyId: row.bodyId,
      aggregateType: "inquiry",
      aggregateId: row.id,
      type: "draft_deleted",
      actorUserId: user.id,
      public: false,
      payload: { title: row.title },
    });
  });
}
