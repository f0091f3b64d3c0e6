/**
 * The NRW clerk widens the due-soon reminder to 60 days; the app's deadline scan (every second here) then
 * writes the reminder for the demo inquiry that the clerk's department is answering and that is due about
 * three weeks after the seed day (received six days before it, four weeks' deadline) — the default of three
 * days would not bring it. The header shows the unread count, the same number as the list's unread entries.
 * The clerk opens the list, marks the reminder read, and the count goes down; marking an id that is not
 * theirs is a 404. A wrong number of days gets its message with the input kept. axe on every page; console
 * errors and failed requests fail the test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WAIT_FOR_APP_MS, checkA11y, launchBrowser, openPage } from "../support/browser";
import { startApp, type RunningApp } from "../support/server";

const PASSWORD = "Demo-Quaestio-2026";
const CLERK = "sachbearbeitung@landtag-nrw.quaestio.example";
const INQUIRY = "Datenschutzschulungen für Beschäftigte der Landesverwaltung";

let app: RunningApp;
let browser: Browser;
let mailDir: string;

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-e2e-notify-mail-"));
  [app, browser] = await Promise.all([
    startApp({ env: { MAIL_DIR: mailDir, SMTP_URL: "", DEADLINE_SCAN_MS: "1000" } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

describe("notifications", () => {
  it("a deadline reminder shows in the header and the list, is marked read; preferences are saved", async () => {
    const { page, assertNoPageErrors, allowHttpError, close } = await openPage(browser);

    // Anonymous: sign in first.
    await page.goto(`${app.url}/benachrichtigungen`);
    await page.waitForURL((url) => url.pathname === "/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill(CLERK);
    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.waitForURL((url) => url.pathname === "/konto/zweiter-faktor");
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    await page
      .getByLabel("Sechsstelliger Code aus der App")
      .fill(generateTOTP(decodeBase32IgnorePadding(secret), 30, 6));
    await page.getByRole("button", { name: "Zweiten Faktor einrichten" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("li").count()).toBe(10);

    // Preferences, reached from the account page. A wrong number is refused next to the field, input kept.
    await page.goto(`${app.url}/konto`);
    await page.getByRole("link", { name: "Benachrichtigungen einstellen" }).click();
    await page.waitForURL((url) => url.pathname === "/konto/benachrichtigungen");
    await checkA11y(page);
    const days = page.getByLabel("Erinnerung vor Fristablauf (Tage vorher)");
    expect(await days.inputValue()).toBe("3");
    allowHttpError(/\/konto\/benachrichtigungen/, 400);
    await days.fill("90");
    await page.getByRole("button", { name: "Einstellungen speichern" }).click();
    await expect
      .poll(() => page.locator("#einstellungen-dueSoonDays-error").textContent())
      .toBe("Bitte geben Sie eine ganze Zahl von 1 bis 60 ein.");
    expect(await days.inputValue()).toBe("90");
    expect(await days.getAttribute("aria-invalid")).toBe("true");
    await checkA11y(page);

    await days.fill("60");
    // A clerk is offered only what a department receives: not the faction's "Anfrage angenommen".
    expect(await page.getByRole("checkbox", { name: "Anfrage angenommen: per E-Mail" }).count()).toBe(0);
    const acceptedByMail = page.getByRole("checkbox", { name: "Fristverlängerung abgelehnt: per E-Mail" });
    expect(await acceptedByMail.isChecked()).toBe(false);
    await acceptedByMail.check();
    await page.getByRole("button", { name: "Einstellungen speichern" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Ihre Einstellungen sind gespeichert.");
    await page.reload();
    expect(await page.getByLabel("Erinnerung vor Fristablauf (Tage vorher)").inputValue()).toBe("60");
    expect(await page.getByRole("checkbox", { name: "Fristverlängerung abgelehnt: per E-Mail" }).isChecked()).toBe(
      true,
    );

    // The scan runs every second here: soon the list holds the reminder the widened preference brings.
    const unread = page.locator("li[data-state='unread']");
    const reminder = page.locator("li[data-state='unread']", { hasText: INQUIRY });
    await page.goto(`${app.url}/benachrichtigungen`);
    await vi.waitFor(
      async () => {
        if ((await reminder.count()) > 0) return;
        await page.reload();
        throw new Error("the reminder is not in the list yet");
      },
      { timeout: WAIT_FOR_APP_MS, interval: 250 },
    );
    expect(await reminder.count()).toBe(1);
    expect(await reminder.textContent()).toContain("Frist läuft bald ab");
    // The demo data brings the clerk other reminders too (overdue, due in a few days), possibly in the same
    // scan, which may still be writing them. Scans never overlap, and the app logs the end of each: once a
    // scan has ended after the reminder showed, the one that wrote it is done and the count below is final.
    // The line that app/server/notifications/deadline-reminders.server.ts logs after each scan (SCAN_DONE).
    const scansEnded = () => app.output().split("[Fristen] Fristenprüfung beendet:").length - 1;
    const endedWhenSeen = scansEnded();
    await vi.waitFor(
      () => {
        if (scansEnded() === endedWhenSeen) throw new Error("no deadline scan has ended since the reminder showed");
      },
      { timeout: WAIT_FOR_APP_MS, interval: 100 },
    );
    await page.reload();
    const unreadBefore = await unread.count();

    // The header, on any page, counts the unread notifications.
    await page.goto(`${app.url}/konto`);
    const headerLink = page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: /^Benachrichtigungen/ });
    // What is on screen: the link's own text, without the visually hidden word.
    const visible = await headerLink.evaluate((el) =>
      [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join(""),
    );
    expect(visible).toBe(`Benachrichtigungen (${unreadBefore})`);
    // On screen "(1)"; the accessible name begins with what is on screen (2.5.3) and says what the number counts.
    await expect
      .poll(() =>
        page.getByRole("link", { name: `Benachrichtigungen (${unreadBefore}) ungelesen`, exact: true }).count(),
      )
      .toBe(1);

    await headerLink.click();
    await page.waitForURL((url) => url.pathname === "/benachrichtigungen");
    await checkA11y(page);
    expect(await unread.count()).toBe(unreadBefore);
    await expect.poll(() => reminder.count()).toBe(1);
    expect(await reminder.getByRole("link").getAttribute("href")).toMatch(
      /^\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}$/,
    );

    await reminder.getByRole("button", { name: /^Als gelesen markieren: / }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Die Benachrichtigung ist als gelesen markiert.");
    await expect.poll(() => page.locator("li[data-state='read']", { hasText: INQUIRY }).count()).toBe(1);
    const expected =
      unreadBefore - 1 === 0 ? "Benachrichtigungen" : `Benachrichtigungen (${unreadBefore - 1}) ungelesen`;
    await expect.poll(() => page.getByRole("link", { name: expected, exact: true }).count()).toBe(1);
    expect(await unread.count()).toBe(unreadBefore - 1);
    await checkA11y(page);

    // Someone else's (or no) notification: 404, nothing changes.
    allowHttpError(/\/benachrichtigungen/, 404);
    const forged = await page.evaluate(async () => {
      const body = new URLSearchParams({ intent: "read", id: "00000000-0000-4000-8000-000000000000" });
      const response = await fetch("/benachrichtigungen", {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
      return response.status;
    });
    expect(forged).toBe(404);

    assertNoPageErrors();
    await close();
  });
});
