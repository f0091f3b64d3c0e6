/**
 * The whole path of issue 5 in one browser run, as the three parties do it, in the Landtag NRW (Kleine
 * Anfrage: 4 weeks): a faction member drafts with the editor (bold text and a table), submits and sees the
 * number and the due date; the council office finds it in its intake, accepts it and assigns the lead
 * department; that department's clerk is notified and finds it on the dashboard as assigned to them.
 * axe runs on every page; a console error or failed request fails the test.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { computeDueDate } from "../../app/domain/deadlines";
import { formatDate } from "../../app/domain/format";
import { receiptDate } from "../../app/domain/numbering";
import { checkA11y, openPage } from "../support/browser";
import { signInFactionMember, signInStaffFirstTime } from "../support/sign-in";

const TITLE = "Digitale Sitzungsunterlagen für den Ausschuss";
const LEAD = "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie";

const { app, browser } = useAppAndBrowser();

const definition = (page: Page, term: string) =>
  page.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
const dashboardSection = (page: Page, heading: string) =>
  page.locator("section.dashboard-section", { has: page.getByRole("heading", { level: 3, name: heading }) });
const region = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });

describe("an inquiry from the draft to the department", () => {
  it("is drafted with formatting, submitted with number and due date, accepted, assigned and seen by the department", async () => {
    // --- the faction member drafts and submits
    const faction = await openPage(browser);
    await signInFactionMember(faction.page, app.url, "fraktion@landtag-nrw.quaestio.example");
    await faction.page.getByRole("link", { name: "Neue Anfrage entwerfen" }).click();
    await faction.page.waitForURL((url) => url.pathname === "/arbeitsbereich/entwurf/neu");
    await faction.page.getByRole("radio", { name: /Kleine Anfrage/ }).check();
    await faction.page.getByLabel("Titel").fill(TITLE);
    await faction.page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await faction.page.waitForURL(/\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
    await faction.page.getByRole("toolbar", { name: "Formatierung: Vorbemerkung (optional)" }).waitFor();

    await faction.page.locator("#preamble").click();
    await faction.page.keyboard.type("Der Ausschuss erhält seine Unterlagen ");
    await faction.page
      .getByRole("toolbar", { name: "Formatierung: Vorbemerkung (optional)" })
      .getByRole("button", { name: "Fett" })
      .click();
    await faction.page.keyboard.type("noch auf Papier");
    await faction.page
      .getByRole("toolbar", { name: "Formatierung: Vorbemerkung (optional)" })
      .getByRole("button", { name: "Fett" })
      .click();
    await faction.page.keyboard.type(".");

    await faction.page.locator("#q-0").click();
    await faction.page.keyboard.type("Welche Kosten entstehen je Sitzung?");
    await faction.page.keyboard.press("Enter");
    await faction.page
      .getByRole("toolbar", { name: "Formatierung: Text der Frage 1" })
      .getByRole("button", { name: "Tabelle einfügen" })
      .click();
    await faction.page.keyboard.type("Posten");
    expect(await faction.page.locator("#q-0 table").count()).toBe(1);
    await checkA11y(faction.page);

    await faction.page.getByLabel("Ich habe die Anfrage geprüft und möchte sie jetzt einreichen.").check();
    await faction.page.getByRole("button", { name: "Anfrage einreichen" }).click();
    await faction.page.waitForURL(/\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}(\?eingereicht=1)?$/);
    const inquiryUrl = faction.page.url().split("?")[0]!;

    // The number is the next Kleine Anfrage number of the term; the due date is today + 4 weeks (§ 193 BGB).
    expect(await definition(faction.page, "Nummer").textContent()).toMatch(/^\d+$/);
    expect(await definition(faction.page, "Status").textContent()).toBe("eingereicht");
    const today = receiptDate(new Date(), "Europe/Berlin");
    const due = computeDueDate(today, { kind: "weeks", amount: 4 }, { state: "NW" });
    expect(await definition(faction.page, "Frist").textContent()).toBe(
      `${formatDate(due.dueOn!)} (4 Wochen nach Eingang)`,
    );
    // What the faction wrote is shown as formatted text.
    expect(await faction.page.locator("strong", { hasText: "noch auf Papier" }).count()).toBe(1);
    expect(await faction.page.locator("table", { hasText: "Posten" }).count()).toBe(1);
    await checkA11y(faction.page);
    faction.assertNoPageErrors();
    await faction.close();

    // --- the council office accepts and assigns
    const office = await openPage(browser);
    await signInStaffFirstTime(office.page, app.url, "ratsbuero@landtag-nrw.quaestio.example");
    await office.page.goto(`${app.url}/arbeitsbereich`);
    // A new inquiry tells the council office (header count) and waits in its intake.
    expect(await office.page.getByRole("link", { name: /^Benachrichtigungen \(\d+\) ungelesen$/ }).count()).toBe(1);
    await dashboardSection(office.page, "Eingang").getByRole("link", { name: TITLE }).click();
    await office.page.waitForURL(inquiryUrl);
    await checkA11y(office.page);
    await region(office.page, "Eingang prüfen").getByRole("button", { name: "Anfrage annehmen" }).click();
    await expect.poll(() => status(office.page).textContent()).toBe("Die Anfrage wurde angenommen.");
    const assign = region(office.page, "Federführung und Beteiligung");
    await assign.getByLabel("Federführende Organisationseinheit").selectOption({ label: LEAD });
    await assign.getByRole("button", { name: "Federführung zuweisen" }).click();
    await expect.poll(() => status(office.page).textContent()).toBe("Die Federführung wurde zugewiesen.");
    await expect.poll(() => definition(office.page, "Status").textContent()).toBe("zugewiesen");
    await checkA11y(office.page);
    office.assertNoPageErrors();
    await office.close();

    // --- the lead department's clerk is told and finds it assigned to them
    const clerk = await openPage(browser);
    await signInStaffFirstTime(clerk.page, app.url, "sachbearbeitung@landtag-nrw.quaestio.example");
    await clerk.page.goto(`${app.url}/benachrichtigungen`);
    await expect.poll(() => clerk.page.getByRole("link", { name: new RegExp(TITLE) }).count()).toBeGreaterThan(0);
    await clerk.page.goto(`${app.url}/arbeitsbereich`);
    const assigned = dashboardSection(clerk.page, "Uns zugewiesen");
    const row = assigned.locator("tr", { hasText: TITLE });
    expect(await row.textContent()).toContain("federführend");
    await row.getByRole("link", { name: TITLE }).click();
    await clerk.page.waitForURL(inquiryUrl);
    expect(await definition(clerk.page, "Federführung").textContent()).toBe(LEAD);
    await checkA11y(clerk.page);
    clerk.assertNoPageErrors();
    await clerk.close();
  });
});
