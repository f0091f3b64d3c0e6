/**
 * Pasting from Word and LibreOffice: the cleaned HTML keeps what an author formatted (bold, italic, lists,
 * tables, links) and loses what the office program added (styles, classes, <o:p>, <font>, conditional
 * comments, empty spacing paragraphs), and what is left fits the content schema.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderContent } from "~/editor/content.server";
import { cleanPastedHtml } from "~/editor/paste";
import { htmlToDoc } from "../support/drafting-html";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/paste/${name}`, import.meta.url), "utf8");

function pasted(html: string) {
  const cleaned = cleanPastedHtml(html);
  const rendered = renderContent(htmlToDoc(cleaned));
  return { cleaned, ...rendered };
}

const OFFICE_LEFTOVERS = [
  /style=/i,
  /class=/i,
  /<o:p/i,
  /<font/i,
  /<span/i,
  /mso-/i,
  /<!--/,
  /<!\[/,
  /<xml/i,
  /<meta/i,
  /@font-face/,
];

describe("cleanPastedHtml with Word 2019 clipboard HTML", () => {
  const result = pasted(fixture("word-2019.html"));

  it("drops every style, class, conditional comment, <o:p> and <font>", () => {
    for (const leftover of OFFICE_LEFTOVERS) expect(result.cleaned).not.toMatch(leftover);
  });

  it("keeps bold and italic, including Word's bold spans", () => {
    expect(result.html).toContain("<strong>mehrere Videokonferenzsysteme</strong>");
    expect(result.html).toContain("<em>Cisco Webex</em>");
    expect(result.html).toContain("<strong>Jitsi</strong>");
  });

  it("turns the heading into a heading level the schema has", () => {
    expect(result.html).toMatch(/<h3>Videokonferenzen in der Verwaltung<\/h3>/);
  });

  it("turns MsoListParagraph bullets into a nested bullet list without the glyphs", () => {
    expect(result.html).toMatch(
      /<ul><li><p>Welche Systeme werden genutzt\?<\/p><ul><li><p>auf wie vielen Arbeitsplätzen<\/p><\/li><\/ul><\/li><li><p>Wer hat die <a [^>]*href="https:\/\/www.ldi.nrw.de\/leitplanken"[^>]*>Leitplanken der LDI<\/a> geprüft\?<\/p><\/li><\/ul>/,
    );
    expect(result.text).not.toMatch(/·|^o /m);
  });

  it("turns numbered list paragraphs into an ordered list without '1.'", () => {
    expect(result.html).toContain(
      "<ol><li><p>Erste nummerierte Frage</p></li><li><p>Zweite nummerierte Frage</p></li></ol>",
    );
    expect(result.text).not.toContain("1.");
  });

  it("keeps the table with its cells, without widths and borders", () => {
    expect(result.html).toContain("<table");
    expect(result.html).toMatch(/<td[^>]*><p><strong>Werkzeug<\/strong><\/p><\/td>/);
    expect(result.html).toMatch(/<td[^>]*><p>Cisco-ViKo \(On-Premise\)<\/p><\/td><td[^>]*><p>52.413<\/p><\/td>/);
    expect(result.cleaned).not.toMatch(/width|border|valign|cellpadding/);
  });

  it("drops a javascript: link and a bookmark anchor but keeps their text", () => {
    expect(result.html).not.toContain("javascript");
    expect(result.html).toContain("Siehe auch hier und die Anlage.");
  });

  it("removes Word's empty spacing paragraphs", () => {
    expect(result.html).not.toMatch(/<p><\/p>/);
    expect(result.cleaned).not.toContain("&nbsp;");
  });
});

describe("cleanPastedHtml with LibreOffice Writer 7 clipboard HTML", () => {
  const result = pasted(fixture("libreoffice-7.html"));

  it("drops the stylesheet, <font> wrappers, styles and column definitions", () => {
    for (const leftover of OFFICE_LEFTOVERS) expect(result.cleaned).not.toMatch(leftover);
    expect(result.cleaned).not.toMatch(/<col|@page|<title/);
  });

  it("keeps bold, italic and bold spans", () => {
    expect(result.html).toContain("<strong>Digitale Souveränität</strong> ist ein <em>erklärtes</em> Ziel.");
    expect(result.html).toContain("<strong>Open Source</strong> bevorzugen");
    expect(result.html).toContain("<em>Ende</em>");
  });

  it("keeps the real lists", () => {
    expect(result.html).toMatch(
      /<ul><li><p><strong>Open Source<\/strong> bevorzugen<\/p><\/li><li><p>Daten im Inland speichern<\/p><\/li><\/ul>/,
    );
    expect(result.html).toContain("<ol><li><p>Erstens</p></li><li><p>Zweitens</p></li></ol>");
  });

  it("keeps a table cell spanning two columns and a mailto link", () => {
    expect(result.html).toMatch(/<td colspan="2"[^>]*><p><a [^>]*href="mailto:datenschutz@example.org"/);
  });

  it("drops the empty paragraph with only a line break, and unknown tags such as <sup> but not their text", () => {
    expect(result.html).not.toMatch(/<p>(<br>)?<\/p>/);
    expect(result.html).not.toContain("<sup>");
    expect(result.text).toContain("Ende1");
  });
});

describe("cleanPastedHtml on small inputs", () => {
  it.each([
    ["plain paragraph stays", "<p>Hallo</p>", "<p>Hallo</p>"],
    ["<b> becomes <strong>", "<p><b>fett</b></p>", "<p><strong>fett</strong></p>"],
    [
      "span with font-weight 700 (Google Docs)",
      '<p><span style="font-weight:700">fett</span></p>',
      "<p><strong>fett</strong></p>",
    ],
    [
      "span bold and italic",
      '<p><span style="font-weight:bold;font-style:italic">x</span></p>',
      "<p><strong><em>x</em></strong></p>",
    ],
    ["nested font and span unwrap", '<p><font color="red"><span class="x">rot</span></font></p>', "<p>rot</p>"],
    ["script removed with content", "<p>a</p><script>alert(1)</script>", "<p>a</p>"],
    ["event handler attributes dropped", '<p onclick="alert(1)">a</p>', "<p>a</p>"],
    ["data: link dropped", '<p><a href="data:text/html,x">x</a></p>', "<p>x</p>"],
    [
      "https link kept",
      '<p><a href="https://example.org/?a=1&amp;b=2" target="_blank">x</a></p>',
      '<p><a href="https://example.org/?a=1&amp;b=2">x</a></p>',
    ],
    ["img dropped", '<p>a<img src="file:///C:/x.png">b</p>', "<p>ab</p>"],
    ["empty paragraph with nbsp dropped", "<p>&nbsp;</p><p>a</p>", "<p>a</p>"],
    ["h1 becomes h3", "<h1>T</h1>", "<h3>T</h3>"],
    ["h6 becomes h5", "<h6>T</h6>", "<h5>T</h5>"],
  ])("%s", (_name, input, expected) => {
    expect(cleanPastedHtml(input)).toBe(expected);
  });

  it("a Word list with letters is ordered, with bullets after it a separate bullet list", () => {
    const word = (glyph: string, text: string, level = 1) =>
      `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${glyph}<span style='font:7.0pt'>&nbsp;</span></span><![endif]>${text}<o:p></o:p></p>`;
    const cleaned = cleanPastedHtml(word("a)", "eins") + "\n" + word("b)", "zwei") + "\n" + word("§", "drei"));
    expect(cleaned).toBe("<ol><li><p>eins</p></li><li><p>zwei</p></li></ol><ul><li><p>drei</p></li></ul>");
    expect(() => renderContent(htmlToDoc(cleaned))).not.toThrow();
  });

  it("a Word list interrupted by a normal paragraph becomes two lists", () => {
    const item = (text: string) =>
      `<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]>·&nbsp;<![endif]>${text}</p>`;
    const cleaned = cleanPastedHtml(`${item("a")}<p class=MsoNormal>Zwischentext</p>${item("b")}`);
    expect(cleaned).toBe("<ul><li><p>a</p></li></ul><p>Zwischentext</p><ul><li><p>b</p></li></ul>");
  });
});

describe("rendered tables", () => {
  it("carry no style attributes (the CSP forbids inline styles), also for aligned cells posted by hand", () => {
    const cell = (text: string, attrs: Record<string, unknown> = {}) => ({
      type: "tableCell",
      attrs,
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    });
    const { html, json } = renderContent({
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            { type: "tableRow", content: [cell("a", { align: "right" }), cell("b", { colspan: 1, colwidth: [200] })] },
          ],
        },
      ],
    });
    expect(html).toContain("<table><tbody><tr><td");
    expect(html).not.toMatch(/style=|colgroup/);
    // The stored JSON keeps the attributes: only the derived HTML drops the styles.
    expect(JSON.stringify(json)).toContain('"align":"right"');
  });
});

describe("cleanPastedHtml with Word list paragraphs without the supportLists wrapper", () => {
  // As Word for the web and Outlook write it: the glyph only in a span styled mso-list:Ignore.
  const html = [
    `<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>Webex<o:p></o:p></p>`,
    `<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>Jitsi<o:p></o:p></p>`,
  ].join("\n");

  it("makes a bullet list without the '·' glyph in the items", () => {
    const cleaned = cleanPastedHtml(html);
    expect(cleaned).not.toContain("·");
    expect(cleaned).toMatch(/<ul>\s*<li><p>Webex<\/p><\/li>\s*<li><p>Jitsi<\/p><\/li>\s*<\/ul>/);
  });
});
