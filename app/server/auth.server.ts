/**
 * Sign-in, sign-out and the current user, on top of sessions.server.ts. Routes call these; they never read
 * cookies or tables themselves.
 */
import { redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { bodies, events, memberships, organizations, users } from "../../db/schema";
import type { MembershipFact, Role } from "../domain/policy";
export { safeRedirectPath } from "../domain/redirects";
import { getDb } from "./db.server";
import { verifyPassword } from "./passwords.server";
import { takeToken, resetBucket } from "./rate-limit.server";
import { createSession, invalidateSession, validateSessionToken, type SessionUser } from "./sessions.server";

const PLAIN_COOKIE = "quaestio_session";
const HOST_COOKIE = "__Host-quaestio_session";

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function cookieName(request: Request): string {
  return isHttps(request) ? HOST_COOKIE : PLAIN_COOKIE;
}

function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  const name = cookieName(request);
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${cookieName(request)}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

function clearedCookie(request: Request): string {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${cookieName(request)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

export interface CurrentUser extends SessionUser {
  sessionId: string;
  memberships: Array<MembershipFact & { bodySlug: string; bodyName: string; organizationName: string }>;
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  const db = await getDb();
  const session = await validateSessionToken(db, token);
  if (!session) return null;
  const rows = await db
    .select({
      bodyId: memberships.bodyId,
      organizationId: memberships.organizationId,
      role: memberships.role,
      bodySlug: bodies.slug,
      bodyName: bodies.name,
      organizationName: organizations.name,
    })
    .from(memberships)
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .innerJoin(organizations, and(eq(organizations.id, memberships.organizationId), eq(organizations.bodyId, memberships.bodyId)))
    .where(eq(memberships.userId, session.user.id));
  return { ...session.user, sessionId: session.sessionId, memberships: rows.map((r) => ({ ...r, role: r.role as Role })) };
}

/** For staff pages: the user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/anmelden?weiter=${encodeURIComponent(url.pathname + url.search)}`);
}

export type SignInResult =
  | { ok: true; setCookie: string }
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
  const byIp = await takeToken(db, `signin:ip:${input.clientIp}`, IP_POLICY);
  const byAccount = await takeToken(db, `signin:account:${email}`, ACCOUNT_POLICY);
  if (!byIp.allowed || !byAccount.allowed) {
    return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds) };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  // Verify against a hash even for unknown accounts so timing does not reveal which e-mails exist.
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid || !user.active) {
    if (user) {
      await db.insert(events).values({ aggregateType: "user", aggregateId: user.id, type: "sign_in_failed", payload: { ip: input.clientIp } });
    }
    return { ok: false, reason: "invalid" };
  }
  await resetBucket(db, `signin:account:${email}`);
  const { token, expiresAt } = await createSession(db, user.id, { userAgent: request.headers.get("User-Agent") });
  await db.insert(events).values({ aggregateType: "user", aggregateId: user.id, actorUserId: user.id, type: "signed_in", payload: { ip: input.clientIp } });
  return { ok: true, setCookie: sessionCookie(request, token, expiresAt) };
}

// argon2id hash of a random string nobody knows; used only to equalise timing.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$FptPZ8AnbSqDrj65TagjVg$8fqGsTvlwKrHy4WOGGEvvJJ/fIwT7FpGW4ezlM9xocs";

export async function signOut(request: Request): Promise<string> {
  const user = await getCurrentUser(request);
  if (user) {
    const db = await getDb();
    await invalidateSession(db, user.sessionId);
    await db.insert(events).values({ aggregateType: "user", aggregateId: user.id, actorUserId: user.id, type: "signed_out", payload: {} });
  }
  return clearedCookie(request);
}

/** Refuses state-changing requests from another origin (CSRF). */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site === "cross-site") throw new Response("Anfrage von fremder Herkunft abgelehnt.", { status: 403 });
  const origin = request.headers.get("Origin");
  if (origin && origin !== "null" && origin !== new URL(request.url).origin) {
    throw new Response("Anfrage von fremder Herkunft abgelehnt.", { status: 403 });
  }
}
