/**
 * The precompressed gzip of a cached page: with any slot values, the bytes are a valid gzip member (zlib checks the
 * CRC-32 and the size) of exactly the page with those values, also with empty parts and adjacent slots.
 */
import { randomBytes } from "node:crypto";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  acceptsGzip,
  combine,
  gzipFill,
  gzipTemplate,
  zerosOperator,
} from "../../app/server/core/gzip-template.server";

const text = (length: number) => Buffer.from("<p>Antwort der Landesregierung – Öffentlich </p>".repeat(length));

describe("gzip template", () => {
  it.each([
    ["a page with three slots", [text(200), text(3), text(40), text(1)]],
    ["empty parts and adjacent slots", [Buffer.alloc(0), text(5), Buffer.alloc(0), Buffer.alloc(0)]],
    ["one part, no slot", [text(1000)]],
  ])("decompresses to the filled page: %s", (_name, parts) => {
    const template = gzipTemplate(parts);
    for (let round = 0; round < 3; round++) {
      const slots = parts.slice(1).map((_, index) => Buffer.from(randomBytes(9 + index).toString("base64")));
      const expected = Buffer.concat(
        parts.flatMap((part, index) => (index < slots.length ? [part, slots[index]!] : [part])),
      );
      const gzipped = Buffer.concat(gzipFill(template, slots));
      expect(zlib.gunzipSync(gzipped).equals(expected)).toBe(true);
      expect(gzipped.readUInt32LE(gzipped.length - 8)).toBe(zlib.crc32(expected));
    }
  });

  it("combines CRC-32s as zlib computes the concatenation's", () => {
    const a = randomBytes(1234);
    const b = randomBytes(70_001);
    expect(combine(zlib.crc32(a), zlib.crc32(b), zerosOperator(b.length))).toBe(zlib.crc32(Buffer.concat([a, b])));
    expect(combine(zlib.crc32(a), 0, zerosOperator(0))).toBe(zlib.crc32(a));
  });

  it.each([
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", true],
    ["gzip;q=0", false],
    ["identity", false],
    ["*", true],
    ["*;q=0", false],
    ["", false],
  ])("reads Accept-Encoding %j as gzip allowed: %s", (header, allowed) => {
    expect(acceptsGzip(header)).toBe(allowed);
  });
});
