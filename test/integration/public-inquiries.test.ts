/**
 * The public read queries (app/server/public/inquiries.server.ts) against a migrated database: what the public
 * may see and nothing else, joint answers shown once, pagination, and the facts of the demo documents.
 */
import type { EventName } from "../../app/domain/events";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, beforeAll } from "vitest";
import {
  answerAttachments,
  answerPartQuestions,
  answerParts,
  answers,
  answerVersions,
  bodies,
  consultationRecommendations,
  consultations,
  criteria,
  criteriaSets,
  events,
  inquiries,
  inquiryOriginators,
  inquiryTypes,
  inventoryCriteriaSets,
  organizations,
  questions,
  signOffSteps,
  toolAssessments,
  toolInventories,
  toolInventoryRows,
  tools,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
  withholdings,
} from "../../db/schema/index";
import type { Db } from "../../app/server/core/db.server";
import { resetConfig } from "../../app/server/core/config.server";
import {
  listPublicInquiries,
  loadPublicInquiry,
  loadPublicInquiryWithKeys,
  loadPublicOverview,
  PUBLIC_PAGE_SIZE,
} from "../../app/server/public/inquiries.server";
import { backends, useTestDatabase } from "../support/db";

/** Texts that exist only in non-public rows; none may ever appear in what the public queries return. */
const SECRETS = [
  "GEHEIM-withheld-text",
  "GEHEIM-unpublished-version",
  "GEHEIM-internal-consultation",
  "GEHEIM-internal-attachment",
  "GEHEIM-internal-event",
  "GEHEIM-internal-inquiry",
  "GEHEIM-draft-inquiry",
  "GEHEIM-non-public-agenda",
];

function rich<P extends string>(prefix: P, text: string) {
  return {
    [`${prefix}Json`]: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    [`${prefix}Html`]: `<p>${text}</p>`,
    [`${prefix}Text`]: text,
  } as { [K in `${P}Json`]: { type: "doc"; content: unknown[] } } & { [K in `${P}Html` | `${P}Text`]: string };
}

async function one<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("no row returned");
  return row;
}

/** A small world: two bodies, a fully answered inquiry with everything, non-public material, 22 public rows. */
async function insertFixture(db: Db) {
  const testburg = await one(
    db
      .insert(bodies)
      .values({ slug: "testburg", name: "Stadt Testburg", shortName: "Testburg", kind: "municipality", state: "NI" })
      .returning(),
  );
  const anderswo = await one(
    db
      .insert(bodies)
      .values({ slug: "anderswo", name: "Gemeinde Anderswo", shortName: "Anderswo", kind: "municipality", state: "NI" })
      .returning(),
  );
  const type = await one(
    db
      .insert(inquiryTypes)
      .values({
        bodyId: testburg.id,
        code: "anfrage",
        name: "Anfrage",
        deadlineRule: { kind: "weeks", amount: 4 },
        deadlineRuleLabel: "4 Wochen nach Eingang",
      })
      .returning(),
  );
  const otherType = await one(
    db
      .insert(inquiryTypes)
      .values({
        bodyId: anderswo.id,
        code: "anfrage",
        name: "Anfrage",
        deadlineRule: { kind: "none" },
        deadlineRuleLabel: "keine Frist",
      })
      .returning(),
  );
  const faction = await one(
    db.insert(organizations).values({ bodyId: testburg.id, kind: "faction", name: "Fraktion A" }).returning(),
  );
  const dpo = await one(
    db.insert(organizations).values({ bodyId: testburg.id, kind: "dpo_office", name: "Datenschutz" }).returning(),
  );
  const dept = await one(
    db.insert(organizations).values({ bodyId: testburg.id, kind: "department", name: "Amt 13" }).returning(),
  );

  // The fully answered inquiry.
  const main = await one(
    db
      .insert(inquiries)
      .values({
        bodyId: testburg.id,
        typeId: type.id,
        reference: "1/2020",
        publicRef: "A-1",
        title: "Videokonferenzen in Testburg",
        status: "answered",
        visibility: "public",
        originatorOrganizationId: faction.id,
        receivedOn: "2020-05-28",
        dueOn: "2020-06-25",
        createdAt: new Date("2020-05-28T10:00:00Z"),
      })
      .returning(),
  );
  await db
    .insert(inquiryOriginators)
    .values([{ inquiryId: main.id, organizationId: faction.id, label: "der Fraktion A", position: 1 }]);
  const q = await db
    .insert(questions)
    .values(
      [1, 2, 3, 4].map((n) => ({
        inquiryId: main.id,
        position: n,
        number: String(n),
        ...rich("body", `Frage Nummer ${n}?`),
      })),
    )
    .returning();
  const answer = await one(
    db
      .insert(answers)
      .values({ bodyId: testburg.id, inquiryId: main.id, status: "published", leadOrganizationId: dept.id })
      .returning(),
  );
  await db.insert(answerVersions).values({
    answerId: answer.id,
    versionNumber: 1,
    documentKind: "Drucksache",
    documentReference: "1/100",
    documentDate: "2020-07-07",
    ...rich("intro", "Erste Fassung."),
    publishedAt: new Date("2020-07-07T10:00:00Z"),
  });
  const v2 = await one(
    db
      .insert(answerVersions)
      .values({
        answerId: answer.id,
        versionNumber: 2,
        documentKind: "Drucksache",
        documentReference: "1/100 (neu)",
        documentDate: "2020-07-10",
        ...rich("intro", "Zweite Fassung."),
        publishedAt: new Date("2020-07-10T10:00:00Z"),
        correctionNote: "Zahl in Antwort 2 berichtigt.",
      })
      .returning(),
  );
  await db.insert(answerVersions).values({
    answerId: answer.id,
    versionNumber: 3,
    ...rich("intro", "GEHEIM-unpublished-version"),
  });
  const [p1, p2, p3] = await db
    .insert(answerParts)
    .values([
      { versionId: v2.id, position: 1, ...rich("body", "Antwort eins.") },
      { versionId: v2.id, position: 2, ...rich("body", "Siehe Übersicht.") },
      {
        versionId: v2.id,
        position: 3,
        jointNote: "Die Fragen 3 und 4 werden gemeinsam beantwortet.",
        ...rich("body", "Antwort drei und vier."),
      },
    ])
    .returning();
  await db.insert(answerPartQuestions).values([
    { partId: p1!.id, questionId: q[0]!.id },
    { partId: p2!.id, questionId: q[1]!.id },
    { partId: p3!.id, questionId: q[2]!.id },
    { partId: p3!.id, questionId: q[3]!.id },
  ]);
  await db.insert(withholdings).values({
    versionId: v2.id,
    partId: p1!.id,
    reason: "it_security",
    subject: "Hersteller der Anlagen",
    publicJustification: "Aus Gründen der IT-Sicherheit nicht veröffentlicht.",
    withheldText: "GEHEIM-withheld-text",
  });
  await db.insert(answerAttachments).values([
    { versionId: v2.id, position: 1, title: "Anlage", fileId: null },
    { versionId: v2.id, position: 2, title: "GEHEIM-internal-attachment", public: false },
  ]);
  const published = await one(
    db
      .insert(consultations)
      .values({
        bodyId: testburg.id,
        answerId: answer.id,
        kind: "dpo",
        addresseeOrganizationId: dpo.id,
        questionsPut: "Frage: Ist das zulässig?",
        status: "answered",
        statementTitle: "Kurzbetrachtung",
        ...rich("statement", "Mit Einschränkungen vertretbar."),
        verdict: "conditions",
        publishedWithAnswer: true,
      })
      .returning(),
  );
  const internal = await one(
    db
      .insert(consultations)
      .values({
        bodyId: testburg.id,
        answerId: answer.id,
        kind: "department",
        addresseeOrganizationId: dept.id,
        status: "answered",
        ...rich("statement", "GEHEIM-internal-consultation"),
        publishedWithAnswer: false,
      })
      .returning(),
  );
  await db.insert(consultationRecommendations).values([
    { consultationId: published.id, position: 1, kind: "restriction", text: "keine nicht öffentlichen TOPs" },
    { consultationId: published.id, position: 2, kind: "recommendation", text: "Dienstanweisung erlassen" },
    { consultationId: internal.id, position: 1, kind: "restriction", text: "GEHEIM-internal-consultation" },
  ]);
  await db.insert(signOffSteps).values([
    { answerId: answer.id, position: 1, label: "Sachbearbeiter/in", status: "unrecorded" },
    {
      answerId: answer.id,
      position: 2,
      label: "mitzeichnendes Amt",
      condition: "bei über-/ außerplanm. Ausgaben: Amt 11",
      status: "not_required",
    },
  ]);

  // Tool inventory answering question 2.
  const [zoom, jitsi] = await db
    .insert(tools)
    .values([
      { slug: "test-zoom", name: "Test Zoom" },
      { slug: "test-jitsi", name: "Test Jitsi" },
    ])
    .returning();
  const inventory = await one(
    db
      .insert(toolInventories)
      .values({ versionId: v2.id, title: "Videokonferenz-Tools", countLabel: "Arbeitsplätze", questionNumber: "2" })
      .returning(),
  );
  const [jitsiRow, zoomRow] = await db
    .insert(toolInventoryRows)
    .values([
      {
        inventoryId: inventory.id,
        position: 1,
        toolId: jitsi!.id,
        variant: "on_premise",
        label: "Jitsi Meet (intern/On-Premise)",
        workplaceCount: 52413,
      },
      {
        inventoryId: inventory.id,
        position: 2,
        toolId: zoom!.id,
        label: "Zoom",
        workplaceCount: null,
        footnoteMark: "1)",
        footnote: "Einsatz im Einzelfall.",
      },
    ])
    .returning();
  const matrix = await one(
    db
      .insert(toolUsageMatrices)
      .values({
        inventoryId: inventory.id,
        rowHeading: "Ressort",
        columnHeading: "Videokonferenz-Tool",
        footnoteMark: "*",
        footnote: "Fußnote zur Matrix.",
      })
      .returning(),
  );
  const [colJitsi] = await db
    .insert(toolUsageMatrixColumns)
    .values([
      { matrixId: matrix.id, position: 1, inventoryRowId: jitsiRow!.id },
      { matrixId: matrix.id, position: 2, inventoryRowId: zoomRow!.id },
    ])
    .returning();
  const matrixRow = await one(
    db
      .insert(toolUsageMatrixRows)
      .values({ matrixId: matrix.id, position: 1, organizationId: dept.id, label: "Amt 13 *" })
      .returning(),
  );
  await db.insert(toolUsageMatrixCells).values({ rowId: matrixRow.id, columnId: colJitsi!.id });
  const set = await one(
    db
      .insert(criteriaSets)
      .values({ slug: "test-leitplanken", title: "Leitplanken", issuer: "LDI", issuedOn: "2020-05-18" })
      .returning(),
  );
  await db.insert(criteria).values({ criteriaSetId: set.id, position: 1, text: "Eigener Betrieb" });
  await db
    .insert(inventoryCriteriaSets)
    .values({ inventoryId: inventory.id, criteriaSetId: set.id, statusNote: "Noch nicht abgeglichen." });
  await db
    .insert(toolAssessments)
    .values({ inventoryRowId: jitsiRow!.id, criteriaSetId: set.id, criterionId: null, result: "not_assessed" });

  await db.insert(events).values([
    // Names outside app/domain/events.ts on purpose: the public timeline must cope with any row in the log.
    {
      bodyId: testburg.id,
      aggregateType: "inquiry",
      aggregateId: main.id,
      type: "submitted" as EventName,
      occurredAt: new Date("2020-05-28T10:00:00Z"),
      public: true,
    },
    {
      bodyId: testburg.id,
      aggregateType: "inquiry",
      aggregateId: main.id,
      type: "GEHEIM-internal-event" as EventName,
      occurredAt: new Date("2020-06-01T10:00:00Z"),
      public: false,
    },
    {
      bodyId: testburg.id,
      aggregateType: "answer",
      aggregateId: answer.id,
      type: "answer_published" as EventName,
      occurredAt: new Date("2020-07-06T22:30:00Z"),
      public: true,
    },
  ]);

  // Not public: internal, and a draft.
  await db.insert(inquiries).values([
    {
      bodyId: testburg.id,
      typeId: type.id,
      reference: "2/2020",
      publicRef: "B-1",
      title: "GEHEIM-internal-inquiry",
      status: "submitted",
      visibility: "internal",
    },
    {
      bodyId: testburg.id,
      typeId: type.id,
      publicRef: "C-1",
      title: "GEHEIM-draft-inquiry",
      status: "draft",
      visibility: "public",
    },
  ]);
  // Overdue: public, open, past its due date, no answer.
  await db.insert(inquiries).values({
    bodyId: testburg.id,
    typeId: type.id,
    reference: "3/2020",
    publicRef: "D-1",
    title: "Überfällige Anfrage",
    status: "assigned",
    visibility: "public",
    receivedOn: "2020-01-02",
    dueOn: "2020-01-30",
  });
  // Twenty more public inquiries, received after the others, so that there are two pages.
  await db.insert(inquiries).values(
    Array.from({ length: 20 }, (_, i) => ({
      bodyId: testburg.id,
      typeId: type.id,
      reference: `${10 + i}/2021`,
      publicRef: `X-${10 + i}`,
      title: `Massenanfrage ${10 + i}`,
      status: "submitted" as const,
      visibility: "public" as const,
      receivedOn: `2021-02-${String(i + 1).padStart(2, "0")}`,
      dueOn: `2099-12-31`,
    })),
  );
  // Same publicRef in another body.
  await db.insert(inquiries).values({
    bodyId: anderswo.id,
    typeId: otherType.id,
    reference: "1/2020",
    publicRef: "A-1",
    title: "Die A-1 von Anderswo",
    status: "submitted",
    visibility: "public",
  });
}

describe.each(backends())("public inquiries (%s)", (backend) => {
  describe("with a small fixture", () => {
    const t = useTestDatabase(backend);
    beforeAll(async () => {
      await insertFixture(t.db);
    });

    it("lists every body with its count of public inquiries, the latest answers once each, and overdue inquiries", async () => {
      const overview = await loadPublicOverview({}, t.db);
      expect(overview.bodies.map((b) => [b.slug, b.publicInquiryCount])).toEqual([
        ["anderswo", 1],
        ["testburg", 22],
      ]);
      expect(overview.latestAnswers).toHaveLength(1);
      expect(overview.latestAnswers[0]).toMatchObject({
        bodySlug: "testburg",
        publicRef: "A-1",
        documentReference: "1/100 (neu)",
        documentDate: "2020-07-10",
        publishedOn: "2020-07-10",
      });
      expect(overview.overdue.map((o) => o.publicRef)).toEqual(["D-1"]);
      for (const secret of SECRETS) expect(JSON.stringify(overview)).not.toContain(secret);
    });

    it("pages a body's public inquiries newest first, 20 a page", async () => {
      const first = await listPublicInquiries({ bodySlug: "testburg", page: 1 }, t.db);
      expect(first).not.toBeNull();
      expect(first!.total).toBe(22);
      expect(first!.pageCount).toBe(2);
      expect(first!.items).toHaveLength(PUBLIC_PAGE_SIZE);
      expect(first!.items[0]!.publicRef).toBe("X-29");
      const second = await listPublicInquiries({ bodySlug: "testburg", page: 2 }, t.db);
      expect(second!.items.map((i) => i.publicRef)).toEqual(["A-1", "D-1"]);
      const a1 = second!.items[0]!;
      expect(a1.originators).toEqual(["der Fraktion A"]);
      expect(a1.answer).toEqual({
        documentKind: "Drucksache",
        documentReference: "1/100 (neu)",
        documentDate: "2020-07-10",
        publishedOn: "2020-07-10",
      });
      expect(second!.items[1]!.answer).toBeNull();
      const all = JSON.stringify([first, second]);
      for (const secret of SECRETS) expect(all).not.toContain(secret);
    });

    it("answers null for an unknown body and for pages that do not exist", async () => {
      expect(await listPublicInquiries({ bodySlug: "nirgendwo", page: 1 }, t.db)).toBeNull();
      expect(await listPublicInquiries({ bodySlug: "testburg", page: 3 }, t.db)).toBeNull();
      expect(await listPublicInquiries({ bodySlug: "testburg", page: 0 }, t.db)).toBeNull();
      const empty = await listPublicInquiries({ bodySlug: "anderswo", page: 1 }, t.db);
      expect(empty!.items.map((i) => i.title)).toEqual(["Die A-1 von Anderswo"]);
    });

    it("never shows internal or draft inquiries, nor another body's", async () => {
      expect(await loadPublicInquiry({ bodySlug: "testburg", publicRef: "B-1" }, t.db)).toBeNull();
      expect(await loadPublicInquiry({ bodySlug: "testburg", publicRef: "C-1" }, t.db)).toBeNull();
      expect(await loadPublicInquiry({ bodySlug: "anderswo", publicRef: "B-1" }, t.db)).toBeNull();
      const other = await loadPublicInquiry({ bodySlug: "anderswo", publicRef: "A-1" }, t.db);
      expect(other!.inquiry.title).toBe("Die A-1 von Anderswo");
      expect(other!.answer).toBeNull();
    });

    it("gives the answer page the inquiry's key and its originating faction from the same lookup", async () => {
      const loaded = await loadPublicInquiryWithKeys({ bodySlug: "testburg", publicRef: "A-1" }, t.db);
      const [row] = await t.db
        .select({ id: inquiries.id, factionId: inquiries.originatorOrganizationId })
        .from(inquiries)
        .where(eq(inquiries.publicRef, "A-1"))
        .innerJoin(bodies, and(eq(bodies.id, inquiries.bodyId), eq(bodies.slug, "testburg")));
      expect(loaded!.inquiryId).toBe(row!.id);
      expect(loaded!.faction).toEqual({ id: row!.factionId, name: "Fraktion A" });
      expect(loaded!.detail).toEqual(await loadPublicInquiry({ bodySlug: "testburg", publicRef: "A-1" }, t.db));
      // Without an originating faction: none; not public: nothing at all.
      const other = await loadPublicInquiryWithKeys({ bodySlug: "anderswo", publicRef: "A-1" }, t.db);
      expect(other!.faction).toBeNull();
      expect(await loadPublicInquiryWithKeys({ bodySlug: "testburg", publicRef: "B-1" }, t.db)).toBeNull();
    });

    it("loads the newest published version with joint answers once, withholdings without their text, and only public material", async () => {
      const detail = await loadPublicInquiry({ bodySlug: "testburg", publicRef: "A-1" }, t.db);
      expect(detail).not.toBeNull();
      const answer = detail!.answer!;
      expect(answer.version.versionNumber).toBe(2);
      expect(answer.isLatest).toBe(true);
      expect(answer.versions.map((v) => [v.versionNumber, v.correctionNote])).toEqual([
        [1, null],
        [2, "Zahl in Antwort 2 berichtigt."],
      ]);
      expect(answer.leadOrganizationName).toBe("Amt 13");

      expect(answer.rows.map((row) => row.questions.map((q) => q.number))).toEqual([["1"], ["2"], ["3", "4"]]);
      expect(answer.rows[2]!.parts).toHaveLength(1);
      expect(answer.rows[2]!.parts[0]!.jointNote).toBe("Die Fragen 3 und 4 werden gemeinsam beantwortet.");
      expect(answer.rows[2]!.parts[0]!.questionNumbers).toEqual(["3", "4"]);
      expect(answer.rows[0]!.parts[0]!.withholdings).toEqual([
        expect.objectContaining({
          reason: "it_security",
          publicJustification: "Aus Gründen der IT-Sicherheit nicht veröffentlicht.",
        }),
      ]);
      expect(answer.rows[0]!.parts[0]!.withholdings[0]).not.toHaveProperty("withheldText");

      expect(answer.consultations).toHaveLength(1);
      expect(answer.consultations[0]!.recommendations.map((r) => [r.kind, r.text])).toEqual([
        ["restriction", "keine nicht öffentlichen TOPs"],
        ["recommendation", "Dienstanweisung erlassen"],
      ]);
      expect(answer.attachments).toEqual([{ id: expect.any(String), position: 1, title: "Anlage", file: null }]);
      expect(answer.signOffSteps.map((s) => s.status)).toEqual(["unrecorded", "not_required"]);

      const [inventory] = answer.inventories;
      expect(inventory!.rows.map((r) => [r.label, r.workplaceCount, r.footnoteMark])).toEqual([
        ["Jitsi Meet (intern/On-Premise)", 52413, null],
        ["Zoom", null, "1)"],
      ]);
      expect(inventory!.matrix!.columns.map((c) => c.label)).toEqual(["Jitsi Meet (intern/On-Premise)", "Zoom"]);
      expect(inventory!.matrix!.rows[0]!.usedColumnIds).toEqual([inventory!.matrix!.columns[0]!.id]);
      expect(inventory!.assessments[0]!.statusNote).toBe("Noch nicht abgeglichen.");
      expect(inventory!.assessments[0]!.results.map((r) => r.overall)).toEqual(["not_assessed", "not_assessed"]);

      // The timeline holds public events only, with the date as seen in Berlin (22:30 UTC is the next day there).
      expect(detail!.timeline.map((e) => [e.type, e.occurredOn])).toEqual([
        ["submitted", "2020-05-28"],
        ["answer_published", "2020-07-07"],
      ]);
      // First answered on 07.07.2020, due 25.06.2020.
      expect(detail!.deadlineMissed).toEqual({ kind: "answered_late", answeredOn: "2020-07-07" });
      expect(detail!.inquiry.dueRuleLabel).toBe("4 Wochen nach Eingang");

      const all = JSON.stringify(detail);
      for (const secret of SECRETS) expect(all).not.toContain(secret);
    });

    it("shows an earlier published version on request, never an unpublished one", async () => {
      const first = await loadPublicInquiry({ bodySlug: "testburg", publicRef: "A-1", versionNumber: 1 }, t.db);
      expect(first!.answer!.version.introHtml).toBe("<p>Erste Fassung.</p>");
      expect(first!.answer!.isLatest).toBe(false);
      expect(first!.answer!.parts).toEqual([]);
      expect(await loadPublicInquiry({ bodySlug: "testburg", publicRef: "A-1", versionNumber: 3 }, t.db)).toBeNull();
    });

    it("marks an open inquiry past its due date as overdue", async () => {
      const overdue = await loadPublicInquiry({ bodySlug: "testburg", publicRef: "D-1" }, t.db);
      expect(overdue!.deadlineMissed).toEqual({ kind: "overdue" });
      expect(overdue!.answer).toBeNull();
    });
  });

  describe("with the demo data", () => {
    const t = useTestDatabase(backend, { seeded: true });

    it("lists the four demo bodies and none of the internal demo work", async () => {
      const overview = await loadPublicOverview({}, t.db);
      const slugs = overview.bodies.map((b) => b.slug);
      expect(slugs).toEqual(expect.arrayContaining(["norderstedt", "landtag-nrw", "hamburg", "scharnebeck"]));
      expect(overview.latestAnswers.map((a) => `${a.bodySlug}/${a.publicRef}`)).toEqual(
        expect.arrayContaining(["landtag-nrw/17-9511", "norderstedt/M-20-0226", "hamburg/SA-1-2021"]),
      );
      for (const slug of ["norderstedt", "landtag-nrw"]) {
        const list = await listPublicInquiries({ bodySlug: slug, page: 1 }, t.db);
        expect(list!.items.every((item) => item.publicRef)).toBe(true);
        expect(list!.items.map((i) => i.title).join(" ")).not.toMatch(/fiktiv/i);
      }
      // Internal demo work stays off the public lists; the public demo inquiries are on them.
      const norderstedt = await listPublicInquiries({ bodySlug: "norderstedt", page: 1 }, t.db);
      const titles = norderstedt!.items.map((i) => i.title);
      expect(titles).not.toContain("Barrierefreiheit der Videokonferenzsysteme");
      expect(titles).not.toContain("Nutzung von Messenger-Diensten in der Verwaltung");
      expect(titles).toEqual(
        expect.arrayContaining(['Videokonferenztool: "Zoom"', "Kosten der Videokonferenzlizenzen"]),
      );
      const nrw = await listPublicInquiries({ bodySlug: "landtag-nrw", page: 1 }, t.db);
      expect(nrw!.items.map((i) => i.title)).not.toContain("Nutzung von Messenger-Diensten in der Landesverwaltung");
    });

    it("shows the reason of an inadmissibility and the note of a withdrawal on the public timeline, nothing else of a payload", async () => {
      const list = await listPublicInquiries({ bodySlug: "norderstedt", page: 1 }, t.db);
      const refOf = (title: string) => list!.items.find((i) => i.title === title)!.publicRef!;
      const inadmissible = await loadPublicInquiry(
        { bodySlug: "norderstedt", publicRef: refOf("Dienstliche Geräte einzelner Beschäftigter des Bürgerbüros") },
        t.db,
      );
      expect(inadmissible!.timeline.map((e) => [e.type, e.note])).toEqual([
        ["submit", null],
        ["declare_inadmissible", expect.stringMatching(/^Die Anfrage betrifft Personalangelegenheiten/)],
      ]);
      const withdrawn = await loadPublicInquiry(
        { bodySlug: "norderstedt", publicRef: refOf("Kosten der Videokonferenzlizenzen") },
        t.db,
      );
      const withdrawal = withdrawn!.timeline.find((e) => e.type === "withdraw");
      expect(withdrawal?.note).toBe(withdrawn!.inquiry.withdrawalNote);
      expect(
        withdrawn!.timeline
          .filter((e) => e.type !== "withdraw" && e.type !== "extend_deadline")
          .every((e) => e.note === null),
      ).toBe(true);
    });

    it("Landtag NRW, Drucksache 17/9511: joint answer to 3 and 4, IT-security withholding, 16 tools", async () => {
      const detail = await loadPublicInquiry({ bodySlug: "landtag-nrw", publicRef: "17-9511" }, t.db);
      expect(detail).not.toBeNull();
      const { inquiry, answer } = detail!;
      expect([inquiry.typeName, inquiry.reference]).toEqual(["Kleine Anfrage", "3761"]);
      expect(inquiry.originators).toEqual(["des Abgeordneten Matthi Bolte-Richter BÜNDNIS 90/DIE GRÜNEN"]);
      expect(inquiry.preambleLabel).toBe("Vorbemerkung der Kleinen Anfrage");
      expect(answer!.version).toMatchObject({
        documentKind: "Drucksache",
        documentReference: "17/9511",
        documentDate: "2020-07-07",
      });
      expect(answer!.version.preambleLabel).toBe("Vorbemerkung der Landesregierung");
      expect(answer!.rows.map((r) => r.questions.map((q) => q.number))).toEqual([["1"], ["2"], ["3", "4"]]);
      expect(answer!.rows[2]!.parts[0]!.jointNote).toMatch(/Die Fragen 3 und 4 werden .* gemeinsam beantwortet\./);
      expect(answer!.rows[0]!.parts[0]!.withholdings.map((w) => w.reason)).toEqual(["it_security"]);
      const rows = answer!.inventories[0]!.rows;
      expect(rows).toHaveLength(16);
      expect(rows[0]).toMatchObject({ label: "Cisco-ViKo (On-Premise)", workplaceCount: 52413 });
      expect(rows.find((r) => r.label.startsWith("Zoom"))).toMatchObject({ workplaceCount: null });
      expect(answer!.inventories[0]!.matrix!.columns).toHaveLength(16);
      // The matrix is the Anlage that answer 1 refers to, named so — not a missing file beside further details.
      expect(answer!.rows[0]!.parts[0]!.bodyHtml).toContain("sind der Anlage zu entnehmen");
      expect(answer!.inventories[0]!.matrix!.title).toBe("Anlage zur Antwort auf Frage 1");
      expect(answer!.attachments).toEqual([]);
      // What the Drucksache says about each of its tools is cited on its page: all 15 catalogue tools of its 16 rows.
      expect(new Set(detail!.toolFacts.filter((f) => f.key === "usage_status").map((f) => f.toolName)).size).toBe(15);
      expect(detail!.deadlineMissed).toEqual({ kind: "answered_late", answeredOn: "2020-07-07" });
    });

    it("Norderstedt, Mitteilungsvorlage M 20/0226: the DPO statement with its restrictions, the unrecorded sign-off chain", async () => {
      const detail = await loadPublicInquiry({ bodySlug: "norderstedt", publicRef: "M-20-0226" }, t.db);
      const answer = detail!.answer!;
      expect(answer.version).toMatchObject({
        documentKind: "Mitteilungsvorlage",
        documentReference: "M 20/0226",
        documentDate: "2020-06-15",
      });
      expect(answer.version.caseOfficerLabel).toBe("Borchardt, Hauke");
      expect(answer.consultations).toHaveLength(1);
      const [statement] = answer.consultations;
      expect(statement!.kind).toBe("dpo");
      expect(statement!.recommendations.filter((r) => r.kind === "restriction")).toHaveLength(3);
      expect(answer.signOffSteps.map((s) => s.label)).toEqual([
        "Sachbearbeiter/in",
        "Fachbereichsleiter/in",
        "Amtsleiter/in",
        "mitzeichnendes Amt",
        "Stadtrat/Stadträtin",
        "Oberbürgermeisterin",
      ]);
      expect(new Set(answer.signOffSteps.map((s) => s.status))).toEqual(new Set(["unrecorded"]));
      expect(detail!.agenda.map((a) => [a.organizationName, a.meetingDate, a.itemNumber, a.purpose])).toContainEqual([
        "Hauptausschuss",
        "2020-05-04",
        "26.7",
        "raised",
      ]);
      // The Vorlage names the meeting of its Beratungsfolge but no TOP: the Vorlage number is not one.
      expect(
        detail!.agenda.map((a) => [a.organizationName, a.meetingDate, a.itemNumber, a.purpose, a.roleLabel]),
      ).toContainEqual(["Hauptausschuss", "2020-06-15", null, "answer", "Anhörung"]);
      expect(detail!.agenda.map((a) => a.itemNumber)).not.toContain("M 20/0226");
    });

    it("gives each of several pages read at once on one handle its own inquiry (statements built once, values per read)", async () => {
      const refs = [
        { bodySlug: "landtag-nrw", publicRef: "17-9511" },
        { bodySlug: "norderstedt", publicRef: "M-20-0226" },
        { bodySlug: "hamburg", publicRef: "SA-1-2021" },
      ];
      const alone = [];
      for (const ref of refs) alone.push(await loadPublicInquiry(ref, t.db));
      // Interleaved: the second round of one read runs while another read's first statement does.
      const together = await Promise.all([...refs, ...refs].map((ref) => loadPublicInquiry(ref, t.db)));
      expect(together.map((d) => d!.inquiry.publicRef)).toEqual([...refs, ...refs].map((r) => r.publicRef));
      // Each the same as when it was read alone.
      expect(together).toEqual([...alone, ...alone]);
      expect(new Set(together.map((d) => d!.answer!.version.documentDate)).size).toBe(3);
      expect(together[1]!.answer!.consultations).toHaveLength(1);
      expect(together[0]!.answer!.consultations).toHaveLength(0);
      expect(together[2]!.answer!.version.signatory!.name).toBe("Jan Pörksen");
      expect(together[0]!.answer!.version.signatory?.name).not.toBe("Jan Pörksen");
      expect(await loadPublicInquiry({ bodySlug: "hamburg", publicRef: "17-9511" }, t.db)).toBeNull();

      // DATABASE_PREPARED_STATEMENTS=0 (a pooler without prepared statements): the same pages, built per read.
      process.env.DATABASE_PREPARED_STATEMENTS = "0";
      resetConfig();
      try {
        const unprepared = [];
        for (const ref of refs) unprepared.push(await loadPublicInquiry(ref, t.db));
        expect(unprepared).toEqual(alone);
      } finally {
        delete process.env.DATABASE_PREPARED_STATEMENTS;
        resetConfig();
      }
    });

    it("Hamburg: the Senatskanzlei's letter as the answer, signed by Jan Pörksen", async () => {
      const detail = await loadPublicInquiry({ bodySlug: "hamburg", publicRef: "SA-1-2021" }, t.db);
      expect(detail!.answer!.version.documentDate).toBe("2021-03-26");
      expect(detail!.answer!.version.signatory).toMatchObject({
        name: "Jan Pörksen",
        roleLabel: "Staatsrat, Chef der Senatskanzlei",
      });
    });

    it("Hamburg: the letter's statements on Zoom and Microsoft 365 appear as tool facts citing it", async () => {
      const detail = await loadPublicInquiry({ bodySlug: "hamburg", publicRef: "SA-1-2021" }, t.db);
      const facts = detail!.toolFacts;
      const zoomKeys = facts
        .filter((f) => f.toolName === "Zoom")
        .map((f) => f.key)
        .sort();
      expect(zoomKeys).toEqual([
        "dpa_status",
        "dpia",
        "license",
        "protection_needs",
        "risk_assessment",
        "threshold_analysis",
      ]);
      expect(facts.every((f) => f.sourceCitation.includes("26. März 2021") && f.quote)).toBe(true);
      const dpia = facts.find((f) => f.key === "dpia")!;
      expect(dpia.quote).toContain("Datenschutzfolgenabschätzung");
      expect(facts.find((f) => f.toolName === "Microsoft 365")?.key).toBe("pilot_status");
      // Norderstedt's statements cite Norderstedt's documents, not Hamburg's letter.
      const norderstedt = await loadPublicInquiry({ bodySlug: "norderstedt", publicRef: "M-20-0226" }, t.db);
      expect(
        norderstedt!.toolFacts.some(
          (f) => f.toolName === "Zoom" && f.key === "vendor_country" && f.value.includes("USA"),
        ),
      ).toBe(true);
      expect(norderstedt!.toolFacts.every((f) => !f.sourceCitation.includes("Hamburg"))).toBe(true);
    });

    it("Scharnebeck: the Antrag is public, undecided and has no answer", async () => {
      const detail = await loadPublicInquiry({ bodySlug: "scharnebeck", publicRef: "Antrag-1-2020" }, t.db);
      expect(detail!.inquiry.lifecycle).toBe("motion");
      expect(detail!.inquiry.status).toBe("submitted");
      expect(detail!.answer).toBeNull();
      // As the document reads: addressed to the Samtgemeindebürgermeister, the letter's intro before the motion,
      // the motion text, then its Begründung.
      const { inquiry } = detail!;
      expect(inquiry.addressee).toBe("Herrn Samtgemeindebürgermeister Gerstenkorn");
      expect(inquiry.preambleLabel).toBe("Anschreiben");
      expect(inquiry.preambleHtml).toMatch(
        /^<p>Sehr geehrter Herr Samtgemeindebürgermeister Gerstenkorn,<\/p><p>zur nächsten Sitzung des Samtgemeinderats stellt die Fraktion „Bündnis90\/ Die GRÜNEN“ folgenden Antrag:<\/p>$/,
      );
      expect(detail!.questions).toHaveLength(1);
      const motion = detail!.questions[0]!;
      expect(motion.leadIn).toBe("Antrag");
      expect(motion.bodyHtml).toMatch(/^<p>Angelehnt an das kostenfreie Angebot „Palim! Palim!“ der Stadt Bühl/);
      const begruendung = motion.bodyHtml.indexOf(">Begründung</h3>");
      expect(begruendung).toBeGreaterThan(motion.bodyHtml.indexOf("Telefonkonferenzplattform."));
      expect(motion.bodyHtml.indexOf("Worum geht es?")).toBeGreaterThan(begruendung);
      expect(motion.bodyHtml).toContain("Eine geringe Serverbetriebsgebühr kommt noch hinzu.");
    });
  });
});
