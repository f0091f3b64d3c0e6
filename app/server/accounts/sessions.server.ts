/**
 * Sessions as the Lucia project's current guide prescribes (the `lucia` package is end-of-life; see
 * docs/decisions/0002): the cookie carries "<id>.<secret>": a 120-bit id to look the row up and a separate 256-bit secret, both
 * CSPRNG output in base32; only the SHA-256 of the secret is stored, compared in constant time. Sessions end
 * after inactivity or at an absolute lifetime, whichever comes first. A new session (new id and secret) is
 * created on sign-in, on passing the second factor and on privilege change, never upgraded in place.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, sql, type Placeholder } from "drizzle-orm";
import { bodies, memberships, organizations, sessions, users } from "../../../db/schema";
import { config } from "../core/config.server";
import type { Db, Tx } from "../core/db.server";

export const INACTIVITY_TIMEOUT_MS = 2 * 60 * 60 * 1000; // 2 hours
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000; // 12 hours
const ACTIVITY_WRITE_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
}

/** One of the user's roles, with the names the pages show. */
export interface SessionMembership {
  bodyId: string;
  organizationId: string;
  role: string;
  bodySlug: string;
  bodyName: string;
  /** The body's time zone ("today" on the dashboards). */
  bodyTimeZone: string;
  organizationName: string;
}

export interface ValidSession {
  sessionId: string;
  user: SessionUser;
  /** The user's memberships, read in the same statement as the session (one statement per signed-in request). */
  memberships: SessionMembership[];
  /** The second factor was checked for this session. */
  mfaVerified: boolean;
  /** The user has a confirmed TOTP second factor. */
  totpEnabled: boolean;
}

const SESSION_ID_BYTES = 15; // 120 bits: only has to be unique, it is not the credential
const SESSION_SECRET_BYTES = 32; // 256 bits: the credential

function randomToken(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export async function createSession(
  db: Db | Tx,
  userId: string,
  options: { userAgent?: string | null; ipAddress?: string | null; mfaVerified?: boolean; now?: Date } = {},
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const id = randomToken(SESSION_ID_BYTES);
  const secret = randomToken(SESSION_SECRET_BYTES);
  const expiresAt = new Date(now.getTime() + ABSOLUTE_LIFETIME_MS);
  await db.insert(sessions).values({
    id,
    secretHash: encodeHexLowerCase(hashSecret(secret)),
    userId,
    mfaVerified: options.mfaVerified ?? false,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
    ipAddress: options.ipAddress?.slice(0, 100) ?? null,
    createdAt: now,
    lastActiveAt: now,
    expiresAt,
  });
  return { token: `${id}.${secret}`, sessionId: id, expiresAt };
}

/**
 * The session, its user and the user's memberships in one statement: one row per membership (one row with null
 * membership columns for a user without any). `id` is the session id, or a placeholder for the prepared form.
 */
function selectSession(db: Db | Tx, id: string | Placeholder<"id">) {
  return db
    .select({
      session: sessions,
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        active: users.active,
        totpEnabledAt: users.totpEnabledAt,
      },
      membership: {
        bodyId: memberships.bodyId,
        organizationId: memberships.organizationId,
        role: memberships.role,
        bodySlug: bodies.slug,
        bodyName: bodies.name,
        bodyTimeZone: bodies.timeZone,
        organizationName: organizations.name,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.userId, sessions.userId))
    .leftJoin(bodies, eq(bodies.id, memberships.bodyId))
    .leftJoin(
      organizations,
      and(eq(organizations.id, memberships.organizationId), eq(organizations.bodyId, memberships.bodyId)),
    )
    .where(eq(sessions.id, id));
}

type PreparedSessionLookup = ReturnType<ReturnType<typeof selectSession>["prepare"]>;

/** The lookup built once per database handle (a transaction gets its own), not on every signed-in request. */
const preparedLookups = new WeakMap<Db | Tx, PreparedSessionLookup>();

/**
 * Every signed-in request reads its session: drizzle builds the statement once per database handle, and on
 * PostgreSQL it runs as a named prepared statement of the connection, unless DATABASE_PREPARED_STATEMENTS=0
 * (docs/decisions/0025-the-cost-of-one-uncached-render.md).
 */
function sessionLookup(db: Db | Tx, id: string) {
  if (!config().preparedStatements) return selectSession(db, id);
  let prepared = preparedLookups.get(db);
  if (!prepared) {
    prepared = selectSession(db, sql.placeholder("id")).prepare("session_lookup");
    preparedLookups.set(db, prepared);
  }
  return prepared.execute({ id });
}

export async function validateSessionToken(db: Db, token: string, now = new Date()): Promise<ValidSession | null> {
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return null;
  const rows = await sessionLookup(db, id);
  const row = rows[0];
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
    memberships: rows.flatMap(({ membership: m }) => {
      if (!m?.bodyId || !m.organizationId || !m.role || !m.bodySlug || !m.bodyName || !m.bodyTimeZone) return [];
      if (m.organizationName === null) return [];
      const { bodyId, organizationId, role, bodySlug, bodyName, bodyTimeZone, organizationName } = m;
      return [{ bodyId, organizationId, role, bodySlug, bodyName, bodyTimeZone, organizationName }];
    }),
    mfaVerified: row.session.mfaVerified,
    totpEnabled: row.user.totpEnabledAt !== null,
  };
}

/**
 * Replaces a session by a new one (new id, new secret) for the same user and deletes the old one, so that a
 * token that was valid before a privilege step (second factor passed) is worthless afterwards.
 */
export async function rotateSession(
  db: Db,
  oldSessionId: string,
  userId: string,
  options: { userAgent?: string | null; ipAddress?: string | null; mfaVerified: boolean; now?: Date },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, oldSessionId));
    return createSession(tx, userId, options);
  });
}

/**
 * Marks the session as having passed the second factor without a new token. Only for confirming a newly set
 * up factor: that session was created at sign-in moments before (so no token from before the sign-in can
 * be riding on it), and the page must show the one-time recovery codes in the very response to a plain form
 * POST, in which Remix runs the loaders with the request's original cookie. Passing the second factor at
 * sign-in rotates instead (rotateSession).
 */
export async function markSessionMfaVerified(db: Db | Tx, sessionId: string): Promise<void> {
  await db.update(sessions).set({ mfaVerified: true }).where(eq(sessions.id, sessionId));
}

export async function invalidateSession(db: Db | Tx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * On a privilege change (role granted or withdrawn, account deactivated, second factor reset) every session
 * of the user ends; the next request signs in afresh and gets a session that reflects the new rights.
 */
export async function rotateSessionsForUser(db: Db | Tx, userId: string): Promise<void> {
  await invalidateAllSessions(db, userId);
}
