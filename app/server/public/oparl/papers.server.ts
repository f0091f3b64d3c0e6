/**
 * OParl papers and their files: an inquiry and, once published, its answer, each with its rendition, built
 * from the public read model (withholding notices carry the public justification only).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { agendaItems, inquiries, inquiryAgendaItems, inquiryTypes, meetings } from "../../../../db/schema/index";
import {
  assessmentResultLabels,
  deploymentVariantLabels,
  inquiryStatusLabels,
  motionDecisionLabels,
  withholdingReasonLabels,
  type AgendaPurpose,
  type InquiryLifecycle,
} from "../../../domain/labels";
import { oparlTexts } from "../../../domain/texts/oparl";
import { typeWords } from "../../../domain/texts/type-words";
import type { Db } from "../../core/db.server";
import { loadPaperSources, type OparlAnswerDetail } from "./paper-sources.server";
import type { ExposedRow } from "./exposure.server";
import type { OparlUrls } from "./urls.server";
import { compact, consultationId, typeUri, type Builder, type OparlObject } from "./object-common.server";

function renditionFile(urls: OparlUrls, paperId: string, paper: OparlObject, fileName: string): OparlObject {
  return compact({
    id: urls.object("file", paperId),
    type: typeUri("File"),
    name: oparlTexts.htmlRenditionName(String(paper.name)),
    fileName,
    mimeType: "text/html",
    date: paper.date,
    accessUrl: String(paper.web),
    paper: [paper.id],
    created: paper.created,
    modified: paper.modified,
  }) as OparlObject;
}

function withholdingNotices(answer: OparlAnswerDetail) {
  const notice = (
    w: { reason: keyof typeof withholdingReasonLabels; subject: string; publicJustification: string },
    questionNumbers: string[],
  ) =>
    compact({
      reason: w.reason,
      reasonLabel: withholdingReasonLabels[w.reason],
      subject: w.subject,
      publicJustification: w.publicJustification,
      questionNumbers,
    });
  return [
    ...answer.versionWithholdings.map((w) => notice(w, [])),
    ...answer.parts.flatMap((part) =>
      [...part.withholdings, ...part.passages].map((w) => notice(w, part.questionNumbers)),
    ),
  ];
}

function toolInventoryExtension(urls: OparlUrls, answer: OparlAnswerDetail) {
  return answer.inventories.map((inventory) =>
    compact({
      title: inventory.title,
      countLabel: inventory.countLabel,
      questionNumber: inventory.questionNumber,
      rows: inventory.rows.map((row) =>
        compact({
          label: row.label,
          tool: { name: row.toolName, slug: row.toolSlug, web: urls.web(`/werkzeuge/${row.toolSlug}`) },
          deployment: row.variant,
          deploymentLabel: deploymentVariantLabels[row.variant],
          workplaceCount: row.workplaceCount,
          footnote: row.footnote,
        }),
      ),
      assessments: inventory.assessments.map((assessment) =>
        compact({
          criteriaSet: assessment.title,
          issuer: assessment.issuer,
          issuedOn: assessment.issuedOn,
          statusNote: assessment.statusNote,
          results: assessment.results.map((r) => ({
            label: r.label,
            result: r.overall,
            resultLabel: assessmentResultLabels[r.overall],
          })),
        }),
      ),
    }),
  );
}

async function buildPaperMap(
  db: Db,
  urls: OparlUrls,
  rows: ExposedRow[],
): Promise<Map<string, { paper: OparlObject; file: OparlObject }>> {
  const live = rows.filter((row) => !row.deleted);
  const meta = new Map(rows.map((row) => [row.id, row]));
  const liveIds = live.map((row) => row.id);
  // The Beratungsfolge of every inquiry on the page in one statement (not one per paper), with everything its
  // Consultation objects need (they are embedded in the paper), beside the papers' sources. Answer ids match no
  // link; an inquiry the sources leave out is not built.
  const [{ sources, details, originatorPeople }, links] = await Promise.all([
    loadPaperSources(db, liveIds),
    liveIds.length
      ? db
          .select({ ...consultationColumns, meetingCreated: meetings.createdAt })
          .from(inquiryAgendaItems)
          .innerJoin(
            agendaItems,
            and(eq(agendaItems.id, inquiryAgendaItems.agendaItemId), eq(agendaItems.public, true)),
          )
          .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
          .innerJoin(inquiries, eq(inquiries.id, inquiryAgendaItems.inquiryId))
          .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
          .where(inArray(inquiryAgendaItems.inquiryId, liveIds))
          .orderBy(asc(meetings.date), asc(agendaItems.position), asc(inquiryAgendaItems.purpose))
      : Promise.resolve([]),
  ]);
  const consultationsByInquiry = new Map<string, OparlObject[]>();
  for (const link of links) {
    const times = meta.get(link.inquiryId)!;
    const mc = new Date(link.meetingCreated).toISOString();
    const object = consultationObject(urls, link, {
      created: mc > times.created ? mc : times.created,
      modified: mc > times.modified ? mc : times.modified,
    });
    consultationsByInquiry.set(link.inquiryId, [...(consultationsByInquiry.get(link.inquiryId) ?? []), object]);
  }

  const result = new Map<string, { paper: OparlObject; file: OparlObject }>();
  for (const source of sources) {
    const detail = details.get(source.inquiryId);
    if (!detail) continue;
    const { inquiry, answer } = detail;
    const web = urls.web(`/${source.bodySlug}/anfragen/${source.publicRef}`);
    const answerPublished = source.answerId !== null && answer !== null;
    const inquiryTimes = meta.get(source.inquiryId);
    if (inquiryTimes) {
      const paper = compact({
        id: urls.object("paper", source.inquiryId),
        type: typeUri("Paper"),
        body: urls.body(source.bodySlug),
        name: inquiry.title,
        reference: inquiry.reference,
        date: inquiry.submittedOn ?? inquiry.receivedOn,
        paperType: inquiry.typeName,
        relatedPaper: answerPublished ? [urls.object("paper", source.answerId!)] : [],
        originatorPerson: (originatorPeople.get(source.inquiryId) ?? []).map((id) => urls.object("person", id)),
        originatorOrganization: source.originatorOrganizationId
          ? [urls.object("organization", source.originatorOrganizationId)]
          : [],
        underDirectionOf: source.leadOrganizationId ? [urls.object("organization", source.leadOrganizationId)] : [],
        consultation: consultationsByInquiry.get(source.inquiryId) ?? [],
        web,
        "quaestio:status": inquiry.status,
        "quaestio:statusLabel": inquiry.motionDecision
          ? motionDecisionLabels[inquiry.motionDecision]
          : inquiryStatusLabels[inquiry.status],
        "quaestio:originators": inquiry.originators,
        "quaestio:receivedOn": inquiry.receivedOn,
        "quaestio:dueDate": inquiry.dueOn,
        "quaestio:dueRule": inquiry.dueOn ? inquiry.dueRuleLabel : undefined,
        "quaestio:deadlineMissed": detail.deadlineMissed ? detail.deadlineMissed.kind : undefined,
        "quaestio:deadlineExtensions": detail.extensions,
        "quaestio:withdrawnOn": inquiry.withdrawnOn,
        "quaestio:withdrawalNote": inquiry.withdrawalNote,
        created: inquiryTimes.created,
        modified: inquiryTimes.modified,
      }) as OparlObject;
      const file = renditionFile(urls, source.inquiryId, paper, `${source.publicRef}.html`);
      result.set(source.inquiryId, { paper: { ...paper, mainFile: file }, file });
    }
    const answerTimes = source.answerId ? meta.get(source.answerId) : undefined;
    if (answer && answerTimes && source.answerId) {
      const version = answer.version;
      const paper = compact({
        id: urls.object("paper", source.answerId),
        type: typeUri("Paper"),
        body: urls.body(source.bodySlug),
        name: version.title ?? oparlTexts.answerPaperName(inquiry.title),
        reference: version.documentReference,
        date: version.documentDate ?? version.publishedOn,
        paperType: version.documentKind ?? oparlTexts.answerPaperType,
        relatedPaper: [urls.object("paper", source.inquiryId)],
        underDirectionOf: source.leadOrganizationId ? [urls.object("organization", source.leadOrganizationId)] : [],
        web,
        "quaestio:versions": answer.versions.map((v) =>
          compact({
            versionNumber: v.versionNumber,
            publishedOn: v.publishedOn,
            correctionNote: v.correctionNote,
            web: `${web}?fassung=${v.versionNumber}`,
          }),
        ),
        "quaestio:withholdings": withholdingNotices(answer),
        "quaestio:toolInventories": toolInventoryExtension(urls, answer),
        created: answerTimes.created,
        modified: answerTimes.modified,
      }) as OparlObject;
      const file = renditionFile(urls, source.answerId, paper, `${source.publicRef}-antwort.html`);
      result.set(source.answerId, { paper: { ...paper, mainFile: file }, file });
    }
  }
  return result;
}

export const buildPapers: Builder = async (db, urls, rows) =>
  new Map([...(await buildPaperMap(db, urls, rows))].map(([id, built]) => [id, built.paper]));
export const buildFiles: Builder = async (db, urls, rows) =>
  new Map([...(await buildPaperMap(db, urls, rows))].map(([id, built]) => [id, built.file]));

/** The columns a Consultation object is built from (inquiry_agenda_items joined to its item, meeting and type). */
const consultationColumns = {
  inquiryId: inquiryAgendaItems.inquiryId,
  agendaItemId: inquiryAgendaItems.agendaItemId,
  purpose: inquiryAgendaItems.purpose,
  roleLabel: inquiryAgendaItems.roleLabel,
  meetingId: meetings.id,
  organizationId: meetings.organizationId,
  lifecycle: inquiryTypes.lifecycle,
  typeCode: inquiryTypes.code,
  typeName: inquiryTypes.name,
};

interface ConsultationRow {
  inquiryId: string;
  agendaItemId: string;
  purpose: string;
  roleLabel: string | null;
  meetingId: string;
  organizationId: string;
  lifecycle: InquiryLifecycle;
  typeCode: string;
  typeName: string;
}

function consultationObject(
  urls: OparlUrls,
  row: ConsultationRow,
  times: { created: string; modified: string },
): OparlObject {
  const id = consultationId(row.inquiryId, row.agendaItemId, row.purpose);
  return compact({
    id: urls.object("consultation", id),
    type: typeUri("Consultation"),
    paper: urls.object("paper", row.inquiryId),
    agendaItem: urls.object("agendaItem", row.agendaItemId),
    meeting: urls.object("meeting", row.meetingId),
    organization: [urls.object("organization", row.organizationId)],
    authoritative: row.purpose === "decision",
    // The Anlass in the words of the paper's type: a motion is "Antrag eingebracht", not "Anfrage gestellt".
    role:
      row.roleLabel ??
      typeWords({ lifecycle: row.lifecycle, code: row.typeCode, name: row.typeName }).agendaPurposes[
        row.purpose as AgendaPurpose
      ],
    created: times.created,
    modified: times.modified,
  }) as OparlObject;
}

export async function consultationObjects(
  db: Db,
  urls: OparlUrls,
  ids: { inquiryId: string; agendaItemId: string; purpose: string }[],
  meta: Map<string, ExposedRow>,
) {
  if (ids.length === 0) return new Map<string, OparlObject>();
  const rows = await db
    .select(consultationColumns)
    .from(inquiryAgendaItems)
    .innerJoin(agendaItems, eq(agendaItems.id, inquiryAgendaItems.agendaItemId))
    .innerJoin(inquiries, eq(inquiries.id, inquiryAgendaItems.inquiryId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        inArray(
          inquiryAgendaItems.inquiryId,
          ids.map((i) => i.inquiryId),
        ),
        eq(agendaItems.public, true),
      ),
    );
  const wanted = new Set(ids.map((i) => consultationId(i.inquiryId, i.agendaItemId, i.purpose)));
  const result = new Map<string, OparlObject>();
  for (const row of rows) {
    const id = consultationId(row.inquiryId, row.agendaItemId, row.purpose);
    const times = meta.get(id);
    if (!wanted.has(id) || !times) continue;
    result.set(id, consultationObject(urls, row, times));
  }
  return result;
}
