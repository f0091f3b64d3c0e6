/**
 * The tool-inventory editor's commands on one backend (see below), on the NRW demo answer in drafting: creating the
 * inventory, importing a pasted table (all rows or none, with the preview's per-row messages), editing and
 * reordering rows, a fact with its source (public only once the answer is published), the catalogue, the
 * organisation × tool matrix and the assessment. Authorisation (404 for another body, refusal for the wrong
 * office), stale versions and a DPO requirement by tool. The first test creates the demo answer's inventory; every
 * other test works on a new answering copy of the demo answer (answeringCopyOf) that it brings to its starting
 * state through the editor's own commands, so that each passes in any order and alone (issue 9).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  answers,
  criteria,
  criteriaSets,
  events,
  inquiries,
  organizations,
  sources,
  toolInventoryRows,
  tools,
} from "../../db/schema";
import { consultationRequirement } from "../../app/server/consultations/requirement.server";
import { useDatabase } from "../../app/server/core/db.server";
import { loadToolFactsCitingInquiry } from "../../app/server/public/tool-facts.server";
import { NotFound, StaleVersionError, ToolInputError } from "../../app/server/tools/inventory-access.server";
import {
  addCatalogueTool,
  addToolFact,
  importRows,
  previewImport,
  saveInventorySettings,
  saveRows,
  ToolImportRefused,
  type RowInput,
} from "../../app/server/tools/inventory-commands.server";
import { saveAssessment, saveMatrix } from "../../app/server/tools/inventory-matrix.server";
import { loadInventoryEditor } from "../../app/server/tools/inventory-read.server";
import { oneBackend, useTestDatabase } from "../support/db";
import { answeringCopyOf } from "../support/inquiry-copies";
import { currentUserFor } from "../support/users";

const NRW_ANSWERING = "Nutzung von Messenger-Diensten in der Landesverwaltung";
const PASTE =
  "Werkzeug\tBezeichnung\tBetriebsform\tArbeitsplätze\tFußnotenzeichen\tFußnote\n" +
  "Cisco-ViKo\tCisco-ViKo (On-Premise)\tOn-Premise\t52.413\t\t\n" +
  "Zoom\tZoom (Public Cloud)\tPublic Cloud\t\t*\tnur im Pilotbetrieb\n" +
  "Jitsi Meet\tJitsi Meet\tOn-Premise\t120\t\t\n";

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): the editor's commands and the paste import are app code
// over plain inserts and updates.
describe.each(oneBackend())("tool inventory editor on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  const nrw = (local: string) => currentUserFor(t.db, `${local}@landtag-nrw.quaestio.example`);
  /** A new copy of the NRW demo inquiry whose answer the lead department is drafting, without an inventory. */
  const answeringCopy = () => answeringCopyOf(t.db, NRW_ANSWERING, "landtag-nrw");
  /** An answering copy with the inventory the first test creates ("Messenger", version 1) and no rows. */
  async function copyWithInventory(): Promise<string> {
    const id = await answeringCopy();
    await saveInventorySettings(
      await nrw("sachbearbeitung"),
      id,
      { version: null, title: "Messenger", countLabel: "Arbeitsplätze", questionNumber: "2" },
      t.db,
    );
    return id;
  }
  /** An answering copy whose inventory holds the rows the third test leaves: Jitsi, Cisco-ViKo, Nextcloud Talk. */
  async function copyWithRows(): Promise<string> {
    const clerk = await nrw("sachbearbeitung");
    const id = await copyWithInventory();
    await importRows(clerk, id, { version: 1, text: PASTE, mode: "replace" }, t.db);
    const view = await editor(id);
    await saveRows(clerk, id, { version: view.inventory!.version, rows: await thirdTestEdit(rowInputs(view)) }, t.db);
    return id;
  }

  /** The third test's edit of the pasted rows: Jitsi first, Zoom removed, Cisco-ViKo 52.414, a new Nextcloud row. */
  async function thirdTestEdit(rows: ReturnType<typeof rowInputs>): Promise<ReturnType<typeof rowInputs>> {
    const [nextcloud] = await t.db.select().from(tools).where(eq(tools.slug, "nextcloud-talk"));
    return [
      { ...rows[0]!, position: "2", count: "52.414" },
      { ...rows[1]!, remove: true },
      { ...rows[2]!, position: "1" },
      {
        id: "",
        toolId: nextcloud!.id,
        label: "Nextcloud Talk (On-Premise)",
        variant: "on_premise",
        count: "22",
        footnoteMark: "",
        footnote: "",
        position: "3",
        remove: false,
      },
    ];
  }
  const rowCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(toolInventoryRows))[0]!.n;
  const editor = async (inquiryId: string, who = "sachbearbeitung") =>
    loadInventoryEditor(await nrw(who), inquiryId, t.db);
  const rowInputs = (view: Awaited<ReturnType<typeof editor>>): RowInput[] =>
    view.rows.map((r, i) => ({
      id: r.id,
      toolId: r.toolId,
      label: r.label,
      variant: r.variant,
      count: r.workplaceCount === null ? "" : String(r.workplaceCount),
      footnoteMark: r.footnoteMark ?? "",
      footnote: r.footnote ?? "",
      position: String(i + 1),
      remove: false,
    }));

  it("is hidden from other bodies and read-only for the DPO; only the lead department creates it", async () => {
    // The demo answer itself, which has no inventory and which no other test touches (its clerk has asked the DPO
    // for a statement, so the DPO takes part and may read it); the oldest inquiry of the title, not a copy.
    const [demo] = await t.db
      .select({ id: inquiries.id })
      .from(inquiries)
      .where(eq(inquiries.title, NRW_ANSWERING))
      .orderBy(asc(inquiries.createdAt))
      .limit(1);
    const id = demo!.id;
    await expect(
      loadInventoryEditor(await currentUserFor(t.db, "sachbearbeitung@hamburg.quaestio.example"), id, t.db),
    ).rejects.toThrow(NotFound);
    await expect(
      saveInventorySettings(
        await currentUserFor(t.db, "sachbearbeitung@hamburg.quaestio.example"),
        id,
        { version: null, title: "X", countLabel: "", questionNumber: "" },
        t.db,
      ),
    ).rejects.toThrow(NotFound);
    expect((await editor(id, "datenschutz")).editable).toBe(false);
    await expect(
      saveInventorySettings(
        await nrw("datenschutz"),
        id,
        { version: null, title: "X", countLabel: "", questionNumber: "" },
        t.db,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { form: "Dazu sind Sie bei diesem Verzeichnis nicht berechtigt." },
    });
    await expect(
      saveInventorySettings(
        await nrw("sachbearbeitung"),
        id,
        { version: null, title: "  ", countLabel: "", questionNumber: "" },
        t.db,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { title: "Bitte geben Sie die Spaltenüberschrift an." },
    });
    const created = await saveInventorySettings(
      await nrw("sachbearbeitung"),
      id,
      { version: null, title: "Messenger", countLabel: "Arbeitsplätze", questionNumber: "2" },
      t.db,
    );
    expect(created.version).toBe(1);
    // A second "create" from a form rendered before the first is a conflict, not a second inventory.
    await expect(
      saveInventorySettings(
        await nrw("sachbearbeitung"),
        id,
        { version: null, title: "Doppelt", countLabel: "", questionNumber: "" },
        t.db,
      ),
    ).rejects.toThrow(StaleVersionError);
    expect((await editor(id)).inventory).toMatchObject({
      title: "Messenger",
      countLabel: "Arbeitsplätze",
      questionNumber: "2",
      version: 1,
    });
  });

  it("previews a paste with per-row messages and saves nothing while any row is wrong", async () => {
    const clerk = await nrw("sachbearbeitung");
    const id = await copyWithInventory();
    const bad = PASTE + "Teams\tMS Teams\tPublic Cloud\t-4\t\t\n";
    const preview = await previewImport(clerk, id, bad, t.db);
    expect(preview.ok).toBe(false);
    expect(preview.rows.at(-1)!.errors).toEqual([
      "Das Werkzeug „Teams“ steht nicht im Katalog. Bitte legen Sie es zuerst an oder prüfen Sie die Schreibweise.",
      "Die Zahl der Arbeitsplätze darf nicht negativ sein.",
    ]);
    const before = await rowCount();
    const { inventory } = await editor(id);
    await expect(
      importRows(clerk, id, { version: inventory!.version, text: bad, mode: "append" }, t.db),
    ).rejects.toBeInstanceOf(ToolImportRefused);
    await expect(
      importRows(
        clerk,
        id,
        { version: inventory!.version, text: 'Werkzeug;Arbeitsplätze\n"Zoom;5\n', mode: "append" },
        t.db,
      ),
    ).rejects.toBeInstanceOf(ToolImportRefused);
    expect(await rowCount()).toBe(before);
    expect((await editor(id)).inventory!.version).toBe(inventory!.version);
    await expect(
      importRows(clerk, id, { version: inventory!.version + 1, text: PASTE, mode: "append" }, t.db),
    ).rejects.toThrow(StaleVersionError);
  });

  it("imports all rows of a valid paste, then edits, removes and reorders them", async () => {
    const clerk = await nrw("sachbearbeitung");
    const id = await copyWithInventory();
    let view = await editor(id);
    const imported = await importRows(
      clerk,
      id,
      { version: view.inventory!.version, text: PASTE, mode: "replace" },
      t.db,
    );
    expect(imported).toEqual({ version: view.inventory!.version + 1, imported: 3 });
    view = await editor(id);
    expect(view.rows.map((r) => [r.label, r.variant, r.workplaceCount, r.footnoteMark])).toEqual([
      ["Cisco-ViKo (On-Premise)", "on_premise", 52413, null],
      ["Zoom (Public Cloud)", "public_cloud", null, "*"],
      ["Jitsi Meet", "on_premise", 120, null],
    ]);

    const rows = rowInputs(view);
    // Bad counts are refused at their field, nothing changes.
    const bad = rows.map((r, i) => (i === 2 ? { ...r, count: "-1" } : i === 0 ? { ...r, count: "viele" } : r));
    await expect(saveRows(clerk, id, { version: view.inventory!.version, rows: bad }, t.db)).rejects.toMatchObject({
      fieldErrors: {
        "row-0-count":
          "„viele“ ist keine ganze Zahl. Arbeitsplätze bitte als ganze Zahl (z. B. 52.413) oder leer lassen.",
        "row-2-count": "Die Zahl der Arbeitsplätze darf nicht negativ sein.",
      },
    });
    // Jitsi first, Zoom removed, a new Nextcloud row last.
    await saveRows(clerk, id, { version: view.inventory!.version, rows: await thirdTestEdit(rows) }, t.db);
    view = await editor(id);
    expect(view.rows.map((r) => [r.label, r.workplaceCount])).toEqual([
      ["Jitsi Meet", 120],
      ["Cisco-ViKo (On-Premise)", 52414],
      ["Nextcloud Talk (On-Premise)", 22],
    ]);
  });

  it("adds a tool to the catalogue, a fact with its source (public only after publication), and makes a DPO statement required", async () => {
    const clerk = await nrw("sachbearbeitung");
    const id = await copyWithRows();
    await expect(
      addCatalogueTool(clerk, id, { name: "zoom", category: "", requiresDpoConsultation: false }, t.db),
    ).rejects.toMatchObject({
      fieldErrors: { name: "Ein Werkzeug mit diesem Namen steht schon im Katalog." },
    });
    const threema = await addCatalogueTool(
      clerk,
      id,
      { name: "Threema Work", category: "Messenger", requiresDpoConsultation: true },
      t.db,
    );
    const [row] = await t.db.select().from(tools).where(eq(tools.id, threema));
    expect(row).toMatchObject({ slug: "threema-work", requiresDpoConsultation: true });

    let view = await editor(id);
    await importRows(
      clerk,
      id,
      { version: view.inventory!.version, text: "Werkzeug;Arbeitsplätze\nThreema Work;1.500\n", mode: "append" },
      t.db,
    );
    const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, id));
    expect(await consultationRequirement(t.db, answer!.id)).toMatchObject({
      required: true,
      reasons: [{ kind: "tool", name: "Threema Work" }],
    });

    view = await editor(id);
    const fact = {
      version: view.inventory!.version,
      toolId: threema,
      key: "dpa_status",
      value: "AVV abgeschlossen",
      asOf: "2021-05-01",
      citation: "Antwort der Landesregierung auf die Kleine Anfrage (Test)",
      url: "",
    };
    await expect(
      addToolFact(clerk, id, { ...fact, citation: " ", value: "", asOf: "2021-02-30", url: "ftp://x" }, t.db),
    ).rejects.toMatchObject({
      fieldErrors: {
        citation: "Jede Angabe braucht ihre Quelle.",
        value: "Bitte geben Sie den Wert an.",
        asOf: "Bitte geben Sie ein gültiges Datum an.",
        url: "Bitte geben Sie eine Adresse mit http:// oder https:// an.",
      },
    });
    await expect(
      addToolFact(clerk, id, { ...fact, key: "usage_status", value: "vielleicht" }, t.db),
    ).rejects.toMatchObject({
      fieldErrors: { value: "Bitte wählen Sie geplant, im Einsatz oder außer Betrieb." },
    });
    await addToolFact(clerk, id, fact, t.db);
    view = await editor(id);
    await addToolFact(
      clerk,
      id,
      { ...fact, version: view.inventory!.version, key: "usage_status", value: "Im Einsatz" },
      t.db,
    );
    view = await editor(id);
    expect(view.facts.filter((f) => f.toolName === "Threema Work").map((f) => [f.key, f.value, f.citation])).toEqual([
      ["dpa_status", "AVV abgeschlossen", fact.citation],
      ["usage_status", "im Einsatz", fact.citation],
    ]);
    const [source] = await t.db.select().from(sources).where(eq(sources.citation, fact.citation));
    expect(source).toMatchObject({ kind: "answer", inquiryId: id });
    // Not on the public page while the answer is a draft.
    expect((await loadToolFactsCitingInquiry(t.db, id)).filter((f) => f.toolName === "Threema Work")).toEqual([]);
  });

  it("saves the organisation × tool matrix and an assessment against a criteria set", async () => {
    const clerk = await nrw("sachbearbeitung");
    const id = await copyWithRows();
    // The editor's other commands on this answer too (as in the test before), whose events the end looks for.
    await addCatalogueTool(
      clerk,
      id,
      { name: "Wire (Matrixprobe)", category: "Messenger", requiresDpoConsultation: false },
      t.db,
    );
    const before = await editor(id);
    await addToolFact(
      clerk,
      id,
      {
        version: before.inventory!.version,
        toolId: before.rows[0]!.toolId,
        key: "dpa_status",
        value: "AVV abgeschlossen",
        asOf: "2021-05-01",
        citation: "Antwort der Landesregierung (Matrixprobe)",
        url: "",
      },
      t.db,
    );
    let view = await editor(id);
    const [ministry] = view.organizations;
    const [foreign] = await t.db.select().from(organizations).where(eq(organizations.name, "13 - Hauptamt"));
    const matrix = {
      version: view.inventory!.version,
      rowHeading: "Ressort und nachgeordneter Bereich",
      columnHeading: "Messenger",
      footnoteMark: "*",
      footnote: "ohne Polizei",
      rows: [{ organizationId: ministry!.id, label: "", uses: [view.rows[0]!.id, view.rows[2]!.id] }],
    };
    await expect(
      saveMatrix(clerk, id, { ...matrix, rows: [{ organizationId: foreign!.id, label: "", uses: [] }] }, t.db),
    ).rejects.toMatchObject({
      fieldErrors: { "mrow-0-organization": "Bitte wählen Sie einen der angebotenen Einträge." },
    });
    await expect(saveMatrix(clerk, id, { ...matrix, footnote: "" }, t.db)).rejects.toBeInstanceOf(ToolInputError);
    await saveMatrix(clerk, id, matrix, t.db);
    view = await editor(id);
    expect(view.matrix).toMatchObject({
      rowHeading: matrix.rowHeading,
      rows: [{ organizationId: ministry!.id, label: ministry!.name, uses: [view.rows[0]!.id, view.rows[2]!.id] }],
    });
    // A matrix the answer names as a part of its own ("Anlage zur Antwort auf Frage 1") keeps that name.
    expect(view.matrix!.title).toBeNull();
    await expect(
      saveMatrix(clerk, id, { ...matrix, version: view.inventory!.version, title: "A".repeat(201) }, t.db),
    ).rejects.toMatchObject({
      fieldErrors: { title: expect.stringContaining("200") },
    });
    await saveMatrix(
      clerk,
      id,
      { ...matrix, version: view.inventory!.version, title: "  Anlage zur Antwort auf Frage 1 " },
      t.db,
    );
    view = await editor(id);
    expect(view.matrix!.title).toBe("Anlage zur Antwort auf Frage 1");

    let [set] = await t.db.select().from(criteriaSets).limit(1);
    if (!set) {
      [set] = await t.db
        .insert(criteriaSets)
        .values({ slug: "test-set", title: "Testkatalog", issuer: "Test" })
        .returning();
      await t.db.insert(criteria).values({ criteriaSetId: set!.id, position: 1, text: "Ende-zu-Ende-Verschlüsselung" });
    }
    const [criterion] = await t.db.select().from(criteria).where(eq(criteria.criteriaSetId, set!.id)).limit(1);
    const assessment = {
      version: view.inventory!.version,
      criteriaSetId: set!.id,
      statusNote: "Prüfung läuft",
      results: [
        { inventoryRowId: view.rows[0]!.id, criterionId: criterion!.id, result: "meets", comment: "" },
        { inventoryRowId: view.rows[0]!.id, criterionId: "", result: "not_assessed", comment: "Gesamtbewertung folgt" },
      ],
    };
    await expect(
      saveAssessment(
        clerk,
        id,
        { ...assessment, results: [{ ...assessment.results[0]!, result: "vielleicht" }] },
        t.db,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { "result-0": "Bitte wählen Sie einen der angebotenen Einträge." },
    });
    await saveAssessment(clerk, id, assessment, t.db);
    view = await editor(id);
    expect(view.assessment).toMatchObject({ criteriaSetId: set!.id, statusNote: "Prüfung läuft" });
    expect(view.assessment!.results.map((r) => [r.criterionId === "" ? "overall" : "criterion", r.result])).toEqual(
      expect.arrayContaining([
        ["criterion", "meets"],
        ["overall", "not_assessed"],
      ]),
    );
    const [answer] = await t.db.select({ id: answers.id }).from(answers).where(eq(answers.inquiryId, id));
    const types = await t.db
      .select({ payload: events.payload })
      .from(events)
      .where(
        and(
          eq(events.type, "tool_inventory_changed"),
          eq(events.aggregateType, "answer"),
          eq(events.aggregateId, answer!.id),
        ),
      );
    expect(types.map((e) => (e.payload as { what: string }).what)).toEqual(
      expect.arrayContaining(["created", "import", "rows", "catalogue", "fact", "matrix", "assessment"]),
    );
  });
});
