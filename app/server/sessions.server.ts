/**
 * Sessions as the Lucia project's current guide prescribes (the `lucia` package is end-of-life; see
 * docs/decisions/0002): the cookie carries "<id>.<secret>", each 120 bits of CSPRNG output in base32; only the
 * SHA-256 of the secret is stored, compared in constant time. Sessions end after inactivity or at an absolute
 * lifetime, whichever comes first.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { sessions, users } from "../../db/schema";
import type { Db } from "./db.server";

export const INACTIVITY_TIMEOUT_MS = 2 * 60 * 60 * 1000; // 2 hours
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000; // 12 hours
const ACTIVITY_WRITE_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
}

export interface ValidSession {
  sessionId: string;
  user: SessionUser;
  mfaVerified: boolean;
}

function randomToken(): string {
  const bytes = new Uint8Array(15); // 120 bits
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export async function createSession(
  db: Db,
  userId: string,
  options: { userAgent?: string | null; mfaVerified?: boolean; now?: Date } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const id = randomToken();
  const secret = randomToken();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_LIFETIME_MS);
  await db.insert(sessions).values({
    id,
    secretHash: encodeHexLowerCase(hashSecret(secret)),
    userId,
    mfaVerified: options.mfaVerified ?? false,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastActiveAt: now,
    expiresAt,
  });
  return { token: `${id}.${secret}`, expiresAt };
}

export async function validateSessionToken(db: Db, token: string, now = new Date()): Promise<ValidSession | null> {
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return null;
  const [row] = await db
    .select({ session: sessions, user: { id: users.id, email: users.email, displayName: users.displayName, active: users.active } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;
  const expected = new TextEncoder().encode(row.session.secretHash);
  const actual = new TextEncoder().encode(encodeHexLowerCase(hashSecret(secret)));
  if (!constantTimeEqual(expected, actual)) return null;
  const inactiveFor = now.getTime() - row.session.lastActiveAt.getTime();
  if (!row.user.active || now >= row.session.expiresAt || inactiveFor >= INACTIVITY_TIMEOUT_MS) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (inactiveFor >= ACTIVITY_WRITE_INTERVAL_MS) {
    await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, id));
  }
  return {
    sessionId: id,
    user: { id: row.user.id, email: row.user.email, displayName: row.user.displayName },
    mfaVerified: row.session.mfaVerified,
  };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
