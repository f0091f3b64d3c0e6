/**
 * Attacks against the running, built app (scripts/start.mjs), as a browser or a script would send them:
 * - security headers on HTML, 404, error and data responses; cookie attributes; no-store when signed in;
 * - CSRF and access by id on the running app;
 * - stored payloads (planted in the database as a faction or clerk would type them) and reflected ones in
 *   headless Chromium with an alert/`window.__xss` trap: no script runs;
 * - the account and administration pages: cross-body access, foreign origins, attack strings in tokens, ids,
 *   page and form parameters.
 * The attack strings against the public and staff routes, the sign-in form and the static file handler are in
 * attacks-strings.test.ts, with an app of its own, so that the two files run side by side (ADR 0036).
 *
 * The database is prepared before the app serves (useAttackApp in test/support/attack-app.ts): the test plants its
 * data and sessions in the app's copy of the run's seeded database, and the app is started on it.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTACK_STRINGS, SCRIPT_PAYLOADS, findUnescapedPayload, sample } from "../support/attack-strings";
import {
  ADMIN_NORDERSTEDT,
  FACTION_NRW,
  HEAVY_TIMEOUT,
  PASSWORD,
  STAFF_NORDERSTEDT,
  STAFF_NRW,
  STORED_PAYLOADS,
  STORED_REF,
  attackApp,
  cookies,
  fetchText,
  fuzzFailures,
  ids,
  segment,
  signInForm,
  useAttackApp,
  wellFormed,
  type Fetched,
  type FuzzRequest,
} from "../support/attack-app";
import { checkA11y, launchBrowser, openPage } from "../support/browser";

useAttackApp();

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function expectSecurityHeaders(response: Fetched, where: string, html: boolean) {
  const h = response.headers;
  expect(h.get("X-Content-Type-Options"), where).toBe("nosniff");
  expect(h.get("Referrer-Policy"), where).toBe("strict-origin-when-cross-origin");
  expect(h.get("X-Powered-By"), where).toBeNull();
  if (html) {
    const csp = h.get("Content-Security-Policy") ?? "";
    expect(csp, where).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(csp, where).not.toContain("'unsafe-inline'");
    expect(csp, where).not.toContain("'unsafe-eval'");
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(csp, where).toContain("object-src 'none'");
    // The nonce is fresh per response and every script tag carries it.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    for (const tag of response.body.match(/<script\b[^>]*>/g) ?? []) expect(tag, where).toContain(`nonce="${nonce}"`);
  }
}

describe("response headers", () => {
  it("are set on HTML, 404, error and data responses, and the nonce changes per response", async () => {
    const html = await fetchText("/landtag-nrw/anfragen");
    expect(html.status).toBe(200);
    expectSecurityHeaders(html, "HTML", true);
    const again = await fetchText("/landtag-nrw/anfragen");
    expect(again.headers.get("Content-Security-Policy")).not.toBe(html.headers.get("Content-Security-Policy"));

    const notFound = await fetchText("/gibt-es-nicht/auch-nicht");
    expect(notFound.status).toBe(404);
    expectSecurityHeaders(notFound, "404", true);

    const invalid = await fetchText("/anmelden", signInForm({ email: "<keine Adresse>", password: "" }));
    expect(invalid.status).toBe(400);
    expectSecurityHeaders(invalid, "400 form", true);

    // Refused before Remix (scripts/start.mjs) as plain text: no HTML, but the same base headers.
    const refused = await fetchText(
      "/anmelden",
      signInForm({ email: FACTION_NRW, password: PASSWORD }, { "Sec-Fetch-Site": "cross-site" }),
    );
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused, "403", false);

    const dataResponse = await fetchText("/landtag-nrw/anfragen.data");
    expect(dataResponse.status).toBe(200);
    expectSecurityHeaders(dataResponse, "data", false);

    const asset = await fetchText("/favicon.ico");
    expectSecurityHeaders(asset, "static", false);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/ and marks signed-in responses no-store", async () => {
    const signedIn = await fetchText(
      "/anmelden",
      signInForm({ email: FACTION_NRW, password: PASSWORD, weiter: "/arbeitsbereich" }),
    );
    expect(signedIn.status).toBe(302);
    const setCookie = signedIn.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^quaestio_session=[^;]+/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\//);
    expect(signedIn.headers.get("Location")).toBe("/arbeitsbereich");
    expect(signedIn.headers.get("Cache-Control")).toMatch(/no-store/);
    const cookie = setCookie.split(";")[0]!;

    for (const path of [
      "/",
      "/landtag-nrw/anfragen",
      "/arbeitsbereich",
      `/arbeitsbereich/vorgaenge/${ids.storedInternal}`,
      "/landtag-nrw/anfragen.data",
    ]) {
      const response = await fetchText(path, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Cache-Control"), path).toMatch(/no-store/);
    }
    // Anonymous public pages may be cached.
    expect((await fetchText("/landtag-nrw/anfragen")).headers.get("Cache-Control") ?? "").not.toMatch(/no-store/);

    // Signing out clears the cookie: that response must not be stored either.
    const signedOut = await fetchText("/abmelden", signInForm({}, { Cookie: cookie }));
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Set-Cookie")).toMatch(/quaestio_session=;/);
    expect(signedOut.headers.get("Cache-Control") ?? "(none)", "Cache-Control of the sign-out redirect").toMatch(
      /no-store/,
    );
  });
});

describe("CSRF on the running app", () => {
  it("refuses sign-in and sign-out posted from a foreign origin with 403, and changes nothing", async () => {
    const cookie = cookies[FACTION_NRW]!;
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of foreign) {
      const signIn = await fetchText("/anmelden", signInForm({ email: FACTION_NRW, password: PASSWORD }, headers));
      expect(signIn.status, JSON.stringify(headers)).toBe(403);
      expect(signIn.headers.get("Set-Cookie")).toBeNull();
      const signOut = await fetchText("/abmelden", signInForm({}, { ...headers, Cookie: cookie }));
      expect(signOut.status, JSON.stringify(headers)).toBe(403);
    }
    // The session survived every attempt.
    expect((await fetchText("/arbeitsbereich", { headers: { Cookie: cookie } })).status).toBe(200);
  });
});

describe("access by id on the running app", () => {
  it("answers 404 to Norderstedt staff for every internal inquiry of the Landtag NRW, 200 to the Landtag's staff", async () => {
    expect(ids.nrwInternal.length).toBeGreaterThanOrEqual(3);
    for (const id of ids.nrwInternal) {
      const foreign = await fetchText(`/arbeitsbereich/vorgaenge/${id}`, {
        headers: { Cookie: cookies[STAFF_NORDERSTEDT]! },
      });
      expect(foreign.status, id).toBe(404);
      expect(foreign.body).not.toContain(id);
    }
    const own = await fetchText(`/arbeitsbereich/vorgaenge/${ids.storedInternal}`, {
      headers: { Cookie: cookies[STAFF_NRW]! },
    });
    expect(own.status).toBe(200);
    expect(findUnescapedPayload(own.body)).toBeNull();
    const anonymous = await fetchText(`/arbeitsbereich/vorgaenge/${ids.storedInternal}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/anmelden\?weiter=/);
  });
});

describe("no script execution in the browser", () => {
  it(
    "runs no stored or reflected payload on public pages, the sign-in form and the staff view",
    async () => {
      const { page, context, allowHttpError, assertNoPageErrors, close } = await openPage(browser);
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
        void dialog.dismiss();
      });
      allowHttpError(/\/(anfragen|vorgaenge)\//, 404);
      allowHttpError(/\/anfragen\?seite=/, 404);
      allowHttpError(/%[0-9A-F]{2}.*\/anfragen/i, 404);
      // The sign-in form answers a malformed or wrong entry with 400/401 (and 429 once rate-limited).
      allowHttpError("/anmelden.data", 400);
      allowHttpError("/anmelden.data", 401);
      allowHttpError("/anmelden.data", 429);

      const reflected = sample(SCRIPT_PAYLOADS, 8);
      const urls = [
        "/landtag-nrw/anfragen",
        `/landtag-nrw/anfragen/${STORED_REF}`,
        ...reflected.map((p) => `/landtag-nrw/anfragen?${new URLSearchParams({ seite: p })}`),
        ...reflected.map((p) => `/landtag-nrw/anfragen/${segment(p)}`),
        ...reflected.slice(0, 4).map((p) => `/${segment(p)}/anfragen`),
        ...reflected.slice(0, 4).map((p) => `/anmelden?${new URLSearchParams({ weiter: p })}`),
      ];
      const checkPage = async () => {
        const xss = await page.evaluate(() => (window as { __xss?: unknown }).__xss);
        expect(xss, page.url()).toBeUndefined();
      };
      for (const url of urls) {
        await page.goto(`${attackApp().url}${url}`);
        await checkPage();
      }

      // The sign-in form, typed into like a user would: e-mail with a payload, reflected back with the error.
      for (const payload of reflected.slice(0, 3)) {
        await page.goto(`${attackApp().url}/anmelden`);
        await page.fill("#anmelden-email", payload.slice(0, 254));
        await page.fill("#anmelden-password", payload);
        await page.locator("form#anmelden button[type=submit]").click();
        await page.waitForLoadState("networkidle");
        await checkPage();
      }

      // The staff view with the stored payloads, signed in through a session that has passed the second factor.
      const [name, value] = cookies[STAFF_NRW]!.split("=") as [string, string];
      await context.addCookies([{ name, value, url: attackApp().url, httpOnly: true, sameSite: "Lax" }]);
      await page.goto(`${attackApp().url}/arbeitsbereich/vorgaenge/${ids.storedInternal}`);
      await expect.poll(() => page.locator("h1").count()).toBe(1);
      // The stored strings are shown as text.
      expect(await page.locator("main").innerText()).toContain(STORED_PAYLOADS[7]!);
      await checkPage();
      await checkA11y(page);
      await page.goto(`${attackApp().url}/arbeitsbereich/vorgaenge/${segment(reflected[0]!)}`);
      await checkPage();

      expect(dialogs).toEqual([]);
      assertNoPageErrors();
      await close();
    },
    HEAVY_TIMEOUT,
  );
});

describe("account and administration pages", () => {
  it("answers 404 to a body admin for another body's administration, users and audit log", async () => {
    const admin = { headers: { Cookie: cookies[ADMIN_NORDERSTEDT]! } };
    expect((await fetchText("/verwaltung/norderstedt", admin)).status).toBe(200);
    for (const path of [
      "/verwaltung/landtag-nrw",
      "/verwaltung/landtag-nrw/protokoll",
      `/verwaltung/landtag-nrw/benutzer/${ids.nrwUser}`,
      `/verwaltung/norderstedt/benutzer/${ids.nrwUser}`,
    ]) {
      expect((await fetchText(path, admin)).status, path).toBe(404);
    }
    // Staff without the admin role do not learn that the administration exists.
    const staff = { headers: { Cookie: cookies[STAFF_NORDERSTEDT]! } };
    for (const path of [
      "/verwaltung/norderstedt",
      "/verwaltung/norderstedt/protokoll",
      `/verwaltung/norderstedt/benutzer/${ids.norderstedtUser}`,
    ]) {
      expect((await fetchText(path, staff)).status, path).toBe(404);
    }
    // A cross-body change by id is a 404 as well, and changes nothing.
    const before = await fetchText(`/verwaltung/norderstedt/benutzer/${ids.norderstedtUser}`, admin);
    const grant = await fetchText(
      `/verwaltung/norderstedt/benutzer/${ids.nrwUser}`,
      signInForm({ intent: "deactivate" }, { Cookie: cookies[ADMIN_NORDERSTEDT]! }),
    );
    expect(grant.status).toBe(404);
    expect((await fetchText("/arbeitsbereich", { headers: { Cookie: cookies[FACTION_NRW]! } })).status).toBe(200);
    expect((await fetchText(`/verwaltung/norderstedt/benutzer/${ids.norderstedtUser}`, admin)).status).toBe(
      before.status,
    );
  });

  it("refuses state changes from a foreign origin with 403", async () => {
    const cross = { "Sec-Fetch-Site": "cross-site" };
    const cases: Array<[string, Record<string, string>, string | undefined]> = [
      ["/konto", { intent: "revoke-all" }, cookies[FACTION_NRW]],
      ["/passwort-vergessen", { email: FACTION_NRW }, undefined],
      [
        "/verwaltung/norderstedt",
        { email: "neu@evil.example", role: "body_admin", organizationId: "x" },
        cookies[ADMIN_NORDERSTEDT],
      ],
      [`/verwaltung/norderstedt/benutzer/${ids.norderstedtUser}`, { intent: "deactivate" }, cookies[ADMIN_NORDERSTEDT]],
    ];
    for (const [path, fields, cookie] of cases) {
      const response = await fetchText(path, signInForm(fields, { ...cross, ...(cookie ? { Cookie: cookie } : {}) }));
      expect(response.status, path).toBe(403);
    }
    // Nothing happened: the faction member is still signed in, the Norderstedt faction member still active.
    expect((await fetchText("/arbeitsbereich", { headers: { Cookie: cookies[FACTION_NRW]! } })).status).toBe(200);
  });

  it(
    "no 5xx and no unescaped payload for attack strings in tokens, ids, page and form parameters",
    async () => {
      const admin = { headers: { Cookie: cookies[ADMIN_NORDERSTEDT]! } };
      const requests: FuzzRequest[] = [];
      for (const { value } of sample(ATTACK_STRINGS, 200)) {
        const v = wellFormed(value);
        requests.push({ path: `/passwort-neu/${segment(v)}` });
        requests.push({ path: `/einladung/${segment(v)}` });
        requests.push({ path: `/verwaltung/${segment(v)}`, init: admin });
        requests.push({ path: `/verwaltung/norderstedt/benutzer/${segment(v)}`, init: admin });
        requests.push({ path: `/verwaltung/norderstedt/protokoll?${new URLSearchParams({ seite: v })}`, init: admin });
        requests.push({ path: `/anmelden/zweiter-faktor?${new URLSearchParams({ weiter: v })}` });
      }
      for (const { value } of sample(ATTACK_STRINGS, 60)) {
        const v = wellFormed(value);
        requests.push({ path: "/passwort-vergessen", init: signInForm({ email: v }) });
        requests.push({ path: `/passwort-neu/${segment(v)}`, init: signInForm({ password: v, passwordRepeat: v }) });
        requests.push({
          path: `/einladung/${segment(v)}`,
          init: signInForm({ displayName: v, password: v, passwordConfirm: v }),
        });
        requests.push({
          path: "/verwaltung/norderstedt",
          init: signInForm({ email: v, role: v, organizationId: v }, { Cookie: cookies[ADMIN_NORDERSTEDT]! }),
        });
      }
      const failures = await fuzzFailures(requests);
      expect(failures).toEqual([]);
      // The admin's session and the demo faction account still work.
      expect((await fetchText("/verwaltung/norderstedt", admin)).status).toBe(200);
    },
    HEAVY_TIMEOUT,
  );
});
