/**
 * The consultation forms on Conform (issue 9): the consulted office's statement (with its items and verdict)
 * and the lead department's request forms. A refused submission shows the error summary, which takes the focus
 * and links to the fields; the message stands at the field (aria-invalid, aria-describedby) and what was typed
 * is kept — with JavaScript, and as plain HTML from a POST without it.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, openPage } from "../support/browser";
import { freshApp, type OwnApp } from "../support/e2e-app";
import { signInStaffFirstTime } from "../support/sign-in";

const POLL = { timeout: 30_000 };
const DPO = "datenschutz@norderstedt.quaestio.example";
const CLERK = "sachbearbeitung@norderstedt.quaestio.example";
/** Demo inquiry of Norderstedt whose answer is being drafted; the DPO's statement on it is requested. */
const TITLE = "Aufzeichnungen von Videokonferenzen";
const VERDICT_MISSING = "Bitte wählen Sie ein Ergebnis.";
const ITEM_TOO_LONG = "Ein Punkt darf höchstens 2.000 Zeichen lang sein.";
const QUESTIONS_EMPTY = "Bitte formulieren Sie die Fragen.";
const DUE_MISSING = "Bitte geben Sie an, bis wann die Antwort erbeten ist.";

let app: OwnApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([freshApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const focusedClass = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.className ?? "");

/** The texts of the elements that describe `control` (its aria-describedby). */
async function descriptionOf(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

/** The focused summary lists `message` as a link to the control, and the control is described by it. */
async function expectAtField(page: Page, control: Locator, message: string, invalid = true) {
  const summary = page.locator(".error-summary:focus");
  expect(await summary.textContent()).toContain(message);
  if (invalid) expect(await control.getAttribute("aria-invalid")).toBe("true");
  expect(await descriptionOf(page, control)).toContain(message);
  const href = await summary.getByRole("link", { name: message }).getAttribute("href");
  expect(href).toMatch(/^#/);
  expect(await page.locator(`[id="${href!.slice(1)}"]`).count()).toBe(1);
}

describe("consultation forms on Conform", () => {
  it("refuses a statement without a verdict and with a too long item: summary with focus, messages at the fields, input kept, also without JavaScript", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;
    recorded.allowHttpError(/\/arbeitsbereich\/beratungen\/[^/]+(\.data)?$/, 400);
    await signInStaffFirstTime(page, app.url, DPO);
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.getByRole("link", { name: new RegExp(`Stellungnahme zu „${TITLE}“ öffnen`) }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/beratungen/"));
    const form = page.getByRole("form", { name: "Stellungnahme", exact: true });
    await form.getByLabel("Überschrift der Stellungnahme").fill("Kurzbetrachtung ohne Ergebnis");
    await page.locator("#stellungnahme-statement[contenteditable='true']").click();
    await page.keyboard.type("Bedenken, soweit Dritte erkennbar sind.");
    const longItem = `${"Sehr lange Auflage. ".repeat(100)}Ende`;
    await form.getByLabel("Text von Punkt 1").fill(longItem);
    await form.getByRole("button", { name: "Stellungnahme abgeben" }).click();

    await expect.poll(() => focusedClass(page), POLL).toContain("error-summary");
    await expectAtField(page, form.getByRole("group", { name: "Ergebnis", exact: true }), VERDICT_MISSING, false);
    expect(await form.getByRole("radio").first().getAttribute("aria-invalid")).toBe("true");
    const item = form.getByLabel("Text von Punkt 1");
    expect(await item.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(page, item)).toContain(ITEM_TOO_LONG);
    expect(await page.locator(".error-summary").textContent()).toContain(ITEM_TOO_LONG);
    expect(await item.inputValue()).toBe(longItem);
    expect(await form.getByLabel("Überschrift der Stellungnahme").inputValue()).toBe("Kurzbetrachtung ohne Ergebnis");
    await expect.poll(() => page.locator("#stellungnahme-statement").textContent()).toContain("Dritte erkennbar");
    await checkA11y(page);

    // A plain POST (no JavaScript): the page with the summary, the messages at the fields and the input.
    const version = await form.locator("input[name='version']").inputValue();
    const response = await page.request.post(page.url(), {
      form: {
        intent: "submit",
        version,
        title: "Ohne Skript gesendet",
        "statement-text": "Bedenken ohne Skript.",
        "items[0].kind": "restriction",
        "items[0].text": longItem,
      },
      headers: { origin: app.url },
    });
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(html).toContain("error-summary");
    expect(html).toContain(VERDICT_MISSING);
    expect(html).toContain(ITEM_TOO_LONG);
    expect(html).toContain('value="Ohne Skript gesendet"');
    expect(html).toContain("Bedenken ohne Skript.");
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"[^>]*aria-describedby="stellungnahme-items-0-error"/);
    expect(html).toContain('id="stellungnahme-verdict-error"');

    // Corrected and saved as a draft: the page shows the saved state, the old messages are gone.
    await form.getByLabel("Text von Punkt 1").fill("Kurze Auflage.");
    await form.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Gespeichert." }).count(), POLL).toBe(1);
    expect(await page.locator(".error-summary").count()).toBe(0);
    expect(await form.getByLabel("Text von Punkt 1").getAttribute("aria-invalid")).toBeNull();
    expect(await form.getByLabel("Text von Punkt 1").inputValue()).toBe("Kurze Auflage.");
    expect(await form.getByLabel("Überschrift der Stellungnahme").inputValue()).toBe("Kurzbetrachtung ohne Ergebnis");
    recorded.assertNoPageErrors();
    await recorded.close();
  });

  it("refuses a request without questions and due date at the fields, keeps the input, then sends it; also without JavaScript", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;
    recorded.allowHttpError(/\/beteiligungen(\.data)?$/, 400);
    await signInStaffFirstTime(page, app.url, CLERK);
    await page.goto(`${app.url}/arbeitsbereich`);
    await page.getByRole("link", { name: TITLE, exact: true }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/vorgaenge/"));
    const inquiryPath = new URL(page.url()).pathname.match(/^\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}/)![0];
    await page.goto(`${app.url}${inquiryPath}/beteiligungen`);

    const form = page.getByRole("form", { name: "Zulieferung anfordern", exact: true });
    const addressee = await form.getByLabel("Beteiligtes Amt").inputValue();
    await form.getByRole("button", { name: "Zulieferung anfordern" }).click();
    await expect.poll(() => focusedClass(page), POLL).toContain("error-summary");
    await expectAtField(page, form.getByLabel("Frage an das Amt", { exact: true }), QUESTIONS_EMPTY);
    await expectAtField(page, form.getByLabel("Antwort erbeten bis"), DUE_MISSING);
    await checkA11y(page);

    // The questions typed, the date still missing: the message stays at the date, the questions are kept.
    await form.getByLabel("Frage an das Amt", { exact: true }).click();
    await page.keyboard.type("Welche Einstellungen hat das Amt vorgenommen?");
    await form.getByRole("button", { name: "Zulieferung anfordern" }).click();
    await expect.poll(() => page.locator(".error-summary").textContent(), POLL).not.toContain(QUESTIONS_EMPTY);
    await expect.poll(() => focusedClass(page), POLL).toContain("error-summary");
    await expectAtField(page, form.getByLabel("Antwort erbeten bis"), DUE_MISSING);
    expect(await form.getByLabel("Frage an das Amt", { exact: true }).textContent()).toContain("Welche Einstellungen");

    // A plain POST (no JavaScript): the date's message at its input, the typed questions in the textarea.
    const version = await form.locator("input[name='version']").inputValue();
    const response = await page.request.post(page.url(), {
      form: { kind: "department", version, addresseeOrganizationId: addressee, "questions-text": "Frage ohne Skript" },
      headers: { origin: app.url },
    });
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(html).toContain("error-summary");
    expect(html).toContain(DUE_MISSING);
    expect(html).toMatch(/<textarea[^>]*id="department-questions"[^>]*>Frage ohne Skript<\/textarea>/);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*aria-describedby="department-dueOn-error"/);

    const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel("Antwort erbeten bis").fill(dueOn);
    await form.getByRole("button", { name: "Zulieferung anfordern" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/beratungen/"), POLL);
    await expect
      .poll(() => page.getByText("Welche Einstellungen hat das Amt vorgenommen?").count(), POLL)
      .toBeGreaterThan(0);
    recorded.assertNoPageErrors();
    await recorded.close();
  });
});
