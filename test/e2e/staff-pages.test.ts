/**
 * Staff pages in the right words (issue 11, rest): a council that only handles motions (Samtgemeinde
 * Scharnebeck) sees "Anträge", the motion's text under "Antragstext", one agenda form, motion-appropriate
 * agenda purposes, and no decision form for a meeting that has not taken place; its public list is headed
 * "Anträge". The consultation block on the staff inquiry view is a styled fact list; a long user name wraps in
 * the header at 320 px. axe (wcag2a/aa, wcag21a/aa) at 1280 and 320 px on every page visited.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { addDays } from "../../app/domain/dates";
import { receiptDate } from "../../app/domain/numbering";
import { checkA11y, openPage } from "../support/browser";
import { signInStaffFirstTime } from "../support/sign-in";

const { app, browser } = useAppAndBrowser();

const MOTION = "Sichere Video-/ Telefonkonferenzen nicht nur zu Coronazeiten";
const daysFromToday = (n: number) => addDays(receiptDate(new Date(), "Europe/Berlin"), n);
const form = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });

/** No sideways scrolling at 320 px, and axe at 320 and 1280 px. */
async function checkNarrowAndWide(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${page.url()} scrolls sideways at 320 px`).toBeLessThanOrEqual(client);
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page);
}

async function openInquiry(page: Page, title: string) {
  await page.goto(`${app.url}/arbeitsbereich`);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/vorgaenge/"));
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
}

describe("staff pages in the words of the type", () => {
  it("shows a motion-only council its Anträge in motion wording, with one agenda form and no decision for a future meeting", async () => {
    const office = await openPage(browser);
    const { page } = office;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInStaffFirstTime(page, app.url, "ratsbuero@scharnebeck.quaestio.example");

    await page.goto(`${app.url}/arbeitsbereich`);
    // The intake of a council that receives only motions speaks of Anträge.
    expect(await page.locator("caption", { hasText: "Eingegangene Anträge, älteste zuerst" }).count()).toBe(1);
    expect(await page.getByText("Eingegangene Anfragen").count()).toBe(0);
    await checkNarrowAndWide(page);

    await openInquiry(page, MOTION);
    expect(await page.getByRole("heading", { level: 2, name: "Antragstext" }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 2, name: "Fragen" }).count()).toBe(0);
    expect(await page.getByRole("heading", { level: 3, name: "Beschlussvorschlag" }).count()).toBe(1);
    // One form puts the motion on the agenda; no near-identical link form beside it.
    expect(await form(page, "Antrag auf die Tagesordnung setzen").count()).toBe(1);
    expect(await form(page, "Mit Sitzung und Tagesordnungspunkt verknüpfen").count()).toBe(0);
    await checkNarrowAndWide(page);

    // On the agenda of a council meeting in four weeks.
    const agenda = form(page, "Antrag auf die Tagesordnung setzen");
    await agenda.getByLabel("Sitzung", { exact: true }).selectOption({ label: "neue Sitzung anlegen" });
    await agenda.getByLabel("Gremium der neuen Sitzung").selectOption({ label: "Samtgemeinderat" });
    await agenda.getByLabel("Datum der neuen Sitzung").fill(daysFromToday(28));
    await agenda
      .getByLabel("Vorhandener Tagesordnungspunkt")
      .selectOption({ label: "neuen Tagesordnungspunkt anlegen" });
    await agenda.getByLabel("Nummer des neuen TOP").fill("5");
    await agenda.getByLabel("Titel des neuen TOP").fill("Antrag: Sichere Videokonferenzen");
    await agenda.getByRole("button", { name: "Auf die Tagesordnung setzen" }).click();
    await expect
      .poll(() => page.getByText("TOP 5: Antrag: Sichere Videokonferenzen", { exact: false }).count())
      .toBe(1);
    // The purpose in motion words, not "Antwort auf der Tagesordnung" / "Anfrage gestellt".
    expect(await page.getByText("(Beratung und Beschluss, Entscheidung)").count()).toBe(1);

    // The meeting lies in the future: the decision form offers no meeting and says from when it can be recorded.
    const decide = form(page, "Beschluss erfassen");
    await expect.poll(() => decide.textContent()).toContain("Der Beschluss kann ab dem Tag der Sitzung erfasst werden");
    expect(await decide.getByLabel("Ergebnis").count()).toBe(0);
    expect(await decide.getByRole("button", { name: "Beschluss erfassen" }).count()).toBe(0);
    // Further links after the motion is on the agenda offer motion purposes.
    const link = form(page, "Mit Sitzung und Tagesordnungspunkt verknüpfen");
    expect(await link.getByLabel("Anlass").locator("option").allTextContents()).toEqual([
      "–",
      "Antrag eingebracht",
      "Stellungnahme der Verwaltung auf der Tagesordnung",
      "Beratung und Beschluss",
    ]);
    await checkNarrowAndWide(page);

    // A long name wraps in the header instead of pushing the page sideways at 320 px.
    await page.evaluate(() => {
      const user = document.querySelector(".site-nav__user")!;
      user.lastChild!.textContent = "Maximiliane Alexandra Friederike von Hohenzollern-Sigmaringen-Waldburg-Zeil";
    });
    await checkNarrowAndWide(page);

    // The public list of this body is headed by what it holds.
    await page.goto(`${app.url}/scharnebeck/anfragen`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Anträge");
    expect(await page.title()).toMatch(/^Anträge – /);
    await checkNarrowAndWide(page);
    await page.goto(`${app.url}/norderstedt/anfragen`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Anfragen");
    office.assertNoPageErrors();
    await office.close();
  });

  it("shows the consultation on the staff inquiry view as a styled fact list", async () => {
    const office = await openPage(browser);
    const { page } = office;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInStaffFirstTime(page, app.url, "ratsbuero@landtag-nrw.quaestio.example");
    await openInquiry(page, "Nutzung von Messenger-Diensten in der Landesverwaltung");
    const block = page.locator(".consultation").first();
    await block.waitFor();
    const style = await block.evaluate((el) => {
      const dl = el.querySelector("dl")!;
      return {
        dl: getComputedStyle(dl).display,
        border: getComputedStyle(el).borderTopStyle,
        dtWeight: getComputedStyle(dl.querySelector("dt")!).fontWeight,
      };
    });
    // The same grid of facts as the inquiry's own facts, in a framed block — not a bare definition list.
    expect(style).toEqual({ dl: "grid", border: "solid", dtWeight: "700" });
    await checkNarrowAndWide(page);
    office.assertNoPageErrors();
    await office.close();
  });
});
