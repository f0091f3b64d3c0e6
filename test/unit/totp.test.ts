/**
 * The second factor's code check: RFC 6238 vectors, the ±1 step window and the replay rule, with a fixed clock.
 */
import { describe, expect, it } from "vitest";
import {
  TOTP_PERIOD_SECONDS,
  checkTotp,
  decodeTotpKey,
  encodeTotpKey,
  formatRecoveryCode,
  groupForDisplay,
  normalizeRecoveryCode,
  normalizeTotpInput,
  timeStep,
  totpCodeForStep,
  totpKeyUri,
} from "../../app/domain/totp";

// The SHA-1 key of RFC 6238, appendix B: ASCII "12345678901234567890" (20 bytes).
const RFC_KEY = new TextEncoder().encode("12345678901234567890");
const NOW = Date.UTC(2026, 10, 23, 9, 0, 15); // 15 s into a step
const STEP = timeStep(NOW);
const codeAt = (offset: number) => totpCodeForStep(RFC_KEY, STEP + offset);

describe("RFC 6238 test vectors (last six digits)", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
    [20000000000, "353130"],
  ])("at %i s the code is %s", (seconds, code) => {
    expect(totpCodeForStep(RFC_KEY, timeStep(seconds * 1000))).toBe(code);
  });
});

describe("time steps", () => {
  it.each([
    [0, 0],
    [29_999, 0],
    [30_000, 1],
    [59_999, 1],
    [60_000, 2],
  ])("%i ms is step %i", (ms, step) => expect(timeStep(ms)).toBe(step));
  it("uses 30-second steps", () => expect(TOTP_PERIOD_SECONDS).toBe(30));
});

describe("checkTotp with a fixed clock", () => {
  const cases: Array<{ name: string; code: string; last: number | null; expected: ReturnType<typeof checkTotp> }> = [
    { name: "current step, never used", code: codeAt(0), last: null, expected: { ok: true, step: STEP } },
    { name: "previous step (clock behind)", code: codeAt(-1), last: null, expected: { ok: true, step: STEP - 1 } },
    { name: "next step (clock ahead)", code: codeAt(1), last: null, expected: { ok: true, step: STEP + 1 } },
    { name: "two steps old", code: codeAt(-2), last: null, expected: { ok: false, reason: "wrong" } },
    { name: "two steps ahead", code: codeAt(2), last: null, expected: { ok: false, reason: "wrong" } },
    { name: "current step after an older use", code: codeAt(0), last: STEP - 1, expected: { ok: true, step: STEP } },
    { name: "same step again (replay)", code: codeAt(0), last: STEP, expected: { ok: false, reason: "replayed" } },
    {
      name: "previous step after the current was used",
      code: codeAt(-1),
      last: STEP,
      expected: { ok: false, reason: "replayed" },
    },
    {
      name: "next step after the current was used",
      code: codeAt(1),
      last: STEP,
      expected: { ok: true, step: STEP + 1 },
    },
    {
      name: "current step after the next was used",
      code: codeAt(0),
      last: STEP + 1,
      expected: { ok: false, reason: "replayed" },
    },
    {
      name: "with a space in the middle",
      code: `${codeAt(0).slice(0, 3)} ${codeAt(0).slice(3)}`,
      last: null,
      expected: { ok: true, step: STEP },
    },
    {
      name: "with a dash in the middle",
      code: `${codeAt(0).slice(0, 3)}-${codeAt(0).slice(3)}`,
      last: null,
      expected: { ok: true, step: STEP },
    },
    { name: "five digits", code: codeAt(0).slice(0, 5), last: null, expected: { ok: false, reason: "malformed" } },
    { name: "seven digits", code: `${codeAt(0)}1`, last: null, expected: { ok: false, reason: "malformed" } },
    { name: "letters", code: "12a456", last: null, expected: { ok: false, reason: "malformed" } },
    { name: "empty", code: "", last: null, expected: { ok: false, reason: "malformed" } },
    { name: "SQL in the field", code: "' or 1=1 --", last: null, expected: { ok: false, reason: "malformed" } },
    { name: "full-width digits", code: "１２３４５６", last: null, expected: { ok: false, reason: "malformed" } },
  ];
  it.each(cases)("$name", ({ code, last, expected }) => {
    expect(checkTotp(RFC_KEY, code, NOW, last)).toEqual(expected);
  });

  it("refuses a code generated with another key", () => {
    const otherKey = new Uint8Array(20).fill(7);
    expect(checkTotp(otherKey, codeAt(0), NOW, null)).toEqual({ ok: false, reason: "wrong" });
  });
});

describe("code input", () => {
  it.each([
    ["123456", "123456"],
    [" 123 456 ", "123456"],
    ["123-456", "123456"],
    ["12345", null],
    ["abcdef", null],
  ])("normalizeTotpInput(%j) = %j", (input, expected) => expect(normalizeTotpInput(input)).toBe(expected));

  it.each([
    ["ABCD-EFGH-IJKL-MNOP", "ABCDEFGHIJKLMNOP"],
    ["abcd efgh ijkl mnop", "ABCDEFGHIJKLMNOP"],
    ["ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOP"],
    ["ABCD-EFGH-IJKL-MNO", null],
    ["ABCD-EFGH-IJKL-MNO1", null], // 1 is not a base32 digit
    ["123456", null],
    ["", null],
  ])("normalizeRecoveryCode(%j) = %j", (input, expected) => expect(normalizeRecoveryCode(input)).toBe(expected));

  it("formats recovery codes in groups of four", () => {
    expect(formatRecoveryCode("ABCDEFGHIJKLMNOP")).toBe("ABCD-EFGH-IJKL-MNOP");
    expect(normalizeRecoveryCode(formatRecoveryCode("ABCDEFGHIJKLMNOP"))).toBe("ABCDEFGHIJKLMNOP");
  });
});

describe("keys", () => {
  it("round-trips a 20-byte key through base32, also as displayed in groups", () => {
    const key = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    const base32 = encodeTotpKey(key);
    expect(base32).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeTotpKey(base32)).toEqual(key);
    expect(decodeTotpKey(groupForDisplay(base32).toLowerCase())).toEqual(key);
  });

  it.each(["", "not base32!", "AAAA", encodeTotpKey(new Uint8Array(10))])("refuses %j as a key", (input) => {
    expect(decodeTotpKey(input)).toBeNull();
  });

  it("builds an otpauth URI for authenticator apps", () => {
    const uri = totpKeyUri("ratsbuero@norderstedt.quaestio.example", RFC_KEY);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Quaestio:ratsbuero%40norderstedt\.quaestio\.example\?/);
    const params = new URL(uri).searchParams;
    expect(params.get("secret")).toBe(encodeTotpKey(RFC_KEY));
    expect(params.get("issuer")).toBe("Quaestio");
    expect(params.get("digits")).toBe("6");
    expect(params.get("period")).toBe("30");
  });
});
