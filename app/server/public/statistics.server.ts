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
import { eq, sql } from "drizzle-orm";
import { inquiryTypes, organizations } from "../../../db/schema/index";
import { percentileCont, type HistogramBin } from "../../domain/histogram";
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

interface CountRow {
  dimension: StatisticsDimension | "total";
  key: string | null;
  days: number | string | null;
  inquiries: number | string;
  answered: number | string;
  on_time: number | string;
  answered_with_due: number | string;
  /** The open, unanswered inquiries of this row whose due date has passed (judged as late). */
  overdue: number | string;
  extensions: number | string;
  withheld: number | string;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

const num = (value: number | string | null | undefined) => (value === null || value === undefined ? 0 : Number(value));
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

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
}

/** The body's statistics, or null when there is no body with that slug. */
export async function loadBodyStatistics(bodySlug: string, database?: Db): Promise<BodyStatistics | null> {
  const db = database ?? (await getDb());
  const body = await findBody(db, bodySlug);
  if (!body) return null;

  // The summary's rows of this body: a histogram per dimension and key — a few thousand rows at most, whatever
  // the archive's size (the triggers of migration 0012 keep it; ADR 0023).
  const counts = rowsOf<CountRow>(
    await db.execute(sql`
      select dimension, key, days, inquiries, answered, on_time, answered_with_due,
             case when open_due_on < (now() at time zone ${body.timeZone})::date then inquiries else 0 end as overdue,
             extensions, withheld
      from statistics_counts
      where body_id = ${body.id} and inquiries <> 0`),
  );
  const groupsByKey = new Map<string, Group>();
  for (const row of counts) {
    const id = `${row.dimension}\u0000${row.key ?? ""}`;
    let group = groupsByKey.get(id);
    if (!group) {
      group = {
        dimension: row.dimension,
        key: row.key,
        inquiries: 0,
        answered: 0,
        onTime: 0,
        deadlineJudged: 0,
        extensions: 0,
        withheld: 0,
        days: [],
      };
      groupsByKey.set(id, group);
    }
    group.inquiries += num(row.inquiries);
    group.answered += num(row.answered);
    group.onTime += num(row.on_time);
    group.deadlineJudged += num(row.answered_with_due) + num(row.overdue);
    group.extensions += num(row.extensions);
    group.withheld += num(row.withheld);
    if (row.days !== null) group.days.push({ value: Number(row.days), count: num(row.inquiries) });
  }

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

  const toRow = (group: Group): StatisticsRow => ({
    key: group.key,
    label: group.key === null ? null : group.dimension === "year" ? group.key : (names.get(group.key) ?? null),
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
  });
  return { body, total, groups };
}
