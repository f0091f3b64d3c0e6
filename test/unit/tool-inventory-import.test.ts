import { describe, expect, it } from "vitest";
import { parseWorkplaceCount, previewInventoryImport, type KnownTool } from "../../app/domain/tool-inventory-import";

const TOOLS: KnownTool[] = [
  { id: "t-cisco", name: "Cisco Webex", slug: "cisco-webex" },
  { id: "t-zoom", name: "Zoom", slug: "zoom" },
  { id: "t-jitsi", name: "Jitsi Meet", slug: "jitsi-meet" },
];

describe("workplace counts", () => {
  it.each([
    ["", null],
    ["52.413", 52413],
    ["52413", 52413],
    ["22", 22],
    ["1 234", 1234],
    ["0", 0],
  ] as const)("%j → %s", (raw, value) => {
    expect(parseWorkplaceCount(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["-5", "Die Zahl der Arbeitsplätze darf nicht negativ sein."],
    ["−5", "Die Zahl der Arbeitsplätze darf nicht negativ sein."],
    ["zwölf", "„zwölf“ ist keine ganze Zahl. Arbeitsplätze bitte als ganze Zahl (z. B. 52.413) oder leer lassen."],
    ["12,5", "„12,5“ ist keine ganze Zahl. Arbeitsplätze bitte als ganze Zahl (z. B. 52.413) oder leer lassen."],
    ["1.23", "„1.23“ ist keine ganze Zahl. Arbeitsplätze bitte als ganze Zahl (z. B. 52.413) oder leer lassen."],
    ["99999999999", "Die Zahl der Arbeitsplätze ist unplausibel groß."],
  ] as const)("%j is refused", (raw, message) => {
    expect(parseWorkplaceCount(raw)).toEqual({ ok: false, message });
  });
});

describe("import preview", () => {
  it("reads a spreadsheet paste (tabs) with German headings in any order", () => {
    const text =
      "Bezeichnung\tWerkzeug\tArbeitsplätze\tBetriebsform\tFußnotenzeichen\tFußnote\r\n" +
      "Cisco-ViKo (On-Premise)\tCisco Webex\t52.413\tOn-Premise\t\t\r\n" +
      "Zoom (Public Cloud)\tzoom\t\tPublic Cloud\t*\tnur für Pilotbetrieb\r\n";
    const preview = previewInventoryImport(text, TOOLS);
    expect(preview.problems).toEqual([]);
    expect(preview.ok).toBe(true);
    expect(preview.rows.map(({ errors: _e, ...r }) => r)).toEqual([
      {
        line: 2,
        toolText: "Cisco Webex",
        toolId: "t-cisco",
        toolName: "Cisco Webex",
        label: "Cisco-ViKo (On-Premise)",
        variant: "on_premise",
        workplaceCount: 52413,
        footnoteMark: null,
        footnote: null,
      },
      {
        line: 3,
        toolText: "zoom",
        toolId: "t-zoom",
        toolName: "Zoom",
        label: "Zoom (Public Cloud)",
        variant: "public_cloud",
        workplaceCount: null,
        footnoteMark: "*",
        footnote: "nur für Pilotbetrieb",
      },
    ]);
  });

  it("reads semicolon CSV with quoted fields containing the separator", () => {
    const preview = previewInventoryImport(
      'Werkzeug;Bezeichnung;Arbeitsplätze\n"Jitsi Meet";"Jitsi; eigener Server";"1.200"\n',
      TOOLS,
    );
    expect(preview.ok).toBe(true);
    expect(preview.rows[0]).toMatchObject({ label: "Jitsi; eigener Server", workplaceCount: 1200, variant: "unknown" });
  });

  it("gives per-row German messages for unknown tools, negative and non-numeric counts, footnotes without mark", () => {
    const text =
      "Werkzeug,Arbeitsplätze,Fußnote\nTeams,5,\nZoom,-3,\nCisco Webex,viele,Fußnote ohne Zeichen\nJitsi Meet,7,\n";
    const preview = previewInventoryImport(text, TOOLS);
    expect(preview.ok).toBe(false);
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [
        2,
        ["Das Werkzeug „Teams“ steht nicht im Katalog. Bitte legen Sie es zuerst an oder prüfen Sie die Schreibweise."],
      ],
      [3, ["Die Zahl der Arbeitsplätze darf nicht negativ sein."]],
      [
        4,
        [
          "„viele“ ist keine ganze Zahl. Arbeitsplätze bitte als ganze Zahl (z. B. 52.413) oder leer lassen.",
          "Zur Fußnote fehlt das Fußnotenzeichen.",
        ],
      ],
      [5, []],
    ]);
  });

  it("reports broken quoting with its line and refuses the whole text", () => {
    const preview = previewInventoryImport('Werkzeug;Arbeitsplätze\nZoom;5\n"Cisco Webex;7\nJitsi Meet;3\n', TOOLS);
    expect(preview.ok).toBe(false);
    expect(preview.problems.some((p) => /^Zeile \d+: Ein Anführungszeichen/.test(p))).toBe(true);
  });

  it("needs a heading line with a tool column, and rows", () => {
    expect(previewInventoryImport("Zoom;5\nCisco Webex;7", TOOLS).problems[0]).toMatch(
      /^Die erste Zeile muss die Spaltenüberschriften enthalten/,
    );
    expect(previewInventoryImport("   \n", TOOLS).problems).toEqual([
      "Die Tabelle ist leer. Bitte fügen Sie die Zeilen mit einer Überschriftenzeile ein.",
    ]);
    expect(previewInventoryImport("Werkzeug;Arbeitsplätze\n", TOOLS)).toMatchObject({
      ok: false,
      problems: ["Die Tabelle enthält keine Datenzeilen."],
    });
    expect(previewInventoryImport("Werkzeug;Farbe\nZoom;blau", TOOLS).problems).toEqual([
      "Unbekannte Spaltenüberschrift „Farbe“.",
    ]);
  });

  it("refuses shifted columns and an unknown deployment", () => {
    const preview = previewInventoryImport("Werkzeug;Betriebsform\nZoom;Mond;extra\n", TOOLS);
    expect(preview.rows[0]!.errors).toEqual([
      "Zeile 2: 3 statt 2 Spalten.",
      "Unbekannte Betriebsform „Mond“ (möglich: On-Premise, Public Cloud, Hybrid oder leer).",
    ]);
  });
});
