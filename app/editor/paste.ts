/**
 * Cleans HTML pasted from Word, LibreOffice or a web page before the editor parses it (Tiptap's
 * `editorProps.transformPastedHTML`). String based, so it runs and is tested without a DOM.
 *
 * What it does: keeps only the pasted fragment (no <head>, <style>, <xml>, comments, conditional comments);
 * turns Word's list paragraphs (class MsoListParagraph…, style mso-list, a bullet or number glyph in front)
 * into real nested <ul>/<ol>; turns styled spans that mean bold or italic into <strong>/<em>; unwraps <font>,
 * <span>, <div>, <o:p> and every other tag outside the small set the content schema knows; drops every
 * attribute except a link's http/https/mailto href and a table cell's colspan/rowspan; removes empty
 * paragraphs. ProseMirror's schema parsing afterwards drops anything the schema still does not know.
 */

const KEEP_TAGS: Record<string, string> = {
  p: "p",
  br: "br",
  strong: "strong",
  b: "strong",
  em: "em",
  i: "em",
  s: "s",
  strike: "s",
  del: "s",
  h1: "h3",
  h2: "h3",
  h3: "h3",
  h4: "h4",
  h5: "h5",
  h6: "h5",
  ul: "ul",
  ol: "ol",
  li: "li",
  a: "a",
  blockquote: "blockquote",
  table: "table",
  thead: "thead",
  tbody: "tbody",
  tfoot: "tbody",
  tr: "tr",
  td: "td",
  th: "th",
};

const VOID_TAGS = new Set(["br", "img", "hr", "col", "meta", "link", "input", "wbr", "area", "base", "source"]);

/** Elements whose whole content is not text meant for the document. */
const DROP_WITH_CONTENT =
  /<(head|style|script|xml|title|object|template|noscript|svg|math|iframe|colgroup)\b[\s\S]*?<\/\1\s*>/gi;

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const TAG = /<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

const LIST_MARK = "\u0000L";
const LIST_END = "\u0000";

function attributesOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;|&#160;|&#xa0;/gi, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
}

/** "1." "a)" "iv." "(2)" are numbers; "·" "o" "§" "•" "-" are bullets. */
function isNumberGlyph(glyph: string): boolean {
  return /^\(?[0-9]{1,3}[.)]|^\(?[a-zA-Z]{1,4}[.)]/.test(glyph.trim());
}

function styleMeans(style: string): { bold: boolean; italic: boolean } {
  const s = style.toLowerCase().replace(/\s+/g, "");
  return {
    bold: /font-weight:(bold|bolder|[6-9]00)/.test(s),
    italic: /font-style:(italic|oblique)/.test(s),
  };
}

/** Rewrites every tag: known ones lose their attributes, styled spans become marks, the rest are unwrapped. */
function rewriteTags(html: string): string {
  // What each open unwrapped-or-converted element emits when it closes, per tag name.
  const pending = new Map<string, string[]>();
  const push = (name: string, closing: string) => pending.set(name, [...(pending.get(name) ?? []), closing]);
  const pop = (name: string) => {
    const stack = pending.get(name);
    return stack && stack.length > 0 ? stack.pop()! : null;
  };

  return html.replace(TAG, (_match, slash: string, rawName: string, rawAttrs: string, selfClose: string) => {
    const name = rawName.toLowerCase();
    const closing = slash === "/";
    const attrs = closing ? {} : attributesOf(rawAttrs);

    if (closing) {
      const converted = pop(name);
      if (converted !== null) return converted;
      const kept = KEEP_TAGS[name];
      return kept && kept !== "br" ? `</${kept}>` : "";
    }

    if (name === "span" || name === "font") {
      const { bold, italic } = styleMeans(attrs.style ?? "");
      const open = (bold ? "<strong>" : "") + (italic ? "<em>" : "");
      const close = (italic ? "</em>" : "") + (bold ? "</strong>" : "");
      if (!selfClose) push(name, close);
      return open;
    }

    if (name === "p" && isWordListParagraph(attrs)) {
      const level = /level(\d+)/i.exec(attrs.style ?? "")?.[1] ?? "1";
      return `<p data-word-list="${level}">`;
    }

    if (name === "a") {
      const href = (attrs.href ?? "").trim();
      if (!SAFE_HREF.test(href)) {
        push("a", "");
        return "";
      }
      return `<a href="${escapeAttribute(decodeEntities(href))}">`;
    }

    const kept = KEEP_TAGS[name];
    if (!kept) return "";
    if (kept === "br") return "<br>";
    let keptAttrs = "";
    if (kept === "td" || kept === "th") {
      for (const span of ["colspan", "rowspan"]) {
        const value = attrs[span];
        if (value && /^\d{1,3}$/.test(value) && value !== "1") keptAttrs += ` ${span}="${value}"`;
      }
    }
    if (kept === "ol" && attrs.start && /^\d{1,4}$/.test(attrs.start)) keptAttrs += ` start="${attrs.start}"`;
    if (selfClose || VOID_TAGS.has(name)) return "";
    return `<${kept}${keptAttrs}>`;
  });
}

function isWordListParagraph(attrs: Record<string, string>): boolean {
  return /MsoListParagraph/i.test(attrs.class ?? "") || /mso-list\s*:\s*l\d/i.test(attrs.style ?? "");
}

interface WordListItem {
  level: number;
  ordered: boolean;
  content: string;
}

function renderList(items: WordListItem[]): string {
  let out = "";
  // Each open list: its level and closing tag.
  const open: Array<{ level: number; tag: string }> = [];
  for (const item of items) {
    const tag = item.ordered ? "ol" : "ul";
    while (open.length > 0 && open[open.length - 1]!.level > item.level) {
      out += `</li></${open.pop()!.tag}>`;
    }
    const top = open[open.length - 1];
    if (!top || top.level < item.level) {
      out += `<${tag}>`;
      open.push({ level: item.level, tag });
    } else {
      out += "</li>";
      if (top.tag !== tag) {
        // Same level, other kind of list (bullets after numbers): close and open a new list.
        out += `</${open.pop()!.tag}><${tag}>`;
        open.push({ level: item.level, tag });
      }
    }
    out += `<li><p>${item.content}</p>`;
  }
  while (open.length > 0) out += `</li></${open.pop()!.tag}>`;
  return out;
}

/** Groups runs of Word list paragraphs (only whitespace between them) into nested lists. */
function buildWordLists(html: string): string {
  const paragraph = /<p data-word-list="(\d+)">([\s\S]*?)<\/p>/g;
  let out = "";
  let last = 0;
  let run: WordListItem[] = [];
  let runEnd = 0;
  const flush = () => {
    if (run.length > 0) out += renderList(run);
    run = [];
  };
  for (const m of html.matchAll(paragraph)) {
    const between = html.slice(run.length > 0 ? runEnd : last, m.index);
    if (run.length === 0 || between.trim() !== "") {
      flush();
      out += html.slice(last, m.index);
    }
    const markStart = m[2]!.indexOf(LIST_MARK);
    let content = m[2]!;
    let glyph = "";
    if (markStart >= 0) {
      const markEnd = content.indexOf(LIST_END, markStart + LIST_MARK.length);
      glyph = content.slice(markStart + LIST_MARK.length, markEnd);
      content = content.slice(0, markStart) + content.slice(markEnd + LIST_END.length);
    }
    run.push({ level: Number(m[1]), ordered: isNumberGlyph(glyph), content: content.trim() });
    last = m.index + m[0].length;
    runEnd = last;
  }
  flush();
  out += html.slice(last);
  return out;
}

/** Cleans clipboard HTML for the content schema; see the module comment. */
export function cleanPastedHtml(html: string): string {
  let s = html;
  const start = s.indexOf("<!--StartFragment-->");
  const end = s.indexOf("<!--EndFragment-->");
  if (start >= 0 && end > start) s = s.slice(start + "<!--StartFragment-->".length, end);
  else {
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(s);
    if (body) s = body[1]!;
  }
  s = s.replace(DROP_WITH_CONTENT, "");
  // Word writes the bullet or number of a list paragraph between these markers; keep the glyph to tell
  // bullets from numbers, drop it from the text.
  s = s.replace(
    /<!(?:--)?\[if !supportLists\](?:--)?>([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/gi,
    (_m, glyph: string) => `${LIST_MARK}${textOf(glyph).replace(/\u0000/g, "")}${LIST_END}`,
  );
  // Some Word versions (and Outlook) write the glyph without the supportLists wrapper, only in a span
  // styled mso-list:Ignore: treat it the same, or a "·" stays inside the bullet.
  s = s.replace(
    /<span[^>]*mso-list:\s*Ignore[^>]*>([\s\S]*?)<\/span>/gi,
    (_m, glyph: string) => `${LIST_MARK}${textOf(glyph).replace(/\u0000/g, "")}${LIST_END}`,
  );
  s = s.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "");
  s = s.replace(/<!\[(?:if[^\]]*|endif)\]>/gi, "");
  s = s.replace(/<!--[\s\S]*?-->/g, "");
  s = s.replace(/<!DOCTYPE[^>]*>/gi, "");
  s = s.replace(/<\?xml[^>]*>/gi, "");
  s = rewriteTags(s);
  s = buildWordLists(s);
  // A list glyph outside a list paragraph (odd Word output) is just dropped.
  s = s.replace(/\u0000L[^\u0000]*\u0000/g, "");
  // Empty paragraphs and headings (Word's spacing paragraphs, "<p>&nbsp;</p>").
  s = s.replace(/<(p|h3|h4|h5)>(?:\s|&nbsp;|&#160;|\u00a0|<br>)*<\/\1>/gi, "");
  s = s.replace(/<(strong|em|s)>(\s*)<\/\1>/g, "$2");
  return s.trim();
}
