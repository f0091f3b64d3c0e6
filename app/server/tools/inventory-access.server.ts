/**
 * Which tool inventory an editor works on, and whether the user may change it: the inventory of the answer's
 * latest version that is not published, while the answer is being drafted (drafting or waiting for a
 * consultation). A published version's inventory is a snapshot and never changes. Read access follows the
 * answer (answerAccess: NotFound for what the user may not see); writing is for the lead department.
 */
import { and, desc, eq } from "drizzle-orm";
import { answerVersions, toolInventories } from "../../../db/schema";
import { toolInventoryText as t } from "../../domain/texts/tool-inventory";
import { answerAccess, NotFound, type Actor, type AnswerAccess } from "../consultations/access.server";
import type { Db, Tx } from "../core/db.server";
import { FieldInputError } from "../core/errors.server";
import { recordEvent } from "../core/events.server";
import { StaleVersionError } from "../core/transitions.server";

export { NotFound, StaleVersionError };
export type { Actor };

/** Bad input or a refused step: German messages by field ("form" for the whole form). */
export class ToolInputError extends FieldInputError {
  override name = "ToolInputError";
}

export function refuse(field: string, message: string): never {
  throw new ToolInputError({ [field]: message });
}

export interface InventoryAccess {
  /** Null when nobody has started answering yet. */
  answer: AnswerAccess | null;
  version: { id: string; versionNumber: number; published: boolean } | null;
  inventory: typeof toolInventories.$inferSelect | null;
  editable: boolean;
}

export async function inventoryAccess(
  db: Db | Tx,
  actor: Actor,
  inquiryId: string,
  options: { lock?: boolean } = {},
): Promise<InventoryAccess> {
  const answer = await answerAccess(db, actor, inquiryId);
  if (!answer) return { answer: null, version: null, inventory: null, editable: false };
  const [version] = await db
    .select({
      id: answerVersions.id,
      versionNumber: answerVersions.versionNumber,
      publishedAt: answerVersions.publishedAt,
    })
    .from(answerVersions)
    .where(eq(answerVersions.answerId, answer.answer.id))
    .orderBy(desc(answerVersions.versionNumber))
    .limit(1);
  const query = version
    ? db
        .select()
        .from(toolInventories)
        .where(and(eq(toolInventories.versionId, version.id), eq(toolInventories.position, 1)))
    : null;
  const [inventory] = query ? (options.lock ? await query.for("update") : await query) : [];
  const published = version ? version.publishedAt !== null : false;
  return {
    answer,
    version: version ? { id: version.id, versionNumber: version.versionNumber, published } : null,
    inventory: inventory ?? null,
    editable:
      answer.isLead &&
      version !== undefined &&
      !published &&
      inventory?.frozenAt == null &&
      ["drafting", "consultation"].includes(answer.answer.status),
  };
}

/** For a command: the editable inventory under a row lock, at the version the form was rendered from. */
export async function lockEditableInventory(tx: Tx, actor: Actor, inquiryId: string, expectedVersion: number) {
  const access = await inventoryAccess(tx, actor, inquiryId, { lock: true });
  if (!access.answer) refuse("form", t.noAnswer);
  if (!access.editable) refuse("form", t.errors.forbidden);
  if (!access.inventory) refuse("form", t.errors.noInventory);
  if (access.inventory.version !== expectedVersion) throw new StaleVersionError();
  const next = access.inventory.version + 1;
  await tx.update(toolInventories).set({ version: next }).where(eq(toolInventories.id, access.inventory.id));
  return { answer: access.answer, inventory: access.inventory, version: access.version!, nextVersion: next };
}

/** The answer's event for any change of its tool inventory (what changed, and any detail). */
export async function recordInventoryChange(
  tx: Tx,
  access: { answer: NonNullable<Awaited<ReturnType<typeof inventoryAccess>>["answer"]> },
  actor: Actor,
  what: string,
  extra: Record<string, unknown> = {},
) {
  await recordEvent(tx, {
    bodyId: access.answer.bodyId,
    aggregateType: "answer",
    aggregateId: access.answer.answer.id,
    inquiryId: access.answer.inquiry.id,
    type: "tool_inventory_changed",
    actorUserId: actor.id,
    public: false,
    payload: { what, ...extra },
  });
}
