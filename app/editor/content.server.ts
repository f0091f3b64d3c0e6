/**
 * Rich text on the server: validate Tiptap JSON against the content schema, and derive the HTML and plain text
 * that are stored beside it. Validation rejects unknown node or mark types, wrong nesting and unsafe link
 * targets, so stored JSON always renders to safe HTML.
 */
import { getSchema } from "@tiptap/core";
import { Node as PmNode, type Schema } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import type { RichTextDoc } from "./rich-text-doc";
import { JSON_MAX_DEPTH, valueNestingDepth } from "../domain/request-limits";
import { passageNotice } from "../domain/answer-drafting";
import { contentExtensions } from "./extensions";
import { collectPassages, publicDocument, type Passage } from "./passages";
import { answerPartExtensions } from "./withheld";

export const contentSchema = getSchema(contentExtensions);
/** The schema of an answer part's text: the content schema plus the `withheld` mark (withheld.ts). */
export const answerPartSchema = getSchema(answerPartExtensions);

export class InvalidContentError extends Error {
  override name = "InvalidContentError";
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** ProseMirror explains in English; the user reads German (the detail stays in the server log if needed). */
function germanReason(message: string): string {
  const node = /Unknown node type: (\S+)/.exec(message);
  if (node) return `Er enthält ein nicht erlaubtes Element („${node[1]}“).`;
  const mark = /no mark type (\S+)/i.exec(message);
  if (mark) return `Er enthält eine nicht erlaubte Auszeichnung („${mark[1]}“).`;
  return "Er ist nicht richtig aufgebaut.";
}

/** What every link in stored rich text carries: the server decides, never the author. */
export const LINK_REL = "noopener noreferrer nofollow";

/**
 * Link marks keep only their href; rel, target, class and title are set here. An author could otherwise
 * store `rel="opener" target="_blank"` (the opened page could navigate the public page) or restyle a link
 * with the site's classes. Walks the (depth-checked) JSON without recursion and returns a copy.
 */
function withServerLinkAttributes(json: unknown): unknown {
  const copy = structuredClone(json);
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== "object") continue;
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    const node = current as Record<string, unknown>;
    if (Array.isArray(node.marks)) {
      for (const mark of node.marks as Array<Record<string, unknown>>) {
        if (mark && typeof mark === "object" && mark.type === "link") {
          const attrs = (mark.attrs && typeof mark.attrs === "object" ? mark.attrs : {}) as Record<string, unknown>;
          mark.attrs = { href: attrs.href, rel: LINK_REL, target: null, class: null, title: null };
        }
      }
    }
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return copy;
}

export function parseContent(json: unknown, schema: Schema = contentSchema): PmNode {
  // Checked before ProseMirror walks it recursively: 900 nested blockquotes were saved and then broke the page.
  if (valueNestingDepth(json, JSON_MAX_DEPTH) > JSON_MAX_DEPTH) {
    throw new InvalidContentError("Der formatierte Text ist ungültig: Er ist zu tief verschachtelt.");
  }
  let node: PmNode;
  try {
    node = PmNode.fromJSON(schema, withServerLinkAttributes(json) as Record<string, unknown>);
    node.check();
  } catch (error) {
    throw new InvalidContentError(`Der formatierte Text ist ungültig: ${germanReason((error as Error).message)}`);
  }
  if (node.type.name !== "doc") throw new InvalidContentError("Der formatierte Text muss ein Dokument sein.");
  node.descendants((child) => {
    for (const mark of child.marks) {
      if (mark.type.name === "link" && !SAFE_LINK.test(String(mark.attrs.href ?? ""))) {
        throw new InvalidContentError("Links dürfen nur auf http-, https- oder mailto-Adressen zeigen.");
      }
    }
  });
  return node;
}

export interface RenderedContent {
  json: RichTextDoc;
  html: string;
  text: string;
}

/** Validates and renders; the returned JSON is the normalised form to store. */
export function renderContent(json: unknown): RenderedContent {
  const node = parseContent(json);
  const normalised = node.toJSON() as RichTextDoc;
  const html = renderToHTMLString({ content: node, extensions: contentExtensions });
  const text = node.textBetween(0, node.content.size, "\n\n", "\n").trim();
  return { json: normalised, html, text };
}

/**
 * An answer part's text as saved: the PUBLIC content (every withheld passage replaced by its justification
 * notice, validated against the content schema that has no `withheld` mark), and — only when the part has
 * withheld passages — the NON-PUBLIC record with the passages marked. The caller checks each passage's
 * attributes (reason, subject, justification, key) before storing anything.
 */
export interface RenderedAnswerPart {
  public: RenderedContent;
  record: RenderedContent | null;
  passages: Passage[];
}

export function renderAnswerPart(json: unknown): RenderedAnswerPart {
  const node = parseContent(json, answerPartSchema);
  const normalised = node.toJSON() as RichTextDoc;
  const passages = collectPassages(normalised);
  if (passages.length === 0) return { public: renderContent(normalised), record: null, passages };
  const record: RenderedContent = {
    json: normalised,
    html: renderToHTMLString({ content: node, extensions: answerPartExtensions }),
    text: node.textBetween(0, node.content.size, "\n\n", "\n").trim(),
  };
  const publicJson = publicDocument(normalised, (p) => passageNotice(p.reason, p.justification));
  return { public: renderContent(publicJson), record, passages };
}
