/**
 * The statistics' summary (inquiry_statistics_facts, statistics_counts; migration 0012, ADR 0023) stays what a
 * full aggregate over the archive gives — after a submission, a publication, a correction with withheld parts,
 * a deadline extension, a tool inventory and a visibility change; and so do the tool catalogue's counts
 * (tool_answer_facts). The oracle below is the aggregate /{body}/statistik ran over
 * the archive before the summary (GROUPING SETS with percentile_cont), so the two are computed independently.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  answerVersions,
  answers,
  bodies,
  deadlineExtensions,
  inquiries,
  toolInventories,
  toolInventoryRows,
  tools,
  users,
  withholdings,
} from "../../db/schema";
import { useDatabase, type Db } from "../../app/server/core/db.server";
import { membershipFactsOf } from "../../app/server/core/transitions.server";
import { changeVisibility } from "../../app/server/inquiries/intake.server";
import { submitInquiry } from "../../app/server/inquiries/numbering.server";
import { loadBodyStatistics, type StatisticsRow } from "../../app/server/public/statistics.server";
import { loadToolCatalogue, loadToolPage } from "../../app/server/public/tools.server";
import { backends, useTestDatabase } from "../support/db";

const BODY = "norderstedt";
const DRAFT = "Nutzung von Messenger-Diensten in der Verwaltung";

interface Figures {
  inquiries: number;
  answered: number;
  medianDays: number | null;
  p90Days: number | null;
  onTime: number;
  deadlineJudged: number;
  extensions: number;
  withheldParts: number;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

const round = (value: unknown) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/** The figures by "dimension:key" from one aggregate over the archive (the statistics' former query). */
async function archiveFigures(db: Db, bodyId: string, timeZone: string): Promise<Map<string, Figures>> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with answered as (
        select a.inquiry_id, a.lead_organization_id,
               min(coalesce(v.document_date, (v.published_at at time zone ${timeZone})::date)) as answered_on
        from answers a join answer_versions v on v.answer_id = a.id and v.published_at is not null
        where a.body_id = ${bodyId} group by a.inquiry_id, a.lead_organization_id),
      extended as (
        select e.inquiry_id, count(*) as n from deadline_extensions e
        join inquiries i2 on i2.id = e.inquiry_id and i2.body_id = ${bodyId} group by e.inquiry_id),
      withheld as (
        select a.inquiry_id, count(*) as n from withholdings w
        join answer_versions v on v.id = w.version_id and v.published_at is not null
        join answers a on a.id = v.answer_id and a.body_id = ${bodyId}
        where not exists (select 1 from answer_versions newer where newer.answer_id = v.answer_id
                          and newer.published_at is not null and newer.version_number > v.version_number)
        group by a.inquiry_id),
      facts as (
        select coalesce(ans.lead_organization_id, i.lead_organization_id) as department_id,
               i.originator_organization_id as faction_id, i.type_id,
               extract(year from coalesce(i.received_on, i.submitted_on))::int as year, i.due_on,
               i.status::text in ('submitted', 'accepted', 'assigned', 'answering') as open, ans.answered_on,
               ans.answered_on - coalesce(i.received_on, i.submitted_on) as days,
               coalesce(ext.n, 0) as extensions, coalesce(wh.n, 0) as withheld
        from inquiries i
        join inquiry_types t on t.id = i.type_id and t.lifecycle = 'inquiry'
        left join answered ans on ans.inquiry_id = i.id
        left join extended ext on ext.inquiry_id = i.id
        left join withheld wh on wh.inquiry_id = i.id
        where i.body_id = ${bodyId} and i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null)
      select case when grouping(department_id) = 0 then 'department' when grouping(faction_id) = 0 then 'faction'
                  when grouping(type_id) = 0 then 'type' when grouping(year) = 0 then 'year' else 'total' end as dimension,
             coalesce(department_id::text, faction_id::text, type_id::text, year::text) as key,
             count(*) as inquiries, count(answered_on) as answered,
             percentile_cont(0.5) within group (order by days) as median_days,
             percentile_cont(0.9) within group (order by days) as p90_days,
             count(*) filter (where answered_on is not null and due_on is not null and answered_on <= due_on) as on_time,
             count(*) filter (where due_on is not null and (answered_on is not null
                               or (open and due_on < (now() at time zone ${timeZone})::date))) as deadline_judged,
             coalesce(sum(extensions), 0) as extensions, coalesce(sum(withheld), 0) as withheld_parts
      from facts group by grouping sets ((department_id), (faction_id), (type_id), (year), ())`),
  );
  return new Map(
    rows.map((row) => [
      `${row.dimension}:${row.key ?? ""}`,
      {
        inquiries: Number(row.inquiries),
        answered: Number(row.answered),
        medianDays: round(row.median_days),
        p90Days: round(row.p90_days),
        onTime: Number(row.on_time),
        deadlineJudged: Number(row.deadline_judged),
        extensions: Number(row.extensions),
        withheldParts: Number(row.withheld_parts),
      },
    ]),
  );
}

const figuresOf = (row: StatisticsRow): Figures => ({
  inquiries: row.inquiries,
  answered: row.answered,
  medianDays: row.medianDays,
  p90Days: row.p90Days,
  onTime: row.onTime,
  deadlineJudged: row.deadlineJudged,
  extensions: row.extensions,
  withheldParts: row.withheldParts,
});

describe.each(backends())("statistics summary on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  let body = { id: "", timeZone: "" };

  beforeAll(async () => {
    useDatabase(t.handle);
    const [row] = await t.db
      .select({ id: bodies.id, timeZone: bodies.timeZone })
      .from(bodies)
      .where(eq(bodies.slug, BODY));
    body = row!;
  });

  /** The page's figures (from the summary) are the archive's, for the total and every group. */
  async function expectSummaryMatchesArchive() {
    const stats = (await loadBodyStatistics(BODY, t.db))!;
    const summary = new Map<string, Figures>([["total:", figuresOf(stats.total)]]);
    for (const [dimension, rows] of Object.entries(stats.groups))
      for (const row of rows) summary.set(`${dimension}:${row.key ?? ""}`, figuresOf(row));
    const archive = await archiveFigures(t.db, body.id, body.timeZone);
    expect(Object.fromEntries(summary)).toEqual(Object.fromEntries(archive));
    return stats;
  }

  /** The tool catalogue's answer counts (from tool_answer_facts) are the archive's (the former aggregate). */
  async function expectToolCountsMatchArchive() {
    const archive = rowsOf<{ slug: string; n: number | string; bodies: string[] | string }>(
      await t.db.execute(sql`
        select tl.slug, count(distinct a.id) as n, array_agg(distinct b.name) as bodies
        from tool_inventory_rows r
        join tool_inventories inv on inv.id = r.inventory_id
        join answer_versions v on v.id = inv.version_id and v.published_at is not null
        join answers a on a.id = v.answer_id
        join inquiries i on i.id = a.inquiry_id and i.body_id = a.body_id
        join tools tl on tl.id = r.tool_id
        join bodies b on b.id = i.body_id
        where i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null
          and v.version_number = (select max(v2.version_number) from answer_versions v2
                                  where v2.answer_id = a.id and v2.published_at is not null)
        group by tl.slug`),
    );
    const expected = Object.fromEntries(archive.map((row) => [row.slug, Number(row.n)]));
    const catalogue = await loadToolCatalogue(t.db);
    const counted = Object.fromEntries(
      catalogue.filter((tool) => tool.answerCount > 0).map((tool) => [tool.slug, tool.answerCount]),
    );
    expect(counted).toEqual(expected);
    // Every body with such an answer is named (besides the bodies the tool's facts concern).
    for (const row of archive) {
      const names = Array.isArray(row.bodies) ? row.bodies : row.bodies.replace(/[{}"]/g, "").split(",");
      const tool = catalogue.find((entry) => entry.slug === row.slug)!;
      expect(tool.bodyNames, row.slug).toEqual(expect.arrayContaining(names));
    }
    return catalogue;
  }

  async function actor(email: string) {
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return { id: user!.id, userId: user!.id, memberships: await membershipFactsOf(t.db, user!.id) };
  }

  it("matches the archive after the seed, a submission, publication, correction, tool inventory, extension and visibility change", async () => {
    const before = await expectSummaryMatchesArchive();
    expect(before.total.inquiries).toBeGreaterThan(0);
    const toolsBefore = await expectToolCountsMatchArchive();
    expect(toolsBefore.some((tool) => tool.answerCount > 0)).toBe(true);

    // Submission (the real command): the draft becomes a public, open inquiry with a due date.
    const [draft] = await t.db.select().from(inquiries).where(eq(inquiries.title, DRAFT));
    const faction = await actor(`fraktion@${BODY}.quaestio.example`);
    await submitInquiry(t.db, {
      inquiryId: draft!.id,
      bodyId: draft!.bodyId,
      expectedVersion: draft!.version,
      actor: faction,
    });
    await expectSummaryMatchesArchive();

    // Visibility change (the real command): the council office makes it public; now it counts.
    const office = await actor(`ratsbuero@${BODY}.quaestio.example`);
    const version = async () =>
      (await t.db.select({ v: inquiries.version }).from(inquiries).where(eq(inquiries.id, draft!.id)))[0]!.v;
    const [afterSubmit] = await t.db.select().from(inquiries).where(eq(inquiries.id, draft!.id));
    if (afterSubmit!.visibility !== "public")
      await changeVisibility(t.db, office, draft!.id, await version(), { visibility: "public", reason: "Test" });
    const submitted = await expectSummaryMatchesArchive();
    expect(submitted.total.inquiries).toBe(before.total.inquiries + 1);

    // Publication: what publishing writes — the answer, its first version published, the inquiry answered.
    const [answer] = await t.db
      .insert(answers)
      .values({ bodyId: draft!.bodyId, inquiryId: draft!.id, status: "published" })
      .returning();
    await t.db.insert(answerVersions).values({
      answerId: answer!.id,
      versionNumber: 1,
      documentDate: null,
      publishedAt: new Date(),
    });
    await t.db.update(inquiries).set({ status: "answered" }).where(eq(inquiries.id, draft!.id));
    const published = await expectSummaryMatchesArchive();
    expect(published.total.answered).toBe(submitted.total.answered + 1);

    // Correction: a second published version with two withheld parts (the newest version's count).
    const [corrected] = await t.db
      .insert(answerVersions)
      .values({
        answerId: answer!.id,
        versionNumber: 2,
        documentDate: null,
        publishedAt: new Date(),
        correctionNote: "Berichtigung",
      })
      .returning();
    for (const subject of ["Netzplan", "Zugangsdaten"])
      await t.db.insert(withholdings).values({
        versionId: corrected!.id,
        reason: "it_security",
        subject,
        publicJustification: "Begründung",
        withheldText: "geheim",
      });
    const correctedStats = await expectSummaryMatchesArchive();
    expect(correctedStats.total.withheldParts).toBe(published.total.withheldParts + 2);
    expect(correctedStats.total.answered).toBe(published.total.answered);

    // A tool inventory in the corrected (newest) version: the tool is named in one more public answer, and
    // the tool page lists it.
    const [tool] = await t.db.select().from(tools).limit(1);
    const [inventory] = await t.db
      .insert(toolInventories)
      .values({ versionId: corrected!.id, title: "Eingesetzte Software" })
      .returning();
    await t.db
      .insert(toolInventoryRows)
      .values({ inventoryId: inventory!.id, position: 1, toolId: tool!.id, label: tool!.name });
    const withInventory = await expectToolCountsMatchArchive();
    const countOf = (list: typeof withInventory) => list.find((entry) => entry.slug === tool!.slug)!.answerCount;
    expect(countOf(withInventory)).toBe(countOf(toolsBefore) + 1);
    const page = (await loadToolPage(tool!.slug, t.db))!;
    expect(page.mentions.some((mention) => mention.inquiryTitle === DRAFT)).toBe(true);

    // A deadline extension of the inquiry.
    await t.db.insert(deadlineExtensions).values({
      inquiryId: draft!.id,
      previousDueOn: "2026-01-01",
      newDueOn: "2026-02-01",
      reason: "Umfangreiche Abstimmung",
    });
    const extended = await expectSummaryMatchesArchive();
    expect(extended.total.extensions).toBe(correctedStats.total.extensions + 1);

    // Visibility change back (the real command): an internal inquiry no longer counts.
    await changeVisibility(t.db, office, draft!.id, await version(), { visibility: "internal", reason: "Test" });
    const internal = await expectSummaryMatchesArchive();
    expect(internal.total.inquiries).toBe(before.total.inquiries);
    expect(internal.total.withheldParts).toBe(before.total.withheldParts);
    expect(countOf(await expectToolCountsMatchArchive())).toBe(countOf(toolsBefore));
  });
});
