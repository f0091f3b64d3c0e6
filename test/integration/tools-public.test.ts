/**
 * The public tool catalogue (app/server/public/tools.server.ts) over the demo data: Zoom across the bodies with
 * the source of every fact, the answers whose inventories list a tool with their workplace counts, and nothing
 * from non-public inquiries.
 */
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inquiries, sources } from "../../db/schema/index";
import { loadToolCatalogue, loadToolPage } from "../../app/server/public/tools.server";
import { backends, useTestDatabase } from "../support/db";

describe.each(backends())("public tool pages on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });

  it("lists every catalogue tool with the bodies, answers and facts that concern it", async () => {
    const catalogue = await loadToolCatalogue(t.db);
    expect(catalogue.length).toBe(16);
    const zoom = catalogue.find((tool) => tool.slug === "zoom")!;
    expect(zoom.bodyNames).toEqual(expect.arrayContaining(["Freie und Hansestadt Hamburg", "Stadt Norderstedt"]));
    expect(zoom.bodyNames.some((name) => name.includes("Nordrhein-Westfalen") || name.includes("NRW"))).toBe(true);
    expect(zoom.answerCount).toBe(1);
    expect(zoom.factCount).toBeGreaterThanOrEqual(10);
  });

  it("shows Zoom's facts with their sources, and the NRW answer that lists Cisco-ViKo with 52.413 workplaces", async () => {
    const zoom = await loadToolPage("zoom", t.db);
    expect(zoom).not.toBeNull();
    expect(zoom!.facts.every((fact) => fact.sourceCitation.length > 0)).toBe(true);
    expect(zoom!.facts.map((fact) => fact.sourceCitation)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Senatskanzlei Hamburg/),
        expect.stringMatching(/^Samtgemeinde Scharnebeck/),
      ]),
    );
    expect(zoom!.mentions).toEqual([
      expect.objectContaining({ bodySlug: "landtag-nrw", label: "Zoom", workplaceCount: null }),
    ]);
    // One answer: one page; a page past the end is no page (the route answers 404).
    expect({ answerCount: zoom!.answerCount, page: zoom!.page, pageCount: zoom!.pageCount }).toEqual({
      answerCount: 1,
      page: 1,
      pageCount: 1,
    });
    expect(await loadToolPage("zoom", t.db, 2)).toBeNull();

    const viko = await loadToolPage("cisco-viko", t.db);
    expect(viko!.mentions).toEqual([
      expect.objectContaining({
        label: "Cisco-ViKo (On-Premise)",
        workplaceCount: 52413,
        answeredOn: "2020-07-07",
        documentReference: "17/9511",
      }),
    ]);
    expect(viko!.assessments.length).toBeGreaterThan(0);
    expect(await loadToolPage("gibt-es-nicht", t.db)).toBeNull();
  });

  it("leaves out facts and answers of an inquiry that is not public", async () => {
    const before = await loadToolPage("zoom", t.db);
    const hamburgFacts = before!.facts.filter((fact) => fact.sourceCitation.startsWith("Senatskanzlei Hamburg"));
    expect(hamburgFacts.length).toBeGreaterThan(0);
    const [source] = await t.db
      .select({ inquiryId: sources.inquiryId })
      .from(sources)
      .where(eq(sources.citation, hamburgFacts[0]!.sourceCitation));
    // Both inquiries are public again at the end, whatever happens: the other tests read their facts and mentions,
    // in any order (issue 9).
    const [nrw] = await t.db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.reference, "3761"));
    const hidden = [source!.inquiryId!, nrw!.id];
    const was = await t.db
      .select({ visibility: inquiries.visibility })
      .from(inquiries)
      .where(inArray(inquiries.id, hidden));
    expect(was.map((row) => row.visibility)).toEqual(["public", "public"]);
    try {
      await t.db.update(inquiries).set({ visibility: "internal" }).where(eq(inquiries.id, source!.inquiryId!));
      const after = await loadToolPage("zoom", t.db);
      expect(after!.facts.some((fact) => fact.sourceCitation.startsWith("Senatskanzlei Hamburg"))).toBe(false);
      expect(after!.facts.length).toBe(before!.facts.length - hamburgFacts.length);

      await t.db.update(inquiries).set({ visibility: "internal" }).where(eq(inquiries.id, nrw!.id));
      expect((await loadToolPage("cisco-viko", t.db))!.mentions).toEqual([]);
    } finally {
      await t.db.update(inquiries).set({ visibility: "public" }).where(inArray(inquiries.id, hidden));
    }
  });
});
