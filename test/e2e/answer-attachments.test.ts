/**
 * Attachments (Anlagen) through the UI (issue 10, ADR 0017), in the Landtag NRW: the clerk uploads a PDF and a
 * CSV marked non-public; a file whose name says PDF but whose bytes do not is refused with a German message at
 * the field (the title kept); a 50 MB file is refused at the field with JavaScript, and without JavaScript the
 * server's German 413 page is what the user sees. After sign-off and publication, the public page offers only
 * the public attachment, and its download carries `attachment`, `nosniff` and the sniffed type. axe at 1280 and
 * 320 px, no sideways scrolling; a console error fails the test.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, openPage } from "../support/browser";
import { files } from "../support/attachment-files";
import { freshApp, type OwnApp } from "../support/e2e-app";
import { signInStaffFirstTime } from "../support/sign-in";

const TITLE = "Open-Source-Software in den Ministerien";
const POLL = { timeout: 20_000 };

let app: OwnApp;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "quaestio-anlagen-"));
  [app, browser] = await Promise.all([freshApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function narrowAndWide(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const widths = await page.evaluate(() => {
    const right = document.documentElement.clientWidth + 1;
    // What sticks out past the right edge outside any scrolling container, for the message.
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => {
        if (el.getBoundingClientRect().right <= right) return false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== "visible") return false;
        return true;
      })
      .slice(0, 4)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, culprits };
  });
  expect(widths.scroll, `${page.url()} scrolls sideways at 320 px: ${widths.culprits.join("; ")}`).toBeLessThanOrEqual(
    widths.client,
  );
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page);
}

async function upload(page: Page, title: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("Titel der Anlage").fill(title);
  await page.getByLabel("Datei", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Anlage hochladen" }).click();
}

describe("attachments of an answer", () => {
  it("are uploaded, checked by their bytes, kept non-public where marked, and downloaded with safe headers", async () => {
    const clerk = await openPage(browser);
    await signInStaffFirstTime(clerk.page, app.url, "sachbearbeitung@landtag-nrw.quaestio.example");
    await clerk.page.goto(`${app.url}/arbeitsbereich`);
    await clerk.page.getByRole("link", { name: TITLE }).first().click();
    await clerk.page.waitForURL(/\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}$/);
    const inquiryUrl = clerk.page.url();
    await clerk.page.getByRole("button", { name: "Beantwortung beginnen" }).click();
    await clerk.page.getByRole("link", { name: "Antwort bearbeiten oder ansehen" }).click();
    await clerk.page.waitForURL(`${inquiryUrl}/antwort`);
    await clerk.page.getByRole("link", { name: "Anlagen verwalten" }).click();
    await clerk.page.waitForURL(`${inquiryUrl}/antwort/anlagen`);
    await narrowAndWide(clerk.page);

    await upload(clerk.page, "Anlage: Ressorts und Werkzeuge", {
      name: "Ressorts und Werkzeuge.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(files.pdf()),
    });
    await expect
      .poll(async () => clerk.page.getByRole("status").textContent(), POLL)
      .toContain("Die Anlage wurde gespeichert.");

    await clerk.page.getByLabel(/Nicht öffentlich/).check();
    await upload(clerk.page, "Lizenzschlüssel (intern)", {
      name: "lizenzen.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(files.csv()),
    });
    await expect.poll(async () => clerk.page.locator("ol.attachments li").count(), POLL).toBe(2);
    expect(await clerk.page.locator("ol.attachments li").nth(1).textContent()).toContain("nicht öffentlich");

    // A page that calls itself a PDF: refused at the field (HTTP 400, on purpose), the title kept, nothing added.
    clerk.allowHttpError(/\/antwort\/anlagen$/, 400);
    await upload(clerk.page, "Gefälschte Anlage", {
      name: "bericht.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(files.htmlAsPdf()),
    });
    await clerk.page.locator("#attachment-file-error", { hasText: "Dateityp" }).waitFor(POLL);
    expect(await clerk.page.getByLabel("Titel der Anlage").inputValue()).toBe("Gefälschte Anlage");
    expect(await clerk.page.locator("ol.attachments li").count()).toBe(2);
    await narrowAndWide(clerk.page);

    // 50 MB: with JavaScript, refused at the field before anything is sent.
    const big = path.join(scratch, "gross.pdf");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x25));
    await clerk.page.getByLabel("Datei", { exact: true }).setInputFiles(big);
    await clerk.page.locator("#attachment-file-error", { hasText: "zu groß" }).waitFor(POLL);
    await clerk.page.getByRole("button", { name: "Anlage hochladen" }).click();
    expect(await clerk.page.locator("ol.attachments li").count()).toBe(2);
    clerk.assertNoPageErrors();

    // Without JavaScript the body reaches the server's guard, which answers with its German page.
    const noJs = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
    await noJs.addCookies(await clerk.context.cookies());
    const plain = await noJs.newPage();
    await plain.goto(`${inquiryUrl}/antwort/anlagen`);
    await plain.getByLabel("Titel der Anlage").fill("Zu groß");
    await plain.getByLabel("Datei", { exact: true }).setInputFiles(big);
    const [refusal] = await Promise.all([
      plain.waitForNavigation({ timeout: 60_000 }),
      plain.getByRole("button", { name: "Anlage hochladen" }).click(),
    ]);
    expect(refusal?.status()).toBe(413);
    expect(await plain.locator("h1").textContent()).toBe("Zu große Anfrage");
    expect(await plain.locator("main").textContent()).toContain("20 MB");
    await noJs.close();

    // Sign-off (NRW: Sachbearbeitung → Verwaltungsspitze) and publication.
    await clerk.page.goto(`${inquiryUrl}/antwort`);
    await clerk.page.getByRole("button", { name: "Zur Schlusszeichnung geben" }).click();
    await clerk.page.getByLabel("Ich habe den aktuellen Inhalt der Antwort gelesen und zeichne ihn.").check();
    await clerk.page.getByRole("button", { name: "Als „Sachbearbeitung“ zeichnen" }).click();
    await expect
      .poll(async () => clerk.page.locator(".sign-off-table tbody tr").nth(0).textContent(), POLL)
      .toContain("gezeichnet");
    clerk.assertNoPageErrors();
    await clerk.close();

    const executive = await openPage(browser);
    await signInStaffFirstTime(executive.page, app.url, "verwaltungsspitze@landtag-nrw.quaestio.example");
    await executive.page.goto(`${inquiryUrl}/antwort`);
    await executive.page.getByLabel("Ich habe den aktuellen Inhalt der Antwort gelesen und zeichne ihn.").check();
    await executive.page.getByRole("button", { name: "Als „Verwaltungsspitze“ zeichnen" }).click();
    await expect
      .poll(
        async () =>
          executive.page
            .locator("dt", { hasText: "Stand der Antwort" })
            .locator("xpath=following-sibling::dd[1]")
            .textContent(),
        POLL,
      )
      .toBe("freigegeben");
    executive.assertNoPageErrors();
    await executive.close();

    const office = await openPage(browser);
    await signInStaffFirstTime(office.page, app.url, "ratsbuero@landtag-nrw.quaestio.example");
    await office.page.goto(`${inquiryUrl}/antwort`);
    await office.page.getByLabel("Aktenzeichen / Drucksachennummer der veröffentlichten Antwort").fill("18/4712");
    // Beratungsfolge: a future plenary session takes note of the answer.
    await office.page.getByLabel("Sitzung", { exact: true }).selectOption({ value: "new" });
    await office.page
      .getByLabel("Gremium der künftigen Sitzung")
      .selectOption({ label: "Landtag Nordrhein-Westfalen" });
    await office.page.getByLabel("Datum der künftigen Sitzung").fill("2099-03-04");
    await office.page.getByLabel("Zuständigkeit").selectOption("Kenntnisnahme");
    // A second step: the committee decides two weeks later (the row is added in the page, focus moves to it).
    await office.page.getByRole("button", { name: "Weiteren Beratungsschritt hinzufügen" }).click();
    const second = office.page.getByRole("group", { name: "Beratungsschritt 2" });
    await expect
      .poll(() => office.page.evaluate(() => document.activeElement?.getAttribute("name")), POLL)
      .toBe("beratungsfolge-1-meeting");
    await second.getByLabel("Sitzung", { exact: true }).selectOption({ value: "new" });
    await second.getByLabel("Gremium der künftigen Sitzung").selectOption({ index: 1 });
    await second.getByLabel("Datum der künftigen Sitzung").fill("2099-03-18");
    await second.getByLabel("Zuständigkeit").selectOption("Entscheidung");
    await narrowAndWide(office.page);
    await office.page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    await expect
      .poll(async () => office.page.getByRole("status").filter({ hasText: "veröffentlicht" }).count(), POLL)
      .toBeGreaterThan(0);
    await office.page.getByRole("link", { name: "Öffentliche Seite" }).click();
    await office.page.waitForURL(/\/landtag-nrw\/anfragen\//);
    const publicUrl = office.page.url();
    office.assertNoPageErrors();
    await office.close();

    // The public reads the page: only the public attachment, downloadable with safe headers.
    const reader = await openPage(browser);
    await reader.page.goto(publicUrl);
    const section = reader.page.locator("section", { has: reader.page.locator("h2#anlagen") });
    expect(await section.textContent()).toContain("Anlage: Ressorts und Werkzeuge");
    expect(await reader.page.content()).not.toContain("Lizenzschlüssel (intern)");
    expect(await reader.page.locator("main").textContent()).toMatch(
      /Landtag Nordrhein-Westfalen, 04\.03\.2099 – Antwort auf der Tagesordnung, Zuständigkeit: Kenntnisnahme/,
    );
    expect(await reader.page.locator("main").textContent()).toMatch(
      /18\.03\.2099 – Antwort auf der Tagesordnung, Zuständigkeit: Entscheidung/,
    );
    const link = section.getByRole("link", { name: /Ressorts und Werkzeuge\.pdf/ });
    const href = await link.getAttribute("href");
    const response = await reader.page.request.get(new URL(href!, publicUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-disposition"]).toBe(
      `attachment; filename="Ressorts und Werkzeuge.pdf"; filename*=UTF-8''Ressorts%20und%20Werkzeuge.pdf`,
    );
    expect(Buffer.from(await response.body()).equals(Buffer.from(files.pdf()))).toBe(true);
    await narrowAndWide(reader.page);
    reader.assertNoPageErrors();
    await reader.close();
  });
});
