/**
 * Limits on what a request may carry, checked by the HTTP server (scripts/start.mjs) before Remix reads a body:
 * the Content-Length header first, then the bytes actually streamed (a chunked body has no length). A body over
 * the limit answers 413 and is never parsed — `request.formData()` would otherwise hold all of it in memory.
 */

/** Ordinary forms: sign-in, reset, workflow actions, administration. */
export const FORM_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The draft editor posts the title, the preamble and up to 100 questions as Tiptap JSON (each field at most
 * 200 KB, app/domain/draft.ts); a few MB cover every realistic draft.
 */
export const DRAFT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Attachments (Anlagen) to an answer: `/arbeitsbereich/vorgaenge/{id}/antwort/anlagen…` (and `…/{id}/anlagen…`), and
 * to a consultation: `/arbeitsbereich/beratungen/{id}/anlagen…`.
 */
export const ATTACHMENT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

const DRAFT_PATH = /^\/arbeitsbereich\/entwurf\/[^/]+(?:\.data)?$/;
const ATTACHMENT_PATH =
  /^\/arbeitsbereich\/(?:vorgaenge\/[^/]+\/(?:antwort\/)?|beratungen\/[^/]+\/)anlagen(?:\/[^/]*)?(?:\.data)?$/;

/** The largest body accepted for a request to `pathname` (without query string). */
export function bodyLimitFor(pathname: string): number {
  if (ATTACHMENT_PATH.test(pathname)) return ATTACHMENT_BODY_LIMIT_BYTES;
  if (DRAFT_PATH.test(pathname)) return DRAFT_BODY_LIMIT_BYTES;
  return FORM_BODY_LIMIT_BYTES;
}

/** Megabytes for messages, German style ("1", "5", "20"). */
export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString("de-DE", { maximumFractionDigits: 1 });
}

/**
 * JSON nesting: every JSON text the server parses is checked first, so that a deeply nested value can neither
 * overflow the stack of a recursive walk (validation, rendering, serialising it back) nor be stored.
 * Tiptap JSON nests about two levels per node (an object and its `content` array) plus marks and attributes.
 */
export const JSON_MAX_DEPTH = 64;

/** Depth of the deepest array/object nesting in a JSON text, counted without parsing (no recursion). */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return deepest;
}

export type BoundedJson = { ok: true; value: unknown } | { ok: false; reason: "too_deep" | "not_json" };

/** JSON.parse with the nesting checked first. */
export function parseBoundedJson(text: string, maxDepth = JSON_MAX_DEPTH): BoundedJson {
  if (jsonNestingDepth(text) > maxDepth) return { ok: false, reason: "too_deep" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: "not_json" };
  }
}

/** Depth of the deepest array/object nesting of an already parsed value, walked without recursion. */
export function valueNestingDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAbove) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}
