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
  bodies,
  inquiries,
  inquiryAgendaItems,
  meetings,
  organizations,
  people,
} from "../../../../db/schema/index";
import { bodyKindLabels, organizationKindLabels } from "../../../domain/labels";
import { oparlOrganizationType, oparlTexts } from "../../../domain/texts/oparl";
import type { Db } from "../../core/db.server";
import { groupBy } from "../../core/group-by.server";
import type { ExposedRow } from "./exposure.server";
import { OPARL_OBJECT_KINDS, type OparlObjectKind, type OparlUrls } from "./urls.server";
import {
  SCHEMA,
  bodySlugs,
  compact,
  consultationId,
  deletedStub,
  typeUri,
  type Builder,
  type OparlObject,
} from "./object-common.server";
import { buildFiles, buildPapers, consultationObjects } from "./papers.server";

export type { OparlObject } from "./object-common.server";

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
    .select({
      id: bodies.id,
      slug: bodies.slug,
      name: bodies.name,
      shortName: bodies.shortName,
      kind: bodies.kind,
      website: bodies.website,
      createdAt: bodies.createdAt,
    })
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
    ? await db
        .select({ id: people.id, bodyId: people.bodyId, name: people.name, roleLabel: people.roleLabel })
        .from(people)
        .where(inArray(people.id, ids))
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

/** Public agenda items with the consultations (Beratungsfolge) of visible inquiries on them. */
async function agendaItemObjects(db: Db, urls: OparlUrls, where: { meetingIds?: string[]; itemIds?: string[] }) {
  const condition = where.meetingIds
    ? inArray(agendaItems.meetingId, where.meetingIds)
    : inArray(agendaItems.id, where.itemIds!);
  const items = await db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      number: agendaItems.number,
      title: agendaItems.title,
      position: agendaItems.position,
      createdAt: meetings.createdAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(condition, eq(agendaItems.public, true)))
    .orderBy(asc(agendaItems.position));
  const links = items.length
    ? await db
        .select({
          inquiryId: inquiryAgendaItems.inquiryId,
          agendaItemId: inquiryAgendaItems.agendaItemId,
          purpose: inquiryAgendaItems.purpose,
        })
        .from(inquiryAgendaItems)
        .innerJoin(inquiries, eq(inquiries.id, inquiryAgendaItems.inquiryId))
        .where(
          and(
            inArray(
              inquiryAgendaItems.agendaItemId,
              items.map((i) => i.id),
            ),
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
        consultation: first
          ? urls.object("consultation", consultationId(first.inquiryId, first.agendaItemId, first.purpose))
          : undefined,
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

function parseConsultationId(id: string) {
  const [inquiryId, agendaItemId, purpose] = id.split("~");
  return inquiryId && agendaItemId && purpose ? { inquiryId, agendaItemId, purpose } : null;
}

const buildConsultations: Builder = async (db, urls, rows) => {
  const ids = rows.map((row) => parseConsultationId(row.id)).filter((x): x is NonNullable<typeof x> => x !== null);
  return consultationObjects(db, urls, ids, new Map(rows.map((row) => [row.id, row])));
};

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
export async function buildObjects(
  db: Db,
  urls: OparlUrls,
  kind: OparlObjectKind,
  rows: ExposedRow[],
): Promise<OparlObject[]> {
  const built = await BUILDERS[kind](
    db,
    urls,
    rows.filter((row) => !row.deleted),
  );
  return rows.flatMap((row) => {
    if (row.deleted) return [deletedStub(urls, kind, row)];
    const object = built.get(row.id);
    return object ? [object] : [];
  });
}

export { OPARL_OBJECT_KINDS };
