/**
 * Account self-service: change one's password, reset a forgotten one by e-mail, list and end one's own
 * sessions. Reset tokens are 256 bits of CSPRNG output; only their SHA-256 is stored (user_tokens, purpose
 * password_reset), they are valid for 60 minutes and only once, and using one ends every session of the account.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, desc, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import { sessions, userTokens, users } from "../../../db/schema";
import { describeDevice } from "../../domain/device";
import { passwordProblemMessage } from "../../domain/password-policy";
import { accountsText as t } from "../../domain/texts/accounts";
import { clearedCookie, sessionCookie, signOut, type CurrentUser } from "./auth.server";
import { publicOrigin } from "../core/config.server";
import { getDb } from "../core/db.server";
import { recordUserEvent } from "../core/events.server";
import { nudgeOutboxWorker } from "../notifications/outbox-worker.server";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.server";
import { resetBucket, takeToken, takeTokens } from "../core/rate-limit.server";
import { INACTIVITY_TIMEOUT_MS, createSession } from "./sessions.server";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
const RESET_IP_POLICY = { capacity: 10, refillSeconds: 60 };
const RESET_EMAIL_POLICY = { capacity: 3, refillSeconds: 300 };
const CHANGE_POLICY = { capacity: 5, refillSeconds: 60 };

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * A link (reset, invitation) that can still be used: of its purpose, not used, not expired at `now` — and, given
 * the link's token, that link.
 */
export function usableToken(purpose: (typeof userTokens.$inferSelect)["purpose"], now: Date, token?: string): SQL {
  return and(
    token === undefined ? undefined : eq(userTokens.tokenHash, hashToken(token)),
    eq(userTokens.purpose, purpose),
    isNull(userTokens.usedAt),
    gt(userTokens.expiresAt, now),
  )!;
}

function newToken(): string {
  const bytes = new Uint8Array(32); // 256 bits
  crypto.getRandomValues(bytes);
  return encodeBase64urlNoPadding(bytes);
}

/** Tokens are base64url of 32 bytes; anything else is not worth a database lookup. */
function plausibleToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

// ---- password reset ---------------------------------------------------------------------------------------

export type ResetRequestResult = { ok: true } | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Always answers the same for known and unknown addresses, and takes the same time: one statement spends
 * earlier links, stores the new token, writes the event and queues the mail for the active account with that
 * address — for an unknown or inactive address the very same statement runs and changes no row. (Branching on
 * the account before writing made a known address measurably slower.) The mail goes out through the outbox.
 * A filled honeypot (a field people never see) marks a bot: it gets the same answer and nothing happens.
 */
export async function requestPasswordReset(input: {
  email: string;
  clientIp: string;
  honeypot?: string;
}): Promise<ResetRequestResult> {
  if (input.honeypot) return { ok: true };
  const db = await getDb();
  const email = input.email.trim().toLowerCase();
  const limited = await takeTokens(db, [
    { key: `reset:ip:${input.clientIp}`, policy: RESET_IP_POLICY },
    { key: `reset:account:${email}`, policy: RESET_EMAIL_POLICY },
  ]);
  if (!limited.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds };

  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
  const link = `${publicOrigin()}/passwort-neu/${token}`;
  // Data-modifying CTEs see one snapshot: the update spends only the links that existed before this one.
  await db.execute(sql`
    with account as (
      select id, email from users where email = ${email} and active
    ), spent as (
      update user_tokens set used_at = ${now.toISOString()}::timestamptz
      where user_id in (select id from account) and purpose = 'password_reset' and used_at is null
    ), token as (
      insert into user_tokens (purpose, token_hash, user_id, email, created_at, expires_at)
      select 'password_reset', ${hashToken(token)}, id, email, ${now.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz from account
      returning user_id, email
    ), event as (
      insert into events (aggregate_type, aggregate_id, type, payload)
      select 'user', user_id, 'password_reset_requested', ${JSON.stringify({ ip: input.clientIp })}::jsonb from token
      returning id, aggregate_id
    )
    insert into outbox (recipient, subject, body_text, event_id)
    select token.email, ${t.mail.resetSubject}, ${t.mail.resetBody(link)}, event.id
    from token join event on event.aggregate_id = token.user_id`);
  nudgeOutboxWorker();
  return { ok: true };
}

/** The account a reset link is for, while the link is unused and unexpired; null otherwise. */
export async function findResetToken(token: string, now = new Date()): Promise<{ email: string } | null> {
  if (!plausibleToken(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, active: users.active })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(usableToken("password_reset", now, token))
    .limit(1);
  return row && row.active ? { email: row.email } : null;
}

export type CompleteResetResult =
  | { ok: true }
  | { ok: false; reason: "invalid_token" }
  | { ok: false; reason: "invalid_password"; errors: { password?: string; passwordRepeat?: string } };

export async function completePasswordReset(input: {
  token: string;
  password: string;
  passwordRepeat: string;
  clientIp: string;
  now?: Date;
}): Promise<CompleteResetResult> {
  const now = input.now ?? new Date();
  const account = await findResetToken(input.token, now);
  if (!account) return { ok: false, reason: "invalid_token" };
  const problem = passwordProblem(input.password, account.email);
  if (problem) return { ok: false, reason: "invalid_password", errors: { password: passwordProblemMessage(problem) } };
  if (input.password !== input.passwordRepeat) {
    return { ok: false, reason: "invalid_password", errors: { passwordRepeat: t.account.repeatMismatch } };
  }
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    // The conditional update is the single-use check: of two concurrent uses only one gets the row.
    const [spent] = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(usableToken("password_reset", now, input.token))
      .returning({ userId: userTokens.userId, email: userTokens.email });
    if (!spent?.userId) return null;
    await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, spent.userId), eq(users.active, true)));
    await tx.delete(sessions).where(eq(sessions.userId, spent.userId));
    await recordUserEvent(tx, spent.userId, "password_reset", { ip: input.clientIp, sessionsEnded: true });
    return spent;
  });
  if (!done) return { ok: false, reason: "invalid_token" };
  // Whoever could not sign in before may now do so with the new password.
  await resetBucket(db, `signin:account:${done.email}`);
  return { ok: true };
}

// ---- change password --------------------------------------------------------------------------------------

export type ChangePasswordResult =
  | { ok: true; setCookie: string }
  | {
      ok: false;
      status: 400 | 429;
      errors: { currentPassword?: string; newPassword?: string; newPasswordRepeat?: string; form?: string };
      retryAfterSeconds?: number;
    };

/**
 * Changes the signed-in user's password. Every session ends; this browser continues in a fresh session
 * (new id and secret, same second-factor state), whose cookie the result carries.
 */
export async function changePassword(
  request: Request,
  user: CurrentUser,
  input: { currentPassword: string; newPassword: string; newPasswordRepeat: string; clientIp: string },
): Promise<ChangePasswordResult> {
  const db = await getDb();
  const limit = await takeToken(db, `password_change:account:${user.id}`, CHANGE_POLICY);
  if (!limit.allowed) {
    return {
      ok: false,
      status: 429,
      errors: { form: t.account.rateLimited(limit.retryAfterSeconds) },
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1);
  if (!row) return { ok: false, status: 400, errors: { currentPassword: t.account.currentPasswordWrong } };
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await recordUserEvent(db, user.id, "password_change_failed", { ip: input.clientIp });
    return { ok: false, status: 400, errors: { currentPassword: t.account.currentPasswordWrong } };
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) return { ok: false, status: 400, errors: { newPassword: passwordProblemMessage(problem) } };
  if (input.newPassword === input.currentPassword)
    return { ok: false, status: 400, errors: { newPassword: t.account.sameAsCurrent } };
  if (input.newPassword !== input.newPasswordRepeat)
    return { ok: false, status: 400, errors: { newPasswordRepeat: t.account.repeatMismatch } };

  const passwordHash = await hashPassword(input.newPassword);
  const session = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordUserEvent(tx, user.id, "password_changed", { ip: input.clientIp });
    return createSession(tx, user.id, {
      userAgent: request.headers.get("User-Agent"),
      ipAddress: input.clientIp,
      mfaVerified: user.mfaVerified,
    });
  });
  await resetBucket(db, `password_change:account:${user.id}`);
  return { ok: true, setCookie: sessionCookie(request, session.token, session.expiresAt) };
}

// ---- own sessions -----------------------------------------------------------------------------------------

export interface OwnSession {
  id: string;
  device: string;
  ipAddress: string | null;
  createdAt: Date;
  lastActiveAt: Date;
  current: boolean;
}

/** The signed-in user's live sessions, most recently active first. */
export async function listOwnSessions(user: CurrentUser, now = new Date()): Promise<OwnSession[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, user.id),
        gt(sessions.expiresAt, now),
        gt(sessions.lastActiveAt, new Date(now.getTime() - INACTIVITY_TIMEOUT_MS)),
      ),
    )
    .orderBy(desc(sessions.lastActiveAt));
  return rows.map((s) => ({
    id: s.id,
    device: describeDevice(s.userAgent),
    ipAddress: s.ipAddress,
    createdAt: s.createdAt,
    lastActiveAt: s.lastActiveAt,
    current: s.id === user.sessionId,
  }));
}

/**
 * Ends one of the user's own sessions. Another user's session id answers 404 as if it did not exist. Ending
 * the current session signs out: the result then carries the cookie that clears it.
 */
export async function revokeOwnSession(
  request: Request,
  user: CurrentUser,
  sessionId: string,
): Promise<{ setCookie?: string }> {
  if (sessionId === user.sessionId) return { setCookie: await signOut(request) };
  const db = await getDb();
  const found = await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id)))
      .returning({ id: sessions.id });
    if (!deleted) return false;
    // The public id only; the secret never leaves the cookie.
    await recordUserEvent(tx, user.id, "session_revoked", { sessionId: deleted.id.slice(0, 8) });
    return true;
  });
  if (!found) throw new Response(null, { status: 404 });
  return {};
}

/** Ends every session of the user, this one included; returns the cookie that clears this browser's. */
export async function signOutEverywhere(request: Request, user: CurrentUser): Promise<string> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordUserEvent(tx, user.id, "signed_out_everywhere", {});
  });
  return clearedCookie(request);
}
