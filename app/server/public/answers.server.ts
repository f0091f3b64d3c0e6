/**
 * The published answer of a public inquiry: versions, parts with the questions they cover, withholdings
 * (justification only, never the withheld text), attachments, consultations published with the answer,
 * sign-off chain and tool inventories. Loaded in a fixed number of queries.
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  answerAttachments,
  answerContributors,
  answerPartQuestions,
  answerParts,
  answerVersions,
  answers,
  consultationRecommendations,
  consultations,
  criteria,
  criteriaSets,
  files,
  inquiries,
  inventoryCriteriaSets,
  organizations,
  people,
  questions,
  signOffSteps,
  toolAssessments,
  toolInventories,
  toolInventoryRows,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
  tools,
  withholdings,
} from "../../../db/schema/index";
import { isoDateInTimeZone } from "../../domain/format";
import { wordDiff, type DiffSegment } from "../../domain/word-diff";
import type {
  AssessmentResult,
  ConsultationKind,
  ConsultationVerdict,
  DeploymentVariant,
  RecommendationKind,
  SignOffStepStatus,
  WithholdingReason,
} from "../../domain/labels";
import { getDb, type Db } from "../core/db.server";
import type { PublicBody } from "./bodies.server";

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
  withholdings: PublicWithholding[];
}

/** A row of the question/answer grid: one or several questions (a joint answer) and the parts answering them. */
export interface QaRow {
  questions: PublicQuestion[];
  parts: PublicAnswerPart[];
}

export interface PublicInventoryRow {
  id: string;
  label: string;
  workplaceCount: number | null;
  footnoteMark: string | null;
  footnote: string | null;
  variant: DeploymentVariant;
  toolSlug: string;
  toolName: string;
}

export interface PublicUsageMatrix {
  /** The answer's own name for the matrix, e.g. "Anlage zur Antwort auf Frage 1"; null if it has none. */
  title: string | null;
  rowHeading: string;
  columnHeading: string;
  footnoteMark: string | null;
  footnote: string | null;
  columns: { id: string; label: string }[];
  rows: { id: string; label: string; usedColumnIds: string[] }[];
}

export interface PublicCriteriaAssessment {
  title: string;
  issuer: string;
  issuedOn: string | null;
  url: string | null;
  statusNote: string | null;
  criteria: { id: string; position: number; text: string }[];
  /** Per inventory row: the overall result and any per-criterion results. */
  results: {
    inventoryRowId: string;
    label: string;
    overall: AssessmentResult;
    overallComment: string | null;
    byCriterion: Record<string, AssessmentResult>;
  }[];
}

export interface PublicToolInventory {
  id: string;
  title: string;
  countLabel: string | null;
  questionNumber: string | null;
  rows: PublicInventoryRow[];
  matrix: PublicUsageMatrix | null;
  assessments: PublicCriteriaAssessment[];
}

export interface PublicConsultation {
  id: string;
  kind: ConsultationKind;
  addresseeName: string;
  questionsPut: string | null;
  statementTitle: string | null;
  statementHtml: string | null;
  verdict: ConsultationVerdict | null;
  answeredOn: string | null;
  author: string | null;
  recommendations: { id: string; kind: RecommendationKind; text: string }[];
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
    position: number;
    title: string;
    file: { fileName: string; mediaType: string; size: number } | null;
  }[];
}

/** The day an answer counts as given: the date on the document, else the day it was published. */
export function answeredOn(version: PublicAnswerVersion): string {
  return version.documentDate ?? version.publishedOn;
}

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
  const signatory = alias(people, "signatory");
  const signatoryOrganization = alias(organizations, "signatory_organization");
  const versionRows = await db
    .select({
      id: answerVersions.id,
      versionNumber: answerVersions.versionNumber,
      documentKind: answerVersions.documentKind,
      documentReference: answerVersions.documentReference,
      documentDate: answerVersions.documentDate,
      publishedAt: answerVersions.publishedAt,
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
    .leftJoin(signatory, and(eq(signatory.id, answerVersions.signatoryPersonId), eq(signatory.bodyId, body.id)))
    .leftJoin(signatoryOrganization, eq(signatoryOrganization.id, signatory.organizationId))
    .where(and(eq(answerVersions.answerId, answerId), isNotNull(answerVersions.publishedAt)))
    .orderBy(asc(answerVersions.versionNumber));
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

  // Round 3: the shown version's content, all in parallel.
  const [
    partRows,
    partQuestionRows,
    withholdingRows,
    attachmentRows,
    inventoryRows,
    consultationRows,
    recommendationRows,
    stepRows,
    contributorRows,
  ] = await Promise.all([
    db
      .select({ id: answerParts.id, position: answerParts.position, jointNote: answerParts.jointNote, bodyHtml: answerParts.bodyHtml })
      .from(answerParts)
      .where(eq(answerParts.versionId, shown.id))
      .orderBy(asc(answerParts.position)),
    db
      .select({ partId: answerPartQuestions.partId, questionId: answerPartQuestions.questionId })
      .from(answerPartQuestions)
      .innerJoin(answerParts, eq(answerParts.id, answerPartQuestions.partId))
      .where(eq(answerParts.versionId, shown.id)),
    // Never select withheldText: it is the non-public record.
    db
      .select({
        id: withholdings.id,
        partId: withholdings.partId,
        reason: withholdings.reason,
        subject: withholdings.subject,
        publicJustification: withholdings.publicJustification,
      })
      .from(withholdings)
      .where(eq(withholdings.versionId, shown.id))
      .orderBy(asc(withholdings.createdAt), asc(withholdings.id)),
    db
      .select({
        position: answerAttachments.position,
        title: answerAttachments.title,
        fileName: files.fileName,
        mediaType: files.mediaType,
        size: files.size,
      })
      .from(answerAttachments)
      .leftJoin(files, and(eq(files.id, answerAttachments.fileId), eq(files.bodyId, body.id)))
      .where(and(eq(answerAttachments.versionId, shown.id), eq(answerAttachments.public, true)))
      .orderBy(asc(answerAttachments.position)),
    db
      .select({
        id: toolInventories.id,
        title: toolInventories.title,
        countLabel: toolInventories.countLabel,
        questionNumber: toolInventories.questionNumber,
      })
      .from(toolInventories)
      .where(eq(toolInventories.versionId, shown.id))
      .orderBy(asc(toolInventories.position)),
    db
      .select({
        id: consultations.id,
        kind: consultations.kind,
        addresseeName: organizations.name,
        questionsPut: consultations.questionsPut,
        statementTitle: consultations.statementTitle,
        statementHtml: consultations.statementHtml,
        verdict: consultations.verdict,
        answeredOn: consultations.answeredOn,
        authorName: people.name,
        authorRoleLabel: people.roleLabel,
      })
      .from(consultations)
      .innerJoin(organizations, eq(organizations.id, consultations.addresseeOrganizationId))
      .leftJoin(people, eq(people.id, consultations.authorPersonId))
      .where(
        and(
          eq(consultations.answerId, answerId),
          eq(consultations.bodyId, body.id),
          eq(consultations.publishedWithAnswer, true),
          eq(consultations.status, "answered"),
        ),
      )
      .orderBy(asc(consultations.answeredOn), asc(consultations.createdAt)),
    db
      .select({
        id: consultationRecommendations.id,
        consultationId: consultationRecommendations.consultationId,
        kind: consultationRecommendations.kind,
        text: consultationRecommendations.text,
      })
      .from(consultationRecommendations)
      .innerJoin(consultations, eq(consultations.id, consultationRecommendations.consultationId))
      .where(
        and(
          eq(consultations.answerId, answerId),
          eq(consultations.publishedWithAnswer, true),
          eq(consultations.status, "answered"),
        ),
      )
      .orderBy(asc(consultationRecommendations.position)),
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
    db
      .select({ name: organizations.name, role: answerContributors.role })
      .from(answerContributors)
      .innerJoin(organizations, eq(organizations.id, answerContributors.organizationId))
      .where(eq(answerContributors.answerId, answerId))
      .orderBy(asc(organizations.name)),
  ]);

  const questionsById = new Map(questionList.map((q) => [q.id, q]));
  const questionIdsByPart = groupBy(partQuestionRows, (row) => row.partId);
  const withholdingsByPart = groupBy(
    withholdingRows.filter((row) => row.partId !== null),
    (row) => row.partId!,
  );
  const stripPart = ({ partId: _partId, ...rest }: (typeof withholdingRows)[number]): PublicWithholding => rest;
  const questionPosition = new Map(questionList.map((q, index) => [q.id, index]));

  const parts: PublicAnswerPart[] = partRows.map((row) => {
    const questionIds = (questionIdsByPart.get(row.id) ?? [])
      .map((r) => r.questionId)
      .filter((id) => questionsById.has(id))
      .sort((a, b) => questionPosition.get(a)! - questionPosition.get(b)!);
    return {
      ...row,
      questionNumbers: questionIds.map((id) => questionsById.get(id)!.number),
      withholdings: (withholdingsByPart.get(row.id) ?? []).map(stripPart),
    };
  });
  const partQuestionIds = new Map(
    partRows.map((row) => [row.id, (questionIdsByPart.get(row.id) ?? []).map((r) => r.questionId)]),
  );

  const inventories = await loadInventories(db, inventoryRows);
  const recommendationsByConsultation = groupBy(recommendationRows, (row) => row.consultationId);

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
        ? { name: shown.signatoryName, roleLabel: shown.signatoryRoleLabel, organizationName: shown.signatoryOrganizationName }
        : null,
    },
    isLatest: shown.versionNumber === versionRows[versionRows.length - 1]!.versionNumber,
    versions,
    leadOrganizationName,
    contributorNames: contributorRows.filter((row) => row.role !== "lead").map((row) => row.name),
    parts,
    rows: arrangeQuestionsAndParts(questionList, parts, partQuestionIds),
    versionWithholdings: withholdingRows.filter((row) => row.partId === null).map(stripPart),
    inventories,
    consultations: consultationRows.map((row) => ({
      id: row.id,
      kind: row.kind,
      addresseeName: row.addresseeName,
      questionsPut: row.questionsPut,
      statementTitle: row.statementTitle,
      statementHtml: row.statementHtml,
      verdict: row.verdict,
      answeredOn: row.answeredOn,
      author: row.authorName ? [row.authorName, row.authorRoleLabel].filter(Boolean).join(", ") : null,
      recommendations: (recommendationsByConsultation.get(row.id) ?? []).map(({ consultationId: _c, ...rest }) => rest),
    })),
    signOffSteps: stepRows,
    attachments: attachmentRows.map((row) => ({
      position: row.position,
      title: row.title,
      file: row.fileName ? { fileName: row.fileName, mediaType: row.mediaType!, size: row.size! } : null,
    })),
  };
}

/** Round 4: rows, usage matrices and criteria assessments of all inventories of the version at once. */
async function loadInventories(
  db: Db,
  inventoryRows: { id: string; title: string; countLabel: string | null; questionNumber: string | null }[],
): Promise<PublicToolInventory[]> {
  if (inventoryRows.length === 0) return [];
  const inventoryIds = inventoryRows.map((row) => row.id);

  const [rowRows, matrixRows, columnRows, matrixRowRows, cellRows, setRows, criterionRows, assessmentRows] =
    await Promise.all([
      db
        .select({
          id: toolInventoryRows.id,
          inventoryId: toolInventoryRows.inventoryId,
          label: toolInventoryRows.label,
          workplaceCount: toolInventoryRows.workplaceCount,
          footnoteMark: toolInventoryRows.footnoteMark,
          footnote: toolInventoryRows.footnote,
          variant: toolInventoryRows.variant,
          toolSlug: tools.slug,
          toolName: tools.name,
        })
        .from(toolInventoryRows)
        .innerJoin(tools, eq(tools.id, toolInventoryRows.toolId))
        .where(inArray(toolInventoryRows.inventoryId, inventoryIds))
        .orderBy(asc(toolInventoryRows.position)),
      db
        .select({
          id: toolUsageMatrices.id,
          inventoryId: toolUsageMatrices.inventoryId,
          title: toolUsageMatrices.title,
          rowHeading: toolUsageMatrices.rowHeading,
          columnHeading: toolUsageMatrices.columnHeading,
          footnoteMark: toolUsageMatrices.footnoteMark,
          footnote: toolUsageMatrices.footnote,
        })
        .from(toolUsageMatrices)
        .where(inArray(toolUsageMatrices.inventoryId, inventoryIds)),
      db
        .select({
          id: toolUsageMatrixColumns.id,
          matrixId: toolUsageMatrixColumns.matrixId,
          label: toolInventoryRows.label,
        })
        .from(toolUsageMatrixColumns)
        .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixColumns.matrixId))
        .innerJoin(toolInventoryRows, eq(toolInventoryRows.id, toolUsageMatrixColumns.inventoryRowId))
        .where(inArray(toolUsageMatrices.inventoryId, inventoryIds))
        .orderBy(asc(toolUsageMatrixColumns.position)),
      db
        .select({
          id: toolUsageMatrixRows.id,
          matrixId: toolUsageMatrixRows.matrixId,
          label: toolUsageMatrixRows.label,
        })
        .from(toolUsageMatrixRows)
        .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixRows.matrixId))
        .where(inArray(toolUsageMatrices.inventoryId, inventoryIds))
        .orderBy(asc(toolUsageMatrixRows.position)),
      db
        .select({ rowId: toolUsageMatrixCells.rowId, columnId: toolUsageMatrixCells.columnId })
        .from(toolUsageMatrixCells)
        .innerJoin(toolUsageMatrixRows, eq(toolUsageMatrixRows.id, toolUsageMatrixCells.rowId))
        .innerJoin(toolUsageMatrices, eq(toolUsageMatrices.id, toolUsageMatrixRows.matrixId))
        .where(and(inArray(toolUsageMatrices.inventoryId, inventoryIds), eq(toolUsageMatrixCells.uses, true))),
      db
        .select({
          inventoryId: inventoryCriteriaSets.inventoryId,
          criteriaSetId: criteriaSets.id,
          statusNote: inventoryCriteriaSets.statusNote,
          title: criteriaSets.title,
          issuer: criteriaSets.issuer,
          issuedOn: criteriaSets.issuedOn,
          url: criteriaSets.url,
        })
        .from(inventoryCriteriaSets)
        .innerJoin(criteriaSets, eq(criteriaSets.id, inventoryCriteriaSets.criteriaSetId))
        .where(inArray(inventoryCriteriaSets.inventoryId, inventoryIds))
        .orderBy(asc(criteriaSets.title)),
      db
        .select({ id: criteria.id, criteriaSetId: criteria.criteriaSetId, position: criteria.position, text: criteria.text })
        .from(criteria)
        .innerJoin(inventoryCriteriaSets, eq(inventoryCriteriaSets.criteriaSetId, criteria.criteriaSetId))
        .where(inArray(inventoryCriteriaSets.inventoryId, inventoryIds))
        .orderBy(asc(criteria.position)),
      db
        .select({
          inventoryRowId: toolAssessments.inventoryRowId,
          criteriaSetId: toolAssessments.criteriaSetId,
          criterionId: toolAssessments.criterionId,
          result: toolAssessments.result,
          comment: toolAssessments.comment,
        })
        .from(toolAssessments)
        .innerJoin(toolInventoryRows, eq(toolInventoryRows.id, toolAssessments.inventoryRowId))
        .where(inArray(toolInventoryRows.inventoryId, inventoryIds)),
    ]);

  const rowsByInventory = groupBy(rowRows, (row) => row.inventoryId);
  const columnsByMatrix = groupBy(columnRows, (row) => row.matrixId);
  const matrixRowsByMatrix = groupBy(matrixRowRows, (row) => row.matrixId);
  const cellsByRow = groupBy(cellRows, (row) => row.rowId);
  const setsByInventory = groupBy(setRows, (row) => row.inventoryId);
  // A criteria set can be linked to several inventories; keep each criterion once per set.
  const criteriaBySet = new Map<string, { id: string; position: number; text: string }[]>();
  for (const row of criterionRows) {
    const list = criteriaBySet.get(row.criteriaSetId) ?? [];
    if (!list.some((c) => c.id === row.id)) list.push({ id: row.id, position: row.position, text: row.text });
    criteriaBySet.set(row.criteriaSetId, list);
  }

  return inventoryRows.map((inventory): PublicToolInventory => {
    const rows = (rowsByInventory.get(inventory.id) ?? []).map(({ inventoryId: _i, ...rest }) => rest);
    const matrixRow = matrixRows.find((m) => m.inventoryId === inventory.id);
    const matrix: PublicUsageMatrix | null = matrixRow
      ? {
          title: matrixRow.title,
          rowHeading: matrixRow.rowHeading,
          columnHeading: matrixRow.columnHeading,
          footnoteMark: matrixRow.footnoteMark,
          footnote: matrixRow.footnote,
          columns: (columnsByMatrix.get(matrixRow.id) ?? []).map(({ id, label }) => ({ id, label })),
          rows: (matrixRowsByMatrix.get(matrixRow.id) ?? []).map((row) => ({
            id: row.id,
            label: row.label,
            usedColumnIds: (cellsByRow.get(row.id) ?? []).map((cell) => cell.columnId),
          })),
        }
      : null;
    const assessments = (setsByInventory.get(inventory.id) ?? []).map((set): PublicCriteriaAssessment => {
      const setCriteria = criteriaBySet.get(set.criteriaSetId) ?? [];
      return {
        title: set.title,
        issuer: set.issuer,
        issuedOn: set.issuedOn,
        url: set.url,
        statusNote: set.statusNote,
        criteria: setCriteria,
        results: rows.map((row) => {
          const own = assessmentRows.filter((a) => a.inventoryRowId === row.id && a.criteriaSetId === set.criteriaSetId);
          const overall = own.find((a) => a.criterionId === null);
          const byCriterion: Record<string, AssessmentResult> = {};
          for (const a of own) if (a.criterionId) byCriterion[a.criterionId] = a.result;
          return {
            inventoryRowId: row.id,
            label: row.label,
            overall: overall?.result ?? "not_assessed",
            overallComment: overall?.comment ?? null,
            byCriterion,
          };
        }),
      };
    });
    return { ...inventory, rows, matrix, assessments };
  });
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

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export interface VersionComparison {
  from: number;
  to: number;
  segments: DiffSegment[];
}

/**
 * The public text of one published version as a comparison reads it: the preamble, then each part with the
 * questions it answers, and in place of withheld content its public justification — never the withheld text.
 */
async function publishedVersionText(db: Db, answerId: string, versionNumber: number): Promise<string | null> {
  const [version] = await db
    .select({ id: answerVersions.id, preambleText: answerVersions.preambleText })
    .from(answerVersions)
    .where(and(eq(answerVersions.answerId, answerId), eq(answerVersions.versionNumber, versionNumber), isNotNull(answerVersions.publishedAt)));
  if (!version) return null;
  const [parts, links, held] = await Promise.all([
    db
      .select({ id: answerParts.id, bodyText: answerParts.bodyText, jointNote: answerParts.jointNote })
      .from(answerParts)
      .where(eq(answerParts.versionId, version.id))
      .orderBy(asc(answerParts.position)),
    db
      .select({ partId: answerPartQuestions.partId, number: questions.number, position: questions.position })
      .from(answerPartQuestions)
      .innerJoin(answerParts, eq(answerParts.id, answerPartQuestions.partId))
      .innerJoin(questions, eq(questions.id, answerPartQuestions.questionId))
      .where(eq(answerParts.versionId, version.id)),
    // Never select withheldText: it is the non-public record.
    db
      .select({ partId: withholdings.partId, publicJustification: withholdings.publicJustification })
      .from(withholdings)
      .where(eq(withholdings.versionId, version.id)),
  ]);
  const blocks: string[] = [];
  if (version.preambleText) blocks.push(version.preambleText);
  for (const w of held.filter((h) => h.partId === null)) blocks.push(`[Zurückgehalten: ${w.publicJustification}]`);
  for (const part of parts) {
    const numbers = links
      .filter((l) => l.partId === part.id)
      .sort((a, b) => a.position - b.position)
      .map((l) => l.number);
    if (numbers.length) blocks.push(numbers.length === 1 ? `Zu Frage ${numbers[0]}:` : `Zu den Fragen ${numbers.join(", ")}:`);
    if (part.jointNote) blocks.push(part.jointNote);
    if (part.bodyText) blocks.push(part.bodyText);
    for (const w of held.filter((h) => h.partId === part.id)) blocks.push(`[Zurückgehalten: ${w.publicJustification}]`);
  }
  return blocks.join("\n\n");
}

/**
 * Word-level differences between two published versions of an inquiry's answer. Call only for an inquiry the
 * public may see (after loadPublicInquiry succeeded for it); null when either version is not published.
 */
export async function comparePublishedVersions(
  params: { body: PublicBody; publicRef: string; from: number; to: number },
  database?: Db,
): Promise<VersionComparison | null> {
  const { body, publicRef, from, to } = params;
  const db = database ?? (await getDb());
  const [answer] = await db
    .select({ id: answers.id })
    .from(answers)
    .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
    .where(and(eq(inquiries.bodyId, body.id), eq(answers.bodyId, body.id), eq(inquiries.publicRef, publicRef)));
  if (!answer) return null;
  const [before, after] = await Promise.all([publishedVersionText(db, answer.id, from), publishedVersionText(db, answer.id, to)]);
  if (before === null || after === null) return null;
  return { from, to, segments: wordDiff(before, after) };
}
