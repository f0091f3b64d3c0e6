import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passageNotice } from "~/domain/answer-drafting";
import { doc, paragraph, text } from "~/editor/build";
import { InvalidContentError, renderAnswerPart, renderContent } from "~/editor/content.server";
import { collectPassages, publicDocument } from "~/editor/passages";

const held = (key: string, reason = "it_security", justification = "Schutz der Anlagen") => ({
  type: "withheld",
  attrs: { key, reason, subject: "Hersteller", justification },
});

describe("withheld passages", () => {
  it("collects a passage across paragraphs as one, with its text", () => {
    const json = doc(
      paragraph("Öffentlich ", text("Geheim eins", [held("k1")]), " weiter"),
      paragraph(text("Geheim zwei", [held("k1")])),
      paragraph(text("Anderes", [held("k2", "personal_data")])),
    );
    const passages = collectPassages(json);
    expect(passages.map((p) => [p.key, p.text])).toEqual([
      ["k1", "Geheim eins\n\nGeheim zwei"],
      ["k2", "Anderes"],
    ]);
  });

  it("derives a public body with the notice in place and the full record beside it", () => {
    const json = doc(paragraph("Die Polizei nutzt ", text("Produkt X von Firma Y", [held("k1")]), " im Einsatz."));
    const part = renderAnswerPart(json);
    const notice = passageNotice("it_security", "Schutz der Anlagen");
    expect(notice).toBe("[Zurückgehalten – IT-Sicherheit: Schutz der Anlagen]");
    expect(part.public.text).toBe(`Die Polizei nutzt ${notice} im Einsatz.`);
    expect(part.public.html).not.toContain("Firma Y");
    expect(JSON.stringify(part.public.json)).not.toContain("Firma Y");
    expect(JSON.stringify(part.public.json)).not.toContain("withheld");
    expect(part.record?.html).toContain('class="withheld-passage"');
    expect(part.record?.html).toContain("Produkt X von Firma Y");
    expect(part.record?.html).toContain('data-label="zurückgehalten: IT-Sicherheit"');
    expect(part.passages).toHaveLength(1);
  });

  it("keeps a part without passages as it was, with no record", () => {
    const json = doc(paragraph("Nur öffentlich."));
    const part = renderAnswerPart(json);
    expect(part.record).toBeNull();
    expect(part.public).toEqual(renderContent(json));
  });

  it("refuses the withheld mark in every other rich text field", () => {
    expect(() => renderContent(doc(paragraph(text("x", [held("k1")]))))).toThrow(InvalidContentError);
  });

  it("never leaves any withheld text in the public body (property)", () => {
    const chunk = fc.record({
      text: fc.string({ minLength: 1, maxLength: 30 }),
      key: fc.option(fc.constantFrom("a", "b", "c")),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(chunk, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        fc.uuid(),
        (blocks, nonce) => {
          const json = doc(
            ...blocks.map((block) =>
              paragraph(
                ...block.map((c, i) =>
                  c.key ? text(`${c.text}${nonce}`, [held(c.key)]) : text(`${c.text.replace(/\S/g, "x")}${i}`),
                ),
              ),
            ),
          );
          const out = publicDocument(json, (p) => passageNotice(p.reason, p.justification));
          expect(JSON.stringify(out)).not.toContain(nonce.slice(0, 8));
        },
      ),
      { numRuns: 200 },
    );
  });
});
