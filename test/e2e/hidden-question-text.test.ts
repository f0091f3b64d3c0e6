/**
 * Issue 11 in the browser: Norderstedt's council office makes a submitted demo inquiry public, then declares
 * it inadmissible and ticks "Fragetext öffentlich nicht zeigen" — first without the public note (German field
 * error, the tick and the reason kept), then with it. The public page then shows the note instead of the
 * questions. axe on every page; the public page also at 320 px without sideways scrolling.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage } from "../support/browser";
import { signInStaffFirstTime } from "../support/sign-in";

const OFFICE = "ratsbuero@norderstedt.quaestio.example";
const TITLE = "Barrierefreiheit der Videokonferenzsysteme";
const REASON = "Die Anfrage betrifft eine Personalangelegenheit.";
const NOTE = "Die Fragen nennen einzelne Beschäftigte.";

const { app, browser } = useAppAndBrowser();

const form = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });

async function noSidewaysScrollAt320(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `${page.url()} scrolls sideways at 320 px`).toBeLessThanOrEqual(widths.client);
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("hiding the question text of an inadmissible inquiry", () => {
  it("the council office ticks it with a public note, and the public page shows the note instead of the text", async () => {
    const { page, assertNoPageErrors, allowHttpError, close } = await openPage(browser);
    await signInStaffFirstTime(page, app.url, OFFICE);
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.getByRole("link", { name: TITLE, exact: true }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/vorgaenge/"));
    const staffUrl = page.url();

    // Make it public, and read one of its questions on the public page.
    const visibility = form(page, "Sichtbarkeit");
    await visibility.getByLabel("Neue Sichtbarkeit").selectOption("public");
    await visibility.getByLabel("Begründung der Änderung").fill("Von öffentlichem Interesse");
    await visibility.getByRole("button", { name: "Sichtbarkeit ändern" }).click();
    await expect.poll(() => status(page).textContent()).toBe("Die Sichtbarkeit wurde geändert.");
    await page.getByRole("link", { name: "Öffentliche Seite dieses Vorgangs" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/norderstedt/anfragen/"));
    const publicUrl = page.url();
    const question = (await page.locator("ol.question-list li").first().innerText()).replace(/^Frage \S+:\s*/, "");
    expect(question.length).toBeGreaterThan(10);

    // Ticked without the note: refused next to the field, the tick and the reason kept.
    await page.goto(staffUrl);
    const decline = form(page, "Für unzulässig erklären");
    await decline.getByLabel(/^Begründung der Unzulässigkeit/).fill(REASON);
    await decline.getByLabel("Fragetext öffentlich nicht zeigen").check();
    allowHttpError(/\/arbeitsbereich\/vorgaenge\//, 400);
    await decline.getByRole("button", { name: "Für unzulässig erklären" }).click();
    const message = "Bitte geben Sie den öffentlichen Hinweis an, warum der Fragetext nicht gezeigt wird.";
    await expect.poll(() => decline.locator(".field-error", { hasText: message }).count()).toBe(1);
    expect(await decline.getByLabel("Fragetext öffentlich nicht zeigen").isChecked()).toBe(true);
    expect(await decline.getByLabel(/^Begründung der Unzulässigkeit/).inputValue()).toBe(REASON);
    await checkA11y(page);

    await decline.getByLabel("Öffentlicher Hinweis, warum der Fragetext nicht gezeigt wird").fill(NOTE);
    await decline.getByRole("button", { name: "Für unzulässig erklären" }).click();
    await expect.poll(() => status(page).textContent()).toBe("Die Anfrage wurde für unzulässig erklärt.");
    // The staff view names the public note; there is nothing left to hide.
    await expect.poll(() => page.locator("dd", { hasText: NOTE }).count()).toBe(1);
    expect(await form(page, "Fragetext öffentlich nicht zeigen").count()).toBe(0);
    // Staff still read the question.
    expect(await page.getByText(question.slice(0, 40)).count()).toBeGreaterThan(0);

    await page.goto(publicUrl);
    const main = page.locator("main");
    await expect.poll(() => main.getByText("Der Text der Anfrage wird nicht veröffentlicht.").count()).toBe(1);
    expect(await main.getByText(NOTE).count()).toBe(1);
    expect(await main.innerText()).not.toContain(question.slice(0, 40));
    await checkA11y(page);
    await noSidewaysScrollAt320(page);

    assertNoPageErrors();
    await close();
  });
});
