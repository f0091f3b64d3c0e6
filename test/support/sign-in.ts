/**
 * Signing demo accounts in through the real forms, for browser tests. Staff accounts of the demo data have no
 * second factor yet, so their first sign-in sets one up (as a real user would), answering with a code computed
 * from the secret the enrolment page shows.
 */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import type { Cookie, Page } from "playwright-core";
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

/** Sessions of this test file, by app and account: the cookies of its first sign-in through the form. */
const sessions = new Map<string, Cookie[]>();

/**
 * For a test that is not about signing in: a faction member's session for `page`. The first call of a file for
 * an app and an account signs in through the form (signInFactionMember, the page lands in the workspace); later
 * calls give the page's context the cookies of that session instead of filling the form again (two page loads
 * and an argon2 hash less). The page then stays where it was: the caller goes where it wants.
 * Only for sessions that the file does not end (signing out, "Überall abmelden", a password change).
 */
export async function signInFactionMemberOnce(page: Page, baseUrl: string, email: string) {
  const key = `${baseUrl} ${email}`;
  const cookies = sessions.get(key);
  if (cookies) return page.context().addCookies(cookies);
  await signInFactionMember(page, baseUrl, email);
  sessions.set(key, await page.context().cookies(baseUrl));
}
