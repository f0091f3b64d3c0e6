/**
 * Tiny real files for attachment tests: a minimal PDF, a PNG (1×1), a JPEG header, and ZIP containers written
 * here (stored entries, real CRC-32) for ODT, DOCX and XLSX — no zip library is installed.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP file with the entries stored (not compressed), in the given order. */
export function zip(entries: Array<[name: string, content: string]>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = enc.encode(name);
    const data = enc.encode(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    const localAll = Buffer.concat([local, nameBytes, data]);
    locals.push(localAll);
    centrals.push(Buffer.concat([central, nameBytes]));
    offset += localAll.length;
  }
  const centralAll = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralAll.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralAll, end]));
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const files = {
  pdf: () =>
    new TextEncoder().encode(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    ),
  png: () =>
    new Uint8Array(
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        "base64",
      ),
    ),
  jpeg: () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  odt: () =>
    zip([
      ["mimetype", "application/vnd.oasis.opendocument.text"],
      ["content.xml", "<office:document-content/>"],
      ["META-INF/manifest.xml", "<manifest:manifest/>"],
    ]),
  docx: () =>
    zip([
      ["[Content_Types].xml", CONTENT_TYPES],
      ["_rels/.rels", "<Relationships/>"],
      ["word/document.xml", "<w:document/>"],
    ]),
  xlsx: () =>
    zip([
      ["[Content_Types].xml", CONTENT_TYPES],
      ["xl/workbook.xml", "<workbook/>"],
    ]),
  csv: () => new TextEncoder().encode("Werkzeug;Arbeitsplätze\nZoom;52413\n"),
  /** An HTML page that calls itself a PDF. */
  htmlAsPdf: () => new TextEncoder().encode("<!DOCTYPE html><script>alert(1)</script>"),
  /** A plain ZIP (no office document). */
  plainZip: () => zip([["notes.txt", "hallo"]]),
  /** A Windows executable header. */
  exe: () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
};
