/**
 * gzip for a cached page whose bytes differ per response only in a few short slots (the CSP nonce, the correlation
 * id): the text between the slots is compressed once, when the page is stored; a response is that compressed text
 * with each slot's bytes as an uncompressed ("stored") deflate block between, and the CRC-32 of the whole combined
 * from the stored parts' CRCs — no compression per hit (issue 13). RFC 1951 (deflate: a sync flush ends a part on
 * a byte boundary, a stored block may follow) and RFC 1952 (gzip member: header, deflate data, CRC-32, size).
 */
import zlib from "node:zlib";

/** The precompressed form of a page split at its slots: parts[i], slot i, parts[i + 1], … */
export interface GzipTemplate {
  /** The gzip header followed by the compressed first part. */
  head: Buffer;
  /** The compressed parts after each slot (empty for an empty part). */
  rest: Buffer[];
  /** CRC-32 and length of each uncompressed part (the first included). */
  partCrcs: number[];
  partLengths: number[];
  /** The operator that advances a CRC over each part's length of bytes (see combine). */
  partOperators: Uint32Array[];
  /** Compressed bytes without the slots and the trailer. */
  bytes: number;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

function deflatePart(part: Buffer): Buffer {
  if (part.length === 0) return Buffer.alloc(0);
  // Sync flush: the part's blocks end on a byte boundary and none is final, so a stored block can follow.
  return zlib.deflateRawSync(part, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

export function gzipTemplate(parts: Buffer[]): GzipTemplate {
  const compressed = parts.map(deflatePart);
  return {
    head: Buffer.concat([GZIP_HEADER, compressed[0]!]),
    rest: compressed.slice(1),
    partCrcs: parts.map((part) => zlib.crc32(part)),
    partLengths: parts.map((part) => part.length),
    partOperators: parts.map((part) => zerosOperator(part.length)),
    bytes: GZIP_HEADER.length + compressed.reduce((sum, part) => sum + part.length, 0),
  };
}

/** The gzip bytes of the page with these slot values (slots.length === parts.length - 1), as chunks. */
export function gzipFill(template: GzipTemplate, slots: Buffer[]): Buffer[] {
  const chunks: Buffer[] = [template.head];
  let crc = template.partCrcs[0]!;
  let size = template.partLengths[0]!;
  slots.forEach((slot, index) => {
    const header = Buffer.from([
      0x00,
      slot.length & 0xff,
      slot.length >>> 8,
      ~slot.length & 0xff,
      (~slot.length >>> 8) & 0xff,
    ]);
    chunks.push(header, slot, template.rest[index]!);
    crc = combine(crc, zlib.crc32(slot), slotOperator(slot.length));
    crc = combine(crc, template.partCrcs[index + 1]!, template.partOperators[index + 1]!);
    size += slot.length + template.partLengths[index + 1]!;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  chunks.push(FINAL_BLOCK, trailer);
  return chunks;
}

// ---- CRC-32 of a concatenation (zlib's crc32_combine with the operator for a length computed once) ----------

/** A linear map on 32 bits as its images of the 32 unit vectors. */
function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let index = 0, rest = vector >>> 0; rest !== 0; index++, rest >>>= 1) if (rest & 1) sum ^= matrix[index]!;
  return sum >>> 0;
}

function compose(a: Uint32Array, b: Uint32Array): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(32);
  for (let n = 0; n < 32; n++) out[n] = times(a, b[n]!);
  return out;
}

/** The operator that advances a (raw) CRC-32 register over `bytes` zero bytes. */
export function zerosOperator(bytes: number): Uint32Array<ArrayBuffer> {
  let power = new Uint32Array(32);
  power[0] = 0xedb88320; // one zero bit: the reflected polynomial
  for (let n = 1; n < 32; n++) power[n] = 1 << (n - 1);
  for (let i = 0; i < 3; i++) power = compose(power, power); // one zero byte
  let result: Uint32Array<ArrayBuffer> | null = null;
  for (let rest = bytes; rest > 0; rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) result = result ? compose(power, result) : power;
    if (rest > 1) power = compose(power, power);
  }
  if (result) return result;
  const identity = new Uint32Array(32);
  for (let n = 0; n < 32; n++) identity[n] = (1 << n) >>> 0;
  return identity;
}

/** CRC-32 of A followed by B, from CRC(A), CRC(B) and the operator for B's length. */
export function combine(crcA: number, crcB: number, operatorOfLengthB: Uint32Array): number {
  return (times(operatorOfLengthB, crcA) ^ crcB) >>> 0;
}

const slotOperators = new Map<number, Uint32Array>();
function slotOperator(length: number): Uint32Array {
  let operator = slotOperators.get(length);
  if (!operator) {
    operator = zerosOperator(length);
    if (slotOperators.size < 64) slotOperators.set(length, operator);
  }
  return operator;
}

/** Whether the request's Accept-Encoding allows gzip (a `q=0` refuses it; `*` counts). */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  if (!acceptEncoding) return false;
  let star = false;
  for (const item of acceptEncoding.split(",")) {
    const [name = "", ...params] = item.split(";").map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === "gzip" || name === "x-gzip") return allowed;
    if (name === "*") star = allowed;
  }
  return star;
}
