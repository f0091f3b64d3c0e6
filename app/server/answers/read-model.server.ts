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
import { and, asc, eq, inArray, sql, type Placeholder, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
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
import { jsonList, jsonRow, reusableStatement } from "../core/prepared.server";

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
   * Run statements built once per database handle, prepared on the server (PostgreSQL parses them once and,
   * after five runs, keeps a generic plan): for the public audience's full text of ONE version, which the public
   * answer page reads on every request (issue 13). Not for lists of versions: each length of the id list would be
   * a statement of its own.
   */
  prepared?: boolean;
}

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

/** Which versions a statement reads: a list given per call, or the one version of a reusable statement. */
type VersionFilter = (column: AnyPgColumn) => SQL;
const inVersions =
  (versionIds: string[]): VersionFilter =>
  (column) =>
    inArray(column, versionIds);
const theVersion: VersionFilter = (column) => eq(column, sql.placeholder("versionId"));

// The five statements of the read model, built from the audience and the versions' filter.
// `project` turns the fields into what is selected: the fields themselves (rows), or `jsonRow` (one JSON object
// per row, for the public page's one statement, `publicOfOneVersion`).
type Project = <F extends Record<string, SQLWrapper>>(fields: F) => F;
const asRows: Project = (fields) => fields;
const asJson = jsonRow as unknown as Project;

function partsStatement(
  db: Db | Tx,
  audience: AnswerAudience,
  withoutBodies: boolean,
  versions: VersionFilter,
  project = asRows,
) {
  return db
    .select(
      project({
        id: answerParts.id,
        versionId: answerParts.versionId,
        position: answerParts.position,
        jointNote: answerParts.jointNote,
        bodyHtml: withoutBodies ? sql<string>`''` : bodyHtmlFor(audience),
      }),
    )
    .from(answerParts)
    .where(versions(answerParts.versionId))
    .orderBy(asc(answerParts.position));
}

function linksStatement(db: Db | Tx, versions: VersionFilter, project = asRows) {
  return db
    .select(project({ partId: answerPartQuestions.partId, questionId: answerPartQuestions.questionId }))
    .from(answerPartQuestions)
    .innerJoin(answerParts, eq(answerParts.id, answerPartQuestions.partId))
    .where(versions(answerParts.versionId));
}

function withholdingsStatement(db: Db | Tx, audience: AnswerAudience, versions: VersionFilter, project = asRows) {
  return db
    .select(project(withholdingColumnsFor(audience)))
    .from(withholdings)
    .where(versions(withholdings.versionId))
    .orderBy(asc(withholdings.createdAt), asc(withholdings.id));
}

function attachmentsStatement(
  db: Db | Tx,
  audience: AnswerAudience,
  bodyId: string | Placeholder,
  versions: VersionFilter,
  project = asRows,
) {
  return db
    .select(
      project({
        id: answerAttachments.id,
        versionId: answerAttachments.versionId,
        position: answerAttachments.position,
        title: answerAttachments.title,
        public: answerAttachments.public,
        fileName: files.fileName,
        mediaType: files.mediaType,
        size: files.size,
      }),
    )
    .from(answerAttachments)
    .leftJoin(files, and(eq(files.id, answerAttachments.fileId), eq(files.bodyId, bodyId)))
    .where(
      and(
        versions(answerAttachments.versionId),
        audience === "public" ? eq(answerAttachments.public, true) : undefined,
      ),
    )
    .orderBy(asc(answerAttachments.position));
}

function signOffStatement(db: Db | Tx, answerId: string | Placeholder, project = asRows) {
  return db
    .select(
      project({
        position: signOffSteps.position,
        label: signOffSteps.label,
        condition: signOffSteps.condition,
        status: signOffSteps.status,
      }),
    )
    .from(signOffSteps)
    .where(eq(signOffSteps.answerId, answerId))
    .orderBy(asc(signOffSteps.position));
}

type Rows<Q extends (...args: never[]) => unknown> = Awaited<ReturnType<Q>>;

/**
 * The public audience's content of ONE version as ONE statement, built once per database handle and prepared on
 * the server (`prepared: true`: the public answer page reads it on every request, issue 13): the five selects
 * below, each as a JSON array, in one round trip instead of five. The selects are the same builders as the
 * per-call form's, so what the public may read stays written once.
 */
const publicOfOneVersion = reusableStatement<
  {
    parts: Rows<typeof partsStatement>;
    links: Rows<typeof linksStatement>;
    withholdings: Rows<typeof withholdingsStatement>;
    attachments: Rows<typeof attachmentsStatement>;
    signOff: Rows<typeof signOffStatement>;
  },
  { versionId: string; bodyId: string; answerId: string }
>(
  "answer_content_public",
  (db) => sql`select
    ${jsonList(partsStatement(db, "public", false, theVersion, asJson))} as "parts",
    ${jsonList(linksStatement(db, theVersion, asJson))} as "links",
    ${jsonList(withholdingsStatement(db, "public", theVersion, asJson))} as "withholdings",
    ${jsonList(attachmentsStatement(db, "public", sql.placeholder("bodyId"), theVersion, asJson))} as "attachments",
    ${jsonList(signOffStatement(db, sql.placeholder("answerId"), asJson))} as "signOff"`,
);

export async function loadAnswerContent(db: Db | Tx, query: AnswerContentQuery): Promise<AnswerContent> {
  const { audience, bodyId, answerId, versionIds } = query;
  if (versionIds.length === 0) return { parts: [], versionWithholdings: [], attachments: [], signOffSteps: [] };
  if (query.prepared && (audience !== "public" || versionIds.length !== 1 || query.withoutBodies)) {
    throw new Error("prepared: only for the public audience's full text of one version");
  }
  const versions = inVersions(versionIds);
  const [partRows, links, withholdingRows, attachmentRows, stepRows] = query.prepared
    ? await publicOfOneVersion(db, { versionId: versionIds[0]!, bodyId, answerId }).then(
        ([row]) =>
          [
            row!.parts,
            row!.links,
            row!.withholdings,
            query.withAttachments ? row!.attachments : [],
            query.withSignOff ? row!.signOff : [],
          ] as const,
      )
    : await Promise.all([
        partsStatement(db, audience, query.withoutBodies ?? false, versions),
        linksStatement(db, versions),
        withholdingsStatement(db, audience, versions),
        query.withAttachments ? attachmentsStatement(db, audience, bodyId, versions) : Promise.resolve([]),
        query.withSignOff ? signOffStatement(db, answerId) : Promise.resolve([]),
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
