/**
 * Withheld passages in an answer part's Tiptap JSON, pure (no DOM, no schema): collect them, and derive the
 * PUBLIC document in which each passage is replaced by its justification notice. The server stores that public
 * document as the part's body (what every public output reads) and the full document only as the non-public
 * record — see docs/decisions/0011-sign-off-hash-and-withholding.md.
 */
import { WITHHELD_MARK } from "./withheld";

type JsonNode = {
  type?: unknown;
  text?: unknown;
  marks?: unknown;
  attrs?: unknown;
  content?: unknown;
  [key: string]: unknown;
};

/** One withheld passage: its mark's attributes as posted (checked by the caller) and the text it withholds. */
export interface Passage {
  key: unknown;
  reason: unknown;
  subject: unknown;
  justification: unknown;
  /** The withheld text: the passage's runs in document order, blocks separated by a blank line. */
  text: string;
}

function withheldMarkOf(node: JsonNode): Record<string, unknown> | null {
  if (!Array.isArray(node.marks)) return null;
  for (const mark of node.marks as JsonNode[]) {
    if (mark && typeof mark === "object" && mark.type === WITHHELD_MARK) {
      return (mark.attrs && typeof mark.attrs === "object" ? mark.attrs : {}) as Record<string, unknown>;
    }
  }
  return null;
}

const keyOf = (attrs: Record<string, unknown>): string => String(attrs.key ?? "");

/**
 * The passages of a document in order of first appearance. Runs with the same key (a passage across several
 * paragraphs, or split by formatting) are one passage; its attributes are those of its first run.
 */
export function collectPassages(doc: unknown): Passage[] {
  const passages = new Map<string, Passage & { lastBlock: unknown }>();
  const visit = (node: JsonNode, block: unknown) => {
    const attrs = withheldMarkOf(node);
    if (attrs) {
      const key = keyOf(attrs);
      const piece = typeof node.text === "string" ? node.text : node.type === "hardBreak" ? "\n" : "";
      const existing = passages.get(key);
      if (!existing) {
        passages.set(key, {
          key: attrs.key,
          reason: attrs.reason,
          subject: attrs.subject,
          justification: attrs.justification,
          text: piece,
          lastBlock: block,
        });
      } else {
        existing.text += existing.lastBlock === block ? piece : `\n\n${piece}`;
        existing.lastBlock = block;
      }
    }
    if (Array.isArray(node.content)) {
      for (const child of node.content as JsonNode[]) {
        if (child && typeof child === "object") visit(child, node);
      }
    }
  };
  if (doc && typeof doc === "object") visit(doc as JsonNode, doc);
  return [...passages.values()].map(({ lastBlock: _lastBlock, ...passage }) => passage);
}

/**
 * The document with every withheld passage replaced by `notice(passage)` as plain text: the first run of a
 * passage becomes the notice, its further runs (in other paragraphs or cells) are dropped. Nothing of a
 * passage's text, marks or attributes is left in the result. Returns a copy.
 */
export function publicDocument(doc: unknown, notice: (passage: Passage) => string): unknown {
  const byKey = new Map(collectPassages(doc).map((p) => [String(p.key ?? ""), p]));
  const noticed = new Set<string>();
  const copy = (node: JsonNode): JsonNode => {
    if (!Array.isArray(node.content)) return { ...node };
    const content: JsonNode[] = [];
    for (const child of node.content as JsonNode[]) {
      if (!child || typeof child !== "object") continue;
      const attrs = withheldMarkOf(child);
      if (!attrs) {
        content.push(copy(child));
        continue;
      }
      const key = keyOf(attrs);
      if (noticed.has(key)) continue;
      noticed.add(key);
      content.push({ type: "text", text: notice(byKey.get(key)!) });
    }
    return { ...node, content };
  };
  return doc && typeof doc === "object" ? copy(doc as JsonNode) : doc;
}

/** Whether a document holds any withheld passage. */
export function hasPassages(doc: unknown): boolean {
  return collectPassages(doc).length > 0;
}
