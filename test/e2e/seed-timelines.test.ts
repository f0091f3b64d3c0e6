/**
 * The public timelines of the demo data as a reader sees them: the real seeds' dates with German labels for
 * the engine's event names, and a public fictional inquiry whose internal steps stay off its timeline.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, useFilePage } from "../support/browser";

const { app, browser } = useAppAndBrowser("shared");
const filePage = useFilePage(browser);

async function timelineOf(page: Page): Promise<string[]> {
  return (await page.locator("ol.timeline li").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
}

describe("public timelines of the demo data", () => {
  it("show the real seeds' steps with their dates and German labels", async () => {
    const { page, assertNoPageErrors, close } = await filePage();

    await page.goto(`${app.url}/landtag-nrw/anfragen/17-9511`);
    await checkA11y(page);
    expect(await timelineOf(page)).toEqual([
      "28.05.2020 eingereicht",
      "07.07.2020 Antwort veröffentlicht",
      "07.07.2020 beantwortet",
    ]);

    await page.goto(`${app.url}/hamburg/anfragen/SA-1-2021`);
    expect(await timelineOf(page)).toEqual([
      "05.03.2021 Schreiben eingegangen",
      "26.03.2021 Antwort veröffentlicht",
      "26.03.2021 beantwortet",
    ]);

    await page.goto(`${app.url}/norderstedt/anfragen/M-20-0226`);
    expect(await timelineOf(page)).toEqual([
      "04.05.2020 eingereicht",
      "15.06.2020 Antwort veröffentlicht",
      "15.06.2020 beantwortet",
    ]);

    assertNoPageErrors();
    await close();
  });

  it("shows a public fictional inquiry's extension but not its internal steps", async () => {
    const { page, assertNoPageErrors, close } = await filePage();

    await page.goto(`${app.url}/norderstedt/anfragen`);
    await page.getByRole("link", { name: "Ausfälle der städtischen Online-Dienste" }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/norderstedt/anfragen/Anfrage-"));
    await checkA11y(page);
    const labels = (await timelineOf(page)).map((entry) => entry.replace(/^\d{2}\.\d{2}\.\d{4} /, ""));
    // The extension carries its reason, as the council office stated it.
    expect(labels).toEqual([
      "eingereicht",
      "angenommen",
      "zur Beantwortung zugewiesen",
      "Frist verlängert: Die Auswertung der Störungsprotokolle durch den IT-Dienstleister liegt noch nicht vor.",
    ]);
    await expect(page.locator("body").innerText()).resolves.toContain("Fiktiver Demo-Vorgang");

    assertNoPageErrors();
    await close();
  });
});
