/**
 * Small builders for Tiptap JSON, used where content is created in code (demo data, tests, imports from
 * plain text). Plain text paragraphs are separated by blank lines; lines starting with "- " become a list.
 */
import type { RichTextDoc } from "./rich-text-doc";

type JsonNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: unknown[];
};

export const text = (value: string, marks?: Array<{ type: string; attrs?: Record<string, unknown> }>): JsonNode =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };

export const paragraph = (...content: Array<JsonNode | string>): JsonNode => ({
  type: "paragraph",
  content: content.map((c) => (typeof c === "string" ? text(c) : c)).filter((c) => c.text !== ""),
});

export const heading = (level: 3 | 4 | 5, value: string): JsonNode => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});

export const bulletList = (items: string[]): JsonNode => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
});

export const doc = (...content: JsonNode[]): RichTextDoc => ({ type: "doc", content });

/** Plain text with blank-line paragraphs and "- " bullet lines to a document. */
export function docFromPlainText(source: string): RichTextDoc {
  const blocks = source.trim().split(/\n\s*\n/);
  const nodes: JsonNode[] = [];
  for (const block of blocks) {
    const lines = block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length > 0 && lines.every((l) => l.startsWith("- "))) {
      nodes.push(bulletList(lines.map((l) => l.slice(2))));
    } else {
      nodes.push(paragraph(lines.join(" ")));
    }
  }
  return doc(...nodes);
}
