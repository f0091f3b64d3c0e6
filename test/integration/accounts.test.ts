/**
 * Account self-service against a real database (one backend, see below): password reset by e-mail (single-use, expiring,
 * hashed tokens; same answer for unknown addresses; outbox row and event together), the outbox worker with the
 * development mailbox and backoff, the own-sessions list and revoke, and changing the password.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, outbox, rateLimits, sessions, userTokens, users } from "../../db/schema";
import {
  RESET_TOKEN_TTL_MS,
  changePassword,
  completePasswordReset,
  findResetToken,
  hashToken,
  listOwnSessions,
  requestPasswordReset,
  revokeOwnSession,
  signOutEverywhere,
} from "../../app/server/accounts/accounts.server";
import { getSessionState, signIn } from "../../app/server/accounts/auth.server";
import { publicOrigin, resetConfig } from "../../app/server/core/config.server";
import { useDatabase } from "../../app/server/core/db.server";
import { listMailbox } from "../../app/server/core/mail.server";
import { MAX_ATTEMPTS, drainOutboxOnce, retryDelayMs } from "../../app/server/notifications/outbox-worker.server";
import { verifyPassword } from "../../app/server/accounts/passwords.server";
import { createSession, validateSessionToken } from "../../app/server/accounts/sessions.server";
import { oneBackend, useTestDatabase } from "../support/db";

const NEW_PASSWORD = "Neues Passwort für den Rat 7";
const origin = "http://localhost";

function formRequest(pathname: string, cookie?: string) {
  return new Request(`${origin}${pathname}`, { method: "POST", headers: cookie ? { Cookie: cookie } : {} });
}

function tokenFromMail(bodyText: string): string {
  const match = /\/passwort-neu\/([A-Za-z0-9_-]+)/.exec(bodyText);
  if (!match) throw new Error(`no reset link in mail:\n${bodyText}`);
  return match[1]!;
}

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): tokens, the outbox worker and sessions are app code over
// plain inserts and updates.
describe.each(oneBackend())("account self-service on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  let mailDir = "";
  const previousMailDir = process.env.MAIL_DIR;
  const previousSmtp = process.env.SMTP_URL;

  beforeAll(() => {
    useDatabase(t.handle);
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-mail-"));
    process.env.MAIL_DIR = mailDir;
    delete process.env.SMTP_URL;
    resetConfig();
  });

  afterAll(() => {
    if (previousMailDir === undefined) delete process.env.MAIL_DIR;
    else process.env.MAIL_DIR = previousMailDir;
    if (previousSmtp !== undefined) process.env.SMTP_URL = previousSmtp;
    resetConfig();
    fs.rmSync(mailDir, { recursive: true, force: true });
  });

  async function userId(email: string) {
    const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return row!.id;
  }

  async function signedIn(
    email: string,
    userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
  ) {
    const { token } = await createSession(t.db, await userId(email), { userAgent });
    const cookie = `quaestio_session=${token}`;
    // The session state rather than getCurrentUser: staff accounts without a second factor are half signed in.
    const user = (await getSessionState(new Request(`${origin}/konto`, { headers: { Cookie: cookie } })))!.user;
    return { token, cookie, user };
  }

  async function requestReset(email: string, clientIp: string) {
    const before = await t.db.select({ id: outbox.id }).from(outbox);
    const result = await requestPasswordReset({ email, clientIp });
    const mails = await t.db.select().from(outbox);
    const fresh = mails.filter((m) => !before.some((b) => b.id === m.id));
    return { result, fresh };
  }

  it("answers the same for unknown and known addresses, and mails only a known one", async () => {
    const unknown = await requestReset("niemand@norderstedt.quaestio.example", "198.51.100.10");
    const known = await requestReset(" Fraktion@Norderstedt.quaestio.example ", "198.51.100.10");
    expect(unknown.result).toEqual({ ok: true });
    expect(known.result).toEqual(unknown.result);
    expect(unknown.fresh).toHaveLength(0);
    expect(known.fresh).toHaveLength(1);
    const mail = known.fresh[0]!;
    expect(mail.recipient).toBe("fraktion@norderstedt.quaestio.example");
    expect(mail.status).toBe("pending");
    expect(mail.bodyText).toContain(`${publicOrigin()}/passwort-neu/`);
    const unknownTokens = await t.db
      .select()
      .from(userTokens)
      .where(eq(userTokens.email, "niemand@norderstedt.quaestio.example"));
    expect(unknownTokens).toHaveLength(0);
  });

  it("stores only the SHA-256 of a 256-bit token and writes the mail with its event", async () => {
    const email = "fraktion@hamburg.quaestio.example";
    const { fresh } = await requestReset(email, "198.51.100.11");
    const token = tokenFromMail(fresh[0]!.bodyText);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await t.db.select().from(userTokens).where(eq(userTokens.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.purpose).toBe("password_reset");
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(RESET_TOKEN_TTL_MS);
    // The mail points at the event written in the same transaction.
    const [event] = await t.db.select().from(events).where(eq(events.id, fresh[0]!.eventId!));
    expect(event).toMatchObject({
      type: "password_reset_requested",
      aggregateType: "user",
      aggregateId: await userId(email),
    });
  });

  it("resets once: sets the password, ends every session, and refuses the same link again", async () => {
    const email = "fraktion@scharnebeck.quaestio.example";
    const a = await signedIn(email);
    const b = await signedIn(email, "curl/8");
    const { fresh } = await requestReset(email, "198.51.100.12");
    const token = tokenFromMail(fresh[0]!.bodyText);
    expect(await findResetToken(token)).toEqual({ email });

    expect(
      await completePasswordReset({
        token,
        password: NEW_PASSWORD,
        passwordRepeat: NEW_PASSWORD,
        clientIp: "198.51.100.12",
      }),
    ).toEqual({ ok: true });
    expect(await validateSessionToken(t.db, a.token)).toBeNull();
    expect(await validateSessionToken(t.db, b.token)).toBeNull();
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(await verifyPassword(user!.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user!.passwordHash, "Demo-Quaestio-2026")).toBe(false);
    const audit = await t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateId, user!.id), eq(events.type, "password_reset")));
    expect(audit).toHaveLength(1);

    // Reuse: refused, and the password stays what the first use set.
    expect(await findResetToken(token)).toBeNull();
    const again = await completePasswordReset({
      token,
      password: "Ganz anderes Passwort 9",
      passwordRepeat: "Ganz anderes Passwort 9",
      clientIp: "198.51.100.12",
    });
    expect(again).toEqual({ ok: false, reason: "invalid_token" });
    const [after] = await t.db.select().from(users).where(eq(users.email, email));
    expect(after!.passwordHash).toBe(user!.passwordHash);

    const login = await signIn(new Request(`${origin}/anmelden`), {
      email,
      password: NEW_PASSWORD,
      clientIp: "198.51.100.12",
    });
    expect(login.ok).toBe(true);
  });

  it("refuses an expired link and a made-up one", async () => {
    const email = "fraktion@landtag-nrw.quaestio.example";
    const { fresh } = await requestReset(email, "198.51.100.13");
    const token = tokenFromMail(fresh[0]!.bodyText);
    const later = new Date(Date.now() + RESET_TOKEN_TTL_MS + 1000);
    expect(await findResetToken(token, new Date(Date.now() + RESET_TOKEN_TTL_MS - 60_000))).toEqual({ email });
    expect(await findResetToken(token, later)).toBeNull();
    expect(
      await completePasswordReset({
        token,
        password: NEW_PASSWORD,
        passwordRepeat: NEW_PASSWORD,
        clientIp: "x",
        now: later,
      }),
    ).toEqual({
      ok: false,
      reason: "invalid_token",
    });
    for (const fake of [
      "",
      "x",
      token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"),
      "../../etc/passwd",
      "' OR 1=1 --",
      token + token,
    ]) {
      expect(await findResetToken(fake)).toBeNull();
      expect(
        (
          await completePasswordReset({
            token: fake,
            password: NEW_PASSWORD,
            passwordRepeat: NEW_PASSWORD,
            clientIp: "x",
          })
        ).ok,
      ).toBe(false);
    }
  });

  it("keeps the link usable after a rejected password, and only the newest link works", async () => {
    const email = "ratsbuero@hamburg.quaestio.example";
    const first = tokenFromMail((await requestReset(email, "198.51.100.14")).fresh[0]!.bodyText);
    const second = tokenFromMail((await requestReset(email, "198.51.100.14")).fresh[0]!.bodyText);
    expect(await findResetToken(first)).toBeNull();
    for (const [password, field] of [
      ["kurz", "password"],
      ["qwertyuiop", "password"],
      ["Password1234", "password"],
      [email, "password"],
    ] as const) {
      const result = await completePasswordReset({ token: second, password, passwordRepeat: password, clientIp: "x" });
      expect(result.ok === false && result.reason === "invalid_password" && result.errors[field]).toBeTruthy();
    }
    const mismatch = await completePasswordReset({
      token: second,
      password: NEW_PASSWORD,
      passwordRepeat: NEW_PASSWORD + "x",
      clientIp: "x",
    });
    expect(
      mismatch.ok === false && mismatch.reason === "invalid_password" && mismatch.errors.passwordRepeat,
    ).toBeTruthy();
    expect(await findResetToken(second)).toEqual({ email });
  });

  it("does nothing for a filled honeypot and limits requests per address with the same answer shape", async () => {
    const email = "datenschutz@hamburg.quaestio.example";
    const bot = await requestPasswordReset({ email, clientIp: "198.51.100.15", honeypot: "http://spam.example" });
    expect(bot).toEqual({ ok: true });
    expect(await t.db.select().from(userTokens).where(eq(userTokens.email, email))).toHaveLength(0);

    const results = [];
    for (let i = 0; i < 4; i++) results.push((await requestReset(email, `198.51.100.${20 + i}`)).result);
    expect(results.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(results[3]).toMatchObject({ ok: false, reason: "rate_limited" });
    // Unknown addresses are limited alike, so the limit reveals nothing either.
    const unknown = [];
    for (let i = 0; i < 4; i++)
      unknown.push((await requestReset("gibt-es-nicht@hamburg.quaestio.example", `198.51.100.${30 + i}`)).result);
    expect(unknown[3]).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("delivers pending mails into the development mailbox", async () => {
    const email = "sachbearbeitung@norderstedt.quaestio.example";
    const { fresh } = await requestReset(email, "198.51.100.40");
    const id = fresh[0]!.id;
    const result = await drainOutboxOnce(t.db);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);

    const files = fs.readdirSync(mailDir).filter((f) => f.endsWith(`-${id}.eml`));
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(path.join(mailDir, files[0]!), "utf8");
    expect(eml).toMatch(new RegExp(`^To: ${email}$`, "m"));
    expect(eml).toMatch(/^Subject: /m);
    const listed = (await listMailbox()).find((m) => m.file === files[0]);
    expect(listed?.recipient).toBe(email);
    expect(listed?.bodyText).toContain(tokenFromMail(fresh[0]!.bodyText));

    // Nothing is sent twice.
    expect((await drainOutboxOnce(t.db)).sent).toBe(0);
  });

  it("retries a failing delivery with exponential backoff and gives up after the last attempt", async () => {
    const email = "verwaltungsspitze@norderstedt.quaestio.example";
    const { fresh } = await requestReset(email, "198.51.100.41");
    const id = fresh[0]!.id;
    const failing = async () => {
      throw new Error("SMTP 451 vorübergehend nicht verfügbar");
    };
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await drainOutboxOnce(t.db, { deliver: failing, now });
      const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
      expect(row!.attempts).toBe(attempt);
      expect(row!.lastError).toContain("451");
      if (attempt < MAX_ATTEMPTS) {
        expect(row!.status).toBe("pending");
        expect(row!.nextAttemptAt.getTime() - now.getTime()).toBe(retryDelayMs(attempt));
        // Not yet due: the next run leaves it alone.
        await drainOutboxOnce(t.db, { deliver: failing, now: new Date(now.getTime() + retryDelayMs(attempt) - 1000) });
        const [waiting] = await t.db.select().from(outbox).where(eq(outbox.id, id));
        expect(waiting!.attempts).toBe(attempt);
        now = new Date(now.getTime() + retryDelayMs(attempt));
      } else {
        expect(row!.status).toBe("failed");
      }
    }
    expect(retryDelayMs(1)).toBeLessThan(retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    const delivered: number[] = [];
    await drainOutboxOnce(t.db, {
      deliver: async (m) => void delivered.push(m.id),
      now: new Date(now.getTime() + 24 * 3600_000),
    });
    expect(delivered).not.toContain(id);
  });

  it("lists only one's own live sessions and revokes only one's own (404 for others)", async () => {
    const mine = await signedIn("admin@norderstedt.quaestio.example");
    const other = await signedIn(
      "admin@norderstedt.quaestio.example",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Version/18.1 Mobile/15E148 Safari/604.1",
    );
    const stranger = await signedIn("admin@hamburg.quaestio.example");

    const list = await listOwnSessions(mine.user);
    expect(list.map((s) => s.id).sort()).toEqual([mine.user.sessionId, other.user.sessionId].sort());
    expect(list.find((s) => s.current)?.id).toBe(mine.user.sessionId);
    expect(list.find((s) => !s.current)?.device).toBe("Safari unter iOS");

    const denied = await revokeOwnSession(formRequest("/konto", mine.cookie), mine.user, stranger.user.sessionId).catch(
      (e: unknown) => e,
    );
    expect(denied).toBeInstanceOf(Response);
    expect((denied as Response).status).toBe(404);
    expect(await validateSessionToken(t.db, stranger.token)).not.toBeNull();

    expect(await revokeOwnSession(formRequest("/konto", mine.cookie), mine.user, other.user.sessionId)).toEqual({});
    expect(await validateSessionToken(t.db, other.token)).toBeNull();
    expect(await validateSessionToken(t.db, mine.token)).not.toBeNull();
    const revoked = await t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateId, mine.user.id), eq(events.type, "session_revoked")));
    expect(revoked).toHaveLength(1);

    // Revoking the current session signs out and clears the cookie.
    const self = await revokeOwnSession(formRequest("/konto", mine.cookie), mine.user, mine.user.sessionId);
    expect(self.setCookie).toMatch(/^quaestio_session=; .*Max-Age=0/);
    expect(await validateSessionToken(t.db, mine.token)).toBeNull();
  });

  it("signs out everywhere with an audit event", async () => {
    const a = await signedIn("admin@scharnebeck.quaestio.example");
    const b = await signedIn("admin@scharnebeck.quaestio.example");
    const cookie = await signOutEverywhere(formRequest("/konto", a.cookie), a.user);
    expect(cookie).toMatch(/Max-Age=0/);
    expect(await validateSessionToken(t.db, a.token)).toBeNull();
    expect(await validateSessionToken(t.db, b.token)).toBeNull();
    const audit = await t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateId, a.user.id), eq(events.type, "signed_out_everywhere")));
    expect(audit).toHaveLength(1);
  });

  it("changes the password only with the current one and a policy-conform new one", async () => {
    const email = "ratsbuero@norderstedt.quaestio.example";
    const me = await signedIn(email);
    const elsewhere = await signedIn(email);
    const change = async (currentPassword: string, newPassword: string, newPasswordRepeat = newPassword) => {
      // Each case on a fresh bucket; the limit itself is tested below.
      await t.db.delete(rateLimits).where(like(rateLimits.key, "password_change:%"));
      return changePassword(formRequest("/konto", me.cookie), me.user, {
        currentPassword,
        newPassword,
        newPasswordRepeat,
        clientIp: "198.51.100.50",
      });
    };

    expect(await change("falsch-falsch", NEW_PASSWORD)).toMatchObject({
      ok: false,
      errors: { currentPassword: expect.any(String) },
    });
    for (const weak of ["kurz", "123456789", "1234567890", "qwertyuiop", "Passwort2026", email]) {
      expect(await change("Demo-Quaestio-2026", weak)).toMatchObject({
        ok: false,
        status: 400,
        errors: { newPassword: expect.any(String) },
      });
    }
    expect(await change("Demo-Quaestio-2026", "Demo-Quaestio-2026")).toMatchObject({
      ok: false,
      errors: { newPassword: expect.any(String) },
    });
    expect(await change("Demo-Quaestio-2026", NEW_PASSWORD, "anders")).toMatchObject({
      ok: false,
      errors: { newPasswordRepeat: expect.any(String) },
    });
    // Still the old password, both sessions alive; the wrong current password is audited.
    const [unchanged] = await t.db.select().from(users).where(eq(users.email, email));
    expect(await verifyPassword(unchanged!.passwordHash, "Demo-Quaestio-2026")).toBe(true);
    expect(await validateSessionToken(t.db, elsewhere.token)).not.toBeNull();
    const failed = await t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateId, me.user.id), eq(events.type, "password_change_failed")));
    expect(failed).toHaveLength(1);
  });

  it("limits guesses of the current password per account", async () => {
    const me = await signedIn("datenschutz@norderstedt.quaestio.example");
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(
        await changePassword(formRequest("/konto", me.cookie), me.user, {
          currentPassword: `falsch-${i}`,
          newPassword: NEW_PASSWORD,
          newPasswordRepeat: NEW_PASSWORD,
          clientIp: "x",
        }),
      );
    }
    expect(results.slice(0, 5).every((r) => !r.ok && r.status === 400)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, status: 429, retryAfterSeconds: expect.any(Number) });
    // Even the right password waits for the bucket.
    const right = await changePassword(formRequest("/konto", me.cookie), me.user, {
      currentPassword: "Demo-Quaestio-2026",
      newPassword: NEW_PASSWORD,
      newPasswordRepeat: NEW_PASSWORD,
      clientIp: "x",
    });
    expect(right).toMatchObject({ ok: false, status: 429 });
  });

  it("changes the password, ends every session and continues this browser in a fresh one", async () => {
    const me = await signedIn("sachbearbeitung@hamburg.quaestio.example");
    const elsewhere = await signedIn("sachbearbeitung@hamburg.quaestio.example");
    const result = await changePassword(formRequest("/konto", me.cookie), me.user, {
      currentPassword: "Demo-Quaestio-2026",
      newPassword: NEW_PASSWORD,
      newPasswordRepeat: NEW_PASSWORD,
      clientIp: "198.51.100.51",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setCookie).toMatch(/^quaestio_session=[a-z0-9]+\.[a-z0-9]+; Path=\/; HttpOnly; SameSite=Lax; /);
    const fresh = result.setCookie.split(";")[0]!.split("=")[1]!;
    expect(fresh).not.toBe(me.token);
    expect(await validateSessionToken(t.db, me.token)).toBeNull();
    expect(await validateSessionToken(t.db, elsewhere.token)).toBeNull();
    expect((await validateSessionToken(t.db, fresh))?.user.id).toBe(me.user.id);
    const [user] = await t.db.select().from(users).where(eq(users.id, me.user.id));
    expect(await verifyPassword(user!.passwordHash, NEW_PASSWORD)).toBe(true);
    const audit = await t.db
      .select()
      .from(events)
      .where(and(eq(events.aggregateId, me.user.id), inArray(events.type, ["password_changed"])));
    expect(audit).toHaveLength(1);
    const remaining = await t.db.select().from(sessions).where(eq(sessions.userId, me.user.id));
    expect(remaining).toHaveLength(1);
    expect(remaining[0]).toMatchObject({ ipAddress: "198.51.100.51", mfaVerified: me.user.mfaVerified });
  });
});

describe("delivery through SMTP when SMTP_URL is set", () => {
  it("hands the mail to the SMTP server instead of the mailbox", async () => {
    const net = await import("node:net");
    const received: { from: string; to: string[]; data: string }[] = [];
    // A minimal SMTP server: enough of RFC 5321 for one plain-text message without TLS or AUTH.
    const server = net.createServer((socket) => {
      let buffer = "";
      let inData = false;
      let current = { from: "", to: [] as string[], data: "" };
      socket.setEncoding("utf8");
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (chunk: string) => {
        buffer += chunk;
        for (;;) {
          if (inData) {
            const end = buffer.indexOf("\r\n.\r\n");
            if (end < 0) return;
            current.data = buffer.slice(0, end);
            buffer = buffer.slice(end + 5);
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 queued\r\n");
            continue;
          }
          const eol = buffer.indexOf("\r\n");
          if (eol < 0) return;
          const line = buffer.slice(0, eol);
          buffer = buffer.slice(eol + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") socket.write("250-test\r\n250 8BITMIME\r\n");
          else if (verb === "MAIL") {
            current.from = line;
            socket.write("250 ok\r\n");
          } else if (verb === "RCPT") {
            current.to.push(line);
            socket.write("250 ok\r\n");
          } else if (verb === "DATA") {
            inData = true;
            socket.write("354 go on\r\n");
          } else if (verb === "QUIT") socket.end("221 bye\r\n");
          else socket.write("250 ok\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as import("node:net").AddressInfo;
    const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_DIR: process.env.MAIL_DIR };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-smtp-"));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.MAIL_DIR = dir;
    resetConfig();
    try {
      const { deliverMail } = await import("../../app/server/core/mail.server");
      await deliverMail({
        id: 1,
        recipient: "ratsbuero@norderstedt.quaestio.example",
        subject: "Prüfung über SMTP",
        bodyText: "Grüße aus dem Ratsbüro",
      });
      expect(received).toHaveLength(1);
      expect(received[0]!.to[0]).toContain("ratsbuero@norderstedt.quaestio.example");
      expect(received[0]!.data).toMatch(/^Subject: /m);
      expect(received[0]!.data).toMatch(/^To: ratsbuero@norderstedt\.quaestio\.example$/m);
      // Nothing went to the development mailbox.
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetConfig();
      fs.rmSync(dir, { recursive: true, force: true });
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
