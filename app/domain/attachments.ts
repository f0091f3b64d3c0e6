/**
 * Attachments (Anlagen) of an answer, pure: which file types are accepted — decided by the bytes (magic
 * numbers, the ZIP container's entries for ODT/DOCX/XLSX, UTF-8 for CSV), never by the name or the browser's
 * MIME type — and what makes a file name acceptable. ADR 0017.
 */

export const ATTACHMENT_MEDIA_TYPES = [
  "application/pdf",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
  "image/png",
  "image/jpeg",
] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** Default upload limit per file; the HTTP guard's body limit (20 MB) leaves room for the form around it. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 15 * 1024 * 1024;

export const ATTACHMENT_TITLE_MAX = 300;
export const ATTACHMENT_FILE_NAME_MAX = 200;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(bytes.length, from + length)));

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;

/** Names of the entries in a ZIP file's central directory, or null when it is not a readable ZIP file. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, searched from the end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06], i)) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || !startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], at)) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

/** ODT, DOCX or XLSX by the container's entries; null for any other ZIP file. */
function officeType(bytes: Uint8Array): AttachmentMediaType | null {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  // ODF: the first entry is "mimetype", stored uncompressed, its content the media type (ODF 1.2, 3.3).
  if (names[0] === "mimetype" && ascii(bytes, 30, 8) === "mimetype") {
    const extra = u16(bytes, 28);
    if (ascii(bytes, 38 + extra, ODT_MIMETYPE.length) === ODT_MIMETYPE && u16(bytes, 8) === 0) return ODT_MIMETYPE;
    return null;
  }
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((n) => n.startsWith("word/")))
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (names.some((n) => n.startsWith("xl/")))
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return null;
}

/** CSV: valid UTF-8 text without NUL or other control characters than tab, CR and LF. */
function isCsvText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/**
 * The media type of a file by its content, or null when it is none of the accepted types. `csvByName` lets a
 * text file count as CSV only when its name says so (any text is valid "CSV"; a ".txt" or ".html" is not).
 */
export function sniffMediaType(bytes: Uint8Array, fileName: string): AttachmentMediaType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  if (/\.csv$/i.test(fileName) && isCsvText(bytes)) return "text/csv";
  return null;
}

/** The usual extension of a media type, for a download name that fits its content. */
export const EXTENSION_OF: Record<AttachmentMediaType, string> = {
  "application/pdf": "pdf",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/csv": "csv",
  "image/png": "png",
  "image/jpeg": "jpg",
};

export type FileNameCheck = { ok: true; name: string } | { ok: false; reason: "empty" | "path" | "too_long" };

/**
 * A file name as stored and offered for download: NFC, no control characters, no path. A name with path parts
 * ("../x.pdf", "C:\\a\\b.pdf") is refused rather than cut, since browsers send bare names and such a name is a
 * crafted request.
 */
export function checkFileName(raw: string): FileNameCheck {
  const name = raw
    .normalize("NFC")
    .replace(/[\u0000-\u001F\u007F]/g, "")
    .trim();
  if (name === "" || name === "." || name === "..") return { ok: false, reason: "empty" };
  if (/[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return { ok: false, reason: "path" };
  if ([...name].length > ATTACHMENT_FILE_NAME_MAX) return { ok: false, reason: "too_long" };
  return { ok: true, name };
}

/** RFC 6266/5987 Content-Disposition for a download: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
