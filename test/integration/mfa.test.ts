/**
 * The second factor against a real database (one backend, see below): enrolment, sign-in with TOTP or a recovery
 * code, replay protection, enforcement for staff, session rotation and fixation.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { events, recoveryCodes, sessions, users } from "../../db/schema";
import { decodeTotpKey, timeStep, totpCodeForStep } from "../../app/domain/totp";
import {
  getCurrentUser,
  getSessionState,
  requireUser,
  requireUserForEnrolment,
  signIn,
  type SessionState,
} from "../../app/server/accounts/auth.server";
import { useDatabase } from "../../app/server/core/db.server";
import {
  beginEnrolment,
  confirmEnrolment,
  disableSecondFactor,
  verifySecondFactor,
} from "../../app/server/accounts/mfa.server";
import { createSession, validateSessionToken } from "../../app/server/accounts/sessions.server";
import {
  action as secondFactorAction,
  loader as secondFactorLoader,
} from "../../app/routes/account/anmelden.zweiter-faktor";
import { oneBackend, useTestDatabase } from "../support/db";
import { accountLike } from "../support/users";

/** The demo accounts; tests that change an account's second factor work on their own copy (accountLike). */
const STAFF = "ratsbuero@norderstedt.quaestio.example";
const FACTION = "fraktion@norderstedt.quaestio.example";
/** The clock each test starts from (and enrols a second factor at); a test moves its own clock forward. */
const START = Date.UTC(2026, 10, 23, 9, 0, 10);
const totpAt = (key: Uint8Array, ms: number) => totpCodeForStep(key, timeStep(ms));
const PASSWORD = "Demo-Quaestio-2026";

let ipCounter = 0;
const freshIp = () => `192.0.2.${(ipCounter++ % 250) + 1}`;

function request(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, {
    headers: { "User-Agent": "mfa-test", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;
const tokenOf = (cookie: string) => cookie.split("=")[1]!;

/** What a loader helper threw: the redirect target, or fails the test if it did not throw a redirect. */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400)
      return thrown.headers.get("Location")!;
    throw thrown;
  }
  throw new Error("expected a redirect");
}

async function signedIn(email: string, cookie?: string) {
  const result = await signIn(request("/anmelden", cookie), { email, password: PASSWORD, clientIp: freshIp() });
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
  return { cookie: cookiePair(result.setCookie), next: result.next };
}

async function stateOf(cookie: string): Promise<SessionState> {
  const state = await getSessionState(request("/", cookie));
  if (!state) throw new Error("no session");
  return state;
}

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): TOTP, recovery codes and session rotation are app code;
// the replay race is a real race only on the server.
describe.each(oneBackend())("second factor on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  const ids = new Map<string, string>();

  beforeAll(async () => {
    useDatabase(t.handle);
    const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, FACTION));
    ids.set(FACTION, row!.id);
  });

  async function eventTypes(email: string) {
    const rows = await t.db
      .select({ type: events.type })
      .from(events)
      .where(eq(events.aggregateId, ids.get(email)!));
    return rows.map((r) => r.type);
  }

  let accounts = 0;
  /** A new account like the demo account `like` (same password and roles), for this test alone; returns its e-mail. */
  async function ownAccount(like: string): Promise<string> {
    accounts += 1;
    const [local, domain] = like.split("@");
    const email = `${local}-mfa-${accounts}@${domain}`;
    ids.set(email, await accountLike(t.db, like, email));
    return email;
  }
  /**
   * A new staff account (like STAFF) with TOTP enrolled at START through the real enrolment, as the enrolment
   * test leaves the staff user: its key and its ten recovery codes.
   */
  async function enrolledStaff(): Promise<{ email: string; key: Uint8Array; recovery: string[] }> {
    const email = await ownAccount(STAFF);
    const state = await stateOf((await signedIn(email)).cookie);
    const enrolment = beginEnrolment(state, START);
    const key = decodeTotpKey(enrolment.secretForDisplay)!;
    const result = await confirmEnrolment(
      state,
      { pending: enrolment.pending, code: totpAt(key, START), clientIp: freshIp() },
      START,
    );
    if (!result.ok) throw new Error(`enrolment failed: ${result.reason}`);
    return { email, key, recovery: result.recoveryCodes };
  }

  it("lets a faction member without a second factor through", async () => {
    const { cookie, next } = await signedIn(FACTION);
    expect(next).toBe("done");
    const user = await requireUser(request("/arbeitsbereich", cookie));
    expect(user.email).toBe(FACTION);
    expect(user.totpEnabled).toBe(false);
  });

  it("sends a staff user without a second factor to set one up, and nowhere else", async () => {
    const staff = await ownAccount(STAFF);
    const { cookie, next } = await signedIn(staff);
    expect(next).toBe("enrol");
    expect(await getCurrentUser(request("/", cookie))).toBeNull();
    expect(await redirectOf(requireUser(request("/arbeitsbereich?x=1", cookie)))).toBe(
      `/konto/zweiter-faktor?weiter=${encodeURIComponent("/arbeitsbereich?x=1")}`,
    );
    const state = await requireUserForEnrolment(request("/konto/zweiter-faktor", cookie));
    expect(state.enrolmentRequired).toBe(true);
    expect(await redirectOf(requireUserForEnrolment(request("/konto/zweiter-faktor")))).toMatch(/^\/anmelden\?weiter=/);
  });

  it("refuses a forged, foreign or wrong enrolment and then enables TOTP with a correct code", async () => {
    const clock = START;
    const staff = await ownAccount(STAFF);
    const { cookie } = await signedIn(staff);
    const state = await stateOf(cookie);
    const enrolment = beginEnrolment(state, clock);
    const key = decodeTotpKey(enrolment.secretForDisplay)!;
    expect(key).toHaveLength(20);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCodeDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");
    const code = totpCodeForStep(key, timeStep(clock));

    // A key the attacker chose, with the signature of another one: refused.
    const [secret, expires, mac] = enrolment.pending.split(".");
    const forged = `${"A".repeat(32)}.${expires}.${mac}`;
    expect(await confirmEnrolment(state, { pending: forged, code, clientIp: freshIp() }, clock)).toEqual({
      ok: false,
      reason: "expired",
    });
    // The faction member cannot confirm the staff user's pending key (bound to the user id).
    const factionState = await stateOf((await signedIn(FACTION)).cookie);
    expect(
      await confirmEnrolment(factionState, { pending: enrolment.pending, code, clientIp: freshIp() }, clock),
    ).toEqual({ ok: false, reason: "expired" });
    // After 15 minutes the pending key is no longer accepted.
    expect(
      await confirmEnrolment(state, { pending: enrolment.pending, code, clientIp: freshIp() }, clock + 16 * 60_000),
    ).toEqual({
      ok: false,
      reason: "expired",
    });
    const wrong = code === "000000" ? "111111" : "000000";
    expect(
      await confirmEnrolment(state, { pending: enrolment.pending, code: wrong, clientIp: freshIp() }, clock),
    ).toEqual({ ok: false, reason: "wrong" });
    const [before] = await t.db.select().from(users).where(eq(users.id, state.user.id));
    expect(before!.totpEnabledAt).toBeNull();

    const result = await confirmEnrolment(state, { pending: enrolment.pending, code, clientIp: freshIp() }, clock);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    for (const c of result.recoveryCodes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const recovery = result.recoveryCodes;

    const [after] = await t.db.select().from(users).where(eq(users.id, state.user.id));
    expect(after!.totpSecret).toBe(secret);
    expect(after!.totpEnabledAt).not.toBeNull();
    expect(after!.totpLastUsedStep).toBe(timeStep(clock));
    const stored = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, state.user.id));
    expect(stored).toHaveLength(10);
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(recovery.some((c) => row.codeHash.includes(c.replace(/-/g, "")))).toBe(false);
    }
    expect(await eventTypes(staff)).toEqual(expect.arrayContaining(["mfa_enabled", "mfa_failed"]));

    // The session that confirmed the factor is now fully signed in; a second enrolment is refused.
    expect((await requireUser(request("/arbeitsbereich", cookie))).email).toBe(staff);
    const again = await confirmEnrolment(
      await stateOf(cookie),
      { pending: enrolment.pending, code, clientIp: freshIp() },
      clock,
    );
    expect(again).toEqual({ ok: false, reason: "already_enabled" });
  });

  it("asks for the code after the password, refuses a replayed code and rotates the session on success", async () => {
    const staff = await enrolledStaff();
    let clock = START;
    const codeAt = (ms: number) => totpCodeForStep(staff.key, timeStep(ms));
    const { cookie, next } = await signedIn(staff.email);
    expect(next).toBe("second_factor");
    expect(await getCurrentUser(request("/", cookie))).toBeNull();
    expect(await redirectOf(requireUser(request("/arbeitsbereich", cookie)))).toBe(
      `/anmelden/zweiter-faktor?weiter=${encodeURIComponent("/arbeitsbereich")}`,
    );
    expect(await redirectOf(requireUserForEnrolment(request("/konto/zweiter-faktor", cookie)))).toMatch(
      /^\/anmelden\/zweiter-faktor/,
    );
    const state = await stateOf(cookie);
    expect(state.secondFactorPending).toBe(true);

    // The code used for enrolment, in the same step: a replay.
    expect(
      await verifySecondFactor(
        request("/anmelden/zweiter-faktor", cookie),
        state,
        { code: codeAt(clock), clientIp: freshIp() },
        clock,
      ),
    ).toEqual({
      ok: false,
      reason: "replayed",
    });
    // The previous step's code is also used up.
    expect(
      await verifySecondFactor(
        request("/", cookie),
        state,
        { code: codeAt(clock - 30_000), clientIp: freshIp() },
        clock,
      ),
    ).toMatchObject({ ok: false });

    clock += 30_000;
    const fresh = codeAt(clock);
    const result = await verifySecondFactor(
      request("/anmelden/zweiter-faktor", cookie),
      state,
      { code: ` ${fresh.slice(0, 3)} ${fresh.slice(3)} `, clientIp: freshIp() },
      clock,
    );
    expect(result).toMatchObject({ ok: true, method: "totp" });
    if (!result.ok) return;
    const rotated = cookiePair(result.setCookie);
    expect(tokenOf(rotated)).not.toBe(tokenOf(cookie));
    expect(await validateSessionToken(t.db, tokenOf(cookie))).toBeNull();
    const user = await requireUser(request("/arbeitsbereich", rotated));
    expect(user.mfaVerified).toBe(true);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, user.sessionId));
    expect(row!.ipAddress).toMatch(/^192\.0\.2\./);

    // The same fresh code once more, on another pending session: refused.
    const other = await signedIn(staff.email);
    expect(
      await verifySecondFactor(
        request("/", other.cookie),
        await stateOf(other.cookie),
        { code: fresh, clientIp: freshIp() },
        clock,
      ),
    ).toEqual({
      ok: false,
      reason: "replayed",
    });
    expect(await eventTypes(staff.email)).toEqual(expect.arrayContaining(["mfa_verified", "mfa_failed"]));
  });

  it("accepts one of two simultaneous requests with the same fresh code, never both", async () => {
    const staff = await enrolledStaff();
    const clock = START + 30_000;
    const a = await signedIn(staff.email);
    const b = await signedIn(staff.email);
    const code = totpAt(staff.key, clock);
    const results = await Promise.all([
      verifySecondFactor(request("/", a.cookie), await stateOf(a.cookie), { code, clientIp: freshIp() }, clock),
      verifySecondFactor(request("/", b.cookie), await stateOf(b.cookie), { code, clientIp: freshIp() }, clock),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "replayed")).toHaveLength(1);
  });

  it("accepts a recovery code exactly once", async () => {
    const staff = await enrolledStaff();
    const clock = START;
    const first = await signedIn(staff.email);
    const code = staff.recovery[3]!;
    const used = await verifySecondFactor(
      request("/", first.cookie),
      await stateOf(first.cookie),
      { code: code.toLowerCase(), clientIp: freshIp() },
      clock,
    );
    expect(used).toMatchObject({ ok: true, method: "recovery_code" });
    const remaining = await t.db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, ids.get(staff.email)!), isNull(recoveryCodes.usedAt)));
    expect(remaining).toHaveLength(9);

    const second = await signedIn(staff.email);
    expect(
      await verifySecondFactor(
        request("/", second.cookie),
        await stateOf(second.cookie),
        { code, clientIp: freshIp() },
        clock,
      ),
    ).toEqual({
      ok: false,
      reason: "wrong",
    });
    expect(await eventTypes(staff.email)).toContain("recovery_code_used");
  });

  it("limits code attempts per account with a retry time", async () => {
    const staff = await enrolledStaff();
    let clock = START;
    const codeAt = (ms: number) => totpCodeForStep(staff.key, timeStep(ms));
    await t.db.execute(sql`delete from rate_limits where key like 'mfa:%'`);
    const { cookie } = await signedIn(staff.email);
    const state = await stateOf(cookie);
    const wrong = codeAt(clock) === "000000" ? "111111" : "000000";
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await verifySecondFactor(request("/", cookie), state, { code: wrong, clientIp: freshIp() }, clock));
    expect(results.slice(0, 5).every((r) => !r.ok && r.reason === "wrong")).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, reason: "rate_limited" });
    // Even the right code is refused while the account is limited.
    clock += 30_000;
    expect(
      await verifySecondFactor(request("/", cookie), state, { code: codeAt(clock), clientIp: freshIp() }, clock),
    ).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    await t.db.execute(sql`delete from rate_limits where key like 'mfa:%'`);
  });

  it("ends a session planted before sign-in (session fixation)", async () => {
    const planted = await createSession(t.db, ids.get(FACTION)!);
    const { cookie } = await signedIn(FACTION, `quaestio_session=${planted.token}`);
    expect(tokenOf(cookie)).not.toBe(planted.token);
    expect(await validateSessionToken(t.db, planted.token)).toBeNull();
    expect(await getCurrentUser(request("/", `quaestio_session=${planted.token}`))).toBeNull();
    expect((await getCurrentUser(request("/", cookie)))?.email).toBe(FACTION);
  });

  it("uses 256-bit session secrets and stores only their hash", async () => {
    const { cookie } = await signedIn(FACTION);
    const [id, secret] = tokenOf(cookie).split(".");
    expect(secret).toHaveLength(52); // 32 bytes in base32
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, id!));
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.userAgent).toBe("mfa-test");
  });

  it("lets a faction member switch an optional second factor on and off, but never a staff user", async () => {
    const faction = await ownAccount(FACTION);
    const staffAccount = await enrolledStaff();
    let clock = START;
    const codeAt = (ms: number) => totpCodeForStep(staffAccount.key, timeStep(ms));
    const { cookie } = await signedIn(faction);
    const state = await stateOf(cookie);
    const enrolment = beginEnrolment(state, clock);
    const key = decodeTotpKey(enrolment.secretForDisplay)!;
    const enabled = await confirmEnrolment(
      state,
      { pending: enrolment.pending, code: totpCodeForStep(key, timeStep(clock)), clientIp: freshIp() },
      clock,
    );
    expect(enabled.ok).toBe(true);

    // Now the faction member's other sessions ask for the code too.
    const next = await signedIn(faction);
    expect(next.next).toBe("second_factor");

    const fullState = await stateOf(cookie);
    expect(
      await disableSecondFactor(fullState, { code: totpCodeForStep(key, timeStep(clock)), clientIp: freshIp() }, clock),
    ).toEqual({
      ok: false,
      reason: "replayed",
    });
    const later = clock + 30_000;
    expect(
      await disableSecondFactor(fullState, { code: totpCodeForStep(key, timeStep(later)), clientIp: freshIp() }, later),
    ).toEqual({ ok: true });
    const [row] = await t.db.select().from(users).where(eq(users.id, state.user.id));
    expect(row!.totpSecret).toBeNull();
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, state.user.id))).toHaveLength(0);
    expect(await eventTypes(faction)).toEqual(expect.arrayContaining(["mfa_enabled", "mfa_disabled"]));

    clock += 60_000;
    const staff = await signedIn(staffAccount.email);
    const staffState = await stateOf(staff.cookie);
    const verified = await verifySecondFactor(
      request("/", staff.cookie),
      staffState,
      { code: codeAt(clock), clientIp: freshIp() },
      clock,
    );
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    const staffFull = await stateOf(cookiePair(verified.setCookie));
    clock += 30_000;
    expect(await disableSecondFactor(staffFull, { code: codeAt(clock), clientIp: freshIp() }, clock)).toEqual({
      ok: false,
      reason: "not_allowed",
    });
    const [staffRow] = await t.db
      .select()
      .from(users)
      .where(eq(users.id, ids.get(staffAccount.email)!));
    expect(staffRow!.totpEnabledAt).not.toBeNull();
  });

  it("answers through the route: 403 from a foreign origin, 400 for a wrong code, 302 with a new cookie, never cached", async () => {
    const staff = await enrolledStaff();
    const codeAt = (ms: number) => totpCodeForStep(staff.key, timeStep(ms));
    await t.db.execute(sql`delete from rate_limits where key like 'mfa:%'`);
    const { cookie } = await signedIn(staff.email);
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      new Request("http://localhost/anmelden/zweiter-faktor", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(fields),
      });
    const call = (request: Request) =>
      secondFactorAction({ request, params: {}, context: { clientIp: freshIp() } }).then(
        (value) =>
          value as unknown as { data: { error: string }; init: { status: number; headers: Record<string, string> } },
        (thrown: unknown) => thrown as Response,
      );

    const page = await secondFactorLoader({
      request: request("/anmelden/zweiter-faktor?weiter=//evil.example", cookie),
      params: {},
      context: {},
    });
    expect((page as unknown as { data: { next: string } }).data.next).toBe("/arbeitsbereich");

    const foreign = (await call(post({ code: "123456" }, { Origin: "https://evil.example" }))) as Response;
    expect(foreign.status).toBe(403);

    const now = Date.now();
    const wrongCode = codeAt(now) === "000000" ? "111111" : "000000";
    const wrong = (await call(post({ code: wrongCode, weiter: "/arbeitsbereich" }))) as unknown as {
      data: { result: { error?: Record<string, string[] | null> } };
      init: { status: number; headers: Record<string, string> };
    };
    expect(wrong.init.status).toBe(400);
    expect(wrong.init.headers["Cache-Control"]).toBe("no-store");
    expect(wrong.data.result.error?.code?.[0]).toMatch(/nicht gültig/);

    const ok = (await call(post({ code: codeAt(now), weiter: "https://evil.example/" }))) as Response;
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/arbeitsbereich");
    expect(ok.headers.get("Cache-Control")).toBe("no-store");
    expect(ok.headers.get("Set-Cookie")).toMatch(
      /^quaestio_session=[a-z0-9]+\.[a-z0-9]{52}; Path=\/; HttpOnly; SameSite=Lax/,
    );
    expect(await validateSessionToken(t.db, tokenOf(cookie))).toBeNull();
  });
});
