/**
 * Turns the small tag set that cleanPastedHtml emits into Tiptap JSON, the way ProseMirror's DOMParser would
 * with the content schema (inline runs in block places are wrapped in paragraphs, empty cells get an empty
 * paragraph), so that unit tests in Node can check pasted content against the real schema (renderContent).
 * Any tag outside that set fails the test: the cleaner must not let it through.
 */
type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; text?: string; marks?: Mark[] };
type Mark = { type: string; attrs?: Record<string, unknown> };

const BLOCK: Record<string, (attrs: Record<string, string>) => JsonNode> = {
  p: () => ({ type: "paragraph" }),
  h3: () => ({ type: "heading", attrs: { level: 3 } }),
  h4: () => ({ type: "heading", attrs: { level: 4 } }),
  h5: () => ({ type: "heading", attrs: { level: 5 } }),
  ul: () => ({ type: "bulletList" }),
  ol: (a) => ({ type: "orderedList", attrs: a.start ? { start: Number(a.start) } : {} }),
  li: () => ({ type: "listItem" }),
  blockquote: () => ({ type: "blockquote" }),
  table: () => ({ type: "table" }),
  tr: () => ({ type: "tableRow" }),
  td: (a) => ({ type: "tableCell", attrs: { colspan: Number(a.colspan ?? 1), rowspan: Number(a.rowspan ?? 1) } }),
  th: (a) => ({ type: "tableHeader", attrs: { colspan: Number(a.colspan ?? 1), rowspan: Number(a.rowspan ?? 1) } }),
};
const MARK: Record<string, (attrs: Record<string, string>) => Mark> = {
  strong: () => ({ type: "bold" }),
  em: () => ({ type: "italic" }),
  s: () => ({ type: "strike" }),
  a: (a) => ({ type: "link", attrs: { href: a.href } }),
};
const TRANSPARENT = new Set(["thead", "tbody"]);
const TEXTBLOCK = new Set(["paragraph", "heading"]);

function decode(text: string): string {
  return text
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function htmlToDoc(html: string): JsonNode {
  const doc: JsonNode = { type: "doc", content: [] };
  const stack: Array<{ node: JsonNode; tag: string }> = [{ node: doc, tag: "#doc" }];
  const marks: Array<{ mark: Mark; tag: string }> = [];
  const top = () => stack[stack.length - 1]!;

  /** Where inline content goes: the open textblock, or a new paragraph in the current block container. */
  function inlineTarget(): JsonNode {
    const current = top().node;
    if (TEXTBLOCK.has(current.type)) return current;
    const paragraph: JsonNode = { type: "paragraph", content: [] };
    (current.content ??= []).push(paragraph);
    stack.push({ node: paragraph, tag: "#implicit" });
    return paragraph;
  }
  function closeImplicit() {
    while (top().tag === "#implicit") stack.pop();
  }

  const token = /<(\/?)([a-z0-9]+)((?:\s+[a-z]+="[^"]*")*)\s*>|([^<]+)/g;
  for (const m of html.matchAll(token)) {
    if (m[4] !== undefined) {
      const text = decode(m[4]).replace(/\s+/g, " ");
      if (text.trim() === "" && !TEXTBLOCK.has(top().node.type)) continue;
      const target = inlineTarget();
      const node: JsonNode = { type: "text", text };
      if (marks.length > 0) node.marks = marks.map((x) => x.mark);
      (target.content ??= []).push(node);
      continue;
    }
    const [, slash, tag, rawAttrs] = m as unknown as [string, string, string, string];
    const attrs: Record<string, string> = {};
    for (const a of (rawAttrs ?? "").matchAll(/([a-z]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    if (TRANSPARENT.has(tag)) continue;
    if (tag === "br") {
      (inlineTarget().content ??= []).push({ type: "hardBreak" });
      continue;
    }
    if (MARK[tag]) {
      if (slash) {
        const at = marks.map((x) => x.tag).lastIndexOf(tag);
        if (at >= 0) marks.splice(at, 1);
      } else marks.push({ mark: MARK[tag]!(attrs), tag });
      continue;
    }
    const make = BLOCK[tag];
    if (!make) throw new Error(`the cleaned HTML contains a tag outside the schema's set: <${slash}${tag}>`);
    if (slash) {
      closeImplicit();
      while (stack.length > 1 && top().tag !== tag) stack.pop();
      if (stack.length > 1) stack.pop();
      continue;
    }
    closeImplicit();
    // A block inside a textblock (not valid HTML, but possible) closes the textblock first.
    while (TEXTBLOCK.has(top().node.type)) stack.pop();
    const node = make(attrs);
    (top().node.content ??= []).push(node);
    stack.push({ node, tag });
  }
  return normalise(doc);
}

/** Trims text runs at block edges, drops empty text, fills empty containers like the schema would. */
function normalise(node: JsonNode): JsonNode {
  if (!node.content) {
    if (["listItem", "tableCell", "tableHeader", "blockquote"].includes(node.type))
      node.content = [{ type: "paragraph" }];
    return node;
  }
  node.content = node.content.map(normalise).filter((c) => c.type !== "text" || (c.text ?? "") !== "");
  if (TEXTBLOCK.has(node.type)) {
    const first = node.content[0];
    const last = node.content[node.content.length - 1];
    if (first?.type === "text") first.text = first.text!.replace(/^ +/, "");
    if (last?.type === "text") last.text = last.text!.replace(/ +$/, "");
    node.content = node.content.filter((c) => c.type !== "text" || c.text !== "");
  }
  if (node.content.length === 0) {
    delete node.content;
    if (["listItem", "tableCell", "tableHeader", "blockquote"].includes(node.type))
      node.content = [{ type: "paragraph" }];
  }
  return node;
}
