/**
 * Issue 12 (outside probe), the parts that live in the app: mail links from the configured origin and never
 * from the request, Retry-After that names when the next attempt is allowed (also on the second-factor pages),
 * the password reset doing the same statements for known and unknown addresses, deeply nested rich text
 * refused and never echoed, and the completed no-JS reset answering with a redirect instead of 410.
 * The HTTP server's part (Host allow-list, body limits, malformed requests) is in test/e2e/http-guards.test.ts.
 */
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfig } from "../../app/server/core/config.server";
import { outbox, rateLimits, userTokens, users } from "../../db/schema";
import { action as forgotAction } from "../../app/routes/account/passwort-vergessen";
import { action as resetAction } from "../../app/routes/account/passwort-neu.$token";
import * as overviewRoute from "../../app/routes/admin/verwaltung.$body";
import * as draftRoute from "../../app/routes/staff/arbeitsbereich.entwurf.$id";
import { headers as signInSecondFactorHeaders } from "../../app/routes/account/anmelden.zweiter-faktor";
import { headers as accountSecondFactorHeaders } from "../../app/routes/account/konto.zweiter-faktor";
import { requestPasswordReset } from "../../app/server/accounts/accounts.server";
import { useDatabase, type Db } from "../../app/server/core/db.server";
import { createDraft, loadDraftingOptions } from "../../app/server/inquiries/drafts.server";
import { createSession } from "../../app/server/accounts/sessions.server";
import { takeToken } from "../../app/server/core/rate-limit.server";
import { membershipFactsOf } from "../../app/server/core/transitions.server";
import { backends, useTestDatabase } from "../support/db";

const ENV_KEYS = ["PUBLIC_URL", "HOST", "PORT", "NODE_ENV", "QUAESTIO_LOCAL_RUN", "TRUST_PROXY"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));

function restoreEnv() {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfig();
}

/** A request as a forged proxy chain would present it: Host and X-Forwarded-Host of an attacker. */
function forgedPost(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`http://evil.example${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: "http://evil.example",
      "X-Forwarded-Host": "evil.example:8443",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Records the SQL text of every statement the database runs (parameters left out). */
function recordStatements(db: Db): { statements: string[]; stop(): void } {
  const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
  const before = { logger: session.logger, optionsLogger: session.options.logger };
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => statements.push(query) };
  session.logger = logger;
  session.options.logger = logger;
  return {
    statements,
    stop() {
      session.logger = before.logger;
      session.options.logger = before.optionsLogger;
    },
  };
}

describe.each(backends())("security hardening on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));
  beforeEach(() => {
    for (const key of ENV_KEYS) delete process.env[key];
    Object.assign(process.env, { HOST: "127.0.0.1", PORT: "4321" });
    resetConfig();
  });
  afterEach(restoreEnv);

  async function userId(email: string) {
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return user!.id;
  }

  async function latestMailTo(recipient: string) {
    const rows = await t.db.select().from(outbox).where(eq(outbox.recipient, recipient));
    return rows.sort((a, b) => b.id - a.id)[0];
  }

  describe("links in mails", () => {
    it("puts the listening address into a reset mail, whatever Host and X-Forwarded-Host say", async () => {
      const email = "fraktion@norderstedt.quaestio.example";
      const response = await forgotAction({
        request: forgedPost("/passwort-vergessen", { email }),
        params: {},
        context: { clientIp: "198.51.100.201" },
      });
      expect((response as { init?: { status?: number } }).init?.status ?? 200).toBe(200);
      const mail = await latestMailTo(email);
      expect(mail!.bodyText).toContain("http://127.0.0.1:4321/passwort-neu/");
      expect(mail!.bodyText).not.toContain("evil.example");
    });

    it("puts PUBLIC_URL into invitation mails, whatever the request's host", async () => {
      process.env.PUBLIC_URL = "https://quaestio.example.org/";
      resetConfig();
      const admin = await userId("admin@norderstedt.quaestio.example");
      // Staff need their second factor set up and passed to reach the administration.
      await t.db
        .update(users)
        .set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() })
        .where(eq(users.id, admin));
      const { token } = await createSession(t.db, admin, { mfaVerified: true });
      const [org] = await t.db
        .execute<{ id: string }>(
          // any organisation of the body the admin administers
          sql`select o.id from organizations o join bodies b on b.id = o.body_id where b.slug = 'norderstedt' limit 1`,
        )
        .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: Array<{ id: string }> }).rows));
      const invitee = "einladung.links@example.org";
      const request = forgedPost(
        "/verwaltung/norderstedt",
        { intent: "invite", email: invitee, organizationId: org!.id, role: "clerk" },
        `quaestio_session=${token}`,
      );
      // The route's own same-origin check compares Origin with the request URL; both are the forged host here,
      // as they were behind a proxy that passed the attacker's Host on.
      await overviewRoute.action!({
        request,
        params: { body: "norderstedt" },
        context: { clientIp: "198.51.100.202" },
      });
      const mail = await latestMailTo(invitee);
      expect(mail, "the invitation was sent").toBeDefined();
      expect(mail!.bodyText).toMatch(/https:\/\/quaestio\.example\.org\/einladung\/[a-z2-7]+/);
      expect(mail!.bodyText).not.toContain("evil.example");
    });
  });

  describe("Retry-After", () => {
    it("names a time after which the next attempt is allowed, and refused attempts do not push it further", async () => {
      const key = `test:retry:${backend}:${Date.now()}`;
      const policy = { capacity: 2, refillSeconds: 30 };
      expect((await takeToken(t.db, key, policy)).allowed).toBe(true);
      expect((await takeToken(t.db, key, policy)).allowed).toBe(true);
      const refused = await takeToken(t.db, key, policy);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      // A client that ignores the header and tries again at once is refused with no longer a wait.
      const again = await takeToken(t.db, key, policy);
      expect(again.allowed).toBe(false);
      expect(again.retryAfterSeconds).toBeLessThanOrEqual(refused.retryAfterSeconds);
      // Exactly Retry-After seconds pass (the bucket's clock is moved back instead of sleeping) …
      await t.db
        .update(rateLimits)
        .set({ updatedAt: sql`updated_at - make_interval(secs => ${again.retryAfterSeconds})` })
        .where(eq(rateLimits.key, key));
      // … and the next attempt is allowed.
      expect(await takeToken(t.db, key, policy)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    });

    it("passes Retry-After of a refused second-factor code on to the page response", () => {
      const loaderHeaders = new Headers({ "Cache-Control": "no-store" });
      const actionHeaders = new Headers({ "Cache-Control": "no-store", "Retry-After": "60" });
      for (const headers of [signInSecondFactorHeaders, accountSecondFactorHeaders]) {
        const result = new Headers(
          headers({
            loaderHeaders,
            actionHeaders,
            parentHeaders: new Headers(),
            errorHeaders: undefined,
          }) as HeadersInit,
        );
        expect(result.get("Retry-After")).toBe("60");
        expect(result.get("Cache-Control")).toBe("no-store");
      }
    });
  });

  describe("password reset", () => {
    it("runs the same statements for a known and an unknown address", async () => {
      const run = async (email: string, clientIp: string) => {
        const recorder = recordStatements(t.db);
        try {
          expect(await requestPasswordReset({ email, clientIp })).toEqual({ ok: true });
        } finally {
          recorder.stop();
        }
        return recorder.statements;
      };
      const known = await run("sachbearbeitung@hamburg.quaestio.example", "198.51.100.211");
      const unknown = await run("niemand@hamburg.quaestio.example", "198.51.100.212");
      expect(known.length).toBeGreaterThan(0);
      expect(unknown).toEqual(known);
      // … and still only the known address gets a link.
      expect(await latestMailTo("sachbearbeitung@hamburg.quaestio.example")).toBeDefined();
      expect(await latestMailTo("niemand@hamburg.quaestio.example")).toBeUndefined();
      expect(
        await t.db.select().from(userTokens).where(eq(userTokens.email, "niemand@hamburg.quaestio.example")),
      ).toEqual([]);
    });

    it("answers a completed reset without JavaScript with a redirect to the sign-in page, not 410", async () => {
      const email = "verwaltungsspitze@hamburg.quaestio.example";
      await requestPasswordReset({ email, clientIp: "198.51.100.213" });
      const token = /\/passwort-neu\/([A-Za-z0-9_-]+)/.exec((await latestMailTo(email))!.bodyText)![1]!;
      const request = new Request(`http://localhost/passwort-neu/${token}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: new URLSearchParams({
          password: "Lange-neue-Passphrase-2026",
          passwordRepeat: "Lange-neue-Passphrase-2026",
        }).toString(),
      });
      let outcome: unknown;
      try {
        outcome = await resetAction({ request, params: { token }, context: { clientIp: "198.51.100.214" } });
      } catch (thrown) {
        outcome = thrown;
      }
      expect(outcome).toBeInstanceOf(Response);
      const response = outcome as Response;
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe("/anmelden?hinweis=passwort-geaendert");
    });
  });

  describe("deeply nested rich text", () => {
    it("refuses a draft of 900 nested blockquotes and a 1,000-level array with a field message, echoing neither", async () => {
      const facts = await membershipFactsOf(t.db, await userId("fraktion@scharnebeck.quaestio.example"));
      const author = { id: await userId("fraktion@scharnebeck.quaestio.example"), memberships: facts };
      const options = await loadDraftingOptions(author);
      const draftId = await createDraft(author, {
        factionId: facts.find((m) => m.role === "faction_member")!.organizationId,
        typeId: options[0]!.types[0]!.id,
        title: "Verschachtelung",
      });
      const { token } = await createSession(t.db, author.id, { mfaVerified: true });
      const questionsStored = async () => {
        const [row] = await t.db
          .execute<{ version: number; bodies: string | null }>(
            sql`select i.version, (select string_agg(q.body_json::text, '|') from questions q where q.inquiry_id = i.id) as bodies from inquiries i where i.id = ${draftId}`,
          )
          .then((r) =>
            Array.isArray(r) ? r : (r as unknown as { rows: Array<{ version: number; bodies: string | null }> }).rows,
          );
        return `${row!.version}:${row!.bodies}`;
      };
      const before = await questionsStored();

      let nested: unknown = { type: "paragraph", content: [{ type: "text", text: "tief" }] };
      for (let i = 0; i < 900; i++) nested = { type: "blockquote", content: [nested] };
      const blockquotes = JSON.stringify({ type: "doc", content: [nested] });
      const array = "[".repeat(1000) + "]".repeat(1000);

      for (const json of [blockquotes, array]) {
        const request = new Request(`http://localhost/arbeitsbereich/entwurf/${draftId}`, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Origin: "http://localhost",
            Cookie: `quaestio_session=${token}`,
          },
          body: new URLSearchParams({
            intent: "save",
            version: "1",
            rich: "1",
            title: "Verschachtelung",
            "preamble-json": "",
            "preamble-text": "",
            "q-0-level": "0",
            "q-0-json": json,
            "q-0-text": "tief",
          }).toString(),
        });
        const result = (await draftRoute.action!({ request, params: { id: draftId }, context: {} })) as unknown as {
          data: {
            kind: string;
            errors?: Record<string, string>;
            values?: { questions: Array<{ json: unknown; text: string }> };
          };
          init: { status: number };
        };
        expect(result.init.status).toBe(400);
        expect(result.data.kind).toBe("refused");
        expect(result.data.errors?.["question-0"]).toMatch(/zu tief verschachtelt/);
        // The author's text is kept; the refused JSON is not sent back (serialising it used to kill the answer).
        expect(result.data.values?.questions[0]).toEqual({ level: 0, json: null, text: "tief" });
        expect(() => JSON.stringify(result.data)).not.toThrow();
      }
      // Nothing was stored, and the draft still opens.
      expect(await questionsStored()).toBe(before);
      const page = await draftRoute.loader!({
        request: new Request(`http://localhost/arbeitsbereich/entwurf/${draftId}`, {
          headers: { Cookie: `quaestio_session=${token}` },
        }),
        params: { id: draftId },
        context: {},
      });
      expect(() => JSON.stringify(page)).not.toThrow();
    });
  });
});
