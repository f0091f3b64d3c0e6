/**
 * A body's statistics (/{body}/statistik and its CSV) on a small data set whose figures are known by hand:
 * medians and 90 % values of the time to answer, the on-time rate, extensions and withheld parts — by
 * department, faction, type and year — and that non-public inquiries, motions and other bodies do not count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answerVersions, answers, deadlineExtensions, inquiries, inquiryTypes, withholdings } from "../../db/schema";
import { useDatabase, type Db } from "../../app/server/core/db.server";
import { loadBodyStatistics } from "../../app/server/public/statistics.server";
import { loader as statisticsCsvLoader } from "../../app/routes/public/body.statistik.csv";
import { loader as statisticsPageLoader } from "../../app/routes/public/body.statistik";
import { backends, useTestDatabase } from "../support/db";
import { createBody, createOrganization } from "../support/factories";

async function createType(db: Db, bodyId: string, values: Partial<typeof inquiryTypes.$inferInsert> = {}) {
  const [row] = await db
    .insert(inquiryTypes)
    .values({
      bodyId,
      code: "kleine-anfrage",
      name: "Kleine Anfrage",
      deadlineRule: { kind: "calendar_days", amount: 14 },
      deadlineRuleLabel: "14 Tage",
      ...values,
    })
    .returning();
  return row!;
}

let sequence = 0;
async function createInquiry(
  db: Db,
  values: Partial<typeof inquiries.$inferInsert> & { bodyId: string; typeId: string },
  answer?: {
    leadOrganizationId?: string;
    versions: { documentDate: string | null; publishedAt: Date; withheld?: number }[];
  },
) {
  const n = ++sequence;
  const [inquiry] = await db
    .insert(inquiries)
    .values({
      reference: `${n}/2024`,
      publicRef: `${n}-2024`,
      title: `Anfrage ${n}`,
      status: answer ? "answered" : "answering",
      visibility: "public",
      ...values,
    })
    .returning();
  if (answer) {
    const [row] = await db
      .insert(answers)
      .values({
        bodyId: values.bodyId,
        inquiryId: inquiry!.id,
        status: "published",
        leadOrganizationId: answer.leadOrganizationId,
      })
      .returning();
    let number = 0;
    for (const version of answer.versions) {
      number++;
      const [v] = await db
        .insert(answerVersions)
        .values({
          answerId: row!.id,
          versionNumber: number,
          documentDate: version.documentDate,
          publishedAt: version.publishedAt,
          correctionNote: number > 1 ? "Berichtigung" : null,
        })
        .returning();
      for (let w = 0; w < (version.withheld ?? 0); w++) {
        await db.insert(withholdings).values({
          versionId: v!.id,
          reason: "it_security",
          subject: "Gegenstand",
          publicJustification: "Begründung",
          withheldText: "geheim",
        });
      }
    }
  }
  return inquiry!;
}

describe.each(backends())("body statistics on %s", (backend) => {
  const t = useTestDatabase(backend);
  let slug = "";
  let emptySlug = "";
  const ids = { departmentA: "", departmentB: "", factionX: "", factionY: "", kleine: "", grosse: "" };

  beforeAll(async () => {
    useDatabase(t.handle);
    const db = t.db;
    const body = await createBody(db, { name: "Statistikstadt" });
    slug = body.slug;
    emptySlug = (await createBody(db, { name: "Leere Gemeinde" })).slug;
    const other = await createBody(db);
    const departmentA = await createOrganization(db, body.id, { name: "Amt A – Hauptamt" });
    const departmentB = await createOrganization(db, body.id, { name: "Amt B – Ordnungsamt" });
    const factionX = await createOrganization(db, body.id, { kind: "faction", name: "Fraktion X" });
    const factionY = await createOrganization(db, body.id, { kind: "faction", name: "Fraktion Y" });
    const kleine = await createType(db, body.id);
    const grosse = await createType(db, body.id, { code: "grosse-anfrage", name: "Große Anfrage" });
    const motion = await createType(db, body.id, { code: "antrag", name: "Antrag", lifecycle: "motion" });
    const otherType = await createType(db, other.id);
    Object.assign(ids, {
      departmentA: departmentA.id,
      departmentB: departmentB.id,
      factionX: factionX.id,
      factionY: factionY.id,
      kleine: kleine.id,
      grosse: grosse.id,
    });
    const base = { bodyId: body.id, typeId: kleine.id };
    const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

    // 1: department A (on the answer), faction X, 10 days, on time after one extension.
    const first = await createInquiry(
      db,
      { ...base, originatorOrganizationId: factionX.id, receivedOn: "2024-01-01", dueOn: "2024-01-15" },
      { leadOrganizationId: departmentA.id, versions: [{ documentDate: "2024-01-11", publishedAt: at("2024-01-12") }] },
    );
    await db.insert(deadlineExtensions).values({
      inquiryId: first.id,
      previousDueOn: "2024-01-10",
      newDueOn: "2024-01-15",
      reason: "Abstimmung mit dem Datenschutz",
    });
    // 2: department A, faction X, 20 days, late, two withheld parts.
    await createInquiry(
      db,
      { ...base, originatorOrganizationId: factionX.id, receivedOn: "2024-02-01", dueOn: "2024-02-15" },
      {
        leadOrganizationId: departmentA.id,
        versions: [{ documentDate: "2024-02-21", publishedAt: at("2024-02-22"), withheld: 2 }],
      },
    );
    // 3: department B, faction Y, Große Anfrage, 30 days (first version counts), late; the correction withholds nothing.
    await createInquiry(
      db,
      {
        ...base,
        typeId: grosse.id,
        originatorOrganizationId: factionY.id,
        receivedOn: "2025-03-01",
        dueOn: "2025-03-15",
      },
      {
        leadOrganizationId: departmentB.id,
        versions: [
          { documentDate: null, publishedAt: at("2025-03-31"), withheld: 1 },
          { documentDate: "2025-05-02", publishedAt: at("2025-05-02") },
        ],
      },
    );
    // 4: department B (on the inquiry, no answer yet), faction Y, open and past its due date: late.
    await createInquiry(db, {
      ...base,
      leadOrganizationId: departmentB.id,
      originatorOrganizationId: factionY.id,
      receivedOn: "2025-04-01",
      dueOn: "2025-04-15",
    });
    // 5: department B, faction X, open, due far ahead: its deadline cannot be judged yet.
    await createInquiry(db, {
      ...base,
      leadOrganizationId: departmentB.id,
      originatorOrganizationId: factionX.id,
      status: "assigned",
      receivedOn: "2025-05-01",
      dueOn: "2999-01-01",
    });
    // Not counted: an internal inquiry, a motion, and another body's inquiry.
    await createInquiry(
      db,
      { ...base, visibility: "internal", receivedOn: "2024-01-01", dueOn: "2024-01-15" },
      { versions: [{ documentDate: "2024-01-02", publishedAt: at("2024-01-02") }] },
    );
    await createInquiry(db, { ...base, typeId: motion.id, status: "submitted", receivedOn: "2024-01-01" });
    await createInquiry(
      db,
      { bodyId: other.id, typeId: otherType.id, receivedOn: "2024-01-01", dueOn: "2024-01-15" },
      { versions: [{ documentDate: "2024-01-03", publishedAt: at("2024-01-03") }] },
    );
  });

  it("computes the totals: median 20 and 90 % value 28 days of 10/20/30, one of four deadlines kept", async () => {
    const statistics = (await loadBodyStatistics(slug, t.db))!;
    expect(statistics.total).toMatchObject({
      inquiries: 5,
      answered: 3,
      medianDays: 20,
      p90Days: 28,
      onTime: 1,
      deadlineJudged: 4,
      onTimeRate: 0.25,
      extensions: 1,
      withheldParts: 2,
    });
  });

  it("groups by department (answer's lead first, else the inquiry's), faction, type and year", async () => {
    const { groups } = (await loadBodyStatistics(slug, t.db))!;
    const byKey = (rows: typeof groups.department) => Object.fromEntries(rows.map((row) => [row.label, row]));
    const departments = byKey(groups.department);
    expect(departments["Amt A – Hauptamt"]).toMatchObject({
      inquiries: 2,
      answered: 2,
      medianDays: 15,
      p90Days: 19,
      onTime: 1,
      deadlineJudged: 2,
      extensions: 1,
      withheldParts: 2,
    });
    expect(departments["Amt B – Ordnungsamt"]).toMatchObject({
      inquiries: 3,
      answered: 1,
      medianDays: 30,
      p90Days: 30,
      onTime: 0,
      deadlineJudged: 2,
      onTimeRate: 0,
      withheldParts: 0,
    });
    const factions = byKey(groups.faction);
    expect(factions["Fraktion X"]).toMatchObject({ inquiries: 3, answered: 2, medianDays: 15 });
    expect(factions["Fraktion Y"]).toMatchObject({ inquiries: 2, answered: 1, medianDays: 30 });
    const types = byKey(groups.type);
    expect(types["Kleine Anfrage"]).toMatchObject({ inquiries: 4, answered: 2, medianDays: 15 });
    expect(types["Große Anfrage"]).toMatchObject({ inquiries: 1, answered: 1, medianDays: 30 });
    expect(groups.year.map((row) => [row.label, row.inquiries, row.medianDays])).toEqual([
      ["2024", 2, 15],
      ["2025", 3, 30],
    ]);
  });

  it("gives a body without public inquiries empty figures (the page then shows a friendly text)", async () => {
    const statistics = (await loadBodyStatistics(emptySlug, t.db))!;
    expect(statistics.total).toMatchObject({ inquiries: 0, answered: 0, medianDays: null, onTimeRate: null });
    expect(statistics.groups.department).toEqual([]);
  });

  it("answers an unknown body with 404 on the page and the CSV", async () => {
    for (const loader of [statisticsPageLoader, statisticsCsvLoader]) {
      const response = await loader({
        request: new Request("http://localhost/gibt-es-nicht/statistik"),
        params: { body: "gibt-es-nicht" },
        context: {},
      }).catch((thrown: unknown) => thrown);
      expect(response).toBeInstanceOf(Response);
      expect((response as Response).status).toBe(404);
    }
  });

  it("sends the CSV with BOM, semicolons, German decimal comma, a file name and 304 on If-None-Match", async () => {
    const url = `http://localhost/${slug}/statistik.csv`;
    const response = await statisticsCsvLoader({ request: new Request(url), params: { body: slug }, context: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="statistik-${slug}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Gliederung;Gruppe;Anfragen;beantwortet;Median (Tage);90-%-Wert (Tage);fristgerecht;Frist beurteilbar;Quote fristgerecht (%);Fristverlängerungen;zurückgehaltene Teile",
    );
    expect(lines[1]).toBe("insgesamt;Statistikstadt;5;3;20;28;1;4;25;1;2");
    expect(lines).toContain("Fachbereich;Amt A – Hauptamt;2;2;15;19;1;2;50;1;2");
    expect(lines).toContain("Fraktion;Fraktion X;3;2;15;19;1;2;50;1;2");

    const etag = response.headers.get("ETag")!;
    const again = await statisticsCsvLoader({
      request: new Request(url, { headers: { "If-None-Match": etag } }),
      params: { body: slug },
      context: {},
    });
    expect(again.status).toBe(304);
  });
});
