/**
 * Drafting in the browser: a faction member (no second factor) starts a draft, formats the preamble and a
 * question (bold, bullet list, table — through the toolbar), adds a question and a sub-question, sees the
 * autosave, reloads and finds everything, pastes Word HTML, and submits. A second browser context saving the
 * same draft gets the conflict message and keeps its text. Accessibility checked on each page; no console
 * errors anywhere.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage } from "../support/browser";
import { signInFactionMember, signInFactionMemberOnce } from "../support/sign-in";
import { expectStatusAfterAutosave, installClock } from "../support/autosave-clock";

const FACTION = "fraktion@norderstedt.quaestio.example";
const WORD_HTML = readFileSync(new URL("../fixtures/paste/word-2019.html", import.meta.url), "utf8");

const { app, browser } = useAppAndBrowser();

/** The story's steps were tests of the project's 180 s each; together they get the long UI flows' 480 s
 * (reproduce-*.test.ts), so that a busy machine does not fail them. */
const STORY_TIMEOUT = 480_000;

/** The tests here are about drafting: the faction member signs in once, later pages reuse that session. */
const signIn = (page: Page) => signInFactionMemberOnce(page, app.url, FACTION);

/** The editor is hydrated once its toolbars are there. */
async function waitForEditors(page: Page) {
  await page.getByRole("toolbar", { name: "Formatierung: Vorbemerkung (optional)" }).waitFor();
}

const toolbar = (page: Page, field: string) => page.getByRole("toolbar", { name: `Formatierung: ${field}` });
const status = (page: Page) =>
  page.getByRole("status").filter({ hasText: /Entwurf|Speichern|gespeichert|Ungespeichert|Jemand/ });

describe("drafting an inquiry", () => {
  let draftUrl = "";

  /** Step 1: creates a draft, formats it, autosaves, and finds everything after a reload */
  async function step1() {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await installClock(page);
    await signIn(page);
    await page.goto(`${app.url}/arbeitsbereich/entwurf/neu`);
    await checkA11y(page);
    // The deadline rule is shown with each type.
    await expect.poll(() => page.getByText(/^Frist: /).count()).toBeGreaterThan(0);
    await page.getByRole("radio").first().check();
    await page.getByLabel("Titel").fill("Videokonferenzen in der Verwaltung");
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await page.waitForURL(/\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
    draftUrl = page.url();
    await waitForEditors(page);
    await checkA11y(page);

    // Preamble with bold text, through the toolbar.
    await page.locator("#preamble").click();
    await page.keyboard.type("Die Stadt nutzt ");
    await toolbar(page, "Vorbemerkung (optional)").getByRole("button", { name: "Fett" }).click();
    await page.keyboard.type("mehrere Systeme");
    await toolbar(page, "Vorbemerkung (optional)").getByRole("button", { name: "Fett" }).click();
    await page.keyboard.type(".");

    // Question 1: text, a bullet list and a table.
    const q1 = toolbar(page, "Text der Frage 1");
    await page.locator("#q-0").click();
    await page.keyboard.type("Welche Systeme werden genutzt?");
    await page.keyboard.press("Enter");
    await q1.getByRole("button", { name: "Aufzählung" }).click();
    await page.keyboard.type("Webex");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Jitsi");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await q1.getByRole("button", { name: "Tabelle einfügen" }).click();
    await page.keyboard.type("Werkzeug");
    await q1.getByRole("button", { name: "Zeile hinzufügen" }).click();
    expect(await page.locator("#q-0 table tr").count()).toBe(3);

    // A second question and a sub-question to it.
    await page.getByRole("button", { name: "Frage hinzufügen" }).click();
    await page.locator("#q-1").click();
    await page.keyboard.type("Was kostet das?");
    await page.getByRole("button", { name: "Unterfrage zu Frage 2 hinzufügen" }).click();
    await page.locator("#q-2").click();
    await page.keyboard.type("Und im Jahr 2025?");
    await expect
      .poll(() => page.getByRole("heading", { level: 3 }).allTextContents())
      .toEqual(["Frage 1", "Frage 2", "Frage 2a"]);

    // Reordering with the keyboard: a question moves with its sub-questions, is renumbered, the focus follows it.
    await page.getByRole("button", { name: "Frage 2 nach oben" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#q-0").textContent()).toBe("Was kostet das?");
    expect(await page.locator("#q-1").textContent()).toBe("Und im Jahr 2025?");
    expect(await page.getByRole("heading", { level: 3 }).allTextContents()).toEqual(["Frage 1", "Frage 1a", "Frage 2"]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Frage 1");
    await page.getByRole("button", { name: "Frage 1 nach unten" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#q-0 ul li").allTextContents()).toEqual(["Webex", "Jitsi"]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Frage 2");

    // Autosave, a few seconds after typing stops (the page's clock moved on to it).
    await expectStatusAfterAutosave(page, status(page), /^Entwurf gespeichert um \d\d:\d\d Uhr\.$/);

    await page.reload();
    await waitForEditors(page);
    expect(await page.locator("#preamble strong").textContent()).toBe("mehrere Systeme");
    expect(await page.locator("#q-0 ul li").allTextContents()).toEqual(["Webex", "Jitsi"]);
    expect(await page.locator("#q-0 table").count()).toBe(1);
    expect(await page.locator("#q-0 table").textContent()).toContain("Werkzeug");
    expect(await page.locator("#q-1").textContent()).toBe("Was kostet das?");
    expect(await page.locator("#q-2").textContent()).toBe("Und im Jahr 2025?");
    expect(await page.getByRole("heading", { level: 3 }).allTextContents()).toEqual(["Frage 1", "Frage 2", "Frage 2a"]);
    await checkA11y(page);
    assertNoPageErrors();
    await close();
  }

  /** Step 2: gives a second browser saving the same draft the conflict message and keeps its text */
  async function step2() {
    const first = await openPage(browser);
    const second = await openPage(browser);
    await signIn(first.page);
    // The second browser signs in itself: a session of its own, as on another computer.
    await signInFactionMember(second.page, app.url, FACTION);
    await first.page.goto(draftUrl);
    await second.page.goto(draftUrl);
    await waitForEditors(first.page);
    await waitForEditors(second.page);

    await first.page.getByLabel("Titel").fill("Videokonferenzen – Fassung A");
    await first.page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect.poll(() => status(first.page).textContent()).toMatch(/Entwurf gespeichert um/);

    // The stale save is answered with 409 on purpose.
    second.allowHttpError(/\/arbeitsbereich\/entwurf\//, 409);
    await second.page.locator("#q-1").click();
    await second.page.keyboard.press("End");
    await second.page.keyboard.type(" Meine Ergänzung.");
    await second.page.getByRole("button", { name: "Entwurf speichern" }).click();
    const alert = second.page.getByRole("alert").filter({ hasText: "inzwischen gespeichert" });
    await alert.waitFor();
    // It says who saved the other version and when (here the same account in the other browser).
    const saver = (await first.page.locator(".site-nav__user").textContent())!.replace("Angemeldet als", "").trim();
    const message = await alert.textContent();
    expect(message).toContain(`Gespeichert von ${saver} um `);
    expect(message).toMatch(/ um \d{2}:\d{2} Uhr\./);
    expect(await second.page.locator("#q-1").textContent()).toBe("Was kostet das? Meine Ergänzung.");
    expect(
      await alert
        .getByRole("link", { name: "Die gespeicherte Fassung in einem neuen Tab ansehen" })
        .getAttribute("target"),
    ).toBe("_blank");
    await checkA11y(second.page);

    // Deliberately saving over the other version.
    await alert.getByRole("button", { name: "Meine Fassung trotzdem speichern" }).click();
    await expect.poll(() => status(second.page).textContent()).toMatch(/Entwurf gespeichert um/);
    await second.page.reload();
    await waitForEditors(second.page);
    expect(await second.page.locator("#q-1").textContent()).toBe("Was kostet das? Meine Ergänzung.");

    first.assertNoPageErrors();
    second.assertNoPageErrors();
    await first.close();
    await second.close();
  }

  /** Step 3: cleans Word HTML pasted into a question */
  async function step3() {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await installClock(page);
    await signIn(page);
    await page.goto(draftUrl);
    await waitForEditors(page);
    // Offline: the autosave says so and the text stays in the editor.
    await page.context().setOffline(true);
    await page.locator("#q-2").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" (offline)");
    await expectStatusAfterAutosave(page, status(page), /Speichern fehlgeschlagen: Der Server ist nicht erreichbar/);
    expect(await page.locator("#q-2").textContent()).toBe("Und im Jahr 2025? (offline)");
    await page.context().setOffline(false);

    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.locator("#q-2").evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "Word");
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    const pasted = page.locator("#q-2");
    await expect.poll(() => pasted.locator("strong").allTextContents()).toContain("mehrere Videokonferenzsysteme");
    expect(await pasted.locator("em").allTextContents()).toContain("Cisco Webex");
    expect(await pasted.locator("ul > li").first().textContent()).toContain("Welche Systeme werden genutzt?");
    expect(await pasted.locator("ol > li").allTextContents()).toEqual([
      "Erste nummerierte Frage",
      "Zweite nummerierte Frage",
    ]);
    expect(await pasted.locator("table").count()).toBe(1);
    expect(await pasted.locator("a").first().getAttribute("href")).toBe("https://www.ldi.nrw.de/leitplanken");
    const html = await pasted.innerHTML();
    expect(html).not.toMatch(/mso-|MsoNormal|<o:p|<font|<span|·|javascript/);
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect.poll(() => status(page).textContent()).toMatch(/Entwurf gespeichert um/);
    assertNoPageErrors();
    await close();
  }

  /** Step 4: asks for confirmation, then submits and shows the reference number and the deadline */
  async function step4() {
    const { page, assertNoPageErrors, allowHttpError, close } = await openPage(browser);
    await signIn(page);
    await page.goto(draftUrl);
    await waitForEditors(page);
    // Without the confirmation nothing is submitted and the text stays.
    allowHttpError(/\/arbeitsbereich\/entwurf\//, 400);
    await page.getByRole("button", { name: "Anfrage einreichen" }).click();
    await page.getByText("Bitte bestätigen Sie, dass Sie die Anfrage jetzt einreichen möchten.").first().waitFor();
    expect(await page.locator("#q-1").textContent()).toBe("Was kostet das? Meine Ergänzung.");

    await page.getByLabel("Ich habe die Anfrage geprüft und möchte sie jetzt einreichen.").check();
    await page.getByRole("button", { name: "Anfrage einreichen" }).click();
    await page.waitForURL(/\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}(\?eingereicht=1)?$/);
    const reference = page.locator("dt", { hasText: /^Nummer$/ }).locator("xpath=following-sibling::dd[1]");
    expect(await reference.textContent()).toMatch(/\d/);
    expect(
      await page
        .locator("dt", { hasText: /^Status$/ })
        .locator("xpath=following-sibling::dd[1]")
        .textContent(),
    ).toBe("eingereicht");
    // Norderstedt's rule is "until the next meeting of the Hauptausschuss": the date shows once one is scheduled.
    const due = page.locator("dt", { hasText: /^Frist$/ });
    if ((await due.count()) > 0)
      expect(await due.locator("xpath=following-sibling::dd[1]").textContent()).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    await checkA11y(page);

    // The editor no longer offers the submitted inquiry: it sends the user to its page.
    await page.goto(draftUrl);
    await page.waitForURL(/\/arbeitsbereich\/vorgaenge\//);
    assertNoPageErrors();
    await close();
  }

  /*
   * One story in four steps, one test (issue 9: no test may depend on another having run first): each step works on
   * the draft the first one made and on what the steps before it typed. Same steps and assertions as the four tests
   * they were; a failure names its step in the stack (step1 … step4).
   */
  it(
    "drafts, formats, autosaves and reloads; a second browser gets the conflict message; Word HTML is cleaned; then it is submitted",
    async () => {
      await step1();
      await step2();
      await step3();
      await step4();
    },
    STORY_TIMEOUT,
  );
});

describe("drafting without JavaScript", () => {
  it("writes, restructures, saves and submits a draft with plain textareas; an empty question is named", async () => {
    const context = await browser.newContext({
      locale: "de-DE",
      timezoneId: "Europe/Berlin",
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    // The refused submission below answers 400 on purpose; every other console error counts.
    page.on("console", (m) =>
      m.type() === "error" && !/status of 400/.test(m.text()) ? problems.push(m.text()) : undefined,
    );
    page.on("response", (r) => (r.status() >= 500 ? problems.push(`HTTP ${r.status()} ${r.url()}`) : undefined));
    await signIn(page);
    await page.goto(`${app.url}/arbeitsbereich/entwurf/neu`);
    await page.getByRole("radio").first().check();
    await page.getByLabel("Titel").fill("Ohne JavaScript geschrieben");
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await page.waitForURL(/\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
    expect(await page.getByRole("toolbar").count()).toBe(0);

    await page.getByLabel("Vorbemerkung (optional)").fill("Erster Absatz.\n\n- Punkt eins\n- Punkt zwei");
    await page.getByLabel("Text der Frage 1", { exact: true }).fill("Erste Frage?");
    // Structural edits are submit buttons: the server saves and applies them.
    await page.getByRole("button", { name: "Frage hinzufügen" }).click();
    await page.getByLabel("Text der Frage 2").waitFor();
    expect(await page.getByLabel("Text der Frage 1", { exact: true }).inputValue()).toBe("Erste Frage?");
    await page.getByRole("button", { name: "Frage 2 zur Unterfrage machen" }).click();
    await page.getByLabel("Text der Frage 1a").waitFor();
    expect(await page.getByRole("heading", { level: 3 }).allTextContents()).toEqual(["Frage 1", "Frage 1a"]);

    // Submitting with the sub-question empty: refused, named, nothing lost.
    await page.getByLabel("Ich habe die Anfrage geprüft und möchte sie jetzt einreichen.").check();
    await page.getByRole("button", { name: "Anfrage einreichen" }).click();
    await page.getByRole("alert").filter({ hasText: "Frage 1a ist leer." }).waitFor();
    expect(await page.getByLabel("Text der Frage 1", { exact: true }).inputValue()).toBe("Erste Frage?");
    expect(await page.getByLabel("Text der Frage 1a").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Text der Frage 1a").fill("Und die Unterfrage?");
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Entwurf gespeichert um/ })
      .waitFor();
    expect(await page.getByLabel("Vorbemerkung (optional)").inputValue()).toBe(
      "Erster Absatz.\n\n- Punkt eins\n- Punkt zwei",
    );

    await page.getByLabel("Ich habe die Anfrage geprüft und möchte sie jetzt einreichen.").check();
    await page.getByRole("button", { name: "Anfrage einreichen" }).click();
    await page.waitForURL(/\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}(\?eingereicht=1)?$/);
    expect(
      await page
        .locator("dt", { hasText: /^Nummer$/ })
        .locator("xpath=following-sibling::dd[1]")
        .textContent(),
    ).toMatch(/\d/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("answers 404 to a faction member of another body, for the draft and for a made-up id", async () => {
    const { page, allowHttpError, assertNoPageErrors, close } = await openPage(browser);
    await signInFactionMember(page, app.url, "fraktion@hamburg.quaestio.example");
    allowHttpError(/\/arbeitsbereich\/entwurf\//, 404);
    const made = await page.goto(`${app.url}/arbeitsbereich/entwurf/00000000-0000-4000-8000-000000000000`);
    expect(made?.status()).toBe(404);
    const other = await page.goto(`${app.url}/arbeitsbereich/entwurf/not-an-id`);
    expect(other?.status()).toBe(404);
    assertNoPageErrors();
    await close();
  });
});
