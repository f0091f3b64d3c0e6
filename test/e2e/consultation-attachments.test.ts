/**
 * Files on a DPO consultation request through the UI (issue 10: "Request with the questions put and
 * attachments"), in the Landtag NRW: the lead clerk opens the open request to the DPO and attaches a PDF to it; a
 * file whose name says PDF but whose bytes do not is refused at the field (title kept, error summary focused); the
 * DPO opens the request from her workspace and downloads the file, which comes as an attachment with `nosniff`
 * and its sniffed type; a signed-out request for it learns nothing. axe on every page; a console error fails.
 */
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { files } from "../support/attachment-files";
import { checkA11y, openPage } from "../support/browser";
import { signInStaffFirstTime } from "../support/sign-in";

const TITLE = "Nutzung von Messenger-Diensten in der Landesverwaltung";
const POLL = { timeout: 20_000 };

const { app, browser } = useAppAndBrowser();

describe("attachments of a DPO consultation request", () => {
  it("are attached by the lead department, checked by their bytes, and downloaded by the DPO", async () => {
    const clerk = await openPage(browser);
    const page = clerk.page;
    await signInStaffFirstTime(page, app.url, "sachbearbeitung@landtag-nrw.quaestio.example");
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.getByRole("link", { name: TITLE }).first().click();
    await page.waitForURL(/\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}$/);
    await page.getByRole("link", { name: "Beteiligungen und Zulieferungen bearbeiten" }).click();
    await page.waitForURL(/\/beteiligungen$/);
    // The DPO was asked in the demo data ("angefragt"); the clerk opens the request and attaches to it.
    await page.getByRole("link", { name: "Datenschutzbeauftragte/r", exact: true }).click();
    await page.waitForURL(/\/arbeitsbereich\/beratungen\/[0-9a-f-]{36}$/, POLL);
    const consultationUrl = page.url();
    await checkA11y(page);

    const request = page.getByRole("region", { name: "Anlagen zur Anfrage" });
    await request.getByLabel("Titel der Anlage").fill("Datenschutz-Folgenabschätzung");
    await request.getByLabel("Datei", { exact: true }).setInputFiles({
      name: "DSFA Messenger.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(files.pdf()),
    });
    await request.getByRole("button", { name: "Anlage hochladen" }).click();
    await expect.poll(async () => page.getByRole("status").textContent(), POLL).toBe("Die Anlage wurde gespeichert.");
    await expect.poll(async () => request.locator("ol.attachments li").count(), POLL).toBe(1);
    await checkA11y(page);

    // A web page that calls itself a PDF: refused at the field (HTTP 400, on purpose), the title kept.
    clerk.allowHttpError(/\/anlagen$/, 400);
    const again = page.getByRole("region", { name: "Anlagen zur Anfrage" });
    await again.getByLabel("Titel der Anlage").fill("Vertrag (gefälscht)");
    await again.getByLabel("Datei", { exact: true }).setInputFiles({
      name: "vertrag.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(files.htmlAsPdf()),
    });
    await again.getByRole("button", { name: "Anlage hochladen" }).click();
    await page.locator("#request-attachment-file-error", { hasText: "Dateityp" }).waitFor(POLL);
    expect(await page.getByLabel("Titel der Anlage").inputValue()).toBe("Vertrag (gefälscht)");
    await expect
      .poll(async () => page.evaluate(() => document.activeElement?.classList.contains("error-summary")), POLL)
      .toBe(true);
    expect(await page.locator("ol.attachments li").count()).toBe(1);
    await checkA11y(page);
    clerk.assertNoPageErrors();
    await clerk.close();

    const dpo = await openPage(browser);
    await signInStaffFirstTime(dpo.page, app.url, "datenschutz@landtag-nrw.quaestio.example");
    await dpo.page.goto(`${app.url}/arbeitsbereich`);
    await dpo.page
      .getByRole("link", { name: `Stellungnahme zu „${TITLE}“ öffnen` })
      .first()
      .click();
    await dpo.page.waitForURL(consultationUrl, POLL);
    const list = dpo.page.getByRole("region", { name: "Anlagen zur Anfrage" });
    expect(await list.locator("li").allTextContents()).toEqual([
      expect.stringContaining("Datenschutz-Folgenabschätzung – DSFA Messenger.pdf"),
    ]);
    // She reads, she does not change the request's files.
    expect(await list.getByRole("button").count()).toBe(0);
    await checkA11y(dpo.page);
    const [download] = await Promise.all([
      dpo.page.waitForEvent("download"),
      list.getByRole("link", { name: "DSFA Messenger.pdf herunterladen" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("DSFA Messenger.pdf");
    const href = await list.getByRole("link", { name: "DSFA Messenger.pdf herunterladen" }).getAttribute("href");
    const response = await dpo.page.request.get(new URL(href!, consultationUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await response.body()).equals(Buffer.from(files.pdf()))).toBe(true);
    dpo.assertNoPageErrors();
    await dpo.close();

    // Signed out, the file is not served (the sign-in page or a 404, never the bytes).
    const anonymous = await browser.newContext();
    const outside = await anonymous.request.get(new URL(href!, consultationUrl).toString(), { maxRedirects: 0 });
    expect([302, 303, 404]).toContain(outside.status());
    expect(Buffer.from(await outside.body()).includes(Buffer.from("%PDF"))).toBe(false);
    await anonymous.close();
  });
});
