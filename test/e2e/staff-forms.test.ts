/**
 * The staff forms on Conform (issue 9): a refused submission shows an error summary that takes the focus and
 * links to the field, the message next to the field (aria-invalid, aria-describedby), and the user's input
 * kept — with JavaScript, and as plain HTML from a POST without it. Covered: starting a draft, the tool
 * inventory's headings, rows and matrix, and the answer's sign-off forms.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage } from "../support/browser";
import { signInFactionMember, signInStaffFirstTime } from "../support/sign-in";

const POLL = { timeout: 30_000 };
const FACTION = "fraktion@landtag-nrw.quaestio.example";
const CLERK = "sachbearbeitung@landtag-nrw.quaestio.example";
const EXECUTIVE = "verwaltungsspitze@landtag-nrw.quaestio.example";
const INVENTORY_INQUIRY = "Nutzung von Messenger-Diensten in der Landesverwaltung";
/** Demo answer in sign-off: the Sachbearbeitung has signed, the Verwaltungsspitze is next. */
const SIGN_OFF_INQUIRY = "Ausfallsicherheit der Videokonferenzinfrastruktur der Landesverwaltung";

const { app, browser } = useAppAndBrowser();

const focusedClass = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.className ?? "");

/** The summary of the form has the focus and lists `message`; the field is marked and described by it. */
async function expectRefused(page: Page, field: string, message: string) {
  await expect.poll(() => focusedClass(page), POLL).toContain("error-summary");
  const summary = page.locator(".error-summary:focus");
  expect(await summary.textContent()).toContain(message);
  const input = page.getByLabel(field, { exact: true });
  expect(await input.getAttribute("aria-invalid")).toBe("true");
  const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
  const descriptions = await Promise.all(
    describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  expect(descriptions.join(" ")).toContain(message);
  expect(await summary.getByRole("link", { name: message }).getAttribute("href")).toBe(
    `#${await input.getAttribute("id")}`,
  );
}

async function openInquiry(page: Page, title: string) {
  await page.goto(`${app.url}/arbeitsbereich`);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/vorgaenge/"));
}

describe("staff forms on Conform", () => {
  it("refuses a new draft without a type: summary with focus, title kept, also without JavaScript", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;
    recorded.allowHttpError(/\/arbeitsbereich\/entwurf\/neu/, 400);
    await signInFactionMember(page, app.url, FACTION);
    await page.goto(`${app.url}/arbeitsbereich/entwurf/neu`);
    await page.getByLabel("Titel").fill("Ohne Art gesendet");
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await expect.poll(() => focusedClass(page), POLL).toContain("error-summary");
    expect(await page.locator(".error-summary").textContent()).toContain("Bitte wählen Sie eine Art der Anfrage.");
    expect(await page.getByRole("radio").first().getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Titel").inputValue()).toBe("Ohne Art gesendet");
    await checkA11y(page);

    // A plain POST (no JavaScript): the answer is the page with the messages and the input.
    const response = await page.request.post(`${app.url}/arbeitsbereich/entwurf/neu`, {
      form: { title: "" },
      headers: { origin: app.url },
    });
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(html).toContain("Bitte wählen Sie eine Art der Anfrage.");
    expect(html).toContain("Bitte geben Sie einen Titel ein.");
    expect(html).toMatch(
      /<input[^>]*aria-invalid="true"[^>]*name="title"|<input[^>]*name="title"[^>]*aria-invalid="true"/,
    );
    recorded.assertNoPageErrors();
    await recorded.close();
  });

  it("shows the tool inventory's refusals at their fields and keeps what was typed", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;
    recorded.allowHttpError(/\/werkzeuge(\.data)?(\?.*)?$/, 400);
    await signInStaffFirstTime(page, app.url, CLERK);
    await openInquiry(page, INVENTORY_INQUIRY);
    await page.getByRole("link", { name: "Werkzeugverzeichnis der Antwort bearbeiten" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/werkzeuge"));

    // Headings: an empty column heading is refused at its field.
    await page.getByLabel("Spaltenüberschrift der Werkzeuge").fill("");
    await page.getByRole("button", { name: "Verzeichnis speichern" }).click();
    await expectRefused(page, "Spaltenüberschrift der Werkzeuge", "Bitte geben Sie die Spaltenüberschrift an.");
    await checkA11y(page);
    await page.getByLabel("Spaltenüberschrift der Werkzeuge").fill("Messenger");
    await page.getByRole("button", { name: "Verzeichnis speichern" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Gespeichert." }).count(), POLL).toBe(1);

    // Rows: a count that is not a number stays in its cell with the message next to it.
    await page.getByLabel("Werkzeug, Zeile 1").selectOption({ label: "Jitsi Meet" });
    await page.getByLabel("Arbeitsplätze, Zeile 1").fill("viele");
    await page.getByRole("button", { name: "Zeilen speichern" }).click();
    await expectRefused(
      page,
      "Arbeitsplätze, Zeile 1",
      "„viele“ ist keine ganze Zahl. Arbeitsplätze bitte als ganze Zahl (z. B. 52.413) oder leer lassen.",
    );
    expect(await page.getByLabel("Arbeitsplätze, Zeile 1").inputValue()).toBe("viele");
    await page.getByLabel("Arbeitsplätze, Zeile 1").fill("120");
    await page.getByRole("button", { name: "Zeilen speichern" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Gespeichert." }).count(), POLL).toBe(1);

    // Matrix: the missing row heading is named at its own field (not only as a form message).
    await page.getByLabel("Überschrift der Zeilen").fill("");
    await page.getByRole("button", { name: "Matrix speichern" }).click();
    await expectRefused(page, "Überschrift der Zeilen", "Bitte geben Sie beide Überschriften an.");
    await checkA11y(page);
    recorded.assertNoPageErrors();
    await recorded.close();
  });

  it("marks the missing confirmation and the missing comment of the sign-off forms", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;
    recorded.allowHttpError(/\/antwort(\.data)?$/, 400);
    await signInStaffFirstTime(page, app.url, EXECUTIVE);
    await openInquiry(page, SIGN_OFF_INQUIRY);
    const inquiryPath = new URL(page.url()).pathname.match(/^\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}/)![0];
    await page.goto(`${app.url}${inquiryPath}/antwort`);

    await page.getByRole("button", { name: /^Als „.*“ zeichnen$/ }).click();
    await expectRefused(
      page,
      "Ich habe den aktuellen Inhalt der Antwort gelesen und zeichne ihn.",
      "Bitte bestätigen Sie, dass Sie den aktuellen Inhalt gelesen haben.",
    );
    await checkA11y(page);

    const returnForm = page.getByRole("form", { name: "Zur Überarbeitung zurückgeben" });
    await returnForm.getByRole("button").click();
    await expect.poll(() => focusedClass(page), POLL).toContain("error-summary");
    const comment = returnForm.getByRole("textbox");
    expect(await comment.getAttribute("aria-invalid")).toBe("true");
    recorded.assertNoPageErrors();
    await recorded.close();
  });
});
