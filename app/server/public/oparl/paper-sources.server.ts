/**
 * What OParl's papers need of the public read model, for a whole list page at once (issue 14: at 100,000
 * inquiries a page of 20 papers cost ~300 statements when every paper ran loadPublicInquiry). The rules are the
 * public detail's (inquiries.server.ts, answers.server.ts): public inquiries past draft with a public reference,
 * published answer versions only, the shown version is the latest, a hidden question text hides the question
 * numbers too, and withholdings come from the one answer read model with audience "public" — the withheld text
 * is never selected. A constant number of statements, whatever the page size.
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import {
  answerVersions,
  answers,
  bodies,
  deadlineExtensions,
  inquiries,
  inquiryOriginators,
  inquiryTypes,
  organizations,
  questions,
} from "../../../../db/schema/index";
import { isOpenStatus } from "../../../domain/dashboard";
import { isoDateInTimeZone } from "../../../domain/format";
import type { InquiryLifecycle, InquiryStatus, MotionDecision, WithholdingReason } from "../../../domain/labels";
import { loadAnswerContent, type ReadWithholding } from "../../answers/read-model.server";
import type { Db } from "../../core/db.server";
import { groupBy } from "../../core/group-by.server";
import { loadPublishedInventoriesOfVersions, type PublicToolInventory } from "../answer-inventories.server";
import { publicInquiryDateColumns, publiclyVisible, publishedDocumentColumns } from "../visibility.server";

export interface OparlNotice {
  reason: WithholdingReason;
  subject: string;
  publicJustification: string;
}

export interface OparlAnswerDetail {
  version: {
    title: string | null;
    documentReference: string | null;
    documentDate: string | null;
    documentKind: string | null;
    publishedOn: string;
  };
  versions: { versionNumber: number; publishedOn: string; correctionNote: string | null }[];
  versionWithholdings: OparlNotice[];
  parts: { questionNumbers: string[]; withholdings: OparlNotice[]; passages: OparlNotice[] }[];
  inventories: PublicToolInventory[];
}

export interface OparlPaperDetail {
  inquiry: {
    title: string;
    reference: string | null;
    typeName: string;
    status: InquiryStatus;
    motionDecision: MotionDecision | null;
    originators: string[];
    submittedOn: string | null;
    receivedOn: string | null;
    dueOn: string | null;
    dueRuleLabel: string | null;
    withdrawnOn: string | null;
    withdrawalNote: string | null;
  };
  deadlineMissed: { kind: "answered_late" | "overdue" } | null;
  extensions: { previousDueOn: string; newDueOn: string; reason: string; grantedOn: string }[];
  answer: OparlAnswerDetail | null;
}

export interface PaperSource {
  inquiryId: string;
  bodySlug: string;
  publicRef: string;
  originatorOrganizationId: string | null;
  leadOrganizationId: string | null;
  answerId: string | null;
}

const notice = (w: ReadWithholding): OparlNotice => ({
  reason: w.reason,
  subject: w.subject,
  publicJustification: w.publicJustification,
});

/** Both papers of each inquiry named by `ids` (inquiry or answer ids), with their details, in ~20 statements. */
export async function loadPaperSources(db: Db, ids: string[]) {
  const details = new Map<string, OparlPaperDetail>();
  const originatorPeople = new Map<string, string[]>();
  if (ids.length === 0) return { sources: [] as PaperSource[], details, originatorPeople };
  const answerRows = await db
    .select({ id: answers.id, inquiryId: answers.inquiryId })
    .from(answers)
    .where(inArray(answers.id, ids));
  const wanted = [...new Set([...ids, ...answerRows.map((a) => a.inquiryId)])];
  const rows = await db
    .select({
      inquiryId: inquiries.id,
      bodySlug: bodies.slug,
      timeZone: bodies.timeZone,
      publicRef: inquiries.publicRef,
      originatorOrganizationId: inquiries.originatorOrganizationId,
      leadOrganizationId: inquiries.leadOrganizationId,
      answerId: answers.id,
      title: inquiries.title,
      reference: inquiries.reference,
      typeName: inquiryTypes.name,
      lifecycle: inquiryTypes.lifecycle,
      typeDeadlineRuleLabel: inquiryTypes.deadlineRuleLabel,
      status: inquiries.status,
      motionDecision: inquiries.motionDecision,
      originatorOrganizationName: organizations.name,
      ...publicInquiryDateColumns,
      hidden: inquiries.questionTextHiddenReason,
    })
    .from(inquiries)
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .leftJoin(organizations, eq(organizations.id, inquiries.originatorOrganizationId))
    .leftJoin(answers, and(eq(answers.inquiryId, inquiries.id), eq(answers.bodyId, inquiries.bodyId)))
    .where(and(inArray(inquiries.id, wanted), publiclyVisible()));
  if (rows.length === 0) return { sources: [] as PaperSource[], details, originatorPeople };
  const inquiryIds = rows.map((r) => r.inquiryId);
  const answerIds = rows.flatMap((r) => (r.answerId ? [r.answerId] : []));

  const [originatorRows, extensionRows, questionRows, versionRows] = await Promise.all([
    db
      .select({
        inquiryId: inquiryOriginators.inquiryId,
        personId: inquiryOriginators.personId,
        label: inquiryOriginators.label,
      })
      .from(inquiryOriginators)
      .where(inArray(inquiryOriginators.inquiryId, inquiryIds))
      .orderBy(asc(inquiryOriginators.position)),
    db
      .select({
        inquiryId: deadlineExtensions.inquiryId,
        previousDueOn: deadlineExtensions.previousDueOn,
        newDueOn: deadlineExtensions.newDueOn,
        reason: deadlineExtensions.reason,
        grantedAt: deadlineExtensions.grantedAt,
      })
      .from(deadlineExtensions)
      .where(inArray(deadlineExtensions.inquiryId, inquiryIds))
      .orderBy(asc(deadlineExtensions.grantedAt)),
    db
      .select({ id: questions.id, inquiryId: questions.inquiryId, number: questions.number })
      .from(questions)
      .where(inArray(questions.inquiryId, inquiryIds))
      .orderBy(asc(questions.position)),
    answerIds.length
      ? db
          .select({
            id: answerVersions.id,
            answerId: answerVersions.answerId,
            versionNumber: answerVersions.versionNumber,
            ...publishedDocumentColumns,
            correctionNote: answerVersions.correctionNote,
            title: answerVersions.title,
          })
          .from(answerVersions)
          .where(and(inArray(answerVersions.answerId, answerIds), isNotNull(answerVersions.publishedAt)))
          .orderBy(asc(answerVersions.versionNumber))
      : Promise.resolve([]),
  ]);

  const versionsByAnswer = groupBy(versionRows, (v) => v.answerId);
  // The shown version of every answer is its latest published one, as on the public page.
  const shownIds = [...versionsByAnswer.values()].map((list) => list[list.length - 1]!.id);
  const [content, inventories] = await Promise.all([
    // Audience "public": the withheld text is not selected at all. bodyId only matters for attachments.
    // Without the parts' text and the usage matrices, which a Paper does not carry (4 statements and the HTML of
    // every part of the page fewer).
    loadAnswerContent(db, { audience: "public", bodyId: "", answerId: "", versionIds: shownIds, withoutBodies: true }),
    loadPublishedInventoriesOfVersions(db, shownIds, { withMatrices: false }),
  ]);
  const partsByVersion = groupBy(content.parts, (p) => p.versionId);
  const versionWithholdings = groupBy(content.versionWithholdings, (w) => w.versionId);
  const originatorsByInquiry = groupBy(originatorRows, (o) => o.inquiryId);
  const extensionsByInquiry = groupBy(extensionRows, (e) => e.inquiryId);
  const questionsByInquiry = groupBy(questionRows, (q) => q.inquiryId);

  for (const row of rows) {
    const tz = row.timeZone;
    const versions = row.answerId ? (versionsByAnswer.get(row.answerId) ?? []) : [];
    let answer: OparlAnswerDetail | null = null;
    if (versions.length > 0) {
      const shown = versions[versions.length - 1]!;
      const questionList = row.hidden !== null ? [] : (questionsByInquiry.get(row.inquiryId) ?? []);
      const numberOf = new Map(questionList.map((q) => [q.id, q.number]));
      const positionOf = new Map(questionList.map((q, index) => [q.id, index]));
      answer = {
        version: {
          title: shown.title,
          documentReference: shown.documentReference,
          documentDate: shown.documentDate,
          documentKind: shown.documentKind,
          publishedOn: isoDateInTimeZone(shown.publishedAt!, tz),
        },
        versions: versions.map((v) => ({
          versionNumber: v.versionNumber,
          publishedOn: isoDateInTimeZone(v.publishedAt!, tz),
          correctionNote: v.correctionNote,
        })),
        versionWithholdings: (versionWithholdings.get(shown.id) ?? []).map(notice),
        parts: (partsByVersion.get(shown.id) ?? []).map((part) => ({
          questionNumbers: part.questionIds
            .filter((id) => numberOf.has(id))
            .sort((a, b) => positionOf.get(a)! - positionOf.get(b)!)
            .map((id) => numberOf.get(id)!),
          withholdings: part.withholdings.map(notice),
          passages: part.passages.map(notice),
        })),
        inventories: inventories.get(shown.id) ?? [],
      };
    }
    const first = versions[0];
    const firstAnswerOn = first ? (first.documentDate ?? isoDateInTimeZone(first.publishedAt!, tz)) : null;
    let deadlineMissed: OparlPaperDetail["deadlineMissed"] = null;
    if (row.dueOn && (row.lifecycle as InquiryLifecycle) === "inquiry") {
      if (firstAnswerOn && firstAnswerOn > row.dueOn) deadlineMissed = { kind: "answered_late" };
      else if (!firstAnswerOn && isOpenStatus(row.status) && isoDateInTimeZone(new Date(), tz) > row.dueOn)
        deadlineMissed = { kind: "overdue" };
    }
    const labels = (originatorsByInquiry.get(row.inquiryId) ?? []).map((o) => o.label);
    details.set(row.inquiryId, {
      inquiry: {
        title: row.title,
        reference: row.reference,
        typeName: row.typeName,
        status: row.status,
        motionDecision: row.motionDecision,
        originators: labels.length ? labels : row.originatorOrganizationName ? [row.originatorOrganizationName] : [],
        submittedOn: row.submittedOn,
        receivedOn: row.receivedOn,
        dueOn: row.dueOn,
        dueRuleLabel: row.dueRuleLabel ?? row.typeDeadlineRuleLabel,
        withdrawnOn: row.withdrawnOn,
        withdrawalNote: row.withdrawalNote,
      },
      deadlineMissed,
      extensions: (extensionsByInquiry.get(row.inquiryId) ?? []).map((e) => ({
        previousDueOn: e.previousDueOn,
        newDueOn: e.newDueOn,
        reason: e.reason,
        grantedOn: isoDateInTimeZone(e.grantedAt, tz),
      })),
      answer,
    });
    const people = (originatorsByInquiry.get(row.inquiryId) ?? []).flatMap((o) => (o.personId ? [o.personId] : []));
    if (people.length) originatorPeople.set(row.inquiryId, people);
  }
  const sources: PaperSource[] = rows.map((row) => ({
    inquiryId: row.inquiryId,
    bodySlug: row.bodySlug,
    publicRef: row.publicRef!,
    originatorOrganizationId: row.originatorOrganizationId,
    leadOrganizationId: row.leadOrganizationId,
    answerId: row.answerId,
  }));
  return { sources, details, originatorPeople };
}
