/**
 * The seeded documents read as printed (issue 10, "Seed fidelity"): the NRW matrix is the Anlage of answer 1,
 * the Scharnebeck Antrag is addressed and introduced before its motion, Norderstedt's answer meeting has no TOP.
 */
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, useFilePage } from "../support/browser";

const { app, browser } = useAppAndBrowser("shared");
const filePage = useFilePage(browser);

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("seed fidelity of the public pages", () => {
  it("shows the NRW Ressort × tool matrix as the Anlage to answer 1, not as a missing file", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/landtag-nrw/anfragen/17-9511`);
    await checkA11y(page);
    const heading = page.getByRole("heading", { level: 3, name: "Anlage zur Antwort auf Frage 1" });
    await expect.poll(() => heading.count()).toBe(1);
    const anlage = heading.locator("xpath=..");
    expect(await anlage.locator("table.usage-matrix tbody tr").count()).toBe(13);
    expect(await anlage.locator("table.usage-matrix thead th.usage-matrix__tool").count()).toBe(16);
    const text = await page.locator("main").innerText();
    expect(text).not.toContain("Datei liegt nicht vor");
    expect(
      await page
        .getByRole("heading", { name: /^Weitere Angaben/ })
        .locator("..")
        .locator("table.usage-matrix")
        .count(),
    ).toBe(0);
    // The tool facts of the Drucksache name all 15 catalogue tools of its 16 rows.
    expect(await page.locator("#werkzeug-angaben ~ .table-wrapper > table.tool-facts").count()).toBe(15);
    assertNoPageErrors();
    await close();
  });

  it("addresses the Scharnebeck Antrag to the Samtgemeindebürgermeister, with the intro before the motion and its Begründung after", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/scharnebeck/anfragen/Antrag-1-2020`);
    await checkA11y(page);
    const addressee = page.locator("dt", { hasText: /^An$/ }).locator("xpath=following-sibling::dd[1]");
    expect(squash(await addressee.innerText())).toBe("Herrn Samtgemeindebürgermeister Gerstenkorn");
    const text = squash(await page.locator("main").innerText());
    const order = [
      "Sehr geehrter Herr Samtgemeindebürgermeister Gerstenkorn,",
      "folgenden Antrag:",
      "Angelehnt an das kostenfreie Angebot",
      "Begründung",
      "Worum geht es?",
      "Eine geringe Serverbetriebsgebühr kommt noch hinzu.",
    ].map((needle) => text.indexOf(needle));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    assertNoPageErrors();
    await close();
  });

  it("lists Norderstedt's answer meeting without calling the Vorlage number a TOP", async () => {
    const { page, assertNoPageErrors, close } = await filePage();
    await page.goto(`${app.url}/norderstedt/anfragen/M-20-0226`);
    await checkA11y(page);
    const meetings = (
      await page
        .locator("dt", { hasText: /^Sitzungen$/ })
        .locator("xpath=following-sibling::dd[1]//li")
        .allInnerTexts()
    ).map(squash);
    expect(meetings).toHaveLength(2);
    expect(meetings[0]).toMatch(/^Hauptausschuss, 04\.05\.2020, TOP 26\.7 – /);
    expect(meetings[1]).toMatch(/^Hauptausschuss, 15\.06\.2020 – .*Zuständigkeit: Anhörung$/);
    expect(meetings.join(" ")).not.toContain("M 20/0226");
    assertNoPageErrors();
    await close();
  });
});
