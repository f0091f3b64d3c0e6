/**
 * Property (issue 10, ADR 0011): whatever a withheld PASSAGE inside a part's text is, and whatever public text
 * surrounds it, the passage never appears in any public output — the public detail (which the page, its print
 * view and the JSON export render), the list, the list/search/inventory/statistics exports, the Atom feeds, the
 * OParl papers, and the search (neither as a hit for the passage's word nor in a snippet) — while the notice
 * with the justification takes its place. The part is derived exactly as a save derives it (renderAnswerPart)
 * and written onto the published answer 17-9511 (which has a tool inventory), restored after each run.
 */
import fc from "fast-check";
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answerParts, answerVersions, answers, inquiries, withholdings } from "../../db/schema";
import { escapeXml } from "../../app/domain/atom";
import { passageNotice } from "../../app/domain/answer-drafting";
import { renderAnswerPart } from "../../app/editor/content.server";
import { useDatabase } from "../../app/server/core/db.server";
import { inquiryListExport, searchExport } from "../../app/server/public/exports/list-exports.server";
import { statisticsExport } from "../../app/server/public/exports/statistics-export.server";
import { inventoryExport } from "../../app/server/public/exports/tool-exports.server";
import { loadAnswerFeed, loadInquiryFeed } from "../../app/server/public/feeds/feeds.server";
import { listPublicInquiries, loadPublicInquiry } from "../../app/server/public/inquiries.server";
import { handleOparlRequest } from "../../app/server/public/oparl/oparl.server";
import { searchPublic } from "../../app/server/public/search/search.server";
import { oneBackend, useTestDatabase } from "../support/db";

const ORIGIN = "http://localhost";
const SLUG = "landtag-nrw";
const REF = "17-9511";
const NO_FILTERS = { body: null, type: null, status: null, year: null, faction: null, department: null, tool: null };
/** A public word next to the passage: proves the search index holds the new public text. */
const PUBLIC_WORD = "Passagenprüfwort";

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): the redaction of a withheld passage is app code; the
// public queries and search run on both backends in public-inquiries.test.ts and search.test.ts, withheld text
// included.
describe.each(oneBackend())("withheld passages stay out of every public output on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  it("never shows a withheld passage, always its notice in its place", async () => {
    const [target] = await t.db
      .select({ versionId: answerVersions.id, bodyId: answers.bodyId })
      .from(answerVersions)
      .innerJoin(answers, eq(answers.id, answerVersions.answerId))
      .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
      .where(and(isNotNull(answerVersions.publishedAt), eq(inquiries.publicRef, REF)))
      .orderBy(answerVersions.versionNumber)
      .limit(1);
    expect(target).toBeDefined();
    const [original] = await t.db
      .select()
      .from(answerParts)
      .where(eq(answerParts.versionId, target!.versionId))
      .orderBy(answerParts.position)
      .limit(1);
    expect(original).toBeDefined();

    const outputs = async (word: string) => {
      const detail = await loadPublicInquiry({ bodySlug: SLUG, publicRef: REF }, t.db);
      const list = await listPublicInquiries({ bodySlug: SLUG, page: 1 }, t.db);
      const files = await Promise.all([
        inquiryListExport({ bodySlug: SLUG, page: null, format: "csv", origin: ORIGIN }, t.db),
        inquiryListExport({ bodySlug: SLUG, page: 1, format: "json", origin: ORIGIN }, t.db),
        searchExport(
          { query: PUBLIC_WORD, filters: NO_FILTERS, sort: "relevanz", format: "json", origin: ORIGIN },
          t.db,
        ),
        inventoryExport({ bodySlug: SLUG, publicRef: REF, format: "json", origin: ORIGIN }, t.db),
        statisticsExport(SLUG, t.db),
      ]);
      const feeds = await Promise.all([
        loadAnswerFeed({ kind: "all" }, ORIGIN, t.db),
        loadAnswerFeed({ kind: "body", bodySlug: SLUG }, ORIGIN, t.db),
        loadInquiryFeed({ bodySlug: SLUG, publicRef: REF }, ORIGIN, t.db),
      ]);
      const papers = await handleOparlRequest(
        new Request(`${ORIGIN}/oparl/v1/body/${SLUG}/paper?limit=100`),
        ["body", SLUG, "paper"],
        t.db,
      );
      const publicHits = await searchPublic({ query: PUBLIC_WORD, filters: NO_FILTERS, page: 1 }, t.db);
      const passageHits = await searchPublic({ query: word, filters: NO_FILTERS, page: 1 }, t.db);
      return { detail, list, files, feeds, papers, publicHits, passageHits };
    };

    await fc.assert(
      fc.asyncProperty(
        // A nonce makes the passage one that cannot occur by chance anywhere else.
        fc.uuid(),
        fc.string({ unit: "grapheme", minLength: 0, maxLength: 120 }),
        fc.string({ unit: "grapheme", minLength: 0, maxLength: 60 }),
        fc.constantFrom("it_security", "personal_data", "ongoing_proceedings"),
        async (nonce, text, around, reason) => {
          // A searchable word only the passage holds (letters only, so the stemmer keeps it whole).
          const word = `geheimwort${nonce.replace(/[^a-f]/g, "").padEnd(6, "q")}`;
          const withheld = `${text} ${word} ${nonce}`;
          const justification = `Begründung ${nonce.slice(0, 8)}`;
          const json = {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: `${PUBLIC_WORD} ${around.trim() || "Vorher"} ` },
                  {
                    type: "text",
                    text: withheld,
                    marks: [
                      {
                        type: "withheld",
                        attrs: { key: "prop", reason, subject: "Gegenstand", justification },
                      },
                    ],
                  },
                  { type: "text", text: " danach." },
                ],
              },
            ],
          };
          const derived = renderAnswerPart(json);
          const [held] = await t.db
            .insert(withholdings)
            .values({
              versionId: target!.versionId,
              partId: original!.id,
              passageKey: "prop",
              reason,
              subject: "Gegenstand",
              publicJustification: justification,
              withheldText: derived.passages[0]!.text,
            })
            .returning({ id: withholdings.id });
          await t.db
            .update(answerParts)
            .set({
              bodyJson: derived.public.json,
              bodyHtml: derived.public.html,
              bodyText: derived.public.text,
              nonPublicBodyJson: derived.record!.json,
              nonPublicBodyHtml: derived.record!.html,
              nonPublicBodyText: derived.record!.text,
            })
            .where(eq(answerParts.id, original!.id));
          try {
            const out = await outputs(word);
            const notice = passageNotice(reason, justification);
            // The notice stands inline where the passage was.
            expect(out.detail!.answer!.parts[0]!.bodyHtml).toContain(notice);
            expect(out.publicHits.total).toBeGreaterThan(0);
            expect(out.passageHits.total).toBe(0);
            const texts = [
              JSON.stringify(out.detail),
              JSON.stringify(out.list),
              ...out.files.map((f) => f!.body),
              ...out.feeds.map((f) => f!.xml),
              JSON.stringify(out.papers.body),
              JSON.stringify(out.publicHits),
            ];
            for (const output of texts) {
              expect(output).not.toContain(nonce);
              expect(output).not.toContain(word);
            }
            for (const xml of out.feeds.map((f) => f!.xml)) expect(xml).not.toContain(escapeXml(withheld));
          } finally {
            await t.db.delete(withholdings).where(eq(withholdings.id, held!.id));
            await t.db
              .update(answerParts)
              .set({
                bodyJson: original!.bodyJson,
                bodyHtml: original!.bodyHtml,
                bodyText: original!.bodyText,
                nonPublicBodyJson: null,
                nonPublicBodyHtml: null,
                nonPublicBodyText: null,
              })
              .where(eq(answerParts.id, original!.id));
          }
        },
      ),
      // Each run reads a dozen public outputs: few runs, and room for a loaded 2-core machine.
      { numRuns: 8 },
    );
  }, 300_000);
});
