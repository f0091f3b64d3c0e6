import { describe, expect, it } from "vitest";
import { doc, docFromPlainText, paragraph, text } from "~/editor/build";
import { InvalidContentError, renderContent } from "~/editor/content.server";

describe("renderContent", () => {
  it("derives HTML and plain text from valid content", () => {
    const result = renderContent(docFromPlainText("Erster Absatz\n\n- eins\n- zwei"));
    expect(result.html).toBe("<p>Erster Absatz</p><ul><li><p>eins</p></li><li><p>zwei</p></li></ul>");
    expect(result.text).toBe("Erster Absatz\n\neins\n\nzwei");
  });

  it("escapes markup typed as text", () => {
    const result = renderContent(doc(paragraph('<img src=x onerror="alert(1)"> & <script>alert(2)</script>')));
    expect(result.html).not.toContain("<img");
    expect(result.html).not.toContain("<script");
    expect(result.html).toContain("&lt;script&gt;");
  });

  it("renders safe links with rel attributes and escaped href", () => {
    const html = renderContent(
      doc(paragraph(text("Quelle", [{ type: "link", attrs: { href: 'https://example.org/?a=1&b="x' } }]))),
    ).html;
    expect(html).toBe(
      '<p><a rel="noopener noreferrer nofollow" href="https://example.org/?a=1&amp;b=&quot;x">Quelle</a></p>',
    );
  });

  it.each([
    ["javascript link", doc(paragraph(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])))],
    ["data link", doc(paragraph(text("x", [{ type: "link", attrs: { href: "data:text/html,<script>" } }])))],
    ["unknown node type", { type: "doc", content: [{ type: "iframe" }] }],
    ["unknown mark", doc(paragraph(text("x", [{ type: "script" }])))],
    ["text directly in doc", { type: "doc", content: [{ type: "text", text: "x" }] }],
    ["not a doc", { type: "paragraph", content: [] }],
    ["garbage", "<p>hi</p>"],
    ["null", null],
  ])("rejects %s", (_name, input) => {
    expect(() => renderContent(input)).toThrow(InvalidContentError);
  });
});

describe("messages about invalid rich text", () => {
  it.each([
    [
      { type: "doc", content: [{ type: "iframe", attrs: { src: "https://x.example" } }] },
      "Er enthält ein nicht erlaubtes Element („iframe“).",
    ],
    [
      {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "blink" }] }] }],
      },
      "Er enthält eine nicht erlaubte Auszeichnung („blink“).",
    ],
    [{ type: "doc", content: [{ type: "text", text: "bare" }] }, "Er ist nicht richtig aufgebaut."],
  ])("are German and name what is not allowed: %j", (json, reason) => {
    expect(() => renderContent(json)).toThrow(`Der formatierte Text ist ungültig: ${reason}`);
  });
});
