/**
 * A body's public statistics (/{body}/statistik): time to answer (median and 90th percentile in days), the
 * on-time rate, deadline extensions and withheld parts — in total and by department, faction, type and year.
 *
 * Read from the summary the database keeps (db/schema/statistics.ts, migration 0012, ADR 0023): per body,
 * dimension and key, the inquiries counted by days to answer and open due date — a few thousand rows whatever
 * the archive's size, so that even the first (uncached) render does not scan the archive (it took 3–7 s at
 * 100,000 inquiries). Medians and 90 % values come from that histogram exactly as percentile_cont would
 * compute them (app/domain/histogram.ts). Only what the public read model shows counts: public inquiries
 * (publiclyVisible()) of the answered kind (not motions) and published answer versions.
 *
 * Definitions (shown on the page, texts/statistics.ts):
 * - answered on: the date of the first published answer (its document date, else the day it was published in
 *   the body's time zone); time to answer = answered on − received on (or submitted on).
 * - on time: answered on or before the due date in force (extensions included). The rate counts the inquiries
 *   whose deadline can be judged: answered ones with a due date, and open ones whose due date has passed.
 * - withheld parts: withholdings in the newest published answer version.
 */
import { sql } from "drizzle-orm";
import { inquiryTypes, organizations } from "../../../db/schema/index";
import { percentileCont, type HistogramBin } from "../../domain/histogram";
import { isoDateInTimeZone } from "../../domain/format";
import { getDb, type Db } from "../core/db.server";
import { executePrepared, rowsOf } from "../core/prepared.server";
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

/** One dimension and key of the summary, summed in SQL; the histogram of days to answer as two arrays. */
interface GroupRow {
  dimension: StatisticsDimension | "total";
  key: string | null;
  inquiries: number | string;
  answered: number | string;
  on_time: number | string;
  /** Answered with a due date, plus the open ones whose due date has passed (judged as late). */
  deadline_judged: number | string;
  extensions: number | string;
  withheld: number | string;
  /** Days to answer and how many inquiries took them (pairwise, in no order); null when none is answered. */
  days: (number | string)[] | string | null;
  day_counts: (number | string)[] | string | null;
  /** The organisation's or type's name (department, faction, type). */
  name: string | null;
}

const num = (value: number | string | null | undefined) => (value === null || value === undefined ? 0 : Number(value));
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
/** An int array column: a JS array from both drivers, or PostgreSQL's text form `{1,2}` should one not parse it. */
const numbers = (value: (number | string)[] | string | null): number[] =>
  value === null
    ? []
    : typeof value === "string"
      ? value.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number)
      : value.map(Number);

interface Group {
  dimension: StatisticsDimension | "total";
  key: string | null;
  inquiries: number;
  answered: number;
  onTime: number;
  deadlineJudged: number;
  extensions: number;
  withheld: number;
  days: HistogramBin[];
  name: string | null;
}

/** The body's statistics, or null when there is no body with that slug. */
export async function loadBodyStatistics(bodySlug: string, database?: Db): Promise<BodyStatistics | null> {
  const db = database ?? (await getDb());
  const body = await findBody(db, bodySlug);
  if (!body) return null;

  // The summary's rows of this body (a histogram per dimension and key, the triggers of migration 0012 keep it;
  // ADR 0023), summed per dimension and key in the database: some 40 rows reach the app instead of the ~4,800
  // histogram rows of a large body, whose transfer and parsing cost more than the rest of the page together.
  // The names of the body's organisations and types join the ~40 summed rows (not the archive's rows).
  // The two arrays of a group are aggregated without ORDER BY: both see the group's rows in the same order, so
  // days[k] and day_counts[k] still belong together, and percentileCont sorts the bins itself. Ordered
  // aggregates made PostgreSQL sort all ~4,800 rows by dimension and key and then every group by days (about
  // half of the statement at 100,000 inquiries); without them it hashes the groups. "Today" in the body's time
  // zone comes as a parameter instead of `now() at time zone …` evaluated for every row. A prepared statement
  // on PostgreSQL (one fixed shape).
  const today = isoDateInTimeZone(new Date(), body.timeZone);
  const summed = rowsOf<GroupRow>(
    await executePrepared(
      db,
      sql`
      with grouped as (
        select dimension, key,
               sum(inquiries)::int as inquiries, sum(answered)::int as answered, sum(on_time)::int as on_time,
               (sum(answered_with_due)
                 + sum(case when open_due_on < ${today}::date then inquiries else 0 end))::int as deadline_judged,
               sum(extensions)::int as extensions, sum(withheld)::int as withheld,
               array_agg(days) filter (where days is not null) as days,
               array_agg(inquiries) filter (where days is not null) as day_counts
        from statistics_counts
        where body_id = ${body.id} and inquiries <> 0
        group by dimension, key)
      select g.*, coalesce(o.name, ty.name) as name
      from grouped g
      left join ${organizations} o
        on g.dimension in ('department', 'faction') and o.body_id = ${body.id} and o.id::text = g.key
      left join ${inquiryTypes} ty on g.dimension = 'type' and ty.body_id = ${body.id} and ty.id::text = g.key`,
    ),
  );
  const groupsByKey = new Map<string, Group>();
  for (const row of summed) {
    const days = numbers(row.days);
    const counts = numbers(row.day_counts);
    groupsByKey.set(`${row.dimension}\u0000${row.key ?? ""}`, {
      dimension: row.dimension,
      key: row.key,
      inquiries: num(row.inquiries),
      answered: num(row.answered),
      onTime: num(row.on_time),
      deadlineJudged: num(row.deadline_judged),
      extensions: num(row.extensions),
      withheld: num(row.withheld),
      days: days.map((value, index) => ({ value, count: counts[index] ?? 0 })),
      name: row.name,
    });
  }

  const toRow = (group: Group): StatisticsRow => ({
    key: group.key,
    label: group.key === null ? null : group.dimension === "year" ? group.key : group.name,
    inquiries: group.inquiries,
    answered: group.answered,
    medianDays: oneDecimal(percentileCont(group.days, 0.5)),
    p90Days: oneDecimal(percentileCont(group.days, 0.9)),
    onTime: group.onTime,
    deadlineJudged: group.deadlineJudged,
    onTimeRate: group.deadlineJudged > 0 ? group.onTime / group.deadlineJudged : null,
    extensions: group.extensions,
    withheldParts: group.withheld,
  });

  const groups: Record<StatisticsDimension, StatisticsRow[]> = { department: [], faction: [], type: [], year: [] };
  let total: StatisticsRow | null = null;
  for (const group of groupsByKey.values()) {
    if (group.inquiries <= 0) continue;
    if (group.dimension === "total") total = toRow(group);
    else groups[group.dimension].push(toRow(group));
  }
  for (const dimension of STATISTICS_DIMENSIONS) {
    groups[dimension].sort((a, b) =>
      dimension === "year"
        ? Number(a.key ?? 0) - Number(b.key ?? 0)
        : b.inquiries - a.inquiries || (a.label ?? "~").localeCompare(b.label ?? "~", "de"),
    );
  }
  // No public inquiry at all: the summary has no row; the page shows a friendly text for zero figures.
  total ??= toRow({
    dimension: "total",
    key: null,
    inquiries: 0,
    answered: 0,
    onTime: 0,
    deadlineJudged: 0,
    extensions: 0,
    withheld: 0,
    days: [],
    name: null,
  });
  return { body, total, groups };
}
