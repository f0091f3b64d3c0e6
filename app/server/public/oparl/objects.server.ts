/**
 * OParl 1.1 objects built from the rows exposure.server.ts lets through. A list and a single GET use the same
 * builders, so a list element equals what GET of its id returns (DESIGN.md §7). Project data that OParl has no
 * field for travels under the `quaestio:` prefix (OParl's vendor extension convention): an inquiry's status and
 * due date, an answer's versions, withholding notices (the public justification only — the public read model
 * never loads the withheld text) and tool inventories.
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import {
  agendaItems,
  answers,
  bodies,
  inquiries,
  inquiryAgendaItems,
  inquiryOriginators,
  meetings,
  organizations,
  people,
} from "../../../../db/schema/index";
import { agendaPurposeLabels, assessmentResultLabels, bodyKindLabels, deploymentVariantLabels, inquiryStatusLabels, motionDecisionLabels, organizationKindLabels, withholdingReasonLabels, type AgendaPurpose } from "../../../domain/labels";
import { oparlOrganizationType, oparlTexts } from "../../../domain/texts/oparl";
import type { Db } from "../../core/db.server";
import { groupBy } from "../../core/group-by.server";
import { loadPublicInquiry, type PublicInquiryDetail } from "../inquiries.server";
import type { ExposedRow } from "./exposure.server";
import { OPARL_OBJECT_KINDS, type OparlObjectKind, type OparlUrls } from "./urls.server";

export type OparlObject = Record<string, unknown> & { id: string; type: string };

const SCHEMA = "https://schema.oparl.org/1.1/";
const typeUri = (name: string) => `${SCHEMA}${name}`;
const TYPE_NAMES: Record<OparlObjectKind, string> = {
  organization: "Organization",
  person: "Person",
  meeting: "Meeting",
  agendaItem: "AgendaItem",
  paper: "Paper",
  consultation: "Consultation",
  file: "File",
};

/** Drops undefined and null properties and empty arrays: OParl says to leave out what has no value. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

function deletedStub(urls: OparlUrls, kind: OparlObjectKind, row: ExposedRow): OparlObject {
  return { id: urls.object(kind, row.id), type: typeUri(TYPE_NAMES[kind]), created: row.created, modified: row.modified, deleted: true };
}

// ---- System and Body ------------------------------------------------------------------------------------

export function buildSystem(urls: OparlUrls): OparlObject {
  return {
    id: urls.system(),
    type: typeUri("System"),
    oparlVersion: SCHEMA,
    body: urls.bodies(),
    name: oparlTexts.systemName,
    website: urls.web("/"),
    web: urls.web("/"),
  };
}

export interface BodyRow {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  kind: keyof typeof bodyKindLabels;
  website: string | null;
  createdAt: Date;
}

export async function loadBodyRows(db: Db, slug?: string): Promise<BodyRow[]> {
  const query = db
    .select({ id: bodies.id, slug: bodies.slug, name: bodies.name, shortName: bodies.shortName, kind: bodies.kind, website: bodies.website, createdAt: bodies.createdAt })
    .from(bodies);
  return slug ? query.where(eq(bodies.slug, slug)).limit(1) : query.orderBy(asc(bodies.createdAt), asc(bodies.id));
}

export function buildBody(urls: OparlUrls, body: BodyRow): OparlObject {
  const created = new Date(body.createdAt).toISOString();
  // legislativeTerm is required even when empty (no Wahlperioden are recorded yet), so it is added after compact().
  const object = compact({
    id: urls.body(body.slug),
    type: typeUri("Body"),
    system: urls.system(),
    shortName: body.shortName,
    name: body.name,
    website: body.website && /^https?:\/\//.test(body.website) ? body.website : undefined,
    classification: bodyKindLabels[body.kind],
    organization: urls.bodyList(body.slug, "organization"),
    person: urls.bodyList(body.slug, "person"),
    meeting: urls.bodyList(body.slug, "meeting"),
    paper: urls.bodyList(body.slug, "paper"),
    agendaItem: urls.bodyList(body.slug, "agendaItem"),
    consultation: urls.bodyList(body.slug, "consultation"),
    file: urls.bodyList(body.slug, "file"),
    web: urls.web(`/${body.slug}/anfragen`),
    created,
    modified: created,
  }) as OparlObject;
  return { ...object, legislativeTerm: [] };
}

// ---- the other kinds ------------------------------------------------------------------------------------

type Builder = (db: Db, urls: OparlUrls, rows: ExposedRow[]) => Promise<Map<string, OparlObject>>;

async function bodySlugs(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: bodies.id, slug: bodies.slug }).from(bodies).where(inArray(bodies.id, ids));
  return new Map(rows.map((row) => [row.id, row.slug]));
}

const buildOrganizations: Builder = async (db, urls, rows) => {
  const ids = rows.map((row) => row.id);
  const orgs = ids.length ? await db.select().from(organizations).where(inArray(organizations.id, ids)) : [];
  const slugs = await bodySlugs(db, [...new Set(orgs.map((o) => o.bodyId))]);
  const meta = new Map(rows.map((row) => [row.id, row]));
  return new Map(
    orgs.map((org) => [
      org.id,
      compact({
        id: urls.object("organization", org.id),
        type: typeUri("Organization"),
        body: urls.body(slugs.get(org.bodyId)!),
        name: org.name,
        shortName: org.shortName,
        organizationType: oparlOrganizationType[org.kind],
        classification: organizationKindLabels[org.kind],
        subOrganizationOf: org.parentId ? urls.object("organization", org.parentId) : undefined,
        created: meta.get(org.id)!.created,
        modified: meta.get(org.id)!.modified,
      }),
    ]),
  );
};

const buildPeople: Builder = async (db, urls, rows) => {
  const ids = rows.map((row) => row.id);
  // Only the name and the function as printed: people are not user accounts and have no contact data here.
  const list = ids.length
    ? await db.select({ id: people.id, bodyId: people.bodyId, name: people.name, roleLabel: people.roleLabel }).from(people).where(inArray(people.id, ids))
    : [];
  const slugs = await bodySlugs(db, [...new Set(list.map((p) => p.bodyId))]);
  const meta = new Map(rows.map((row) => [row.id, row]));
  return new Map(
    list.map((person) => [
      person.id,
      compact({
        id: urls.object("person", person.id),
        type: typeUri("Person"),
        body: urls.body(slugs.get(person.bodyId)!),
        name: person.name,
        status: person.roleLabel ? [person.roleLabel] : undefined,
        created: meta.get(person.id)!.created,
        modified: meta.get(person.id)!.modified,
      }),
    ]),
  );
};

const consultationId = (inquiryId: string, agendaItemId: string, purpose: string) => `${inquiryId}~${agendaItemId}~${purpose}`;

/** Public agenda items with the consultations (Beratungsfolge) of visible inquiries on them. */
async function agendaItemObjects(db: Db, urls: OparlUrls, where: { meetingIds?: string[]; itemIds?: string[] }) {
  const condition = where.meetingIds ? inArray(agendaItems.meetingId, where.meetingIds) : inArray(agendaItems.id, where.itemIds!);
  const items = await db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, number: agendaItems.number, title: agendaItems.title, position: agendaItems.position, createdAt: meetings.createdAt })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(condition, eq(agendaItems.public, true)))
    .orderBy(asc(agendaItems.position));
  const links = items.length
    ? await db
        .select({ inquiryId: inquiryAgendaItems.inquiryId, agendaItemId: inquiryAgendaItems.agendaItemId, purpose: inquiryAgendaItems.purpose })
        .from(inquiryAgendaItems)
        .innerJoin(inquiries, eq(inquiries.id, inquiryAgendaItems.inquiryId))
        .where(
          and(
            inArray(inquiryAgendaItems.agendaItemId, items.map((i) => i.id)),
            eq(inquiries.visibility, "public"),
            isNotNull(inquiries.publicRef),
          ),
        )
        .orderBy(asc(inquiryAgendaItems.inquiryId), asc(inquiryAgendaItems.purpose))
    : [];
  const linksByItem = groupBy(links, (link) => link.agendaItemId);
  return items.map((item) => {
    const first = linksByItem.get(item.id)?.[0];
    const created = new Date(item.createdAt).toISOString();
    return {
      meetingId: item.meetingId,
      object: compact({
        id: urls.object("agendaItem", item.id),
        type: typeUri("AgendaItem"),
        meeting: urls.object("meeting", item.meetingId),
        number: item.number,
        order: item.position,
        name: item.title,
        public: true,
        consultation: first ? urls.object("consultation", consultationId(first.inquiryId, first.agendaItemId, first.purpose)) : undefined,
        created,
        modified: created,
      }) as OparlObject,
    };
  });
}

const buildAgendaItems: Builder = async (db, urls, rows) => {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return new Map();
  const built = await agendaItemObjects(db, urls, { itemIds: ids });
  return new Map(built.map((b) => [b.object.id.slice(b.object.id.lastIndexOf("/") + 1), b.object]));
};

const buildMeetings: Builder = async (db, urls, rows) => {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return new Map();
  const list = await db.select().from(meetings).where(inArray(meetings.id, ids));
  const items = groupBy(await agendaItemObjects(db, urls, { meetingIds: ids }), (b) => b.meetingId);
  const meta = new Map(rows.map((row) => [row.id, row]));
  return new Map(
    list.map((meeting) => [
      meeting.id,
      compact({
        id: urls.object("meeting", meeting.id),
        type: typeUri("Meeting"),
        name: meeting.name,
        organization: [urls.object("organization", meeting.organizationId)],
        agendaItem: (items.get(meeting.id) ?? []).map((b) => b.object),
        // The meeting's day; OParl's `start` needs a time of day, which the documents do not give.
        "quaestio:date": meeting.date,
        created: meta.get(meeting.id)!.created,
        modified: meta.get(meeting.id)!.modified,
      }),
    ]),
  );
};

async function consultationObjects(db: Db, urls: OparlUrls, ids: { inquiryId: string; agendaItemId: string; purpose: string }[], meta: Map<string, ExposedRow>) {
  if (ids.length === 0) return new Map<string, OparlObject>();
  const rows = await db
    .select({
      inquiryId: inquiryAgendaItems.inquiryId,
      agendaItemId: inquiryAgendaItems.agendaItemId,
      purpose: inquiryAgendaItems.purpose,
      roleLabel: inquiryAgendaItems.roleLabel,
      meetingId: meetings.id,
      organizationId: meetings.organizationId,
    })
    .from(inquiryAgendaItems)
    .innerJoin(agendaItems, eq(agendaItems.id, inquiryAgendaItems.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(inArray(inquiryAgendaItems.inquiryId, ids.map((i) => i.inquiryId)), eq(agendaItems.public, true)));
  const wanted = new Set(ids.map((i) => consultationId(i.inquiryId, i.agendaItemId, i.purpose)));
  const result = new Map<string, OparlObject>();
  for (const row of rows) {
    const id = consultationId(row.inquiryId, row.agendaItemId, row.purpose);
    const times = meta.get(id);
    if (!wanted.has(id) || !times) continue;
    result.set(
      id,
      compact({
        id: urls.object("consultation", id),
        type: typeUri("Consultation"),
        paper: urls.object("paper", row.inquiryId),
        agendaItem: urls.object("agendaItem", row.agendaItemId),
        meeting: urls.object("meeting", row.meetingId),
        organization: [urls.object("organization", row.organizationId)],
        authoritative: row.purpose === "decision",
        role: row.roleLabel ?? agendaPurposeLabels[row.purpose as AgendaPurpose],
        created: times.created,
        modified: times.modified,
      }),
    );
  }
  return result;
}

function parseConsultationId(id: string) {
  const [inquiryId, agendaItemId, purpose] = id.split("~");
  return inquiryId && agendaItemId && purpose ? { inquiryId, agendaItemId, purpose } : null;
}

const buildConsultations: Builder = async (db, urls, rows) => {
  const ids = rows.map((row) => parseConsultationId(row.id)).filter((x): x is NonNullable<typeof x> => x !== null);
  return consultationObjects(db, urls, ids, new Map(rows.map((row) => [row.id, row])));
};

// ---- papers and their files -----------------------------------------------------------------------------

interface PaperSource {
  inquiryId: string;
  bodySlug: string;
  publicRef: string;
  originatorOrganizationId: string | null;
  leadOrganizationId: string | null;
  answerId: string | null;
}

/** Both papers of an inquiry (the inquiry and, once published, its answer) from the public read model. */
async function paperSources(db: Db, ids: string[]) {
  if (ids.length === 0) return { sources: [] as PaperSource[], details: new Map<string, PublicInquiryDetail>(), originatorPeople: new Map<string, string[]>() };
  const answerRows = await db.select({ id: answers.id, inquiryId: answers.inquiryId }).from(answers).where(inArray(answers.id, ids));
  const inquiryIds = [...new Set([...ids, ...answerRows.map((a) => a.inquiryId)])];
  const rows = await db
    .select({
      inquiryId: inquiries.id,
      bodySlug: bodies.slug,
      publicRef: inquiries.publicRef,
      originatorOrganizationId: inquiries.originatorOrganizationId,
      leadOrganizationId: inquiries.leadOrganizationId,
      answerId: answers.id,
    })
    .from(inquiries)
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .leftJoin(answers, eq(answers.inquiryId, inquiries.id))
    .where(and(inArray(inquiries.id, inquiryIds), eq(inquiries.visibility, "public"), isNotNull(inquiries.publicRef)));
  const originators = rows.length
    ? await db
        .select({ inquiryId: inquiryOriginators.inquiryId, personId: inquiryOriginators.personId })
        .from(inquiryOriginators)
        .where(and(inArray(inquiryOriginators.inquiryId, rows.map((r) => r.inquiryId)), isNotNull(inquiryOriginators.personId)))
        .orderBy(asc(inquiryOriginators.position))
    : [];
  const details = new Map<string, PublicInquiryDetail>();
  for (const row of rows) {
    const detail = await loadPublicInquiry({ bodySlug: row.bodySlug, publicRef: row.publicRef! }, db);
    if (detail) details.set(row.inquiryId, detail);
  }
  const originatorPeople = new Map<string, string[]>();
  for (const o of originators) originatorPeople.set(o.inquiryId, [...(originatorPeople.get(o.inquiryId) ?? []), o.personId!]);
  return { sources: rows.map((row) => ({ ...row, publicRef: row.publicRef! })), details, originatorPeople };
}

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

function withholdingNotices(answer: NonNullable<PublicInquiryDetail["answer"]>) {
  const notice = (w: { reason: keyof typeof withholdingReasonLabels; subject: string; publicJustification: string }, questionNumbers: string[]) =>
    compact({
      reason: w.reason,
      reasonLabel: withholdingReasonLabels[w.reason],
      subject: w.subject,
      publicJustification: w.publicJustification,
      questionNumbers,
    });
  return [
    ...answer.versionWithholdings.map((w) => notice(w, [])),
    ...answer.parts.flatMap((part) => part.withholdings.map((w) => notice(w, part.questionNumbers))),
  ];
}

function toolInventoryExtension(urls: OparlUrls, answer: NonNullable<PublicInquiryDetail["answer"]>) {
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
          results: assessment.results.map((r) => ({ label: r.label, result: r.overall, resultLabel: assessmentResultLabels[r.overall] })),
        }),
      ),
    }),
  );
}

async function buildPaperMap(db: Db, urls: OparlUrls, rows: ExposedRow[]): Promise<Map<string, { paper: OparlObject; file: OparlObject }>> {
  const live = rows.filter((row) => !row.deleted);
  const meta = new Map(rows.map((row) => [row.id, row]));
  const { sources, details, originatorPeople } = await paperSources(db, live.map((row) => row.id));
  const consultationMeta = new Map<string, ExposedRow>();
  const consultationIds: { inquiryId: string; agendaItemId: string; purpose: string }[] = [];
  for (const source of sources) {
    if (!meta.has(source.inquiryId)) continue;
    const times = meta.get(source.inquiryId)!;
    const links = await db
      .select({ agendaItemId: inquiryAgendaItems.agendaItemId, purpose: inquiryAgendaItems.purpose, meetingCreated: meetings.createdAt })
      .from(inquiryAgendaItems)
      .innerJoin(agendaItems, and(eq(agendaItems.id, inquiryAgendaItems.agendaItemId), eq(agendaItems.public, true)))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(inquiryAgendaItems.inquiryId, source.inquiryId))
      .orderBy(asc(meetings.date), asc(agendaItems.position), asc(inquiryAgendaItems.purpose));
    for (const link of links) {
      const id = consultationId(source.inquiryId, link.agendaItemId, link.purpose);
      const mc = new Date(link.meetingCreated).toISOString();
      consultationMeta.set(id, { id, bodyId: "", created: mc > times.created ? mc : times.created, modified: mc > times.modified ? mc : times.modified, deleted: false });
      consultationIds.push({ inquiryId: source.inquiryId, agendaItemId: link.agendaItemId, purpose: link.purpose });
    }
  }
  const consultationsById = await consultationObjects(db, urls, consultationIds, consultationMeta);

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
        originatorOrganization: source.originatorOrganizationId ? [urls.object("organization", source.originatorOrganizationId)] : [],
        underDirectionOf: source.leadOrganizationId ? [urls.object("organization", source.leadOrganizationId)] : [],
        consultation: consultationIds
          .filter((c) => c.inquiryId === source.inquiryId)
          .map((c) => consultationsById.get(consultationId(c.inquiryId, c.agendaItemId, c.purpose)))
          .filter((c): c is OparlObject => c !== undefined),
        web,
        "quaestio:status": inquiry.status,
        "quaestio:statusLabel": inquiry.motionDecision ? motionDecisionLabels[inquiry.motionDecision] : inquiryStatusLabels[inquiry.status],
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
          compact({ versionNumber: v.versionNumber, publishedOn: v.publishedOn, correctionNote: v.correctionNote, web: `${web}?fassung=${v.versionNumber}` }),
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

const buildPapers: Builder = async (db, urls, rows) =>
  new Map([...(await buildPaperMap(db, urls, rows))].map(([id, built]) => [id, built.paper]));
const buildFiles: Builder = async (db, urls, rows) =>
  new Map([...(await buildPaperMap(db, urls, rows))].map(([id, built]) => [id, built.file]));

const BUILDERS: Record<OparlObjectKind, Builder> = {
  organization: buildOrganizations,
  person: buildPeople,
  meeting: buildMeetings,
  agendaItem: buildAgendaItems,
  paper: buildPapers,
  consultation: buildConsultations,
  file: buildFiles,
};

/** The objects for exposed rows, in the rows' order; deleted rows become stubs. */
export async function buildObjects(db: Db, urls: OparlUrls, kind: OparlObjectKind, rows: ExposedRow[]): Promise<OparlObject[]> {
  const built = await BUILDERS[kind](db, urls, rows.filter((row) => !row.deleted));
  return rows.flatMap((row) => {
    if (row.deleted) return [deletedStub(urls, kind, row)];
    const object = built.get(row.id);
    return object ? [object] : [];
  });
}

export { OPARL_OBJECT_KINDS };
