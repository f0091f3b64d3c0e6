/**
 * Drafting an inquiry (Entwurf): limits, the numbering of questions and sub-questions, the structural edits of
 * the question list (shared by the browser editor and the no-JavaScript form), and who may do what with a
 * draft. Pure: no database, no Remix, no DOM.
 */
import type { MembershipFact } from "./policy";

// ---- limits ---------------------------------------------------------------------------------------------

export const TITLE_MAX_LENGTH = 500;
export const QUESTIONS_MAX = 100;
/** Characters of plain text in one rich text field (preamble or one question). */
export const FIELD_TEXT_MAX_LENGTH = 20_000;
/** Size of one field's Tiptap JSON as posted, in bytes (UTF-8). */
export const FIELD_JSON_MAX_BYTES = 200 * 1024;
/** Sub-questions go one level deep: 2a, 2b — never 2a-i. */
export const MAX_QUESTION_LEVEL = 1;

// ---- question numbering -----------------------------------------------------------------------------------

export type QuestionLevel = 0 | 1;

export interface NumberedSlot {
  /** 1-based position across all questions (questions.position). */
  position: number;
  /** As shown and stored: "1", "2", "2a". */
  number: string;
  level: QuestionLevel;
  /** Index (0-based) of the parent question in the same list, for sub-questions. */
  parentIndex: number | null;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function letter(n: number): string {
  // a … z, then aa, ab …: more than 26 sub-questions are unusual but must not produce duplicate numbers.
  let out = "";
  let k = n;
  do {
    out = LETTERS[k % 26] + out;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return out;
}

/**
 * Numbers a list of question levels: 0, 0, 1, 1, 0 → 1, 2, 2a, 2b, 3. A sub-question before any main question
 * is treated as a main question (normaliseLevels does the same to the stored list).
 */
export function numberQuestions(levels: readonly QuestionLevel[]): NumberedSlot[] {
  const slots: NumberedSlot[] = [];
  let main = 0;
  let sub = 0;
  let parentIndex: number | null = null;
  levels.forEach((requested, index) => {
    const level: QuestionLevel = requested === 1 && parentIndex !== null ? 1 : 0;
    if (level === 0) {
      main += 1;
      sub = 0;
      parentIndex = index;
      slots.push({ position: index + 1, number: String(main), level, parentIndex: null });
    } else {
      slots.push({ position: index + 1, number: `${main}${letter(sub)}`, level, parentIndex });
      sub += 1;
    }
  });
  return slots;
}

/** The levels as they will be stored: a leading sub-question becomes a main question. */
export function normaliseLevels<T extends { level: QuestionLevel }>(items: readonly T[]): T[] {
  return items.map((item, i) => (i === 0 && item.level === 1 ? { ...item, level: 0 as const } : item));
}

// ---- structural edits -------------------------------------------------------------------------------------

export type QuestionOp =
  | { kind: "add" }
  | { kind: "add_sub"; index: number }
  | { kind: "remove"; index: number }
  | { kind: "up"; index: number }
  | { kind: "down"; index: number }
  | { kind: "indent"; index: number }
  | { kind: "outdent"; index: number };

const OP_KINDS = ["add", "add_sub", "remove", "up", "down", "indent", "outdent"] as const;

/** Parses a button value such as "up:3" or "add"; null for anything else. */
export function parseQuestionOp(value: string): QuestionOp | null {
  const [kind, raw] = value.split(":");
  if (!OP_KINDS.includes(kind as (typeof OP_KINDS)[number])) return null;
  if (kind === "add") return raw === undefined ? { kind: "add" } : null;
  if (raw === undefined || !/^\d{1,4}$/.test(raw)) return null;
  return { kind: kind as Exclude<QuestionOp["kind"], "add">, index: Number(raw) };
}

export function formatQuestionOp(op: QuestionOp): string {
  return op.kind === "add" ? "add" : `${op.kind}:${op.index}`;
}

/** The extent of a main question with its sub-questions: [start, end). */
function blockAt<T extends { level: QuestionLevel }>(items: readonly T[], index: number): [number, number] {
  let end = index + 1;
  if (items[index]!.level === 0) while (end < items.length && items[end]!.level === 1) end += 1;
  return [index, end];
}

/**
 * Applies one structural edit. Moving a main question moves its sub-questions with it; a sub-question moves
 * within its parent's sub-questions. Edits that make no sense at that place (moving the first question up,
 * indenting the first question) return the list unchanged. `blank` makes a new empty item.
 */
export function applyQuestionOp<T extends { level: QuestionLevel }>(
  items: readonly T[],
  op: QuestionOp,
  blank: (level: QuestionLevel) => T,
): T[] {
  const list = [...items];
  if (op.kind === "add") return [...list, blank(0)];
  const i = op.index;
  if (i < 0 || i >= list.length) return list;
  const item = list[i]!;
  switch (op.kind) {
    case "add_sub": {
      // Appends a sub-question at the end of the block of the main question at (or above) i.
      let parent = i;
      while (parent > 0 && list[parent]!.level === 1) parent -= 1;
      const [, end] = blockAt(list, parent);
      list.splice(end, 0, blank(1));
      return list;
    }
    case "remove": {
      // The sub-questions of a removed main question join the question before it (their text is kept); with
      // none before, the first of them becomes a main question.
      list.splice(i, 1);
      return normaliseLevels(list);
    }
    case "indent": {
      if (i === 0 || item.level === 1) return list;
      // Its own sub-questions become siblings under the new parent.
      list[i] = { ...item, level: 1 };
      return list;
    }
    case "outdent": {
      if (item.level === 0) return list;
      list[i] = { ...item, level: 0 };
      return list;
    }
    case "up": {
      if (item.level === 1) {
        if (i === 0 || list[i - 1]!.level === 0) return list;
        [list[i - 1], list[i]] = [list[i]!, list[i - 1]!];
        return list;
      }
      let prev = i - 1;
      while (prev >= 0 && list[prev]!.level === 1) prev -= 1;
      if (prev < 0) return list;
      const [start, end] = blockAt(list, i);
      const block = list.splice(start, end - start);
      list.splice(prev, 0, ...block);
      return list;
    }
    case "down": {
      if (item.level === 1) {
        if (i + 1 >= list.length || list[i + 1]!.level === 0) return list;
        [list[i + 1], list[i]] = [list[i]!, list[i + 1]!];
        return list;
      }
      const [start, end] = blockAt(list, i);
      if (end >= list.length) return list;
      const [, nextEnd] = blockAt(list, end);
      const next = list.splice(end, nextEnd - end);
      list.splice(start, 0, ...next);
      return list;
    }
  }
}

// ---- who may do what -------------------------------------------------------------------------------------

export interface DraftFacts {
  bodyId: string;
  status: string;
  originatorOrganizationId: string | null;
  createdByUserId: string | null;
  coauthorUserIds: readonly string[];
}

export interface DraftActor {
  userId: string;
  memberships: readonly MembershipFact[];
}

export interface DraftRights {
  read: boolean;
  edit: boolean;
  submit: boolean;
  delete: boolean;
  manageCoauthors: boolean;
}

const NONE: DraftRights = { read: false, edit: false, submit: false, delete: false, manageCoauthors: false };

function inOriginatingFaction(actor: DraftActor, draft: DraftFacts): boolean {
  return (
    draft.originatorOrganizationId !== null &&
    actor.memberships.some(
      (m) =>
        m.bodyId === draft.bodyId && m.role === "faction_member" && m.organizationId === draft.originatorOrganizationId,
    )
  );
}

/**
 * A draft is the faction's political work: the whole originating faction may read it, its creator and the
 * co-authors may edit and submit it, only the creator may delete it and choose the co-authors. Nobody else —
 * not the council office, not an admin — sees it before submission. A creator or co-author who has left the
 * faction loses every right.
 */
export function draftRights(actor: DraftActor, draft: DraftFacts): DraftRights {
  if (draft.status !== "draft" || !inOriginatingFaction(actor, draft)) return NONE;
  const creator = draft.createdByUserId === actor.userId;
  const author = creator || draft.coauthorUserIds.includes(actor.userId);
  return { read: true, edit: author, submit: author, delete: creator, manageCoauthors: creator };
}

/** The factions (membership facts) in which the user may start a draft. */
export function draftingFactions<M extends MembershipFact>(memberships: readonly M[]): M[] {
  const seen = new Set<string>();
  return memberships.filter((m) => {
    if (m.role !== "faction_member" || seen.has(m.organizationId)) return false;
    seen.add(m.organizationId);
    return true;
  });
}

// ---- limits on content --------------------------------------------------------------------------------------

export type FieldProblem = "too_long_text" | "too_large_json" | null;

/** Checks a rich text field's size: the JSON as posted, and the plain text derived from it. */
export function fieldSizeProblem(sizes: { jsonBytes: number; textLength?: number }): FieldProblem {
  if (sizes.jsonBytes > FIELD_JSON_MAX_BYTES) return "too_large_json";
  if (sizes.textLength !== undefined && sizes.textLength > FIELD_TEXT_MAX_LENGTH) return "too_long_text";
  return null;
}

export type TitleProblem = "empty" | "too_long" | null;

export function titleProblem(title: string): TitleProblem {
  const trimmed = title.trim();
  if (trimmed.length === 0) return "empty";
  if (trimmed.length > TITLE_MAX_LENGTH) return "too_long";
  return null;
}

export function questionCountProblem(count: number, forSubmission: boolean): "too_many" | "none" | null {
  if (count > QUESTIONS_MAX) return "too_many";
  if (forSubmission && count === 0) return "none";
  return null;
}

/** "14:05" — the time of day of a save in the body's time zone, for "Entwurf gespeichert um 14:05 Uhr". */
export function clockTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone }).format(instant);
}

// ---- plain text for the form without JavaScript ----------------------------------------------------------

interface DocNode {
  type?: string;
  text?: string;
  content?: DocNode[];
}

function inlineText(node: DocNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(inlineText).join("");
}

function blockLines(node: DocNode): string[] {
  switch (node.type) {
    case "bulletList":
    case "orderedList":
      // Every item (nested ones too) as a "- " line: the plain-text form knows one kind of list.
      return (node.content ?? []).flatMap((item) =>
        (item.content ?? []).flatMap((child) =>
          child.type === "bulletList" || child.type === "orderedList" ? blockLines(child) : [`- ${inlineText(child)}`],
        ),
      );
    case "table":
      return (node.content ?? []).map((row) =>
        (row.content ?? []).map((cell) => (cell.content ?? []).map(inlineText).join(" ")).join(" | "),
      );
    case "blockquote":
      return (node.content ?? []).flatMap(blockLines);
    default:
      return [inlineText(node)];
  }
}

/**
 * A rich text document as the textarea of the form without JavaScript shows it: blocks separated by a blank
 * line, list items as "- " lines (what docFromPlainText reads back). When the text comes back unchanged, the
 * server keeps the formatted original; when it was edited, formatting beyond paragraphs and bullet lists is lost.
 */
export function editableText(doc: unknown): string {
  const root = doc as DocNode | null;
  if (!root || !Array.isArray(root.content)) return "";
  return root.content
    .map((block) => blockLines(block).join("\n"))
    .filter((block) => block.trim() !== "")
    .join("\n\n");
}
