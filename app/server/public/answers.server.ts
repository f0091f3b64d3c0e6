/**
 * The published answer of a public inquiry: versions, parts with the questions they cover, withholdings
 * (justification only, never the withheld text), attachments, consultations published with the answer,
 * sign-off chain and tool inventories. Loaded in a fixed number of queries; the answer's content comes from
 * the one answer read model (answers/read-model.server.ts) with the audience "public".
 */
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { answerContributors, answerVersions, organizations, people } from "../../../db/schema/index";
import { isoDateInTimeZone } from "../../domain/format";
import type { SignOffStepStatus, WithholdingReason } from "../../domain/labels";
import { loadAnswerContent, type ReadWithholding } from "../answers/read-model.server";
import type { Db } from "../core/db.server";
import { reusableQuery } from "../core/prepared.server";
import { loadPublishedConsultations, type PublicConsultation } from "./answer-consultations.server";
import { loadPublishedInventories, type PublicToolInventory } from "./answer-inventories.server";
import type { PublicBody } from "./bodies.server";
import { publishedDocumentColumns } from "./visibility.server";

export interface PublicQuestion {
  id: string;
  number: string;
  leadIn: string | null;
  bodyHtml: string;
  parentId: string | null;
}

export interface PublicWithholding {
  id: string;
  reason: WithholdingReason;
  subject: string;
  publicJustification: string;
}

export interface PublicAnswerPart {
  id: string;
  position: number;
  jointNote: string | null;
  bodyHtml: string;
  questionNumbers: string[];
  /** Withholdings of the whole part: a notice beside its text. */
  withholdings: PublicWithholding[];
  /** Withheld passages: their notice is already inline in `bodyHtml`; listed for the API and statistics. */
  passages: PublicWithholding[];
}

/** A row of the question/answer grid: one or several questions (a joint answer) and the parts answering them. */
export interface QaRow {
  questions: PublicQuestion[];
  parts: PublicAnswerPart[];
}

export interface PublicAnswerVersion {
  versionNumber: number;
  documentKind: string | null;
  documentReference: string | null;
  documentDate: string | null;
  publishedOn: string;
  correctionNote: string | null;
}

export interface PublicAnswer {
  /** The version shown (the newest published one unless another was asked for). */
  version: PublicAnswerVersion & {
    title: string | null;
    issuedByLabel: string | null;
    caseOfficerLabel: string | null;
    introHtml: string | null;
    preambleLabel: string | null;
    preambleHtml: string | null;
    closingHtml: string | null;
    signatory: { name: string; roleLabel: string | null; organizationName: string | null } | null;
  };
  isLatest: boolean;
  versions: PublicAnswerVersion[];
  leadOrganizationName: string | null;
  contributorNames: string[];
  /** Parts in document order; `rows` arranges the same parts next to the questions. */
  parts: PublicAnswerPart[];
  rows: QaRow[];
  /** Withholdings that concern the whole version rather than one part. */
  versionWithholdings: PublicWithholding[];
  inventories: PublicToolInventory[];
  consultations: PublicConsultation[];
  signOffSteps: { position: number; label: string; condition: string | null; status: SignOffStepStatus }[];
  attachments: {
    id: string;
    position: number;
    title: string;
    file: { fileName: string; mediaType: string; size: number } | null;
  }[];
}

/** The day an answer counts as given: the date on the document, else the day it was published. */
export function answeredOn(version: PublicAnswerVersion): string {
  return version.documentDate ?? version.publishedOn;
}

const signatory = alias(people, "signatory");
const signatoryOrganization = alias(organizations, "signatory_organization");

// The page's statements, each built once per database handle (issue 13).
const publishedVersions = reusableQuery("public_answer_versions", (db) =>
  db
    .select({
      id: answerVersions.id,
      versionNumber: answerVersions.versionNumber,
      ...publishedDocumentColumns,
      correctionNote: answerVersions.correctionNote,
      title: answerVersions.title,
      issuedByLabel: answerVersions.issuedByLabel,
      caseOfficerLabel: answerVersions.caseOfficerLabel,
      introHtml: answerVersions.introHtml,
      preambleLabel: answerVersions.preambleLabel,
      preambleHtml: answerVersions.preambleHtml,
      closingHtml: answerVersions.closingHtml,
      signatoryName: signatory.name,
      signatoryRoleLabel: signatory.roleLabel,
      signatoryOrganizationName: signatoryOrganization.name,
    })
    .from(answerVersions)
    .leftJoin(
      signatory,
      and(eq(signatory.id, answerVersions.signatoryPersonId), eq(signatory.bodyId, sql.placeholder("bodyId"))),
    )
    .leftJoin(signatoryOrganization, eq(signatoryOrganization.id, signatory.organizationId))
    .where(and(eq(answerVersions.answerId, sql.placeholder("answerId")), isNotNull(answerVersions.publishedAt)))
    .orderBy(asc(answerVersions.versionNumber)),
);

const answerContributorNames = reusableQuery("public_answer_contributors", (db) =>
  db
    .select({ name: organizations.name, role: answerContributors.role })
    .from(answerContributors)
    .innerJoin(organizations, eq(organizations.id, answerContributors.organizationId))
    .where(eq(answerContributors.answerId, sql.placeholder("answerId")))
    .orderBy(asc(organizations.name)),
);

export async function loadPublishedAnswer(
  db: Db,
  body: PublicBody,
  {
    answerId,
    leadOrganizationName,
    questionList,
    versionNumber,
  }: { answerId: string; leadOrganizationName: string | null; questionList: PublicQuestion[]; versionNumber?: number },
): Promise<PublicAnswer | null> {
  const versionRows = await publishedVersions(db, { answerId, bodyId: body.id });
  if (versionRows.length === 0) return null;

  const shown =
    versionNumber === undefined
      ? versionRows[versionRows.length - 1]!
      : versionRows.find((row) => row.versionNumber === versionNumber);
  if (!shown) return null;

  const versions: PublicAnswerVersion[] = versionRows.map((row) => ({
    versionNumber: row.versionNumber,
    documentKind: row.documentKind,
    documentReference: row.documentReference,
    documentDate: row.documentDate,
    publishedOn: isoDateInTimeZone(row.publishedAt!, body.timeZone),
    correctionNote: row.correctionNote,
  }));

  // Round 3: the shown version's content, all in parallel — through the one answer read model, for the public.
  const [content, inventories, publishedConsultations, contributorRows] = await Promise.all([
    loadAnswerContent(db, {
      audience: "public",
      bodyId: body.id,
      answerId,
      versionIds: [shown.id],
      withAttachments: true,
      withSignOff: true,
      prepared: true,
    }),
    loadPublishedInventories(db, shown.id),
    loadPublishedConsultations(db, body.id, answerId),
    answerContributorNames(db, { answerId }),
  ]);

  const questionsById = new Map(questionList.map((q) => [q.id, q]));
  const publicWithholding = (w: ReadWithholding): PublicWithholding => ({
    id: w.id,
    reason: w.reason,
    subject: w.subject,
    publicJustification: w.publicJustification,
  });
  const questionPosition = new Map(questionList.map((q, index) => [q.id, index]));

  const parts: PublicAnswerPart[] = content.parts.map((row) => {
    const questionIds = row.questionIds
      .filter((id) => questionsById.has(id))
      .sort((a, b) => questionPosition.get(a)! - questionPosition.get(b)!);
    return {
      id: row.id,
      position: row.position,
      jointNote: row.jointNote,
      bodyHtml: row.bodyHtml,
      questionNumbers: questionIds.map((id) => questionsById.get(id)!.number),
      withholdings: row.withholdings.map(publicWithholding),
      passages: row.passages.map(publicWithholding),
    };
  });
  const partQuestionIds = new Map(content.parts.map((row) => [row.id, row.questionIds]));

  return {
    version: {
      versionNumber: shown.versionNumber,
      documentKind: shown.documentKind,
      documentReference: shown.documentReference,
      documentDate: shown.documentDate,
      publishedOn: isoDateInTimeZone(shown.publishedAt!, body.timeZone),
      correctionNote: shown.correctionNote,
      title: shown.title,
      issuedByLabel: shown.issuedByLabel,
      caseOfficerLabel: shown.caseOfficerLabel,
      introHtml: shown.introHtml,
      preambleLabel: shown.preambleLabel,
      preambleHtml: shown.preambleHtml,
      closingHtml: shown.closingHtml,
      signatory: shown.signatoryName
        ? {
            name: shown.signatoryName,
            roleLabel: shown.signatoryRoleLabel,
            organizationName: shown.signatoryOrganizationName,
          }
        : null,
    },
    isLatest: shown.versionNumber === versionRows[versionRows.length - 1]!.versionNumber,
    versions,
    leadOrganizationName,
    contributorNames: contributorRows.filter((row) => row.role !== "lead").map((row) => row.name),
    parts,
    rows: arrangeQuestionsAndParts(questionList, parts, partQuestionIds),
    versionWithholdings: content.versionWithholdings.map(publicWithholding),
    inventories,
    consultations: publishedConsultations,
    signOffSteps: content.signOffSteps,
    attachments: content.attachments.map((row) => ({
      id: row.id,
      position: row.position,
      title: row.title,
      file: row.file,
    })),
  };
}

/**
 * Arranges questions and answer parts into rows: a part that answers several questions (a joint answer) puts
 * all of them into one row, shown once; questions without a part get a row of their own; parts that answer no
 * question come last, each in its own row.
 */
export function arrangeQuestionsAndParts(
  questionList: PublicQuestion[],
  parts: PublicAnswerPart[],
  questionIdsByPart: Map<string, string[]>,
): QaRow[] {
  const partsByQuestion = new Map<string, PublicAnswerPart[]>();
  for (const part of parts) {
    for (const questionId of questionIdsByPart.get(part.id) ?? []) {
      const list = partsByQuestion.get(questionId) ?? [];
      list.push(part);
      partsByQuestion.set(questionId, list);
    }
  }
  const placedQuestions = new Set<string>();
  const placedParts = new Set<string>();
  const rows: QaRow[] = [];
  for (const question of questionList) {
    if (placedQuestions.has(question.id)) continue;
    // Close over joint answers: questions of a part, parts of those questions, … until nothing new is found.
    const rowQuestionIds = new Set([question.id]);
    const rowParts = new Map<string, PublicAnswerPart>();
    let grew = true;
    while (grew) {
      grew = false;
      for (const questionId of rowQuestionIds) {
        for (const part of partsByQuestion.get(questionId) ?? []) {
          if (rowParts.has(part.id)) continue;
          rowParts.set(part.id, part);
          grew = true;
          for (const id of questionIdsByPart.get(part.id) ?? []) rowQuestionIds.add(id);
        }
      }
    }
    const rowQuestions = questionList.filter((q) => rowQuestionIds.has(q.id));
    rowQuestions.forEach((q) => placedQuestions.add(q.id));
    rowParts.forEach((_, id) => placedParts.add(id));
    rows.push({ questions: rowQuestions, parts: [...rowParts.values()].sort((a, b) => a.position - b.position) });
  }
  for (const part of parts) {
    if (!placedParts.has(part.id)) rows.push({ questions: [], parts: [part] });
  }
  return rows;
}

// The parts by what they read; re-exported so that callers keep one entry point.
export { comparePublishedVersions, type VersionComparison } from "./answer-versions.server";
export type { PublicConsultation } from "./answer-consultations.server";
export type {
  PublicCriteriaAssessment,
  PublicInventoryRow,
  PublicToolInventory,
  PublicUsageMatrix,
} from "./answer-inventories.server";
