/**
 * Drafts of inquiries (faction side): start one, load it for the editor, save it (title, preamble and the
 * whole question set in one transaction, with an optimistic check on inquiries.version), submit it, choose
 * co-authors and delete it (drafts-management.server.ts).
 *
 * Every command checks the draft rights again (app/domain/draft.ts) on the row it has locked: whoever may not
 * read a draft gets NotFound (the route answers 404) — other factions, other bodies, the administration. A
 * faction member who may read but not edit gets DraftRefused.
 */
import { isUuid } from "../../domain/format";
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import {
  bodies,
  inquiries,
  inquiryCoauthors,
  inquiryOriginators,
  inquiryTypes,
  memberships,
  organizations,
  questions,
  users,
} from "../../../db/schema";
import {
  clockTime,
  draftRights,
  editableText,
  draftingFactions,
  titleProblem,
  type DraftRights,
  type QuestionLevel,
} from "../../domain/draft";
import type { MembershipFact } from "../../domain/policy";
import { draftText as t } from "../../domain/texts/draft";
import { renderContent } from "../../editor/content.server";
import { doc, paragraph } from "../../editor/build";
import { getDb, type Db, type Tx } from "../core/db.server";
import { DraftValidationError, validateDraft, type DraftInput, type ValidDraft } from "./drafts-validation.server";
import { commitInquiryChange, recordEvent } from "../core/events.server";
import { earlierSubmission, submitInquiry, type SubmissionResult } from "./numbering.server";
import { NotFound, StaleVersionError, TransitionRefused } from "../core/transitions.server";
import { typeKind, type TypeKind } from "../../domain/texts/type-words";
import { DraftConflict, lastSaveOf } from "./save-conflict.server";

export { DraftValidationError, NotFound, StaleVersionError, TransitionRefused };
export { DraftConflict, lastSaveOf, type LastSave } from "./save-conflict.server";
export { loadDraftingOptions, type DraftingOption } from "./drafting-options.server";
export type { DraftInput };

/** The user may read the draft but not do this with it; `message` is German. */
export class DraftRefused extends Error {
  override name = "DraftRefused";
}

/** The signed-in user (CurrentUser fits); only the id and the membership facts are used. */
type Actor = { id: string; memberships: readonly MembershipFact[] };

const emptyQuestion = () => renderContent(doc(paragraph()));

/**
 * Starts a draft for one of the user's factions: status draft, public once submitted (the council office may
 * change that later), the faction as originator, one empty question. Writes the non-public `draft_created`.
 */
export async function createDraft(
  user: Actor,
  input: { factionId: string; typeId: string; title: string },
): Promise<string> {
  const errors: Record<string, string> = {};
  const faction = draftingFactions(user.memberships).find((f) => f.organizationId === input.factionId);
  if (!faction) errors.faction = t.bodyMissing;
  const issue = titleProblem(input.title);
  if (issue) errors.title = issue === "empty" ? t.titleEmpty : t.titleTooLong;
  if (!isUuid(input.typeId)) errors.type = t.typeMissing;
  if (Object.keys(errors).length > 0 || !faction) throw new DraftValidationError(errors);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [type] = await tx
      .select({ id: inquiryTypes.id })
      .from(inquiryTypes)
      .where(and(eq(inquiryTypes.id, input.typeId), eq(inquiryTypes.bodyId, faction.bodyId)));
    if (!type) throw new DraftValidationError({ type: t.typeMissing });
    const [org] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.id, faction.organizationId), eq(organizations.bodyId, faction.bodyId)));
    if (!org) throw new NotFound();
    const [inquiry] = await tx
      .insert(inquiries)
      .values({
        bodyId: faction.bodyId,
        typeId: type.id,
        title: input.title.trim(),
        status: "draft",
        visibility: "public",
        originatorOrganizationId: faction.organizationId,
        createdByUserId: user.id,
      })
      .returning({ id: inquiries.id });
    const id = inquiry!.id;
    await tx
      .insert(inquiryOriginators)
      .values({ inquiryId: id, organizationId: faction.organizationId, label: org.name, position: 1 });
    const body = emptyQuestion();
    await tx.insert(questions).values({
      inquiryId: id,
      position: 1,
      number: "1",
      bodyJson: body.json,
      bodyHtml: body.html,
      bodyText: body.text,
    });
    await recordEvent(tx, {
      bodyId: faction.bodyId,
      aggregateType: "inquiry",
      aggregateId: id,
      inquiryId: id,
      type: "draft_created",
      actorUserId: user.id,
      public: false,
      payload: { typeId: type.id, title: input.title.trim() },
    });
    return id;
  });
}

// ---- loading ---------------------------------------------------------------------------------------------

type InquiryRow = typeof inquiries.$inferSelect;

async function coauthorIds(tx: Tx | Db, inquiryId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: inquiryCoauthors.userId })
    .from(inquiryCoauthors)
    .where(eq(inquiryCoauthors.inquiryId, inquiryId));
  return rows.map((r) => r.userId);
}

function rightsOn(user: Actor, row: InquiryRow, coauthors: string[]): DraftRights {
  return draftRights(
    { userId: user.id, memberships: user.memberships },
    {
      bodyId: row.bodyId,
      status: row.status,
      originatorOrganizationId: row.originatorOrganizationId,
      createdByUserId: row.createdByUserId,
      coauthorUserIds: coauthors,
    },
  );
}

/** Locks the draft row and returns it with the user's rights; NotFound when the user may not read it. */
export async function lockDraft(
  tx: Tx,
  user: Actor,
  inquiryId: string,
): Promise<{ row: InquiryRow; rights: DraftRights; coauthors: string[] }> {
  if (!isUuid(inquiryId)) throw new NotFound();
  const [row] = await tx.select().from(inquiries).where(eq(inquiries.id, inquiryId)).for("update");
  if (!row) throw new NotFound();
  const coauthors = await coauthorIds(tx, row.id);
  const rights = rightsOn(user, row, coauthors);
  if (!rights.read) throw new NotFound();
  return { row, rights, coauthors };
}

export interface FactionMember {
  userId: string;
  displayName: string;
}

export interface DraftView {
  kind: "draft";
  id: string;
  version: number;
  title: string;
  bodyName: string;
  typeName: string;
  /** Anfrage, Antrag or Schreiben: which words the editor uses for the numbered parts. */
  typeKind: TypeKind;
  ruleLabel: string;
  factionName: string;
  preamble: { json: unknown; text: string } | null;
  questions: Array<{ level: QuestionLevel; number: string; json: unknown; text: string }>;
  rights: DraftRights;
  coauthors: FactionMember[];
  /** Active members of the faction the creator may choose as co-authors (only filled for the creator). */
  candidates: FactionMember[];
}

/**
 * The draft for the editor, or `{ kind: "submitted" }` when it has been submitted meanwhile and the user is
 * in its faction (the route then sends them to the inquiry's page); null for everything the user may not see.
 */
export async function loadDraft(
  user: Actor,
  inquiryId: string,
): Promise<DraftView | { kind: "submitted"; id: string } | null> {
  if (!isUuid(inquiryId)) return null;
  const db = await getDb();
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, inquiryId));
  if (!row) return null;
  const coauthors = await coauthorIds(db, row.id);
  const rights = rightsOn(user, row, coauthors);
  if (!rights.read) {
    const ownFaction = rightsOn(user, { ...row, status: "draft" }, coauthors).read;
    return row.status !== "draft" && ownFaction ? { kind: "submitted", id: row.id } : null;
  }
  const [context] = await db
    .select({
      bodyName: bodies.name,
      typeName: inquiryTypes.name,
      typeCode: inquiryTypes.code,
      typeLifecycle: inquiryTypes.lifecycle,
      ruleLabel: inquiryTypes.deadlineRuleLabel,
      factionName: organizations.name,
    })
    .from(inquiryTypes)
    .innerJoin(bodies, eq(bodies.id, inquiryTypes.bodyId))
    .innerJoin(organizations, eq(organizations.id, row.originatorOrganizationId!))
    .where(eq(inquiryTypes.id, row.typeId));
  const qs = await db
    .select({
      number: questions.number,
      parentId: questions.parentId,
      json: questions.bodyJson,
      text: questions.bodyText,
    })
    .from(questions)
    .where(eq(questions.inquiryId, row.id))
    .orderBy(asc(questions.position));
  const members = await factionMembers(db, row.bodyId, row.originatorOrganizationId!);
  const named = (ids: string[]) => members.filter((m) => ids.includes(m.userId));
  return {
    kind: "draft",
    id: row.id,
    version: row.version,
    title: row.title,
    bodyName: context?.bodyName ?? "",
    typeName: context?.typeName ?? "",
    typeKind: context
      ? typeKind({ lifecycle: context.typeLifecycle, code: context.typeCode, name: context.typeName })
      : "inquiry",
    ruleLabel: context?.ruleLabel ?? "",
    factionName: context?.factionName ?? "",
    preamble: row.preambleJson ? { json: row.preambleJson, text: editableText(row.preambleJson) } : null,
    questions: qs.map((q) => ({
      level: q.parentId ? 1 : 0,
      number: q.number,
      json: q.json,
      text: editableText(q.json),
    })),
    rights,
    coauthors: named(coauthors),
    candidates: rights.manageCoauthors ? members.filter((m) => m.userId !== row.createdByUserId) : [],
  };
}

export async function factionMembers(db: Db | Tx, bodyId: string, factionId: string): Promise<FactionMember[]> {
  const rows = await db
    .selectDistinct({ userId: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        eq(memberships.organizationId, factionId),
        eq(memberships.role, "faction_member"),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.displayName));
  return rows;
}

/** A fresh key for one rendering of the submit form: the submit event records it (tracing double submits). */
export function newSubmissionKey(): string {
  return randomUUID();
}

// ---- saving ----------------------------------------------------------------------------------------------

export interface SaveDraftCommand {
  inquiryId: string;
  /** The version the form was loaded (or last saved) with. */
  expectedVersion: number;
  input: DraftInput;
}

/** Writes title, preamble and the whole question set; the caller's transaction holds the row lock. */
async function writeDraft(
  tx: Tx,
  user: Actor,
  command: SaveDraftCommand,
  options: { forSubmission: boolean },
): Promise<{ row: InquiryRow; version: number }> {
  const { row, rights } = await lockDraft(tx, user, command.inquiryId);
  if (!rights.edit) throw new DraftRefused(t.readOnlyNotice);
  if (row.version !== command.expectedVersion)
    throw new DraftConflict(row.version, await lastSaveOf(tx, row.bodyId, row.lastSavedByUserId, row.updatedAt));
  const valid: ValidDraft = validateDraft(command.input, options);
  // A save is not logged (autosave): the version guards concurrent editing; draft_created and submit are the log.
  const { version } = await commitInquiryChange(
    tx,
    row,
    {
      title: valid.title,
      preambleJson: valid.preamble?.json ?? null,
      preambleHtml: valid.preamble?.html ?? null,
      preambleText: valid.preamble?.text ?? null,
      updatedAt: new Date(),
      lastSavedByUserId: user.id,
    },
    null,
  );
  await tx.delete(questions).where(eq(questions.inquiryId, row.id));
  if (valid.questions.length > 0) {
    const ids = valid.questions.map(() => randomUUID());
    await tx.insert(questions).values(
      valid.questions.map((q, i) => ({
        id: ids[i]!,
        inquiryId: row.id,
        parentId: q.parentIndex === null ? null : ids[q.parentIndex]!,
        position: q.position,
        number: q.number,
        bodyJson: q.body.json,
        bodyHtml: q.body.html,
        bodyText: q.body.text,
      })),
    );
  }
  return { row, version };
}

/** Saves a draft; returns the new version. DraftConflict when someone saved in between, and nothing is written. */
export async function saveDraft(
  user: Actor,
  command: SaveDraftCommand,
): Promise<{ version: number; savedAt: Date; savedAtTime: string }> {
  const db = await getDb();
  const { row, version } = await db.transaction((tx) => writeDraft(tx, user, command, { forSubmission: false }));
  const [body] = await db.select({ timeZone: bodies.timeZone }).from(bodies).where(eq(bodies.id, row.bodyId));
  const savedAt = new Date();
  return { version, savedAt, savedAtTime: clockTime(savedAt, body?.timeZone ?? "Europe/Berlin") };
}

/**
 * Saves the draft as posted and submits it in the same transaction (numbering and due date by submitInquiry):
 * a refusal anywhere leaves the draft as it was. A second submit of the same draft (double click, retry) finds
 * it submitted and returns its reference instead of an error — to the people who may submit it.
 */
export async function submitDraft(
  user: Actor,
  command: SaveDraftCommand & { submissionKey?: string },
): Promise<SubmissionResult> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const { row, version } = await writeDraft(tx, user, command, { forSubmission: true });
      // The engine opens a savepoint inside this transaction; the row lock taken above is kept.
      return submitInquiry(tx as unknown as Db, {
        inquiryId: row.id,
        bodyId: row.bodyId,
        actor: { userId: user.id, memberships: user.memberships },
        expectedVersion: version,
        submissionKey: command.submissionKey,
      });
    });
  } catch (error) {
    if (!(error instanceof NotFound || error instanceof DraftConflict)) throw error;
    const earlier = await submittedBefore(db, user, command.inquiryId);
    if (earlier) return earlier;
    throw error;
  }
}

async function submittedBefore(db: Db, user: Actor, inquiryId: string): Promise<SubmissionResult | null> {
  if (!isUuid(inquiryId)) return null;
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, inquiryId));
  if (!row || row.status === "draft" || !row.reference) return null;
  const author = rightsOn(user, { ...row, status: "draft" }, await coauthorIds(db, row.id)).submit;
  if (!author) return null;
  return earlierSubmission({ ...row, reference: row.reference });
}
