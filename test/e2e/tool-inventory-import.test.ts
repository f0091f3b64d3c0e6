/**
 * The lead department's clerk fills the tool inventory of a demo answer in the browser: creates the
 * inventory, uploads a CSV with an unknown tool, a negative count and broken quoting, sees the preview with a
 * German message per row and no way to save, corrects the text that the upload put into the field, previews
 * again and takes the rows over; the rows table then shows them. axe runs on every state of the page.
 */
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage } from "../support/browser";
import { signInStaffFirstTime } from "../support/sign-in";

const CLERK = "sachbearbeitung@landtag-nrw.quaestio.example";
const TITLE = "Nutzung von Messenger-Diensten in der Landesverwaltung";
const BAD_CSV =
  'Werkzeug;Bezeichnung;Arbeitsplätze\nCisco-ViKo;Cisco-ViKo (On-Premise);52.413\nTeams;MS Teams;-5\nZoom;"Zoom (Cloud);12\n';
const GOOD =
  "Werkzeug;Bezeichnung;Arbeitsplätze\nCisco-ViKo;Cisco-ViKo (On-Premise);52.413\nZoom;Zoom (Public Cloud);\nJitsi Meet;Jitsi Meet;120\n";

const { app, browser } = useAppAndBrowser();

describe("tool inventory import", () => {
  it("previews a CSV with per-row messages, saves nothing, then takes a corrected table over", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;
    recorded.allowHttpError(/\/werkzeuge\.data$/, 400);
    await signInStaffFirstTime(page, app.url, CLERK);
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.getByRole("link", { name: TITLE, exact: true }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/vorgaenge/"));
    await page.getByRole("link", { name: "Werkzeugverzeichnis der Antwort bearbeiten" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/werkzeuge"));
    await checkA11y(page);

    await page.getByLabel("Spaltenüberschrift der Werkzeuge").fill("Messenger");
    await page.getByRole("button", { name: "Verzeichnis speichern" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Tabelle einfügen oder CSV hochladen" }).count()).toBe(1);
    await checkA11y(page);

    await page
      .getByLabel("oder CSV-Datei")
      .setInputFiles({ name: "werkzeuge.csv", mimeType: "text/csv", buffer: Buffer.from(BAD_CSV, "utf8") });
    await page.getByRole("button", { name: "Vorschau anzeigen" }).click();
    const preview = page.locator("table", {
      has: page.locator("caption", { hasText: "Vorschau der eingefügten Zeilen" }),
    });
    await expect.poll(() => preview.count()).toBe(1);
    await expect.poll(() => page.getByText("Nichts wurde gespeichert.", { exact: false }).count()).toBe(1);
    const previewText = (await preview.textContent()) ?? "";
    expect(previewText).toContain("Das Werkzeug „Teams“ steht nicht im Katalog.");
    expect(previewText).toContain("Die Zahl der Arbeitsplätze darf nicht negativ sein.");
    expect(await page.getByText(/Zeile \d+: Ein Anführungszeichen/).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Zeilen übernehmen" }).count()).toBe(0);
    // The uploaded text is in the field, ready to be corrected.
    expect(await page.getByLabel("Tabelle", { exact: true }).inputValue()).toBe(BAD_CSV.replace(/\n$/, "\n"));
    expect(await page.getByRole("table", { name: "Zeilen des Verzeichnisses" }).locator("tbody tr").count()).toBe(1);
    await checkA11y(page);

    await page.getByLabel("Tabelle", { exact: true }).fill(GOOD);
    await page.getByRole("button", { name: "Vorschau anzeigen" }).click();
    await expect.poll(() => page.getByText("Alle Zeilen sind in Ordnung.", { exact: false }).count()).toBe(1);
    await checkA11y(page);
    await page.getByRole("button", { name: "Zeilen übernehmen" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Gespeichert." }).count()).toBe(1);
    const rows = page.getByRole("table", { name: "Zeilen des Verzeichnisses" }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(4); // three rows and the empty line for a new one
    expect(await page.getByLabel("Bezeichnung (wie geschrieben), Zeile 1").inputValue()).toBe(
      "Cisco-ViKo (On-Premise)",
    );
    expect(await page.getByLabel("Arbeitsplätze, Zeile 1").inputValue()).toBe("52413");
    expect(await page.getByLabel("Arbeitsplätze, Zeile 2").inputValue()).toBe("");
    await checkA11y(page);
    recorded.assertNoPageErrors();
    await recorded.close();
  });
});
