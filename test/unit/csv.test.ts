import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { exportFileName, toCsv } from "../../app/domain/csv";

describe("toCsv", () => {
  it("starts with a BOM, separates with semicolons and ends lines with CRLF", () => {
    const csv = toCsv(["Name", "Anzahl"], [["Größe", 52413]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toBe("\uFEFFName;Anzahl\r\nGröße;52413\r\n");
  });

  it.each([
    ['Ein "Zitat"', '"Ein ""Zitat"""'],
    ["a;b", '"a;b"'],
    ["Zeile 1\nZeile 2", '"Zeile 1\nZeile 2"'],
  ])("quotes %j as RFC 4180 asks", (cell, expected) => {
    expect(toCsv(["x"], [[cell]])).toBe(`\uFEFFx\r\n${expected}\r\n`);
  });

  it.each(["=1+1", "+49 40 123", "-2", "@SUM(A1)", "\tx", '=HYPERLINK("x")\nzweite Zeile'])(
    "guards the text cell %j against formula execution",
    (cell) => {
      const [, row] = Papa.parse<string[]>(toCsv(["x"], [[cell]]).slice(1), { delimiter: ";" }).data;
      expect(row![0]).toBe(`'${cell}`);
    },
  );

  it("writes numbers with the German decimal comma and never guards them", () => {
    expect(toCsv(["a", "b", "c"], [[12.5, -3, null]])).toBe("\uFEFFa;b;c\r\n12,5;-3;\r\n");
  });

  it("round-trips any text through a CSV parser (apart from the guard)", () => {
    const cells = ["Übersicht: Cisco-ViKo (On-Premise)", "Zoom; Teams", 'a "b" c', "ß\r\nä"];
    const parsed = Papa.parse<string[]>(toCsv(["eins", "zwei", "drei", "vier"], [cells]).slice(1), {
      delimiter: ";",
    }).data;
    expect(parsed[1]).toEqual(cells);
  });
});

describe("exportFileName", () => {
  it("keeps ASCII letters, digits and dashes", () => {
    expect(exportFileName("werkzeuge", "landtag-nrw", "17-9511")).toBe("werkzeuge-landtag-nrw-17-9511");
    expect(exportFileName("suche", 'Videokonferenz Größe "x"')).toBe("suche-videokonferenz-grosse-x");
  });
});
