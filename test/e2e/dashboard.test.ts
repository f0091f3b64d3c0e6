/**
 * The dashboards on /arbeitsbereich in the browser, with the demo data (per body a draft, a submitted and an
 * answering inquiry): the faction member (no second factor) sees their sections and the way to a new draft;
 * the council office (second factor set up on first sign-in) sees its intake. axe runs on both; any console
 * error or failed request fails the test.
 */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, openPage } from "../support/browser";
import { startApp, type RunningApp } from "../support/server";

const PASSWORD = "Demo-Quaestio-2026";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, email: string) {
  await page.goto(`${app.url}/anmelden`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

const section = (page: Page, heading: string) =>
  page.locator("section.dashboard-section", { has: page.getByRole("heading", { level: 3, name: heading }) });

describe("workspace dashboards", () => {
  it("shows the faction member drafts, submitted inquiries and the way to a new draft", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await signIn(page, "fraktion@norderstedt.quaestio.example");
    await page.waitForURL((url) => url.pathname === "/arbeitsbereich");
    const response = await page.goto(`${app.url}/arbeitsbereich`);
    expect(response?.headers()["cache-control"]).toContain("no-store");

    expect(await page.getByRole("link", { name: "Neue Anfrage entwerfen" }).getAttribute("href")).toBe("/arbeitsbereich/entwurf/neu");
    const drafts = section(page, "Meine Entwürfe");
    const draftLink = drafts.getByRole("link", { name: "Nutzung von Messenger-Diensten in der Verwaltung" });
    expect(await draftLink.getAttribute("href")).toMatch(/^\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
    expect(await drafts.locator("tr", { hasText: "Nutzung von Messenger-Diensten" }).textContent()).toContain("von Ihnen angelegt");

    const inProgress = section(page, "Eingereicht – in Bearbeitung");
    const submitted = inProgress.getByRole("link", { name: "Barrierefreiheit der Videokonferenzsysteme" });
    expect(await submitted.getAttribute("href")).toMatch(/^\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}$/);
    expect(await inProgress.getByRole("link", { name: "Aufzeichnungen von Videokonferenzen" }).count()).toBe(1);
    expect(await section(page, "Bald fällig").count()).toBe(1);
    expect(await section(page, "Beantwortet").count()).toBe(1);
    // Sections of other roles are not shown, nor anything of another body.
    expect(await section(page, "Eingang").count()).toBe(0);
    expect(await page.getByText("Landesverwaltung").count()).toBe(0);

    await checkA11y(page);
    assertNoPageErrors();
    await close();
  });

  it("shows the council office its intake with the received date and its deadline sections", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await signIn(page, "ratsbuero@norderstedt.quaestio.example");
    await page.waitForURL((url) => url.pathname === "/konto/zweiter-faktor");
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    await page.getByLabel("Sechsstelliger Code aus der App").fill(generateTOTP(decodeBase32IgnorePadding(secret), 30, 6));
    await page.getByRole("button", { name: "Zweiten Faktor einrichten" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("li").count()).toBe(10);

    await page.goto(`${app.url}/arbeitsbereich`);
    const intake = section(page, "Eingang");
    const row = intake.locator("tr", { hasText: "Barrierefreiheit der Videokonferenzsysteme" });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain("16.11.2026");
    expect(await intake.getByRole("table").locator("caption").textContent()).toBe("Eingegangene Anfragen, älteste zuerst");
    for (const heading of ["Überfällig nach Fachbereich", "Diese Woche fällig", "Offene Fristverlängerungsanträge", "Alle Vorgänge"]) {
      expect(await section(page, heading).count(), heading).toBe(1);
    }
    // The faction's draft stays the faction's.
    expect(await page.getByText("Nutzung von Messenger-Diensten in der Verwaltung").count()).toBe(0);
    expect(await section(page, "Meine Entwürfe").count()).toBe(0);

    await checkA11y(page);
    assertNoPageErrors();
    await close();
  });
});
