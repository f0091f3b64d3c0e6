/**
 * The council office's intake in the browser: the Landtag NRW's council office accepts a submitted demo
 * inquiry and assigns a lead and a contributing department; the lead department's clerk then finds it and
 * asks for a deadline extension; the council office makes the inquiry public (a reason is required) and grants
 * the extension, which the public page then shows with its reason. axe runs on every page.
 *
 * The extension runs in the Landtag NRW: Norderstedt's demo inquiries are due "by the next committee meeting",
 * and the demo data has no such meeting, so they have no due date that could be extended. Norderstedt's
 * council office accepts and assigns (with a conflict between two tabs) and the contributing department's
 * clerk finds the inquiry. Scharnebeck's council office puts the motion (Antrag) on the agenda of a new
 * council meeting and records the decision. A faction withdraws its inquiry with JavaScript switched off.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { addDays } from "../../app/domain/dashboard";
import { formatDate } from "../../app/domain/format";
import { receiptDate } from "../../app/domain/numbering";
import { checkA11y, openPage } from "../support/browser";
import { signInFactionMember, signInStaffFirstTime } from "../support/sign-in";

const OFFICE = "ratsbuero@landtag-nrw.quaestio.example";
const CLERK = "sachbearbeitung@landtag-nrw.quaestio.example";
const TITLE = "Barrierefreiheit der Videokonferenzsysteme in der Landesverwaltung";
const NORDERSTEDT_TITLE = "Barrierefreiheit der Videokonferenzsysteme";
const LEAD = "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie";
/** ISO date n days after today (Berlin): the demo data's deadlines are relative to the day it was loaded. */
const daysFromToday = (n: number) => addDays(receiptDate(new Date(), "Europe/Berlin"), n);
/** Well after the demo inquiry's 4-week deadline, whatever day the tests run. */
const NEW_DUE = daysFromToday(60);
const REASON = "Die Zulieferungen von zwei Ressorts stehen noch aus.";

const { app, browser } = useAppAndBrowser();

const signInStaff = (page: Page, email: string) => signInStaffFirstTime(page, app.url, email);

async function openInquiry(page: Page, title = TITLE) {
  await page.goto(`${app.url}/arbeitsbereich`);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/vorgaenge/"));
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
}

const form = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });

describe("council office intake", () => {
  it("accepts, assigns, and grants the lead department's extension request, which the public page shows", async () => {
    const office = await openPage(browser);
    await signInStaff(office.page, OFFICE);
    await openInquiry(office.page);
    await checkA11y(office.page);

    await form(office.page, "Eingang prüfen").getByRole("button", { name: "Anfrage annehmen" }).click();
    await expect.poll(() => status(office.page).textContent()).toBe("Die Anfrage wurde angenommen.");
    await expect.poll(() => office.page.locator("dd", { hasText: /^angenommen$/ }).count()).toBe(1);

    const assign = form(office.page, "Federführung und Beteiligung");
    await assign.getByLabel("Federführende Organisationseinheit").selectOption({ label: LEAD });
    await assign.getByLabel("MKFFI").check();
    await assign.getByRole("button", { name: "Federführung zuweisen" }).click();
    await expect.poll(() => status(office.page).textContent()).toBe("Die Federführung wurde zugewiesen.");
    await expect.poll(() => office.page.locator("dd", { hasText: "MKFFI" }).count()).toBe(1);
    await expect.poll(() => office.page.locator("dd", { hasText: LEAD }).count()).toBe(1);
    await checkA11y(office.page);

    // The lead department's clerk finds it in the workspace and asks for more time.
    const clerk = await openPage(browser);
    await signInStaff(clerk.page, CLERK);
    await openInquiry(clerk.page);
    const request = form(clerk.page, "Fristverlängerung beantragen");
    await request.getByLabel("Neue Frist").fill(NEW_DUE);
    await request.getByLabel(/^Begründung/).fill(REASON);
    await request.getByRole("button", { name: "Fristverlängerung beantragen" }).click();
    await expect.poll(() => status(clerk.page).textContent()).toBe("Die Fristverlängerung wurde beantragt.");
    await expect
      .poll(() => clerk.page.getByText(`beantragt eine Frist bis ${formatDate(NEW_DUE)}: ${REASON}`).count())
      .toBe(1);
    await checkA11y(clerk.page);
    clerk.assertNoPageErrors();
    await clerk.close();

    // The council office makes the inquiry public: without a reason it is refused, the choice kept.
    await office.page.reload();
    const visibility = form(office.page, "Sichtbarkeit");
    await visibility.getByLabel("Neue Sichtbarkeit").selectOption("public");
    office.allowHttpError(/\/arbeitsbereich\/vorgaenge\//, 400);
    await visibility.getByRole("button", { name: "Sichtbarkeit ändern" }).click();
    // Next to the field, and in the error summary above the form (a link to the field).
    await expect
      .poll(() => visibility.locator(".field-error", { hasText: "Bitte füllen Sie dieses Feld aus." }).count())
      .toBe(1);
    expect(
      await visibility.getByRole("alert").getByRole("link", { name: "Bitte füllen Sie dieses Feld aus." }).count(),
    ).toBe(1);
    expect(await visibility.getByLabel("Neue Sichtbarkeit").inputValue()).toBe("public");
    expect(await visibility.getByLabel("Begründung der Änderung").getAttribute("aria-invalid")).toBe("true");
    await checkA11y(office.page);
    await visibility.getByLabel("Begründung der Änderung").fill("Von öffentlichem Interesse");
    await visibility.getByRole("button", { name: "Sichtbarkeit ändern" }).click();
    await expect.poll(() => status(office.page).textContent()).toBe("Die Sichtbarkeit wurde geändert.");
    // Act on the page's new data (its forms carry the new version), not only on the message.
    await expect.poll(() => office.page.locator("dd", { hasText: /^öffentlich$/ }).count()).toBe(1);

    // The request is granted with the requested date and reason, prefilled.
    const grant = form(office.page, "Antrag auf Fristverlängerung entscheiden");
    expect(await grant.getByLabel("Neue Frist").inputValue()).toBe(NEW_DUE);
    await grant.getByRole("button", { name: "Fristverlängerung gewähren" }).click();
    await expect.poll(() => status(office.page).textContent()).toBe("Die Fristverlängerung wurde gewährt.");
    await expect.poll(() => office.page.getByText(REASON).count()).toBeGreaterThan(0);
    // The due date says it was extended and why, not the rule it was first computed by.
    expect(
      await office.page.locator("dd", { hasText: `${formatDate(NEW_DUE)} (verlängert, bisher ` }).textContent(),
    ).toContain(`Grund: ${REASON}`);
    await checkA11y(office.page);

    await office.page.getByRole("link", { name: "Öffentliche Seite dieses Vorgangs" }).click();
    await office.page.waitForURL((url) => url.pathname.startsWith("/landtag-nrw/anfragen/"));
    // The reason stands in the list of extensions and beside "Frist verlängert" on the timeline.
    await expect
      .poll(() => office.page.locator("ol.timeline li", { hasText: "Frist verlängert" }).textContent())
      .toContain(REASON);
    expect(await office.page.locator("main :not(ol.timeline) > li", { hasText: REASON }).count()).toBe(1);
    expect(await office.page.getByText(formatDate(NEW_DUE)).count()).toBeGreaterThan(0);
    expect(await office.page.getByText(/\(verlängert, bisher \d{2}\.\d{2}\.\d{4} – Grund: /).count()).toBe(1);
    await checkA11y(office.page);
    office.assertNoPageErrors();
    await office.close();
  });

  it("keeps a colleague's input when the inquiry changed meanwhile, and shows the contributing department the inquiry", async () => {
    const office = await openPage(browser);
    await signInStaff(office.page, "ratsbuero@norderstedt.quaestio.example");
    await openInquiry(office.page, NORDERSTEDT_TITLE);
    await form(office.page, "Eingang prüfen").getByRole("button", { name: "Anfrage annehmen" }).click();
    await expect.poll(() => status(office.page).textContent()).toBe("Die Anfrage wurde angenommen.");
    await expect.poll(() => office.page.locator("dd", { hasText: /^angenommen$/ }).count()).toBe(1);

    // A colleague's tab (same session) shows the accepted inquiry, then the first tab assigns it.
    const second = await office.context.newPage();
    const secondErrors: string[] = [];
    second.on("pageerror", (error) => secondErrors.push(error.message));
    second.on("console", (m) => {
      if (m.type() === "error" && !/status of 409/.test(m.text())) secondErrors.push(m.text());
    });
    await second.goto(office.page.url());

    const assign = form(office.page, "Federführung und Beteiligung");
    await assign.getByLabel("Federführende Organisationseinheit").selectOption({ label: "Amt 17" });
    await assign.getByLabel("13 - Hauptamt").check();
    await assign.getByRole("button", { name: "Federführung zuweisen" }).click();
    await expect.poll(() => office.page.locator("dd", { hasText: "13 - Hauptamt" }).count()).toBe(1);
    await checkA11y(office.page);

    // The colleague's change meets the newer state: a clear message, the page brought up to date, the input kept.
    const visibility = form(second, "Sichtbarkeit");
    await visibility.getByLabel("Neue Sichtbarkeit").selectOption("public");
    await visibility.getByLabel("Begründung der Änderung").fill("Von allgemeinem Interesse");
    await visibility.getByRole("button", { name: "Sichtbarkeit ändern" }).click();
    await expect.poll(() => visibility.getByRole("alert").textContent()).toContain("von jemand anderem geändert");
    await expect.poll(() => second.locator("dd", { hasText: "Amt 17" }).count()).toBe(1);
    expect(await visibility.getByLabel("Begründung der Änderung").inputValue()).toBe("Von allgemeinem Interesse");
    await checkA11y(second);
    await visibility.getByRole("button", { name: "Sichtbarkeit ändern" }).click();
    await expect.poll(() => status(second).textContent()).toBe("Die Sichtbarkeit wurde geändert.");
    expect(secondErrors).toEqual([]);
    await second.close();
    office.assertNoPageErrors();
    await office.close();

    // The clerk of the contributing Hauptamt finds it in the workspace; the lead's actions are not theirs.
    const clerk = await openPage(browser);
    await signInStaff(clerk.page, "sachbearbeitung@norderstedt.quaestio.example");
    await openInquiry(clerk.page, NORDERSTEDT_TITLE);
    expect(await clerk.page.getByText("Für Sie steht bei diesem Vorgang gerade kein Arbeitsschritt an.").count()).toBe(
      1,
    );
    expect(await clerk.page.getByRole("button", { name: "Beantwortung beginnen" }).count()).toBe(0);
    await checkA11y(clerk.page);
    clerk.assertNoPageErrors();
    await clerk.close();
  });

  it("puts a motion on the agenda of a new council meeting and records the decision, which the public page shows", async () => {
    const MOTION = "Sichere Video-/ Telefonkonferenzen nicht nur zu Coronazeiten";
    const NOTE = "In den Ausschuss für Digitalisierung überwiesen.";
    const office = await openPage(browser);
    await signInStaff(office.page, "ratsbuero@scharnebeck.quaestio.example");
    await openInquiry(office.page, MOTION);

    const agenda = form(office.page, "Antrag auf die Tagesordnung setzen");
    await agenda.getByLabel("Sitzung", { exact: true }).selectOption({ label: "neue Sitzung anlegen" });
    await agenda.getByLabel("Gremium der neuen Sitzung").selectOption({ label: "Samtgemeinderat" });
    // The council meets today: a decision can be recorded from the day of the meeting on (not for a future one).
    await agenda.getByLabel("Datum der neuen Sitzung").fill(daysFromToday(0));
    await agenda
      .getByLabel("Vorhandener Tagesordnungspunkt")
      .selectOption({ label: "neuen Tagesordnungspunkt anlegen" });
    await agenda.getByLabel("Nummer des neuen TOP").fill("7");
    await agenda.getByLabel("Titel des neuen TOP").fill("Antrag: Sichere Video- und Telefonkonferenzen");
    await agenda.getByRole("button", { name: "Auf die Tagesordnung setzen" }).click();
    await expect
      .poll(() =>
        office.page.getByText("TOP 7: Antrag: Sichere Video- und Telefonkonferenzen", { exact: false }).count(),
      )
      .toBeGreaterThan(0);
    await checkA11y(office.page);

    const decide = form(office.page, "Beschluss erfassen");
    await decide.getByLabel("Ergebnis").selectOption({ label: "überwiesen" });
    await decide.getByLabel("Hinweis zum Beschluss (öffentlich)").fill(NOTE);
    await decide.getByRole("button", { name: "Beschluss erfassen" }).click();
    await expect.poll(() => office.page.locator("dd", { hasText: NOTE }).count()).toBe(1);
    await checkA11y(office.page);

    await office.page.getByRole("link", { name: "Öffentliche Seite dieses Vorgangs" }).click();
    await office.page.waitForURL((url) => url.pathname === "/scharnebeck/anfragen/Antrag-1-2020");
    await expect.poll(() => office.page.getByText("Der Antrag wurde überwiesen.").count()).toBe(1);
    expect(await office.page.getByText(NOTE).count()).toBe(1);
    await checkA11y(office.page);
    office.assertNoPageErrors();
    await office.close();
  });

  it("lets the faction withdraw its inquiry with plain forms, without JavaScript", async () => {
    const context = await browser.newContext({
      locale: "de-DE",
      timezoneId: "Europe/Berlin",
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signInFactionMember(page, app.url, "fraktion@norderstedt.quaestio.example");
    await openInquiry(page, NORDERSTEDT_TITLE);

    const withdraw = form(page, "Anfrage zurückziehen");
    await withdraw.getByRole("button", { name: "Zurückziehen" }).click();
    await expect
      .poll(() => withdraw.locator(".field-error", { hasText: "Bitte füllen Sie dieses Feld aus." }).count())
      .toBe(1);
    await withdraw
      .getByLabel("Hinweis zur Rücknahme (öffentlich)")
      .fill("Die Fragen wurden in der Ausschusssitzung beantwortet.");
    await withdraw.getByRole("button", { name: "Zurückziehen" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Die Anfrage wurde zurückgezogen.");
    expect(
      await page.locator("dd", { hasText: "Die Fragen wurden in der Ausschusssitzung beantwortet." }).count(),
    ).toBe(1);
    expect(await page.getByRole("region", { name: "Anfrage zurückziehen" }).count()).toBe(0);
    // axe needs JavaScript in the page; the same forms are checked with JavaScript in the tests above.
    await context.close();
  });
});
