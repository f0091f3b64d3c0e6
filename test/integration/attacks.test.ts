/**
 * Attacks against the server side (the attack strings on each backend, the rest on one, see below), through
 * the real route modules (loader/action called as Remix calls them) and the server functions behind them:
 * cross-body access by id, another faction's draft, mass assignment, session fixation, expired and revoked
 * sessions, CSRF, open redirects, and every attack string of test/support/attack-strings.ts fed into the
 * id, body, ref and page parameters and the sign-in form — never a 5xx (an unexpected throw), never altered data.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  answers,
  bodies,
  consultations,
  events,
  inquiries,
  inquiryTypes,
  memberships,
  organizations,
  questions,
  sessions,
  users,
} from "../../db/schema";
import { useDatabase } from "../../app/server/core/db.server";
import { createSession, invalidateSession, ABSOLUTE_LIFETIME_MS } from "../../app/server/accounts/sessions.server";
import { loader as staffInquiryLoader } from "../../app/routes/staff/arbeitsbereich.vorgaenge.$id";
import { loader as bodyListLoader } from "../../app/routes/public/body.anfragen";
import { loader as bodyDetailLoader } from "../../app/routes/public/body.anfragen.$ref";
import { action as signInAction } from "../../app/routes/account/anmelden";
import { action as signOutAction } from "../../app/routes/account/abmelden";
import { hashPassword } from "../../app/server/accounts/passwords.server";
import { ATTACK_STRINGS } from "../support/attack-strings";
import { backends, describeOnOneBackend, useTestDatabase } from "../support/db";

const ORIGIN = "http://localhost";
const STAFF_LOCALS = ["ratsbuero", "sachbearbeitung", "datenschutz", "verwaltungsspitze", "admin"] as const;
const email = (local: string, body: string) => `${local}@${body}.quaestio.example`;

/** What Remix turns into the HTTP response: a returned value, a thrown Response, or (5xx) anything else thrown. */
async function run(
  fn: () => Promise<unknown>,
): Promise<{ status: number; response?: Response; value?: unknown; error?: unknown }> {
  try {
    const value = await fn();
    if (value instanceof Response) return { status: value.status, response: value };
    // `data()` results carry their init; plain objects are 200.
    const init = (value as { init?: { status?: number } } | null)?.init;
    return { status: init?.status ?? 200, value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown };
    return { status: 500, error: thrown };
  }
}

function get(path: string, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

function cookieValue(setCookie: string | null): string | null {
  const match = /(?:__Host-)?quaestio_session=([^;]*)/.exec(setCookie ?? "");
  return match ? match[1]! : null;
}

let ipCounter = 0;
/** A fresh client IP per sign-in attempt, so that the per-IP rate limit does not mask what is tested. */
const freshIp = () => `198.51.100.${++ipCounter % 250}`;

// Access rules, sessions, CSRF and redirects are app code and run on one backend (describeOnOneBackend;
// TEST_BOTH_BACKENDS=1 for both). The attack strings run on both: they reach the database as query parameters
// (NUL bytes, lone surrogates, SQL injection, very long strings), and what each driver does with them is the database's behaviour.
describe.each(backends())("attacks on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  const userIds = new Map<string, string>();
  let password = "";

  async function cookieFor(address: string, options: { mfaVerified?: boolean; now?: Date } = {}) {
    const { token } = await createSession(t.db, userIds.get(address)!, {
      mfaVerified: options.mfaVerified ?? true,
      now: options.now,
    });
    return `quaestio_session=${token}`;
  }

  /** An inquiry in answering whose answer has a DPO consultation (administration work the public never sees). */
  async function answeringWithConsultation(bodySlug: string) {
    const [row] = await t.db
      .selectDistinct({ id: inquiries.id })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .innerJoin(answers, eq(answers.inquiryId, inquiries.id))
      .innerJoin(consultations, eq(consultations.answerId, answers.id))
      .where(and(eq(bodies.slug, bodySlug), eq(inquiries.status, "answering")))
      .limit(1);
    return row;
  }

  async function inquiriesOf(bodySlug: string) {
    return t.db
      .select({
        id: inquiries.id,
        status: inquiries.status,
        visibility: inquiries.visibility,
        publicRef: inquiries.publicRef,
      })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .where(eq(bodies.slug, bodySlug));
  }

  async function counts() {
    const [i] = await t.db.select({ n: count() }).from(inquiries);
    const [u] = await t.db.select({ n: count() }).from(users);
    const [m] = await t.db.select({ n: count() }).from(memberships);
    const [q] = await t.db.select({ n: count() }).from(questions);
    return { inquiries: i!.n, users: u!.n, memberships: m!.n, questions: q!.n };
  }

  beforeAll(async () => {
    useDatabase(t.handle);
    for (const row of await t.db.select({ id: users.id, email: users.email }).from(users))
      userIds.set(row.email, row.id);
    password = t.logins[0]!.password;
    // Staff roles must have a second factor; these tests start from sessions that have passed it.
    const staff = [...userIds.keys()].filter((address) => !address.startsWith("fraktion@"));
    await t.db
      .update(users)
      .set({ totpEnabledAt: new Date(), totpSecret: "test-secret-not-used" })
      .where(inArray(users.email, staff));
  });

  describeOnOneBackend(backend, "cross-body access by id", () => {
    it("answers 404 to every staff role of Norderstedt for every non-public inquiry of the Landtag NRW", async () => {
      const nrw = (await inquiriesOf("landtag-nrw")).filter((i) => i.visibility === "internal" || i.status === "draft");
      expect(nrw.length).toBeGreaterThanOrEqual(3);
      for (const local of STAFF_LOCALS) {
        const cookie = await cookieFor(email(local, "norderstedt"));
        for (const inquiry of nrw) {
          const result = await run(() =>
            staffInquiryLoader({
              request: get(`/arbeitsbereich/vorgaenge/${inquiry.id}`, cookie),
              params: { id: inquiry.id },
              context: {},
            }),
          );
          expect(result.status, `${local} → ${inquiry.id}`).toBe(404);
        }
      }
    });

    it("shows the Landtag's own staff their non-public inquiry and audits the read", async () => {
      const answering = await answeringWithConsultation("landtag-nrw");
      const address = email("ratsbuero", "landtag-nrw");
      const cookie = await cookieFor(address);
      const before = await t.db
        .select({ n: count() })
        .from(events)
        .where(and(eq(events.type, "non_public_read"), eq(events.aggregateId, answering!.id)));
      const result = await run(() =>
        staffInquiryLoader({
          request: get(`/arbeitsbereich/vorgaenge/${answering!.id}`, cookie),
          params: { id: answering!.id },
          context: {},
        }),
      );
      expect(result.status).toBe(200);
      const detail = (
        result.value as { data: { inquiry: { id: string; answer: { consultations: unknown[] } | null } } }
      ).data.inquiry;
      expect(detail.id).toBe(answering!.id);
      expect(detail.answer?.consultations.length).toBeGreaterThan(0);
      const audit = await t.db
        .select()
        .from(events)
        .where(and(eq(events.type, "non_public_read"), eq(events.aggregateId, answering!.id)));
      expect(audit.length).toBe(before[0]!.n + 1);
      const last = audit.at(-1)!;
      expect(last.actorUserId).toBe(userIds.get(address));
      expect(last.public).toBe(false);
      expect(last.bodyId).not.toBeNull();
    });

    it("does not let staff read a faction's draft of their own body, and a 404 is not audited", async () => {
      const [draft] = (await inquiriesOf("landtag-nrw")).filter((i) => i.status === "draft");
      const cookie = await cookieFor(email("ratsbuero", "landtag-nrw"));
      const result = await run(() =>
        staffInquiryLoader({
          request: get(`/arbeitsbereich/vorgaenge/${draft!.id}`, cookie),
          params: { id: draft!.id },
          context: {},
        }),
      );
      expect(result.status).toBe(404);
      const audit = await t.db
        .select()
        .from(events)
        .where(and(eq(events.type, "non_public_read"), eq(events.aggregateId, draft!.id)));
      expect(audit).toHaveLength(0);
    });

    it("answers 404 for an unknown UUID and for every id that is not a UUID", async () => {
      const cookie = await cookieFor(email("admin", "norderstedt"));
      const unknown = "00000000-0000-4000-8000-000000000000";
      expect(
        (
          await run(() =>
            staffInquiryLoader({
              request: get(`/arbeitsbereich/vorgaenge/${unknown}`, cookie),
              params: { id: unknown },
              context: {},
            }),
          )
        ).status,
      ).toBe(404);
      const before = await counts();
      for (const attack of ATTACK_STRINGS) {
        const result = await run(() =>
          staffInquiryLoader({
            request: get("/arbeitsbereich/vorgaenge/x", cookie),
            params: { id: attack.value },
            context: {},
          }),
        );
        expect(result.status, attack.value.slice(0, 80)).toBe(404);
      }
      expect(await counts()).toEqual(before);
    });

    it("sends anonymous readers to the sign-in page, with the way back", async () => {
      const [answering] = (await inquiriesOf("norderstedt")).filter((i) => i.status === "answering");
      const result = await run(() =>
        staffInquiryLoader({
          request: get(`/arbeitsbereich/vorgaenge/${answering!.id}`),
          params: { id: answering!.id },
          context: {},
        }),
      );
      expect(result.status).toBe(302);
      expect(result.response!.headers.get("Location")).toBe(
        `/anmelden?weiter=${encodeURIComponent(`/arbeitsbereich/vorgaenge/${answering!.id}`)}`,
      );
    });
  });

  describeOnOneBackend(backend, "faction drafts", () => {
    let otherDraftId = "";
    let ownDraftId = "";

    beforeAll(async () => {
      const [body] = await t.db.select().from(bodies).where(eq(bodies.slug, "norderstedt"));
      const [type] = await t.db.select().from(inquiryTypes).where(eq(inquiryTypes.bodyId, body!.id)).limit(1);
      const [other] = await t.db
        .insert(organizations)
        .values({ bodyId: body!.id, kind: "faction", name: "Andere Fraktion (Test)" })
        .returning();
      const [otherUser] = await t.db
        .insert(users)
        .values({
          email: "andere-fraktion@norderstedt.quaestio.example",
          displayName: "Andere Fraktion",
          passwordHash: await hashPassword(password),
        })
        .returning();
      userIds.set(otherUser!.email, otherUser!.id);
      await t.db
        .insert(memberships)
        .values({ userId: otherUser!.id, bodyId: body!.id, organizationId: other!.id, role: "faction_member" });
      const [draft] = await t.db
        .insert(inquiries)
        .values({
          bodyId: body!.id,
          typeId: type!.id,
          title: "Geheimer Entwurf der anderen Fraktion",
          status: "draft",
          visibility: "internal",
          originatorOrganizationId: other!.id,
        })
        .returning();
      otherDraftId = draft!.id;
      const own = (await inquiriesOf("norderstedt")).find((i) => i.status === "draft" && i.id !== otherDraftId);
      ownDraftId = own!.id;
    });

    it("answers 404 to a faction member reading another faction's draft, and 200 for the own faction's", async () => {
      const demo = await cookieFor(email("fraktion", "norderstedt"), { mfaVerified: false });
      expect(
        (await run(() => staffInquiryLoader({ request: get("/", demo), params: { id: otherDraftId }, context: {} })))
          .status,
      ).toBe(404);
      expect(
        (await run(() => staffInquiryLoader({ request: get("/", demo), params: { id: ownDraftId }, context: {} })))
          .status,
      ).toBe(200);
      const other = await cookieFor("andere-fraktion@norderstedt.quaestio.example", { mfaVerified: false });
      expect(
        (await run(() => staffInquiryLoader({ request: get("/", other), params: { id: ownDraftId }, context: {} })))
          .status,
      ).toBe(404);
      expect(
        (await run(() => staffInquiryLoader({ request: get("/", other), params: { id: otherDraftId }, context: {} })))
          .status,
      ).toBe(200);
    });

    it("shows a faction its own inquiry but not the administration's unpublished answer work", async () => {
      const answering = await answeringWithConsultation("norderstedt");
      type Detail = {
        data: { inquiry: { questions: unknown[]; answer: { versions: unknown[]; consultations: unknown[] } | null } };
      };
      const faction = await cookieFor(email("fraktion", "norderstedt"), { mfaVerified: false });
      const seen = await run(() =>
        staffInquiryLoader({ request: get("/", faction), params: { id: answering!.id }, context: {} }),
      );
      expect(seen.status).toBe(200);
      const forFaction = (seen.value as Detail).data.inquiry;
      expect(forFaction.questions.length).toBeGreaterThan(0);
      expect(forFaction.answer?.versions).toEqual([]);
      expect(forFaction.answer?.consultations).toEqual([]);
      const staff = await cookieFor(email("sachbearbeitung", "norderstedt"));
      const forStaff = (
        (await run(() => staffInquiryLoader({ request: get("/", staff), params: { id: answering!.id }, context: {} })))
          .value as Detail
      ).data.inquiry;
      expect(forStaff.answer?.versions.length).toBeGreaterThan(0);
      expect(forStaff.answer?.consultations.length).toBeGreaterThan(0);
    });

    it("answers 404 to a faction member of another body", async () => {
      const nrwFaction = await cookieFor(email("fraktion", "landtag-nrw"), { mfaVerified: false });
      expect(
        (
          await run(() =>
            staffInquiryLoader({ request: get("/", nrwFaction), params: { id: ownDraftId }, context: {} }),
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await run(() =>
            staffInquiryLoader({ request: get("/", nrwFaction), params: { id: otherDraftId }, context: {} }),
          )
        ).status,
      ).toBe(404);
    });
  });

  describeOnOneBackend(backend, "sessions", () => {
    it("does not keep a session id planted before sign-in (session fixation)", async () => {
      const address = email("fraktion", "scharnebeck");
      const planted = "aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb";
      const earlier = (await cookieFor(address, { mfaVerified: false })).split("=")[1]!;
      for (const fixed of [planted, earlier]) {
        const result = await run(() =>
          signInAction({
            request: post(
              "/anmelden",
              { email: address, password, weiter: "/arbeitsbereich" },
              { Cookie: `quaestio_session=${fixed}` },
            ),
            params: {},
            context: { clientIp: freshIp() },
          }),
        );
        expect(result.status).toBe(302);
        const issued = cookieValue(result.response!.headers.get("Set-Cookie"));
        expect(issued).toBeTruthy();
        expect(issued).not.toBe(fixed);
        expect(issued!.split(".")[0]).not.toBe(fixed.split(".")[0]);
      }
      const [planted_] = await t.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, planted.split(".")[0]!));
      expect(planted_).toBeUndefined();
    });

    it("rejects expired and revoked sessions on the staff view", async () => {
      const [answering] = (await inquiriesOf("norderstedt")).filter((i) => i.status === "answering");
      const address = email("ratsbuero", "norderstedt");
      const expired = await cookieFor(address, { now: new Date(Date.now() - ABSOLUTE_LIFETIME_MS - 60_000) });
      const r1 = await run(() =>
        staffInquiryLoader({ request: get("/", expired), params: { id: answering!.id }, context: {} }),
      );
      expect(r1.status).toBe(302);
      expect(r1.response!.headers.get("Location")).toMatch(/^\/anmelden\?weiter=/);

      const revoked = await cookieFor(address);
      expect(
        (
          await run(() =>
            staffInquiryLoader({ request: get("/", revoked), params: { id: answering!.id }, context: {} }),
          )
        ).status,
      ).toBe(200);
      await invalidateSession(t.db, revoked.split("=")[1]!.split(".")[0]!);
      const r2 = await run(() =>
        staffInquiryLoader({ request: get("/", revoked), params: { id: answering!.id }, context: {} }),
      );
      expect(r2.status).toBe(302);
    });
  });

  describeOnOneBackend(backend, "mass assignment", () => {
    it("ignores bodyId, role, status, userId and isAdmin on the sign-in form", async () => {
      const address = email("fraktion", "hamburg");
      const userId = userIds.get(address)!;
      const [adminBody] = await t.db.select().from(bodies).where(eq(bodies.slug, "norderstedt"));
      const membershipsBefore = await t.db.select().from(memberships).where(eq(memberships.userId, userId));
      const [userBefore] = await t.db.select().from(users).where(eq(users.id, userId));
      const before = await counts();
      const result = await run(() =>
        signInAction({
          request: post("/anmelden", {
            email: address,
            password,
            weiter: "/arbeitsbereich",
            bodyId: adminBody!.id,
            role: "body_admin",
            status: "answered",
            userId: userIds.get(email("admin", "norderstedt"))!,
            isAdmin: "true",
            active: "true",
            mfaVerified: "true",
          }),
          params: {},
          context: { clientIp: freshIp() },
        }),
      );
      expect(result.status).toBe(302);
      expect(await t.db.select().from(memberships).where(eq(memberships.userId, userId))).toEqual(membershipsBefore);
      const [userAfter] = await t.db.select().from(users).where(eq(users.id, userId));
      expect({ ...userAfter, lastSignInAt: null, updatedAt: null }).toEqual({
        ...userBefore,
        lastSignInAt: null,
        updatedAt: null,
      });
      expect(await counts()).toEqual(before);
      // The new session belongs to the account that signed in, not to the userId that was posted.
      const token = cookieValue(result.response!.headers.get("Set-Cookie"))!;
      const [session] = await t.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, token.split(".")[0]!));
      expect(session!.userId).toBe(userId);
    });
  });

  describeOnOneBackend(backend, "CSRF", () => {
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    ];

    it("refuses a sign-in posted from a foreign origin and records nothing", async () => {
      const address = email("fraktion", "norderstedt");
      const userId = userIds.get(address)!;
      const sessionsBefore = await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
      const eventsBefore = await t.db.select({ n: count() }).from(events).where(eq(events.aggregateId, userId));
      for (const headers of foreign) {
        const result = await run(() =>
          signInAction({
            request: post("/anmelden", { email: address, password }, headers),
            params: {},
            context: { clientIp: freshIp() },
          }),
        );
        expect(result.status).toBe(403);
        expect(result.response!.headers.get("Set-Cookie")).toBeNull();
      }
      expect(await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId))).toEqual(
        sessionsBefore,
      );
      expect(await t.db.select({ n: count() }).from(events).where(eq(events.aggregateId, userId))).toEqual(
        eventsBefore,
      );
    });

    it("refuses a sign-out posted from a foreign origin: the session stays valid", async () => {
      const cookie = await cookieFor(email("fraktion", "norderstedt"), { mfaVerified: false });
      const sessionId = cookie.split("=")[1]!.split(".")[0]!;
      for (const headers of foreign) {
        const result = await run(() =>
          signOutAction({ request: post("/abmelden", {}, { ...headers, Cookie: cookie }), params: {}, context: {} }),
        );
        expect(result.status).toBe(403);
      }
      expect(await t.db.select().from(sessions).where(eq(sessions.id, sessionId))).toHaveLength(1);
      // The same request from the own origin does sign out.
      const ok = await run(() =>
        signOutAction({ request: post("/abmelden", {}, { Cookie: cookie }), params: {}, context: {} }),
      );
      expect(ok.status).toBe(302);
      expect(await t.db.select().from(sessions).where(eq(sessions.id, sessionId))).toHaveLength(0);
    });
  });

  describeOnOneBackend(backend, "open redirect", () => {
    const payloads = [
      "//evil.example",
      "//evil.example/arbeitsbereich",
      "///evil.example",
      "////evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "https:evil.example",
      "http:/evil.example",
      "HTTPS://EVIL.EXAMPLE",
      "%2f%2fevil.example",
      "/%2f%2fevil.example",
      "/%5cevil.example",
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "/\t/evil.example",
      "/\n/evil.example",
      " //evil.example",
      "evil.example",
      "@evil.example",
      "/@evil.example",
      "//evil.example@localhost",
      "//localhost@evil.example",
      "/.//evil.example",
      "/..//evil.example",
      "\u3002evil.example",
      "//evil%E3%80%82example",
      "/\u0000//evil.example",
      "/a/..//evil.example",
      "/%2e//evil.example",
    ];

    it(`never sends the browser off-site after sign-in (${payloads.length} payloads)`, async () => {
      const address = email("fraktion", "landtag-nrw");
      for (const weiter of payloads) {
        const result = await run(() =>
          signInAction({
            request: post("/anmelden", { email: address, password, weiter }),
            params: {},
            context: { clientIp: freshIp() },
          }),
        );
        expect(result.status, weiter).toBe(302);
        const location = result.response!.headers.get("Location")!;
        expect(location.startsWith("/"), `${weiter} → ${location}`).toBe(true);
        expect(location.startsWith("//") || location.startsWith("/\\"), `${weiter} → ${location}`).toBe(false);
        expect(new URL(location, ORIGIN).origin, `${weiter} → ${location}`).toBe(ORIGIN);
      }
    });
  });

  describe("attack strings in public parameters and the sign-in form", () => {
    it(`never fails and never changes data for ${ATTACK_STRINGS.length} strings`, async () => {
      expect(ATTACK_STRINGS.length).toBeGreaterThanOrEqual(300);
      const before = await counts();
      const sessionsBefore = await t.db.select({ n: count() }).from(sessions);
      const failures: string[] = [];
      for (const attack of ATTACK_STRINGS) {
        const v = attack.value;
        const checks: Array<[string, () => Promise<unknown>]> = [
          [
            "seite",
            () =>
              bodyListLoader({
                request: new Request(`${ORIGIN}/norderstedt/anfragen?${new URLSearchParams({ seite: v })}`),
                params: { body: "norderstedt" },
                context: {},
              }),
          ],
          ["body", () => bodyListLoader({ request: get("/x/anfragen"), params: { body: v }, context: {} })],
          [
            "ref",
            () =>
              bodyDetailLoader({
                request: get("/landtag-nrw/anfragen/x"),
                params: { body: "landtag-nrw", ref: v },
                context: {},
              }),
          ],
          [
            "body+ref",
            () => bodyDetailLoader({ request: get("/x/anfragen/x"), params: { body: v, ref: "17-9511" }, context: {} }),
          ],
        ];
        for (const [where, fn] of checks) {
          const result = await run(fn);
          if (result.status >= 500) failures.push(`${where}: ${v.slice(0, 60)} → ${String(result.error)}`);
        }
      }
      // The sign-in form: every string as e-mail, as password and as `weiter` (a sample, the form is rate-limited
      // and argon2 is slow on purpose).
      for (const attack of ATTACK_STRINGS.filter((_, i) => i % 6 === 0)) {
        const forms: Record<string, string>[] = [
          { email: attack.value, password: "x" },
          { email: "fraktion@norderstedt.quaestio.example", password: attack.value },
          { email: attack.value, password: attack.value, weiter: attack.value },
        ];
        for (const fields of forms) {
          const result = await run(() =>
            signInAction({ request: post("/anmelden", fields), params: {}, context: { clientIp: freshIp() } }),
          );
          if (result.status >= 500) failures.push(`sign-in: ${attack.value.slice(0, 60)} → ${String(result.error)}`);
          expect([400, 401, 429], attack.value.slice(0, 60)).toContain(result.status);
          const body = JSON.stringify(result.value ?? "");
          expect(body.includes(attack.value) && fields.password === attack.value && fields.email !== attack.value).toBe(
            false,
          );
        }
      }
      expect(failures).toEqual([]);
      expect(await counts()).toEqual(before);
      expect(await t.db.select({ n: count() }).from(sessions)).toEqual(sessionsBefore);
      const [nrw] = await t.db
        .select({ n: count() })
        .from(inquiries)
        .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
        .where(inArray(bodies.slug, ["landtag-nrw"]));
      expect(nrw!.n).toBeGreaterThan(0);
    });
  });
});
