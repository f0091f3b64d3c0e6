/**
 * A faction member who forgot the password asks for a reset link, finds the mail in the development mailbox
 * (no SMTP_URL: the demo works offline), follows the link, sets a new password and signs in with it — no second
 * factor for a faction member. The old password no longer works and the link works only once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, openPage, waitForMailLink } from "../support/browser";
import { startApp, type RunningApp } from "../support/server";

const EMAIL = "fraktion@norderstedt.quaestio.example";
const OLD_PASSWORD = "Demo-Quaestio-2026";
const NEW_PASSWORD = "Sitzungsgeld für die Kita-Anfrage 11";

let app: RunningApp;
let browser: Browser;
let mailDir: string;

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-e2e-mail-"));
  [app, browser] = await Promise.all([startApp({ env: { MAIL_DIR: mailDir, SMTP_URL: "" } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

describe("password reset by e-mail", () => {
  it("sets a new password through the link in the development mailbox and signs in with it", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;

    await page.goto(`${app.url}/passwort-vergessen`);
    await checkA11y(page);
    // The honeypot is there for bots but hidden from people and assistive technology.
    // Its wrapper is clipped to one pixel (app.css .visually-hidden), so nobody sees or tabs into it.
    const box = await page.locator('[aria-hidden="true"]:has(input[name="website"])').boundingBox();
    expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
    expect(await page.locator('[aria-hidden="true"] input[name="website"]').getAttribute("tabindex")).toBe("-1");

    await page.getByLabel("E-Mail-Adresse").fill(EMAIL);
    await page.getByRole("button", { name: "Link anfordern" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Wenn zu dieser E-Mail-Adresse ein aktives Konto gehört");
    await checkA11y(page);

    // The outbox worker delivers into the mailbox within a few seconds.
    const link = await waitForMailLink(page, `${app.url}/entwicklung/postfach`, EMAIL, "/passwort-neu/");
    expect(link, "a reset link in the development mailbox").toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/passwort-neu\/[A-Za-z0-9_-]{43}$/,
    );
    expect(fs.readdirSync(mailDir).some((f) => f.endsWith(".eml"))).toBe(true);
    await checkA11y(page);

    await page.locator(`a[href="${link}"]`).first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/passwort-neu/"));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Neues Passwort festlegen");
    await checkA11y(page);

    // A common password is refused next to the field.
    await page.getByLabel("Neues Passwort", { exact: true }).fill("qwertyuiop");
    await page.getByLabel("Neues Passwort wiederholen").fill("qwertyuiop");
    // Registered before the click: the 400 can arrive before the next line runs.
    recorded.allowHttpError(/\/passwort-neu\//, 400);
    await page.getByRole("button", { name: "Passwort speichern" }).click();
    await expect.poll(() => page.locator("#passwort-neu-password-error").textContent()).toContain("zu verbreitet");
    expect(await page.getByLabel("Neues Passwort", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await checkA11y(page);

    await page.getByLabel("Neues Passwort", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Neues Passwort wiederholen").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Passwort speichern" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Ihr Passwort wurde geändert");
    await checkA11y(page);

    // The link is spent.
    recorded.allowHttpError(/\/passwort-neu\//, 410);
    await page.goto(link!);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Link ungültig");

    // The old password is refused, the new one signs in without a second factor.
    recorded.allowHttpError(/\/anmelden/, 401);
    await page.goto(`${app.url}/anmelden`);
    await page.getByLabel("E-Mail-Adresse").fill(EMAIL);
    await page.getByLabel("Passwort").fill(OLD_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("falsch");

    await page.getByLabel("Passwort").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.waitForURL((url) => url.pathname === "/arbeitsbereich");
    await checkA11y(page);

    // The account page lists this session as the current one.
    await page.goto(`${app.url}/konto`);
    await expect.poll(() => page.locator('tr[data-session="current"]').count()).toBe(1);
    await checkA11y(page);

    recorded.assertNoPageErrors();
    await recorded.close();
  });

  it("answers reset requests alike, limits them with 429, ignores a filled honeypot and refuses a foreign origin", async () => {
    const post = (fields: Record<string, string>, origin = app.url) =>
      fetch(`${app.url}/passwort-vergessen`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    const sent = "Wenn zu dieser E-Mail-Adresse ein aktives Konto gehört";

    const unknown = await post({ email: "niemand@landtag-nrw.quaestio.example", website: "" });
    const known = await post({ email: "admin@landtag-nrw.quaestio.example", website: "" });
    expect([unknown.status, known.status]).toEqual([200, 200]);
    expect(await unknown.text()).toContain(sent);
    expect(await known.text()).toContain(sent);

    const bot = await post({ email: "ratsbuero@landtag-nrw.quaestio.example", website: "https://spam.example/" });
    expect(bot.status).toBe(200);
    expect(await bot.text()).toContain(sent);

    for (let i = 0; i < 2; i++) expect((await post({ email: "admin@landtag-nrw.quaestio.example" })).status).toBe(200);
    const limited = await post({ email: "admin@landtag-nrw.quaestio.example" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Zu viele Anforderungen");

    const bogus = await fetch(`${app.url}/passwort-neu/${"A".repeat(43)}`);
    expect(bogus.status).toBe(410);
    expect(bogus.headers.get("Cache-Control")).toBe("no-store");
    expect(await bogus.text()).toContain("Link ungültig");

    // Refused before the action runs (Remix's own origin check answers first, assertSameOrigin otherwise).
    const foreign = await post({ email: "verwaltungsspitze@landtag-nrw.quaestio.example" }, "https://evil.example");
    expect(foreign.status).toBeGreaterThanOrEqual(400);

    // The honeypot request sent nothing: the mailbox has reset mails for the admin, none for the council office.
    // (Other mails, e.g. deadline reminders for the demo inquiries, may be there too.)
    const resetRecipients = async () => {
      const html = await (await fetch(`${app.url}/entwicklung/postfach`)).text();
      const mails = [...html.matchAll(/<h2 id="mail-\d+">([^<]*)<\/h2><dl><dt>An<\/dt><dd>([^<]*)<\/dd>/g)];
      return mails.filter((m) => m[1] === "Quaestio: Passwort zurücksetzen").map((m) => m[2]);
    };
    await expect.poll(resetRecipients, { timeout: 15_000 }).toContain("admin@landtag-nrw.quaestio.example");
    const recipients = await resetRecipients();
    expect(recipients).not.toContain("ratsbuero@landtag-nrw.quaestio.example");
    expect(recipients).not.toContain("verwaltungsspitze@landtag-nrw.quaestio.example");
  });

  it("lists one's sessions, ends another one, keeps wrong input next to the field and signs out everywhere", async () => {
    const email = "fraktion@hamburg.quaestio.example";
    const signInAs = async (page: Page) => {
      await page.goto(`${app.url}/anmelden`);
      await page.getByLabel("E-Mail-Adresse").fill(email);
      await page.getByLabel("Passwort").fill(OLD_PASSWORD);
      await page.getByRole("button", { name: "Anmelden" }).click();
      await page.waitForURL((url) => url.pathname === "/arbeitsbereich");
    };
    const first = await openPage(browser);
    const second = await openPage(browser);
    await signInAs(first.page);
    await signInAs(second.page);

    await first.page.goto(`${app.url}/konto`);
    await expect.poll(() => first.page.locator("tr[data-session]").count()).toBe(2);
    await checkA11y(first.page);
    await first.page.locator('tr[data-session="other"]').getByRole("button").click();
    await expect.poll(() => first.page.getByRole("status").textContent()).toBe("Die Sitzung wurde beendet.");
    expect(await first.page.locator("tr[data-session]").count()).toBe(1);

    // The other browser is signed out.
    await second.page.goto(`${app.url}/konto`);
    await second.page.waitForURL((url) => url.pathname === "/anmelden");

    // A wrong current password: error next to the field.
    first.allowHttpError(/\/konto/, 400);
    await first.page.getByLabel("Aktuelles Passwort").fill("falsch-falsch-falsch");
    await first.page.getByLabel("Neues Passwort", { exact: true }).fill(NEW_PASSWORD);
    await first.page.getByLabel("Neues Passwort wiederholen").fill(NEW_PASSWORD);
    await first.page.getByRole("button", { name: "Passwort ändern" }).click();
    await expect
      .poll(() => first.page.locator("#passwort-aendern-currentPassword-error").textContent())
      .toBe("Das aktuelle Passwort ist falsch.");
    expect(await first.page.getByLabel("Aktuelles Passwort").getAttribute("aria-invalid")).toBe("true");
    await checkA11y(first.page);

    // The right one: changed, and this browser stays signed in (in a fresh session).
    await first.page.getByLabel("Aktuelles Passwort").fill(OLD_PASSWORD);
    await first.page.getByLabel("Neues Passwort", { exact: true }).fill(NEW_PASSWORD);
    await first.page.getByLabel("Neues Passwort wiederholen").fill(NEW_PASSWORD);
    await first.page.getByRole("button", { name: "Passwort ändern" }).click();
    await expect.poll(() => first.page.getByRole("status").textContent()).toContain("Ihr Passwort wurde geändert");
    expect(await first.page.locator('tr[data-session="current"]').count()).toBe(1);

    await first.page.getByRole("button", { name: "Überall abmelden" }).click();
    await first.page.waitForURL((url) => url.pathname === "/anmelden");
    await first.page.goto(`${app.url}/konto`);
    await first.page.waitForURL((url) => url.pathname === "/anmelden");

    first.assertNoPageErrors();
    second.assertNoPageErrors();
    await Promise.all([first.close(), second.close()]);
  });
});
