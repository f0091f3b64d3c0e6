/**
 * Signing demo accounts in through the real forms, for browser tests. Staff accounts of the demo data have no
 * second factor yet, so their first sign-in sets one up (as a real user would), answering with a code computed
 * from the secret the enrolment page shows.
 */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const DEMO_PASSWORD = "Demo-Quaestio-2026";

/** Fills and sends the sign-in form; where the app goes next is the caller's to check. */
export async function submitSignIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/anmelden`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

/** A faction member (no second factor): lands in the workspace. */
export async function signInFactionMember(page: Page, baseUrl: string, email: string) {
  await submitSignIn(page, baseUrl, email);
  await page.waitForURL((url) => url.pathname === "/arbeitsbereich");
}

/** A staff member on first sign-in: sets up the second factor and sees the ten recovery codes. */
export async function signInStaffFirstTime(page: Page, baseUrl: string, email: string) {
  await submitSignIn(page, baseUrl, email);
  await page.waitForURL((url) => url.pathname === "/konto/zweiter-faktor");
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Sechsstelliger Code aus der App").fill(generateTOTP(decodeBase32IgnorePadding(secret), 30, 6));
  await page.getByRole("button", { name: "Zweiten Faktor einrichten" }).click();
  await expect.poll(() => page.getByTestId("recovery-codes").locator("li").count()).toBe(10);
}
