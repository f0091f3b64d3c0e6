/**
 * What the OParl API exposes, as one SQL source per object kind with the columns (id, body_id, created,
 * modified, deleted). The rule is the public read model's: inquiries that are public, past `draft` and have a
 * public reference; answers with a published version; public agenda items. An inquiry that was public once and
 * has since been set internal stays reachable as a deleted object (OParl 1.1: `deleted: true` with only id,
 * type, created and modified), so that clients that copied it learn to remove it; so do its answer, its file
 * renditions and its consultations.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../core/db.server";
import { rowsOf } from "../../core/prepared.server";
import type { ListCursor, ListFilters } from "./filters.server";
import type { OparlObjectKind } from "./urls.server";

/** Inquiries the API knows: visible ones, and ones that were public before (served as deleted). */
const exposedInquiries = sql`(
  select i.id, i.body_id, i.created_at, i.updated_at, (i.visibility = 'public') as visible
  from inquiries i
  where i.status <> 'draft' and i.public_ref is not null
    and (i.visibility = 'public' or exists (
      select 1 from events e
      where e.aggregate_type = 'inquiry' and e.aggregate_id = i.id and e.type = 'visibility_changed'
        and e.payload->>'from' = 'public'))
)`;

const answerPapers = sql`
  select a.id::text as id, x.body_id, min(v.published_at) as created,
         case when x.visible then max(v.published_at) else greatest(max(v.published_at), x.updated_at) end as modified,
         not x.visible as deleted
  from answers a
  join ${exposedInquiries} x on x.id = a.inquiry_id
  join answer_versions v on v.answer_id = a.id and v.published_at is not null
  group by a.id, x.body_id, x.visible, x.updated_at`;

const papers = sql`
  select x.id::text as id, x.body_id, x.created_at as created, x.updated_at as modified, not x.visible as deleted
  from ${exposedInquiries} x
  union all ${answerPapers}`;

/** A visible inquiry of the API (`exposedInquiries` with `visible`), as a condition on the alias `i`. */
const visibleInquiry = sql`i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null`;

/**
 * People the published documents name as originators, signatories or authors of a published statement. Asked
 * per person (the people are few, the inquiries many): each `exists` walks that person's rows on a partial index
 * and stops at the first visible one, instead of collecting the people of every public inquiry (0.3–1.6 s at
 * 100,000 inquiries).
 */
const publicPeople = sql`
  select p.id::text as id, p.body_id, p.created_at as created, p.created_at as modified, false as deleted
  from people p
  where exists (
      select 1 from inquiry_originators io join inquiries i on i.id = io.inquiry_id
      where io.person_id = p.id and ${visibleInquiry})
    or exists (
      select 1 from answer_versions v
        join answers a on a.id = v.answer_id
        join inquiries i on i.id = a.inquiry_id
      where v.signatory_person_id = p.id and v.published_at is not null and ${visibleInquiry})
    or exists (
      select 1 from consultations c
        join answers a on a.id = c.answer_id
        join inquiries i on i.id = a.inquiry_id
      where c.author_person_id = p.id and c.published_with_answer and c.status = 'answered' and ${visibleInquiry}
        and exists (select 1 from answer_versions v where v.answer_id = a.id and v.published_at is not null))`;

const consultationRows = sql`
  select iai.inquiry_id::text || '~' || iai.agenda_item_id::text || '~' || iai.purpose as id, x.body_id,
         greatest(x.created_at, m.created_at) as created, greatest(x.updated_at, m.created_at) as modified,
         not x.visible as deleted
  from inquiry_agenda_items iai
  join ${exposedInquiries} x on x.id = iai.inquiry_id
  join agenda_items ai on ai.id = iai.agenda_item_id and ai.public
  join meetings m on m.id = ai.meeting_id and m.body_id = x.body_id`;

const SOURCES: Record<OparlObjectKind, SQL> = {
  organization: sql`select o.id::text as id, o.body_id, o.created_at as created, o.created_at as modified, false as deleted from organizations o`,
  person: publicPeople,
  meeting: sql`select m.id::text as id, m.body_id, m.created_at as created, m.created_at as modified, false as deleted from meetings m`,
  agendaItem: sql`
    select ai.id::text as id, m.body_id, m.created_at as created, m.created_at as modified, false as deleted
    from agenda_items ai join meetings m on m.id = ai.meeting_id where ai.public`,
  paper: papers,
  consultation: consultationRows,
  // One HTML rendition per paper: the file has the paper's id.
  file: papers,
};

export interface ExposedRow {
  id: string;
  bodyId: string;
  created: string;
  modified: string;
  deleted: boolean;
}

type RawRow = {
  id: string;
  body_id: string;
  created: Date | string;
  modified: Date | string;
  deleted: boolean;
};

function toRow(raw: RawRow): ExposedRow {
  return {
    id: raw.id,
    bodyId: raw.body_id,
    created: new Date(raw.created).toISOString(),
    modified: new Date(raw.modified).toISOString(),
    deleted: raw.deleted === true,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function filterConditions(filters: ListFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.createdSince) parts.push(sql`created >= ${filters.createdSince.toISOString()}::timestamptz`);
  if (filters.createdUntil) parts.push(sql`created <= ${filters.createdUntil.toISOString()}::timestamptz`);
  if (filters.modifiedSince) parts.push(sql`modified >= ${filters.modifiedSince.toISOString()}::timestamptz`);
  if (filters.modifiedUntil) parts.push(sql`modified <= ${filters.modifiedUntil.toISOString()}::timestamptz`);
  if (filters.omitDeleted) parts.push(sql`not deleted`);
  return sql.join(parts, sql` and `);
}

/**
 * A page of a body's papers (and their file renditions, which share the ids) without aggregating every answer:
 * three branches, each walking an index in (modified, id) order and stopping after `limit` rows — inquiries on
 * inquiries_body_updated_idx; visible answers by their latest published version on answer_versions_published_idx
 * (an answer's `modified` is its latest publication); answers of inquiries served as deleted, which are few.
 * The union of the three short lists is ordered once more. Same rows as SOURCES.paper, without the full scan
 * (1.3 s at 100,000 inquiries, most of it the aggregate of 80,000 answers).
 */
function paperPage(bodyId: string, filters: ListFilters, keyset: (modified: SQL, id: SQL) => SQL, limit: number): SQL {
  const f = (created: SQL, modified: SQL) => {
    const parts: SQL[] = [sql`true`];
    if (filters.createdSince) parts.push(sql`${created} >= ${filters.createdSince.toISOString()}::timestamptz`);
    if (filters.createdUntil) parts.push(sql`${created} <= ${filters.createdUntil.toISOString()}::timestamptz`);
    if (filters.modifiedSince) parts.push(sql`${modified} >= ${filters.modifiedSince.toISOString()}::timestamptz`);
    if (filters.modifiedUntil) parts.push(sql`${modified} <= ${filters.modifiedUntil.toISOString()}::timestamptz`);
    parts.push(keyset(modified, sql`id`));
    return sql.join(parts, sql` and `);
  };
  const wasPublic = sql`exists (
      select 1 from events e
      where e.aggregate_type = 'inquiry' and e.aggregate_id = i.id and e.type = 'visibility_changed'
        and e.payload->>'from' = 'public')`;
  const inquiryRows = sql`
    select i.id, i.body_id, i.created_at as created, i.updated_at as modified, (i.visibility <> 'public') as deleted
    from inquiries i
    where i.body_id = ${bodyId} and i.status <> 'draft' and i.public_ref is not null
      and (i.visibility = 'public' or ${wasPublic})`;
  const visibleAnswers = sql`
    select a.id, i.body_id,
           (select min(w.published_at) from answer_versions w
             where w.answer_id = a.id and w.published_at is not null) as created,
           v.published_at as modified, false as deleted
    from answer_versions v
    join answers a on a.id = v.answer_id
    join inquiries i on i.id = a.inquiry_id
    where v.published_at is not null
      and not exists (select 1 from answer_versions w where w.answer_id = v.answer_id and w.published_at is not null
                        and (w.published_at > v.published_at or (w.published_at = v.published_at and w.id > v.id)))
      and i.body_id = ${bodyId} and i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null`;
  const deletedAnswers = sql`
    select a.id, i.body_id, min(v.published_at) as created, greatest(max(v.published_at), i.updated_at) as modified,
           true as deleted
    from inquiries i
    join answers a on a.inquiry_id = i.id
    join answer_versions v on v.answer_id = a.id and v.published_at is not null
    where i.body_id = ${bodyId} and i.visibility <> 'public' and i.status <> 'draft' and i.public_ref is not null
      and ${wasPublic}
    group by a.id, i.body_id, i.updated_at`;
  const omit = filters.omitDeleted;
  const branch = (rows: SQL) => sql`(
    select * from (${rows}) b where ${f(sql`created`, sql`modified`)} order by modified, id limit ${limit})`;
  const branches = [
    branch(omit ? sql`${inquiryRows} and i.visibility = 'public'` : inquiryRows),
    branch(visibleAnswers),
  ];
  if (!omit) branches.push(branch(deletedAnswers));
  return sql`
    select id, body_id, created, modified, deleted
    from (${sql.join(branches, sql` union all `)}) page`;
}

/**
 * One page of a body's objects of a kind by keyset (ADR 0014 addendum): ordered by (modified, id), starting after
 * the cursor, one row more than the page to know whether there is a next page — no OFFSET, no count of the whole
 * list. `modified` travels in the cursor to the microsecond, so no row is skipped or repeated at a page border.
 */
export async function listExposed(
  db: Db,
  kind: OparlObjectKind,
  bodyId: string,
  filters: ListFilters,
): Promise<{ rows: ExposedRow[]; next: ListCursor | null }> {
  const cursor = filters.after;
  // Papers and files: uuid ids, compared as uuids so that the inquiries' index serves the order.
  const byIndex = kind === "paper" || kind === "file";
  if (byIndex && cursor && !UUID.test(cursor.id)) return { rows: [], next: null };
  // The first, redundant condition lets PostgreSQL start the index walk at the cursor (a row comparison across
  // joined tables is only a filter): a deep page costs as much as the first.
  const keyset = (modified: SQL, id: SQL) =>
    cursor
      ? sql`${modified} >= ${cursor.modified}::timestamptz and (${modified}, ${id}) > (${cursor.modified}::timestamptz, ${cursor.id}::${sql.raw(byIndex ? "uuid" : "text")})`
      : sql`true`;
  const source = byIndex
    ? paperPage(bodyId, filters, keyset, filters.limit + 1)
    : sql`select * from (${SOURCES[kind]}) exposed
          where body_id = ${bodyId} and ${filterConditions(filters)} and ${keyset(sql`modified`, sql`id`)}`;
  const raw = rowsOf<RawRow & { cursor_modified: string }>(
    await db.execute(sql`
      select id::text as id, body_id, created, modified, deleted,
             to_char(modified at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_modified
      from (${source}) listed
      order by modified, listed.id
      limit ${filters.limit + 1}`),
  );
  const page = raw.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(toRow),
    next: raw.length > filters.limit && last ? { modified: last.cursor_modified, id: last.id } : null,
  };
}

/** One object of a kind by its id, or null when the API does not know it. */
export async function findExposed(db: Db, kind: OparlObjectKind, id: string): Promise<ExposedRow | null> {
  const raw = rowsOf<RawRow>(
    await db.execute(
      sql`select id, body_id, created, modified, deleted from (${SOURCES[kind]}) exposed where id = ${id} limit 1`,
    ),
  );
  return raw[0] ? toRow(raw[0]) : null;
}
