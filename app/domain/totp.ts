/**
 * Time-based one-time passwords (RFC 6238) as the second factor: 6 digits, 30-second steps, accepted for the
 * current step and one step either side (clock drift), and — replay protection — only for a step later than
 * the last step this account has used. Pure: the caller passes the clock and the last used step.
 */
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted before and after the current one. */
export const TOTP_WINDOW = 1;
/** 160 bits, the key length RFC 4226 recommends and authenticator apps expect. */
export const TOTP_KEY_BYTES = 20;

export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

export function totpCodeForStep(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), TOTP_DIGITS);
}

/** Accepts what people type: spaces and a dash in the middle ("123 456", "123-456"). */
export function normalizeTotpInput(input: string): string | null {
  const code = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "malformed" | "wrong" | "replayed" };

function constantTimeEqualStrings(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Checks `input` against the steps around `nowMs`. A code that matches only a step at or before
 * `lastUsedStep` is a replay (someone saw it, or it was already used) and is refused as such.
 * The caller must still record the returned step atomically (see mfa.server.ts), because two requests with
 * the same fresh code may be checked at the same time.
 */
export function checkTotp(key: Uint8Array, input: string, nowMs: number, lastUsedStep: number | null): TotpCheck {
  const code = normalizeTotpInput(input);
  if (!code) return { ok: false, reason: "malformed" };
  const current = timeStep(nowMs);
  let replayed = false;
  // Latest step first, so that a code valid for a fresh step is never reported as a replay.
  for (let step = current + TOTP_WINDOW; step >= current - TOTP_WINDOW; step--) {
    if (!constantTimeEqualStrings(totpCodeForStep(key, step), code)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) {
      replayed = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: replayed ? "replayed" : "wrong" };
}

export function encodeTotpKey(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key);
}

export function decodeTotpKey(base32: string): Uint8Array | null {
  try {
    const key = decodeBase32IgnorePadding(base32.replace(/\s/g, "").toUpperCase());
    return key.length === TOTP_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpKeyUri(accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI("Quaestio", accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** Base32 for display in groups of four, as authenticator apps show it. */
export function groupForDisplay(base32: string): string {
  return base32.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Recovery codes: 16 base32 characters (80 bits, so that their stored SHA-256 cannot be brute-forced offline),
 * printed as "XXXX-XXXX-XXXX-XXXX"; accept lower case, spaces and missing dashes.
 */
export const RECOVERY_CODE_LENGTH = 16;

export function normalizeRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return code.length === RECOVERY_CODE_LENGTH && /^[A-Z2-7]+$/.test(code) ? code : null;
}

export function formatRecoveryCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}
