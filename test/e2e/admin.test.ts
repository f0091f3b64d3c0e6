/**
 * The body admin of Norderstedt signs in (setting up TOTP as the staff role requires), invites a new
 * colleague whose mail arrives in the development mailbox, the colleague accepts the invitation, and the
 * admin deactivates the clerk account, which can then no longer sign in. axe runs on every page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, openPage, waitForMailLink } from "../support/browser";
import { startApp, type RunningApp } from "../support/server";

const PASSWORD = "Demo-Quaestio-2026";
const ADMIN = "admin@norderstedt.quaestio.example";
const CLERK = "sachbearbeitung@norderstedt.quaestio.example";
const INVITEE = "neue.kollegin@norderstedt.example";
const INVITEE_PASSWORD = "Laterne-Ostsee-Amtsblatt-47";

let app: RunningApp;
let browser: Browser;
let mailDir: string;

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-e2e-admin-mail-"));
  [app, browser] = await Promise.all([startApp({ env: { MAIL_DIR: mailDir, SMTP_URL: "" } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

describe("body administration", () => {
  it("invites a colleague by e-mail and deactivates an account", async () => {
    const { page, assertNoPageErrors, allowHttpError, close } = await openPage(browser);

    // Anonymous: the admin pages send to the sign-in page.
    await page.goto(`${app.url}/verwaltung/norderstedt`);
    await page.waitForURL((url) => url.pathname === "/anmelden");
    await signIn(page, ADMIN, PASSWORD);

    // Staff role: set up the second factor first, reading the key as an authenticator app would.
    await page.waitForURL((url) => url.pathname === "/konto/zweiter-faktor");
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    await page
      .getByLabel("Sechsstelliger Code aus der App")
      .fill(generateTOTP(decodeBase32IgnorePadding(secret), 30, 6));
    await page.getByRole("button", { name: "Zweiten Faktor einrichten" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("li").count()).toBe(10);

    await page.goto(`${app.url}/verwaltung/norderstedt`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toMatch(/^Verwaltung: .*Norderstedt/);
    await checkA11y(page);
    expect(await page.locator("tr", { hasText: CLERK }).count()).toBe(1);
    expect(await page.getByText("landtag-nrw.quaestio.example").count()).toBe(0);

    // Another body's administration does not exist for this admin.
    allowHttpError(/\/verwaltung\/landtag-nrw/, 404);
    const foreign = await page.goto(`${app.url}/verwaltung/landtag-nrw`);
    expect(foreign?.status()).toBe(404);
    await page.goto(`${app.url}/verwaltung/norderstedt`);

    // Invite: organisation and role of this body only.
    await page.getByLabel("E-Mail-Adresse", { exact: true }).fill(INVITEE);
    const orgSelect = page.getByLabel("Organisation", { exact: true });
    const councilOffice = await orgSelect.locator("option", { hasText: "Ratsbüro" }).first().getAttribute("value");
    await orgSelect.selectOption(councilOffice!);
    await page.getByLabel("Rolle", { exact: true }).selectOption({ label: "Sachbearbeitung" });
    await page.getByRole("button", { name: "Einladung senden" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain(`Die Einladung an ${INVITEE}`);
    const pending = page
      .locator("table", { hasText: "Einladungen, die noch nicht angenommen wurden" })
      .locator("tr", { hasText: INVITEE });
    await expect.poll(() => pending.count()).toBe(1);
    await checkA11y(page);

    // The outbox worker delivers the mail into the development mailbox.
    const link = await waitForMailLink(page, `${app.url}/entwicklung/postfach`, INVITEE, "/einladung/");
    expect(link, "an invitation link in the development mailbox").toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/einladung\/[a-z2-7]{52}$/,
    );

    // The colleague accepts in a browser of their own.
    const invitee = await openPage(browser);
    await invitee.page.goto(link!);
    await expect.poll(() => invitee.page.getByRole("heading", { level: 1 }).textContent()).toBe("Einladung annehmen");
    await checkA11y(invitee.page);
    await invitee.page.getByLabel("Ihr Name").fill("Neue Kollegin");
    await invitee.page.getByLabel("Passwort", { exact: true }).fill(INVITEE_PASSWORD);
    await invitee.page.getByLabel("Passwort wiederholen").fill(INVITEE_PASSWORD);
    await invitee.page.getByRole("button", { name: "Einladung annehmen" }).click();
    await expect.poll(() => invitee.page.getByRole("status").textContent()).toContain("Die Einladung ist angenommen");
    await checkA11y(invitee.page);
    // The link works once only.
    invitee.allowHttpError(/\/einladung\//, 404);
    const reused = await invitee.page.goto(link!);
    expect(reused?.status()).toBe(404);
    await expect
      .poll(() => invitee.page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Einladung nicht gültig");
    invitee.assertNoPageErrors();
    await invitee.close();

    await page.goto(`${app.url}/verwaltung/norderstedt`);
    expect(await page.locator("tr", { hasText: INVITEE }).filter({ hasText: "Neue Kollegin" }).count()).toBeGreaterThan(
      0,
    );

    // Deactivate the clerk.
    await page.locator("tr", { hasText: CLERK }).getByRole("link").click();
    await page.waitForURL((url) => url.pathname.startsWith("/verwaltung/norderstedt/benutzer/"));
    await checkA11y(page);
    await page.getByRole("button", { name: "Konto deaktivieren" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Das Konto wurde deaktiviert");
    await expect.poll(() => page.getByRole("button", { name: "Konto wieder aktivieren" }).count()).toBe(1);
    await checkA11y(page);

    // The clerk can no longer sign in.
    const clerk = await openPage(browser);
    clerk.allowHttpError(/\/anmelden/, 401);
    await clerk.page.goto(`${app.url}/anmelden`);
    await signIn(clerk.page, CLERK, PASSWORD);
    await expect
      .poll(() => clerk.page.getByRole("alert").textContent())
      .toContain("E-Mail-Adresse oder Passwort ist falsch");
    clerk.assertNoPageErrors();
    await clerk.close();

    // The audit log shows what happened.
    await page.goto(`${app.url}/verwaltung/norderstedt/protokoll`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Protokoll: /);
    const log = page.locator("table tbody");
    for (const label of [
      "Konto deaktiviert",
      "Einladung angenommen",
      "Einladung versandt",
      "Zweiter Faktor eingerichtet",
      "Fehlgeschlagene Anmeldung",
    ]) {
      expect(await log.getByText(label, { exact: true }).count(), label).toBeGreaterThan(0);
    }
    // Inquiries are named by type, reference and title, with a link; statuses are German, not "Status answering".
    const inquiryLinks = log.locator('a[href^="/arbeitsbereich/vorgaenge/"]');
    expect(await inquiryLinks.count()).toBeGreaterThan(0);
    expect(await inquiryLinks.first().textContent()).toMatch(/^\S.*: \S/);
    expect(await log.getByText(/Status [a-z_]+$/).count()).toBe(0);
    await checkA11y(page);
    // Further pages say which page they are in the title.
    const next = page.getByRole("link", { name: "Ältere Einträge" });
    if ((await next.count()) > 0) {
      await page.goto(`${app.url}/verwaltung/norderstedt/protokoll?seite=2`);
      expect(await page.title()).toContain("Seite 2");
    }

    assertNoPageErrors();
    await close();
  });
});
