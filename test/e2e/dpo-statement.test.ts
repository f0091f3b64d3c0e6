/**
 * The data protection officer answers a consultation in the browser: from the workspace's DPO section to the
 * consultation page, writes the statement in the editor, adds restrictions and recommendations as separate
 * items, reorders them, is told at the field that a verdict is missing (with everything typed kept), then
 * submits. The lead department's clerk reads the statement and decides that it is published with the
 * answer. axe runs on every page.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage } from "../support/browser";
import { signInStaffFirstTime } from "../support/sign-in";

const DPO = "datenschutz@norderstedt.quaestio.example";
const CLERK = "sachbearbeitung@norderstedt.quaestio.example";
const TITLE = "Aufzeichnungen von Videokonferenzen";
const RESTRICTION = "Keine Aufzeichnung nicht öffentlicher Tagesordnungspunkte.";
const RECOMMENDATION = "Eine Dienstanweisung zur Speicherdauer erlassen.";

const { app, browser } = useAppAndBrowser();

const itemTexts = (page: Page) =>
  page
    .locator("textarea[name^='items['][name$='].text']")
    .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

describe("DPO statement with restrictions", () => {
  it("is written, refused without a verdict (input kept), submitted, and published by the lead's decision", async () => {
    const dpo = await openPage(browser);
    const page = dpo.page;
    await signInStaffFirstTime(page, app.url, DPO);
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.getByRole("link", { name: new RegExp(`Stellungnahme zu „${TITLE}“ öffnen`) }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/beratungen/"));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(TITLE);
    await checkA11y(page);

    await page.getByLabel("Überschrift der Stellungnahme").fill("Kurzbetrachtung Aufzeichnungen");
    const editor = page.locator("#stellungnahme-statement[contenteditable='true']");
    await editor.click();
    await page.keyboard.type("Gegen Aufzeichnungen bestehen Bedenken, soweit Dritte erkennbar sind.");

    await page.getByLabel("Text von Punkt 1").fill(RESTRICTION);
    await page.getByRole("button", { name: "Punkt hinzufügen" }).click();
    await page.getByRole("button", { name: "Punkt hinzufügen" }).click();
    await page.getByLabel("Art von Punkt 3").selectOption({ label: "Empfehlung" });
    await page.getByLabel("Text von Punkt 3").fill(RECOMMENDATION);
    // The empty second row goes away, the recommendation moves to the top.
    await page.getByRole("button", { name: "Punkt 2 entfernen" }).click();
    await page.getByRole("button", { name: "Punkt 2 nach oben" }).click();
    expect(await itemTexts(page)).toEqual([RECOMMENDATION, RESTRICTION]);
    await checkA11y(page);

    // No verdict chosen: the message stands at the verdict (HTTP 400, on purpose), nothing typed is lost.
    dpo.allowHttpError(/\/arbeitsbereich\/beratungen\/[^/]+\.data$/, 400);
    await page.getByRole("button", { name: "Stellungnahme abgeben" }).click();
    await expect
      .poll(() => page.locator("#stellungnahme-verdict-error").textContent())
      .toBe("Bitte wählen Sie ein Ergebnis.");
    expect(await itemTexts(page)).toEqual([RECOMMENDATION, RESTRICTION]);
    await expect.poll(() => editor.textContent()).toContain("soweit Dritte erkennbar sind");
    expect(await page.getByLabel("Überschrift der Stellungnahme").inputValue()).toBe("Kurzbetrachtung Aufzeichnungen");
    await checkA11y(page);

    await page.getByLabel("mit Auflagen").check();
    await page.getByRole("button", { name: "Stellungnahme abgeben" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Abgegeben; das federführende Amt ist benachrichtigt.");
    const view = page.getByRole("region", { name: "Stellungnahme" });
    await expect.poll(() => view.getByRole("heading", { name: "Einschränkungen" }).count()).toBe(1);
    expect(await view.locator("li").allTextContents()).toEqual([RESTRICTION, RECOMMENDATION]);
    await expect.poll(() => page.locator("dd", { hasText: /^mit Auflagen$/ }).count()).toBe(1);
    await checkA11y(page);
    const consultationUrl = page.url();
    dpo.assertNoPageErrors();
    await dpo.close();

    const lead = await openPage(browser);
    await signInStaffFirstTime(lead.page, app.url, CLERK);
    await lead.page.goto(consultationUrl);
    await checkA11y(lead.page);
    await lead.page.getByLabel("Stellungnahme mit der Antwort veröffentlichen").check();
    await lead.page.getByRole("button", { name: "Entscheidung speichern" }).click();
    await expect.poll(() => lead.page.getByText("Wird mit der Antwort veröffentlicht.").count()).toBe(1);
    await checkA11y(lead.page);
    lead.assertNoPageErrors();
    await lead.close();
  });
});
