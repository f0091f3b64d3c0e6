/**
 * The second factor: TOTP enrolment, checking a code (or a one-time recovery code) after the password, and
 * switching it off where the role allows. Every change is an audit event in the same transaction; passing
 * the second factor replaces the session by a new one.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { renderSVG } from "uqr";
import { recoveryCodes, users } from "../../../db/schema";
import { requiresSecondFactor } from "../../domain/policy";
import {
  TOTP_KEY_BYTES,
  checkTotp,
  decodeTotpKey,
  encodeTotpKey,
  formatRecoveryCode,
  groupForDisplay,
  normalizeRecoveryCode,
  normalizeTotpInput,
  totpKeyUri,
} from "../../domain/totp";
import { sessionCookie, type SessionState } from "./auth.server";
import { config } from "../core/config.server";
import { getDb, type Tx } from "../core/db.server";
import { recordUserEvent } from "../core/events.server";
import { resetBucket, takeToken } from "../core/rate-limit.server";
import { markSessionMfaVerified, rotateSession } from "./sessions.server";

export const RECOVERY_CODE_COUNT = 10;
/** How long the user may take between seeing the new key and confirming it with a code. */
const ENROLMENT_VALID_MS = 15 * 60 * 1000;
/** Code attempts per account: 5 at once, then one more per minute (about 5 per 5 minutes). */
const CODE_POLICY = { capacity: 5, refillSeconds: 60 };

// ---- the pending key during enrolment ----------------------------------------------------------------
//
// Between "here is your new key" and "confirm with a code" the key must live somewhere. The sessions table
// has no column for it and user_tokens only allows reset and invitation tokens; writing it into users
// would switch the factor on before it is confirmed. So it travels in a hidden form field, bound to the user
// and an expiry by an HMAC with a server key: the browser already shows the key to its owner, so it is no
// secret from them, but nobody can substitute a key of their choosing or reuse it for another account or
// after 15 minutes. The key comes from QUAESTIO_SECRET; without it each process draws a random one at start,
// which only means that an enrolment begun before a restart (or on another process) has to start over.

const serverKey: Buffer = (() => {
  const configured = config().secret;
  return configured ? Buffer.from(configured, "utf8") : randomBytes(32);
})();

function enrolmentMac(userId: string, secret: string, expiresAtMs: number): Buffer {
  return createHmac("sha256", serverKey).update(`totp-enrolment\n${userId}\n${secret}\n${expiresAtMs}`).digest();
}

function signPendingKey(userId: string, secret: string, expiresAtMs: number): string {
  return `${secret}.${expiresAtMs}.${enrolmentMac(userId, secret, expiresAtMs).toString("base64url")}`;
}

function openPendingKey(userId: string, pending: string, nowMs: number): { secret: string; key: Uint8Array } | null {
  const [secret, expires, mac, ...rest] = pending.split(".");
  if (!secret || !expires || !mac || rest.length > 0 || !/^\d{1,15}$/.test(expires)) return null;
  const expiresAtMs = Number(expires);
  if (expiresAtMs <= nowMs || expiresAtMs > nowMs + ENROLMENT_VALID_MS) return null;
  const expected = enrolmentMac(userId, secret, expiresAtMs);
  const actual = Buffer.from(mac, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const key = decodeTotpKey(secret);
  return key ? { secret, key } : null;
}

export interface Enrolment {
  /** Base32 key in groups of four, for typing it in by hand. */
  secretForDisplay: string;
  /** The otpauth:// URI as a QR code, an SVG data: URL for an <img>. */
  qrCodeDataUrl: string;
  /** Hidden form field round-tripping the signed key. */
  pending: string;
}

/** A new key for the user to add to their app; nothing is stored until it is confirmed. */
export function beginEnrolment(state: SessionState, nowMs = Date.now()): Enrolment {
  const key = new Uint8Array(randomBytes(TOTP_KEY_BYTES));
  return enrolmentFor(state, key, encodeTotpKey(key), nowMs + ENROLMENT_VALID_MS);
}

function enrolmentFor(state: SessionState, key: Uint8Array, secret: string, expiresAtMs: number): Enrolment {
  const svg = renderSVG(totpKeyUri(state.user.email, key), { pixelSize: 5 });
  return {
    secretForDisplay: groupForDisplay(secret),
    qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`,
    pending: signPendingKey(state.user.id, secret, expiresAtMs),
  };
}

/**
 * The enrolment the user already has in their app, after a wrong code (so the page does not show a new key);
 * a fresh one when the pending key is forged, foreign or expired.
 */
export function resumeEnrolment(
  state: SessionState,
  pending: string,
  nowMs = Date.now(),
): { enrolment: Enrolment; expired: boolean } {
  const opened = openPendingKey(state.user.id, pending, nowMs);
  if (!opened) return { enrolment: beginEnrolment(state, nowMs), expired: true };
  const [, expires] = pending.split(".");
  return { enrolment: enrolmentFor(state, opened.key, opened.secret, Number(expires)), expired: false };
}

export interface SecondFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  /** A staff role makes the second factor mandatory. */
  required: boolean;
  unusedRecoveryCodes: number;
}

export async function secondFactorStatus(state: SessionState): Promise<SecondFactorStatus> {
  const db = await getDb();
  const [user] = await db.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, state.user.id));
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, state.user.id), isNull(recoveryCodes.usedAt)));
  return {
    enabled: user?.totpEnabledAt != null,
    enabledAt: user?.totpEnabledAt ?? null,
    required: requiresSecondFactor(state.user.memberships),
    unusedRecoveryCodes: Number(count?.n ?? 0),
  };
}

// ---- recovery codes ------------------------------------------------------------------------------------

function hashRecoveryCode(normalized: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalized)));
}

/** Replaces all recovery codes of the user by fresh ones; returns them formatted, the only time they exist in clear. */
async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    encodeBase32UpperCaseNoPadding(new Uint8Array(randomBytes(10))),
  );
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes.map(formatRecoveryCode);
}

// ---- TOTP with replay protection -----------------------------------------------------------------------

/**
 * Records `step` as used, but only if it is later than the last used step: of two requests racing with the
 * same code, exactly one wins.
 */
async function claimTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const updated = await tx
    .update(users)
    .set({ totpLastUsedStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastUsedStep), lt(users.totpLastUsedStep, step))))
    .returning({ id: users.id });
  return updated.length === 1;
}

type CodeFailure = "malformed" | "wrong" | "replayed";

async function checkAndClaimTotp(
  tx: Tx,
  userId: string,
  input: string,
  nowMs: number,
): Promise<{ ok: true } | { ok: false; reason: CodeFailure }> {
  const [user] = await tx
    .select({ totpSecret: users.totpSecret, totpLastUsedStep: users.totpLastUsedStep })
    .from(users)
    .where(eq(users.id, userId));
  const key = user?.totpSecret ? decodeTotpKey(user.totpSecret) : null;
  if (!key) return { ok: false, reason: "wrong" };
  const result = checkTotp(key, input, nowMs, user!.totpLastUsedStep);
  if (!result.ok) return result;
  return (await claimTotpStep(tx, userId, result.step)) ? { ok: true } : { ok: false, reason: "replayed" };
}

// ---- commands ------------------------------------------------------------------------------------------

export type SecondFactorFailure =
  { ok: false; reason: CodeFailure } | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

interface RequestFacts {
  clientIp: string;
  userAgent: string | null;
}

function requestFacts(request: Request, clientIp: string): RequestFacts {
  return { clientIp, userAgent: request.headers.get("User-Agent") };
}

export type ConfirmEnrolmentResult =
  { ok: true; recoveryCodes: string[] } | SecondFactorFailure | { ok: false; reason: "expired" | "already_enabled" };

/**
 * Confirms the pending key with a code from the app: switches TOTP on, issues recovery codes and counts the
 * current session as verified (see markSessionMfaVerified for why it is not rotated here). The user's other
 * sessions have not passed the new factor and from now on ask for it.
 */
export async function confirmEnrolment(
  state: SessionState,
  input: { pending: string; code: string; clientIp: string },
  nowMs = Date.now(),
): Promise<ConfirmEnrolmentResult> {
  const db = await getDb();
  const userId = state.user.id;
  if (state.user.totpEnabled) return { ok: false, reason: "already_enabled" };
  const pending = openPendingKey(userId, input.pending, nowMs);
  if (!pending) return { ok: false, reason: "expired" };
  if (!normalizeTotpInput(input.code)) return { ok: false, reason: "malformed" };
  const limit = await takeToken(db, `mfa:account:${userId}`, CODE_POLICY);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const check = checkTotp(pending.key, input.code, nowMs, null);
  if (!check.ok) {
    await recordUserEvent(db, userId, "mfa_failed", { ip: input.clientIp, during: "enrolment", reason: check.reason });
    return check;
  }
  const result = await db.transaction(async (tx) => {
    const enabled = await tx
      .update(users)
      .set({ totpSecret: pending.secret, totpEnabledAt: new Date(nowMs), totpLastUsedStep: check.step })
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (enabled.length !== 1) return null;
    const codes = await issueRecoveryCodes(tx, userId);
    await recordUserEvent(tx, userId, "mfa_enabled", { ip: input.clientIp, method: "totp" });
    await markSessionMfaVerified(tx, state.user.sessionId);
    return { codes };
  });
  if (!result) return { ok: false, reason: "already_enabled" };
  await resetBucket(db, `mfa:account:${userId}`);
  return { ok: true, recoveryCodes: result.codes };
}

export type VerifySecondFactorResult =
  { ok: true; setCookie: string; method: "totp" | "recovery_code" } | SecondFactorFailure;

/**
 * After the password: a TOTP code (each time step once) or an unused recovery code (once) marks the session
 * as having passed the second factor — by replacing it with a new session, the old token becomes worthless.
 */
export async function verifySecondFactor(
  request: Request,
  state: SessionState,
  input: { code: string; clientIp: string },
  nowMs = Date.now(),
): Promise<VerifySecondFactorResult> {
  const db = await getDb();
  const userId = state.user.id;
  const totpCode = normalizeTotpInput(input.code);
  const recoveryCode = totpCode ? null : normalizeRecoveryCode(input.code);
  if (!totpCode && !recoveryCode) return { ok: false, reason: "malformed" };
  const limit = await takeToken(db, `mfa:account:${userId}`, CODE_POLICY);
  if (!limit.allowed) {
    await recordUserEvent(db, userId, "mfa_failed", { ip: input.clientIp, reason: "rate_limited" });
    return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const facts = requestFacts(request, input.clientIp);
  const outcome = await db.transaction(async (tx) => {
    if (totpCode) {
      const check = await checkAndClaimTotp(tx, userId, totpCode, nowMs);
      if (!check.ok) return check;
    } else {
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: new Date(nowMs) })
        .where(
          and(
            eq(recoveryCodes.userId, userId),
            eq(recoveryCodes.codeHash, hashRecoveryCode(recoveryCode!)),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      if (used.length !== 1) return { ok: false as const, reason: "wrong" as const };
      await recordUserEvent(tx, userId, "recovery_code_used", { ip: input.clientIp, recoveryCodeId: used[0]!.id });
    }
    const method = totpCode ? ("totp" as const) : ("recovery_code" as const);
    await recordUserEvent(tx, userId, "mfa_verified", { ip: input.clientIp, method });
    const session = await rotateSession(tx, state.user.sessionId, userId, {
      ...facts,
      ipAddress: facts.clientIp,
      mfaVerified: true,
    });
    return { ok: true as const, session, method };
  });
  if (!outcome.ok) {
    await recordUserEvent(db, userId, "mfa_failed", {
      ip: input.clientIp,
      reason: outcome.reason,
      method: totpCode ? "totp" : "recovery_code",
    });
    return outcome;
  }
  await resetBucket(db, `mfa:account:${userId}`);
  return {
    ok: true,
    method: outcome.method,
    setCookie: sessionCookie(request, outcome.session.token, outcome.session.expiresAt),
  };
}

export type DisableSecondFactorResult =
  { ok: true } | SecondFactorFailure | { ok: false; reason: "not_allowed" | "not_enabled" };

/** Switching the second factor off: only where no role requires it, and only with a current code. */
export async function disableSecondFactor(
  state: SessionState,
  input: { code: string; clientIp: string },
  nowMs = Date.now(),
): Promise<DisableSecondFactorResult> {
  if (requiresSecondFactor(state.user.memberships)) return { ok: false, reason: "not_allowed" };
  if (!state.user.totpEnabled) return { ok: false, reason: "not_enabled" };
  const totpCode = normalizeTotpInput(input.code);
  if (!totpCode) return { ok: false, reason: "malformed" };
  const db = await getDb();
  const userId = state.user.id;
  const limit = await takeToken(db, `mfa:account:${userId}`, CODE_POLICY);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const outcome = await db.transaction(async (tx) => {
    const check = await checkAndClaimTotp(tx, userId, totpCode, nowMs);
    if (!check.ok) return check;
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null })
      .where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await recordUserEvent(tx, userId, "mfa_disabled", { ip: input.clientIp });
    return { ok: true as const };
  });
  if (!outcome.ok) {
    await recordUserEvent(db, userId, "mfa_failed", { ip: input.clientIp, during: "disable", reason: outcome.reason });
  }
  return outcome;
}
