/**
 * Signing in through the browser: a faction member with the password only, and a staff user who must set up
 * TOTP first (reading the key from the page as an authenticator app would), signs out and back in with a
 * fresh code — after a replayed code has been refused.
 */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage } from "../support/browser";

const PASSWORD = "Demo-Quaestio-2026";

const { app, browser } = useAppAndBrowser();

async function signInWithPassword(page: Page, email: string) {
  await page.goto(`${app.url}/anmelden`);
  await checkA11y(page);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

const step = (ms = Date.now()) => Math.floor(ms / 30_000);

describe("sign-in", () => {
  it("signs in a faction member with the password only", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await signInWithPassword(page, "fraktion@norderstedt.quaestio.example");
    await page.waitForURL((url) => url.pathname === "/arbeitsbereich");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Arbeitsbereich");
    await checkA11y(page);
    assertNoPageErrors();
    await close();
  });

  it("makes a staff user set up TOTP and then asks for a fresh code at every sign-in", async () => {
    const { page, assertNoPageErrors, allowHttpError, close } = await openPage(browser);
    // The replayed code below is refused with 400 on purpose.
    allowHttpError(/\/anmelden\/zweiter-faktor/, 400);

    await signInWithPassword(page, "ratsbuero@norderstedt.quaestio.example");
    await page.waitForURL((url) => url.pathname === "/konto/zweiter-faktor");
    await expect
      .poll(() => page.locator(".notice").first().textContent())
      .toContain("Für Ihre Rolle ist ein zweiter Faktor vorgeschrieben");
    await checkA11y(page);
    // Any other staff page sends the user back here until the factor is set up.
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.waitForURL((url) => url.pathname === "/konto/zweiter-faktor");

    const qr = page.getByRole("img", { name: /QR-Code/ });
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const key = decodeBase32IgnorePadding(secret);

    const enrolStep = step();
    await page.getByLabel("Sechsstelliger Code aus der App").fill(generateTOTP(key, 30, 6));
    await page.getByRole("button", { name: "Zweiten Faktor einrichten" }).click();
    const codes = page.getByTestId("recovery-codes").locator("li");
    await expect.poll(() => codes.count()).toBe(10);
    expect(await codes.first().textContent()).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    await checkA11y(page);
    await page.getByRole("link", { name: "Weiter" }).click();
    await page.waitForURL((url) => url.pathname === "/arbeitsbereich");

    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.waitForURL((url) => url.pathname === "/anmelden");

    await signInWithPassword(page, "ratsbuero@norderstedt.quaestio.example");
    await page.waitForURL((url) => url.pathname === "/anmelden/zweiter-faktor");
    await checkA11y(page);
    // Without the code the workspace stays closed.
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.waitForURL((url) => url.pathname === "/anmelden/zweiter-faktor");

    const codeField = page.getByLabel("Code aus der Authenticator-App oder Wiederherstellungscode");
    if (step() === enrolStep) {
      // The code used for enrolment is spent: entering it again is a replay.
      await codeField.fill(generateTOTP(key, 30, 6));
      await page.getByRole("button", { name: "Bestätigen" }).click();
      await expect.poll(() => page.locator("#zweiter-faktor-code-error").textContent()).toContain("bereits verwendet");
      expect(await codeField.getAttribute("aria-invalid")).toBe("true");
      await checkA11y(page);
    }
    // A code of a later step than the spent one, without waiting up to 30 s for the clock: the server accepts
    // one step either side of its own (clock drift), so the next step's code (TOTP = HOTP of the step) is valid.
    await codeField.fill(generateHOTP(key, BigInt(Math.max(step(), enrolStep + 1)), 6));
    await page.getByRole("button", { name: "Bestätigen" }).click();
    await page.waitForURL((url) => url.pathname === "/arbeitsbereich");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Arbeitsbereich");
    await checkA11y(page);

    assertNoPageErrors();
    await close();
  });
});
