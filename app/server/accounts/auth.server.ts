/**
 * Sign-in, sign-out and the current user, on top of sessions.server.ts. Routes call these; they never read
 * cookies or tables themselves.
 *
 * A session passes through up to two states before it counts as signed in:
 * - password checked, second factor pending (the user has TOTP and has not entered a code yet) — only
 *   /anmelden/zweiter-faktor and /abmelden work;
 * - password checked, but the user's role requires a second factor they have not set up — only
 *   /konto/zweiter-faktor and /abmelden work.
 * getCurrentUser() and requireUser() see a user only when neither applies.
 */
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { memberships, users } from "../../../db/schema";
import { requiresSecondFactor, type MembershipFact, type Role } from "../../domain/policy";
import { safeRedirectPath } from "../../domain/redirects";
export { safeRedirectPath };
import { getDb, type Db } from "../core/db.server";
import { requestMemo } from "../core/request-scope.server";
import { recordUserEvent } from "../core/events.server";
import { verifyPassword } from "./passwords.server";
import { takeTokens, resetBucket } from "../core/rate-limit.server";
import { createSession, invalidateSession, validateSessionToken, type SessionUser } from "./sessions.server";

const PLAIN_COOKIE = "quaestio_session";
const HOST_COOKIE = "__Host-quaestio_session";

/** Every response that depends on who is signed in must not be stored by browsers or proxies. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function cookieName(request: Request): string {
  return isHttps(request) ? HOST_COOKIE : PLAIN_COOKIE;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  const name = cookieName(request);
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) {
      try {
        return decodeURIComponent(value.join("="));
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${cookieName(request)}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedCookie(request: Request): string {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${cookieName(request)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

export interface CurrentUser extends SessionUser {
  sessionId: string;
  /** The second factor was checked in this session. */
  mfaVerified: boolean;
  /** The user has a confirmed TOTP second factor. */
  totpEnabled: boolean;
  memberships: Array<
    MembershipFact & { bodySlug: string; bodyName: string; bodyTimeZone: string; organizationName: string }
  >;
}

export interface SessionState {
  user: CurrentUser;
  /** The user has TOTP, but this session has not passed it yet. */
  secondFactorPending: boolean;
  /** A staff role requires a second factor that the user has not set up yet. */
  enrolmentRequired: boolean;
}

/** The user's roles, for the sign-in's decision whether a second factor is required. */
async function membershipsOf(db: Db, userId: string): Promise<MembershipFact[]> {
  const rows = await db
    .select({ bodyId: memberships.bodyId, organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/**
 * The session the request carries, in whatever state it is; null without a valid session. Read once per GET
 * (the root loader and the page's loader share it, core/request-scope.server.ts); a POST reads it afresh each
 * time, because its action may have changed the session (second factor passed, sign-out) before the loaders run.
 */
export function getSessionState(request: Request): Promise<SessionState | null> {
  const token = readSessionToken(request);
  if (!token) return Promise.resolve(null);
  if (request.method !== "GET" && request.method !== "HEAD") return readSessionState(token);
  return requestMemo(`session ${token}`, () => readSessionState(token));
}

async function readSessionState(token: string): Promise<SessionState | null> {
  const db = await getDb();
  // One statement: the session, its user and the user's memberships (sessions.server.ts).
  const session = await validateSessionToken(db, token);
  if (!session) return null;
  const user: CurrentUser = {
    ...session.user,
    sessionId: session.sessionId,
    mfaVerified: session.mfaVerified,
    totpEnabled: session.totpEnabled,
    memberships: session.memberships.map((m) => ({ ...m, role: m.role as Role })),
  };
  const secondFactorPending = session.totpEnabled && !session.mfaVerified;
  const enrolmentRequired = !session.totpEnabled && requiresSecondFactor(user.memberships);
  return { user, secondFactorPending, enrolmentRequired };
}

/** The fully signed-in user (password and, where set up or required, second factor), else null. */
export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const state = await getSessionState(request);
  if (!state || state.secondFactorPending || state.enrolmentRequired) return null;
  return state.user;
}

function here(request: Request): string {
  const url = new URL(request.url);
  return encodeURIComponent(url.pathname + url.search);
}

/**
 * For staff pages: the fully signed-in user, or a redirect to where the missing step happens (sign-in,
 * second factor, or setting up the second factor a staff role requires), coming back here afterwards.
 */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const state = await getSessionState(request);
  if (!state) throw redirect(`/anmelden?weiter=${here(request)}`, { headers: NO_STORE });
  if (state.secondFactorPending)
    throw redirect(`/anmelden/zweiter-faktor?weiter=${here(request)}`, { headers: NO_STORE });
  if (state.enrolmentRequired) throw redirect(`/konto/zweiter-faktor?weiter=${here(request)}`, { headers: NO_STORE });
  return state.user;
}

/**
 * For setting up the second factor: a session whose password was checked and that has passed the second
 * factor if the user already has one. A staff user without a second factor gets through (that is the point).
 */
export async function requireUserForEnrolment(request: Request): Promise<SessionState> {
  const state = await getSessionState(request);
  if (!state) throw redirect(`/anmelden?weiter=${here(request)}`, { headers: NO_STORE });
  if (state.secondFactorPending)
    throw redirect(`/anmelden/zweiter-faktor?weiter=${here(request)}`, { headers: NO_STORE });
  return state;
}

/**
 * For /anmelden/zweiter-faktor: a session whose password was checked and whose second factor is still
 * pending. Without a session back to the sign-in page; a session that needs no code goes on to `next`.
 */
export async function requirePendingSecondFactor(request: Request, next: string): Promise<SessionState> {
  const state = await getSessionState(request);
  if (!state) throw redirect(`/anmelden?weiter=${encodeURIComponent(next)}`, { headers: NO_STORE });
  if (!state.secondFactorPending) throw redirect(next, { headers: NO_STORE });
  return state;
}

export type SignInResult =
  | { ok: true; setCookie: string; next: "second_factor" | "enrol" | "done" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const IP_POLICY = { capacity: 20, refillSeconds: 30 };
const ACCOUNT_POLICY = { capacity: 5, refillSeconds: 60 };

export async function signIn(
  request: Request,
  input: { email: string; password: string; clientIp: string },
): Promise<SignInResult> {
  const db = await getDb();
  const email = input.email.trim().toLowerCase();
  const limited = await takeTokens(db, [
    { key: `signin:ip:${input.clientIp}`, policy: IP_POLICY },
    { key: `signin:account:${email}`, policy: ACCOUNT_POLICY },
  ]);
  if (!limited.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds };
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  // Verify against a hash even for unknown accounts so timing does not reveal which e-mails exist.
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid || !user.active) {
    if (user) {
      await recordUserEvent(db, user.id, "sign_in_failed", { ip: input.clientIp }, null);
    }
    return { ok: false, reason: "invalid" };
  }
  await resetBucket(db, `signin:account:${email}`);
  // Session fixation: whatever session the browser carried before (planted or left over) ends here; the
  // signed-in session always gets a fresh id and secret.
  const carried = readSessionToken(request);
  if (carried) {
    const previous = await validateSessionToken(db, carried);
    if (previous) await invalidateSession(db, previous.sessionId);
  }
  const totpEnabled = user.totpEnabledAt !== null;
  const next = totpEnabled
    ? "second_factor"
    : requiresSecondFactor(await membershipsOf(db, user.id))
      ? "enrol"
      : "done";
  const { token, expiresAt } = await db.transaction(async (tx) => {
    const created = await createSession(tx, user.id, {
      userAgent: request.headers.get("User-Agent"),
      ipAddress: input.clientIp,
    });
    await recordUserEvent(tx, user.id, "signed_in", {
      ip: input.clientIp,
      secondFactor: next === "second_factor" ? "pending" : "none",
    });
    return created;
  });
  return { ok: true, setCookie: sessionCookie(request, token, expiresAt), next };
}

// argon2id hash of a random string nobody knows; used only to equalise timing.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$FptPZ8AnbSqDrj65TagjVg$8fqGsTvlwKrHy4WOGGEvvJJ/fIwT7FpGW4ezlM9xocs";

/** Ends the request's session in whatever state it is (also half signed-in ones). */
export async function signOut(request: Request): Promise<string> {
  const state = await getSessionState(request);
  if (state) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await invalidateSession(tx, state.user.sessionId);
      await recordUserEvent(tx, state.user.id, "signed_out", {});
    });
  }
  return clearedCookie(request);
}

/** Refuses state-changing requests from another origin (CSRF). */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site === "cross-site") throw new Response("Anfrage von fremder Herkunft abgelehnt.", { status: 403 });
  const origin = request.headers.get("Origin");
  // "null" (sandboxed or opaque origins) is foreign too.
  if (origin && origin !== new URL(request.url).origin) {
    throw new Response("Anfrage von fremder Herkunft abgelehnt.", { status: 403 });
  }
}
