/**
 * A body's public statistics (/{body}/statistik): time to answer (median and 90th percentile in days), the
 * on-time rate, deadline extensions and withheld parts — in total and by department, faction, type and year.
 *
 * Computed by the database in one aggregate query (GROUPING SETS with percentile_cont), never row by row in
 * JavaScript: the work is one pass over the body's public inquiries (index on inquiries(body_id, status)) with
 * hash joins to per-inquiry sums of answers, extensions and withholdings. Only what the public read model shows
 * counts: public inquiries (publiclyVisible()) of the answered kind (not motions) and published answer versions.
 *
 * Definitions (shown on the page, texts/statistics.ts):
 * - answered on: the date of the first published answer (its document date, else the day it was published in
 *   the body's time zone); time to answer = answered on − received on (or submitted on).
 * - on time: answered on or before the due date in force (extensions included). The rate counts the inquiries
 *   whose deadline can be judged: answered ones with a due date, and open ones whose due date has passed.
 * - withheld parts: withholdings in the newest published answer version.
 */
import { eq, sql } from "drizzle-orm";
import { inquiryTypes, organizations } from "../../../db/schema/index";
import { OPEN_STATUSES } from "../../domain/dashboard";
import { getDb, type Db } from "../core/db.server";
import { findBody, type PublicBody } from "./bodies.server";
import { STATISTICS_DIMENSIONS, type StatisticsDimension } from "../../domain/texts/statistics";

export { STATISTICS_DIMENSIONS, type StatisticsDimension };

export interface StatisticsRow {
  /** Organisation or type id, or the year; null for "no department/faction given". */
  key: string | null;
  /** Organisation or type name, or the year; null when the key is null (the page says "ohne Angabe"). */
  label: string | null;
  inquiries: number;
  answered: number;
  medianDays: number | null;
  p90Days: number | null;
  onTime: number;
  /** Inquiries whose deadline can be judged (denominator of the on-time rate). */
  deadlineJudged: number;
  /** onTime / deadlineJudged, 0…1; null when nothing can be judged. */
  onTimeRate: number | null;
  extensions: number;
  withheldParts: number;
}

export interface BodyStatistics {
  body: PublicBody;
  total: StatisticsRow;
  groups: Record<StatisticsDimension, StatisticsRow[]>;
}

interface AggregateRow {
  dimension: StatisticsDimension | "total";
  key: string | null;
  inquiries: number | string;
  answered: number | string;
  median_days: number | string | null;
  p90_days: number | string | null;
  on_time: number | string;
  deadline_judged: number | string;
  extensions: number | string;
  withheld_parts: number | string;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

const num = (value: number | string | null | undefined) => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: number | string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/** The body's statistics, or null when there is no body with that slug. */
export async function loadBodyStatistics(bodySlug: string, database?: Db): Promise<BodyStatistics | null> {
  const db = database ?? (await getDb());
  const body = await findBody(db, bodySlug);
  if (!body) return null;

  const openStatuses = sql.join(
    OPEN_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  const rows = rowsOf<AggregateRow>(
    await db.execute(sql`
      with answered as (
        select a.inquiry_id, a.lead_organization_id,
               min(coalesce(v.document_date, (v.published_at at time zone ${body.timeZone})::date)) as answered_on
        from answers a
        join answer_versions v on v.answer_id = a.id and v.published_at is not null
        where a.body_id = ${body.id}
        group by a.inquiry_id, a.lead_organization_id
      ),
      extended as (
        select e.inquiry_id, count(*) as n
        from deadline_extensions e
        join inquiries i2 on i2.id = e.inquiry_id and i2.body_id = ${body.id}
        group by e.inquiry_id
      ),
      withheld as (
        select a.inquiry_id, count(*) as n
        from withholdings w
        join answer_versions v on v.id = w.version_id and v.published_at is not null
        join answers a on a.id = v.answer_id and a.body_id = ${body.id}
        where not exists (select 1 from answer_versions newer
                          where newer.answer_id = v.answer_id and newer.published_at is not null
                            and newer.version_number > v.version_number)
        group by a.inquiry_id
      ),
      facts as (
        select coalesce(ans.lead_organization_id, i.lead_organization_id) as department_id,
               i.originator_organization_id as faction_id,
               i.type_id,
               extract(year from coalesce(i.received_on, i.submitted_on))::int as year,
               i.due_on,
               i.status::text in (${openStatuses}) as open,
               ans.answered_on,
               ans.answered_on - coalesce(i.received_on, i.submitted_on) as days,
               coalesce(ext.n, 0) as extensions,
               coalesce(wh.n, 0) as withheld
        from inquiries i
        join inquiry_types t on t.id = i.type_id and t.lifecycle = 'inquiry'
        left join answered ans on ans.inquiry_id = i.id
        left join extended ext on ext.inquiry_id = i.id
        left join withheld wh on wh.inquiry_id = i.id
        where i.body_id = ${body.id} and i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null
      )
      select case when grouping(department_id) = 0 then 'department'
                  when grouping(faction_id) = 0 then 'faction'
                  when grouping(type_id) = 0 then 'type'
                  when grouping(year) = 0 then 'year'
                  else 'total' end as dimension,
             coalesce(department_id::text, faction_id::text, type_id::text, year::text) as key,
             count(*) as inquiries,
             count(answered_on) as answered,
             percentile_cont(0.5) within group (order by days) as median_days,
             percentile_cont(0.9) within group (order by days) as p90_days,
             count(*) filter (where answered_on is not null and due_on is not null and answered_on <= due_on) as on_time,
             count(*) filter (where due_on is not null and (answered_on is not null
                               or (open and due_on < (now() at time zone ${body.timeZone})::date))) as deadline_judged,
             coalesce(sum(extensions), 0) as extensions,
             coalesce(sum(withheld), 0) as withheld_parts
      from facts
      group by grouping sets ((department_id), (faction_id), (type_id), (year), ())`),
  );

  // Names of the few organisations and types of this body (not of the archive's rows).
  const [organizationNames, typeNames] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.bodyId, body.id)),
    db
      .select({ id: inquiryTypes.id, name: inquiryTypes.name })
      .from(inquiryTypes)
      .where(eq(inquiryTypes.bodyId, body.id)),
  ]);
  const names = new Map([...organizationNames, ...typeNames].map((row) => [row.id, row.name]));

  const toRow = (row: AggregateRow): StatisticsRow => {
    const onTime = num(row.on_time);
    const deadlineJudged = num(row.deadline_judged);
    return {
      key: row.key,
      label: row.key === null ? null : row.dimension === "year" ? row.key : (names.get(row.key) ?? null),
      inquiries: num(row.inquiries),
      answered: num(row.answered),
      medianDays: numOrNull(row.median_days),
      p90Days: numOrNull(row.p90_days),
      onTime,
      deadlineJudged,
      onTimeRate: deadlineJudged > 0 ? onTime / deadlineJudged : null,
      extensions: num(row.extensions),
      withheldParts: num(row.withheld_parts),
    };
  };

  const groups: Record<StatisticsDimension, StatisticsRow[]> = { department: [], faction: [], type: [], year: [] };
  let total: StatisticsRow | null = null;
  for (const row of rows) {
    if (row.dimension === "total") total = toRow(row);
    else groups[row.dimension].push(toRow(row));
  }
  for (const dimension of STATISTICS_DIMENSIONS) {
    groups[dimension].sort((a, b) =>
      dimension === "year"
        ? Number(a.key ?? 0) - Number(b.key ?? 0)
        : b.inquiries - a.inquiries || (a.label ?? "~").localeCompare(b.label ?? "~", "de"),
    );
  }
  // With no inquiries at all GROUPING SETS still yields the () row; the fallback only guards the type.
  total ??= toRow({
    dimension: "total",
    key: null,
    inquiries: 0,
    answered: 0,
    median_days: null,
    p90_days: null,
    on_time: 0,
    deadline_judged: 0,
    extensions: 0,
    withheld_parts: 0,
  });
  return { body, total, groups };
}
