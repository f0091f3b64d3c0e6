/**
 * The public CSV/JSON exports (issue 14) over the demo data, through their route loaders: a body's list, a
 * search, the NRW answer's tool inventory and the tool catalogue — BOM, semicolons, RFC 4180 quoting, the
 * formula guard, umlauts, file names, the JSON shapes of docs/decisions/0019-public-exports.md, 304 on
 * If-None-Match and 404 for what does not exist.
 */
import Papa from "papaparse";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inquiries } from "../../db/schema/index";
import { useDatabase } from "../../app/server/core/db.server";
import { loader as listExport } from "../../app/routes/public/body.anfragen.export";
import { loader as inventoryExport } from "../../app/routes/public/body.anfragen.$ref.werkzeuge.export";
import { loader as searchExport } from "../../app/routes/public/suche.export";
import { loader as catalogueExport } from "../../app/routes/public/werkzeuge.export";
import { backends, useTestDatabase } from "../support/db";

type Loader = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => Promise<Response>;

async function get(loader: Loader, path: string, params: Record<string, string> = {}, headers: HeadersInit = {}) {
  try {
    return await loader({
      request: new Request(`http://localhost${path}`, { headers }),
      params,
      context: { clientIp: "203.0.113.9" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The rows of a CSV export after checking its BOM and content type. */
async function csvRows(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  return Papa.parse<string[]>(text.trimEnd(), { delimiter: ";", newline: "\r\n" }).data;
}

describe.each(backends())("public exports on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  const FORMULA_TITLE = '=HYPERLINK("https://example.org";"Klick")';
  let formulaRef = "";

  beforeAll(async () => {
    useDatabase(t.handle);
    // A title a spreadsheet would run as a formula, on a public NRW inquiry.
    const [row] = await t.db
      .select({ id: inquiries.id, publicRef: inquiries.publicRef })
      .from(inquiries)
      .where(eq(inquiries.publicRef, "17-9511"));
    formulaRef = row!.publicRef!;
    await t.db.update(inquiries).set({ title: FORMULA_TITLE }).where(eq(inquiries.id, row!.id));
  });

  it("exports a body's whole list as CSV with the formula guard and as paged JSON", async () => {
    const rows = await csvRows(await get(listExport, "/landtag-nrw/anfragen.csv", { body: "landtag-nrw" }));
    expect(rows[0]).toEqual([
      "Nummer",
      "Art",
      "Titel",
      "Von",
      "Status",
      "Eingang",
      "Frist",
      "Antwort (Dokument)",
      "Antwort vom",
      "Adresse",
    ]);
    const nrw = rows.find((row) => row[9] === `http://localhost/landtag-nrw/anfragen/${formulaRef}`)!;
    expect(nrw[2]).toBe(`'${FORMULA_TITLE}`);
    expect(nrw[7]).toBe("Drucksache 17/9511");

    const response = await get(listExport, "/landtag-nrw/anfragen.json", { body: "landtag-nrw" });
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="anfragen-landtag-nrw-seite-1.json"',
    );
    const json = (await response.json()) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(["body", "page", "pageCount", "pageSize", "total", "previous", "next", "items"]);
    expect(json).toMatchObject({ body: { slug: "landtag-nrw" }, page: 1, previous: null });
    expect(json.items.length).toBe(rows.length - 1);
    expect(json.items.find((item) => item.publicRef === formulaRef)).toMatchObject({
      url: `http://localhost/landtag-nrw/anfragen/${formulaRef}`,
      title: FORMULA_TITLE,
      reference: expect.any(String),
      status: "answered",
      answer: { documentKind: "Drucksache", documentReference: "17/9511" },
    });
  });

  it("answers 304 to If-None-Match and 404 to an unknown body or a page that does not exist", async () => {
    const first = await get(listExport, "/norderstedt/anfragen.csv", { body: "norderstedt" });
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get(
      listExport,
      "/norderstedt/anfragen.csv",
      { body: "norderstedt" },
      { "If-None-Match": etag },
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get(listExport, "/gibt-es-nicht/anfragen.csv", { body: "gibt-es-nicht" })).status).toBe(404);
    expect((await get(listExport, "/norderstedt/anfragen.json?seite=999", { body: "norderstedt" })).status).toBe(404);
    expect((await get(listExport, "/norderstedt/anfragen.json?seite=-1", { body: "norderstedt" })).status).toBe(404);
    expect(
      (
        await get(inventoryExport, "/norderstedt/anfragen/gibt-es-nicht/werkzeuge.json", {
          body: "norderstedt",
          ref: "gibt-es-nicht",
        })
      ).status,
    ).toBe(404);
  });

  it("exports the NRW tool inventory with labels as printed, counts, footnotes and the matrix", async () => {
    const params = { body: "landtag-nrw", ref: "17-9511" };
    const rows = await csvRows(await get(inventoryExport, "/landtag-nrw/anfragen/17-9511/werkzeuge.csv", params));
    expect(rows[0]).toEqual([
      "Werkzeugliste",
      "Zu Frage",
      "Zeile",
      "Bezeichnung (wie in der Antwort)",
      "Werkzeug",
      "Betriebsart",
      "Anzahl",
      "Fußnotenzeichen",
      "Fußnote",
      "Genutzt von (Matrix)",
    ]);
    const cisco = rows.find((row) => row[3] === "Cisco-ViKo (On-Premise)")!;
    expect(cisco[6]).toBe("52413");
    expect(cisco[9]!.split("; ").length).toBeGreaterThan(1);

    const response = await get(inventoryExport, "/landtag-nrw/anfragen/17-9511/werkzeuge.json", params);
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="werkzeuge-landtag-nrw-17-9511.json"',
    );
    const json = (await response.json()) as {
      inquiry: Record<string, unknown>;
      answer: Record<string, unknown>;
      inventories: {
        rows: { label: string; workplaceCount: number | null; tool: { url: string } }[];
        matrix: { columns: string[]; rows: { label: string; uses: string[] }[] } | null;
      }[];
    };
    expect(json.answer).toMatchObject({ documentKind: "Drucksache", documentReference: "17/9511" });
    const inventory = json.inventories.find((inv) => inv.matrix)!;
    expect(inventory.rows.find((row) => row.label === "Cisco-ViKo (On-Premise)")).toMatchObject({
      workplaceCount: 52413,
      tool: { url: "http://localhost/werkzeuge/cisco-viko" },
    });
    expect(inventory.matrix!.columns).toContain("Cisco-ViKo (On-Premise)");
    // Every "X" of the matrix names a column of the matrix.
    for (const row of inventory.matrix!.rows)
      for (const use of row.uses) expect(inventory.matrix!.columns).toContain(use);
    expect(cisco[9]!.split("; ").sort()).toEqual(
      inventory
        .matrix!.rows.filter((row) => row.uses.includes("Cisco-ViKo (On-Premise)"))
        .map((row) => row.label)
        .sort(),
    );
  });

  it("exports all hits of a search, with the page's filters, as CSV and JSON", async () => {
    const rows = await csvRows(await get(searchExport, "/suche.csv?q=Videokonferenz"));
    expect(rows[0]).toEqual(["Körperschaft", "Art", "Nummer", "Titel", "Status", "Datum", "Textauszug", "Adresse"]);
    expect(rows.length).toBeGreaterThan(2);
    const json = (await (await get(searchExport, "/suche.json?q=Videokonferenz&koerperschaft=landtag-nrw")).json()) as {
      total: number;
      hits: { body: { slug: string }; snippet: string }[];
      facets: Record<string, unknown>;
    };
    expect(json.total).toBe(json.hits.length);
    expect(json.hits.every((hit) => hit.body.slug === "landtag-nrw")).toBe(true);
    expect(json.hits.some((hit) => /[\u0001\u0002]/.test(hit.snippet))).toBe(false);
    expect(Object.keys(json.facets)).toEqual(["body", "type", "status", "faction", "department", "tool", "year"]);
    // Bad input is dropped as on the page, never an error.
    expect((await get(searchExport, `/suche.json?q=${encodeURIComponent('"-" | ()')}&seite=-1&jahr=x`)).status).toBe(
      200,
    );
  });

  it("exports the tool catalogue", async () => {
    const rows = await csvRows(await get(catalogueExport, "/werkzeuge.csv"));
    expect(rows[0]).toEqual(["Werkzeug", "Kategorie", "Körperschaften", "Antworten", "Fakten", "Adresse"]);
    expect(rows.some((row) => row[0] === "Cisco-ViKo" && row[2]!.includes("Landtag"))).toBe(true);
    const json = (await (await get(catalogueExport, "/werkzeuge.json")).json()) as { tools: { slug: string }[] };
    expect(json.tools.length).toBe(rows.length - 1);
  });
});
