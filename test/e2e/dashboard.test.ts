/**
 * The dashboards on /arbeitsbereich in the browser, with the demo data (per body a draft, a submitted and an
 * answering inquiry, dated relative to the day the app seeded them): the faction member (no second factor)
 * sees their sections and the way to a new draft; the council office (second factor set up on first sign-in)
 * sees its intake. axe runs on both; any console error or failed request fails the test.
 */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../app/domain/dashboard";
import { formatDate, isoDateInTimeZone } from "../../app/domain/format";
import type { DemoAccounts } from "../../db/seed/accounts";
import { NORDERSTEDT_DEMO_TITLES, norderstedtDemo } from "../../db/seed/demo-cases-norderstedt";
import type { BodyAnchor } from "../../db/seed/support";
import { checkA11y, launchBrowser, openPage } from "../support/browser";
import { signInFactionMemberOnce } from "../support/sign-in";
import { freshApp, type OwnApp } from "../support/e2e-app";
import { demoSeededAt } from "../support/server";

const PASSWORD = "Demo-Quaestio-2026";

let app: OwnApp;
let browser: Browser;
/**
 * The seed day in Berlin: when the run's seeded directory was made (global-e2e.ts), else when the app seeded
 * on start; both ends are kept in case it ran across midnight.
 */
let seedDays: string[] = [];

beforeAll(async () => {
  const before = isoDateInTimeZone(demoSeededAt() ?? new Date());
  [app, browser] = await Promise.all([freshApp(), launchBrowser()]);
  seedDays = [...new Set([before, isoDateInTimeZone(new Date())])];
});

/** The receipt date of the demo's submitted Norderstedt inquiry as the page shows it, for each possible seed day. */
function demoReceiptDates(): string[] {
  // Only the cases are read; the anchor and accounts would place them in the database.
  const demo = norderstedtDemo({} as BodyAnchor, {} as DemoAccounts);
  const submitted = demo.cases.find((c) => c.title === NORDERSTEDT_DEMO_TITLES.submitted)!;
  const step = submitted.steps.find((s) => s.event === "submit")!;
  return seedDays.map((day) => formatDate(addDays(day, step.day)));
}

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
    await signInFactionMemberOnce(page, app.url, "fraktion@norderstedt.quaestio.example");
    const response = await page.goto(`${app.url}/arbeitsbereich`);
    expect(response?.headers()["cache-control"]).toContain("no-store");

    expect(await page.getByRole("link", { name: "Neue Anfrage entwerfen" }).getAttribute("href")).toBe(
      "/arbeitsbereich/entwurf/neu",
    );
    const drafts = section(page, "Meine Entwürfe");
    const draftLink = drafts.getByRole("link", { name: "Nutzung von Messenger-Diensten in der Verwaltung" });
    expect(await draftLink.getAttribute("href")).toMatch(/^\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
    expect(await drafts.locator("tr", { hasText: "Nutzung von Messenger-Diensten" }).textContent()).toContain(
      "von Ihnen angelegt",
    );

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

  it("shows a section's full list on its own page, with the way back to the workspace", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    // The session of the test before (or a sign-in through the form, when this test runs alone).
    await signInFactionMemberOnce(page, app.url, "fraktion@norderstedt.quaestio.example");
    const response = await page.goto(`${app.url}/arbeitsbereich/norderstedt/liste/entwuerfe`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(await page.getByRole("heading", { level: 1, name: /Meine Entwürfe/ }).count()).toBe(1);
    const draftLink = page.getByRole("link", { name: "Nutzung von Messenger-Diensten in der Verwaltung" });
    expect(await draftLink.getAttribute("href")).toMatch(/^\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
    expect(await page.getByRole("link", { name: "Zurück zum Arbeitsbereich" }).getAttribute("href")).toBe(
      "/arbeitsbereich",
    );
    await checkA11y(page);
    assertNoPageErrors();
    await close();
  });

  it("shows the council office its intake with the received date and its deadline sections", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await signIn(page, "ratsbuero@norderstedt.quaestio.example");
    await page.waitForURL((url) => url.pathname === "/konto/zweiter-faktor");
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    await page
      .getByLabel("Sechsstelliger Code aus der App")
      .fill(generateTOTP(decodeBase32IgnorePadding(secret), 30, 6));
    await page.getByRole("button", { name: "Zweiten Faktor einrichten" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("li").count()).toBe(10);

    await page.goto(`${app.url}/arbeitsbereich`);
    const intake = section(page, "Eingang");
    const row = intake.locator("tr", { hasText: NORDERSTEDT_DEMO_TITLES.submitted });
    await expect.poll(() => row.count()).toBe(1);
    const rowText = (await row.textContent())!;
    expect(
      demoReceiptDates().some((date) => rowText.includes(date)),
      `${rowText} shows ${demoReceiptDates().join(" or ")}`,
    ).toBe(true);
    expect(await intake.getByRole("table").locator("caption").textContent()).toBe(
      "Eingegangene Anfragen, älteste zuerst",
    );
    for (const heading of [
      "Überfällig nach Fachbereich",
      "Diese Woche fällig",
      "Offene Fristverlängerungsanträge",
      "Alle Vorgänge",
    ]) {
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
