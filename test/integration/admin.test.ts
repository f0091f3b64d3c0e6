/**
 * Body administration against a real database (one backend, see below): invitations (outbox, token, single use,
 * expiry), roles, deactivation and MFA reset ending sessions at once, audit events, 404 across bodies for
 * every admin page and function, mass assignment and CSRF. Routes are called as Remix calls them.
 * No test depends on another (issue 9): whatever ends sessions, floods invitations or fills an audit log works on an
 * account or body of its own (accountLike, the factories), and the audit-log test writes the events it looks for.
 */
import type { EventName } from "../../app/domain/events";
import { and, eq } from "drizzle-orm";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { beforeAll, describe, expect, it } from "vitest";
import {
  bodies,
  events,
  memberships,
  organizations,
  outbox,
  recoveryCodes,
  sessions,
  userTokens,
  users,
} from "../../db/schema";
import {
  NotFound,
  deactivateUser,
  grantRole,
  loadAuditLog,
  loadBodyAdministration,
  loadUserAdministration,
  reactivateUser,
  resetSecondFactor,
  revokeRole,
  type Actor,
} from "../../app/server/admin/admin.server";
import { publicOrigin } from "../../app/server/core/config.server";
import { useDatabase } from "../../app/server/core/db.server";
import { acceptInvitation, inviteUser } from "../../app/server/accounts/invitations.server";
import { createSession, validateSessionToken } from "../../app/server/accounts/sessions.server";
import * as overviewRoute from "../../app/routes/admin/verwaltung.$body";
import * as userRoute from "../../app/routes/admin/verwaltung.$body.benutzer.$userId";
import * as auditRoute from "../../app/routes/admin/verwaltung.$body.protokoll";
import * as invitationRoute from "../../app/routes/account/einladung.$token";
import type { Role } from "../../app/domain/policy";
import { oneBackend, useTestDatabase } from "../support/db";
import { createBody, createOrganization, createUser } from "../support/factories";
import { accountLike } from "../support/users";

const ORIGIN = "http://localhost";
const email = (local: string, body: string) => `${local}@${body}.quaestio.example`;
const STRONG_PASSWORD = "Laterne-Ostsee-Amtsblatt-47";

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
};

interface Outcome {
  status: number;
  data: any;
  location: string | null;
}

/** Runs a loader or action the way Remix does and normalises data()/Response/thrown Response. */
async function run(
  mod: RouteModule,
  kind: "loader" | "action",
  input: {
    path: string;
    params: Record<string, string>;
    cookie?: string;
    form?: Record<string, string>;
    headers?: Record<string, string>;
  },
): Promise<Outcome> {
  const headers: Record<string, string> = {
    ...(input.cookie ? { Cookie: input.cookie } : {}),
    ...(input.headers ?? {}),
  };
  let body: URLSearchParams | undefined;
  if (kind === "action") {
    headers.Origin ??= ORIGIN;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(input.form ?? {});
  }
  const request = new Request(`${ORIGIN}${input.path}`, { method: kind === "action" ? "POST" : "GET", headers, body });
  try {
    const result: any = await mod[kind]!({ request, params: input.params, context: { clientIp: "127.0.0.9" } });
    if (result instanceof Response)
      return { status: result.status, data: null, location: result.headers.get("Location") };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      return { status: result.init?.status ?? 200, data: result.data, location: null };
    }
    return { status: 200, data: result, location: null };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, data: null, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

function tokenFromMail(text: string): string {
  const match = /\/einladung\/([a-z2-7]+)/.exec(text);
  if (!match) throw new Error(`no invitation link in the mail:\n${text}`);
  return match[1]!;
}

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): invitations, roles, deactivation and the admin pages'
// 404s are app code over plain inserts and updates.
describe.each(oneBackend())("body administration on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  let norderstedt = "";
  let landtag = "";
  let clerkOrgN = "";
  let factionOrgN = "";
  let orgL = "";

  async function userId(address: string) {
    const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, address));
    return u!.id;
  }

  /** A fully signed-in session (second factor set up and passed), as the cookie header. */
  async function signedIn(address: string) {
    const id = await userId(address);
    await t.db.update(users).set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() }).where(eq(users.id, id));
    const { token } = await createSession(t.db, id, { mfaVerified: true });
    return `quaestio_session=${token}`;
  }

  async function actor(address: string): Promise<Actor> {
    const id = await userId(address);
    const rows = await t.db
      .select({ bodyId: memberships.bodyId, organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, id));
    return { id, displayName: address, memberships: rows.map((r) => ({ ...r, role: r.role as Role })) };
  }

  async function sessionCount(id: string) {
    return (await t.db.select().from(sessions).where(eq(sessions.userId, id))).length;
  }

  async function eventsOf(type: EventName, aggregateId?: string) {
    return t.db
      .select()
      .from(events)
      .where(aggregateId ? and(eq(events.type, type), eq(events.aggregateId, aggregateId)) : eq(events.type, type));
  }

  beforeAll(async () => {
    useDatabase(t.handle);
    const [n] = await t.db.select().from(bodies).where(eq(bodies.slug, "norderstedt"));
    const [l] = await t.db.select().from(bodies).where(eq(bodies.slug, "landtag-nrw"));
    norderstedt = n!.id;
    landtag = l!.id;
    for (const [key, address] of [
      ["adminN", email("admin", "norderstedt")],
      ["adminL", email("admin", "landtag-nrw")],
      ["clerkN", email("sachbearbeitung", "norderstedt")],
      ["officeN", email("ratsbuero", "norderstedt")],
      ["clerkL", email("sachbearbeitung", "landtag-nrw")],
      ["factionN", email("fraktion", "norderstedt")],
    ] as const) {
      ids[key] = await userId(address);
    }
    cookies.adminN = await signedIn(email("admin", "norderstedt"));
    cookies.officeN = await signedIn(email("ratsbuero", "norderstedt"));
    const [clerkMembership] = await t.db.select().from(memberships).where(eq(memberships.userId, ids.clerkN!));
    clerkOrgN = clerkMembership!.organizationId;
    const [faction] = await t.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.bodyId, norderstedt), eq(organizations.kind, "faction")));
    factionOrgN = faction!.id;
    const [lOrg] = await t.db.select().from(memberships).where(eq(memberships.userId, ids.clerkL!));
    orgL = lOrg!.organizationId;
  });

  it("answers an anonymous request with the sign-in page and a non-admin or another body's admin with 404", async () => {
    const anonymous = await run(overviewRoute, "loader", {
      path: "/verwaltung/norderstedt",
      params: { body: "norderstedt" },
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/anmelden\?weiter=/);

    const office = await run(overviewRoute, "loader", {
      path: "/verwaltung/norderstedt",
      params: { body: "norderstedt" },
      cookie: cookies.officeN,
    });
    expect(office.status).toBe(404);

    for (const slug of ["landtag-nrw", "hamburg", "gibt-es-nicht", "..%2F..%2Fetc", "NORDERSTEDT"]) {
      const other = await run(overviewRoute, "loader", {
        path: `/verwaltung/${slug}`,
        params: { body: slug },
        cookie: cookies.adminN,
      });
      expect(other.status, slug).toBe(404);
      const audit = await run(auditRoute, "loader", {
        path: `/verwaltung/${slug}/protokoll`,
        params: { body: slug },
        cookie: cookies.adminN,
      });
      expect(audit.status, slug).toBe(404);
    }

    const own = await run(overviewRoute, "loader", {
      path: "/verwaltung/norderstedt",
      params: { body: "norderstedt" },
      cookie: cookies.adminN,
    });
    expect(own.status).toBe(200);
    expect(own.data.users.map((u: { id: string }) => u.id)).toContain(ids.clerkN);
    expect(own.data.users.map((u: { id: string }) => u.id)).not.toContain(ids.clerkL);
    expect(own.data.organizations.every((o: { id: string }) => o.id !== orgL)).toBe(true);
  });

  it("answers 404 for another body's user under the own body, for every loader and action intent", async () => {
    const path = `/verwaltung/norderstedt/benutzer/${ids.clerkL}`;
    const params = { body: "norderstedt", userId: ids.clerkL! };
    expect((await run(userRoute, "loader", { path, params, cookie: cookies.adminN })).status).toBe(404);
    const [membershipL] = await t.db.select().from(memberships).where(eq(memberships.userId, ids.clerkL!));
    const intents: Array<Record<string, string>> = [
      { intent: "grant", organizationId: clerkOrgN, role: "clerk" },
      { intent: "grant", organizationId: orgL, role: "clerk" },
      { intent: "revoke", membershipId: membershipL!.id },
      { intent: "deactivate" },
      { intent: "reactivate" },
      { intent: "reset_mfa" },
    ];
    for (const form of intents) {
      const res = await run(userRoute, "action", { path, params, cookie: cookies.adminN, form });
      expect(res.status, JSON.stringify(form)).toBe(404);
      // Under the other body's URL as well: the admin of Norderstedt does not administer the Landtag.
      const there = await run(userRoute, "action", {
        path: `/verwaltung/landtag-nrw/benutzer/${ids.clerkL}`,
        params: { body: "landtag-nrw", userId: ids.clerkL! },
        cookie: cookies.adminN,
        form,
      });
      expect(there.status, JSON.stringify(form)).toBe(404);
    }
    // A membership id of another body under an own user is also not found.
    const revokeForeign = await run(userRoute, "action", {
      path: `/verwaltung/norderstedt/benutzer/${ids.clerkN}`,
      params: { body: "norderstedt", userId: ids.clerkN! },
      cookie: cookies.adminN,
      form: { intent: "revoke", membershipId: membershipL!.id },
    });
    expect(revokeForeign.status).toBe(404);
    const [clerkL] = await t.db.select().from(users).where(eq(users.id, ids.clerkL!));
    expect(clerkL!.active).toBe(true);
    expect(await t.db.select().from(memberships).where(eq(memberships.id, membershipL!.id))).toHaveLength(1);
    // Unknown and malformed ids too.
    for (const bad of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "../../etc/passwd"]) {
      const res = await run(userRoute, "loader", {
        path: `/verwaltung/norderstedt/benutzer/${bad}`,
        params: { body: "norderstedt", userId: bad },
        cookie: cookies.adminN,
      });
      expect(res.status, bad).toBe(404);
    }
  });

  it("checks the body in every server function as well, not only in the routes", async () => {
    const adminN = await actor(email("admin", "norderstedt"));
    const office = await actor(email("ratsbuero", "norderstedt"));
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["overview of another body", () => loadBodyAdministration(adminN, "landtag-nrw")],
      ["overview as non-admin", () => loadBodyAdministration(office, "norderstedt")],
      ["user of another body", () => loadUserAdministration(adminN, "norderstedt", ids.clerkL!)],
      [
        "invite into another body",
        () => inviteUser(adminN, "landtag-nrw", { email: "x@example.org", organizationId: orgL, role: "clerk" }),
      ],
      [
        "grant in another body",
        () => grantRole(adminN, "landtag-nrw", ids.clerkL!, { organizationId: orgL, role: "dpo" }),
      ],
      [
        "grant to another body's user",
        () => grantRole(adminN, "norderstedt", ids.clerkL!, { organizationId: clerkOrgN, role: "dpo" }),
      ],
      [
        "revoke in another body",
        () => revokeRole(adminN, "norderstedt", ids.clerkL!, "00000000-0000-4000-8000-000000000000"),
      ],
      ["deactivate another body's user", () => deactivateUser(adminN, "norderstedt", ids.clerkL!)],
      ["reactivate another body's user", () => reactivateUser(adminN, "landtag-nrw", ids.clerkL!)],
      ["reset another body's user", () => resetSecondFactor(adminN, "norderstedt", ids.clerkL!)],
      ["audit log of another body", () => loadAuditLog(adminN, "landtag-nrw", 1)],
      ["audit log as non-admin", () => loadAuditLog(office, "norderstedt", 1)],
    ];
    for (const [label, call] of calls) {
      await expect(call(), label).rejects.toBeInstanceOf(NotFound);
    }
  });

  it("invites by e-mail: token stored hashed, mail in the outbox in the same transaction as the event; extra fields ignored", async () => {
    const invitee = "neue.kollegin@norderstedt.example";
    const res = await run(overviewRoute, "action", {
      path: "/verwaltung/norderstedt",
      params: { body: "norderstedt" },
      cookie: cookies.adminN,
      form: {
        email: ` ${invitee.toUpperCase()} `,
        organizationId: clerkOrgN,
        role: "clerk",
        bodyId: landtag,
        status: "accepted",
        userId: ids.adminL!,
        grant: "body_admin",
      },
    });
    expect(res.status).toBe(200);
    expect(res.data.invited).toBe(invitee);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.recipient, invitee));
    expect(mail!.status).toBe("pending");
    expect(mail!.bodyText).toContain(`${publicOrigin()}/einladung/`);
    const token = tokenFromMail(mail!.bodyText);
    expect(token.length).toBeGreaterThanOrEqual(51); // 256 bits in base32
    const [row] = await t.db.select().from(userTokens).where(eq(userTokens.email, invitee));
    expect(row!.tokenHash).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.purpose).toBe("invitation");
    expect(row!.bodyId).toBe(norderstedt);
    expect(row!.grant).toEqual({ organizationId: clerkOrgN, role: "clerk" });
    expect(row!.usedAt).toBeNull();
    const lifetime = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(lifetime).toBe(7 * 24 * 60 * 60 * 1000);
    const [event] = await eventsOf("user_invited", row!.id);
    expect(event!.actorUserId).toBe(ids.adminN);
    expect(event!.bodyId).toBe(norderstedt);
    expect(mail!.eventId).toBe(event!.id);

    // Accept once through the page: account created with the granted membership only.
    const page = await run(invitationRoute, "loader", { path: `/einladung/${token}`, params: { token } });
    expect(page.status).toBe(200);
    expect(page.data.invitation.existingAccount).toBe(false);
    const accepted = await run(invitationRoute, "action", {
      path: `/einladung/${token}`,
      params: { token },
      form: {
        displayName: "Neue Kollegin",
        password: STRONG_PASSWORD,
        passwordConfirm: STRONG_PASSWORD,
        role: "body_admin",
        bodyId: landtag,
        active: "false",
      },
    });
    // Post/redirect/get to the sign-in page with its notice (no-JS browsers got 404 for the spent token before).
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe("/anmelden?hinweis=einladung-angenommen");
    const [created] = await t.db.select().from(users).where(eq(users.email, invitee));
    expect(created!.displayName).toBe("Neue Kollegin");
    expect(created!.passwordHash).toMatch(/^\$argon2id\$/);
    const granted = await t.db.select().from(memberships).where(eq(memberships.userId, created!.id));
    expect(granted.map((m) => [m.bodyId, m.organizationId, m.role])).toEqual([[norderstedt, clerkOrgN, "clerk"]]);
    expect(await eventsOf("invitation_accepted", created!.id)).toHaveLength(1);

    // Reuse is rejected, through the page and the function.
    const again = await run(invitationRoute, "action", {
      path: `/einladung/${token}`,
      params: { token },
      form: { displayName: "Noch einmal", password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD },
    });
    expect(again.status).toBe(404);
    expect(await acceptInvitation(token, { displayName: "x", password: STRONG_PASSWORD })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await run(invitationRoute, "loader", { path: `/einladung/${token}`, params: { token } })).status).toBe(404);
    expect(await t.db.select().from(memberships).where(eq(memberships.userId, created!.id))).toHaveLength(1);
  });

  it("rejects an expired invitation, a weak password (keeping the token), and foreign organisations or unknown roles", async () => {
    const adminN = await actor(email("admin", "norderstedt"));
    const old = await inviteUser(
      adminN,
      "norderstedt",
      { email: "spaet@example.org", organizationId: clerkOrgN, role: "clerk" },
      {
        now: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000),
      },
    );
    if (!("token" in old)) throw new Error("rate limited");
    expect(await acceptInvitation(old.token, { displayName: "Spät", password: STRONG_PASSWORD })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      (await run(invitationRoute, "loader", { path: `/einladung/${old.token}`, params: { token: old.token } })).status,
    ).toBe(404);
    expect(await t.db.select().from(users).where(eq(users.email, "spaet@example.org"))).toHaveLength(0);

    const fresh = await inviteUser(adminN, "norderstedt", {
      email: "schwach@example.org",
      organizationId: factionOrgN,
      role: "faction_member",
    });
    if (!("token" in fresh)) throw new Error("rate limited");
    const weak = await run(invitationRoute, "action", {
      path: `/einladung/${fresh.token}`,
      params: { token: fresh.token },
      form: { displayName: "Schwach", password: "password123", passwordConfirm: "password123" },
    });
    expect(weak.status).toBe(400);
    expect(weak.data.result.error?.password?.[0]).toBeTruthy();
    expect(weak.data.result.initialValue?.displayName).toBe("Schwach");
    expect(JSON.stringify(weak.data)).not.toContain("password123");
    expect((await acceptInvitation(fresh.token, { displayName: "Stark", password: STRONG_PASSWORD })).ok).toBe(true);

    const attempts: Array<[Record<string, string>, string]> = [
      [{ email: "a@example.org", organizationId: orgL, role: "clerk" }, "organizationId"],
      [{ email: "a@example.org", organizationId: "' or 1=1 --", role: "clerk" }, "organizationId"],
      [{ email: "a@example.org", organizationId: clerkOrgN, role: "superuser" }, "role"],
      [{ email: "a@example.org", organizationId: factionOrgN, role: "body_admin" }, "role"],
      [{ email: "<script>alert(1)</script>", organizationId: clerkOrgN, role: "clerk" }, "email"],
    ];
    for (const [form, field] of attempts) {
      const res = await run(overviewRoute, "action", {
        path: "/verwaltung/norderstedt",
        params: { body: "norderstedt" },
        cookie: cookies.adminN,
        form,
      });
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.data.result.error?.[field]?.[0], JSON.stringify(form)).toBeTruthy();
      expect(res.data.result.initialValue?.email).toBe(form.email);
    }
    expect(await t.db.select().from(userTokens).where(eq(userTokens.email, "a@example.org"))).toHaveLength(0);
  });

  it("lets an existing account accept with its own password and ends its older sessions", async () => {
    const adminN = await actor(email("admin", "norderstedt"));
    const invited = await inviteUser(adminN, "norderstedt", {
      email: email("fraktion", "norderstedt"),
      organizationId: clerkOrgN,
      role: "co_signer",
    });
    if (!("token" in invited)) throw new Error("rate limited");
    const live = await createSession(t.db, ids.factionN!);
    expect(await acceptInvitation(invited.token, { displayName: "", password: "falsch-falsch-falsch" })).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect(await validateSessionToken(t.db, live.token)).not.toBeNull();
    const ok = await acceptInvitation(invited.token, {
      displayName: "",
      password: t.logins.find((l) => l.email === email("fraktion", "norderstedt"))!.password,
    });
    expect(ok).toEqual({ ok: true, userId: ids.factionN });
    expect(await validateSessionToken(t.db, live.token)).toBeNull();
    const roles = await t.db.select().from(memberships).where(eq(memberships.userId, ids.factionN!));
    expect(roles.map((r) => r.role).sort()).toEqual(["co_signer", "faction_member"]);
  });

  it("limits password guesses through an invitation link like sign-in, and limits invitations per admin", async () => {
    const adminN = await actor(email("admin", "norderstedt"));
    const target = email("datenschutz", "norderstedt");
    const invited = await inviteUser(adminN, "norderstedt", {
      email: target,
      organizationId: clerkOrgN,
      role: "co_signer",
    });
    if (!("token" in invited)) throw new Error("rate limited");
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await acceptInvitation(invited.token, { displayName: "", password: `geraten-${i}-geraten` });
      outcomes.push(r.ok ? "ok" : r.reason);
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("wrong_password"));
    expect(outcomes[5]).toBe("rate_limited");
    const right = await acceptInvitation(invited.token, {
      displayName: "",
      password: t.logins.find((l) => l.email === target)!.password,
    });
    expect(right).toMatchObject({ ok: false, reason: "rate_limited" });

    // The flood comes from an admin account of its own (like the demo admin), so that the limit it reaches does not
    // refuse the other tests' invitations by the demo admin (issue 9).
    const floodAdmin = email("admin-flut", "norderstedt");
    await accountLike(t.db, email("admin", "norderstedt"), floodAdmin);
    const floodCookie = await signedIn(floodAdmin);
    let limited: Outcome | null = null;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await run(overviewRoute, "action", {
        path: "/verwaltung/norderstedt",
        params: { body: "norderstedt" },
        cookie: floodCookie,
        form: { email: `flut-${i}@example.org`, organizationId: clerkOrgN, role: "clerk" },
      });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited, "the 21st invitation within a minute is refused").not.toBeNull();
    expect(limited!.data.result.error?.[""]?.[0]).toMatch(/Zu viele Einladungen/);
  });

  it("grants and revokes roles with audit events, ends the target's sessions and ignores extra form fields", async () => {
    const path = `/verwaltung/norderstedt/benutzer/${ids.clerkN}`;
    const params = { body: "norderstedt", userId: ids.clerkN! };
    const live = await createSession(t.db, ids.clerkN!);
    const granted = await run(userRoute, "action", {
      path,
      params,
      cookie: cookies.adminN,
      form: {
        intent: "grant",
        organizationId: clerkOrgN,
        role: "department_head",
        bodyId: landtag,
        userId: ids.clerkL!,
        status: "inactive",
        active: "false",
      },
    });
    expect(granted.status).toBe(200);
    expect(await validateSessionToken(t.db, live.token)).toBeNull();
    expect(await sessionCount(ids.clerkN!)).toBe(0);
    const [head] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, ids.clerkN!), eq(memberships.role, "department_head")));
    expect(head!.bodyId).toBe(norderstedt);
    expect(
      await t.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, ids.clerkL!), eq(memberships.role, "department_head"))),
    ).toHaveLength(0);
    const [clerk] = await t.db.select().from(users).where(eq(users.id, ids.clerkN!));
    expect(clerk!.active).toBe(true);
    const [grantEvent] = await eventsOf("role_granted", ids.clerkN);
    expect(grantEvent).toMatchObject({ bodyId: norderstedt, actorUserId: ids.adminN, aggregateType: "user" });
    expect(grantEvent!.payload).toMatchObject({ role: "department_head", organizationId: clerkOrgN });

    const duplicate = await run(userRoute, "action", {
      path,
      params,
      cookie: cookies.adminN,
      form: { intent: "grant", organizationId: clerkOrgN, role: "department_head" },
    });
    expect(duplicate.status).toBe(400);

    const second = await createSession(t.db, ids.clerkN!);
    const revoked = await run(userRoute, "action", {
      path,
      params,
      cookie: cookies.adminN,
      form: { intent: "revoke", membershipId: head!.id },
    });
    expect(revoked.status).toBe(200);
    expect(await validateSessionToken(t.db, second.token)).toBeNull();
    expect(await t.db.select().from(memberships).where(eq(memberships.id, head!.id))).toHaveLength(0);
    const [revokeEvent] = await eventsOf("role_revoked", ids.clerkN);
    expect(revokeEvent).toMatchObject({ bodyId: norderstedt, actorUserId: ids.adminN });
    expect(revokeEvent!.payload).toMatchObject({ role: "department_head" });
  });

  it("deactivation ends every session at once; reactivation is audited; the admin cannot lock out itself", async () => {
    // An account of its own like the demo council office, signed in here (issue 9: the demo account's session
    // is the one the first test needs).
    const officeAddress = email("ratsbuero-deaktiviert", "norderstedt");
    const officeId = await accountLike(t.db, email("ratsbuero", "norderstedt"), officeAddress);
    const officeCookie = await signedIn(officeAddress);
    const path = `/verwaltung/norderstedt/benutzer/${officeId}`;
    const params = { body: "norderstedt", userId: officeId };
    const [officeToken] = officeCookie.split("=").slice(1);
    expect(await validateSessionToken(t.db, officeToken!)).not.toBeNull();
    const res = await run(userRoute, "action", {
      path,
      params,
      cookie: cookies.adminN,
      form: { intent: "deactivate", active: "true" },
    });
    expect(res.status).toBe(200);
    expect(await sessionCount(officeId)).toBe(0);
    const [office] = await t.db.select().from(users).where(eq(users.id, officeId));
    expect(office!.active).toBe(false);
    expect(office!.deactivatedAt).toBeInstanceOf(Date);
    expect(
      (
        await run(overviewRoute, "loader", {
          path: "/arbeitsbereich",
          params: { body: "norderstedt" },
          cookie: officeCookie,
        })
      ).status,
    ).toBe(302);
    expect(await eventsOf("user_deactivated", officeId)).toEqual([
      expect.objectContaining({ actorUserId: ids.adminN, bodyId: norderstedt }),
    ]);

    const back = await run(userRoute, "action", {
      path,
      params,
      cookie: cookies.adminN,
      form: { intent: "reactivate" },
    });
    expect(back.status).toBe(200);
    const [again] = await t.db.select().from(users).where(eq(users.id, officeId));
    expect(again!.active).toBe(true);
    expect(again!.deactivatedAt).toBeNull();
    expect(await eventsOf("user_reactivated", officeId)).toHaveLength(1);

    const self = await run(userRoute, "action", {
      path: `/verwaltung/norderstedt/benutzer/${ids.adminN}`,
      params: { body: "norderstedt", userId: ids.adminN! },
      cookie: cookies.adminN,
      form: { intent: "deactivate" },
    });
    expect(self.status).toBe(400);
    const [adminRow] = await t.db.select().from(users).where(eq(users.id, ids.adminN!));
    expect(adminRow!.active).toBe(true);
    const [ownAdminRole] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, ids.adminN!), eq(memberships.role, "body_admin")));
    const selfRevoke = await run(userRoute, "action", {
      path: `/verwaltung/norderstedt/benutzer/${ids.adminN}`,
      params: { body: "norderstedt", userId: ids.adminN! },
      cookie: cookies.adminN,
      form: { intent: "revoke", membershipId: ownAdminRole!.id },
    });
    expect(selfRevoke.status).toBe(400);
  });

  it("resets the second factor: secret, last step and recovery codes gone, sessions ended, event written", async () => {
    // An account of its own like the demo council office, with a second factor and a session (issue 9).
    const targetAddress = email("ratsbuero-mfa", "norderstedt");
    const target = await accountLike(t.db, email("ratsbuero", "norderstedt"), targetAddress);
    await signedIn(targetAddress);
    expect(await sessionCount(target)).toBe(1);
    await t.db.update(users).set({ totpLastUsedStep: 123 }).where(eq(users.id, target));
    await t.db.insert(recoveryCodes).values([
      { userId: target, codeHash: `reset-test-a-${backend}` },
      { userId: target, codeHash: `reset-test-b-${backend}` },
    ]);
    const res = await run(userRoute, "action", {
      path: `/verwaltung/norderstedt/benutzer/${target}`,
      params: { body: "norderstedt", userId: target },
      cookie: cookies.adminN,
      form: { intent: "reset_mfa", totpSecret: "AAAA" },
    });
    expect(res.status).toBe(200);
    const [row] = await t.db.select().from(users).where(eq(users.id, target));
    expect([row!.totpSecret, row!.totpEnabledAt, row!.totpLastUsedStep]).toEqual([null, null, null]);
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, target))).toHaveLength(0);
    expect(await sessionCount(target)).toBe(0);
    expect(await eventsOf("mfa_reset", target)).toEqual([
      expect.objectContaining({ actorUserId: ids.adminN, bodyId: norderstedt }),
    ]);
  });

  it("refuses a foreign origin before anything changes", async () => {
    const foreign: Array<Record<string, string>> = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of foreign) {
      const res = await run(userRoute, "action", {
        path: `/verwaltung/norderstedt/benutzer/${ids.clerkN}`,
        params: { body: "norderstedt", userId: ids.clerkN! },
        cookie: cookies.adminN,
        form: { intent: "deactivate" },
        headers,
      });
      expect(res.status).toBe(403);
      const invite = await run(overviewRoute, "action", {
        path: "/verwaltung/norderstedt",
        params: { body: "norderstedt" },
        cookie: cookies.adminN,
        form: { email: "csrf@example.org", organizationId: clerkOrgN, role: "clerk" },
        headers,
      });
      expect(invite.status).toBe(403);
    }
    const [clerk] = await t.db.select().from(users).where(eq(users.id, ids.clerkN!));
    expect(clerk!.active).toBe(true);
    expect(await t.db.select().from(userTokens).where(eq(userTokens.email, "csrf@example.org"))).toHaveLength(0);
  });

  it("shows the body's audit log newest first, with account events of its members but nothing of other bodies", async () => {
    // The account events the log must show, each written here by the real admin commands on an account of this
    // test's own (issue 9: not left behind by the tests above, whatever order they ran in).
    const adminN = await actor(email("admin", "norderstedt"));
    const invited = await inviteUser(adminN, "norderstedt", {
      email: "protokoll@norderstedt.example",
      organizationId: clerkOrgN,
      role: "clerk",
    });
    if (!("token" in invited)) throw new Error("rate limited");
    const accepted = await acceptInvitation(invited.token, { displayName: "Protokoll", password: STRONG_PASSWORD });
    if (!accepted.ok) throw new Error(`invitation not accepted: ${accepted.reason}`);
    const subject = accepted.userId;
    await grantRole(adminN, "norderstedt", subject, { organizationId: clerkOrgN, role: "department_head" });
    const [head] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, subject), eq(memberships.role, "department_head")));
    await revokeRole(adminN, "norderstedt", subject, head!.id);
    await deactivateUser(adminN, "norderstedt", subject);
    await reactivateUser(adminN, "norderstedt", subject);
    await signedIn("protokoll@norderstedt.example"); // a second factor set up, for the admin to reset
    await resetSecondFactor(adminN, "norderstedt", subject);
    await t.db.insert(events).values([
      { aggregateType: "user", aggregateId: ids.clerkN!, type: "sign_in_failed", payload: { ip: "10.0.0.1" } },
      { aggregateType: "user", aggregateId: ids.clerkL!, type: "sign_in_failed", payload: { ip: "10.0.0.2" } },
      {
        bodyId: landtag,
        aggregateType: "user",
        aggregateId: ids.clerkL!,
        actorUserId: ids.adminL!,
        type: "role_granted",
        payload: { role: "dpo" },
      },
    ]);
    const res = await run(auditRoute, "loader", {
      path: "/verwaltung/norderstedt/protokoll",
      params: { body: "norderstedt" },
      cookie: cookies.adminN,
    });
    expect(res.status).toBe(200);
    const list: Array<{ type: string; subject: string; details: string; recordedAt: string }> = res.data.events;
    const types = list.map((e) => e.type);
    for (const type of [
      "sign_in_failed",
      "user_invited",
      "invitation_accepted",
      "role_granted",
      "role_revoked",
      "user_deactivated",
      "user_reactivated",
      "mfa_reset",
    ]) {
      expect(types, type).toContain(type);
    }
    expect(list.some((e) => e.details.includes("10.0.0.1"))).toBe(true);
    expect(list.some((e) => e.details.includes("10.0.0.2"))).toBe(false);
    expect(list.some((e) => e.subject.includes(email("sachbearbeitung", "landtag-nrw")))).toBe(false);
    const times = list.map((e) => Date.parse(e.recordedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    for (const seite of ["0", "-1", "abc", "1e9999"]) {
      const bad = await run(auditRoute, "loader", {
        path: `/verwaltung/norderstedt/protokoll?seite=${seite}`,
        params: { body: "norderstedt" },
        cookie: cookies.adminN,
      });
      expect(bad.status, seite).toBe(404);
    }
    const far = await run(auditRoute, "loader", {
      path: "/verwaltung/norderstedt/protokoll?seite=500",
      params: { body: "norderstedt" },
      cookie: cookies.adminN,
    });
    expect(far.status).toBe(200);
    expect(far.data.events).toHaveLength(0);
  });

  it("pages the audit log 50 entries at a time", async () => {
    // A body of its own with an admin (issue 9): its 60 entries, newer than anything else, would otherwise push
    // the entries the test above looks for off the demo body's first page.
    const body = await createBody(t.db);
    const office = await createOrganization(t.db, body.id, { kind: "council_office" });
    const admin = await createUser(t.db, { bodyId: body.id, organizationId: office.id, role: "body_admin" });
    const cookie = await signedIn(admin.email);
    const many = Array.from({ length: 60 }, (_, i) => ({
      bodyId: body.id,
      aggregateType: "user",
      aggregateId: admin.id,
      type: "signed_in" as const,
      recordedAt: new Date(Date.now() + 60_000 + i * 1000),
      payload: { ip: `10.1.0.${i}` },
    }));
    await t.db.insert(events).values(many);
    const first = await run(auditRoute, "loader", {
      path: `/verwaltung/${body.slug}/protokoll`,
      params: { body: body.slug },
      cookie,
    });
    expect(first.data.events).toHaveLength(50);
    expect(first.data.hasNext).toBe(true);
    expect(first.data.events[0].details).toContain("10.1.0.59");
    const second = await run(auditRoute, "loader", {
      path: `/verwaltung/${body.slug}/protokoll?seite=2`,
      params: { body: body.slug },
      cookie,
    });
    expect(second.data.page).toBe(2);
    expect(second.data.events[0].details).toContain("10.1.0.9");
    const ids1 = new Set(first.data.events.map((e: { id: number }) => e.id));
    expect(second.data.events.some((e: { id: number }) => ids1.has(e.id))).toBe(false);
  });
});
