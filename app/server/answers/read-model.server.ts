/**
 * The ONE read model of an answer's content (issue 9): the parts of one or several versions with the questions
 * they answer, their withholdings, the attachments and the sign-off chain — for an explicit AUDIENCE.
 *
 * - `public` (anonymous readers, and staff who may not see the administration's work): the part's PUBLIC body
 *   (withheld passages already replaced by their notice), withholdings without their withheld text, public
 *   attachments only. The non-public columns (`non_public_body_*`, `withheld_text`) are never SELECTED — they
 *   are not merely dropped afterwards, so nothing built on this read model can leak them.
 * - `staff` (the administration working on the answer): the full text with its withheld passages marked
 *   (the non-public record where there is one), withheld text, non-public attachments.
 *
 * Every statement runs in parallel in one round; callers put the returned promise into their own round.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  answerAttachments,
  answerPartQuestions,
  answerParts,
  files,
  signOffSteps,
  withholdings,
} from "../../../db/schema";
import type { SignOffStepStatus, WithholdingReason } from "../../domain/labels";
import type { Db, Tx } from "../core/db.server";

export type AnswerAudience = "public" | "staff";

export interface ReadWithholding {
  id: string;
  versionId: string;
  partId: string | null;
  /** Set for a withheld passage inside the part's text (its notice is inline in the public body). */
  passageKey: string | null;
  reason: WithholdingReason;
  subject: string;
  publicJustification: string;
  /** Only for the staff audience; always null for the public. */
  withheldText: string | null;
}

export interface ReadPart {
  id: string;
  versionId: string;
  position: number;
  jointNote: string | null;
  /** Public: the public body. Staff: the full text with withheld passages marked. */
  bodyHtml: string;
  questionIds: string[];
  /** Withholdings of the whole part (shown as a notice beside the text). */
  withholdings: ReadWithholding[];
  /** Withheld passages inside the text. */
  passages: ReadWithholding[];
}

export interface ReadAttachment {
  id: string;
  versionId: string;
  position: number;
  title: string;
  public: boolean;
  file: { fileName: string; mediaType: string; size: number } | null;
}

export interface AnswerContent {
  parts: ReadPart[];
  /** Withholdings of a whole version (not of one part). */
  versionWithholdings: ReadWithholding[];
  attachments: ReadAttachment[];
  signOffSteps: { position: number; label: string; condition: string | null; status: SignOffStepStatus }[];
}

export interface AnswerContentQuery {
  audience: AnswerAudience;
  bodyId: string;
  answerId: string;
  versionIds: string[];
  /** Load the attachments (with their files of this body) and the sign-off chain too. */
  withAttachments?: boolean;
  withSignOff?: boolean;
  /** Leave the parts' text out (`bodyHtml` is ""): for readers of the structure only (OParl's paper lists). */
  withoutBodies?: boolean;
  /**
   * Run the statements as prepared statements of the connection (PostgreSQL parses them once and, after five
   * runs, keeps a generic plan): for callers that read one version on every request (the public answer page,
   * issue 13). Not for lists of many versions: each length of the id list would be a statement of its own.
   */
  prepared?: boolean;
}

/** A query built by drizzle, run as a prepared statement or as a plain one. */
type Runnable<T> = { prepare(name: string): { execute(): Promise<T> }; execute(): Promise<T> };

/** The body column an audience reads: the public body, or the non-public record where there is one. */
function bodyHtmlFor(audience: AnswerAudience) {
  return audience === "staff"
    ? sql<string>`coalesce(${answerParts.nonPublicBodyHtml}, ${answerParts.bodyHtml})`
    : answerParts.bodyHtml;
}

/** What an audience may read of a withholding: the public never gets the withheld text selected. */
function withholdingColumnsFor(audience: AnswerAudience) {
  const common = {
    id: withholdings.id,
    versionId: withholdings.versionId,
    partId: withholdings.partId,
    passageKey: withholdings.passageKey,
    reason: withholdings.reason,
    subject: withholdings.subject,
    publicJustification: withholdings.publicJustification,
  };
  return audience === "staff" ? { ...common, withheldText: withholdings.withheldText } : common;
}

export async function loadAnswerContent(db: Db | Tx, query: AnswerContentQuery): Promise<AnswerContent> {
  const { audience, bodyId, answerId, versionIds } = query;
  if (versionIds.length === 0) return { parts: [], versionWithholdings: [], attachments: [], signOffSteps: [] };
  const run = <T>(name: string, built: Runnable<T>): Promise<T> =>
    query.prepared ? built.prepare(name).execute() : built.execute();
  const [partRows, links, withholdingRows, attachmentRows, stepRows] = await Promise.all([
    run(
      "answer_content_parts",
      db
        .select({
          id: answerParts.id,
          versionId: answerParts.versionId,
          position: answerParts.position,
          jointNote: answerParts.jointNote,
          bodyHtml: query.withoutBodies ? sql<string>`''` : bodyHtmlFor(audience),
        })
        .from(answerParts)
        .where(inArray(answerParts.versionId, versionIds))
        .orderBy(asc(answerParts.position)),
    ),
    run(
      "answer_content_links",
      db
        .select({ partId: answerPartQuestions.partId, questionId: answerPartQuestions.questionId })
        .from(answerPartQuestions)
        .innerJoin(answerParts, eq(answerParts.id, answerPartQuestions.partId))
        .where(inArray(answerParts.versionId, versionIds)),
    ),
    run(
      "answer_content_withholdings",
      db
        .select(withholdingColumnsFor(audience))
        .from(withholdings)
        .where(inArray(withholdings.versionId, versionIds))
        .orderBy(asc(withholdings.createdAt), asc(withholdings.id)),
    ),
    query.withAttachments
      ? run(
          "answer_content_attachments",
          db
            .select({
              id: answerAttachments.id,
              versionId: answerAttachments.versionId,
              position: answerAttachments.position,
              title: answerAttachments.title,
              public: answerAttachments.public,
              fileName: files.fileName,
              mediaType: files.mediaType,
              size: files.size,
            })
            .from(answerAttachments)
            .leftJoin(files, and(eq(files.id, answerAttachments.fileId), eq(files.bodyId, bodyId)))
            .where(
              and(
                inArray(answerAttachments.versionId, versionIds),
                audience === "public" ? eq(answerAttachments.public, true) : undefined,
              ),
            )
            .orderBy(asc(answerAttachments.position)),
        )
      : Promise.resolve([]),
    query.withSignOff
      ? run(
          "answer_content_sign_off",
          db
            .select({
              position: signOffSteps.position,
              label: signOffSteps.label,
              condition: signOffSteps.condition,
              status: signOffSteps.status,
            })
            .from(signOffSteps)
            .where(eq(signOffSteps.answerId, answerId))
            .orderBy(asc(signOffSteps.position)),
        )
      : Promise.resolve([]),
  ]);

  const toWithholding = (row: (typeof withholdingRows)[number]): ReadWithholding => ({
    ...row,
    withheldText: "withheldText" in row ? (row.withheldText as string | null) : null,
  });
  const all = withholdingRows.map(toWithholding);
  return {
    parts: partRows.map((part) => ({
      ...part,
      questionIds: links.filter((l) => l.partId === part.id).map((l) => l.questionId),
      withholdings: all.filter((w) => w.partId === part.id && w.passageKey === null),
      passages: all.filter((w) => w.partId === part.id && w.passageKey !== null),
    })),
    versionWithholdings: all.filter((w) => w.partId === null),
    attachments: attachmentRows.map((row) => ({
      id: row.id,
      versionId: row.versionId,
      position: row.position,
      title: row.title,
      public: row.public,
      file: row.fileName ? { fileName: row.fileName, mediaType: row.mediaType!, size: row.size! } : null,
    })),
    signOffSteps: stepRows,
  };
}
