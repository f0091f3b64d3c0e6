/**
 * Sessions after the Lucia guide, sign-in with rate limits, against a real database on each backend.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { events, memberships, sessions, users } from "../../db/schema";
import { getCurrentUser, getSessionState, requireUser, signIn, signOut } from "../../app/server/accounts/auth.server";
import { resetConfig } from "../../app/server/core/config.server";
import { useDatabase } from "../../app/server/core/db.server";
import { takeToken } from "../../app/server/core/rate-limit.server";
import {
  ABSOLUTE_LIFETIME_MS,
  INACTIVITY_TIMEOUT_MS,
  createSession,
  invalidateSession,
  rotateSessionsForUser,
  validateSessionToken,
} from "../../app/server/accounts/sessions.server";
import { backends, useTestDatabase } from "../support/db";

const EMAIL = "fraktion@norderstedt.quaestio.example";

function requestWithCookie(cookie?: string) {
  return new Request("http://localhost/arbeitsbereich", { headers: cookie ? { Cookie: cookie } : {} });
}

function cookiePair(setCookie: string) {
  return setCookie.split(";")[0]!;
}

describe.each(backends())("sessions and sign-in on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  let userId = "";
  let password = "";

  beforeAll(async () => {
    useDatabase(t.handle);
    const [user] = await t.db.select().from(users).where(eq(users.email, EMAIL));
    userId = user!.id;
    password = t.logins.find((l) => l.email === EMAIL)!.password;
  });

  it("stores only a hash of the session secret and accepts the exact token", async () => {
    const { token } = await createSession(t.db, userId);
    const [id, secret] = token.split(".");
    expect(id!.length).toBeGreaterThanOrEqual(24);
    expect(secret!.length).toBeGreaterThanOrEqual(24);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, id!));
    expect(row!.secretHash).not.toContain(secret!);
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await validateSessionToken(t.db, token))?.user.email).toBe(EMAIL);
    expect(
      await validateSessionToken(t.db, `${id}.${secret!.replace(/.$/, (c) => (c === "a" ? "b" : "a"))}`),
    ).toBeNull();
    expect(await validateSessionToken(t.db, `${id}`)).toBeNull();
    expect(await validateSessionToken(t.db, `${id}.${secret}.x`)).toBeNull();
  });

  it("answers every session with its own user from the prepared lookup, in a transaction and with it off", async () => {
    // Issue 13: the lookup is built once and runs as a prepared statement; PostgreSQL switches to a generic plan
    // after five runs, so each token is checked more often than that, interleaved with the others'.
    const people = await t.db.select({ id: users.id, email: users.email }).from(users).limit(3);
    expect(people.length).toBe(3);
    const tokens = await Promise.all(people.map(async (person) => (await createSession(t.db, person.id)).token));
    const read = async () => {
      const seen: Array<[string, string[]]> = [];
      for (let round = 0; round < 7; round += 1) {
        for (const token of tokens) {
          const session = await validateSessionToken(t.db, token);
          seen.push([session!.user.email, session!.memberships.map((m) => `${m.bodySlug}/${m.role}`).sort()]);
        }
      }
      return seen;
    };
    const prepared = await read();
    expect(prepared.map(([email]) => email)).toEqual(
      Array.from({ length: 7 }, () => people.map((p) => p.email)).flat(),
    );
    const inTransaction = await t.db.transaction(async (tx) =>
      Promise.all(tokens.map(async (token) => (await validateSessionToken(tx, token))?.user.email)),
    );
    expect(inTransaction).toEqual(people.map((p) => p.email));
    const [id] = tokens[0]!.split(".");
    expect(await validateSessionToken(t.db, `${id}.${tokens[1]!.split(".")[1]}`)).toBeNull();

    process.env.DATABASE_PREPARED_STATEMENTS = "0";
    resetConfig();
    try {
      expect(await read()).toEqual(prepared);
    } finally {
      delete process.env.DATABASE_PREPARED_STATEMENTS;
      resetConfig();
    }
  });

  it("reads the user's memberships with the session, and a user without any as none", async () => {
    const { token } = await createSession(t.db, userId);
    const session = await validateSessionToken(t.db, token);
    const rows = await t.db
      .select({ bodyId: memberships.bodyId, organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    expect(rows.length).toBeGreaterThan(0);
    const read = session!.memberships;
    expect(read.map(({ bodyId, organizationId, role }) => ({ bodyId, organizationId, role }))).toEqual(
      expect.arrayContaining(rows),
    );
    expect(read).toHaveLength(rows.length);
    expect(read[0]).toMatchObject({ bodySlug: "norderstedt", bodyTimeZone: "Europe/Berlin" });
    expect(read[0]!.organizationName).not.toBe("");

    const [lonely] = await t.db
      .insert(users)
      .values({ email: "ohne-rolle@example.org", displayName: "Ohne Rolle", passwordHash: "x" })
      .returning({ id: users.id });
    const other = await createSession(t.db, lonely!.id);
    const lonelySession = await validateSessionToken(t.db, other.token);
    expect(lonelySession?.user.email).toBe("ohne-rolle@example.org");
    expect(lonelySession?.memberships).toEqual([]);
  });

  it("ends a session after inactivity and at its absolute lifetime", async () => {
    const start = new Date("2026-11-23T08:00:00Z");
    const idle = await createSession(t.db, userId, { now: start });
    expect(
      await validateSessionToken(t.db, idle.token, new Date(start.getTime() + INACTIVITY_TIMEOUT_MS - 1000)),
    ).not.toBeNull();
    const laterStill = new Date(start.getTime() + 2 * INACTIVITY_TIMEOUT_MS);
    expect(await validateSessionToken(t.db, idle.token, laterStill)).toBeNull();

    const busy = await createSession(t.db, userId, { now: start });
    let now = start.getTime();
    // Active every hour: never idle, but the absolute lifetime still ends it.
    while (now + 60 * 60 * 1000 < start.getTime() + ABSOLUTE_LIFETIME_MS) {
      now += 60 * 60 * 1000;
      expect(await validateSessionToken(t.db, busy.token, new Date(now))).not.toBeNull();
    }
    expect(await validateSessionToken(t.db, busy.token, new Date(start.getTime() + ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it("ends revoked sessions and every session of a deactivated user", async () => {
    const revoked = await createSession(t.db, userId);
    await invalidateSession(t.db, revoked.token.split(".")[0]!);
    expect(await validateSessionToken(t.db, revoked.token)).toBeNull();

    const [other] = await t.db.select().from(users).where(eq(users.email, "ratsbuero@scharnebeck.quaestio.example"));
    const live = await createSession(t.db, other!.id);
    await t.db.update(users).set({ active: false }).where(eq(users.id, other!.id));
    expect(await validateSessionToken(t.db, live.token)).toBeNull();
  });

  it("signs in with the right password, sets a safe cookie and audits the sign-in", async () => {
    const result = await signIn(requestWithCookie(), {
      email: ` ${EMAIL.toUpperCase()} `,
      password,
      clientIp: "198.51.100.1",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setCookie).toMatch(
      /^quaestio_session=[a-z0-9]+\.[a-z0-9]+; Path=\/; HttpOnly; SameSite=Lax; Expires=/,
    );
    const user = await getCurrentUser(requestWithCookie(cookiePair(result.setCookie)));
    expect(user?.email).toBe(EMAIL);
    expect(user?.memberships.map((m) => m.role)).toEqual(["faction_member"]);
    const audit = await t.db.select().from(events).where(eq(events.aggregateId, userId));
    expect(audit.map((e) => e.type)).toContain("signed_in");
  });

  it("uses the __Host- cookie with Secure over HTTPS", async () => {
    const request = new Request("https://quaestio.example/anmelden");
    const result = await signIn(request, { email: EMAIL, password, clientIp: "198.51.100.2" });
    expect(result.ok && result.setCookie).toMatch(
      /^__Host-quaestio_session=.*; Path=\/; HttpOnly; SameSite=Lax; .*; Secure$/,
    );
  });

  it("refuses a wrong password without saying whether the account exists", async () => {
    const wrong = await signIn(requestWithCookie(), {
      email: EMAIL,
      password: "falsch-falsch",
      clientIp: "198.51.100.3",
    });
    const unknown = await signIn(requestWithCookie(), {
      email: "niemand@example.org",
      password: "falsch-falsch",
      clientIp: "198.51.100.3",
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("limits repeated failed sign-ins per account, even with the right password afterwards", async () => {
    const email = "sachbearbeitung@norderstedt.quaestio.example";
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await signIn(requestWithCookie(), { email, password: "falsch-falsch", clientIp: `203.0.113.${i}` }));
    }
    expect(results.slice(0, 5).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    const limited = results[5]!;
    expect(limited.ok === false && limited.reason === "rate_limited" && limited.retryAfterSeconds).toBeGreaterThan(0);
    const correct = await signIn(requestWithCookie(), { email, password, clientIp: "203.0.113.99" });
    expect(correct.ok).toBe(false);
  });

  it("sends a request without a session to the sign-in page and back, and signs out half signed-in sessions", async () => {
    const thrown = await requireUser(requestWithCookie()).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/anmelden?weiter=%2Farbeitsbereich");
    expect((thrown as Response).headers.get("Cache-Control")).toBe("no-store");

    // A staff user who has not set up the second factor yet can still sign out.
    const result = await signIn(requestWithCookie(), {
      email: "ratsbuero@norderstedt.quaestio.example",
      password,
      clientIp: "198.51.100.7",
    });
    expect(result.ok && result.next).toBe("enrol");
    if (!result.ok) return;
    const cookie = cookiePair(result.setCookie);
    expect(await getSessionState(requestWithCookie(cookie))).not.toBeNull();
    expect(await signOut(requestWithCookie(cookie))).toMatch(/^quaestio_session=; .*Max-Age=0/);
    expect(await getSessionState(requestWithCookie(cookie))).toBeNull();
  });

  it("ends every session of a user on a privilege change", async () => {
    const a = await createSession(t.db, userId);
    const b = await createSession(t.db, userId);
    await rotateSessionsForUser(t.db, userId);
    expect(await validateSessionToken(t.db, a.token)).toBeNull();
    expect(await validateSessionToken(t.db, b.token)).toBeNull();
  });

  it("token buckets refill over time", async () => {
    const key = `test:${backend}:${Date.now()}`;
    const policy = { capacity: 2, refillSeconds: 1 };
    const start = new Date("2026-11-23T08:00:00Z");
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect((await takeToken(t.db, key, policy, at(0))).allowed).toBe(true);
    expect((await takeToken(t.db, key, policy, at(0))).allowed).toBe(true);
    expect((await takeToken(t.db, key, policy, at(0))).allowed).toBe(false);
    // 2.1 s later by the injected clock (no real sleep): the bucket has tokens again.
    expect((await takeToken(t.db, key, policy, at(2_100))).allowed).toBe(true);
  });
});
